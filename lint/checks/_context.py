"""What the engine hands a check, by scope."""

from __future__ import annotations

from dataclasses import dataclass

from lint.loading.model import Indicator, Table, TargetFile
from lint.loading.tree import Cell
from lint.references import References
from lint.values import TargetValue


@dataclass(frozen=True, slots=True)
class ValueCell:
    """One value cell (实施周期指标值, 年度指标值 or 指标值) of one indicator row."""

    table: Table
    indicator: Indicator
    column: str  # "cycle", "annual" or "target"
    cell: Cell
    value: TargetValue


@dataclass(frozen=True, slots=True)
class IndicatorRow:
    table: Table
    indicator: Indicator


@dataclass(frozen=True, slots=True)
class CrossTable:
    """A table with the other files it is compared with (scope ``"cross"``): the approved
    targets (``--targets``) and last year's self-assessment (``--previous``)."""

    table: Table
    target: TargetFile  # the file the table is in
    references: References
