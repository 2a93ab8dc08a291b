"""A budget-execution score the form's convention does not give (预算执行率得分计算错误).

The budget block earns its points by the execution rate. The central form and most
provinces score it 分值 × 执行率 (the Hubei county form prints the rule in its header:
得分(20分*执行率)); some give full marks from a threshold rate on. That convention is the
rule's options, not code: ``full_at`` is the rate that earns full marks, below it the score
is proportional to the rate over ``full_at``. The weight is the line's own 分值/权重, else the
block's printed points (预算执行情况(20分)), else ``weight``.

The rate is the division of the line's amounts when they divide (a wrong printed rate is
the rate rule's finding), else the printed rate. A blank score is the unfilled-cell rule's.

Options:
    full_at: the execution rate, in percent, that earns full marks (100).
    tolerance: the largest difference still accepted, in points (0.01).
    weight: the block's points when the form prints none (0: then nothing is checked).

Located on the 得分 cell. Message parameters: ``score`` (as written), ``expected`` (weight ×
rate), ``weight``, ``rate`` (the execution rate used, in percent), ``line``.
"""

from __future__ import annotations

from decimal import Decimal
from typing import Iterator

from lint.checks._options import Number
from lint.checks._self import number, plain
from lint.checks.self_execution_rate import execution
from lint.findings import Hit

SCOPE = "table"
TABLES = frozenset({"self-assessment"})
OPTIONS = {"full_at": 100, "tolerance": 0.01, "weight": 0}
ALLOWED = {"full_at": Number(minimum=1, maximum=100), "tolerance": Number(minimum=0), "weight": Number(minimum=0)}


def check(rule, table) -> Iterator[Hit]:
    full_at = Decimal(str(rule.options["full_at"]))
    tolerance = Decimal(str(rule.options["tolerance"]))
    fallback = Decimal(str(rule.options["weight"])) or None
    for index, line in enumerate(table.budget_lines):
        score = number(line.score)
        weight = number(line.weight) or (number(table.budget_weight) if index == 0 else None) or (fallback if index == 0 else None)
        rate = execution(line)
        if score is None or not weight or rate is None:
            continue
        expected = weight * min(rate / full_at, Decimal(1))
        if abs(expected - score) > tolerance:
            yield Hit(line.score.span, params={"score": line.score.text.strip(), "expected": plain(expected),
                                               "weight": plain(weight), "rate": f"{plain(rate)}%",
                                               "line": line.label.text}, value=line.score.text)
