"""A self-assessment cell left blank where the form expects the year-end claim (自评表未填写).

A self-assessment is submitted filled in: every row with points has its 实际完成值 and 得分,
the budget block's first lines have their three amounts, and 总分 has its score. Published
tables are often the bare template (a Sichuan table with every 完成值 and 得分 blank), or
lose one amount of a line. Reported:

* an indicator row's blank 实际完成值, and its blank 得分 when the row has points;
* a budget line with some amounts and a blank one (a line with no amount at all is a source
  of money the project did not have: 上年结转资金 left empty is not reported);
* a blank 得分 on a budget line or 总分 that prints its points;
* the ``texts`` named, when present and blank.

"/" and "—" are the form's "not applicable" and count as filled.

Options:
    texts: the free-text cells that must not be blank (实际完成情况 …).

Located on the blank cell. Message parameters: ``part`` (the form's column label),
``where`` (the indicator name, budget line, 总分, or the project for a text).
"""

from __future__ import annotations

from typing import Iterator

from lint.checks._self import is_blank, number, self_rows
from lint.findings import Hit
from lint.loading.tree import Cell

SCOPE = "table"
TABLES = frozenset({"self-assessment"})
OPTIONS = {"texts": ["实际完成情况", "项目实施内容及过程概述"]}

_AMOUNTS = (("initial", "年初预算数"), ("budget", "全年预算数"), ("spent", "全年执行数"))


def check(rule, table) -> Iterator[Hit]:
    for row in self_rows(table):
        yield from _blank(row.actual, "实际完成值", row.name.text, row.name.text)
        if number(row.weight) is not None:
            yield from _blank(row.score, "得分", row.name.text, row.name.text)
    for index, line in enumerate(table.budget_lines):
        amounts = [(getattr(line, name), label) for name, label in _AMOUNTS]
        if any(not is_blank(cell) for cell, _ in amounts):
            for cell, label in amounts:
                yield from _blank(cell, label, line.label.text)
        if number(line.weight) is not None or (index == 0 and number(table.budget_weight) is not None and line.weight is None):
            yield from _blank(line.score, "得分", line.label.text)
    if number(table.total_weight) is not None:
        yield from _blank(table.total_score, "得分", "总分")
    present = dict(table.free_texts())
    for label in rule.options["texts"]:
        yield from _blank(present.get(label), label, table.name)


def _blank(cell: Cell | None, column: str, where: str, indicator: str | None = None) -> Iterator[Hit]:
    if cell is not None and cell.is_blank:
        yield Hit(cell.span, params={"part": column, "where": where}, indicator=indicator,
                  value=cell.text)
