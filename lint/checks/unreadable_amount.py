"""An amount the totals cannot use: digits that do not read as one number, or a lost decimal point.

PDF text layers split and drop characters: "1,234.567 8" (a space inside the number),
"12 345.67", or a 万元 line printed "1234567" where its neighbours read "3,139.95" — the
decimal point is gone and the figure is a hundred times too large (123亿元). Such a cell is
not a defect of the budget but of the copy, and the totals rule cannot check the sums it
belongs to: the cell is reported here, where it is, and ``department_totals`` leaves it out
and still compares the sums that do not need it.

Cells read: a project's 预算金额; a department's 收入 and 支出 lines, 合计, and each
年度重点工作任务's 金额, 财政拨款 and 其他资金. A bare number is in the table's 金额单位.

Options:
    lost_point_digits: how many digits a bare 万元/亿元 figure needs, among lines printed with
        decimals, to be read as a lost decimal point.

Located on the cell. Message parameters: ``text`` (the cell), ``reason`` (which of the two:
``texts.unreadable`` or ``texts.lost_point``).
"""

from __future__ import annotations

from typing import Iterator

from lint.checks._money import LOST_POINT_DIGITS, lost_points, table_unit, unreadable
from lint.checks._options import Number
from lint.checks._texts import text
from lint.findings import Hit
from lint.loading.model import DepartmentTable, ProjectTable, Table
from lint.loading.tree import Cell

SCOPE = "table"
OPTIONS = {"lost_point_digits": LOST_POINT_DIGITS}
ALLOWED = {"lost_point_digits": Number(minimum=1, integer=True)}
TEXTS = {"unreadable": (), "lost_point": ()}


def amount_blocks(table: Table) -> list[list[Cell]]:
    """The table's amount cells, grouped into the blocks that are printed alike."""
    if isinstance(table, ProjectTable):
        return [[table.budget_amount]] if table.budget_amount is not None else []
    if isinstance(table, DepartmentTable):
        lines = [cell for _, cell in table.income] + [cell for _, cell in table.expenditure]
        lines += [table.total] if table.total is not None else []
        tasks = [cell for task in table.tasks for cell in (task.amount, task.fiscal, task.other) if cell is not None]
        return [lines + tasks]
    return []


def check(rule, table: Table) -> Iterator[Hit]:
    unit = table_unit(table)
    for block in amount_blocks(table):
        lost = {id(cell) for cell in lost_points(block, unit, rule.options["lost_point_digits"])}
        for cell in block:
            if unreadable(cell, unit):
                yield Hit(cell.span, params={"text": cell.text, "reason": text(rule, "unreadable")}, value=cell.text)
            elif id(cell) in lost:
                yield Hit(cell.span, params={"text": cell.text, "reason": text(rule, "lost_point")}, value=cell.text)
