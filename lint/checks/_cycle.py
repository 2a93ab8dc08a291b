"""What the cycle-vs-annual checks (JX201–JX205) share.

An indicator row states two targets: 实施周期指标值 for the whole 实施周期 and 年度指标值 for
the budget year. :func:`pair` reads them as two magnitudes in one unit (1.5万元 and 15000元
are equal, 场 and 场次 are one unit, a bare "12" takes the unit of the other column), and
:func:`ratio_basis` says which cycle/annual ratios the table explains: the period length, or
— when the project is open-ended (到期年度 2099) — the ratios the table's other rows share.

Two readings are built in:

* "/年" on a value ("4个/年") is read as that year's count: the 年度指标值 column is per year
  by definition, so 12个 against 4个/年 compares 12 with 4. (A "/年" in the 实施周期指标值
  column is a defect of its own, reported by ``per_period_cycle``.)
* Only cumulative quantities — counts and money, which add up year by year — have a
  meaningful ratio. Rates (%, ‰), durations and deadlines (天, 月 …, usually 时效指标), unit
  standards (元/人/天) and rows named like a rate or an average (…率, 满意度, 年均…) are
  levels: the same level in both columns is the norm, and a higher annual level is no
  contradiction. The checks that need this take the options ``non_cumulative_units`` and
  ``non_cumulative_names`` (defaults below).
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from lint.checks._options import Choice, Number
from lint.checks._texts import text
from lint.findings import Hit
from lint.loading.model import ANNUAL, TARGET, Indicator, ProjectTable, Table
from lint.loading.tree import Cell
from lint.values import (
    BASE_UNITS,
    Comparison,
    TargetValue,
    ValueKind,
    conversion_factor,
    parse_value,
)

PER_YEAR = "年"

# Units whose values are levels, not totals: rates, and durations or deadlines (时效).
NON_CUMULATIVE_UNITS = ["%", "‰", "小时", "天", "日", "周", "月", "年"]
# Names of rows that hold a rate or an average even when the cell has no unit
# (seed 002: 项目验收合格率（%）, 实施周期指标值 "90", 当年度指标值 "95").
NON_CUMULATIVE_NAMES = ["率", "[%％‰]", "满意", "认可度", "[年人日月]均|平均"]
# How far a ratio may be from the expected one and still fit it (1000 vs 333 is 3 years).
TOLERANCE = 0.05
# The options every cycle-vs-annual check takes to tell totals from rates and averages.
CUMULATIVE_OPTIONS = {"non_cumulative_units": NON_CUMULATIVE_UNITS, "non_cumulative_names": NON_CUMULATIVE_NAMES}
CUMULATIVE_PATTERNS = ("non_cumulative_names",)
CUMULATIVE_ALLOWED = {"non_cumulative_units": Choice(BASE_UNITS, many=True)}
# The options of the checks that judge a row's cycle/annual ratio against the period.
RATIO_OPTIONS = {"tolerance": TOLERANCE, **CUMULATIVE_OPTIONS}
RATIO_ALLOWED = {**CUMULATIVE_ALLOWED, "tolerance": Number(minimum=0, maximum=1)}

_LOWER_BOUNDS = frozenset({Comparison.GE, Comparison.GT})
_UPPER_BOUNDS = frozenset({Comparison.LE, Comparison.LT})


def year_value(indicator: Indicator) -> tuple[str, Cell | None]:
    """The row's target for the budget year and its column: 年度指标值, or the single
    指标值 of a one-column form."""
    if indicator.annual_value:
        return ANNUAL, indicator.annual_value
    return TARGET, indicator.target_value


def base_unit(value: TargetValue) -> str | None:
    """The value's unit with a trailing "/年" read away: "4个/年" → "个", "元/人/年" → "元/人"."""
    if value.per_period == PER_YEAR:
        return value.unit.rsplit("/", 1)[0]
    return value.unit


def parsed_pair(indicator: Indicator) -> tuple[TargetValue, TargetValue] | None:
    """实施周期指标值 and 年度指标值 parsed; None unless the row has both columns."""
    if indicator.cycle_value is None or indicator.annual_value is None:
        return None
    return parse_value(indicator.cycle_value.text), parse_value(indicator.annual_value.text)


@dataclass(frozen=True, slots=True)
class Pair:
    """A row's two values as magnitudes in the 实施周期指标值's unit."""

    cycle: TargetValue
    annual: TargetValue
    cycle_amount: Decimal
    annual_amount: Decimal  # converted into the cycle value's unit
    same_unit: bool  # written in one unit (场 and 场次 count as one), so the digits compare
    cumulative: bool

    @property
    def ratio(self) -> Decimal | None:
        """实施周期指标值 ÷ 年度指标值; None when the annual value is 0."""
        return self.cycle_amount / self.annual_amount if self.annual_amount else None

    @property
    def slipped_digit(self) -> str | None:
        """The digit typed once too often or too few times: "5" for 55 vs 5, "1" for 12 vs 112.

        Only whole numbers written in the same unit: the slip is one of typing.
        """
        if not self.same_unit:
            return None
        digits = []
        for number in (self.cycle.number, self.annual.number):
            if number != number.to_integral_value() or number < 0:
                return None
            digits.append(format(number.to_integral_value(), "f"))
        longer, shorter = sorted(digits, key=len, reverse=True)
        if len(longer) != len(shorter) + 1:
            return None
        for index in range(1, len(longer)):
            if longer[index] == longer[index - 1] and longer[:index] + longer[index + 1:] == shorter:
                return longer[index]
        return None


def pair(indicator: Indicator, options: dict) -> Pair | None:
    """Both values as comparable magnitudes, or None.

    None when a column is missing, either value is not a single number (a range, a
    compound cell, a date, words), the units differ in dimension (场 vs 个: that is
    ``unit_mismatch``'s finding), or one value is a floor and the other a cap (≥5场 vs ≤10场
    say different things).
    """
    both = parsed_pair(indicator)
    if both is None:
        return None
    cycle, annual = both
    if not all(v.kind is ValueKind.QUANTITY and v.number is not None for v in both):
        return None
    if {cycle.comparison, annual.comparison} & _LOWER_BOUNDS and {cycle.comparison, annual.comparison} & _UPPER_BOUNDS:
        return None
    cycle_unit, annual_unit = base_unit(cycle), base_unit(annual)
    cycle_unit, annual_unit = cycle_unit or annual_unit, annual_unit or cycle_unit
    factor = conversion_factor(annual_unit, cycle_unit)
    if factor is None:
        return None
    return Pair(
        cycle=cycle,
        annual=annual,
        cycle_amount=cycle.number,
        annual_amount=annual.number * factor,
        same_unit=factor == 1,
        cumulative=_cumulative(indicator, cycle_unit, options),
    )


def _cumulative(indicator: Indicator, unit: str | None, options: dict) -> bool:
    if unit is not None and ("/" in unit or unit in options["non_cumulative_units"]):
        return False
    return not options["non_cumulative_names"].search(indicator.name.text)


def close(ratio: Decimal, expected: Decimal | int, tolerance: float) -> bool:
    return abs(ratio - expected) <= Decimal(str(tolerance)) * expected


@dataclass(frozen=True, slots=True)
class RatioBasis:
    """What a table says a row's cycle/annual ratio should be, besides 1.

    ``period_years`` for a project with a fixed 实施周期; otherwise ``shared``: the ratios of
    the table's other cumulative rows whose two values differ (an open-ended project's
    "cycle" may be any horizon, often the three-year 中期财政规划 — the rows that differ
    reveal which). Rows whose two values are equal say nothing about the horizon: budget
    caps are usually equal in both columns whatever the horizon is.
    """

    period_years: int | None
    start: int | None = None  # 起始年度 and 到期年度, for messages
    end: int | None = None
    shared: tuple[Decimal, ...] = ()

    @property
    def known(self) -> bool:
        return self.period_years is not None or bool(self.shared)

    def explains(self, ratio: Decimal, tolerance: float) -> bool:
        expected = (self.period_years,) if self.period_years is not None else self.shared
        return any(close(ratio, value, tolerance) for value in (1, *expected))

    def admits(self, ratio: Decimal, tolerance: float) -> bool:
        """Whether some split of the cycle total over the years reaches ``ratio``: the years
        rarely plan the same amount (12所 over two years as 8 + 4), but an annual value
        repeated in every year of the period must reach the cycle total."""
        horizon = self.period_years if self.period_years is not None else max(self.shared, default=None)
        return horizon is not None and ratio <= horizon * (1 + Decimal(str(tolerance)))

    def describe(self, rule) -> dict:
        """The basis in the rule's words, for a message: "实施周期2021–2029年共9年" …"""
        if self.period_years is not None:
            return text(rule, "period", start=self.start, end=self.end, years=self.period_years)
        if self.shared:
            times = [format_ratio(ratio) for ratio in self.shared]
            joiners = text(rule, "ratio_joiner")
            return text(rule, "shared_ratios", ratios={lang: joiner.join(times) for lang, joiner in joiners.items()})
        return text(rule, "no_basis")


# The texts of a rule whose message describes the ratio basis (``no_basis`` only if it reports
# a row that nothing explains).
BASIS_TEXTS = {"period": ("start", "end", "years"), "shared_ratios": ("ratios",), "ratio_joiner": ()}


def ratio_basis(table: Table, indicator: Indicator, options: dict) -> RatioBasis:
    """The ratios that explain ``indicator``'s cycle/annual ratio in ``table``."""
    if isinstance(table, ProjectTable) and table.period_years is not None:
        return RatioBasis(table.period_years, table.start_year.value, table.end_year.value)
    shared: list[Decimal] = []
    for other, ratio in _ratios(table, options):
        if other is not indicator and not any(close(ratio, known, options["tolerance"]) for known in shared):
            shared.append(ratio)
    return RatioBasis(None, shared=tuple(sorted(shared)))


# The last table's rows with a cumulative ratio above 1, per options value (one per rule):
# rows of a table are checked one after another, so each row's pair is read once per
# table, not once per other row. The options are kept, so their identity is not reused.
_RATIOS: dict[int, tuple[dict, Table, list[tuple[Indicator, Decimal]]]] = {}
_RATIOS_MAX = 1024


def _ratios(table: Table, options: dict) -> list[tuple[Indicator, Decimal]]:
    last = _RATIOS.get(id(options))
    if last is not None and last[0] is options and last[1] is table:
        return last[2]
    ratios = [
        (other, found.ratio) for other in table.indicators
        if (found := pair(other, options)) is not None and found.cumulative and found.ratio is not None
        and found.ratio >= 1 and not close(found.ratio, 1, options["tolerance"])
    ]
    if len(_RATIOS) >= _RATIOS_MAX:
        _RATIOS.clear()
    _RATIOS[id(options)] = (options, table, ratios)
    return ratios


def format_ratio(ratio: Decimal) -> str:
    """11 → "11", 55/6 → "9.2": a ratio in a message is read, not computed with."""
    if ratio == ratio.to_integral_value():
        return format(ratio.to_integral_value(), "f")
    return format(ratio.quantize(Decimal("0.1")), "f")


def annual_hit(indicator: Indicator, **params) -> Hit:
    """A finding on the 年度指标值 cell that names both values (the message quotes them)."""
    annual = indicator.annual_value
    return Hit(
        annual.span,
        params={"cycle_value": indicator.cycle_value.text, "annual_value": annual.text, "column": ANNUAL, **params},
        value=annual.text,
    )
