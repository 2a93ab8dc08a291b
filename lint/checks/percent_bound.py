"""A bound on a rate that cannot be meant: "≥100%", ">100%", "120%", "≤0".

A rate (完成率, 及时率, 测评率 …) cannot exceed 100%, so "≥100%" (seed 004, five times:
2020-2021年纸质、电子档案整理完成率, 信息终端测评率, 宣传及时率 …) really asks for exactly 100%
while looking like a floor, and ">100%" or "120%" can never be met. At the other end, a
ceiling of 0 ("差异率小于等于0") only lets 0 pass when the rate cannot be negative. In each case
the table should say plainly what it means: "100%" (all of it), a real floor such as "≥95%",
"0%" (none), or a real ceiling such as "≤5%".

A value is a rate when it is written in % or ‰, or has no unit while the indicator is a rate
by its name (…率, …满意度, "(%)") or the words just before the number name one
("完成率≥100"). Growth and change rates may exceed 100% or fall below 0 and are left
alone (``signed_names``).

Options:
    signed_names: regular expressions for indicators whose rate may be above 100% or below 0
        (增长, 增幅, 增速, 变化, 变动, 同比, 环比, 下降, 降低, 节约, 超额).

Message parameters: ``name``, ``text``, ``problem`` and ``fix`` (what is wrong with this bound
and what to write instead): ``texts.floor_at_top``, ``texts.floor_above_top`` or
``texts.above_top`` (with {whole}, all of the rate: "100%") and ``texts.ceiling_at_zero``
(with the bound as {shown}); the fixes ``texts.real_floor`` (with {whole} and the
{unit}), ``texts.check_number`` and ``texts.real_ceiling`` (with the {unit}). The fix
that rewrites "≥100%" is described by ``texts.exactly`` (with the {exact} value).
"""

from __future__ import annotations

from typing import Iterator

from lint.checks._context import ValueCell
from lint.checks._measurability import FULL, PERCENT, name_unit, names_a_rate, value_hit
from lint.checks._texts import text
from lint import fixes
from lint.findings import Hit
from lint.values import Comparison, TargetValue, ValueKind

SCOPE = "value"
READS = ("text", "name")
OPTIONS = {"signed_names": ["增长", "增幅", "增速", "变化", "变动", "同比", "环比", "下降", "降低", "节约", "超额"]}
PATTERN_OPTIONS = ("signed_names",)
TEXTS = {
    "floor_at_top": ("whole",), "floor_above_top": ("whole",), "above_top": ("whole",), "ceiling_at_zero": ("shown",),
    "real_floor": ("whole", "unit"), "check_number": (), "real_ceiling": ("unit",), "exactly": ("exact",),
}

_FLOOR = (Comparison.GE, Comparison.GT)
_CEILING = (Comparison.LE, Comparison.LT)


def check(rule, subject: ValueCell) -> Iterator[Hit]:
    value = subject.value
    name = subject.indicator.name.text
    if rule.options["signed_names"].search(name):
        return
    # Read once per cell, not once per piece: a compound cell may have hundreds of pieces.
    by_name = PERCENT if name_unit(name) == PERCENT else None
    for part in value.pieces:
        unit = _rate_unit(part, by_name)
        found = unit and _problem(rule, part, unit)
        if found:
            yield value_hit(subject, found, fix=_exactly_all(rule, subject, part, unit))
            return


def _exactly_all(rule, subject: ValueCell, part: TargetValue, unit: str):
    """"≥100%" → "=100%": the one reading of a floor at the top. Unsafe: the unit may have
    meant a real floor (≥95%). Only a cell that is this bound and nothing more is rewritten."""
    full = FULL[unit]
    if (part.comparison is not Comparison.GE or part.number != full or part.upper is not None or part.qualifier
            or part.in_sentence or subject.value.kind is ValueKind.COMPOUND or part.unit != unit):
        return None
    exact = f"={full}{unit}"
    return fixes.fix(text(rule, "exactly", exact=exact), [fixes.replace_cell(subject.cell, exact)], fixes.UNSAFE)


def _rate_unit(part: TargetValue, by_name: str | None) -> str | None:
    """The ratio unit of ``part``: its own, the one its words name, or the indicator's (``by_name``)."""
    if part.kind not in (ValueKind.QUANTITY, ValueKind.RANGE) or part.number is None:
        return None
    if part.unit is not None:
        return part.unit if part.unit in FULL else None
    if part.in_sentence:
        return PERCENT if names_a_rate(part.qualifier) else None
    return by_name


def _problem(rule, part: TargetValue, unit: str) -> dict | None:
    whole = f"{FULL[unit]}{unit}"
    top = max(part.number, part.upper or part.number)
    if part.comparison is Comparison.GE and part.number == FULL[unit]:
        return {"problem": text(rule, "floor_at_top", whole=whole), "fix": text(rule, "real_floor", whole=whole, unit=unit)}
    if part.comparison in _FLOOR and part.number >= FULL[unit]:
        return {"problem": text(rule, "floor_above_top", whole=whole), "fix": text(rule, "real_floor", whole=whole, unit=unit)}
    if top > FULL[unit] and part.comparison not in _FLOOR:
        return {"problem": text(rule, "above_top", whole=whole), "fix": text(rule, "check_number")}
    if part.comparison in _CEILING and part.number <= 0:
        return {"problem": text(rule, "ceiling_at_zero", shown=part.format()), "fix": text(rule, "real_ceiling", unit=unit)}
    return None
