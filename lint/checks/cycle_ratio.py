"""A 实施周期指标值 that the 年度指标值 cannot reach even if it were met in every year.

For a count or an amount the cycle value is the total over the 实施周期. The years rarely
plan the same amount — 12所 over two years as 8 + 4, 4000 of 7000平方米 in the first year —
so any ratio from 1 up to the number of years is a plausible split. A larger ratio is not:
the annual value repeated in every year still falls short of the cycle total, so one
column was filled in on another basis, or mistyped: seed 001 购买白玉兰家庭服务项目
(2021–2029, 9 years) plans 社区活动数(场次) 55场 for the period and 5场 for the year — 11
times. (An annual value above the cycle value is ``annual_exceeds_cycle``'s.)

An open-ended project (到期年度 2099) or a department table has no period length. Its
horizon is then read as the table reads it: the largest ratio among the table's other rows
whose two values differ (seed 001 家庭工作经费: 美丽庭院户 150户/50户, 举办活动场次 6场/2场,
美丽庭院典型 18000户/6000户 are all 3 — a three-year horizon — so none is reported; a row at
5 times is). When no other row differs there is nothing to compare with and nothing is
reported. Rows whose values are equal say nothing about the horizon (budget caps are
usually equal in both columns) and are not used.

Only cumulative values are compared (see ``annual_exceeds_cycle`` for what is not), and
only when the cycle value is the larger: a larger annual value is ``annual_exceeds_cycle``'s.

Options:
    tolerance: how far, as a fraction, a ratio may exceed the period or the table's
        horizon and still fit it (1000 vs 333 over 3 years fits).
    skip_when_digit_drop: leave the row to ``digit_drop`` when the two numbers differ by one
        repeated digit (55 vs 5), so a typo is reported once, as a typo.
    non_cumulative_units, non_cumulative_names: as in ``annual_exceeds_cycle``.

Located on the 年度指标值 cell. Message parameters: ``cycle_value``, ``annual_value`` (as
written), ``ratio`` ("11"), ``basis`` (the period, ``texts.period``, or the table's shared
ratios, ``texts.shared_ratios`` with its {ratios} joined by ``texts.ratio_joiner``),
``column`` (年度指标值).
"""

from __future__ import annotations

from typing import Iterator

from lint.checks._context import IndicatorRow
from lint.checks._cycle import (
    BASIS_TEXTS,
    CUMULATIVE_PATTERNS,
    RATIO_ALLOWED,
    RATIO_OPTIONS,
    annual_hit,
    close,
    format_ratio,
    pair,
    ratio_basis,
)
from lint.findings import Hit

SCOPE = "indicator"
OPTIONS = {**RATIO_OPTIONS, "skip_when_digit_drop": True}
PATTERN_OPTIONS = CUMULATIVE_PATTERNS
ALLOWED = RATIO_ALLOWED
TEXTS = BASIS_TEXTS


def check(rule, row: IndicatorRow) -> Iterator[Hit]:
    found = pair(row.indicator, rule.options)
    if found is None or not found.cumulative or found.ratio is None:
        return
    tolerance = rule.options["tolerance"]
    if found.ratio < 1 or close(found.ratio, 1, tolerance):
        return
    if rule.options["skip_when_digit_drop"] and found.slipped_digit is not None:
        return
    basis = ratio_basis(row.table, row.indicator, rule.options)
    if not basis.known or basis.admits(found.ratio, tolerance):
        return
    yield annual_hit(row.indicator, ratio=format_ratio(found.ratio), basis=basis.describe(rule))
