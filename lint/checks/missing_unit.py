"""A 指标值 that is a number without a unit: "≥30", "12", "1080", "100以上".

"≥30" 场? 人? 次? A reviewer reading the value cell cannot tell, and the cycle-vs-annual
and cost rules cannot compare it with anything. The value cell must stand on its own even
when the indicator name carries the unit in brackets ("咨询服务数（宗）" = "1080"): the value
is what gets copied into 绩效自评 and monitoring forms, without the name's bracket. Where the
name does tell the unit — in brackets, as a rate (…率, …满意度 → %), or as a counter ending
the name (…场次, …人次, 篇数 → 篇) — the hint writes the value with it ("写成「1080宗」",
"≥95" on 资金支付及时率(%) → "≥95%"); a bare percentage also gets the bound its direction
needs ("90" on 项目验收合格率（%） → "≥90%").

A table that prints every such unit in the names — each bare number in it sits on an
indicator whose name ends with its unit ("改造面积(平方米)" = "1200", "完成及时率%" = "=99") —
follows the form's own layout: its cells are not reported one by one, ``unit_in_name``
reports the table once. Where some bare numbers have no unit anywhere, the names do not
carry the units for the table and every bare number is reported, the bracketed ones included
(seed 001: "咨询服务数（宗）" = "1080" beside "举办民生座谈会" = "12").

Not reported: zero (0 needs no unit); a number followed by a word the parser does not know
as a unit ("≥90分", "3A级"); a number in a sentence whose words just before it name the unit
("年法治宣传服务覆盖人次≥21800"); indicators matching ``exempt_names``.

Options:
    exempt_names: regular expressions for indicators whose values are pure numbers
        (指数, 系数, 比值, 倍数, 得分, 评分, 分值).

Message parameters: ``name``, ``text``, ``fix`` (the value written with its unit,
``texts.written`` with the {written} value; the {unit} alone for a number inside a
sentence, ``texts.unit_alone``; or the units to choose from when the name does not tell,
``texts.units_to_choose``). The fix that copies the other column's unit is described by
``texts.add_unit`` (with its {unit}).
"""

from __future__ import annotations

import re
from typing import Iterator

from lint.checks._context import ValueCell
from lint.checks._measurability import (
    FULL,
    PERCENT,
    bound_for,
    value_hit,
    name_unit,
    names_a_rate,
    printed_unit,
    unit_at_end,
)
from lint.checks._texts import text
from lint import fixes
from lint.findings import Hit
from lint.loading.model import Indicator, Table
from lint.loading.tree import Cell
from lint.values import FOLD, SUFFIX_COMPARISONS, TargetValue, ValueKind, parse_value

SCOPE = "value"
OPTIONS = {"exempt_names": ["指数", "系数", "比值", "倍数", "得分", "评分", "分值"]}
PATTERN_OPTIONS = ("exempt_names",)
TEXTS = {"written": ("written",), "unit_alone": ("unit",), "units_to_choose": (), "add_unit": ("unit",)}

# A number as written, with its 千/万/亿 multiplier ("1.5万" takes the unit after 万).
_NUMBER = re.compile(r"(?:\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?)(?:\s*[千万亿])?")
_SUFFIX = re.compile("(?:" + "|".join(sorted(map(re.escape, SUFFIX_COMPARISONS), key=len, reverse=True)) + r")\s*$")


def check(rule, subject: ValueCell) -> Iterator[Hit]:
    value = subject.value
    name = subject.indicator.name.text
    if rule.options["exempt_names"].search(name):
        return
    bare = [part for part in value.pieces if _needs_unit(part)]
    if not bare:
        return
    if units_only_in_names(rule, subject.table):
        return
    # "全年培训完成率≥95": the words before the number name a rate, whatever the indicator is called.
    unit = PERCENT if bare[0].in_sentence and names_a_rate(bare[0].qualifier) else name_unit(name)
    yield value_hit(subject, {"fix": _fix(rule, value, bare[0], unit, name)}, fix=_unit_from_other_column(rule, subject, bare, unit))


def _unit_from_other_column(rule, subject: ValueCell, bare: list[TargetValue], name_unit_: str | None):
    """The unit the row's other value columns agree on, unless the name says another."""
    if len(bare) != 1 or bare[0].in_sentence:
        return None
    units = {
        part.unit
        for column, cell in subject.indicator.values() if column != subject.column
        for part in parse_value(cell.text).pieces
        if part.kind in (ValueKind.QUANTITY, ValueKind.RANGE) and part.unit is not None
    }
    if len(units) != 1 or (name_unit_ is not None and name_unit_ not in units):
        return None
    return add_unit(rule, subject.cell, subject.value, units.pop())


def add_unit(rule, cell: Cell, value: TargetValue, unit: str):
    """The fix that writes ``unit`` after the one number of ``cell`` (JX103, JX202), described
    by the rule's text ``add_unit``. Unsafe: the other column may be the one that is wrong."""
    if value.kind is ValueKind.COMPOUND or "/" in unit:  # "4个/年" beside a total: the total is not per year
        return None
    unit = "个月" if unit == "月" else unit  # the parser's one rewrite: "3月" would read as March
    numbers = list(_NUMBER.finditer(cell.text.translate(FOLD)))
    if len(numbers) != 1:
        return None
    end = numbers[0].end()
    return fixes.fix(text(rule, "add_unit", unit=unit), [fixes.replace_in_cell(cell, end, end, unit)], fixes.UNSAFE)


# The table last asked about, per rule: the engine checks a table's cells one after another,
# so one entry makes the table-wide answer linear in the table's size.
_LAST: dict[str, tuple[Table, list]] = {}


def bare_numbers(rule, table: Table) -> list[tuple[Indicator, str, Cell]]:
    """The value cells of ``table`` that this rule would report as numbers without a unit."""
    last = _LAST.get(rule.id)
    if last is not None and last[0] is table:
        return last[1]
    exempt = rule.options["exempt_names"]
    cells = [
        (indicator, column, cell)
        for indicator in table.indicators
        if rule.where.indicator(indicator) and not exempt.search(indicator.name.text)
        for column, cell in indicator.values()
        if rule.where.column(column) and any(_needs_unit(part) for part in parse_value(cell.text).pieces)
    ]
    _LAST[rule.id] = (table, cells)
    return cells


def units_only_in_names(rule, table: Table) -> list[tuple[Indicator, str, Cell]]:
    """The bare numbers of ``table`` when every one of them has its unit printed in its
    indicator's name (the form's layout, not an omission); empty otherwise."""
    cells = bare_numbers(rule, table)
    if cells and all(printed_unit(indicator.name.text) for indicator, _, _ in cells):
        return cells
    return []


def _needs_unit(part: TargetValue) -> bool:
    if part.kind not in (ValueKind.QUANTITY, ValueKind.RANGE) or part.number is None or part.unit is not None:
        return False
    if part.number == 0 and not part.upper:
        return False
    if part.in_sentence:
        # A word after the number is its unit as far as a reader goes ("≥90分"); a label
        # before it may name the unit ("覆盖人次≥21800").
        return _ends_with_number(part.text) and unit_at_end(part.qualifier) is None
    return True


def _ends_with_number(text: str) -> bool:
    folded = _SUFFIX.sub("", text.translate(FOLD).rstrip(" \t\u3000，,；;、。.")).rstrip()
    return folded[-1:].isdigit()


def _fix(rule, value: TargetValue, part: TargetValue, unit: str | None, name: str) -> dict[str, str]:
    if unit is None:
        return text(rule, "units_to_choose")
    if value.kind is ValueKind.COMPOUND or part.in_sentence:
        return text(rule, "unit_alone", unit=unit)
    folded = value.text.translate(FOLD).strip()
    # Chinese numerals ("十二") have no digits to put the unit after: it goes at the end.
    written = _NUMBER.sub(lambda m: m.group() + unit, folded) if _NUMBER.search(folded) else folded + unit
    if unit in FULL and value.kind is ValueKind.QUANTITY and value.comparison is None and 0 < value.number < FULL[unit]:
        written = bound_for(name) + written
    return text(rule, "written", written=written)
