"""A 三级指标 without a target: its 指标值 cells are empty or missing.

Seed 002 lists 「慰问对象获得感、幸福感」 with both 实施周期指标值 and 当年度指标值 blank. An
indicator without a value cannot be monitored or self-assessed, and the finance bureau
approved the table anyway ("基本符合要求").

Each empty cell is one finding, located on that cell; a cell holding only a dash or slash
("/", "—") counts as empty. A value column that the rest of the table fills in but this row
leaves out altogether is one finding on the indicator name; a row with no value cell at all
gets a single finding on its name. Rules may limit the columns with ``where: columns``.

Options:
    placeholders: cell contents that mean "nothing written" and count as empty.

Message parameters: ``name`` (the 三级指标, shortened); ``{column}`` names the empty or missing
column (指标值 when the row has none at all).
"""

from __future__ import annotations

from typing import Iterator

from lint.checks._context import IndicatorRow
from lint.checks._measurability import brief, compact
from lint.findings import Hit
from lint.loading.model import ANNUAL, CYCLE, TARGET

SCOPE = "indicator"
OPTIONS = {"placeholders": ["/", "／", "-", "－", "—", "——", "…", "……", "\\"]}


def check(rule, subject: IndicatorRow) -> Iterator[Hit]:
    indicator = subject.indicator
    name = indicator.name
    params = {"name": brief(name.text)}
    present = dict(indicator.values())
    if not present:
        yield Hit(name.span, params={**params, "column": TARGET}, value=name.text)
        return
    table_columns = {column for row in subject.table.indicators for column, _ in row.values()}
    # A single-column row (指标值) has its value; only the two-column form can lose one.
    for column in (CYCLE, ANNUAL):
        if column in table_columns and column not in present and TARGET not in present and rule.where.column(column):
            yield Hit(name.span, params={**params, "column": column}, value=name.text)
    for column, cell in present.items():
        if rule.where.column(column) and (cell.is_blank or compact(cell.text) in rule.options["placeholders"]):
            yield Hit(cell.span, params={**params, "column": column}, value=cell.text)
