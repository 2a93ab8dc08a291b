"""A result copied from the target: the claim repeats what was planned (实际完成值照抄目标).

实际完成情况 that is the 预期目标 word for word, or a row's 实际完成值 that repeats a word
target ("专款专用" → "专款专用", "有效" → "有效") or keeps the target's comparison sign
("≥95%" → "≥95%"), reports no result: the reviewer cannot tell what was done. An equal number
is not a copy ("735" for "≥735人次" is a result that met its target exactly).

Texts are compared without spaces and punctuation.

Located on the 实际完成值 / 实际完成情况 cell. Message parameters: ``target`` (the text
copied), ``where`` (实际完成值 or 实际完成情况).
"""

from __future__ import annotations

import re
from typing import Iterator

from lint.checks._self import numeric, self_rows, target
from lint.findings import Hit
from lint.loading.tree import Cell
from lint.values import parse_value

SCOPE = "table"
TABLES = frozenset({"self-assessment"})
OPTIONS: dict = {}

_NOISE = re.compile(r"[\s,，。.;；:：、]+")


def check(rule, table) -> Iterator[Hit]:
    if _same(table.goal, table.achieved):
        yield _hit(table.achieved, table.goal, "实际完成情况", None)
    for row in self_rows(table):
        goal_cell = row.main_value
        if not _same(goal_cell, row.actual):
            continue
        if not numeric(target(row)) or parse_value(row.actual.text).comparison is not None:
            yield _hit(row.actual, goal_cell, "实际完成值", row.name.text)


def _same(planned: Cell | None, claimed: Cell | None) -> bool:
    if planned is None or claimed is None or planned.is_blank or claimed.is_blank:
        return False
    return _NOISE.sub("", planned.text) == _NOISE.sub("", claimed.text)


def _hit(claimed: Cell, planned: Cell, where: str, indicator: str | None) -> Hit:
    return Hit(claimed.span, params={"target": planned.text.strip(), "where": where},
               indicator=indicator, value=claimed.text)
