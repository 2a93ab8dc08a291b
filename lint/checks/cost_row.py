"""A 成本指标 row that controls no cost: no amount, a cost written as a floor, or no currency.

A cost indicator states what the project may spend — a total cap ("≤954100元") or a unit
cost ("≤210元/人/天") — so that it can be checked against 预算金额 and, at year end,
against what was spent (Shanghai 2025 指引: 成本指标与预算金额相匹配; 财预〔2021〕101号:
targets include 成本控制要求). Three ways a row fails to:

``no_amount``
    The value is no amount of money: a percentage, a word, a count, a date
    (``按照物价部门定价标准采购 100%``, ``资金使用效率 100%``): a procurement or compliance
    statement, not a cost.
``floor``
    An amount written as a floor (``≥500万元``, ``500万元以上``): a cost must be a cap, or the
    row promises to spend at least that much.
``no_currency``
    A unit cost without its currency (``≤28.40/株``): 28.40 of what?

A bare number (``≤500000``) is JX103's business (no unit); placeholder rows (不适用, 无) and
empty values are left to the indicator-set and empty-value rules. The rule's ``where``
selects the cost labels: 社会成本 and 生态环境成本 are negative impacts, usually stated in
words, so the default pack applies ``no_amount`` to 成本指标 and 经济成本指标 only.

Options:
    problems: which of ``no_amount``, ``floor``, ``no_currency`` this rule reports.
    placeholders: names that mark an empty row, not an indicator.

Located on the value cell (each value column is read; a 实施周期指标值 that repeats the
年度指标值 is reported once). Message parameters: ``name`` (shortened), ``text`` (the value),
``suggestion`` (the value rewritten: "≤500万元", "≤28.40元/株"; empty for ``no_amount``).
"""

from __future__ import annotations

from typing import Iterator

from lint.checks._kinds import value_kind
from lint.checks._measurability import brief
from lint.checks._names import PLACEHOLDERS, is_placeholder, normalise, placeholder_names
from lint.checks._options import Choice, Words
from lint.findings import Hit
from lint.loading.model import CYCLE
from lint.values import Comparison, ValueKind, parse_value

SCOPE = "indicator"
READS = ("name", "values")
OPTIONS = {"problems": ["no_amount", "floor", "no_currency"], "placeholders": PLACEHOLDERS}
ALLOWED = {"problems": Choice(("no_amount", "floor", "no_currency"), many=True), "placeholders": Words()}

_NOT_AMOUNTS = ("percent", "text", "count", "duration", "date")
_FLOORS = (Comparison.GE, Comparison.GT)


def check(rule, row) -> Iterator[Hit]:
    indicator = row.indicator
    name = normalise(indicator.name.text)
    if is_placeholder(name, rule.options["placeholders"]):
        return
    problems = rule.options["problems"]
    annual = indicator.annual_value
    for column, cell in indicator.values():
        if column == CYCLE and annual is not None and annual.text.strip() == cell.text.strip():
            continue
        value = parse_value(cell.text)
        if value.kind is ValueKind.EMPTY or normalise(cell.text) in placeholder_names(rule.options["placeholders"]):
            continue
        found = _problem(value)
        if found is None or found[0] not in problems:
            continue
        yield Hit(cell.span, params={"name": brief(indicator.name.text), "text": brief(cell.text),
                                     "suggestion": found[1], "column": column}, value=cell.text)


def _problem(value) -> tuple[str, str] | None:
    piece = value.pieces[0]
    kind = value_kind(piece)
    if kind == "money":
        if piece.comparison in _FLOORS:
            return "floor", f"≤{piece.number}{piece.unit}"
        return None
    if kind == "number" and piece.qualifier and piece.qualifier.lstrip().startswith("/"):
        return "no_currency", f"{piece.comparison or ''}{piece.number}元{piece.qualifier.strip()}"
    if kind in _NOT_AMOUNTS:
        return "no_amount", ""
    return None
