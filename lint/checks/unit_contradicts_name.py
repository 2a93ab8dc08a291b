"""A value that contradicts the unit or the target written in the indicator's own name.

Names often carry their unit or even their target: "村组干部230人", "验收合格率100%",
"受益脱贫户、监测户人口数", "安置小区物业费". When the value says something else —
``村组干部230人`` = ``≥230个``, ``验收合格率100%`` = ``≥95%``, 人口数 = ``≥10户``, 物业费 = ``8个``
— the row states two targets, and whoever monitors it must guess which one binds
(中发〔2018〕34号: 指向明确; 财预〔2015〕88号 审核: 相关性).

Two tests:

* The name ends with its own number and unit ("村组干部230人", "验收合格率100%"). A value
  in another unit contradicts it; a value in the same unit with another number disagrees.
  A value with the same number and unit only repeats it (JX102's business).
* The name says what is counted (``name_units``: 人口数 and 人数 count 人, 户数 counts 户, a
  name ending in 费/资金/金额 is money). A value whose unit is of another kind, or another
  counter, contradicts it. 个 is the general counter and contradicts nothing, and a
  percentage is a share of whatever the name counts.

A number inside a sentence is left to JX101; a 实施周期指标值 that repeats the 年度指标值 is
reported once, on the 年度指标值.

Options:
    name_units: mapping of a regular expression for the name to the unit it implies; the
        unit ``元`` stands for any amount of money.
    generic_counters: counters that fit any counted thing (个).

Located on the value cell. Message parameters: ``name`` (shortened), ``text`` (the value),
``expected`` (what the name says: "230人", "人"), ``problem`` (``texts.contradicts``, another
unit, or ``texts.disagrees``, another number; either with the {expected}).
"""

from __future__ import annotations

import re
from typing import Iterator

from lint.checks._context import ValueCell
from lint.checks._kinds import repeats_annual, unit_kind
from lint.checks._measurability import compact, value_hit
from lint.checks._names import normalise
from lint.checks._options import Problem, Words
from lint.checks._texts import text
from lint.findings import Hit
from lint.values import BASE_UNITS, parse_value

SCOPE = "value"
READS = ("text", "name", "values", "column")
OPTIONS = {
    "name_units": {
        "(人口|人员|人)数(量)?([(（][^()（）]*[)）])?$": "人",
        "户数(量)?([(（][^()（）]*[)）])?$": "户",
        "(费|费用|资金|金额|经费|款)([(（][^()（）]*[)）])?$": "元",
    },
    "generic_counters": ["个"],
}


class _UnitsByName:
    """``name_units``: regular expressions (keys) to units jxlint knows (values)."""

    def problem(self, value: object) -> Problem | None:
        if not isinstance(value, dict):
            return Problem("should be a mapping of regular expressions to units", "应为「正则表达式: 单位」的键值表")
        for pattern, unit in value.items():
            try:
                re.compile(pattern)
            except (re.error, TypeError) as error:
                return Problem(f"bad regular expression {pattern!r}: {error}", f"正则表达式「{pattern}」写错了：{error}")
            if unit not in BASE_UNITS:
                return Problem(f"'{pattern}': {unit!r} is not a unit jxlint knows ({', '.join(BASE_UNITS)})",
                               f"「{pattern}」：「{unit}」不是 jxlint 认识的单位（{'、'.join(BASE_UNITS)}）")
        return None


ALLOWED = {"name_units": _UnitsByName(), "generic_counters": Words()}
TEXTS = {"contradicts": ("expected",), "disagrees": ("expected",)}

_UNITS = "|".join(sorted(map(re.escape, BASE_UNITS), key=len, reverse=True))
# "村组干部230人", "验收合格率100%": a number and a unit closing the name.
_OWN_TARGET = re.compile(rf"(?<![\d.])(\d+(?:\.\d+)?)({_UNITS})$")


def check(rule, subject: ValueCell) -> Iterator[Hit]:
    value = subject.value.pieces[0]
    if repeats_annual(subject) or subject.value.in_sentence or not value.is_numeric or not value.unit:
        return
    name = normalise(subject.indicator.name.text)
    own = _OWN_TARGET.search(compact(name))
    if own:
        target = parse_value(own[0])
        # The name wrote its counter out ("230人"): even the general 个 contradicts it.
        if target.unit != value.unit and not _fits(target.unit, value.unit, rule, generic=()):
            yield _hit(rule, subject, own[0], "contradicts")
        elif target.unit == value.unit and target.number != value.number:
            yield _hit(rule, subject, own[0], "disagrees")
        return
    for pattern, unit in rule.options["name_units"].items():
        if re.search(pattern, name):
            if not _fits(unit, value.unit, rule):
                yield _hit(rule, subject, unit, "contradicts")
            return


def _fits(expected: str, unit: str, rule, generic: tuple | list | None = None) -> bool:
    """Whether a value in ``unit`` can measure what a name in ``expected`` counts."""
    generic = rule.options["generic_counters"] if generic is None else generic
    head = unit.split("/", 1)[0]
    if unit_kind(head) == "percent":
        return True  # a share of whatever the name counts
    if unit_kind(expected) == "money" or unit_kind(head) == "money":
        return unit_kind(expected) == unit_kind(head)
    if unit_kind(head) != "count" or unit_kind(expected) != "count":
        return unit_kind(head) == unit_kind(expected)
    return head == expected or head in generic or (head, expected) in _SAME


# Counters that name the same thing: 人 and 人次 count people; 名 is 人 in a list.
_SAME = {("人次", "人"), ("名", "人"), ("人", "名")}


def _hit(rule, subject: ValueCell, expected: str, problem: str) -> Hit:
    return value_hit(subject, {"expected": expected, "problem": text(rule, problem, expected=expected)})
