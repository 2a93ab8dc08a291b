"""Budget lines of a 部门整体支出绩效目标表 that do not add up.

The 预算整体情况 block of a department form lists 收入 (财政拨款, 其他资金 …) and 支出 (基本支出,
项目支出, 其他事业发展性支出 …), and some forms print a 合计 (金额合计). They must agree:

* 合计, when printed, equals the sum of the 支出 lines — or, on forms whose total also
  counts the 年度重点工作任务 rows (seed 004: 基本支出 684 + tasks 535+35+4+23+13+7+9 = 1310
  = 金额合计), the 支出 lines plus the tasks' 金额.
* The 收入 lines add up to the same budget: to 合计 when printed, else to the spending
  (seed 000: 3,139.95 + 3,461.01 + 0.00 + 671.74 = 7,272.70 = 财政拨款 7,272.70 + 其他资金 0.00).

Amounts are read with ``parse_amount`` (7,272.70万元 → 72727000元); a bare number is in the
department's 金额单位. Lines whose label matches ``skip_lines`` (其中：…, 小计) are parts of
another line and are not added again. A blank amount is not a line. An amount that cannot be
read, or whose decimal point looks lost ("1234567" among 万元 lines with decimals), is
reported where it is by ``unreadable_amount``; here the sums it belongs to are unknown and
are not compared, and the other sums still are.

Options:
    tolerance: the difference in 元 accepted as rounding (尾数误差). Default 100元 = 0.01万元:
        a 万元 form rounds every line to 0.01万元, so an honest sum can miss the printed
        total by the last digit. Set 0 for forms printed to the 元.
    skip_lines: regular expressions (``re.search``) for 收入/支出 labels that are not
        separate lines.
    lost_point_digits: as in ``unreadable_amount``: a bare 万元 figure this long among
        lines with decimals is left out of the sums.

Located on the 合计 cell when the total is wrong, on the first 收入 amount when the income
does not match. Message parameters: ``line`` (``texts.total`` or ``texts.income``),
``stated`` (its amount), ``expected`` (what it should equal: the sums it was compared with,
each ``texts.spending``, ``texts.spending_and_tasks`` or ``texts.total_is`` with its
{amount}, joined by ``texts.joiner``), ``difference`` (to the closest sum).
"""

from __future__ import annotations

from decimal import Decimal
from typing import Iterator

from lint.checks._options import AnyPattern, Number
from lint.checks._money import LOST_POINT_DIGITS, amount, lost_points, money, table_unit, written_unit
from lint.checks._texts import text
from lint.checks.unreadable_amount import amount_blocks
from lint.findings import Hit
from lint.loading.model import DepartmentTable
from lint.loading.tree import Cell

SCOPE = "table"
OPTIONS = {"tolerance": 100, "skip_lines": [r"^\s*其中", "小计"], "lost_point_digits": LOST_POINT_DIGITS}
PATTERN_OPTIONS = ("skip_lines",)
ALLOWED = {"tolerance": Number(minimum=0)}
TEXTS = {"total": (), "income": (), "spending": ("amount",), "spending_and_tasks": ("amount",), "total_is": ("amount",),
         "joiner": ()}


def check(rule, table) -> Iterator[Hit]:
    if not isinstance(table, DepartmentTable):
        return
    unit = table_unit(table)
    tolerance = Decimal(str(rule.options["tolerance"]))
    skip = rule.options["skip_lines"]
    lost = {id(cell) for block in amount_blocks(table) for cell in lost_points(block, unit, rule.options["lost_point_digits"])}
    income_cells = [cell for label, cell in table.income if not cell.is_blank and not _skipped(label, skip)]
    income = _sum(income_cells, unit, lost)
    spending = _sum([cell for label, cell in table.expenditure if not cell.is_blank and not _skipped(label, skip)], unit, lost)
    tasks = _sum([task.amount for task in table.tasks if task.amount is not None and not task.amount.is_blank], unit, lost)
    shown = written_unit(table.total or next(iter(income_cells), None), unit)

    bases = []  # (sum, how it is described)
    if spending is not None:
        bases.append((spending, text(rule, "spending", amount=money(spending, shown))))
        if tasks is not None:
            both = spending + tasks
            bases.append((both, text(rule, "spending_and_tasks", amount=money(both, shown))))

    total = None if table.total is None or id(table.total) in lost else amount(table.total, unit)
    if total is not None and bases and not _matches(total, bases, tolerance):
        yield _hit(rule, table.total, "total", total, bases, shown)
    if income is not None:
        references = bases + ([(total, text(rule, "total_is", amount=money(total, shown)))] if total is not None else [])
        if references and not _matches(income, references, tolerance):
            yield _hit(rule, income_cells[0], "income", income, references, shown)


def _skipped(label: Cell, skip: AnyPattern) -> bool:
    return skip.search(label.text) is not None


def _sum(cells: list[Cell], unit: str, lost: set[int]) -> Decimal | None:
    """The cells' amounts added up; None when there are none or one cannot be read."""
    amounts = [None if id(cell) in lost else amount(cell, unit) for cell in cells]
    if not amounts or any(a is None for a in amounts):
        return None
    return sum(amounts, Decimal(0))


def _matches(stated: Decimal, references: list[tuple[Decimal, dict]], tolerance: Decimal) -> bool:
    return any(abs(stated - reference) <= tolerance for reference, _ in references)


def _hit(rule, cell: Cell, line: str, stated: Decimal, references: list[tuple[Decimal, dict]], shown: str) -> Hit:
    """The finding on ``cell``; the message names the first reference and, if another is closer, that one too."""
    closest = min(references, key=lambda reference: abs(stated - reference[0]))
    named = [references[0]] + ([closest] if closest is not references[0] else [])
    return Hit(
        cell.span,
        params={
            "line": text(rule, line),
            "stated": money(stated, shown),
            "expected": {lang: joiner.join(described[lang] for _, described in named)
                         for lang, joiner in text(rule, "joiner").items()},
            "difference": money(abs(stated - closest[0]), shown),
        },
        value=cell.text,
    )
