"""What the importer read off the form, before it is written out as a target file.

Everything here is text exactly as the form shows it (labels keep their spelling, values
their units and quirks); the only interpretation is *where* a cell belongs. Source row
numbers travel with every part so that the target file can say where it came from.
"""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(slots=True)
class Note:
    """A row the importer could not (fully) read: reported, never guessed. The target file
    is Chinese, so its comments use ``zh``; standard error uses the language asked for."""

    row: int
    message: str  # English
    sheet: str | None = None
    skipped: bool = True  # the row, or part of it, is not in the target file
    rows: int = 1  # how many source rows, from ``row`` on, the note leaves out
    zh: str = ""

    def render(self, lang: str = "en") -> str:
        if lang == "zh":
            where = f"第{self.row}行" if self.sheet is None else f"工作表 {self.sheet} 第{self.row}行"
            return f"{where}：{self.zh or self.message}"
        where = f"row {self.row}" if self.sheet is None else f"{self.sheet} row {self.row}"
        return f"{where}: {self.message}"


@dataclass(slots=True)
class SourceIndicator:
    """One 三级指标 as the source table has it: its values keyed by the form's own column labels."""

    name: str
    values: dict[str, str]
    row: int
    comments: list[str] = field(default_factory=list)


@dataclass(slots=True)
class Level2:
    """A 二级指标 group as the form spells it ("经济效益 指标"), with its rows (maybe none)."""

    label: str
    rows: list[SourceIndicator] = field(default_factory=list)
    comments: list[str] = field(default_factory=list)


@dataclass(slots=True)
class Level1:
    label: str
    groups: dict[str, Level2] = field(default_factory=dict)  # canonical 二级 → group
    comments: list[str] = field(default_factory=list)


@dataclass(slots=True)
class Project:
    """One 项目支出绩效目标表 block: from its 项目名称 row to its last row."""

    sheet: str | None
    first_row: int
    last_row: int = 0
    fields: dict[str, str] = field(default_factory=dict)  # 项目名称, 项目类型 … as written
    start_year: int | None = None
    end_year: int | None = None
    budget: str | int | None = None  # 预算金额, with 元/万元 from the header when it says so
    budget_label: str | None = None  # "2025年预算金额(元)", for the file's header comment
    amount_unit: str | None = None  # "单位：元" printed above the table, for a header that names no unit
    budget_unit_from_sheet: bool = False  # 预算金额 got its 元/万元 from that line, not from its own header
    year: int | None = None  # the budget year the form names (2025年预算金额, 2025年度目标)
    cycle_goal: str | None = None
    annual_goal: str | None = None
    goal_comments: list[str] = field(default_factory=list)
    value_columns: list[str] = field(default_factory=list)  # 实施周期指标值, 年度指标值 …
    measure_column: bool = False  # the table had a 计量单位 column, joined to the values
    tree: dict[str, Level1] = field(default_factory=dict)  # canonical 一级 → its groups
    has_indicator_table: bool = False
    approval: str | None = None  # 批复意见
    approval_office: str | None = None  # 批复机关
    remark: str | None = None  # 备注
    title: str | None = None  # the title row above the block ("项目绩效目标表")

    @property
    def name(self) -> str:
        return self.fields.get("项目名称", "")


def preview(texts: list[str], limit: int = 30) -> str:
    """Cells quoted for a note, cut at ``limit`` characters: “一级指标 | 指标解释”."""
    joined = " | ".join(texts).replace("\n", " ")
    return "“" + (joined if len(joined) <= limit else joined[:limit] + "…") + "”"
