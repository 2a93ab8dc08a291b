"""What kind of quantity a value cell states, in the words the structure and cost rules use.

A rule that asks "does this row belong here?" looks at the indicator's name and at what its
value measures: a percentage under 数量指标 is a rate, not a count; a money amount under
数量指标 is an input, not an output; a cost row whose value is no amount controls no cost.
:func:`value_kind` names that in one word, so a rule pack can list the kinds that confirm
or clear a row (``value_kinds: [percent]``) without knowing the parser's types.
"""

from __future__ import annotations

from lint.loading.model import CYCLE
from lint.values import COUNT_UNITS, MONEY_UNITS, TargetValue, ValueKind

# The words a pack may use, with what they mean (shown by the checks' docstrings).
KINDS = {
    "percent": "a ratio: %, ‰",
    "money": "an amount or a rate in money: 元, 万元, 元/人/天",
    "count": "a count or a rate of counts: 人, 场, 个/年",
    "duration": "a length of time: 天, 月, 年, 小时",
    "number": "a number without any unit",
    "date": "a date, a deadline or a period of years",
    "text": "words without a number",
    "empty": "nothing written",
}

_TIME = ("天", "日", "月", "年", "小时", "周", "个月")
_RATIO = ("%", "‰")


def value_kind(value: TargetValue) -> str:
    """One of :data:`KINDS` for a parsed cell; a COMPOUND cell is the kind of its first part."""
    if value.kind is ValueKind.COMPOUND and value.parts:
        return value_kind(value.parts[0])
    if value.kind is ValueKind.EMPTY:
        return "empty"
    if value.kind in (ValueKind.DATE, ValueKind.PERIOD):
        return "date"
    if value.kind in (ValueKind.QUALITATIVE, ValueKind.UNPARSED) or value.number is None:
        return "text"
    if value.unit is None and value.qualifier and "百分比" in value.qualifier:
        return "percent"  # the unit spelt out: "=99百分比"
    return unit_kind(value.unit)


def unit_kind(unit: str | None) -> str:
    """The kind of a unit as the parser writes it: "元/人/天" → money, "个/年" → count."""
    if not unit:
        return "number"
    head = unit.split("/", 1)[0]
    if head in _RATIO:
        return "percent"
    if head in MONEY_UNITS:
        return "money"
    if head in _TIME and "/" not in unit:
        return "duration"
    if head in COUNT_UNITS or head in _TIME:
        return "count"
    # "/株": a rate whose numerator unit is missing; callers that care (a unit cost with no
    # currency) look at the unit itself.
    return "number"



def repeats_annual(subject) -> bool:
    """A 实施周期指标值 that repeats the row's 年度指标值 word for word: report the row once, on the annual cell."""
    annual = subject.indicator.annual_value
    return subject.column == CYCLE and annual is not None and annual.text.strip() == subject.cell.text.strip()
