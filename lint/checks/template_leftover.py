"""The form's template left in a cell: placeholders and instructions nobody filled in (模板未填).

Provincial templates print the shape of each target into the cell — "(≥**%)", "(≤**元/株)",
"X月X日前", "XX人", "(必填)", "请填写…" — for the unit to replace with its own figures. Left
in an indicator name, the placeholder makes the name say "at least **%" beside the real
value; left in a value, there is no target at all. Either way the table was submitted
unfinished, which the review's 完整性 check (财预〔2015〕88号) rejects.

Every indicator name and value cell is read, and so are the goal texts (实施周期总目标,
年度目标, a department's 总体绩效目标 and each task's cells), because instructions are
left there too (in a self-assessment: 实际完成情况, 实际完成值, 偏差原因, 原因 and the
closing texts such as 评价结论). A rule's ``where`` (一级/二级/names) narrows the indicator rows; goal and
task cells are read whenever the table kind applies.

A value cell that the value parser reads as a PLACEHOLDER (a value with its digits left
out: "≥*%", "x场") is reported too, with the whole cell as the placeholder, when no pattern
matched in it.

Options:
    patterns: regular expressions for a placeholder or an instruction; every match in a
        cell is one finding (a cell with two placeholders gets two).

Located on the cell. Message parameters: ``placeholder`` (the text matched), ``where``
(``texts.in_name`` or ``texts.in_value`` in a row, else the form's label: 年度目标 …),
``fill`` (what the placeholder asks for, read from it: ``texts.date``, ``texts.content``, or
``texts.planned``, ``texts.planned_floor`` or ``texts.planned_cap`` with {what}:
``texts.percentage``, ``texts.amount`` or ``texts.number`` with the printed {unit}),
``cell`` (the cell, shortened).
"""

from __future__ import annotations

import re
from typing import Iterator

from lint.checks._measurability import brief
from lint.checks._texts import text
from lint.findings import Hit
from lint.loading.model import DepartmentTable, ProjectTable, SelfAssessmentTable
from lint.loading.tree import Cell
from lint.values import ValueKind, parse_value

SCOPE = "table"
WHERE = ("level1", "level2", "names")
OPTIONS = {
    "patterns": [
        # A lookahead, then one possessive run: "[^()]*\*{2,}[^()]*" tried every split of an
        # unclosed "(" + "*" × 3,000 in an indicator name (cubic: the gate hung).
        r"[(（](?=[^()（）]*\*{2})[^()（）]*+[)）]",  # (≥**%), （≤**元/株）
        r"[≥≤><=]?\s*\*{2,}[^\s,，;；。、()（）]{0,4}",  # ≥**%, **万元
        r"(?<![A-Za-z])[XＸ]{1,2}(?:年|月|日|号|人|个|次|场|户|万元|元|%)(?:[XＸ]{1,2}(?:日|号))?",  # X月X日, XX人
        r"(?<![A-Za-z])[XＸ]{2,}(?![A-Za-z])",  # XX
        r"[(（](?:必填|选填|必选)[^()（）]*[)）]",  # (必填), (必填硬性指标)
        r"请(?:填写|填报|输入|选择|根据|按照?实际|在此)[^,，;；。]*",
        r"(?:此处|本栏|本格)(?:填写|填报)[^,，;；。]*|填(?:表|报)说明",
    ],
}
PATTERN_OPTIONS = ("patterns",)
TEXTS = {
    "in_name": (), "in_value": (), "date": (), "content": (), "percentage": (), "amount": ("unit",), "number": ("unit",),
    "planned": ("what",), "planned_floor": ("what",), "planned_cap": ("what",),
}
_BOUNDS = {"≥": "planned_floor", ">": "planned_floor", "≤": "planned_cap", "<": "planned_cap"}
_DATE = re.compile(r"[XＸ][年月日号]")
_TAIL = re.compile(r"[()（）\s]+")


def check(rule, table) -> Iterator[Hit]:
    patterns = rule.options["patterns"].compiled
    in_name, in_value = text(rule, "in_name"), text(rule, "in_value")
    for indicator in table.indicators:
        if not rule.where.indicator(indicator):
            continue
        yield from _cell(rule, patterns, indicator.name, in_name, indicator.name.text)
        for _, cell in indicator.values():
            hits = list(_cell(rule, patterns, cell, in_value, indicator.name.text))
            if not hits and parse_value(cell.text).kind is ValueKind.PLACEHOLDER:
                # The value parser reads the cell as a value with its digits left out ("≥*%",
                # "x场"): the whole cell is the placeholder.
                hits = [_hit(rule, cell, cell.text.strip(), in_value, indicator.name.text)]
            yield from hits
    for label, cell in _texts(table):
        yield from _cell(rule, patterns, cell, label, None)


def _texts(table) -> Iterator[tuple[str, Cell]]:
    """The free-text cells of a table outside the indicator rows, with their form label."""
    if isinstance(table, ProjectTable):
        yield from (("实施周期总目标", table.cycle_goal), ("年度目标", table.annual_goal))
    elif isinstance(table, DepartmentTable):
        yield "总体绩效目标", table.goal
        for task in table.tasks:
            yield from (("任务名称", task.name), ("主要实施内容", task.content), ("期望达到的目标", task.expected))
    elif isinstance(table, SelfAssessmentTable):
        yield from table.free_texts()


def _cell(rule, patterns: re.Pattern, cell: Cell | None, where: dict | str, indicator: str | None) -> Iterator[Hit]:
    if cell is None or cell.is_blank:
        return
    for match in patterns.finditer(cell.text):
        yield _hit(rule, cell, match[0], where, indicator)


def _hit(rule, cell: Cell, placeholder: str, where: dict | str, indicator: str | None) -> Hit:
    return Hit(
        cell.span,
        params={"placeholder": placeholder, "where": where, "fill": _fill(rule, placeholder), "cell": brief(cell.text)},
        indicator=indicator,
        value=cell.text,
    )


def _fill(rule, placeholder: str) -> dict:
    """What the template asked for, read from the placeholder: "(≥**%)" → a percentage floor."""
    if _DATE.search(placeholder):
        return text(rule, "date")
    # The unit the template printed after the stars or the X: "(≤**元/株)" → 元/株.
    pieces = re.split(r"[*＊]+|[XＸxｘ]+", placeholder)
    unit = _TAIL.sub("", pieces[-1]) if len(pieces) > 1 else ""
    if "%" in unit or "％" in unit:
        what = text(rule, "percentage")
    elif "元" in unit:
        what = text(rule, "amount", unit=unit)
    elif unit:
        what = text(rule, "number", unit=unit)
    else:
        return text(rule, "content")
    planned = next((key for sign, key in _BOUNDS.items() if sign in placeholder), "planned")
    return text(rule, planned, what=what)
