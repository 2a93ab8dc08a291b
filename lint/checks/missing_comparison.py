"""A bare percentage where the target needs a bound: 学员出勤率 「85%」, 会议出勤率 「90%」.

Is 85% the least that is acceptable, or the most? A rate measured after the year is almost
never exactly 85%, so without ≥ or ≤ nobody can say whether the target was met. The finding
says which bound the indicator needs: a floor (≥) where more is better (出勤率, 满意度,
覆盖率), a ceiling (≤) where less is (差异率, 投诉率 — see ``ceiling_names``).

Not reported: 100% (all) and 0% (none), which are exact targets; ranges ("80%-90%"); values
already bounded ("≥85%", "90%以上"); indicators whose value is an exact share by nature
(``exact_names``: 比例, 占比, 配比, 费率, 税率, 利率).

Options:
    units: units that need a bound (default % and ‰).
    exact_names: regular expressions for indicators where an exact value is fine.
    ceiling_names: regular expressions for indicators where lower is better.

Message parameters: ``name``, ``text``, ``bound`` (``texts.floor`` or ``texts.ceiling``:
下限/上限 — a floor/a ceiling), ``fixed`` (the value with the bound, e.g. "≥85%").
"""

from __future__ import annotations

from typing import Iterator

from lint.checks._context import ValueCell
from lint.checks._options import Choice
from lint.checks._measurability import (
    CEILING_WORDS,
    FULL,
    bound_for,
    value_hit,
)
from lint.checks._texts import text
from lint.findings import Hit
from lint.values import BASE_UNITS, Comparison, ValueKind

SCOPE = "value"
READS = ("text", "name")
OPTIONS = {
    "units": ["%", "‰"],
    "exact_names": ["比例", "占比", "配比", "费率", "税率", "利率"],
    "ceiling_names": list(CEILING_WORDS),
}
PATTERN_OPTIONS = ("exact_names", "ceiling_names")
ALLOWED = {"units": Choice(BASE_UNITS, many=True)}
TEXTS = {"floor": (), "ceiling": ()}


def check(rule, subject: ValueCell) -> Iterator[Hit]:
    value = subject.value
    name = subject.indicator.name.text
    if rule.options["exact_names"].search(name):
        return
    for part in value.pieces:
        if (
            part.kind is ValueKind.QUANTITY
            and part.comparison is None
            and part.unit in rule.options["units"]
            and part.number not in (0, FULL.get(part.unit))
        ):
            bound = bound_for(name, rule.options["ceiling_names"])
            yield value_hit(subject, {"bound": text(rule, "floor" if bound is Comparison.GE else "ceiling"), "fixed": bound + part.format()})
            return
