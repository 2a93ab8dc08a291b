"""A total-cost cap (预算控制数 …) that does not match the project's 预算金额.

A project's 成本指标 usually carries one row that caps the whole cost of the year — 预算控制数,
项目总成本, 成本控制数, 项目成本 — with a value such as "≤954100元". That cap is the budget:
the 财预 rules ask the target to state 成本控制要求 that relate to the budget. A cap below
预算金额 says the unit will not spend money it asked for (or the budget is padded); a cap
above it promises spending that is not funded. Seed 001 has three: 创建儿童友好城市工作
(≤549676元 against 589,176.00), 购买白玉兰家庭服务项目 (≤954100元 against 954,112.00) and
市妇联统筹运维服务项目 (≤208000元 against 200,800.00).

Only caps in money (元, 千元, 万元, 亿元) count: a per-unit cost (≤210元/人/天, ≤105000元/人/年)
is a standard, not a total, and is never compared with the budget. The value compared is
the row's 年度指标值 (or its single 指标值 column) — 预算金额 is the year's budget, so a
实施周期指标值 of a multi-year project is not comparable. 预算金额 is read with
``parse_amount``; a bare number is in 元 (the form's header: 预算金额(元)).

Only rows under a 成本指标 label (一级, or 二级 under 产出指标 in older forms) whose
三级指标 name matches ``cap_names`` are caps.

Options:
    cap_names: regular expressions (``re.search``) for the names of total-cost caps.
    tolerance: an absolute difference in 元 that is accepted (default 0: the cap is the
        budget, to the 元).
    relative_tolerance: a difference accepted as a fraction of 预算金额 (0.01 = 1%).
        The larger of the two tolerances applies.

Located on the cap's value cell. Message parameters: ``budget`` (预算金额 as written),
``difference`` (in 元, "39,500元"), ``direction`` (below/above the budget), ``suggestion``
(the cap rewritten to the budget, "≤589176元"), ``column`` (the value column).
"""

from __future__ import annotations

from decimal import Decimal
from typing import Iterator

from lint.checks._money import amount, cap_amount, in_unit, money
from lint.findings import Hit
from lint.loading import labels
from lint.loading.model import ANNUAL, TARGET, ProjectTable
from lint.values import parse_value

SCOPE = "table"
OPTIONS = {
    "cap_names": ["预算控制数", "成本控制数", "项目总成本", "^项目成本$", "^总成本$", "成本总额"],
    "tolerance": 0,
    "relative_tolerance": 0,
}
PATTERN_OPTIONS = ("cap_names",)

_BELOW = {"zh": "比预算金额少", "en": "below the budget by"}
_ABOVE = {"zh": "比预算金额多", "en": "above the budget by"}


def check(rule, table) -> Iterator[Hit]:
    if not isinstance(table, ProjectTable):
        return
    budget = amount(table.budget_amount)
    if budget is None:
        return
    cap_names = rule.options["cap_names"]
    allowed = max(Decimal(str(rule.options["tolerance"])), Decimal(str(rule.options["relative_tolerance"])) * budget)
    for indicator in table.indicators:
        if not labels.is_cost(indicator.level1, indicator.level2):
            continue
        if not cap_names.search(indicator.name.text):
            continue
        column, cell = (ANNUAL, indicator.annual_value) if indicator.annual_value else (TARGET, indicator.target_value)
        if cell is None:
            continue
        value = parse_value(cell.text)
        cap = cap_amount(value)
        if cap is None or abs(cap - budget) <= allowed:
            continue
        yield Hit(
            cell.span,
            params={
                "budget": table.budget_amount.text,
                "difference": money(abs(cap - budget)),
                "direction": _BELOW if cap < budget else _ABOVE,
                "suggestion": f"{value.comparison or ''}{in_unit(budget, value.unit).replace(',', '')}{value.unit}",
                "column": column,
            },
            indicator=indicator.name.text,
            value=cell.text,
        )
