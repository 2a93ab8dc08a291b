"""A 指标值 that repeats the 三级指标's own name.

Seen in the seeds: 「全年工作有序推进」 = 「有序推进」, 「保障系统稳定运行」 = 「稳定运行」,
「维护及时」 = 「及时」, and 「根据工作计划及合同规定时间完成妇联妇女培训工作」 as both name and
value. Such a value adds nothing to the name: it says what is to be done, never how much.

A value repeats the name when, ignoring spaces and punctuation, the two are equal, the value
contains the whole name ("通过本项目的实施，有效提升我会信息安全水平" for 「提升我会信息安全水平」),
or the name contains the whole value and the value holds no digit (「及时」 in 「维护及时」).

A value that repeats the name AND carries a number ("单人单月专业服务时长差异率小于等于0") is a
target, but the name in it is noise that hides the number; it is reported too, with the
value written without the name as the fix (「≤0」). Set ``with_number: false`` to report
only values with no number in them.

Options:
    ignore: values never reported, for placeholder rows such as 「无」 = 「无」.
    min_length: the value must have at least this many characters (after removing spaces
        and punctuation) to count as repeating a name: 「是」 is inside 「是否按时完成」 by
        accident.
    with_number: also report values that repeat the name but carry a number.
    zero_events: as in ``vague_value``: 「安全事故」 = 「无重大安全事故」 names the event to set
        its count to zero, which is a target, not a repetition.

Message parameters: ``name``, ``text`` (shortened), ``problem`` and ``fix`` (which of the two
cases, and what to write): for a value with a number ``texts.restated_target`` and
``texts.only_target`` (with the bare {target}), or ``texts.restated_words`` and
``texts.drop_name`` when the number cannot be read out; otherwise ``texts.restated`` and
``texts.write`` with the {suggestion} of a measurable value, chosen as in vague_value:
``texts.floor_rate``, ``texts.ceiling_rate``, ``texts.count_in_unit``, ``texts.count``,
``texts.deadline``, ``texts.cost_cap`` or ``texts.number_or_grade``.
"""

from __future__ import annotations

import re
from typing import Iterator

from lint.checks._context import ValueCell
from lint.checks._options import Number, Words
from lint.checks._measurability import SUGGESTION_TEXTS, ZERO_EVENTS, compact, suggestion, value_hit
from lint.checks._texts import text
from lint.findings import Hit
from lint.values import TargetValue, ValueKind

SCOPE = "value"
READS = ("text", "name", "level1", "level2")
OPTIONS = {"ignore": ["无", "不适用", "/"], "min_length": 2, "with_number": True, "zero_events": ZERO_EVENTS}
PATTERN_OPTIONS = ("zero_events",)
ALLOWED = {"ignore": Words(), "min_length": Number(minimum=1, maximum=100, integer=True)}
TEXTS = {"restated": (), "write": ("suggestion",), "restated_target": ("target",), "only_target": ("target",),
         "restated_words": (), "drop_name": (), **SUGGESTION_TEXTS}

# Punctuation and brackets the forms scatter through names and values.
_NOISE = re.compile(r"[\s，,。.；;、：:！!？?“”\"'‘’「」『』《》<>〈〉（）()【】\[\]{}—\-_·…~～/／]")
_BRACKETED_UNIT = re.compile(r"[（(]\s*(%|％|[^（）()]{1,3})\s*[）)]\s*$")


def _bare(text: str) -> str:
    return _NOISE.sub("", text)


def check(rule, subject: ValueCell) -> Iterator[Hit]:
    value, name = subject.value, subject.indicator.name.text
    compacted = compact(value.text)
    if compacted in rule.options["ignore"] or rule.options["zero_events"].search(compacted):
        return
    bare_value = _bare(value.text)
    # "会议出勤率（%）": the bracketed unit is not part of what the indicator measures.
    bare_name = _bare(_BRACKETED_UNIT.sub("", name))
    shortest = max(rule.options["min_length"], 1)
    if len(bare_value) < shortest or len(bare_name) < shortest:
        return
    has_digit = any(char.isdigit() for char in bare_value)
    restated = bare_name in bare_value or (not has_digit and bare_value in bare_name)
    if not restated:
        return
    if has_digit:
        if not rule.options["with_number"]:
            return
        problem, fix = _with_number(rule, value)
    else:
        problem, fix = text(rule, "restated"), text(rule, "write", suggestion=suggestion(rule, subject.indicator))
    yield value_hit(subject, {"problem": problem, "fix": fix})


def _with_number(rule, value: TargetValue) -> tuple[dict, dict]:
    if value.kind is ValueKind.UNPARSED:
        return text(rule, "restated_words"), text(rule, "drop_name")
    target = value.format()
    return text(rule, "restated_target", target=target), text(rule, "only_target", target=target)
