"""A value whose unit cannot measure what the indicator names: ``按时发放 ≥1人/年``.

The name says what kind of target the row sets, and some kinds can only be measured in
some units. Timeliness (按时, 及时, 时效, 时限) is a deadline, a time limit or an on-time
rate — never a count of people (``按时发放 ≥1人/年``). A time or a date (完成时间, 截止日期)
is a date, not a percentage (``项目完成时间 100%``). A time limit (时效, 时限, 期限) is a
ceiling: "at least a year" (``维持时效 ≥1年``) promises slowness, not speed. A reviewer
reads any of these as a number where no target is defined (财预〔2021〕101号: indicators
are 可衡量; 财预〔2015〕88号 审核: 可行性).

Each test is a pair of options: a regular expression for the names and the value kinds
(see :mod:`lint.checks._kinds`) that cannot measure them. A list left empty switches the
test off.

Options:
    timing_names: names that state timeliness; ``timing_kinds`` (default count) cannot
        measure them, unless the name ends with what is counted (按时完成培训人数).
    date_names: names that state a time or a date; ``date_kinds`` (default percent, count)
        cannot measure them.
    limit_names: names that state a time limit; a duration written as a floor (≥, >,
        以上) is reported.
    placeholders: names that mark an empty row (不适用, 无 …): never reported.

A number inside a sentence is left to JX101; a 实施周期指标值 that repeats the 年度指标值 is
reported once, on the 年度指标值.

Located on the value cell. Message parameters: ``name`` (shortened), ``text`` (the value),
``problem`` (what cannot measure what) and ``fix`` (the kind of value that would): for a
timeliness counted in people ``texts.timing`` and ``texts.timing_fix``, for a date given as a
rate or a count ``texts.date`` and ``texts.date_fix``, for a time limit written as a floor
``texts.limit`` and ``texts.limit_fix``.
"""

from __future__ import annotations

import re
from typing import Iterator

from lint.checks._context import ValueCell
from lint.checks._kinds import KINDS, repeats_annual, value_kind
from lint.checks._measurability import value_hit
from lint.checks._texts import text
from lint.checks._names import PLACEHOLDERS, is_placeholder, normalise
from lint.checks._options import Choice, Words
from lint.findings import Hit
from lint.values import Comparison

SCOPE = "value"
READS = ("text", "name", "values", "column")
OPTIONS = {
    "timing_names": ["按时|及时|准时|按期|时效|时限"],
    "timing_kinds": ["count"],
    "date_names": ["(完成|截止|办结|启动|开工|竣工|交付|到位)?(时间|日期)$", "时间节点"],
    "date_kinds": ["percent", "count"],
    "limit_names": ["时效|时限|期限"],
    "placeholders": PLACEHOLDERS,
}
PATTERN_OPTIONS = ("timing_names", "date_names", "limit_names")
ALLOWED = {"timing_kinds": Choice(tuple(KINDS), many=True), "date_kinds": Choice(tuple(KINDS), many=True), "placeholders": Words()}

_FLOORS = (Comparison.GE, Comparison.GT)
# "按时完成培训人数": what is counted is named, so a count measures it.
_COUNTED = re.compile(r"(数|数量|人次|次数|个数)$")
TEXTS = {"timing": (), "timing_fix": (), "date": (), "date_fix": (), "limit": (), "limit_fix": ()}


def check(rule, subject: ValueCell) -> Iterator[Hit]:
    options = rule.options
    name = normalise(subject.indicator.name.text)
    if is_placeholder(name, options["placeholders"]):
        return
    if repeats_annual(subject) or subject.value.in_sentence:
        return
    value = subject.value.pieces[0]
    kind = value_kind(value)
    found = None
    if kind in options["date_kinds"] and options["date_names"].search(name):
        found = "date"
    elif kind in options["timing_kinds"] and options["timing_names"].search(name) and not _COUNTED.search(name):
        found = "timing"
    elif kind == "duration" and value.comparison in _FLOORS and options["limit_names"].search(name):
        found = "limit"
    if found is None:
        return
    yield value_hit(subject, {"problem": text(rule, found), "fix": text(rule, found + "_fix")})
