"""What the self-assessment checks share: reading points and amounts, and whether a target was met.

A self-assessment row states the approved target (年度指标值, or 指标性质 | 指标值 | 度量单位),
the year-end result (实际完成值), the row's points (分值/权重) and the points claimed (得分).
Every check of the family reads these cells the same way, here:

* points and amounts are plain numbers ("10", "9.00", "387664.62"); "/", "—" and "-" are the
  form's "not applicable" and are neither blank nor a number;
* a result without a unit takes the target's unit (the split layout prints the unit once, in
  度量单位: 指标值 100, 度量单位 %, 实际完成值 100 means 100%);
* the target's direction: ≥/> and a bare number are floors (正向), ≤/< caps (反向), = exact;
  a word target (有效, 专款专用) is met only by the same word and can only be compared that way.
"""

from __future__ import annotations

import re
from decimal import ROUND_HALF_UP, Decimal, InvalidOperation
from enum import Enum

from lint.loading.model import SelfIndicator
from lint.loading.tree import Cell
from lint.values import Comparison, TargetValue, ValueKind, conversion_factor, parse_value

NOT_APPLICABLE = frozenset({"/", "／", "—", "–", "-", "——", "－", "不适用", "无"})
_NUMBER = re.compile(r"[+-]?\d+(?:\.\d+)?")
_PERCENT = re.compile(r"^\s*([+-]?\d+(?:\.(\d+))?)\s*[%％]\s*$")


class Met(Enum):
    MET = "met"
    MISSED = "missed"


def is_blank(cell: Cell | None) -> bool:
    return cell is None or cell.is_blank


def not_applicable(cell: Cell | None) -> bool:
    return cell is not None and cell.text.strip() in NOT_APPLICABLE


def number(cell: Cell | None) -> Decimal | None:
    """A points or amount cell as a number: "10", "9.00", "1,000"; None when it is not one."""
    if cell is None or cell.is_blank or not_applicable(cell):
        return None
    text = cell.text.strip().replace(",", "").replace("，", "")
    if not _NUMBER.fullmatch(text):
        return None
    try:
        return Decimal(text)
    except InvalidOperation:
        return None


def percent(cell: Cell | None) -> tuple[Decimal, int] | None:
    """A printed rate: "98.50%" → (98.50, 2 decimals printed); None when the cell is no percentage."""
    if cell is None:
        return None
    match = _PERCENT.match(cell.text)
    if match is None:
        return None
    return Decimal(match[1]), len(match[2] or "")


def rounded(number_: Decimal, places: int) -> Decimal:
    """``number_`` to ``places`` decimals, half up; a number with more digits than decimal
    arithmetic carries (a 40-digit cell) is returned as it is rather than raise."""
    try:
        return number_.quantize(Decimal(1).scaleb(-places), rounding=ROUND_HALF_UP)
    except InvalidOperation:
        return number_


def plain(number_: Decimal) -> str:
    """A number as a reviewer writes it: 10, 9.5, 1.15 (two decimals at most, no exponent)."""
    return f"{rounded(number_, 2).normalize():f}"


def target(row: SelfIndicator) -> TargetValue | None:
    cell = row.main_value
    return None if cell is None or cell.is_blank else parse_value(cell.text)


def actual(row: SelfIndicator, goal: TargetValue | None = None) -> TargetValue | None:
    """The 实际完成值, with the target's unit when it is written without one."""
    if row.actual is None or row.actual.is_blank:
        return None
    value = parse_value(row.actual.text)
    goal = goal if goal is not None else target(row)
    if value.kind is ValueKind.QUANTITY and value.unit is None and goal is not None and goal.unit is not None:
        return parse_value(f"{value.text.strip()}{goal.unit}")
    return value


def numeric(value: TargetValue | None) -> bool:
    return value is not None and value.kind is ValueKind.QUANTITY and value.number is not None


def in_target_unit(goal: TargetValue, result: TargetValue) -> Decimal | None:
    """The result's number in the target's unit; None when the units measure different things."""
    if goal.unit is None or result.unit is None:
        return result.number
    factor = conversion_factor(result.unit, goal.unit)
    return None if factor is None else result.number * factor


def met(goal: TargetValue | None, result: TargetValue | None, bare: str = "ge") -> Met | None:
    """Whether ``result`` meets ``goal``; None when the two cannot be compared.

    ``bare`` says how a target without a sign reads: "ge" (a floor, as counts of people and
    sessions are meant) or "eq"."""
    if goal is None or result is None:
        return None
    if numeric(goal):
        if not numeric(result):
            return None
        value = in_target_unit(goal, result)
        if value is None:
            return None
        sign = goal.comparison or (Comparison.GE if bare == "ge" else Comparison.EQ)
        ok = {
            Comparison.GE: value >= goal.number,
            Comparison.GT: value > goal.number,
            Comparison.LE: value <= goal.number,
            Comparison.LT: value < goal.number,
            Comparison.EQ: value == goal.number,
        }[sign]
        return Met.MET if ok else Met.MISSED
    if goal.kind is ValueKind.QUALITATIVE and result.text.strip() == goal.text.strip():
        return Met.MET
    return None


def proportional(goal: TargetValue, result: TargetValue, weight: Decimal, bare: str = "ge") -> Decimal | None:
    """The points the stated rule gives a missed target: 正向 实际/目标 × 分值, 反向 目标/实际 × 分值
    (an exact target is 正向 when the result falls short of it, 反向 when it overshoots)."""
    if not numeric(goal) or not numeric(result):
        return None
    value = in_target_unit(goal, result)
    if value is None or value <= 0 or goal.number <= 0:
        return None
    sign = goal.comparison or (Comparison.GE if bare == "ge" else Comparison.EQ)
    upward = sign in (Comparison.GE, Comparison.GT) or (sign is Comparison.EQ and value < goal.number)
    share = value / goal.number if upward else goal.number / value
    return min(share, Decimal(1)) * weight


def row_points(row: SelfIndicator) -> tuple[Decimal | None, Decimal | None]:
    """(分值, 得分) of a row, each None when not a number."""
    return number(row.weight), number(row.score)


def self_rows(table):
    """The rows of a self-assessment table that carry the year-end columns."""
    return [row for row in table.indicators if isinstance(row, SelfIndicator)]


def same_target(approved: str, claimed: str) -> bool:
    """Whether two target cells state the same target: as values when both are numbers
    ("≧735人次" = "≥735人次", "1.5万元" = "15000元"; a bare number is the exact target), else
    as text without spaces."""
    first, second = parse_value(approved), parse_value(claimed)
    if numeric(first) and numeric(second):
        signs = {first.comparison or Comparison.EQ, second.comparison or Comparison.EQ}
        value = in_target_unit(first, second)
        return len(signs) == 1 and value is not None and value == first.number
    return _SPACES.sub("", approved) == _SPACES.sub("", claimed)


_SPACES = re.compile(r"\s+")


def counterpart(subject, references, kinds: tuple[type, ...]):
    """(file, table) of the first table of ``kinds`` in ``references`` for the same project as
    ``subject.table``: names compared normalised and without a leading project code, and the
    unit's name too when both files give it."""
    from lint.checks._names import normalise

    def unit(target) -> str:
        return normalise(target.unit.text) if target.unit is not None and not target.unit.is_blank else ""

    def project(name: str) -> str:
        return _PROJECT_CODE.sub("", normalise(name))

    name, own_unit = project(subject.table.name), unit(subject.target)
    for ref in references:
        other_unit = unit(ref.target)
        if own_unit and other_unit and own_unit != other_unit:
            continue
        for table in ref.tables():
            if isinstance(table, kinds) and project(table.name) == name:
                return ref.path, table
    return None


# The budget system's project code some forms print before the name: "51000021R000000019951-工资性支出".
_PROJECT_CODE = re.compile(r"^[0-9A-Za-z]{10,40}[-—_－]")
