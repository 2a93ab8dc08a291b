"""A target below what was already achieved last year: the evidence for "绩效指标目标值太低".

With last year's self-assessment named (``--previous 上年自评.yaml`` or ``previous:`` in the
config), each project table of this year's target file is matched to last year's
self-assessment of the same project (names compared without spaces, unit brackets and
punctuation; the unit's name too when both files give it), and each row to last year's row
of the same normalised indicator name. A floor (≥, >, or a bare number) below last year's
实际完成值 in the same unit asks for less than was done: "年度指标值 ≥85% 低于上年实际完成值
97%". This is the check no reviewer has time for, and the weakness the seeds name
(seeds/003: 绩效指标目标值太低; 财预〔2015〕88号 审核：适当性).

Options:
    margin: how far, in the target's unit, last year's result may exceed the target before it
        is reported (0).

Located on this year's 年度指标值 (or the single 指标值). Message parameters: ``column``,
``target``, ``last`` (last year's 实际完成值), ``last_at`` (its file:line).
"""

from __future__ import annotations

from decimal import Decimal
from typing import Iterator

from lint.checks._names import normalise
from lint.checks._options import Number
from lint.checks._self import actual, counterpart, in_target_unit, numeric, self_rows, target
from lint.findings import Hit
from lint.loading.model import ANNUAL, CYCLE, TARGET, SelfAssessmentTable
from lint.values import Comparison, parse_value

SCOPE = "cross"
OPTIONS = {"margin": 0}
ALLOWED = {"margin": Number(minimum=0)}


def check(rule, subject) -> Iterator[Hit]:
    table = subject.table
    if table.kind == "self-assessment" or not subject.references.previous:
        return
    found = counterpart(subject, subject.references.previous, (SelfAssessmentTable,))
    if found is None:
        return
    path, last = found
    rows = {normalise(row.name.text): row for row in self_rows(last)}
    margin = Decimal(str(rule.options["margin"]))
    for indicator in table.indicators:
        cell = indicator.main_value
        previous = rows.get(normalise(indicator.name.text))
        if cell is None or cell.is_blank or previous is None:
            continue
        goal = parse_value(cell.text)
        done = actual(previous, target(previous))
        if not numeric(goal) or not numeric(done) or goal.comparison not in (None, Comparison.GE, Comparison.GT):
            continue
        achieved = in_target_unit(goal, done)
        if achieved is not None and goal.number + margin < achieved:
            column = ANNUAL if cell is indicator.annual_value else TARGET if cell is indicator.target_value else CYCLE
            yield Hit(cell.span, params={"column": column, "target": cell.text.strip(), "last": previous.actual.text.strip(),
                                         "last_at": f"{path}:{previous.actual.span.line}"},
                      value=cell.text)
