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
``parse_amount`` in the table's 金额单位 (元 when it has none). A bare figure with no unit in
the cell or the table is taken as 元 only when it is at least ``yuan_at_least``; a smaller
one ("936": 元 or 万元?) is compared with nothing, and JX314 reports it.

Only rows under a 成本指标 label (一级, or 二级 under 产出指标 in older forms) whose
三级指标 name matches ``cap_names`` are caps. A department table (部门整体) is compared
with its 合计, read in its 金额单位.

Options:
    cap_names: regular expressions (``re.search``) for the names of total-cost caps, by
        pattern: 预算控制数, 成本控制数, 项目总成本, 维修改造总成本, 总投资, 成本总额 …
    yuan_at_least: a bare 预算金额 of at least this many is read as 元 (see above).
    near: a fraction of the budget (0: off). A money cap under 成本指标 whose name matches
        no ``cap_names`` is still compared when it is this close to the budget without
        equalling it: it caps the whole budget and was written with a slip (深圳市龙岗区妇女联合会 2022:
        资金节约情况 ≤1309.69万元 against 合计 1310万元).
    tolerance: an absolute difference in 元 that is accepted (default 0: the cap is the
        budget, to the 元).
    relative_tolerance: a difference accepted as a fraction of 预算金额 (0.01 = 1%).
        The larger of the two tolerances applies.

Located on the cap's value cell. Message parameters: ``budget`` (预算金额 as written),
``difference`` (in 元, "39,500元"; in the cap's unit on a department table), ``direction``
(``texts.below`` or ``texts.above`` the budget), ``suggestion`` (the cap rewritten to the
budget, "≤589176元"), ``column`` (the value column). The fix is described by ``texts.fix``
(with the {suggestion}).
"""

from __future__ import annotations

from decimal import Decimal
from typing import Iterator

from lint.checks._budget import YUAN_AT_LEAST, budget_in_yuan
from lint.checks._cycle import year_value
from lint.checks._money import amount, cap_amount, in_unit, money, table_unit
from lint.checks._options import Number
from lint.checks._texts import text
from lint import fixes
from lint.findings import Hit
from lint.loading import labels
from lint.loading.model import DepartmentTable, ProjectTable
from lint.values import parse_value

SCOPE = "table"
# Total-cost names as forms write them: 预算控制数, 成本控制数, 项目总成本, 维修改造总成本, 成本总额,
# 总投资, 总费用, 项目支出; not a part of the cost (车辆购置成本, 办公设备购置成本).
CAP_NAMES = [
    "(预算|成本|资金|费用|支出)控制数",
    "总(成本|投资|费用|经费|造价|支出|金额)",
    "成本(总额|合计)",
    "^(指标\\d+[:：])?项目(成本|支出|经费|资金)$",
]
OPTIONS = {
    "cap_names": CAP_NAMES,
    "tolerance": 0,
    "relative_tolerance": 0,
    "yuan_at_least": YUAN_AT_LEAST,
    "near": 0,
}
PATTERN_OPTIONS = ("cap_names",)
ALLOWED = {
    "tolerance": Number(minimum=0),
    "relative_tolerance": Number(minimum=0, maximum=1),
    "yuan_at_least": Number(minimum=0),
    "near": Number(minimum=0, maximum=1),
}
TEXTS = {"below": (), "above": (), "fix": ("suggestion",)}


def check(rule, table) -> Iterator[Hit]:
    if isinstance(table, ProjectTable):
        budget, budget_cell = budget_in_yuan(table, rule.options["yuan_at_least"]), table.budget_amount
    elif isinstance(table, DepartmentTable):
        budget, budget_cell = amount(table.total, table_unit(table)), table.total
    else:
        return
    if budget is None:
        return
    cap_names = rule.options["cap_names"]
    allowed = max(Decimal(str(rule.options["tolerance"])), Decimal(str(rule.options["relative_tolerance"])) * budget)
    near = Decimal(str(rule.options["near"])) * budget
    for indicator in table.indicators:
        if not labels.is_cost(indicator.level1, indicator.level2):
            continue
        named = bool(cap_names.search(indicator.name.text))
        if not named and not near:
            continue
        column, cell = year_value(indicator)
        if cell is None:
            continue
        value = parse_value(cell.text)
        cap = cap_amount(value)
        if cap is None or abs(cap - budget) <= allowed or (not named and abs(cap - budget) > near):
            continue
        suggestion = f"{value.comparison or ''}{in_unit(budget, value.unit).replace(',', '')}{value.unit}"
        yield Hit(
            cell.span,
            params={
                "budget": budget_cell.text.strip(),
                # A department form prints 万元: say the difference the way it reads its figures.
                "difference": money(abs(cap - budget), value.unit if isinstance(table, DepartmentTable) else "元"),
                "direction": text(rule, "below" if cap < budget else "above"),
                "suggestion": suggestion,
                "column": column,
            },
            indicator=indicator.name.text,
            value=cell.text,
            # Unsafe: the budget may be what is wrong; only a cell that is the cap and nothing
            # more is rewritten, so no qualifier is lost.
            fix=None if value.qualifier or value.in_sentence else fixes.fix(
                text(rule, "fix", suggestion=suggestion), [fixes.replace_cell(cell, suggestion)], fixes.UNSAFE),
        )
