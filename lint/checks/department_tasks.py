"""年度重点工作任务 of a department table that do not fit its budget, or that are inputs, not tasks.

The tasks break the department's budget down into what it will do. Four ways they fail,
each a ``problems`` entry:

``over_total``
    The tasks' 金额 add up to more than 合计, even where the 收入/支出 lines balance
    (corpus 宁德: 49.8 + 11 + 171.41 = 232.21 against 合计 171.41): one of the amounts is
    wrong. Located on 合计.
``grand_total``
    One task carries the whole 合计 while there are other tasks: the total was copied into a
    task row (宁德: 基本支出 171.41 = 资金总额). Located on that task's 金额.
``blank_split``
    Every task gives its 其中：财政拨款 and 其中：其他资金 cells and leaves them all blank, so the
    funding of each task is not stated (corpus 东莞展览馆: five tasks, 市财政拨款 only in the
    total row). One finding, on the first task's 财政拨款 cell.
``input``
    A task that is the department's own running cost — staff pay, office costs, 基本支出 —
    rather than work it does ("场馆日常运转人员经费": 在编人数…; "确保本室各人员工资及福利的
    发放"): 财力、人力和物力等投入数量不能作为绩效目标. Located on the task's 名称. A row
    matching ``layout_rows`` (基本支出) is not reported: forms print that budget line among the
    tasks (seed 004's 合计 counts it with them), which is layout, not work claimed.

Amounts are read with ``parse_amount`` in the department's 金额单位 (a bare figure), or in
the unit written in the cell.

Options:
    problems: which of the four this rule reports.
    tolerance: the difference in 元 accepted as rounding (100元 = 0.01万元).
    input_names: regular expressions for task names that are running costs.
    input_contents: regular expressions for 主要实施内容 / 期望达到的目标 that describe
        paying staff or running the office.
    layout_rows: regular expressions for task names that are budget lines the form prints
        among the tasks; never reported as inputs.

Message parameters: ``total`` (合计 as written), ``sum`` (the tasks' sum), ``task`` (the
task's 名称), ``amount`` (its 金额), ``count`` (number of tasks), ``what`` (the input words
matched).
"""

from __future__ import annotations

from decimal import Decimal
from typing import Iterator

from lint.checks._money import amount, money, table_unit, written_unit
from lint.checks._options import Choice, Number
from lint.findings import Hit
from lint.loading.model import DepartmentTable

SCOPE = "table"
PROBLEMS = ("over_total", "grand_total", "blank_split", "input")
OPTIONS = {
    "problems": list(PROBLEMS),
    "tolerance": 100,
    "input_names": ["人员经费", "公用经费", "日常运转", "工资福利", "三公经费"],
    "input_contents": ["(人员|职工|干部)\\S{0,4}(工资|福利|薪酬)", "在编人数", "办公费"],
    "layout_rows": ["^基本支出$"],
}
PATTERN_OPTIONS = ("input_names", "input_contents", "layout_rows")
ALLOWED = {"problems": Choice(PROBLEMS, many=True), "tolerance": Number(minimum=0)}


def check(rule, table) -> Iterator[Hit]:
    if not isinstance(table, DepartmentTable) or not table.tasks:
        return
    problems = rule.options["problems"]
    unit = table_unit(table)
    tolerance = Decimal(str(rule.options["tolerance"]))
    amounts = [(task, amount(task.amount, unit)) for task in table.tasks]
    known = [(task, value) for task, value in amounts if value is not None]
    total = amount(table.total, unit)
    shown = written_unit(table.total, unit) if table.total is not None else unit
    if total is not None and known:
        tasks_sum = sum(value for _, value in known)
        if "over_total" in problems and tasks_sum > total + tolerance:
            yield Hit(table.total.span, params={"total": table.total.text.strip(), "sum": money(tasks_sum, shown),
                                                "count": len(known)}, value=table.total.text)
        if "grand_total" in problems and len(table.tasks) > 1 and total > 0:
            for task, value in known:
                if abs(value - total) <= tolerance:
                    yield Hit(task.amount.span, params=_task_params(task, table, value, shown), value=task.amount.text)
    if "blank_split" in problems:
        split = [(task.fiscal, task.other) for task in table.tasks if task.amount is not None and not task.amount.is_blank]
        if split and all(f is not None and o is not None and f.is_blank and o.is_blank for f, o in split):
            first = split[0][0]
            yield Hit(first.span, params={"count": len(split), "total": table.total.text.strip() if table.total else ""},
                      value=first.text)
    if "input" in problems:
        for task in table.tasks:
            if task.name is not None and rule.options["layout_rows"].search(task.name.text):
                continue
            what = _input_words(task, rule)
            if what and task.name is not None:
                params = _task_params(task, table, amount(task.amount, unit), shown)
                yield Hit(task.name.span, params={**params, "what": what}, value=task.name.text)


def _task_params(task, table, value, shown) -> dict:
    return {"task": task.name.text if task.name else "", "amount": task.amount.text.strip() if task.amount else "",
            "total": table.total.text.strip() if table.total else "", "sum": money(value, shown) if value is not None else ""}


def _input_words(task, rule) -> str:
    if task.name is not None and (match := rule.options["input_names"].search(task.name.text)):
        return match[0]
    for cell in (task.content, task.expected):
        if cell is not None and (match := rule.options["input_contents"].search(cell.text)):
            return match[0]
    return ""
