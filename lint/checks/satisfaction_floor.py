"""A satisfaction target below a floor: 满意度目标值太低.

"≥85%", "85%及以上", "85%或以上" as the target for 服务对象满意度 sets the bar where almost
any project clears it — the self-assessment's "绩效指标目标值太低" (seeds/003). A value is
below the floor when the target admits a satisfaction under it: the number of "≥85%",
"85%以上", ">85%" or "85%", or the lower end of "80%-90%".

Read as percentages: "≥93" without a unit (seed 002) is 93%, "0.9" is 90%; a number in a
sentence counts ("学员满意度90%以上"). Values in other units, upper bounds ("≤…"), and
words (满意, 良好) are left to the measurability rules.

One finding per value cell below the floor, located on that cell; a 实施周期指标值 that
repeats the 年度指标值 word for word is reported once, on the 年度指标值.

Options:
    floor: the lowest acceptable satisfaction target, in percent (90).

Message parameters: ``floor`` ("90%"), ``percent`` (the target's number, "85%"),
``column`` (the value column), ``same_cycle`` (a note, ``texts.same_cycle``, empty unless the
finding on the 年度指标值 also stands for an identical 实施周期指标值).
"""

from __future__ import annotations

from decimal import Decimal
from typing import Iterator

from lint.checks._options import Number
from lint.checks._texts import text
from lint.findings import Hit
from lint.loading.model import CYCLE
from lint.values import Comparison, ValueKind, parse_value

SCOPE = "indicator"
READS = ("values",)
OPTIONS = {"floor": 90}
ALLOWED = {"floor": Number(minimum=0, maximum=100)}

_LOWER_BOUNDS = (None, Comparison.GE, Comparison.GT, Comparison.EQ)
TEXTS = {"same_cycle": ()}


def check(rule, row) -> Iterator[Hit]:
    floor = Decimal(str(rule.options["floor"]))
    indicator = row.indicator
    repeated = indicator.cycle_value is not None and indicator.annual_value is not None and (
        indicator.cycle_value.text.strip() == indicator.annual_value.text.strip()
    )
    for column, cell in indicator.values():
        if column == CYCLE and repeated:
            continue
        percent = _percent(cell.text)
        if percent is not None and percent < floor:
            yield Hit(
                cell.span,
                params={
                    "column": column,
                    "floor": f"{floor.normalize():f}%",
                    "percent": f"{percent.normalize():f}%",
                    "same_cycle": text(rule, "same_cycle") if repeated else "",
                },
                value=cell.text,
            )


def _percent(text: str) -> Decimal | None:
    """The lowest satisfaction, in percent, that the target accepts; None when it sets no such bound."""
    value = parse_value(text)
    if value.kind not in (ValueKind.QUANTITY, ValueKind.RANGE) or value.number is None:
        return None
    if value.comparison not in _LOWER_BOUNDS:
        return None
    if value.unit == "%":
        return value.number
    if value.unit is None and value.number <= 100:
        # A bare rate is written either as percent ("≥93") or as a fraction ("0.9").
        return value.number * 100 if value.number < 1 else value.number
    return None
