"""Amounts as the cost-budget checks read and print them.

Forms print money in 元 ("589,176.00元") or 万元 ("7,272.70万元"), and a department form may
state its unit once in the header (金额单位: 万元) and then print bare numbers ("684").
Every comparison is done in 元 with :class:`~decimal.Decimal`, so 0.1 + 0.2 is 0.3 and a
difference of one 元 is never lost to binary floating point. Findings print an amount
in the unit the form uses, so the officer recognises the figure.
"""

from __future__ import annotations

import re
from decimal import Decimal

from lint.loading.model import Table
from lint.loading.tree import Cell
from lint.values import MONEY_UNITS, TargetValue, ValueKind, parse_amount, read_amount

# A 万元 line with this many digits and no decimals, among lines printed with decimals, is
# read as a lost decimal point (1,234,567万元 is 123亿元): PDF text layers drop the point.
LOST_POINT_DIGITS = 7
_LOST_POINT = re.compile(r"\d+")


def table_unit(table: Table) -> str:
    """The unit of the table's bare numbers: its 金额单位 field, else 元."""
    field = getattr(table, "fields", {}).get("金额单位")
    return field.text.strip() if field is not None and field.text.strip() in MONEY_UNITS else "元"


def amount(cell: Cell | None, unit: str = "元") -> Decimal | None:
    """The cell's amount in 元; None when the cell is missing, blank or not an amount."""
    if cell is None or cell.is_blank:
        return None
    return parse_amount(cell.text, default_unit=unit)


def cap_amount(value: TargetValue) -> Decimal | None:
    """A total-cost cap ("≤954100元", "1.5万元") in 元; None for a rate ("≤210元/人/天") or a non-amount."""
    if value.kind is not ValueKind.QUANTITY or value.number is None or value.unit not in MONEY_UNITS:
        return None
    return parse_amount(value.number, default_unit=value.unit)


def written_unit(cell: Cell | None, default: str = "元") -> str:
    """The money unit a cell is written in ("7,272.70万元" → 万元), else ``default``."""
    text = cell.text.strip() if cell is not None else ""
    return next((unit for unit in sorted(MONEY_UNITS, key=len, reverse=True) if text.endswith(unit)), default)


def in_unit(yuan: Decimal, unit: str = "元") -> str:
    """``Decimal("72727000")``, "万元" → ``"7,272.70"``; whole amounts without decimals ("1,310")."""
    number = (yuan / parse_amount(1, default_unit=unit)).normalize()
    if number == number.to_integral_value():
        return f"{number:,.0f}"
    return f"{number:,.2f}" if -number.as_tuple().exponent <= 2 else f"{number:,f}"


def money(yuan: Decimal, unit: str = "元") -> str:
    """``Decimal("72727000")``, "万元" → ``"7,272.70万元"``."""
    return in_unit(yuan, unit) + unit


def unreadable(cell: Cell | None, unit: str = "元") -> bool:
    """Whether the cell holds digits that do not read as one amount ("1,234.567 8", "12 345.67")."""
    return cell is not None and not cell.is_blank and read_amount(cell.text, default_unit=unit).unreadable


def lost_points(cells: list[Cell], unit: str, digits: int = LOST_POINT_DIGITS) -> list[Cell]:
    """The cells of one block of amounts that look like a decimal point lost: a bare figure of
    ``digits`` or more digits in a 万元/亿元 block whose other lines are printed with decimals."""
    written = [(cell, written_unit(cell, unit), cell.text.translate(_FOLD_COMMA).strip()) for cell in cells if not cell.is_blank]
    if not any("." in text for _, _, text in written):
        return []
    return [
        cell for cell, cell_unit, text in written
        if cell_unit in ("万元", "亿元") and _LOST_POINT.fullmatch(text.removesuffix(cell_unit).strip() or "x")
        and len(text.removesuffix(cell_unit).strip()) >= digits
    ]


_FOLD_COMMA = str.maketrans({"，": ","})
