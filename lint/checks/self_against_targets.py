"""A self-assessment whose indicators are not the approved ones (自评指标与批复目标不一致).

The self-assessment reports on the targets the finance bureau approved: the same indicators
with the same 年度指标值 (财预〔2020〕10号: 自评的绩效指标与批复的绩效目标一致). An indicator
added, dropped, or a target lowered after approval makes the year-end score meaningless —
a unit can then meet any target it likes. With the approved target files named
(``--targets 目标.yaml`` or ``targets:`` in the config), each self-assessment table is
matched to the approved table of the same project (project names compared without spaces,
brackets of units and punctuation; the unit's name too when both files give it), and its
rows to the approved rows by normalised indicator name. Four ``problems``:

``changed``
    A row's target differs from the approved 年度指标值 (signs, numbers and units compared
    as values: "≧735人次" is "≥735人次"; words compared as written).
``added``
    A row the approved table does not have.
``dropped``
    An approved row the self-assessment leaves out (reported on its 绩效指标 key).
``unmatched``
    No approved table of this project in the target files named.

Options:
    problems: which of the four this rule reports.

Located on the target cell (changed), the row's name (added), the 绩效指标 key (dropped)
or the table's name (unmatched). Message parameters: ``approved`` (the approved value or
row), ``approved_at`` (its file:line), ``claimed`` (the self-assessment's value), ``files``
(the target files searched).
"""

from __future__ import annotations

from typing import Iterator

from lint.checks._names import normalise
from lint.checks._options import Choice
from lint.checks._self import counterpart, same_target, self_rows
from lint.findings import Hit
from lint.loading.model import DepartmentTable, ProjectTable

SCOPE = "cross"
TABLES = frozenset({"self-assessment"})
PROBLEMS = ("changed", "added", "dropped", "unmatched")
OPTIONS = {"problems": list(PROBLEMS)}
ALLOWED = {"problems": Choice(PROBLEMS, many=True)}


def check(rule, subject) -> Iterator[Hit]:
    table = subject.table
    if not subject.references.targets:
        return
    problems = rule.options["problems"]
    found = counterpart(subject, subject.references.targets, (ProjectTable, DepartmentTable))
    if found is None:
        if "unmatched" in problems:
            files = "、".join(ref.path for ref in subject.references.targets)
            yield Hit(table.anchor, params={"approved": "", "approved_at": "", "claimed": table.name, "files": files},
                      value=table.name)
        return
    path, approved = found
    rows = {normalise(row.name.text): row for row in approved.indicators}
    claimed = {normalise(row.name.text) for row in self_rows(table)}
    for row in self_rows(table):
        match = rows.get(normalise(row.name.text))
        if match is None:
            if "added" in problems:
                yield Hit(row.name.span, params={"approved": "", "approved_at": f"{path}:{approved.anchor.line}",
                                                 "claimed": row.name.text, "files": path},
                          indicator=row.name.text, value=row.name.text)
            continue
        value, expected = row.main_value, match.main_value
        if "changed" in problems and value is not None and expected is not None and not same_target(expected.text, value.text):
            yield Hit(value.span, params={"approved": expected.text.strip(), "approved_at": f"{path}:{expected.span.line}",
                                          "claimed": value.text.strip(), "files": path},
                      indicator=row.name.text, value=value.text)
    if "dropped" in problems:
        where = table.indicators_cell.span if table.indicators_cell is not None else table.anchor
        for key, row in rows.items():
            if key not in claimed:
                shown = f"{row.name.text}（{row.main_value.text.strip()}）" if row.main_value is not None else row.name.text
                yield Hit(where, params={"approved": shown, "approved_at": f"{path}:{row.name.span.line}",
                                         "claimed": "", "files": path}, indicator=row.name.text, value=row.name.text)
