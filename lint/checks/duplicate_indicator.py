"""The same 三级指标 twice in one table.

A repeated indicator inflates the table without adding a target, and when its two rows
carry different values a reviewer cannot tell which one binds. Names are compared
normalised: spaces and quotes removed, full-width folded, a bracket holding only a unit
dropped — "社区活动数(场次)" and "社区活动数（场次）" are one indicator, "提供学位数量（旧中心）"
and "提供学位数量（新中心）" are two. Placeholder rows (不适用, 无 …), which forms repeat
under every empty 二级 line, are not indicators and never duplicates. A rule's ``where``
limits which rows are compared.

Located on the name of each later occurrence.

Options:
    placeholders: names that mark an empty row, not an indicator.

Message parameters: ``first`` (the first occurrence's name as written), ``first_line``,
``indicator`` (this occurrence's name as written).
"""

from __future__ import annotations

from typing import Iterator

from lint.checks._options import Words
from lint.checks._names import PLACEHOLDERS, normalise, real_indicators
from lint.findings import Hit

SCOPE = "table"
WHERE = ("level1", "level2", "names")
OPTIONS = {"placeholders": PLACEHOLDERS}
ALLOWED = {"placeholders": Words()}


def check(rule, table) -> Iterator[Hit]:
    seen = {}
    rows = sorted(real_indicators(table, rule.options["placeholders"], rule.where), key=lambda i: i.name.span)
    for indicator in rows:
        first = seen.setdefault(normalise(indicator.name.text), indicator)
        if first is not indicator:
            yield Hit(
                indicator.name.span,
                params={"first": first.name.text, "first_line": first.name.span.line},
                indicator=indicator.name.text,
                value=indicator.name.text,
            )
