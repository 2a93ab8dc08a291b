"""A budget change or a low execution rate that the table does not explain (预算调整、执行率偏低未说明原因).

The forms ask for the reason in print: "预算执行率未达到90%的需说明原因", "年中发生预算调整的
(追加或调减),应单独说明理由" (Sichuan form notes; the central form's 偏差原因 and
其他需要说明事项 serve the same purpose). Two ``problems``:

``change``
    年初预算数 differs from 全年预算数 (调整后预算数) on the block's first line.
``low_rate``
    The execution rate of the first line (its amounts divided, else as printed) is below
    ``low_rate``.

The explanation is looked for in the budget lines' 原因/说明 cells and in the table's
``explanation_fields``. A cell explains nothing when it is blank, "/" or "无", or when it
only holds the form's printed instructions (``instructions``).

Options:
    problems: which of the two this rule reports.
    low_rate: the execution rate, in percent, below which a reason is required (90).
    explanation_fields: table cells that may hold the explanation (其他需要说明事项 …).
    instructions: regular expressions for the form's own instruction text.

Located on 全年预算数 (change) or 执行率 (low_rate). Message parameters: ``initial``,
``budget`` (the two budgets), ``change`` (their difference), ``rate`` (percent), ``low_rate``.
"""

from __future__ import annotations

from decimal import Decimal
from typing import Iterator

from lint.checks._options import Choice, Number
from lint.checks._self import is_blank, not_applicable, number, plain
from lint.checks.self_execution_rate import execution
from lint.findings import Hit

SCOPE = "table"
TABLES = frozenset({"self-assessment"})
OPTIONS = {
    "problems": ["change", "low_rate"],
    "low_rate": 90,
    "explanation_fields": ["其他需要说明事项"],
    "instructions": [r"需说明原因", r"应单独说明", r"[(（]\d{1,4}字以内[)）]", r"^\d{1,2}[.、]预算执行率="],
}
ALLOWED = {"problems": Choice(("change", "low_rate"), many=True), "low_rate": Number(minimum=0, maximum=100)}
PATTERN_OPTIONS = ("instructions",)


def check(rule, table) -> Iterator[Hit]:
    if table.budget_total is None:
        return
    line = table.budget_total
    if _explained(rule, table):
        return
    problems = rule.options["problems"]
    initial, budget = number(line.initial), number(line.budget)
    if "change" in problems and initial is not None and budget is not None and initial != budget:
        yield Hit(line.budget.span, params={"initial": line.initial.text.strip(), "budget": line.budget.text.strip(),
                                            "change": plain(budget - initial), "rate": "", "low_rate": ""},
                  value=line.budget.text)
    rate = execution(line)
    floor = Decimal(str(rule.options["low_rate"]))
    if "low_rate" in problems and rate is not None and rate < floor and (line.rate or line.spent) is not None:
        cell = line.rate if line.rate is not None else line.spent
        yield Hit(cell.span, params={"initial": "", "budget": "", "change": "", "rate": f"{plain(rate)}%",
                                     "low_rate": f"{plain(floor)}%"}, value=cell.text)


def _explained(rule, table) -> bool:
    cells = [line.reason for line in table.budget_lines]
    cells += [table.texts.get(name) for name in rule.options["explanation_fields"]]
    instructions = rule.options["instructions"]
    return any(not is_blank(cell) and not not_applicable(cell) and not instructions.search(cell.text) for cell in cells)
