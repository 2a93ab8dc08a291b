"""parse_value and parse_amount: cell text → structured value. Neither ever raises.

parse_value tries the forms from the most specific to the least:
PERIOD, DATE, a whole-cell QUANTITY/RANGE, a template PLACEHOLDER, an UNREADABLE number,
numbers inside text (one → QUANTITY with in_sentence, several → COMPOUND), then
QUALITATIVE or UNPARSED by length. A cell longer than grammar.MAX_CELL is OVERLONG and
not parsed at all.
"""

from __future__ import annotations

import dataclasses
import datetime
import decimal
import functools
import itertools
import re
from decimal import Decimal
from typing import NamedTuple

from lint.values import grammar
from lint.values.model import TargetValue, ValueKind
from lint.values.numerals import parse_number, scale

_FIRST_YEAR, _LAST_YEAR = 1900, 2100  # a 4-digit number in this span followed by 年 is a year
_TIME_UNITS = frozenset(grammar.TIME_UNITS)
_MONEY_FACTORS = {"元": 1, "千元": 1000, "万元": 10_000, "亿元": 100_000_000}
_QUALIFIER_STRIP = " \t\r\n\u3000，,；;。.、:："
# A date or a span of dates is short; longer cells are not tried as dates at all.
_DATE_MAX = 40
_HALVES = {"上": (1, 6), "下": (7, 12)}
_QUARTERS = {"一": 1, "二": 2, "三": 3, "四": 4, "1": 1, "2": 2, "3": 3, "4": 4}


# 4,096 parsed cells (~3 MB) hold every cell a table repeats; 16,384 grew a worker by ~5 MB
# more on a province's distinct cells, for no measurable time.
@functools.lru_cache(maxsize=4096, typed=True)
def parse_value(text: str | int | float | None) -> TargetValue:
    """Parse one value cell (实施周期指标值, 年度指标值, 指标值, …).

    A number loaded from YAML (年度指标值: 12) is read as its text. Results are cached:
    tables repeat the same cells ("良好", "≥85%") many times, and TargetValue is immutable.
    """
    original = "" if text is None else str(text)
    if len(original) > grammar.MAX_CELL:
        return TargetValue(original, ValueKind.OVERLONG)
    folded = original.translate(grammar.FOLD)
    start, end = _strip_bounds(folded)
    if start == end:
        return TargetValue(original, ValueKind.EMPTY)
    for parse in (_period, _date, _whole_quantity, _placeholder, _unreadable, _quantities_in_text):
        value = parse(original, folded, start, end)
        if value is not None:
            return value
    return _words(original, folded[start:end])


class AmountReading(NamedTuple):
    """A money cell read: its amount in 元, or None and whether it held digits that did not
    read as one amount ("1,234.567 8", "约100万元"), which a rule should report, not skip."""

    amount: Decimal | None
    unreadable: bool


def parse_amount(text: str | int | float | Decimal | None, *, default_unit: str = "元") -> Decimal | None:
    """A money cell as an amount in 元: "954,112.00元" → 954112.00, "7,272.70万元" → 72727000.

    A number without unit is in `default_unit` (元 unless the column header says
    otherwise, e.g. 预算金额（万元）). None when the cell is not an amount.
    """
    return read_amount(text, default_unit=default_unit).amount


def read_amount(text: str | int | float | Decimal | None, *, default_unit: str = "元") -> AmountReading:
    """:func:`parse_amount`, and for a cell that is not an amount, whether it held digits."""
    if text is None or isinstance(text, bool):
        return AmountReading(None, False)
    amount = _amount(text, _MONEY_FACTORS[default_unit])
    unreadable = amount is None and any(char.isdigit() for char in str(text)[:grammar.MAX_CELL])
    return AmountReading(amount, unreadable)


def _amount(text: str | int | float | Decimal, factor: int) -> Decimal | None:
    if isinstance(text, str):
        if len(text) > grammar.MAX_CELL:
            return None
        match = grammar.AMOUNT.fullmatch(text.translate(grammar.FOLD).strip())
        if match is None:
            return None
        digits = match["number"].replace(",", "")
        factor = _MONEY_FACTORS[match["unit"]] if match["unit"] else factor
    else:
        digits = str(text)
    try:
        number = Decimal(digits)
        return scale(number, factor) if number.is_finite() else None
    except decimal.DecimalException:
        return None  # too large to scale


def _strip_bounds(text: str) -> tuple[int, int]:
    """Start and end of the text without surrounding whitespace (equal when blank)."""
    end = len(text.rstrip())
    return min(len(text) - len(text.lstrip()), end), end


def _period(original: str, folded: str, start: int, end: int) -> TargetValue | None:
    """PERIOD: a span of years ("2023-2025年"), of months or dates ("2024年1月-6月",
    "2024.03-2024.11"), or a part of a year ("上半年", "2024年第三季度")."""
    compact = _compact_date(folded, start, end)
    if compact is None:
        return None
    match = grammar.PERIOD.fullmatch(compact)
    if match is not None:
        first, last = int(match["start"]), int(match["end"])
        if not (_is_year(first) and _is_year(last)):
            return None
        return TargetValue(original, ValueKind.PERIOD, number=Decimal(first), upper=Decimal(last),
                           year=first, end_year=last)
    point = _point(compact)
    if point is not None and point.kind is ValueKind.PERIOD:
        return dataclasses.replace(point, text=original)
    for separator in grammar.SPAN_SEPARATOR.finditer(compact):
        span = _span(compact[:separator.start()], compact[separator.end():])
        if span is not None:
            return dataclasses.replace(span, text=original)
    return None


def _span(first_text: str, second_text: str) -> TargetValue | None:
    """The PERIOD from ``first_text`` to ``second_text``; the second may leave out the
    year ("2024年1月-6月"), and a bare number on either side is a month ("1-6月", "2024.03-11")."""
    first, second = _point(first_text, tail=False), _point(second_text)
    if first is None and second is not None and second.month is not None:
        first = _month_only(first_text)
    elif second is None and first is not None and first.month is not None:
        second = _month_only(second_text)
    if first is None or second is None or ValueKind.PERIOD in (first.kind, second.kind):
        return None
    if first.recurring or second.recurring or first.month is None and first.year is None:
        return None
    # 次年1月-6月 lies wholly in the year after the budget year; the second end can name no
    # other year (the separator needs a digit after it, so "10月-次年3月" never gets here).
    if first.years_after and second.year is not None:
        return None
    year, end_year = first.year or second.year, second.year or first.year
    if (first.month is None) != (second.month is None):
        return None
    start = (year or 2000, first.month or 1, first.day or 1)
    finish = (end_year or 2000, second.month or 12, second.day or 31)
    if start > finish:
        return None
    return TargetValue("", ValueKind.PERIOD,
                       number=Decimal(year) if year else None, upper=Decimal(end_year) if end_year else None,
                       year=year, month=first.month, day=first.day, end_year=end_year, end_month=second.month,
                       end_day=second.day, deadline=second.deadline, years_after=first.years_after)


def _month_only(text: str) -> TargetValue | None:
    """A bare month number, the other end of a span such as "1-6月"."""
    if not (text.isascii() and text.isdigit() and len(text) <= 2):  # "²".isdigit() is true too
        return None
    month = int(text)
    return TargetValue("", ValueKind.DATE, month=month) if 1 <= month <= 12 else None


def _date(original: str, folded: str, start: int, end: int) -> TargetValue | None:
    """DATE: a calendar date, a year or the budget year, possibly a deadline ("12月31日前")."""
    compact = _compact_date(folded, start, end)
    point = None if compact is None else _point(compact)
    if point is None or point.kind is not ValueKind.DATE:
        return None
    return dataclasses.replace(point, text=original)


def _compact_date(folded: str, start: int, end: int) -> str | None:
    """The cell without whitespace ("6 月 30 日之前" is 6月30日之前), if short enough to be a date."""
    if end - start > 2 * _DATE_MAX:
        return None
    compact = grammar.WHITESPACE.sub("", folded[start:end])
    return compact if len(compact) <= _DATE_MAX else None


@functools.lru_cache(maxsize=4096)
def _point(compact: str, tail: bool = True) -> TargetValue | None:
    """One DATE, or a part of a year as a PERIOD, written without spaces; None if it is neither.

    ``tail``: deadline words and verbs may follow (not on the first end of a span).
    """
    numeric = grammar.DATE_NUMERIC.fullmatch(compact)
    if numeric is not None:
        if not tail and (numeric["deadline"] or numeric["done"]):
            return None
        year, month, day = (int(numeric[name]) if numeric[name] else None for name in ("year", "month", "day"))
        if not _is_calendar_date(year, month, day):
            return None
        return TargetValue("", ValueKind.DATE, year=year, month=month, day=day, deadline=bool(numeric["deadline"]))
    match = grammar.DATE_CHINESE.fullmatch(compact)
    if match is None or (not tail and (match["deadline"] or match["done"])):
        return None
    year = _chinese_or_arabic(match["year"])
    deadline = bool(match["deadline"])
    # 次年3月底前, 次年上半年: in the year after the budget year; 次年 alone names no point in time.
    years_after = 1 if match["next_year"] else 0
    if years_after and not (match["month"] or match["half"] or match["quarter"] or match["year_end"]):
        return None
    if match["half"] or (match["quarter"] and not match["quarter_end"]):
        first, last = (_HALVES[match["half"]] if match["half"]
                       else (3 * _QUARTERS[match["quarter"]] - 2, 3 * _QUARTERS[match["quarter"]]))
        if year is not None and not _is_year(year):
            return None
        return TargetValue("", ValueKind.PERIOD, number=Decimal(year) if year else None,
                           upper=Decimal(year) if year else None, year=year, month=first,
                           end_year=year, end_month=last, deadline=deadline, years_after=years_after)
    month, day = _chinese_or_arabic(match["month"]), _chinese_or_arabic(match["day"])
    if match["quarter_end"]:
        month = 3 * _QUARTERS[match["quarter"]]
    elif match["year_end"]:
        month = 12
    recurring = bool(match["every_month"])
    # 当年, 年内, 全年, 月底: no year or month written, the budget year is meant.
    relative = recurring or (bool(match["this_year"] or match["whole_year"]) and month is None)
    if not (relative and year is None) and not _is_calendar_date(year, month, day):
        return None
    return TargetValue("", ValueKind.DATE, year=year, month=month, day=day, deadline=deadline, recurring=recurring,
                       years_after=years_after)


def _chinese_or_arabic(token: str | None) -> int | None:
    """A year, month or day token as a number: "2025", "二〇二五", "11", "十一"."""
    if not token:
        return None
    parsed = parse_number(token)
    return None if parsed is None else int(parsed[0])


def _is_calendar_date(year: int | None, month: int | None, day: int | None) -> bool:
    # A date needs a year or a month: "60日" is a duration, "1年" a duration (not year 1).
    if year is None and month is None:
        return False
    if year is not None and not _is_year(year):
        return False
    if day is not None and month is None:
        return False
    try:
        datetime.date(year or 2000, month or 1, day or 1)  # 2000: a leap year allows 2月29日
    except ValueError:
        return False
    return True


def _is_year(number: int) -> bool:
    return _FIRST_YEAR <= number <= _LAST_YEAR


def _whole_quantity(original: str, folded: str, start: int, end: int) -> TargetValue | None:
    """QUANTITY or RANGE filling the whole cell: "≥954100元", "90%及以上", "两场", "80%-90%"."""
    match = grammar.QUANTITY_WHOLE.fullmatch(folded, start, end)
    return None if match is None else _from_match(match, original)


def _placeholder(original: str, folded: str, start: int, end: int) -> TargetValue | None:
    """PLACEHOLDER: a template value never filled in ("≥**%", "X月X日", "**人次"): with a
    digit in place of each run of * or X, it would read as a value on its own."""
    core = folded[start:end]
    if grammar.PLACEHOLDER_RUN.search(core) is None:
        return None
    filled = parse_value(grammar.PLACEHOLDER_RUN.sub("1", core))
    readable = (ValueKind.QUANTITY, ValueKind.RANGE, ValueKind.DATE, ValueKind.PERIOD)
    if filled.kind not in readable or filled.in_sentence:
        return None
    return TargetValue(original, ValueKind.PLACEHOLDER)


def _unreadable(original: str, folded: str, start: int, end: int) -> TargetValue | None:
    """UNREADABLE: a number a space cuts in two ("1,234.567 8"); read as two numbers, it
    would silently become a different target."""
    if grammar.BROKEN_NUMBER.search(folded, start, end) is None:
        return None
    return TargetValue(original, ValueKind.UNREADABLE)


def _quantities_in_text(original: str, folded: str, start: int, end: int) -> TargetValue | None:
    """Numbers inside running text.

    One number → that QUANTITY with in_sentence and the surrounding words as qualifier
    ("学员满意度90%以上"). Several → COMPOUND, one part each. The text between two
    numbers is the next number's label ("专版数量≥1 个，宣传视频数量≥1 个"), except what
    comes before the first clause break, which still belongs to the previous number
    ("90%认为提升，80%满意").
    """
    masked = grammar.NOT_A_TARGET.sub(lambda m: "□" * len(m.group()), folded)
    found = [(match, value) for match in grammar.QUANTITY_IN_TEXT.finditer(masked, start, end)
             if (value := _from_match(match, original)) is not None]
    if not found:
        return None
    segment_starts, segment_ends = [start], []
    for (before, _), (after, _) in itertools.pairwise(found):
        clause_break = grammar.CLAUSE_BREAK.search(masked, before.end(), after.start())
        segment_ends.append(clause_break.start() if clause_break else before.end())
        segment_starts.append(clause_break.end() if clause_break else before.end())
    segment_ends.append(end)
    parts = [_in_context(value, original, segment, match)
             for (match, value), segment in zip(found, zip(segment_starts, segment_ends, strict=True), strict=True)]
    if len(parts) == 1:
        return dataclasses.replace(parts[0], text=original)
    return TargetValue(original, ValueKind.COMPOUND, parts=tuple(parts),
                       in_sentence=any(part.in_sentence for part in parts))


def _in_context(value: TargetValue, original: str, segment: tuple[int, int], match: re.Match) -> TargetValue:
    """The value found in `segment` of the cell, qualified by the words around it."""
    label = _clean(original[segment[0]:match.start()])
    trailing = _clean(original[match.end():segment[1]])
    qualifier = "".join(piece for piece in (label, value.qualifier, trailing) if piece)
    return dataclasses.replace(value, text=original[segment[0]:segment[1]].strip(),
                               qualifier=qualifier or None, in_sentence=bool(label or trailing))


def _from_match(match: re.Match, original: str) -> TargetValue | None:
    """The QUANTITY or RANGE a quantity pattern matched; None if its units disagree."""
    lower = parse_number(match["number"])
    upper = parse_number(match["upper"]) if match["upper"] else (None, None)
    if lower is None or upper is None:
        return None
    (number, implied), (upper_number, upper_implied) = lower, upper
    units = {unit for unit in (implied, _unit_text(match["unit"]), upper_implied,
                               _unit_text(match["upper_unit"])) if unit}
    if len(units) > 1:
        return None  # "5个-10场", "百分之九十人": not one quantity
    unit = units.pop() if units else None
    comparison = (grammar.PREFIX_COMPARISONS.get(match["prefix"])
                  or grammar.SUFFIX_COMPARISONS.get(match["suffix"]))
    paren = match["paren"] and _clean(original[match.start("paren"):match.end("paren")])
    approximate = bool(match["about"] or match["more"] or match["around"])
    return TargetValue(
        original,
        ValueKind.RANGE if upper_number is not None else ValueKind.QUANTITY,
        comparison=comparison,
        number=number,
        upper=upper_number,
        unit=unit,
        qualifier=paren or None,
        per_period=_per_period(unit),
        approximate=approximate,
    )


def _unit_text(unit: str | None) -> str | None:
    """Unit as written minus spaces; 个月 is the month unit 月."""
    return unit and grammar.WHITESPACE.sub("", unit).replace("个月", "月")


def _per_period(unit: str | None) -> str | None:
    """The time unit a rate is per: "年" for "个/年" and "元/人/年"."""
    if unit is None or "/" not in unit:
        return None
    last = unit.rsplit("/", 1)[1]
    return last if last in _TIME_UNITS else None


def _clean(text: str) -> str:
    """Qualifier text: no spaces (PDF line breaks split words), no edge separators."""
    return grammar.WHITESPACE.sub("", text).strip(_QUALIFIER_STRIP)


def _words(original: str, core: str) -> TargetValue:
    """QUALITATIVE for a known or short digit-free phrase, else UNPARSED."""
    compact = grammar.WHITESPACE.sub("", core)
    short = len(compact) <= grammar.SHORT_PHRASE_MAX and not any(char.isdigit() for char in compact)
    if compact in grammar.QUALITATIVE_WORDS or short:
        return TargetValue(original, ValueKind.QUALITATIVE)
    return TargetValue(original, ValueKind.UNPARSED)


@dataclasses.dataclass(frozen=True, slots=True)
class QuantityInText:
    """A number with its unit inside running text, and where it stands (offsets into the text)."""

    start: int  # its comparison word or sign, if any
    number_start: int
    end: int  # after its unit (after the number when it has none)
    value: TargetValue


def without_dates(text: str) -> str:
    """``text`` with dates and year spans blanked out (□, same length): "2025年12月" is a
    deadline, not a target of 2025."""
    return grammar.NOT_A_TARGET.sub(lambda m: "□" * len(m.group()), text.translate(grammar.FOLD))


def quantities_in(text: str) -> list[QuantityInText]:
    """Every number in running text — a 年度目标 such as "开展个案57个，小组12个，社区活动55场" —
    parsed as a cell of its own, with its position; dates and year spans are left out."""
    found = []
    for match in grammar.QUANTITY_IN_TEXT.finditer(without_dates(text)):
        end = match.end("unit") if match["unit"] else match.end("number")
        found.append(QuantityInText(match.start(), match.start("number"), end,
                                    parse_value(text[match.start():match.end()])))
    return found
