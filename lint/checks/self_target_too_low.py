"""A target far below what was done: the evidence for "绩效指标目标值太低".

A floor target (≥, >, or a bare count) that the year's result exceeds by a wide margin —
6次 planned, 150次 held — was set where the unit's routine work clears it without effort.
This is the weakness the 荔湾 self-assessment report names (seeds/003: 绩效指标目标值太低):
the self-assessment proves it, and the next year's target should start from the result.

A result in another unit than the target's is not compared.

Options:
    ratio: how many times the target the result must reach to be reported (1.5).

Located on the target cell (年度指标值 / 指标值). Message parameters: ``target``, ``actual``
(as written), ``times`` (the result over the target, "25").
"""

from __future__ import annotations

from decimal import Decimal
from typing import Iterator

from lint.checks._options import Number
from lint.checks._self import actual, in_target_unit, numeric, plain, rounded, target
from lint.findings import Hit
from lint.values import Comparison

SCOPE = "indicator"
TABLES = frozenset({"self-assessment"})
OPTIONS = {"ratio": 1.5}
ALLOWED = {"ratio": Number(minimum=1)}


def check(rule, subject) -> Iterator[Hit]:
    row = subject.indicator
    goal = target(row)
    result = actual(row, goal)
    if not numeric(goal) or not numeric(result) or goal.comparison not in (None, Comparison.GE, Comparison.GT):
        return
    value = in_target_unit(goal, result)
    if value is None or goal.number <= 0:
        return
    times = value / goal.number
    if times >= Decimal(str(rule.options["ratio"])):
        cell = row.main_value
        yield Hit(cell.span, params={"target": cell.text.strip(), "actual": row.actual.text.strip(),
                                     "times": plain(rounded(times, 1))}, value=cell.text)
