"""How a project's 预算金额 is read when the cell gives no unit.

Forms print the budget as "954,112.00元", "30.00万元", or a bare figure under a header that
names the unit ("预算金额(元)", "单位:万元"). When neither the cell nor the table states the
unit, a bare figure is ambiguous: "936" is 936 元 or 936 万元, and comparing a cost cap with
the wrong one reports a difference of ten thousand times. A figure so large that reading it
as 万元 would make one project line a hundred million 元 or more ("20000", "190000") is taken
as 元; anything smaller ("936") is unknown, and no amount is compared with it.
"""

from __future__ import annotations

from decimal import Decimal

from lint.checks._money import amount, table_unit
from lint.loading.model import ProjectTable
from lint.values import ValueKind, parse_value

# Default of the `yuan_at_least` option of the checks that read the budget.
YUAN_AT_LEAST = 10000


def states_unit(table: ProjectTable) -> bool:
    """Whether the budget cell or the table's 金额单位 field says what unit the budget is in."""
    cell = table.budget_amount
    if cell is None:
        return False
    value = parse_value(cell.text)
    return value.unit is not None or "金额单位" in getattr(table, "fields", {})


def is_bare(table: ProjectTable) -> bool:
    """A budget written as a plain number, with no unit in the cell or the table."""
    cell = table.budget_amount
    if cell is None or cell.is_blank or states_unit(table):
        return False
    value = parse_value(cell.text)
    return value.kind is ValueKind.QUANTITY and value.number is not None and value.unit is None and not value.qualifier


def budget_in_yuan(table: ProjectTable, yuan_at_least: float = YUAN_AT_LEAST) -> Decimal | None:
    """The budget in 元, or None when it is missing, unreadable, or a bare figure of unknown unit."""
    if is_bare(table):
        figure = parse_value(table.budget_amount.text).number
        return figure if figure >= Decimal(str(yuan_at_least)) else None
    return amount(table.budget_amount, table_unit(table))
