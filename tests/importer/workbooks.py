"""Test helpers: seed tables as workbooks the way the budget system exports them, and models to compare.

The workbooks are built here, from the seeds' own rows (tab-split lines → cells), with the
merges the budget system's .xlsx exports have: the 项目名称 value merged across the row,
the 绩效指标 and 总体绩效目标 labels merged down their rows, and the 一级/二级 labels merged
down over the rows they cover — leaving blanks under the merges, as Excel does.
"""

from __future__ import annotations

import io
import re
from pathlib import Path

from lint.loading import labels, load_target
from tests.conftest import EXAMPLES, SEEDS

SEED_001 = SEEDS / "001_4e925c5c83cbca8d.txt"
SEED_002 = SEEDS / "002_e0f49a7bf4005135.txt"
EXAMPLE_001 = EXAMPLES / "001_dongguan_fulian_2025_projects.yaml"
EXAMPLE_002 = EXAMPLES / "002_wangniudun_fulian_2024_projects.yaml"

_AMOUNT = re.compile(r"^\d{1,3}(,\d{3})*\.\d\d$")


def seed_rows(path: Path) -> list[list[str]]:
    """The seed's lines as rows of cells, exactly as pasted (tabs between cells)."""
    return [line.split("\t") for line in path.read_text(encoding="utf-8").split("\n")]


def project_blocks(rows: list[list[str]]) -> list[list[list[str]]]:
    """Cut the seed into one block per project: its title rows, head, goals and table."""
    starts = [index for index, row in enumerate(rows) if row[0].strip() == "项目名称"]
    blocks = []
    for number, start in enumerate(starts):
        begin = start - 3 if start >= 3 else 0  # blank, title, blank
        end = starts[number + 1] - 3 if number + 1 < len(starts) else len(rows)
        blocks.append(rows[begin:end])
    return blocks


def workbook(sheets: list[tuple[str, list[list[str]]]], *, numbers: bool = False) -> bytes:
    """An .xlsx with one sheet per (title, rows), merged like the budget system's exports.

    ``numbers``: store years, counts and amounts as numbers (amounts formatted ``#,##0.00``),
    as a workbook typed in by hand would, instead of as text.
    """
    import openpyxl

    book = openpyxl.Workbook()
    book.remove(book.active)
    for title, rows in sheets:
        sheet = book.create_sheet(title)
        for row_number, row in enumerate(rows, start=1):
            for column, text in enumerate(row, start=1):
                if text.strip():
                    _write(sheet.cell(row_number, column), text, numbers)
        for cells in _merges(rows):
            sheet.merge_cells(**cells)
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


def _write(cell, text: str, numbers: bool) -> None:
    if numbers and text.isdigit():
        cell.value = int(text)
    elif numbers and _AMOUNT.match(text):
        cell.value = float(text.replace(",", ""))
        cell.number_format = "#,##0.00"
    else:
        cell.value = text


def _merges(rows: list[list[str]]) -> list[dict]:
    """The merged ranges (1-based, openpyxl's keywords) of each project block in ``rows``."""
    merges = []
    blank = lambda r, c: c >= len(rows[r]) or not rows[r][c].strip()  # noqa: E731
    width = max(len(row) for row in rows)
    for index, row in enumerate(rows):
        label = row[0].strip()
        if label == "项目名称":
            value = next(c for c in range(1, len(row)) if row[c].strip())
            last = value
            while last + 1 < width and blank(index, last + 1):
                last += 1
            if last > value:
                merges.append(dict(start_row=index + 1, start_column=value + 1, end_row=index + 1, end_column=last + 1))
        if label == "总体绩效目标":
            merges += _down(rows, index, 0, _table_header(rows, index) - 1, blank)
        if "三级指标" in [cell.strip() for cell in row]:
            end = _table_end(rows, index)
            merges += _down(rows, index, 0, end, blank)  # 绩效指标
            for header in ("一级指标", "二级指标"):
                column = [cell.strip() for cell in row].index(header)
                for start in range(index + 1, end + 1):
                    if not blank(start, column) and _is_level_label(rows[start][column]):
                        merges += _down(rows, start, column, end, blank)
    return merges


def _is_level_label(text: str) -> bool:
    """Only labels are merged down; a 三级 name shifted into a label column is a cell of its own."""
    return bool(labels.level1(text) or labels.level2(text))


def _down(rows, start: int, column: int, end: int, blank) -> list[dict]:
    """Merge the label at (start, column) down over the blank cells below it, up to row ``end``."""
    last = start
    while last + 1 <= end and blank(last + 1, column):
        last += 1
    return [dict(start_row=start + 1, start_column=column + 1, end_row=last + 1, end_column=column + 1)] if last > start else []


def _table_header(rows, start: int) -> int:
    return next(index for index in range(start, len(rows)) if "三级指标" in [cell.strip() for cell in rows[index]])


def _table_end(rows, header: int) -> int:
    """The table's last row: before the first blank row or the 批复意见 row."""
    end = header
    while end + 1 < len(rows) and any(cell.strip() for cell in rows[end + 1]) and "批复意见" not in rows[end + 1][0]:
        end += 1
    return end


# -- comparing what files say ------------------------------------------------------------------------


def loaded(text: str | bytes, path: str = "imported.yaml"):
    """Load a target file; it must load with no problem at all (schema, duplicate keys …)."""
    data = text.encode("utf-8") if isinstance(text, str) else text
    result = load_target(path, data)
    assert result.problems == [], [(hit.problem, hit.span, hit.params) for hit in result.problems]
    return result.target


def _cell(cell) -> tuple | None:
    return None if cell is None else (cell.text, cell.value)


def model(target) -> list[dict]:
    """What a target file says, project by project, without where it says it."""
    projects = []
    for table in target.projects:
        projects.append({
            "name": _cell(table.title),
            "fields": {key: _cell(cell) for key, cell in table.fields.items()},
            "period": (_cell(table.start_year), _cell(table.end_year)),
            "budget": _cell(table.budget_amount),
            "goals": (_cell(table.cycle_goal), _cell(table.annual_goal)),
            "levels": sorted((level1, level2, cell.text) for level1, level2, cell in table.level2_cells),
            "level1": sorted((level1, cell.text) for level1, cell in table.level1_cells.items()),
            "indicators": [
                (row.level1, row.level2, row.level1_cell.text, row.level2_cell.text, _cell(row.name),
                 tuple((column, _cell(cell)) for column, cell in row.values()))
                for row in table.indicators
            ],
        })
    return [{"unit": _cell(target.unit), "year": _cell(target.year)}, *projects]
