"""The typed model of a target file. Every scalar is a located :class:`Cell`.

Names follow the form: a 项目绩效目标表 is a :class:`ProjectTable`, a 部门整体支出绩效目标表 a
:class:`DepartmentTable`; both hold the three-level indicator tree flattened into
:class:`Indicator` rows (三级指标) that know their 一级 and 二级 labels.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import ClassVar, Iterator

from lint.findings import Span
from lint.loading.tree import Cell

# The value columns of the indicator table, by the name rules use in ``where: columns``.
CYCLE, ANNUAL, TARGET = "cycle", "annual", "target"
COLUMN_LABELS = {CYCLE: "实施周期指标值", ANNUAL: "年度指标值", TARGET: "指标值"}
OPEN_ENDED = 2099  # 到期年度 of a standing project


@dataclass(slots=True)
class Indicator:
    """One 三级指标 row of the 绩效指标 table."""

    name: Cell  # 三级指标
    level1: str  # 一级指标, canonical ("产出指标")
    level2: str  # 二级指标, canonical ("数量指标")
    level1_cell: Cell
    level2_cell: Cell
    cycle_value: Cell | None = None  # 实施周期指标值
    annual_value: Cell | None = None  # 年度指标值 / 当年度指标值
    target_value: Cell | None = None  # 指标值 / 目标值 (forms with one value column)
    span: Span | None = None  # the whole row

    def values(self) -> Iterator[tuple[str, Cell]]:
        """The value cells this row has, with their column name."""
        for column, cell in ((CYCLE, self.cycle_value), (ANNUAL, self.annual_value), (TARGET, self.target_value)):
            if cell is not None:
                yield column, cell

    @property
    def main_value(self) -> Cell | None:
        """The value that states this year's target: 年度指标值, else the single column."""
        return self.annual_value or self.target_value or self.cycle_value


@dataclass(slots=True)
class Table:
    """What project and department tables share: a title and the indicator tree."""

    kind: ClassVar[str] = ""
    title: Cell | None
    span: Span
    indicators: list[Indicator] = field(default_factory=list)
    # Every 一级/二级 label present, with its key cell, even when it holds no row.
    level1_cells: dict[str, Cell] = field(default_factory=dict)
    level2_cells: list[tuple[str, str, Cell]] = field(default_factory=list)
    indicators_cell: Cell | None = None  # the 绩效指标 key

    @property
    def name(self) -> str:
        return self.title.text if self.title else ""

    @property
    def anchor(self) -> Span:
        """Where a finding about the whole table points: its name, else its start."""
        return self.title.span if self.title else self.span


@dataclass(slots=True)
class ProjectTable(Table):
    """项目支出绩效目标表."""

    kind: ClassVar[str] = "project"
    fields: dict[str, Cell] = field(default_factory=dict)  # 项目类型, 主管部门 … as written
    start_year: Cell | None = None  # 实施周期 起始年度
    end_year: Cell | None = None  # 实施周期 到期年度 (2099: open-ended)
    budget_amount: Cell | None = None  # 预算金额
    cycle_goal: Cell | None = None  # 总体绩效目标 / 实施周期总目标
    annual_goal: Cell | None = None  # 总体绩效目标 / 年度目标

    @property
    def period_years(self) -> int | None:
        """Length of 实施周期 in years, both ends included; None when open-ended (2099) or unknown."""
        start = self.start_year.value if self.start_year else None
        end = self.end_year.value if self.end_year else None
        if not isinstance(start, int) or not isinstance(end, int) or end >= OPEN_ENDED or end < start:
            return None
        return end - start + 1


@dataclass(slots=True)
class Task:
    """One row of 年度重点工作任务."""

    name: Cell | None
    content: Cell | None = None  # 主要实施内容 / 主要内容
    amount: Cell | None = None  # 金额 (拟投入的资金 / 预算金额 总额)
    fiscal: Cell | None = None  # 其中：财政拨款
    other: Cell | None = None  # 其中：其他资金
    expected: Cell | None = None  # 期望达到的目标


@dataclass(slots=True)
class DepartmentTable(Table):
    """部门整体支出绩效目标表."""

    kind: ClassVar[str] = "department"
    fields: dict[str, Cell] = field(default_factory=dict)
    income: list[tuple[Cell, Cell]] = field(default_factory=list)  # 收入: (label, amount)
    expenditure: list[tuple[Cell, Cell]] = field(default_factory=list)  # 支出: (label, amount)
    total: Cell | None = None  # 合计 (金额合计)
    goal: Cell | None = None  # 总体绩效目标 / 年度总体目标
    tasks: list[Task] = field(default_factory=list)


@dataclass(slots=True)
class TargetFile:
    path: str
    unit: Cell | None = None  # 单位
    year: Cell | None = None  # 年度
    projects: list[ProjectTable] = field(default_factory=list)
    department: DepartmentTable | None = None

    def tables(self) -> Iterator[Table]:
        yield from self.projects
        if self.department is not None:
            yield self.department
