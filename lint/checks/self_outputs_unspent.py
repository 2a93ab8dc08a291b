"""Outputs claimed complete while most of the money is unspent (资金未执行而产出全部完成).

Every 数量 indicator reported met while the execution rate is far below — 30% of the budget
spent, all outputs delivered — means either the outputs were planned far too low or the
results are overstated. 财预〔2020〕10号 asks the self-assessment to tie outputs to the money
(预算执行情况 and 产出 are scored together for this reason).

Options:
    rate: the execution rate, in percent, below which complete outputs are reported (60).
    level2: the 二级指标 whose rows are the outputs (数量指标).

Located on the 执行率 cell of the block's first line. Message parameters: ``rate`` (the
execution rate), ``outputs`` (how many rows were reported met).
"""

from __future__ import annotations

from decimal import Decimal
from typing import Iterator

from lint.checks._options import Number
from lint.checks._self import Met, actual, met, plain, self_rows, target
from lint.checks.self_execution_rate import execution
from lint.findings import Hit

SCOPE = "table"
TABLES = frozenset({"self-assessment"})
OPTIONS = {"rate": 60, "level2": ["数量指标"]}
ALLOWED = {"rate": Number(minimum=0, maximum=100)}


def check(rule, table) -> Iterator[Hit]:
    line = table.budget_total
    if line is None:
        return
    rate = execution(line)
    if rate is None or rate >= Decimal(str(rule.options["rate"])):
        return
    outputs = [row for row in self_rows(table) if row.level2 in rule.options["level2"]]
    if outputs and all(met(target(row), actual(row)) is Met.MET for row in outputs):
        cell = line.rate or line.spent or line.label
        yield Hit(cell.span, params={"rate": f"{plain(rate)}%", "outputs": len(outputs)}, value=cell.text)
