"""A score above the points the row can earn: 得分 > 分值 (自评得分超过分值).

Each row of a self-assessment carries its share of the 100 points (分值, 权重 in the Sichuan
form) and the points claimed (得分). 财预〔2020〕10号 scores each indicator out of its own
分值; a 得分 above it is an arithmetic slip or an inflated claim, and it inflates 总分 too.

Read on every indicator row, on every budget line that prints its points (a budget line
without its own 分值 uses the block's printed points, 预算执行情况(20分)), and on 总分.
"/" and "—" (not applicable) are not numbers and are skipped.

Options:
    tolerance: points a score may exceed the weight by before it is reported (0).

Located on the 得分 cell. Message parameters: ``score`` (the 得分), ``weight`` (the 分值),
``where`` (the indicator name, the budget line or 总分).
"""

from __future__ import annotations

from decimal import Decimal
from typing import Iterator

from lint.checks._options import Number
from lint.checks._self import number, plain, self_rows
from lint.findings import Hit

SCOPE = "table"
TABLES = frozenset({"self-assessment"})
OPTIONS = {"tolerance": 0}
ALLOWED = {"tolerance": Number(minimum=0)}


def check(rule, table) -> Iterator[Hit]:
    tolerance = Decimal(str(rule.options["tolerance"]))
    places = [(row.name.text, row.weight, row.score, row.name.text) for row in self_rows(table)]
    places += [(line.label.text, line.weight or table.budget_weight, line.score, None) for line in table.budget_lines]
    places.append(("总分", table.total_weight, table.total_score, None))
    for where, weight_cell, score_cell, indicator in places:
        weight, score = number(weight_cell), number(score_cell)
        if weight is None or score is None or score <= weight + tolerance:
            continue
        yield Hit(score_cell.span, params={"score": plain(score), "weight": plain(weight), "where": where},
                  indicator=indicator, value=score_cell.text)
