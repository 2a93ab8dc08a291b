"""A number in the 年度目标 text that contradicts the matching indicator.

Finance officers write the year's quantities twice: in the 年度目标 text ("开展个案57个，
小组12个，社区活动55场") and in the indicator rows. When the two disagree, one of them is
wrong and the approved target is ambiguous. Seed 001, 购买白玉兰家庭服务项目: the goal says
社区活动55场 but 社区活动数(场次) has 年度指标值 5场 (its 实施周期指标值 is 55场: a dropped digit).

How a goal number is matched to an indicator, conservatively:

* Quantities are found in the goal text with the value parser's own patterns; dates,
  periods and list markers ("目标2:", "2025年", "12月31日") are not quantities, and a
  number without a unit ("目标1", "1、") is never compared.
* The term is the text right before the number (and its comparison words), back to the
  previous punctuation: "开展个案" for 个案57个. Trailing filler (均, 共, 约, 为 …) is dropped.
* The longest tail of the term (at least ``min_term`` characters) that occurs in an
  indicator name picks the indicator: "个案" in 个案服务指标数, "社区活动" in 社区活动数(场次),
  "民生座谈会" in 举办民生座谈会. A tail that is only a generic word (``generic_terms``:
  服务, 活动 …) picks nothing, and neither does a tail found in two indicators.
* Only indicators whose 年度指标值 (or single 指标值) is a plain quantity in a compatible
  unit are candidates: 场 matches 场次 and a bare number, 个 does not match 场, "30宗/年"
  is 30 宗 in the year.

A finding is reported when the goal's number differs from the indicator's. It is located
on the number inside the goal text (line and column of "55场") when the goal is a one-line
scalar whose text maps one to one onto the file; else on the goal cell.

Options:
    min_term: the shortest term tail (in characters) that may pick an indicator.
    generic_terms: tails too general to pick an indicator on their own.

Message parameters: ``phrase`` (the term and quantity as written, "社区活动55场"),
``expected`` (the indicator's value as written), ``column`` (年度指标值 or 指标值),
``indicator``.
"""

from __future__ import annotations

import unicodedata
from decimal import Decimal
from typing import Iterator, NamedTuple

from lint.checks._cycle import base_unit, year_value
from lint.checks._options import Number, Words
from lint.findings import Hit, Span
from lint.loading.model import Indicator, ProjectTable
from lint.loading.tree import Cell
from lint.values import (
    TargetValue,
    ValueKind,
    conversion_factor,
    parse_value,
    quantities_in,
    without_dates,
)

SCOPE = "table"
WHERE = ("level1", "level2", "names")
OPTIONS = {
    "min_term": 2,
    "generic_terms": ["服务", "活动", "工作", "开展", "项目", "举办", "妇女", "群众", "人数", "数量", "次数", "完成",
                      "提供", "参与", "全年", "每年", "累计"],
}

# Where a term stops when read backwards from its number: punctuation of either width,
# brackets, quotes, markup, digits and the parser's masked dates ("□").
_TERM_BREAKS = set("，,；;、。:：!！?？()（）[]【】<>《》“”\"'‘’/□") | set("0123456789%")
_FILLER = "均共约计达为有各"
_TERM_MAX = 20
ALLOWED = {"min_term": Number(minimum=1, maximum=_TERM_MAX, integer=True), "generic_terms": Words()}


class _Target(NamedTuple):
    """An indicator row with its value for the year."""

    indicator: Indicator
    column: str  # ANNUAL or TARGET
    cell: Cell
    value: TargetValue


def check(rule, table) -> Iterator[Hit]:
    if not isinstance(table, ProjectTable) or table.annual_goal is None or table.annual_goal.is_blank:
        return
    goal = table.annual_goal
    text = goal.text
    masked = without_dates(text)
    stated_terms = []
    for found_at in quantities_in(text):
        stated = found_at.value
        # "30余场" is about 30: it agrees with 35场 as well as with 30场.
        if stated.kind is not ValueKind.QUANTITY or stated.unit is None or stated.approximate:
            continue
        term_end = _term_end(text, found_at.start)
        stated_terms.append((found_at, term_end, text[_term_start(masked, term_end):term_end]))
    # Most goals state no quantity: the rows need not be read then.
    candidates = stated_terms and [row for indicator in table.indicators if rule.where.indicator(indicator)
                                   if (row := _annual_quantity(indicator)) is not None]
    if not candidates:
        return
    names = _NameIndex(candidates, [term for _, _, term in stated_terms], rule.options["min_term"])
    for found_at, term_end, term in stated_terms:
        stated = found_at.value
        found = names.indicator_for(term, stated, rule.options)
        if found is None:
            continue
        target, tail = found
        if _in_unit(target.value, stated) == stated.number:
            continue
        phrase = text[term_end - len(tail):found_at.end]
        yield Hit(
            _inside(goal, found_at.number_start, found_at.end),
            params={"phrase": phrase, "expected": target.cell.text, "column": target.column},
            indicator=target.indicator.name.text,
            value=phrase,
        )


def _annual_quantity(indicator: Indicator) -> _Target | None:
    """The row's value for the year, when it is one plain number (with or without unit)."""
    column, cell = year_value(indicator)
    if cell is None:
        return None
    value = parse_value(cell.text)
    if value.kind is not ValueKind.QUANTITY or value.number is None or value.in_sentence:
        return None
    return _Target(indicator, column, cell, value)


def _term_end(text: str, number_start: int) -> int:
    """Where the term before a number ends: spaces and filler ("满意度均不低于90%") are not part of it."""
    end = number_start
    while end > 0 and text[end - 1].isspace():
        end -= 1
    while end > 0 and text[end - 1] in _FILLER:
        end -= 1
    return end


def _term_start(masked: str, end: int) -> int:
    """Where the term starts: the previous break, at most _TERM_MAX characters back."""
    start = end
    while start > 0 and end - start < _TERM_MAX and masked[start - 1] not in _TERM_BREAKS and not masked[start - 1].isspace():
        start -= 1
    return start


class _NameIndex:
    """Which candidates' names contain each tail of the goal's terms, by unit.

    Built in one pass over the names (each substring up to _TERM_MAX characters that is some
    term's tail), so matching every number of a long goal against every row of a big table
    costs the size of the two, not their product.
    """

    def __init__(self, candidates: list[_Target], terms: list[str], min_term: int) -> None:
        tails = {term[-length:] for term in terms for length in range(min_term, len(term) + 1)}
        longest = max(map(len, tails), default=0)
        # tail → unit of the row's yearly value → the rows whose name holds the tail
        self.rows: dict[str, dict[str | None, list[_Target]]] = {}
        for row in candidates:
            name = _compact(row.indicator.name.text)
            held = {name[start:start + length] for start in range(len(name))
                    for length in range(min_term, min(longest, len(name) - start) + 1)} & tails
            for tail in held:
                self.rows.setdefault(tail, {}).setdefault(base_unit(row.value), []).append(row)

    def indicator_for(self, term: str, stated: TargetValue, options: dict) -> tuple[_Target, str] | None:
        """The one candidate in a unit compatible with ``stated`` whose name holds the longest
        tail of ``term``, with that tail; None when that tail is generic or names several."""
        for length in range(len(term), options["min_term"] - 1, -1):
            tail = term[-length:]
            matches = [rows for unit, rows in self.rows.get(tail, {}).items() if _compatible(unit, stated)]
            if matches:
                if tail in options["generic_terms"] or len(matches) > 1 or len(matches[0]) > 1:
                    return None
                return matches[0][0], tail
        return None


def _compatible(unit: str | None, stated: TargetValue) -> bool:
    return unit is None or conversion_factor(unit, base_unit(stated)) is not None


def _compact(name: str) -> str:
    return "".join(unicodedata.normalize("NFKC", name).split())


def _in_unit(target: TargetValue, stated: TargetValue) -> Decimal | None:
    """The indicator's number in the goal's unit; None when the units measure different things.

    A number without unit takes the goal's unit; a rate per year ("30宗/年") is the year's count.
    """
    unit = base_unit(target)
    if unit is None:
        return target.number
    factor = conversion_factor(unit, base_unit(stated))
    return None if factor is None else target.number * factor


def _inside(cell: Cell, start: int, end: int) -> Span:
    """The span of ``cell.text[start:end]`` in the file, when the scalar maps one to one onto it."""
    span = cell.span
    quote = 1 if cell.quoted else 0
    if span.line != span.end_line or span.end_column - span.column != len(cell.text) + 2 * quote:
        return span  # folded, escaped or multi-line: offsets in the text are not columns in the file
    column = span.column + quote + start
    return Span(span.line, column, span.line, column + end - start)
