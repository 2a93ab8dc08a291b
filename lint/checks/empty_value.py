"""A 三级指标 without a target: its 指标值 cells are empty or missing.

Seed 002 lists 「慰问对象获得感、幸福感」 with both 实施周期指标值 and 当年度指标值 blank. An
indicator without a value cannot be monitored or self-assessed, and the finance bureau
approved the table anyway ("基本符合要求").

Each empty cell is one finding, located on that cell; a cell holding only a dash or slash
("/", "—") counts as empty. A value column that the rest of the table fills in but this row
leaves out altogether is one finding on the indicator name; a row with no value cell at all
gets a single finding on its name. Rules may limit the columns with ``where: columns``.

A column left empty on every row is one omission, not one per row: the form's only
指标值 column left blank, or a 实施周期指标值 column nobody filled in. With ``per: cell``
(JX105) such a column gets no per-row finding; with ``per: column`` (JX109) it gets one, on
its first cell — except the 实施周期指标值 column of a one-year project, whose period is the
budget year the 年度指标值 column already states.

Options:
    placeholders: cell contents that mean "nothing written" and count as empty.
    per: ``cell`` (each empty cell outside a wholly empty column) or ``column`` (each wholly
        empty column, once).
    min_rows: how many rows a column needs before "empty on every row" is read as the
        column left blank (a one-row table's empty cell is that row's).

Message parameters: ``name`` (the 三级指标, shortened); ``{column}`` names the empty or missing
column (指标值 when the row has none at all); ``rows`` (with ``per: column``, how many rows
leave it empty).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Iterator

from lint.checks._context import IndicatorRow
from lint.checks._measurability import brief, compact
from lint.checks._options import Choice, Number
from lint.findings import Hit
from lint.loading.model import ANNUAL, CYCLE, TARGET, ProjectTable, Table
from lint.loading.tree import Cell

SCOPE = "indicator"
WHERE = ("columns",)
OPTIONS = {"placeholders": ["/", "／", "-", "－", "—", "——", "…", "……", "\\"], "per": "cell", "min_rows": 2}
ALLOWED = {"per": Choice(("cell", "column")), "min_rows": Number(minimum=1, integer=True)}


@dataclass(frozen=True, slots=True)
class _Columns:
    """What the whole table says about its value columns, computed once per table."""

    present: frozenset[str]  # the columns any row has
    blank: dict[str, tuple[Cell, int]]  # a column empty on every row that has it: its first cell, the rows


# The table last asked about, per rule: rows of one table are checked one after another,
# so one entry keeps the table-wide facts linear in the table's size.
_LAST: dict[str, tuple[Table, _Columns]] = {}


def _columns(rule, table: Table) -> _Columns:
    last = _LAST.get(rule.id)
    if last is not None and last[0] is table:
        return last[1]
    cells: dict[str, list[Cell]] = {}
    for row in table.indicators:
        for column, cell in row.values():
            cells.setdefault(column, []).append(cell)
    blank = {
        column: (found[0], len(found))
        for column, found in cells.items()
        if len(found) >= rule.options["min_rows"] and all(_is_empty(rule, cell) for cell in found)
    }
    columns = _Columns(frozenset(cells), blank)
    _LAST[rule.id] = (table, columns)
    return columns


def _is_empty(rule, cell: Cell) -> bool:
    return cell.is_blank or compact(cell.text) in rule.options["placeholders"]


def _one_year(table: Table) -> bool:
    return isinstance(table, ProjectTable) and table.period_years == 1


def check(rule, subject: IndicatorRow) -> Iterator[Hit]:
    indicator = subject.indicator
    name = indicator.name
    present = dict(indicator.values())
    columns = _columns(rule, subject.table)
    if rule.options["per"] == "column":
        for column, cell in present.items():
            first = columns.blank.get(column)
            if first is not None and first[0] is cell and rule.where.column(column):
                if not (column == CYCLE and _one_year(subject.table)):
                    yield Hit(cell.span, params={"name": brief(name.text), "column": column, "rows": first[1]}, value=cell.text)
        return
    if not present:
        yield Hit(name.span, params={"name": brief(name.text), "column": TARGET}, value=name.text)
        return
    # A single-column row (指标值) has its value; only the two-column form can lose one.
    for column in (CYCLE, ANNUAL):
        if column in columns.present and column not in present and TARGET not in present and rule.where.column(column):
            yield Hit(name.span, params={"name": brief(name.text), "column": column}, value=name.text)
    for column, cell in present.items():
        if rule.where.column(column) and column not in columns.blank and _is_empty(rule, cell):
            yield Hit(cell.span, params={"name": brief(name.text), "column": column}, value=cell.text)
