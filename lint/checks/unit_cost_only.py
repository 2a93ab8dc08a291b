"""A project whose cost indicators are unit rates only, with no total cost linked to 预算金额.

``学生补助标准 ≤17元/人/天`` or ``补助成本 ≤28.40元/株`` controls the price of one unit, but
not how many units the budget buys: without a total-cost cap (预算控制数, 项目总成本 …) or a
quantity that multiplies out to the budget, nothing in the cost indicators can be checked
against 预算金额 (Shanghai 2025 指引: 成本指标与预算金额相匹配). One finding per project.

A row is a total cap when its 三级指标 matches ``cap_names`` or its value is an amount of
money that is not a rate (no "/" in the unit). The project is reported when it has a budget
and at least one cost row in money, every money row is a rate, and no rate is linked to the
budget: a rate is linked when it times a count under 数量指标 comes within
``link_tolerance`` of 预算金额 (人员薪酬标准 ≤105000元/人/年 × 派遣人员数量 1人 = 105,000.00元).

Options:
    cap_names: regular expressions for the names of total-cost caps (as JX301).
    link_tolerance: how far, as a fraction of 预算金额, rate × count may be from it and
        still link the rate to the budget (0.05).
    yuan_at_least: how a bare 预算金额 is read (as JX301).

Located on the 成本指标 label (the 一级 key, or the 二级 key of an older form).
Message parameters: ``rates`` (the unit-rate rows, listed: 、-separated in Chinese), ``budget`` (as written).
"""

from __future__ import annotations

from dataclasses import replace
from decimal import Decimal
from typing import Iterator

from lint.checks._budget import YUAN_AT_LEAST, budget_in_yuan
from lint.checks._kinds import value_kind
from lint.checks._money import cap_amount
from lint.checks.cost_cap_budget import CAP_NAMES
from lint.checks._options import Number
from lint.checks._texts import listed
from lint.findings import Hit
from lint.loading import labels
from lint.loading.model import ProjectTable
from lint.values import parse_value

SCOPE = "table"
OPTIONS = {"cap_names": CAP_NAMES, "link_tolerance": 0.05, "yuan_at_least": YUAN_AT_LEAST}
PATTERN_OPTIONS = ("cap_names",)
ALLOWED = {"link_tolerance": Number(minimum=0, maximum=1), "yuan_at_least": Number(minimum=0)}


def check(rule, table) -> Iterator[Hit]:
    if not isinstance(table, ProjectTable) or table.budget_amount is None or table.budget_amount.is_blank:
        return
    rates, first, prices = [], None, []
    for indicator in table.indicators:
        if not labels.is_cost(indicator.level1, indicator.level2):
            continue
        if rule.options["cap_names"].search(indicator.name.text):
            return
        cell = indicator.main_value
        value = parse_value(cell.text if cell is not None else "").pieces[0]
        if value_kind(value) != "money":
            continue
        if "/" not in (value.unit or ""):
            return
        rates.append(indicator.name.text)
        first = first or indicator
        prices.append(value)
    if not rates or _linked(prices, table, rule.options):
        return
    anchor = table.level1_cells.get("成本指标") or first.level2_cell
    yield Hit(anchor.span, params={"rates": listed(rates),
                                   "budget": table.budget_amount.text.strip()},
              indicator=first.name.text, value="、".join(rates))


def _linked(prices: list, table: ProjectTable, options: dict) -> bool:
    """Whether some rate × some count under 数量指标 is the budget, within the tolerance."""
    budget = budget_in_yuan(table, options["yuan_at_least"])
    if budget is None:
        return False
    counts = []
    for indicator in table.indicators:
        if indicator.level2 != "数量指标" or indicator.main_value is None:
            continue
        value = parse_value(indicator.main_value.text).pieces[0]
        if value_kind(value) == "count" and value.number:
            counts.append(value.number)
    allowed = Decimal(str(options["link_tolerance"])) * budget
    for price in prices:
        per_unit = cap_amount(_money_part(price))
        if per_unit is not None and any(abs(per_unit * count - budget) <= allowed for count in counts):
            return True
    return False


def _money_part(value):
    """The rate's money part as an amount: "≤105000元/人/年" → 105000 元."""
    return replace(value, unit=value.unit.split("/", 1)[0])
