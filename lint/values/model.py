"""The result of parsing one value cell: :class:`TargetValue` and its enums."""

from __future__ import annotations

import calendar
import datetime
import decimal
import enum
from dataclasses import dataclass
from typing import TYPE_CHECKING

from lint.values.numerals import format_decimal

if TYPE_CHECKING:
    import pint


class Comparison(enum.StrEnum):
    """How the target relates to its number.

    以上/及以上/或以上 and 以下/及以下/或以下 map to GE/LE: the tables use them inclusively
    ("90%及以上" and "90%以上" mean the same target), so the parser does too.
    """

    GE = "≥"
    LE = "≤"
    GT = ">"
    LT = "<"
    EQ = "="


class ValueKind(enum.StrEnum):
    """What a cell holds."""

    EMPTY = "empty"  # "", whitespace, None
    QUANTITY = "quantity"  # a number, optional comparison and unit: "≥954100元", "90%及以上", "两场"
    RANGE = "range"  # "80%-90%", "10~20场"
    DATE = "date"  # "2025年12月", "12月31日前", "2025-12-31", "11月底之前", "2024年年底前完成", "三季度末", "当年"
    PERIOD = "period"  # a span: "2023-2025年", "2024年1月-6月", "2024.03-2024.11", "上半年", "第三季度"
    COMPOUND = "compound"  # several qualified quantities: "2500个（旧中心）8000个（新中心）"
    QUALITATIVE = "qualitative"  # a short evaluative phrase: 良好, 提高, 不适用, 无
    UNPARSED = "unparsed"  # anything else, e.g. a sentence without a number
    # A template cell never filled in: "≥**%", "X月X日". Not a number: a rule reports it.
    PLACEHOLDER = "placeholder"
    # Digits a space cuts in two ("1,234.567 8", from a PDF text layer): not silently read
    # as two numbers or dropped, so a rule can report the cell.
    UNREADABLE = "unreadable"
    # Longer than grammar.MAX_CELL: pasted text, not a target value, and not parsed.
    OVERLONG = "overlong"


# Kinds whose `number` is a magnitude (not a year).
_MAGNITUDE_KINDS = frozenset({ValueKind.QUANTITY, ValueKind.RANGE})


@dataclass(frozen=True, slots=True)
class TargetValue:
    """One parsed cell. Fields that do not apply to the kind are None / empty."""

    text: str  # the cell as written
    kind: ValueKind
    comparison: Comparison | None = None
    # Magnitude in `unit`. The 万/亿/千 multiplier of a bare count is applied
    # (1.5万人次 → 15000 人次); 万元/千元/亿元 are units of their own (1.5万元 → 1.5 万元).
    # RANGE: the lower end. PERIOD: the start year.
    number: decimal.Decimal | None = None
    upper: decimal.Decimal | None = None  # RANGE: upper end; PERIOD: end year (None when not written)
    # The unit as written, without spaces ("场次" stays "场次"; pint makes it equal to 场).
    # The one rewrite: "个月" becomes "月" (format() writes it back as "个月").
    unit: str | None = None
    # Text that qualifies the number: a parenthesis after it ("（旧中心）") and/or the
    # words around it in a sentence ("学员满意度", "认为政治理论素养和综合素质得到提升").
    qualifier: str | None = None
    parts: tuple[TargetValue, ...] = ()  # COMPOUND: one QUANTITY or RANGE per part
    in_sentence: bool = False  # the number was found inside running text
    # DATE: the date as written; PERIOD: its start. A year not written is the budget year
    # (11月底, 上半年); a DATE with neither year nor month is the budget year itself (当年, 年内).
    # 年底 and 三季度末 are the month they end (12, 9), with no day: see last_day().
    year: int | None = None
    month: int | None = None
    day: int | None = None
    deadline: bool = False  # written with 前/之前/以前/以内/内 ("12月31日前", "年内")
    # The time unit after the last "/" of a rate: "年" for "4个/年" and "105000元/人/年",
    # "天" for "210元/人/天". `unit` keeps the whole rate ("个/年").
    per_period: str | None = None
    # A number given as about so much: "约1.5万人次", "30余场", "3000人左右" (number: 15000, 30, 3000).
    approximate: bool = False
    end_year: int | None = None  # PERIOD: its end, as year/month/day are its start
    end_month: int | None = None
    end_day: int | None = None
    recurring: bool = False  # DATE due every month ("月底", "每月底前"), not once
    # DATE or PERIOD in a year after the budget year, not written: 1 for "次年3月底前", "次年上半年".
    years_after: int = 0

    @property
    def pieces(self) -> tuple["TargetValue", ...]:
        """The parts of a COMPOUND cell, or the value itself: what per-quantity checks walk."""
        return self.parts if self.kind is ValueKind.COMPOUND else (self,)

    @property
    def is_numeric(self) -> bool:
        """True for a QUANTITY or RANGE with a number, or a COMPOUND with such a part."""
        if self.kind is ValueKind.COMPOUND:
            return any(part.is_numeric for part in self.parts)
        return self.kind in _MAGNITUDE_KINDS and self.number is not None

    @property
    def quantity(self) -> pint.Quantity | None:
        """`number` (the lower end of a RANGE) × `unit` in the project registry.

        A number without unit is dimensionless; % and ‰ are pint percent and permille.
        None unless the value is a numeric QUANTITY or RANGE (a COMPOUND has one
        quantity per part; a DATE's or PERIOD's number is a year, not a magnitude).
        Imports pint on first use.
        """
        if self.kind not in _MAGNITUDE_KINDS or self.number is None:
            return None
        from lint.values.units import to_quantity

        return to_quantity(self.number, self.unit)

    def last_day(self, budget_year: int | None = None) -> datetime.date | None:
        """The last day a DATE or PERIOD allows, to compare a deadline with the budget year:
        "11月底之前" → 11-30, "2024.03-2024.11" → 2024-11-30, "当年" / "年内" / "月底" → 12-31,
        "三季度末" → 09-30, "次年3月底前" → 03-31 of the year after. A year not written is
        ``budget_year`` (plus ``years_after``); None for other kinds, or when
        the year is needed and neither written nor given.
        """
        if self.kind is ValueKind.DATE:
            year, month, day = self.year, self.month, self.day
        elif self.kind is ValueKind.PERIOD:
            year, month, day = self.end_year or self.year, self.end_month, self.end_day
        else:
            return None
        if year is None and budget_year is not None:
            year = budget_year + self.years_after
        if year is None:
            return None
        month = month or 12
        try:
            return datetime.date(year, month, day or calendar.monthrange(year, month)[1])
        except ValueError:  # a year outside what datetime holds
            return None

    def format(self) -> str:
        """The value in canonical text: "≥1.5万人次" → "≥15000人次", "10～20场" → "10场-20场".

        Qualifiers are not written: the result is the value, and parsing it gives back the
        same kind, comparison, number, upper and unit.
        """
        match self.kind:
            case ValueKind.QUANTITY | ValueKind.RANGE:
                return self._format_magnitude()
            case ValueKind.DATE:
                return self._format_date()
            case ValueKind.PERIOD:
                return self._format_period()
            case ValueKind.COMPOUND:
                return "；".join(part.format() for part in self.parts)
            case _:
                return self.text.strip()

    def _format_magnitude(self) -> str:
        # "3个月", not "3月": a bare "3月" reads as March and would parse as a DATE.
        unit = "个月" if self.unit == "月" else (self.unit or "")
        text = f"{self.comparison or ''}{format_decimal(self.number)}{unit}"
        if self.kind is ValueKind.RANGE:
            text += f"-{format_decimal(self.upper)}{unit}"
        return text

    def _format_date(self) -> str:
        if self.recurring:
            return "每月底" + ("前" if self.deadline else "")
        if self.year is None and self.month is None:
            return "年内" if self.deadline else "当年"
        return ("次年" * self.years_after + _date_text(self.year, self.month, self.day)
                + ("前" if self.deadline else ""))

    def _format_period(self) -> str:
        if self.month is None and self.end_month is None:
            return f"{format_decimal(self.number)}-{format_decimal(self.upper)}年"
        return ("次年" * self.years_after + f"{_date_text(self.year, self.month, self.day)}-{_date_text(self.end_year, self.end_month, self.end_day)}"
                + ("前" if self.deadline else ""))


def _date_text(year: int | None, month: int | None, day: int | None) -> str:
    pieces = ((year, "年"), (month, "月"), (day, "日"))
    return "".join(f"{value}{mark}" for value, mark in pieces if value is not None)
