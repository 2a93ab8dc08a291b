"""A 预算金额 written as a bare number, with no unit in the cell or the table (``预算金额: 936``).

936 元 or 936 万元? The form's header usually says (预算金额(元), 单位:万元), but a table
copied out of the budget system often loses it, and then the budget — the figure every cost
indicator is checked against (成本指标与预算金额相匹配) — cannot be read. The cost rules
compare nothing with such a budget; this rule says why.

A bare figure large enough that reading it as 万元 would mean a hundred million 元 or more
for one project line is taken as 元 and not reported (``yuan_at_least``); a table with a 金额单位 field
states the unit for all its bare figures.

Options:
    yuan_at_least: a bare budget of at least this many is read as 元 without a finding
        (10000: "20000" is 20,000 元, not 2 亿).

Located on the 预算金额 cell. Message parameters: ``budget`` (as written).
"""

from __future__ import annotations

from typing import Iterator

from lint.checks._budget import YUAN_AT_LEAST, budget_in_yuan, is_bare
from lint.checks._options import Number
from lint.findings import Hit
from lint.loading.model import ProjectTable

SCOPE = "table"
OPTIONS = {"yuan_at_least": YUAN_AT_LEAST}
ALLOWED = {"yuan_at_least": Number(minimum=0)}


def check(rule, table) -> Iterator[Hit]:
    if not isinstance(table, ProjectTable) or not is_bare(table):
        return
    if budget_in_yuan(table, rule.options["yuan_at_least"]) is not None:
        return
    cell = table.budget_amount
    yield Hit(cell.span, params={"budget": cell.text.strip()}, value=cell.text)
