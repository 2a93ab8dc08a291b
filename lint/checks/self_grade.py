"""A 评价等级 that does not match 总分 (评价等级与总分不符).

财预〔2020〕10号 grades a self-assessment by its total: 90 分（含）以上为“优”, 80–90 分为“良”,
60–80 分为“中”, 60 分以下为“差”. A grade above the total's band is the claim reviewers
check first; one below it is a slip. Provinces that grade differently set ``grades``.

Options:
    grades: each grade with the lowest total that earns it ({优: 90, 良: 80, 中: 60, 差: 0}).

Located on the 评价等级 cell. Message parameters: ``grade`` (as written), ``expected`` (the
grade the total earns), ``total``.
"""

from __future__ import annotations

from typing import Iterator

from lint.checks._self import number, plain
from lint.findings import Hit

SCOPE = "table"
TABLES = frozenset({"self-assessment"})
OPTIONS = {"grades": {"优": 90, "良": 80, "中": 60, "差": 0}}


def check(rule, table) -> Iterator[Hit]:
    if table.grade is None or table.grade.is_blank:
        return
    total = number(table.total_score)
    grades = rule.options["grades"]
    written = table.grade.text.strip()
    if total is None or written not in grades:
        return
    earned = [(floor, grade) for grade, floor in grades.items() if total >= floor]
    if not earned:
        return
    expected = max(earned)[1]
    if expected != written:
        yield Hit(table.grade.span, params={"grade": written, "expected": expected, "total": plain(total)},
                  value=table.grade.text)
