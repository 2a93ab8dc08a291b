"""执行率 that is not 全年执行数 / 全年预算数 (预算执行率计算错误).

The forms define the rate and print the formula: 执行率 = 全年执行数 / 全年预算数 (Sichuan:
预算执行率 = 预算执行数 / 调整后预算数; Hubei: 执行率(B/A)). The rate is compared with the
division to the precision it is printed with: "100%" is right for anything from 99.5% up,
"98.50%" only for 98.495%–98.505%. A line whose budget is 0 has no rate; whatever it prints
there (0.00%, —) is not reported.

Options:
    tolerance: extra percentage points accepted beyond the printed precision (0).

Located on the 执行率 cell. Message parameters: ``rate`` (as printed), ``expected`` (the
division, to the printed precision), ``spent``, ``budget`` (the amounts divided), ``line``
(the budget line).
"""

from __future__ import annotations

from decimal import Decimal
from typing import Iterator

from lint.checks._options import Number
from lint.checks._self import number, percent, rounded
from lint.findings import Hit

SCOPE = "table"
TABLES = frozenset({"self-assessment"})
OPTIONS = {"tolerance": 0}
ALLOWED = {"tolerance": Number(minimum=0)}


def check(rule, table) -> Iterator[Hit]:
    tolerance = Decimal(str(rule.options["tolerance"]))
    for line in table.budget_lines:
        budget, spent, printed = number(line.budget), number(line.spent), percent(line.rate)
        if budget is None or spent is None or printed is None or budget <= 0:
            continue
        rate, places = printed
        exact = spent / budget * 100
        step = Decimal(1).scaleb(-places)
        if abs(exact - rate) > step / 2 + tolerance:
            expected = rounded(exact, places)
            yield Hit(line.rate.span, params={"rate": line.rate.text.strip(), "expected": f"{expected:f}%",
                                              "spent": line.spent.text.strip(), "budget": line.budget.text.strip(),
                                              "line": line.label.text}, value=line.rate.text)


def execution(line) -> Decimal | None:
    """The line's rate in percent: from its amounts when they divide, else as printed."""
    budget, spent = number(line.budget), number(line.spent)
    if budget is not None and spent is not None and budget > 0:
        return spent / budget * 100
    printed = percent(line.rate)
    return printed[0] if printed else None
