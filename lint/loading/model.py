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

# The head of each form, keys in the form's order: the loader reads them, the importer writes
# them and the HTML report draws them in this order.
PROJECT_TITLE = "项目名称"
PROJECT_FIELDS = ("项目编码", "项目类型", "项目等级", "主管部门", "用款单位", "项目负责人")
APPROVAL_FIELDS = ("批复意见", "批复机关")  # under the indicator table
DEPARTMENT_TITLE = "部门名称"
DEPARTMENT_FIELDS = ("主管部门", "金额单位")
SELF_ASSESSMENT_FIELDS = ("表号", "报表编号", "主管部门", "实施单位", "填报日期", "项目类别", "项目属性", "项目类型")
SELF_ASSESSMENT_SIGNERS = ("项目负责人", "财务负责人")  # at the foot of the form


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
    self_assessments: list["SelfAssessmentTable"] = field(default_factory=list)  # 自评

    def tables(self) -> Iterator[Table]:
        yield from self.projects
        if self.department is not None:
            yield self.department
        yield from self.self_assessments


# ── 项目支出绩效自评表 ─────────────────────────────────────────────────────────────────


@dataclass(slots=True)
class SelfIndicator(Indicator):
    """One 三级指标 row of a self-assessment: the approved target and the year-end claim.

    Forms that split the target into 指标性质 | 指标值 | 度量单位 keep the three cells here;
    ``target_value`` then holds their joined text ("≧735人次") located on the 指标值 cell, so
    every rule that reads a target reads it whole."""

    direction: Cell | None = None  # 指标性质 (≥, ≤, =, 定性)
    figure: Cell | None = None  # 指标值, as written in the split layout
    measure_unit: Cell | None = None  # 度量单位
    actual: Cell | None = None  # 实际完成值 / 完成值
    weight: Cell | None = None  # 分值 / 权重
    score: Cell | None = None  # 得分
    reason: Cell | None = None  # 偏差原因分析及改进措施 / 未完成原因分析


@dataclass(slots=True)
class BudgetLine:
    """One row of the budget block (年度资金总额, 其中：当年财政拨款 …)."""

    label: Cell
    span: Span
    initial: Cell | None = None  # 年初预算数 / 年初预算
    budget: Cell | None = None  # 全年预算数 / 调整后预算数 / 预算数
    spent: Cell | None = None  # 全年执行数 / 预算执行数 / 执行数
    rate: Cell | None = None  # 执行率 / 预算执行率
    weight: Cell | None = None  # 分值 / 权重
    score: Cell | None = None  # 得分
    reason: Cell | None = None  # 原因 / 说明

    def cells(self) -> Iterator[Cell]:
        for cell in (self.initial, self.budget, self.spent, self.rate, self.weight, self.score, self.reason):
            if cell is not None:
                yield cell


@dataclass(slots=True)
class SelfAssessmentTable(Table):
    """项目支出绩效自评表: the year-end report on one project's approved targets."""

    kind: ClassVar[str] = "self-assessment"
    fields: dict[str, Cell] = field(default_factory=dict)  # 主管部门, 实施单位, 表号 … as written
    budget_cell: Cell | None = None  # the key of the budget block (项目资金 / 预算执行情况)
    budget_weight: Cell | None = None  # the block's printed points: 预算执行情况(20分)
    money_unit: Cell | None = None  # the block's 金额单位 (元 / 万元)
    budget_lines: list[BudgetLine] = field(default_factory=list)
    goal: Cell | None = None  # 年度总体目标 / 预期目标
    achieved: Cell | None = None  # 年度总体目标 / 实际完成情况
    total_weight: Cell | None = None  # 总分 / 合计: 分值
    total_score: Cell | None = None  # 总分 / 合计: 得分
    grade: Cell | None = None  # 评价等级
    texts: dict[str, Cell] = field(default_factory=dict)  # 评价结论, 存在问题, 其他需要说明事项 …

    @property
    def budget_total(self) -> BudgetLine | None:
        """The block's first line: every form prints the total (年度资金总额, 总额) first."""
        return self.budget_lines[0] if self.budget_lines else None

    def free_texts(self) -> Iterator[tuple[str, Cell]]:
        """Every cell a unit writes prose into, with its form label: where instructions are left."""
        for label, cell in (("预期目标", self.goal), ("实际完成情况", self.achieved), *self.texts.items()):
            if cell is not None:
                yield label, cell
        for line in self.budget_lines:
            if line.reason is not None:
                yield "原因", line.reason
        for indicator in self.indicators:
            if isinstance(indicator, SelfIndicator):
                for label, cell in (("实际完成值", indicator.actual), ("偏差原因", indicator.reason)):
                    if cell is not None:
                        yield label, cell
