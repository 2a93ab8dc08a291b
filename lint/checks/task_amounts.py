"""A 年度重点工作任务 row whose 财政拨款 + 其他资金 is not its 金额.

Department forms split each task's 金额 (拟投入的资金 / 预算金额总额) into 其中：财政拨款 and
其中：其他资金 (seed 004: 妇女儿童事务 535万元 = 535 + 0). The two parts must add up to the
total; when they do not, one of the three figures is wrong and the department's totals
cannot be trusted either. Rows that give no split, or a split with only one part, are
not compared. Amounts are read with ``parse_amount``; a bare number is in the
department's 金额单位.

Options:
    tolerance: the difference in 元 accepted as rounding (default 100元 = 0.01万元, the
        last digit of a form printed in 万元).

Located on the row's 金额 cell. Message parameters: ``task`` (the row's 名称), ``stated``
(金额), ``fiscal`` (财政拨款), ``other`` (其他资金), ``parts`` (their sum), ``difference``.
"""

from __future__ import annotations

from decimal import Decimal
from typing import Iterator

from lint.checks._options import Number
from lint.checks._money import amount, money, table_unit, written_unit
from lint.findings import Hit
from lint.loading.model import DepartmentTable

SCOPE = "table"
OPTIONS = {"tolerance": 100}
ALLOWED = {"tolerance": Number(minimum=0)}


def check(rule, table) -> Iterator[Hit]:
    if not isinstance(table, DepartmentTable):
        return
    unit = table_unit(table)
    tolerance = Decimal(str(rule.options["tolerance"]))
    for task in table.tasks:
        stated, fiscal, other = (amount(cell, unit) for cell in (task.amount, task.fiscal, task.other))
        if stated is None or fiscal is None or other is None:
            continue
        parts = fiscal + other
        if abs(parts - stated) <= tolerance:
            continue
        shown = written_unit(task.amount, unit)
        yield Hit(
            task.amount.span,
            params={
                "task": task.name.text if task.name else "",
                "stated": money(stated, shown),
                "fiscal": money(fiscal, shown),
                "other": money(other, shown),
                "parts": money(parts, shown),
                "difference": money(abs(parts - stated), shown),
            },
            value=task.amount.text,
        )
