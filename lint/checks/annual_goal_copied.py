"""年度目标 copied from 实施周期总目标.

The 年度目标 says what this year's money buys; it refines the 实施周期总目标 into the year's
tasks and quantities (财预〔2015〕88号: 绩效目标要具体细化). A 年度目标 that repeats the cycle
goal word for word states nothing about the year — in seed 001, 11 of 17 projects do it
(三八六一系列活动经费, 创业创新巾帼行动工作经费, …).

The two texts are compared after removing what does not change their meaning: whitespace
(PDF line breaks), punctuation of any width and HTML tags the reporting system leaves in
("<p>…</p>"); full-width letters and digits are folded (NFKC). A 年度目标 that only drops
or adds words is not a copy for this check.

No options. Located on the 年度目标 cell. Message parameters: none beyond the engine's.
"""

from __future__ import annotations

import re
import unicodedata
from typing import Iterator

from lint.findings import Hit
from lint.loading.model import ProjectTable

SCOPE = "table"
OPTIONS: dict = {}

_TAG = re.compile(r"<[^<>]*>")


def check(rule, table) -> Iterator[Hit]:
    if not isinstance(table, ProjectTable) or table.cycle_goal is None or table.annual_goal is None:
        return
    annual = _meaning(table.annual_goal.text)
    if annual and annual == _meaning(table.cycle_goal.text):
        yield Hit(table.annual_goal.span, value=table.annual_goal.text)


def _meaning(text: str) -> str:
    """The goal without markup, whitespace and punctuation: what a reader compares."""
    folded = unicodedata.normalize("NFKC", _TAG.sub("", text))
    return "".join(char for char in folded if unicodedata.category(char)[0] not in "PZC")
