"""Property tests: no input crashes the parser, and format() parses back to the same value."""

from __future__ import annotations

import datetime
from decimal import Decimal

from hypothesis import assume, given, settings
from hypothesis import strategies as st

from lint.values import Comparison, TargetValue, ValueKind, parse_amount, parse_value
from lint.values.grammar import BASE_UNITS

# Pieces real value cells are made of, so generated text reaches deep into the grammar.
TOKENS = [
    *"0123456789", "１", "２", "０", *"零〇一二两三四五六七八九十百千万亿", "百分之", "千分之",
    "≥", "≤", "<", ">", "=", "＞", "＜", "≧", "≦", ">=", "<=", "＝", "不低于", "不超过", "小于等于",
    "达到", "至少", "%", "‰", "％", *BASE_UNITS, "个月", "/", "／", "以上", "以下", "及", "或", "以内",
    "之内", "年", "月", "日", "号", "前", "之前", "度", "（", "）", "(", ")", ",", ".", "~", "-", "～", "至",
    "到", "—", "，", "；", "、", "。", " ", "\u3000", "\n", "良好", "满意度", "认为", "提升", "¥",
    "﹦", "═", "约", "余", "多", "左右", "底", "末", "季度", "第三季度", "上半年", "当年", "年内", "每月",
    "二〇二五", "完成", "到位", "*", "**", "X", ".", "2024.03", "2024", "12",
    "\x00", "\x1b", "\x1b[2J", "\u200b", "\ufeff", "\u202e", "\t", "\r", "\x7f",
]
# Long runs of one whitespace character between tokens: the grammar's patterns must not
# try every way to split a run (a 30,000-space cell once took 47 s).
WHITESPACE_RUNS = st.builds(
    lambda before, space, count, after: before + space * count + after,
    st.sampled_from(TOKENS), st.sampled_from([" ", "\u3000", "\t", "\n", "\xa0"]),
    st.integers(min_value=0, max_value=2500), st.sampled_from(TOKENS),
)
CELL_TEXT = st.one_of(
    st.text(),
    st.lists(st.sampled_from(TOKENS), max_size=12).map("".join),
    st.lists(st.one_of(st.sampled_from(TOKENS), WHITESPACE_RUNS), max_size=6).map("".join),
)

COMPARISONS = st.sampled_from([None, *Comparison])
UNITS = st.sampled_from([None, *BASE_UNITS, "元/人/天", "元/人/年", "宗/年", "元/亩", "个/年", "场/年"])
NUMBERS = st.one_of(
    st.integers(min_value=0, max_value=10**12).map(Decimal),
    st.decimals(min_value=0, max_value=10**9, places=2, allow_nan=False, allow_infinity=False).map(abs),
)


def _is_year_like(number: Decimal) -> bool:
    return number == number.to_integral_value() and 1900 <= number <= 2100


def _reads_as_month(number: Decimal) -> bool:
    """2023.07 and 2023.7 are July 2023 (the dotted dates of issue 14), not decimals."""
    whole, _, fraction = format(number, "f").partition(".")
    return 1900 <= int(whole) <= 2100 and 0 < len(fraction) <= 2 and 1 <= int(fraction) <= 12


# No deadline: time is bounded by the subprocess tests (test_bounded.py), not measured here;
# the first example also imports pint.
@settings(deadline=None)
@given(CELL_TEXT)
def test_parse_value_never_raises(text):
    value = parse_value(text)
    assert isinstance(value, TargetValue)
    assert value.text == text
    assert isinstance(value.format(), str)
    assert value.is_numeric in (True, False)
    # Every unit the parser yields is in the registry.
    for numeric in (value, *value.parts):
        assert (numeric.quantity is None) == (not numeric.is_numeric or numeric.kind is ValueKind.COMPOUND)


@given(st.one_of(st.none(), st.integers(), st.floats()))
def test_parse_value_takes_yaml_scalars(cell):
    assert isinstance(parse_value(cell), TargetValue)


@given(COMPARISONS, NUMBERS, UNITS)
def test_quantity_round_trips_through_format(comparison, number, unit):
    # "2025年" with no comparison is the year 2025, not a duration: the one ambiguous form.
    assume(not (unit == "年" and comparison is None and _is_year_like(number)))
    assume(not (unit is None and comparison is None and _reads_as_month(number)))
    value = TargetValue("", ValueKind.QUANTITY, comparison=comparison, number=number, unit=unit)
    again = parse_value(value.format())
    assert (again.kind, again.comparison, again.number, again.unit) == (
        ValueKind.QUANTITY, comparison, number, unit)
    assert again.quantity == value.quantity


@given(NUMBERS, NUMBERS, UNITS)
def test_range_round_trips_through_format(first, second, unit):
    lower, upper = sorted((first, second))
    # "2000年-2025年" is a period of years; "2024.03-2024.11" a period of months.
    assume(not (unit == "年" and _is_year_like(lower) and _is_year_like(upper)))
    assume(not (unit is None and _reads_as_month(lower) and _reads_as_month(upper)))
    value = TargetValue("", ValueKind.RANGE, number=lower, upper=upper, unit=unit)
    again = parse_value(value.format())
    assert (again.kind, again.comparison, again.number, again.upper, again.unit) == (
        ValueKind.RANGE, None, lower, upper, unit)
    assert again.quantity == value.quantity


@given(st.dates(min_value=datetime.date(1900, 1, 1), max_value=datetime.date(2100, 12, 31)),
       st.sampled_from(["ymd", "ym", "y", "md", "m"]), st.booleans())
def test_date_round_trips_through_format(date, precision, deadline):
    value = TargetValue("", ValueKind.DATE,
                        year=date.year if "y" in precision else None,
                        month=date.month if "m" in precision else None,
                        day=date.day if "d" in precision else None,
                        deadline=deadline)
    again = parse_value(value.format())
    assert (again.kind, again.year, again.month, again.day, again.deadline) == (
        ValueKind.DATE, value.year, value.month, value.day, deadline)


@given(st.one_of(CELL_TEXT, st.none(), st.booleans(), st.integers(), st.floats(),
                 st.decimals(allow_nan=True, allow_infinity=True)),
       st.sampled_from(["元", "万元"]))
def test_parse_amount_never_raises(cell, default_unit):
    amount = parse_amount(cell, default_unit=default_unit)
    assert amount is None or (isinstance(amount, Decimal) and amount.is_finite())


@given(st.integers(min_value=1900, max_value=2100), st.integers(min_value=1, max_value=12),
       st.integers(min_value=0, max_value=3), st.booleans())
def test_month_period_round_trips_through_format(year, first, length, with_year):
    last = min(12, first + length)
    value = TargetValue("", ValueKind.PERIOD, year=year if with_year else None, month=first,
                        end_year=year if with_year else None, end_month=last,
                        number=Decimal(year) if with_year else None, upper=Decimal(year) if with_year else None)
    again = parse_value(value.format())
    assert (again.kind, again.year, again.month, again.end_year, again.end_month) == (
        ValueKind.PERIOD, value.year, first, value.end_year, last)
    assert again.last_day(year) == value.last_day(year)


@given(CELL_TEXT)
def test_a_deadline_has_a_last_day_in_any_budget_year(text):
    value = parse_value(text)
    last = value.last_day(2025)
    assert (last is None) == (value.kind not in (ValueKind.DATE, ValueKind.PERIOD))


@given(st.text(alphabet=st.characters(whitelist_categories=("Nd", "No")), min_size=1, max_size=4),
       st.sampled_from(["-6月", "月", "年", "-2024.11", "年底", "季度末"]))
def test_digits_of_any_script_never_crash(digits, tail):
    # "²".isdigit() is true but int("²") raises: spans must not trust str.isdigit.
    for text in (digits + tail, "2024." + digits + tail, tail + digits):
        assert isinstance(parse_value(text), TargetValue)
