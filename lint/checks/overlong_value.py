"""A value cell too long to be a target value: pasted text, not read.

A target value is a few dozen characters ("≥954100元", "2024年12月31日前"). A cell longer than
:data:`lint.values.grammar.MAX_CELL` characters is text pasted into the wrong column (the
project description, a whole paragraph of the 年度目标) or a file made to stall the gate;
the value parser does not read it (ValueKind.OVERLONG), so no other rule checks it, and
this rule says so instead of passing it silently.

Options: none.

Message parameters: ``name`` (the 三级指标, shortened), ``length`` (characters in the cell),
``limit``.
"""

from __future__ import annotations

from typing import Iterator

from lint.checks._context import ValueCell
from lint.checks._measurability import brief
from lint.findings import Hit
from lint.values import ValueKind
from lint.values.grammar import MAX_CELL

SCOPE = "value"
READS = ("text", "name")
OPTIONS: dict = {}


def check(rule, subject: ValueCell) -> Iterator[Hit]:
    if subject.value.kind is ValueKind.OVERLONG:
        yield Hit(subject.cell.span, params={"name": brief(subject.indicator.name.text),
                                             "length": f"{len(subject.value.text):,}", "limit": f"{MAX_CELL:,}"},
                  value=brief(subject.value.text))
