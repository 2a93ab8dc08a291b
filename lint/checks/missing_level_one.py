"""A required 一级指标 (产出指标, 效益指标, 满意度指标) with no indicator under it.

Every performance-target table is expected to state what it produces (产出指标), what
that achieves (效益指标) and whether those served are satisfied (满意度指标). A table
fails this when the 一级 label is missing, or present with only empty 二级 lines or
placeholder rows (不适用, 无) under it.

Located on the 一级 label when the table has it (the label with nothing under it), else
on the 绩效指标 key, else on the table's name (a table with no 绩效指标 at all).

Options:
    required: the 一级 labels every table must have, as forms spell them ("产出" and
        "产出指标" are the same label). 成本指标 may be required too: a 成本指标 filed as a
        二级 label under 产出指标, as older forms do, counts.
    placeholders: names that mark an empty row, not an indicator.

Message parameters: ``level1`` (the missing label, canonical), ``detail`` (what the
table has instead: no such label, ``texts.absent``, or only empty/placeholder rows,
``texts.empty``).
"""

from __future__ import annotations

from typing import Iterator

from lint.checks._options import Choice, Words
from lint.checks._names import PLACEHOLDERS, real_indicators
from lint.checks._texts import text
from lint.findings import Hit
from lint.loading import labels

SCOPE = "table"
OPTIONS = {"required": ["产出指标", "效益指标", "满意度指标"], "placeholders": PLACEHOLDERS}
ALLOWED = {"required": Choice(labels.LEVEL1, many=True), "placeholders": Words()}
TEXTS = {"absent": (), "empty": ()}


def check(rule, table) -> Iterator[Hit]:
    present = set()
    for indicator in real_indicators(table, rule.options["placeholders"]):
        present.add(indicator.level1)
        if labels.is_cost(indicator.level1, indicator.level2):
            present.add("成本指标")  # older forms file 成本指标 under 产出指标
    for label in rule.options["required"]:
        level1 = labels.level1(label) or label
        if level1 in present:
            continue
        label_cell = table.level1_cells.get(level1)
        span = label_cell.span if label_cell else (table.indicators_cell.span if table.indicators_cell else table.anchor)
        yield Hit(
            span,
            params={"level1": level1, "detail": text(rule, "empty" if label_cell else "absent")},
            value=level1,
        )
