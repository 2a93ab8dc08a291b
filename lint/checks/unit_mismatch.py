"""实施周期指标值 and 年度指标值 of one row written in units that cannot be compared.

The two columns state the same indicator for two spans of time, so they take one unit
(量词). Reported:

* units of different dimensions: 场 vs 个, 人 vs 人次, 个 vs %. A count of 场 cannot be
  checked against, or added up to, a count of 个.
* a unit in one column and none in the other: seed 001 购买白玉兰家庭服务项目
  小组服务指标数, 实施周期指标值 "12个", 年度指标值 "12" (located on the cell without unit).
  Not when either value is a number inside a sentence, whose unit may be in the words
  ("实施周期维权服务覆盖人次≥1530").

Not reported: units of one dimension — 场 and 场次 are one unit, 1.5万元 and 15000元 are the
same amount, 1年 and 12个月 the same time. And, by default, a "/年" rate in the 年度指标值
column against a total in the 实施周期指标值 column of the same counter (seed 001
粤财行（2024）117号: 12个 vs 4个/年): the annual column is per year by definition, so
"4个/年" says no more than "4个". (A "/年" in the cycle column is ``per_period_cycle``'s.)
Only single numbers are compared (QUANTITY or RANGE), not compound cells, dates or words.

Options:
    flag_per_year_annual: also report a "/年" rate against a total (12个 vs 4个/年).
    flag_missing_unit: report a unit in one column and none in the other. A value without
        unit is also a measurability finding (JX103); this one names the unit to copy.

Message parameters: ``cycle_value``, ``annual_value`` (the cells as written), ``problem``
(what differs: ``texts.cycle_without_unit`` or ``texts.annual_without_unit`` with the other
column's {unit}, or ``texts.different_units`` with {cycle_unit} and {annual_unit}),
``column`` (the column of the located cell). The fix that copies the unit is described by
``texts.add_unit``, as in missing_unit.
"""

from __future__ import annotations

from typing import Iterator

from lint.checks._context import IndicatorRow
from lint.checks._cycle import base_unit, parsed_pair
from lint.checks._texts import text
from lint.checks.missing_unit import add_unit
from lint.findings import Hit
from lint.loading.model import ANNUAL, CYCLE
from lint.values import ValueKind, conversion_factor

SCOPE = "indicator"
READS = ("values",)
OPTIONS = {"flag_per_year_annual": False, "flag_missing_unit": True}
TEXTS = {"cycle_without_unit": ("unit",), "annual_without_unit": ("unit",),
         "different_units": ("cycle_unit", "annual_unit"), "add_unit": ("unit",)}


def check(rule, row: IndicatorRow) -> Iterator[Hit]:
    both = parsed_pair(row.indicator)
    if both is None or not all(v.kind in (ValueKind.QUANTITY, ValueKind.RANGE) and v.number is not None for v in both):
        return
    as_written = rule.options["flag_per_year_annual"]
    cycle_unit, annual_unit = (v.unit if as_written else base_unit(v) for v in both)
    if cycle_unit == annual_unit:
        return
    if cycle_unit is None or annual_unit is None:
        if not rule.options["flag_missing_unit"] or any(v.in_sentence for v in both):
            return
        column, other_unit = (CYCLE, annual_unit) if cycle_unit is None else (ANNUAL, cycle_unit)
        missing, copied = (both[0], both[1].unit) if column == CYCLE else (both[1], both[0].unit)
        problem = text(rule, "cycle_without_unit" if column == CYCLE else "annual_without_unit", unit=other_unit)
    elif conversion_factor(annual_unit, cycle_unit) is None:
        column, copied = ANNUAL, None  # which column is right is the unit's call, not a rewrite
        problem = text(rule, "different_units", cycle_unit=cycle_unit, annual_unit=annual_unit)
    else:
        return
    cell = row.indicator.cycle_value if column == CYCLE else row.indicator.annual_value
    # The same rewrite as JX103's: write the other column's unit, as written there.
    unit_fix = add_unit(rule, cell, missing, copied) if copied else None
    yield Hit(
        cell.span,
        params={
            "cycle_value": row.indicator.cycle_value.text,
            "annual_value": row.indicator.annual_value.text,
            "problem": problem,
            "column": column,
        },
        value=cell.text,
        fix=unit_fix,
    )
