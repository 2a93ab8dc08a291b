"""A table whose numbers carry their units only in the indicator names, reported once.

Some forms print the unit in the indicator name and leave the value a bare number:
"改造面积(平方米)" = "1200", "各项工作完成及时率%" = "=99". Read on the form, nothing is
missing; but the value is what gets copied into 绩效运行监控 and 自评 forms, and there it
loses its unit. That is one remark about the table, not a defect of every cell, so it is one
finding, on the first such cell, naming how many values it concerns. It applies only when
every bare number of the table has its unit in its name (``missing_unit`` decides, with the
same options); otherwise ``missing_unit`` reports each bare number.

Options:
    exempt_names: as in ``missing_unit``.

Located on the first such value cell. Message parameters: ``count`` (the values concerned),
``name`` and ``unit`` (the first indicator and the unit its name gives), ``text`` (its value).
"""

from __future__ import annotations

from typing import Iterator

from lint.checks._measurability import brief, printed_unit
from lint.checks.missing_unit import OPTIONS as MISSING_UNIT_OPTIONS
from lint.checks.missing_unit import PATTERN_OPTIONS as MISSING_UNIT_PATTERNS
from lint.checks.missing_unit import units_only_in_names
from lint.findings import Hit

SCOPE = "table"
OPTIONS = dict(MISSING_UNIT_OPTIONS)
PATTERN_OPTIONS = MISSING_UNIT_PATTERNS


def check(rule, table) -> Iterator[Hit]:
    cells = units_only_in_names(rule, table)
    if not cells:
        return
    indicator, column, cell = cells[0]
    name = indicator.name.text
    yield Hit(
        cell.span,
        params={"count": len(cells), "name": brief(name), "unit": printed_unit(name), "text": brief(cell.text),
                "column": column},
        value=cell.text,
        indicator=name,
    )
