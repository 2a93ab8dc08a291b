"""总分 that is not the sum of the scores (总分与各项得分之和不符).

A self-assessment's 总分 is the budget-execution score plus every indicator's 得分; its 分值
column adds up to 100 the same way (财预〔2020〕10号: 预算执行率 10 分, 绩效指标 90 分, or the
province's split). A total that differs from the sum is reported with the sum, so the
reviewer does not redo the addition.

The sum is taken only when every part is filled in: a blank 得分 is reported by the
unfilled-cell rule, and a sum over part of the rows would be wrong twice. The budget block
counts once, by its first line (年度资金总额 / 总额); the 其中 lines repeat it.

Options:
    tolerance: the largest difference still accepted, in points (0.01, for rounding).
    weights: also compare the 分值 total with the sum of the 分值 column (true).

Located on 总分's 得分 (or 分值) cell. Message parameters: ``total`` (the printed total),
``sum`` (the sum of the parts), ``parts`` (how many parts were added), ``what`` (得分 or 分值).
"""

from __future__ import annotations

from decimal import Decimal
from typing import Iterator

from lint.checks._options import Number
from lint.checks._self import number, plain, self_rows
from lint.findings import Hit

SCOPE = "table"
TABLES = frozenset({"self-assessment"})
OPTIONS = {"tolerance": 0.01, "weights": True}
ALLOWED = {"tolerance": Number(minimum=0)}


def check(rule, table) -> Iterator[Hit]:
    tolerance = Decimal(str(rule.options["tolerance"]))
    budget = table.budget_total
    rows = self_rows(table)
    checks = [("得分", table.total_score, [row.score for row in rows] + ([budget.score] if budget else []))]
    if rule.options["weights"]:
        budget_weight = (budget.weight or table.budget_weight) if budget else None
        checks.append(("分值", table.total_weight, [row.weight for row in rows] + ([budget_weight] if budget else [])))
    for what, total_cell, parts in checks:
        total = number(total_cell)
        values = [number(cell) for cell in parts]
        if total is None or not values or any(value is None for value in values):
            continue
        added = sum(values, Decimal(0))
        if abs(added - total) > tolerance:
            yield Hit(total_cell.span, params={"total": plain(total), "sum": plain(added), "parts": len(values),
                                               "what": what}, value=total_cell.text)
