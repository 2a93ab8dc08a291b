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
and what to write instead).
"""

from __future__ import annotations

from typing import Iterator

from lint.checks._context import ValueCell
from lint.checks._measurability import FULL, PERCENT, brief, name_unit, names_a_rate
from lint import fixes
from lint.findings import Hit
from lint.values import Comparison, TargetValue, ValueKind

SCOPE = "value"
OPTIONS = {"signed_names": ["增长", "增幅", "增速", "变化", "变动", "同比", "环比", "下降", "降低", "节约", "超额"]}
PATTERN_OPTIONS = ("signed_names",)

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
        found = unit and _problem(part, unit)
        if found:
            yield Hit(subject.cell.span, params={"name": brief(name), "text": brief(value.text), **found},
                      fix=_exactly_all(subject, part, unit))
            return


def _exactly_all(subject: ValueCell, part: TargetValue, unit: str):
    """"≥100%" → "=100%": the one reading of a floor at the top. Unsafe: the unit may have
    meant a real floor (≥95%). Only a cell that is this bound and nothing more is rewritten."""
    full = FULL[unit]
    if (part.comparison is not Comparison.GE or part.number != full or part.upper is not None or part.qualifier
            or part.in_sentence or subject.value.kind is ValueKind.COMPOUND or part.unit != unit):
        return None
    exact = f"={full}{unit}"
    return fixes.fix({"zh": f"改为「{exact}」", "en": f"write '{exact}'"}, [fixes.replace_cell(subject.cell, exact)],
                     fixes.UNSAFE)


def _rate_unit(part: TargetValue, by_name: str | None) -> str | None:
    """The ratio unit of ``part``: its own, the one its words name, or the indicator's (``by_name``)."""
    if part.kind not in (ValueKind.QUANTITY, ValueKind.RANGE) or part.number is None:
        return None
    if part.unit is not None:
        return part.unit if part.unit in FULL else None
    if part.in_sentence:
        return PERCENT if names_a_rate(part.qualifier) else None
    return by_name


def _problem(part: TargetValue, unit: str) -> dict | None:
    full = FULL[unit]
    shown = part.format()
    all_of_it = f"{full}{unit}"
    floor_fix = {
        "zh": f"要求全部达成就写「{all_of_it}」，留有余地就写真实下限，如「≥95{unit}」",
        "en": f"write '{all_of_it}' if all of it is required, or a real floor such as '≥95{unit}'",
    }
    top = max(part.number, part.upper or part.number)
    if part.comparison is Comparison.GE and part.number == full:
        return {
            "problem": {"zh": f"下限已经到顶，比率不会超过{all_of_it}，这其实是要求正好{all_of_it}",
                        "en": f"the floor is already the top; a rate cannot exceed {all_of_it}, so this asks for exactly {all_of_it}"},
            "fix": floor_fix,
        }
    if part.comparison in _FLOOR and part.number >= full:
        return {
            "problem": {"zh": f"要求比率超过{all_of_it}，不可能达到", "en": f"asks for more than {all_of_it}, which no rate can reach"},
            "fix": floor_fix,
        }
    if top > full and part.comparison not in _FLOOR:
        return {
            "problem": {"zh": f"比率超过了{all_of_it}", "en": f"a rate above {all_of_it}"},
            "fix": {"zh": "检查数字是否写错；本意是增长或超额的，在指标名称中写明（如「增长率」）",
                    "en": "check the number; if growth or over-fulfilment is meant, say so in the indicator name (e.g. 增长率)"},
        }
    if part.comparison in _CEILING and part.number <= 0:
        return {
            "problem": {"zh": f"上限是「{shown}」，比率不会是负数时，这等于要求恰好为0", "en": f"the ceiling is '{shown}'; unless the rate can be negative, this asks for exactly 0"},
            "fix": {"zh": f"要求完全不出现就写「0{unit}」，允许少量偏差就写真实上限，如「≤5{unit}」",
                    "en": f"write '0{unit}' if it must never happen, or a real ceiling such as '≤5{unit}'"},
        }
    return None
