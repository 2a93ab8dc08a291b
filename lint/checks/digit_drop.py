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
written), ``digit`` (the doubled digit), ``reason`` (why the difference is not explained,
in words), ``column`` (年度指标值).
"""

from __future__ import annotations

from typing import Iterator

from lint.checks._context import IndicatorRow
from lint.checks._options import Number
from lint.checks._cycle import (
    CUMULATIVE_ALLOWED,
    CUMULATIVE_OPTIONS,
    CUMULATIVE_PATTERNS,
    TOLERANCE,
    annual_hit,
    format_ratio,
    pair,
    ratio_basis,
)
from lint.findings import Hit

SCOPE = "indicator"
OPTIONS = {"tolerance": TOLERANCE, **CUMULATIVE_OPTIONS}
PATTERN_OPTIONS = CUMULATIVE_PATTERNS
ALLOWED = {**CUMULATIVE_ALLOWED, "tolerance": Number(minimum=0, maximum=1)}

_LEVEL = {
    "zh": "而这一指标是比率、标准或时限，不随年数累加，两栏本应一致",
    "en": "this indicator is a rate, standard or time limit that does not add up over the years, so both columns should agree",
}
_ANNUAL_LARGER = {
    "zh": "而且年度指标值大于实施周期指标值",
    "en": "the annual value is even larger than the cycle value",
}


def check(rule, row: IndicatorRow) -> Iterator[Hit]:
    found = pair(row.indicator, rule.options)
    if found is None:
        return
    digit = found.slipped_digit
    if digit is None:
        return
    if not found.cumulative:
        reason = _LEVEL
    elif found.annual_amount > found.cycle_amount:
        reason = _ANNUAL_LARGER
    else:
        basis = ratio_basis(row.table, row.indicator, rule.options)
        if basis.explains(found.ratio, rule.options["tolerance"]):
            return
        ratio, described = format_ratio(found.ratio), basis.describe()
        reason = {
            "zh": f"两者相差{ratio}倍，而{described['zh']}",
            "en": f"their ratio of {ratio} is not explained: {described['en']}",
        }
    yield annual_hit(row.indicator, digit=digit, reason=reason)
