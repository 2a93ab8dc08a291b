"""A table without a real cost indicator (成本指标).

A performance target includes 成本控制要求 (财预〔2021〕101号): the 成本指标 block — a 一级
指标 in current forms, a 二级 under 产出指标 in older ones — must hold at least one row that
states a cost (预算控制数 ≤954100元, 人均培训成本 ≤210元/人/天 …). A table is reported when it
has no 成本指标 row at all, or when every row under 成本指标 is something else: 预算执行率 is an
execution rate, not a cost, yet the three projects of seed 002 have only 预算执行率 there.

Options:
    not_costs: regular expressions (``re.search`` on the 三级指标 name) for rows that sit
        under 成本指标 but do not state a cost; placeholders (无, 不适用) are among them.
    rates_are_not_costs: a row whose value is a percentage states a rate, not a cost,
        whatever its name (corpus 石嘴山: 按照物价部门定价标准采购 100%, a procurement
        statement, is the only "cost" of a 3,000,000元 project).

Located on the 成本指标 label when the table has one, else on its 绩效指标 key, else on
the project (or department) name. Message parameters: ``problem`` (what the cost block
lacks: ``texts.none`` when it holds nothing, else ``texts.only_others`` with the {names}
of the non-cost rows it holds, quoted).
"""

from __future__ import annotations

from typing import Iterator

from lint.checks._kinds import value_kind
from lint.checks._texts import quoted, text
from lint.findings import Hit
from lint.loading import labels
from lint.values import parse_value

SCOPE = "table"
OPTIONS = {
    "not_costs": ["执行率", "支付及时率", "支出进度", "资金到位率", r"^\s*(无|不适用|/|-)?\s*$"],
    "rates_are_not_costs": True,
}
PATTERN_OPTIONS = ("not_costs",)
TEXTS = {"none": (), "only_others": ("names",)}


def check(rule, table) -> Iterator[Hit]:
    not_costs = rule.options["not_costs"]
    rows = [i for i in table.indicators if labels.is_cost(i.level1, i.level2)]
    rates = rule.options["rates_are_not_costs"]
    others = [i.name.text for i in rows if not_costs.search(i.name.text) or (rates and _is_rate(i))]
    if len(others) < len(rows):
        return
    label = table.level1_cells.get("成本指标") or next(
        (cell for level1, level2, cell in table.level2_cells if labels.is_cost(level1, level2)), None
    )
    anchor = label or table.indicators_cell or table.title
    shown = [name for name in others if name.strip()]
    problem = text(rule, "only_others", names=quoted(shown)) if shown else text(rule, "none")
    yield Hit(anchor.span if anchor else table.anchor, params={"problem": problem}, value=anchor.text if anchor else None)


def _is_rate(indicator) -> bool:
    cell = indicator.main_value
    return cell is not None and value_kind(parse_value(cell.text).pieces[0]) == "percent"
