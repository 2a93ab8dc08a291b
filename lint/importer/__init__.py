"""Import the forms users actually have: an .xlsx export or its pasted text → a target file.

``jxlint import`` calls :func:`import_table`. The form is recognised by its labels
(项目名称, 实施周期, 2025年预算金额(元), 总体绩效目标, 绩效指标 …), never by fixed columns,
because the budget system's exports shift cells. A row the importer cannot place is
reported as a note ("row 57: …") and left out; it never guesses a value. Department-level
tables (部门整体支出绩效目标表) are not read: they are rejected with a message saying so.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from pathlib import PurePath

from lint.importer import emit
from lint.importer import vocabulary as words
from lint.importer.form import SheetReading, read_sheet
from lint.importer.grid import (
    NotAWorkbook,
    Sheet,
    is_workbook,
    text_sheet,
    workbook_sheets,
)
from lint.importer.model import Note, Project
from lint.loading.source import decode

__all__ = ["ImportError_", "ImportResult", "import_table"]

_OLD_EXCEL = b"\xd0\xcf\x11\xe0"  # the pre-2007 .xls (OLE2) signature


class ImportError_(Exception):
    """The input is not a 项目支出绩效目标表 at all; the message says why."""


@dataclass(slots=True)
class ImportResult:
    text: str  # the target file (YAML)
    notes: list[str] = field(default_factory=list)  # "row 57: …", without the source name
    skipped_rows: int = 0  # source rows (wholly or partly) not imported


def import_table(data: bytes, *, name: str, sheet: str | None = None) -> ImportResult:
    """Read a workbook or table text and write it as a target file."""
    shown = "标准输入" if name == "-" else PurePath(name).name
    sheets = _sheets(data, name, sheet)
    readings = [read_sheet(each) for each in sheets]
    notes = _sheet_notes(sheets, readings)
    projects = [project for reading in readings for project in reading.projects]
    if not any(project.has_indicator_table for project in projects):
        raise ImportError_(_not_a_form(name, projects, readings))
    notes += [note for reading in readings for note in reading.notes]
    unit, unit_note = _unit(projects, readings)
    year, year_note = _year(projects, readings)
    notes += [note for note in (unit_note, year_note) if note is not None]
    notes.sort(key=lambda note: (_sheet_index(sheets, note.sheet), note.row))
    text = emit.write_target(
        header=_header(shown, unit, year, projects, notes),
        unit=unit,
        year=year,
        year_comment="原表未写预算年度，请填写" if year is None else None,
        projects=[(_source(shown, project), project) for project in projects],
    )
    return ImportResult(text, [note.render() for note in notes], _skipped(notes))


# -- input --------------------------------------------------------------------------------------


def _sheets(data: bytes, name: str, wanted: str | None) -> list[Sheet]:
    if not data.strip():
        raise ImportError_(f"{name}: the file is empty; expected a 项目支出绩效目标表 (.xlsx or tab-separated text)")
    if data.startswith(_OLD_EXCEL):
        raise ImportError_(f"{name}: an old-format .xls workbook; save it as .xlsx (Excel: 另存为 → .xlsx) and import that")
    if is_workbook(data, name):
        return _workbook(data, name, wanted)
    if wanted is not None:
        raise ImportError_(f"{name}: --sheet applies to .xlsx workbooks; this is table text")
    decoded = decode(data)
    if decoded.text is None:
        reason = ("a binary file that is not an .xlsx workbook" if decoded.encoding == "binary"
                  else "text in an encoding that is neither UTF-8 nor GB18030")
        raise ImportError_(f"{name}: {reason}; expected a 项目支出绩效目标表 (.xlsx or tab-separated text)")
    return [text_sheet(decoded.text.removeprefix("\ufeff"))]


def _workbook(data: bytes, name: str, wanted: str | None) -> list[Sheet]:
    try:
        sheets = workbook_sheets(data)
    except NotAWorkbook as error:
        raise ImportError_(f"{name}: not a readable .xlsx workbook ({error})") from None
    if wanted is None:
        return sheets
    chosen = [each for each in sheets if each.name == wanted]
    if not chosen and wanted.isdigit() and 1 <= int(wanted) <= len(sheets):
        chosen = [sheets[int(wanted) - 1]]  # --sheet 2: the second sheet
    if not chosen:
        names = "、".join(each.name or "" for each in sheets)
        raise ImportError_(f"{name}: no sheet named “{wanted}” (the workbook has: {names})")
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
            why = ("looks like a 部门整体支出绩效目标表, which import does not read" if reading.department_hint
                   else "no 项目名称 row on this sheet")
            notes.append(Note(1, f"{why}; sheet not imported", each.name, skipped=False))
            reading.notes.clear()
    return notes


def _not_a_form(name: str, projects: list[Project], readings: list[SheetReading]) -> str:
    if projects:
        return (f"{name}: has 项目名称 rows but no 绩效指标 table (a header row with 一级指标/二级指标/三级指标 "
                "and 实施周期指标值/年度指标值/指标值); not a 项目支出绩效目标表")
    if any(reading.department_hint for reading in readings):
        return (f"{name}: looks like a 部门整体支出绩效目标表; jxlint import reads 项目支出绩效目标表 only — "
                "write the 部门整体 part of the target file by hand (see examples/000_*.yaml)")
    return (f"{name}: not a 项目支出绩效目标表: no row starts with 项目名称 and no 绩效指标 table "
            "(一级指标/二级指标/三级指标) was found")


# -- the file's head ------------------------------------------------------------------------------


def _unit(projects: list[Project], readings: list[SheetReading]) -> tuple[str | None, Note | None]:
    """单位: a 单位名称 line if the export has one, else the 主管部门 all projects share."""
    for reading in readings:
        if reading.units:
            return reading.units[0], None
    departments = {project.fields.get("主管部门") for project in projects} - {None, ""}
    if len(departments) == 1:
        return departments.pop(), None
    why = "the projects name different 主管部门" if departments else "no 主管部门 or 单位 row"
    return None, Note(projects[0].first_row, f"单位 left empty: {why}; fill it in", projects[0].sheet, skipped=False)


def _year(projects: list[Project], readings: list[SheetReading]) -> tuple[int | None, Note | None]:
    """年度: the budget year the projects name (2025年预算金额, 2025年度目标), else a title's year."""
    years = Counter(project.year for project in projects if project.year is not None)
    if years:
        return years.most_common(1)[0][0], None
    for reading in readings:
        if reading.years:
            return reading.years[0], None
    return None, Note(projects[0].first_row, "no budget year (2025年预算金额, 2025年度目标) found; 年度 left empty",
                      projects[0].sheet, skipped=False)


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
        lines += [f"  {note.render()}" for note in skipped]
    return lines


def _budget_unit(label: str) -> str | None:
    """元 or 万元 when the budget header names it ("2025年预算金额(元)")."""
    match = words.BUDGET.match(words.key(label))
    return match["unit"] if match else None


def _source(shown: str, project: Project) -> str:
    rows = f"第{project.first_row}–{project.last_row}行"
    return f"来源: {shown} {rows}" if project.sheet is None else f"来源: {shown} 工作表 {project.sheet} {rows}"


def _skipped(notes: list[Note]) -> int:
    rows: dict[tuple[str | None, int], int] = {}
    for note in notes:
        if note.skipped:
            rows[(note.sheet, note.row)] = max(rows.get((note.sheet, note.row), 0), note.rows)
    return sum(rows.values())
