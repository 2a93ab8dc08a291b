"""Import the forms users actually have: an .xlsx export or its pasted text → a target file.

``jxlint import`` calls :func:`import_table`. The form is recognised by its labels
(项目名称, 实施周期, 2025年预算金额(元), 总体绩效目标, 绩效指标 …), never by fixed columns,
because the budget system's exports shift cells. A row the importer cannot place is
reported as a note ("row 57: …") and left out; it never guesses a value. Department-level
tables (部门整体支出绩效目标表) are read by :mod:`lint.importer.department`.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from pathlib import PurePath

from lint.importer import department, emit
from lint.importer import vocabulary as words
from lint.importer.form import SheetReading, read_sheet
from lint.importer.grid import (
    NotAWorkbook,
    Sheet,
    TooLarge,
    is_workbook,
    text_sheet,
    workbook_sheets,
)
from lint.importer.model import Note, Project
from lint.loading.source import decode

__all__ = ["TableImportError", "ImportResult", "import_table"]

_OLD_EXCEL = b"\xd0\xcf\x11\xe0"  # the pre-2007 .xls (OLE2) signature


class TableImportError(Exception):
    """The input cannot be imported as a table (not a 绩效目标表 at all, or unreadable); the
    message says why (``str()`` in English, :meth:`text` in the language asked for)."""

    def __init__(self, message: str, zh: str) -> None:
        super().__init__(message)
        self.zh = zh

    def text(self, lang: str) -> str:
        return self.zh if lang == "zh" else str(self)


@dataclass(slots=True)
class ImportResult:
    text: str  # the target file (YAML)
    notes: list[str] = field(default_factory=list)  # "row 57: …" (第57行：…), without the source name
    skipped_rows: int = 0  # source rows (wholly or partly) not imported
    # The form names no budget year or no unit: the file needs them before it checks (exit 1).
    year_missing: bool = False
    unit_missing: bool = False


def import_table(data: bytes, *, name: str, sheet: str | None = None, lang: str = "zh") -> ImportResult:
    """Read a workbook or table text and write it as a target file; ``lang`` is the language
    of the notes returned (the file's own comments are Chinese, as the file is)."""
    shown = "标准输入" if name == "-" else PurePath(name).name
    sheets = _sheets(data, name, sheet)
    from lint.importer import self_assessment  # 项目支出绩效自评表: lint/importer/self_assessment.py

    if self_assessment.is_self_assessment(sheets):
        return self_assessment.import_sheets(sheets, shown=shown, name=name, lang=lang)
    if (found := department.import_department(sheets, shown=shown, lang=lang)) is not None:
        return ImportResult(**found)  # a 部门整体支出绩效目标表: lint/importer/department.py
    readings = [read_sheet(each) for each in sheets]
    notes = _sheet_notes(sheets, readings)
    projects = [project for reading in readings for project in reading.projects]
    if not any(project.has_indicator_table for project in projects):
        raise _not_a_form(name, projects, readings)
    notes += [note for reading in readings for note in reading.notes]
    unit, unit_note = _unit(projects, readings)
    year, year_note = _year(projects, readings)
    notes += [note for note in (unit_note, year_note) if note is not None]
    notes.sort(key=lambda note: (_sheet_index(sheets, note.sheet), note.row))
    text = emit.write_target(
        header=_header(shown, unit, year, projects, notes),
        unit=unit,
        year=year,
        projects=[(_source(shown, project), project) for project in projects],
    )
    return ImportResult(text, [note.render(lang) for note in notes], _skipped(notes), year_missing=year is None,
                        unit_missing=unit is None)


# -- input --------------------------------------------------------------------------------------


def _sheets(data: bytes, name: str, wanted: str | None) -> list[Sheet]:
    if not data.strip():
        raise TableImportError(f"{name}: the file is empty; expected a 项目支出绩效目标表 (.xlsx or tab-separated text)",
                           f"{name}：文件是空的；应当是项目支出绩效目标表（.xlsx 工作簿或以制表符分隔的文本）")
    if data.startswith(_OLD_EXCEL):
        raise TableImportError(f"{name}: an old-format .xls workbook; save it as .xlsx (Excel: 另存为 → .xlsx) and import that",
                           f"{name}：这是旧格式的 .xls 工作簿；请在 Excel 里“另存为” .xlsx 后再导入")
    if is_workbook(data, name):
        return _workbook(data, name, wanted)
    if wanted is not None:
        raise TableImportError(f"{name}: --sheet applies to .xlsx workbooks; this is table text",
                           f"{name}：--sheet 只用于 .xlsx 工作簿，这个文件是表格文本")
    decoded = decode(data)
    if decoded.text is None:
        if decoded.encoding == "binary":
            reason, reason_zh = "a binary file that is not an .xlsx workbook", "不是 .xlsx 工作簿的二进制文件"
        else:
            reason, reason_zh = "text in an encoding that is neither UTF-8 nor GB18030", "编码既不是 UTF-8 也不是 GB18030 的文本"
        raise TableImportError(f"{name}: {reason}; expected a 项目支出绩效目标表 (.xlsx or tab-separated text)",
                           f"{name}：{reason_zh}；应当是项目支出绩效目标表（.xlsx 工作簿或以制表符分隔的文本）")
    return [text_sheet(decoded.text.removeprefix("\ufeff"))]


def _workbook(data: bytes, name: str, wanted: str | None) -> list[Sheet]:
    try:
        sheets = workbook_sheets(data)
    except TooLarge as error:
        raise TableImportError(f"{name}: refused: {error}", f"{name}：拒绝导入：{error.zh}") from None
    except NotAWorkbook as error:
        raise TableImportError(f"{name}: not a readable .xlsx workbook ({error})",
                           f"{name}：读不了这个 .xlsx 工作簿（{error}）") from None
    if wanted is None:
        return sheets
    chosen = [each for each in sheets if each.name == wanted]
    if not chosen and wanted.isdigit() and 1 <= int(wanted) <= len(sheets):
        chosen = [sheets[int(wanted) - 1]]  # --sheet 2: the second sheet
    if not chosen:
        names = "、".join(each.name or "" for each in sheets)
        raise TableImportError(f"{name}: no sheet named “{wanted}” (the workbook has: {', '.join(each.name or '' for each in sheets)})",
                           f"{name}：没有名为“{wanted}”的工作表（工作簿里有：{names}）")
    return chosen


def _sheet_index(sheets: list[Sheet], name: str | None) -> int:
    return next((index for index, each in enumerate(sheets) if each.name == name), 0)


def _sheet_notes(sheets: list[Sheet], readings: list[SheetReading]) -> list[Note]:
    """A workbook sheet without any project (说明, 封面) is left out, and said so."""
    if len(sheets) == 1:
        return []
    notes = []
    for each, reading in zip(sheets, readings):
        if not reading.projects and any(not row.is_blank for row in each.rows):
            if reading.department_hint:
                why, why_zh = "looks like a 部门整体支出绩效目标表, which import does not read", "像是部门整体支出绩效目标表，import 不读这种表"
            else:
                why, why_zh = "no 项目名称 row on this sheet", "这个工作表没有“项目名称”行"
            notes.append(Note(1, f"{why}; sheet not imported", each.name, skipped=False, zh=f"{why_zh}；工作表未导入"))
            reading.notes.clear()
    return notes


def _not_a_form(name: str, projects: list[Project], readings: list[SheetReading]) -> TableImportError:
    if projects:
        return TableImportError(f"{name}: has 项目名称 rows but no 绩效指标 table (a header row with 一级指标/二级指标/三级指标 "
                            "and 实施周期指标值/年度指标值/指标值); not a 项目支出绩效目标表",
                            f"{name}：有“项目名称”行，但没有绩效指标表（表头有一级指标、二级指标、三级指标和"
                            "实施周期指标值、年度指标值或指标值）；不是项目支出绩效目标表")
    if any(reading.department_hint for reading in readings):
        return TableImportError(*department.refusal(name))  # no 部门名称 cell: lint/importer/department.py says why
    return TableImportError(f"{name}: not a 项目支出绩效目标表: no row starts with 项目名称 and no 绩效指标 table "
                        "(一级指标/二级指标/三级指标) was found",
                        f"{name}：不是项目支出绩效目标表：没有以“项目名称”开头的行，也没有绩效指标表（一级指标、二级指标、三级指标）")


# -- the file's head ------------------------------------------------------------------------------


def _unit(projects: list[Project], readings: list[SheetReading]) -> tuple[str | None, Note | None]:
    """单位: a 单位名称 line if the export has one, else the 主管部门 all projects share."""
    for reading in readings:
        if reading.units:
            return reading.units[0], None
    departments = {project.fields.get("主管部门") for project in projects} - {None, ""}
    if len(departments) == 1:
        return departments.pop(), None
    if departments:
        why, why_zh = "the projects name different 主管部门", "各项目的主管部门不同"
    else:
        why, why_zh = "no 主管部门 or 单位 row", "没有主管部门或单位行"
    return None, Note(projects[0].first_row, f"no 单位: {why}; fill it in (the line “# 单位:” at the top of the file)",
                      projects[0].sheet, skipped=False, zh=f"原表没有写单位（{why_zh}）；请在文件开头的“# 单位:”一行填写单位")


def _year(projects: list[Project], readings: list[SheetReading]) -> tuple[int | None, Note | None]:
    """年度: the budget year the projects name (2025年预算金额, 2025年度目标), else a title's year."""
    years = Counter(project.year for project in projects if project.year is not None)
    if years:
        return years.most_common(1)[0][0], None
    for reading in readings:
        if reading.years:
            return reading.years[0], None
    # Not a guess, and not 年度: null either (that reads as a wrong type): the file says what is
    # missing, and the import exits 1 like a row it could not read.
    return None, Note(projects[0].first_row, "no budget year (2025年预算金额, 2025年度目标) found; fill in 年度 "
                      "(the line “# 年度:” at the top of the file)", projects[0].sheet, skipped=False,
                      zh="原表没有写预算年度（如“2025年预算金额”“2025年度目标”）；请在文件开头的“# 年度:”一行填写年度")


def _header(shown: str, unit: str | None, year: int | None, projects: list[Project], notes: list[Note]) -> list[str]:
    title = next((project.title for project in projects if project.title), "项目绩效目标表")
    dated = f"{year}年{title}" if year and str(year) not in title else title
    what = " ".join(part for part in (unit, dated) if part)
    lines = [f"来源: {shown} — {what}（{len(projects)}个项目）",
             "由 jxlint import 生成：按原表逐格转录，未作更正；表中的问题正是 jxlint 要发现的。"]
    budget_headers = {(project.budget_label, project.amount_unit if project.budget_unit_from_sheet else None): None
                      for project in projects if project.budget_label}
    for label, sheet_unit in budget_headers:
        if unit_of := _budget_unit(label):
            lines.append(f"表头“{label}”：预算金额写作“…{unit_of}”。")
        elif sheet_unit:
            lines.append(f"表头“{label}”无单位，表上注“单位：{sheet_unit}”：预算金额写作“…{sheet_unit}”。")
        else:
            lines.append(f"表头“{label}”无单位：预算金额照原表写数字。")
    if any(project.measure_column for project in projects):
        lines.append("原表有“计量单位”列：单位已接在指标值后（≥24 + 场 → ≥24场）。")
    if any("当年度指标值" in project.value_columns for project in projects):
        lines.append("年度值列原表称“当年度指标值”，照原表作键名。")
    skipped = [note for note in notes if note.skipped]
    if skipped:
        lines.append(f"未能导入的行（{_skipped(notes)}行），请对照原表补录：")
        lines += [f"  {note.render('zh')}" for note in skipped]
    return lines


def _budget_unit(label: str) -> str | None:
    """元 or 万元 when the budget header names it ("2025年预算金额(元)", "项目资金（元） 年度资金总额")."""
    for part in (label, *label.split()):
        match = words.BUDGET.match(words.key(part)) or words.FUNDS.match(words.key(part))
        if match and match["unit"]:
            return match["unit"]
    return None


def _source(shown: str, project: Project) -> str:
    rows = f"第{project.first_row}–{project.last_row}行"
    return f"来源: {shown} {rows}" if project.sheet is None else f"来源: {shown} 工作表 {project.sheet} {rows}"


def _skipped(notes: list[Note]) -> int:
    rows: dict[tuple[str | None, int], int] = {}
    for note in notes:
        if note.skipped:
            rows[(note.sheet, note.row)] = max(rows.get((note.sheet, note.row), 0), note.rows)
    return sum(rows.values())
