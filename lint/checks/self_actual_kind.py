"""A word where the result of a number target should be (定量指标的实际完成值写成了定性描述).

A target of "≥735人次" or "≥95%" is met or missed by a number; "完成", "达标", "良好" as its
实际完成值 says neither how much was done nor lets anyone check the 得分. 财预〔2020〕10号
asks that results be stated against the indicator as set. Blank cells and "/", "—" are other
rules' findings.

Located on the 实际完成值 cell. Message parameters: ``target``, ``actual``.
"""

from __future__ import annotations

from typing import Iterator

from lint.checks._self import not_applicable, numeric, target
from lint.findings import Hit
from lint.values import ValueKind, parse_value

SCOPE = "indicator"
TABLES = frozenset({"self-assessment"})
OPTIONS: dict = {}


def check(rule, subject) -> Iterator[Hit]:
    row = subject.indicator
    if row.actual is None or row.actual.is_blank or not_applicable(row.actual):
        return
    if not numeric(target(row)):
        return
    if parse_value(row.actual.text).kind in (ValueKind.QUALITATIVE, ValueKind.UNPARSED):
        yield Hit(row.actual.span, params={"target": row.main_value.text.strip(), "actual": row.actual.text.strip()},
                  value=row.actual.text)
