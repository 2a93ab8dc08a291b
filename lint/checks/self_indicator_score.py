"""An indicator's 得分 that its result does not bear out (指标得分与完成情况不符).

Each row is read with its target's direction (≥/> and a bare number: a floor; ≤/<: a cap;
=: exact; a word: met only by the same word), the result in the target's unit, and the
row's 分值 and 得分. Four ``problems``:

``met_deducted``
    The target was met, yet points were deducted and 偏差原因 says nothing: either the
    score or the result is wrong (财预〔2020〕10号: 完成指标值的记满分).
``missed_full``
    The target was missed, yet the row claims full marks.
``missed_no_reason``
    The target was missed and 偏差原因 is blank (the form asks for 偏差原因分析及改进措施).
``partial``
    A missed target scored part of its points other than the stated rule gives: 正向
    实际/目标 × 分值, 反向 目标/实际 × 分值, beyond ``tolerance`` points or ``tolerance_share``
    of the row's 分值, whichever is larger.

A 偏差原因 of "/", "—" or "无" says nothing.

Options:
    problems: which of the four this rule reports.
    bare: how a target without a sign reads: ge (a floor) or eq (exact).
    tolerance: points a partial score may differ from the rule (0.1).
    tolerance_share: the same as a share of the row's 分值 (0.05).

Located on 得分 (met_deducted, missed_full, partial), on 偏差原因 or else 实际完成值
(missed_no_reason). Message parameters: ``target``, ``actual`` (as written), ``weight``,
``score``, ``expected`` (the points the rule gives), ``direction`` (正向/反向, in words:
``texts.floor`` or ``texts.cap``).
"""

from __future__ import annotations

from decimal import Decimal
from typing import Iterator

from lint.checks._options import Choice, Number
from lint.checks._self import Met, actual, is_blank, met, not_applicable, number, plain, proportional, target
from lint.checks._texts import text
from lint.findings import Hit
from lint.values import Comparison

SCOPE = "indicator"
TABLES = frozenset({"self-assessment"})
PROBLEMS = ("met_deducted", "missed_full", "missed_no_reason", "partial")
OPTIONS = {"problems": list(PROBLEMS), "bare": "ge", "tolerance": 0.1, "tolerance_share": 0.05}
ALLOWED = {
    "problems": Choice(PROBLEMS, many=True),
    "bare": Choice(("ge", "eq")),
    "tolerance": Number(minimum=0),
    "tolerance_share": Number(minimum=0, maximum=1),
}
TEXTS = {"floor": (), "cap": ()}


def check(rule, subject) -> Iterator[Hit]:
    row = subject.indicator
    options = rule.options
    goal = target(row)
    result = actual(row, goal)
    state = met(goal, result, options["bare"])
    if state is None:
        return
    weight, score = number(row.weight), number(row.score)
    silent = is_blank(row.reason) or not_applicable(row.reason)
    params = {"target": row.main_value.text.strip(), "actual": row.actual.text.strip(),
              "weight": plain(weight) if weight is not None else "", "score": plain(score) if score is not None else "",
              "expected": "", "direction": text(rule, "cap" if _is_cap(goal) else "floor")}
    problems = options["problems"]
    if state is Met.MET:
        if "met_deducted" in problems and weight is not None and score is not None and score < weight and silent:
            yield Hit(row.score.span, params=params, value=row.score.text)
        return
    if "missed_no_reason" in problems and silent:
        cell = row.reason if row.reason is not None else row.actual
        yield Hit(cell.span, params=params, value=cell.text)
    if weight is None or score is None:
        return
    if "missed_full" in problems and score >= weight:
        yield Hit(row.score.span, params=params, value=row.score.text)
    elif "partial" in problems and 0 < score < weight:
        expected = proportional(goal, result, weight, options["bare"])
        allowed = max(Decimal(str(options["tolerance"])), Decimal(str(options["tolerance_share"])) * weight)
        if expected is not None and abs(expected - score) > allowed:
            yield Hit(row.score.span, params={**params, "expected": plain(expected)}, value=row.score.text)


def _is_cap(goal) -> bool:
    return goal is not None and goal.comparison in (Comparison.LE, Comparison.LT)
