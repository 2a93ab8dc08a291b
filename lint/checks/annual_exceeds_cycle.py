"""年度指标值 larger than 实施周期指标值 for a quantity that adds up over the years.

The 实施周期 includes the budget year, so the cycle total of a count or an amount cannot be
smaller than the year's share: seed 002 望牛墩镇“向幸福家庭出发”家校社共建共享支持项目 plans
项目活动场次 "15" for 2023–2024 and "20" for 2024 alone. Caps compare the same way
(实施周期 ≤100000元 with 年度 ≤120000元 is a contradiction too); a floor against a cap is not
compared. Values are compared unit-aware (1.5万元 = 15000元, 场 = 场次; a bare number takes
the other column's unit; "4个/年" is read as 4个).

Rates and other levels are not cumulative: a higher annual rate is no contradiction (seed
002 项目验收合格率（%） 90 vs 95, 受益群体满意度 95% vs 98%). Only single numbers are
compared, not ranges, compound cells or sentences with several numbers.

Options:
    non_cumulative_units: units whose values are levels, never compared (%, ‰, time units).
    non_cumulative_names: regular expressions (``re.search``) for row names that are rates
        or averages (…率, 满意度, 年均…), never compared.
    skip_when_digit_drop: leave the row to ``digit_drop`` when the two numbers differ by one
        repeated digit (12 vs 112), so a typo is reported once, as a typo.

Located on the 年度指标值 cell. Message parameters: ``cycle_value``, ``annual_value`` (the
cells as written), ``column`` (年度指标值).
"""

from __future__ import annotations

from typing import Iterator

from lint.checks._context import IndicatorRow
from lint.checks._cycle import (
    CUMULATIVE_ALLOWED,
    CUMULATIVE_OPTIONS,
    CUMULATIVE_PATTERNS,
    annual_hit,
    pair,
)
from lint.findings import Hit

SCOPE = "indicator"
READS = ("values",)
OPTIONS = {**CUMULATIVE_OPTIONS, "skip_when_digit_drop": True}
PATTERN_OPTIONS = CUMULATIVE_PATTERNS
ALLOWED = CUMULATIVE_ALLOWED


def check(rule, row: IndicatorRow) -> Iterator[Hit]:
    found = pair(row.indicator, rule.options)
    if found is None or not found.cumulative or found.annual_amount <= found.cycle_amount:
        return
    if rule.options["skip_when_digit_drop"] and found.slipped_digit is not None:
        return
    yield annual_hit(row.indicator)
