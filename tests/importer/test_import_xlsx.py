"""Workbooks as the budget system exports them: merged cells, all projects on one sheet or one per sheet."""

from __future__ import annotations

import re

import pytest

from lint.importer import TableImportError, import_table
from tests.importer.workbooks import (
    EXAMPLE_001,
    EXAMPLE_002,
    SEED_001,
    SEED_002,
    loaded,
    model,
    project_blocks,
    seed_rows,
    workbook,
)


def _import(data: bytes, name: str = "book.xlsx", sheet: str | None = None):
    result = import_table(data, name=name, sheet=sheet)
    assert result.notes == [] and result.skipped_rows == 0, result.notes
    return result


def _expected(example) -> list[dict]:
    return model(loaded(example.read_bytes()))


def test_generated_workbook_really_has_merged_cells():
    import io

    import openpyxl

    book = openpyxl.load_workbook(io.BytesIO(workbook([("Sheet1", seed_rows(SEED_001))])))
    ranges = {str(merged) for merged in book["Sheet1"].merged_cells.ranges}
    assert "B5:G5" in ranges  # 项目名称 value across the row
    assert "A16:A30" in ranges  # 绩效指标 down the table
    assert "B20:B26" not in ranges and "B20:B25" in ranges  # 产出指标 down to the shifted 时效指标
    assert "B30:B31" in ranges  # 满意度指标 over the row whose name sits in column A
    assert book["Sheet1"]["B21"].value is None  # blank under the merge, as Excel leaves it


@pytest.mark.parametrize("numbers", [False, True], ids=["text-cells", "number-cells"])
def test_all_projects_on_one_sheet(numbers):
    result = _import(workbook([("Sheet1", seed_rows(SEED_001))], numbers=numbers))
    assert model(loaded(result.text)) == _expected(EXAMPLE_001)
    assert "  # 来源: book.xlsx 工作表 Sheet1 第5–31行\n" in result.text


def test_one_project_per_sheet():
    blocks = project_blocks(seed_rows(SEED_001))
    assert len(blocks) == 17
    data = workbook([(f"项目{number}", rows) for number, rows in enumerate(blocks, start=1)])
    result = _import(data)
    assert model(loaded(result.text)) == _expected(EXAMPLE_001)
    sources = re.findall(r"^  # 来源: book\.xlsx 工作表 (\S+) 第(\d+)–(\d+)行$", result.text, flags=re.M)
    assert sources[0] == ("项目1", "4", "30") and sources[16][0] == "项目17"


def test_seed_002_workbook_with_approval_rows():
    result = _import(workbook([("批复表", seed_rows(SEED_002))], numbers=True))
    assert model(loaded(result.text)) == _expected(EXAMPLE_002)


def test_sheet_option_selects_one_sheet():
    blocks = project_blocks(seed_rows(SEED_001))
    data = workbook([("封面", [["东莞市妇女联合会 2025年项目绩效目标"]]), ("甲", blocks[0]), ("乙", blocks[1])])
    every = _import_with_cover(data)
    assert [project["name"][0] for project in model(loaded(every.text))[1:]] == ["购买社工岗位服务经费", "购买白玉兰家庭服务项目"]
    second = _import(data, sheet="乙")
    assert [project["name"][0] for project in model(loaded(second.text))[1:]] == ["购买白玉兰家庭服务项目"]
    assert model(loaded(second.text))[1] == _expected(EXAMPLE_001)[2]
    by_number = _import(data, sheet="3")
    assert by_number.text == second.text
    with pytest.raises(TableImportError, match="no sheet named “丙”.*封面, 甲, 乙"):
        import_table(data, name="book.xlsx", sheet="丙")


def _import_with_cover(data: bytes):
    """A cover sheet without a project is left out with an informational note, not a skipped row."""
    result = import_table(data, name="book.xlsx", lang="en")
    assert result.skipped_rows == 0
    assert result.notes == ["封面 row 1: no 项目名称 row on this sheet; sheet not imported"]
    return result


def test_a_value_merged_across_both_value_columns_counts_for_both():
    rows = seed_rows(SEED_001)[:32]
    # Row 22: 社区活动数(场次) | | 50场 | 50场 → one 50场 merged over the two value columns.
    rows[21] = ["", "", "", "社区活动数(场次)", "50场", "", ""]
    data = workbook([("Sheet1", rows)])
    import io

    import openpyxl

    book = openpyxl.load_workbook(io.BytesIO(data))
    book["Sheet1"].merge_cells("E22:F22")
    buffer = io.BytesIO()
    book.save(buffer)
    text = _import(buffer.getvalue()).text
    assert "{指标: 社区活动数(场次), 实施周期指标值: 50场, 年度指标值: 50场}" in text


def test_bad_rows_in_a_workbook_name_their_sheet():
    rows = seed_rows(SEED_001)[:32]
    rows[21] = ["", "", "", "社区活动数(场次)", "", "", "50场"]  # one value, off the header's columns: which?
    result = import_table(workbook([("表一", rows)]), name="book.xlsx", lang="en")
    assert result.skipped_rows == 1
    assert result.notes[0].startswith("表一 row 22: 三级指标 “社区活动数(场次)” has 1 value cells")


def _with_merges(data: bytes, *ranges: str) -> bytes:
    """The workbook with more merged ranges (their cells below/right of the first must be blank)."""
    import io

    import openpyxl

    book = openpyxl.load_workbook(io.BytesIO(data))
    for cells in ranges:
        book.worksheets[0].merge_cells(cells)
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


def test_a_name_merged_down_in_a_label_column_makes_no_new_indicator():
    # Row 457's 三级 name sits in the 二级 column; merging it over the 生态效益 row below must not
    # turn that row into a second 维权服务覆盖程度.
    data = _with_merges(workbook([("Sheet1", seed_rows(SEED_001))]), "C457:C458")
    assert model(loaded(_import(data).text)) == _expected(EXAMPLE_001)


def test_a_tall_row_merged_over_two_sheet_rows_is_one_indicator():
    rows = seed_rows(SEED_001)[:32]
    rows.insert(22, [""] * 7)  # 社区活动数(场次) (row 22) now spans sheet rows 22–23
    data = _with_merges(workbook([("Sheet1", rows)]), "D22:D23", "F22:F23", "G22:G23")
    assert model(loaded(_import(data).text))[1] == _expected(EXAMPLE_001)[1]
