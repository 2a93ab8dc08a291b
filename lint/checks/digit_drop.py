"""A likely typo: 实施周期指标值 and 年度指标值 differ by one digit typed twice or once.

Seed 001 购买白玉兰家庭服务项目 plans 社区活动数(场次) 55场 for 2021–2029 and 5场 for 2025,
and its own 年度目标 says "社区活动55场": one "5" was dropped from the annual value. The
pattern is one number being the other with one digit doubled (55 vs 5, 112 vs 12, 100 vs 10),
in the same unit, whole numbers only.

The pattern alone is not enough: 150 vs 50 could be three years of 50. So the row is
reported only when its cycle/annual ratio is not explained —

* by the period length (or 1), for a project with a fixed 实施周期;
* by the ratio the table's other differing rows share, for an open-ended project
  (seed 001 家庭工作经费, 2021–2099: 150户/50户 is 3 like 6场/2场 and 18000户/6000户);
  when no other row differs, nothing explains the ratio and the row is reported;
* never, when the annual value is the larger, or when the row is a rate, a standard or a
  time limit (…率, %, 元/人/天, 天 …), which is not multiplied by the years: 100% vs 10%
  is a typo whatever the period.

Options:
    tolerance: how far, as a fraction, a ratio may be from 1, the period or a shared ratio
        and still fit it.
    non_cumulative_units, non_cumulative_names: as in ``annual_exceeds_cycle``: rows whose
        values do not add up year by year.

Located on the 年度指标值 cell. Message parameters: ``cycle_value``, ``annual_value`` (as
written), ``digit`` (the doubled digit), ``reason`` (why the difference is not explained:
``texts.level`` for a rate or a standard, ``texts.annual_larger``, or ``texts.unexplained``
with its {ratio} and {basis} — ``texts.period``, ``texts.shared_ratios`` ({ratios}
joined by ``texts.ratio_joiner``) or ``texts.no_basis``), ``column`` (年度指标值).
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
    format_ratio,
    pair,
    ratio_basis,
)
from lint.checks._texts import text
from lint.findings import Hit

SCOPE = "indicator"
OPTIONS = RATIO_OPTIONS
PATTERN_OPTIONS = CUMULATIVE_PATTERNS
ALLOWED = RATIO_ALLOWED
TEXTS = {"level": (), "annual_larger": (), "unexplained": ("ratio", "basis"), **BASIS_TEXTS, "no_basis": ()}


def check(rule, row: IndicatorRow) -> Iterator[Hit]:
    found = pair(row.indicator, rule.options)
    if found is None:
        return
    digit = found.slipped_digit
    if digit is None:
        return
    if not found.cumulative:
        reason = text(rule, "level")
    elif found.annual_amount > found.cycle_amount:
        reason = text(rule, "annual_larger")
    else:
        basis = ratio_basis(row.table, row.indicator, rule.options)
        if basis.explains(found.ratio, rule.options["tolerance"]):
            return
        reason = text(rule, "unexplained", ratio=format_ratio(found.ratio), basis=basis.describe(rule))
    yield annual_hit(row.indicator, digit=digit, reason=reason)
