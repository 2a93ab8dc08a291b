"""Self-assessment text whose cells run together, or come out of order (a document's text layer).

The corpus tables 01 (rows broken across lines), 05 (a sheet's text layer: cells between
spaces, values out of order) and 07 (a .docx text layer: no separators at all) are imported
and compared row by row with their hand conversions: every imported row is exactly the hand
conversion's row, the rest are refused and named, none differs. The variations show the same
on small texts: a row with a missing value, values after the next name, split value/unit
columns, amounts printed without breaks — refused where the text does not prove the reading.
"""

from __future__ import annotations

import pytest

from lint.importer import import_table
from lint.importer.self_assessment_text import place, split_run
from tests.importer.test_import_self_assessment import _hand, _imported, _model, _page
from tests.importer.workbooks import loaded

CENTRAL = "01-yongde-minglang-nutrition-2022"
SHEET_LAYER = "05-jishan-zhaidian-public-health-2021"
DOCX_LAYER = "07-xiangyang-central-hospital-dongjin-2021"


def _squeezed(text: str) -> str:
    return "".join(text.split())


# -- the corpus: how many rows import exactly, how many are refused, none differs -----------------


@pytest.mark.parametrize(("folder", "exact", "refused"), [(CENTRAL, 9, 0), (SHEET_LAYER, 18, 7), (DOCX_LAYER, 0, 6)])
def test_corpus_rows_import_exactly_or_are_refused(folder, exact, refused):
    result, model = _imported(folder)
    hand = _hand(folder)
    # Every imported row is the hand conversion's row, in its order: a row that differed would
    # be a name paired with values not its own.
    assert [row for row in model["rows"] if row not in hand["rows"]] == []
    assert model["rows"] == [row for row in hand["rows"] if row in model["rows"]]
    assert (len(model["rows"]), len(hand["rows"]) - len(model["rows"])) == (exact, refused)
    # Each refused row whose name the text holds is named in a note (07: in the run it stands in).
    notes = _squeezed(" ".join(result.notes))
    for row in hand["rows"]:
        name = _squeezed(row[3])
        if row not in model["rows"] and name in _squeezed(_page(folder).decode("utf-8")) and ":" in name:
            assert name[:12] in notes, name


def test_sheet_layer_keeps_the_rows_after_a_stretch_out_of_order():
    """05: the targets of 指标1–5 are printed first, then their results; 指标3/4 have lost
    their names. Those rows are refused; 指标6 on, each name followed by its own four cells,
    are read — the stretch before them holds 20 cells, five rows' worth."""
    result, model = _imported(SHEET_LAYER)
    names = [row[3] for row in model["rows"]]
    assert names[0].startswith("指标6:") and names[-1].startswith("指标23:")
    refused = " ".join(result.notes)
    for name in ("指标1:居民健康档案", "指标2:发放健康教育资料", "指标5:举办健康教育知识讲座", "指标24:", "指标25:家庭医生签约率"):
        assert name in refused
    # 数量指标 is not printed: the rows stand before 质量指标, so they are 数量指标 rows (said so).
    # The page is cut inside 质量指标's first row: the file says so, it does not write it empty.
    assert model["level2"] == [("产出指标", "数量指标")]
    assert "        # 质量指标：原表第4行的三级指标未能导入，请对照原表补录\n" in result.text
    # 数量指标 says, after its rows, that the names standing without their cells are missing.
    assert "        # 数量指标：原表第4行的6个三级指标未能导入，请对照原表补录\n" in result.text
    assert any("filed under 数量指标" in note for note in import_table(_page(SHEET_LAYER), name="s.txt",
                                                                      lang="en").notes)
    # The budget block is out of order too: every line is refused, none guessed.
    assert model["lines"] == []
    hand = _hand(SHEET_LAYER)
    for key in ("unit", "year", "fields"):
        assert model[key] == hand[key], key


def test_docx_layer_reads_head_and_budget_and_refuses_the_fused_rows():
    """07: the head fields and the budget line are cut out at their labels; "10001000100%20"
    reads one way only (1000 | 1000 | 100% | 20: 1000 ÷ 1000 = 100%, 20 × 100% = 20); the
    indicator runs ("成本控制不超过预算不超过预算10") cannot be split and are refused."""
    result, model = _imported(DOCX_LAYER)
    hand = _hand(DOCX_LAYER)
    for key in ("unit", "year", "fields", "budget", "lines"):
        assert model[key] == hand[key], key
    assert model["rows"] == []
    assert any("成本控制不超过预算不超过预算10" in note and "连在一起" in note for note in result.notes)


@pytest.mark.parametrize("folder", [SHEET_LAYER, DOCX_LAYER])
def test_crlf_and_gb18030_give_the_same_model(folder):
    text = _page(folder).decode("utf-8")
    plain = import_table(text.encode("utf-8"), name="page.txt")
    other = import_table(text.replace("\n", "\r\n").encode("gb18030"), name="page.txt")
    assert _model(loaded(other.text)) == _model(loaded(plain.text))
    assert other.notes == plain.notes


# -- variations: a sheet's text layer (cells between spaces) -------------------------------------

_HEAD = "2021年度项目支出绩效自评表 项目名称 示例项目 主管部门 示例局 实施单位 示例单位 一级指标 二级指标 三级指标 "
_AFTER = " 质量指标 指标9:丙 5次 5次 1 1"


def _rows(columns: str, rows: str) -> tuple[list[tuple], list[str]]:
    result = import_table((_HEAD + columns + " 产出指标 数量指标 " + rows + _AFTER).encode("utf-8"), name="t.txt",
                          lang="en")
    model = _model(loaded(result.text))
    # (name, then the cells given: 年度指标值 or the split 指标性质/指标值/度量单位, result, points, score)
    return [(row[3], *(cell for cell in (row[4], *row[6:]) if cell is not None)) for row in model["rows"]], result.notes


_COLUMNS = "年度指标值 实际完成值 分值 得分"


def test_rows_each_followed_by_their_cells_are_read():
    rows, notes = _rows(_COLUMNS, "指标1:甲 10人 9人 2 2 指标2:乙 不少于12 种 14种 1 1")
    assert rows == [("指标1:甲", "10人", "9人", "2", "2"), ("指标2:乙", "不少于12 种", "14种", "1", "1"),
                    ("指标9:丙", "5次", "5次", "1", "1")]
    assert notes == []


def test_a_row_with_a_missing_value_is_refused_and_so_is_the_row_after_it():
    """乙 has three cells for four columns: its missing cell may be among 丁's, so 丁 is not
    proven either; the next label starts afresh."""
    rows, notes = _rows(_COLUMNS, "指标1:甲 10人 9人 2 2 指标2:乙 20人 2 1.8 指标3:丁 30人 30人 2 2")
    assert [row[0] for row in rows] == ["指标1:甲", "指标9:丙"]
    assert any("指标2:乙" in note and "“20人”、“2”、“1.8”" in note for note in notes)
    assert any("指标3:丁" in note and "may be another row's" in note for note in notes)


def test_values_after_the_next_name_are_refused_not_paired():
    rows, notes = _rows(_COLUMNS, "指标1:甲 指标2:乙 10人 9人 2 2 20人 18人 2 1.8")
    assert [row[0] for row in rows] == ["指标9:丙"]
    assert any("指标1:甲" in note and "not followed by its cells" in note for note in notes)
    assert any("指标2:乙" in note for note in notes)


def test_a_name_among_its_neighbours_cells_is_refused_even_when_the_count_matches():
    """甲 stands with one cell, 乙 with seven: 乙's first four could be 甲's. Neither is read,
    although 乙 is followed by at least its four; 丁 after them is, the stretch holding two rows'
    worth of cells for its two names."""
    rows, _ = _rows(_COLUMNS, "指标1:甲 10人 指标2:乙 20人 9人 2 2 18人 2 1.8 指标3:丁 30人 30人 2 2")
    assert [row[0] for row in rows] == ["指标3:丁", "指标9:丙"]


def test_a_stretch_short_of_cells_keeps_the_next_row_refused():
    """Three names, eight cells: one of the names still waits for its cells, which may be the
    four after 戊 — so 戊 is refused."""
    rows, _ = _rows(_COLUMNS, "指标1:甲 10人 指标2:乙 指标3:丁 20人 9人 2 2 18人 2 1.8 指标4:戊 30人 30人 2 2")
    assert [row[0] for row in rows] == ["指标9:丙"]


def test_split_value_and_unit_columns_in_a_sheet_layer():
    rows, notes = _rows("年度指标值 指标性质 指标值 度量单位 实际完成值 分值 得分",
                        "指标1:甲 ≥ 95 % 98% 10 10 指标2:乙 100 % 100% 10 10")
    assert rows[:2] == [("指标1:甲", "≥", "95", "%", "98%", "10", "10"), ("指标2:乙", "100", "%", "100%", "10", "10")]
    assert notes == []


def test_header_cells_printed_line_by_line_are_joined():
    """A sheet layer prints two-line header cells a line at a time: 年度 实际 指标值 完成值."""
    rows, _ = _rows("年度 实际 指标值 完成值 分值 得分", "指标1:甲 10人 9人 2 2")
    assert rows[0] == ("指标1:甲", "10人", "9人", "2", "2")
    assert [piece.key for piece in split_run("年度 实际 指标值 完成值") if piece.label] == ["年度指标值", "实际完成值"]


# -- variations: a .docx text layer (no separators) -------------------------------------------------

_COUNTY = ("2021年度财政项目绩效自评表项目名称示例项目主管部门示例局项目实施单位示例医院预算执行情况(万元)(20分)预算数(A)"
           "执行数(B)执行率(B/A)得分(20分*执行率)年度财政资金总额{amounts}年度绩效目标(80分)一级指标二级指标三级指标"
           "年初目标值(A)实际完成值(B)得分产出指标数量指标新建病房100间100间10")


def _county(amounts: str):
    result = import_table(_COUNTY.format(amounts=amounts).encode("utf-8"), name="t.txt", lang="en")
    return _model(loaded(result.text)), result.notes


def test_amounts_without_breaks_are_read_when_one_reading_divides():
    model, notes = _county("50045090%18")
    assert model["fields"]["主管部门"] == "示例局" and model["fields"]["实施单位"] == "示例医院"
    assert model["budget"] == ("预算执行情况", "20", "万元")
    assert model["lines"] == [("年度财政资金总额", None, "500", "450", "90%", None, "18", None)]
    assert model["rows"] == [] and any("新建病房100间100间10" in note for note in notes)


def test_amounts_that_divide_no_way_are_refused():
    model, notes = _county("500450100%20")
    assert model["lines"] == []
    assert any("年度财政资金总额" in note and "500450100%20" in note for note in notes)


def test_place_takes_only_the_one_reading():
    columns = ["年初预算数", "全年预算数", "全年执行数", "分值", "执行率", "得分"]
    assert place(columns, [(text, False) for text in ("387664.62", "387664.62", "10", "100%", "10")], budget=True) == {
        "年初预算数": "", "全年预算数": "387664.62", "全年执行数": "387664.62", "分值": "10", "执行率": "100%", "得分": "10"}
    assert place(columns, [("—", False), ("—", False)], budget=True) is None  # which two columns? any
    split = ["指标性质", "指标值", "度量单位", "实际完成值", "分值", "得分"]
    assert place(split, [(text, False) for text in ("有效", "有效", "10", "10")], budget=False) == {
        "指标值": "有效", "实际完成值": "有效", "分值": "10", "得分": "10"}
    assert place(split, [(text, False) for text in ("≥", "95", "%", "10", "10")], budget=False) is None  # no result


# -- variations: '|' rows broken across lines ------------------------------------------------------

_BROKEN = ("2022年度项目支出绩效自评表\n| 项目名称 | 示例项目 | 实施单位 | 示例单位 |\n"
           "| 绩效指标 | 年度指标值 | 实际完成值 | 分值 | 得分 |\n| 一级指标 | 二级指标 | 三级指标 |\n"
           "| 效益指标 | 经济效益指标 | 甲 |\n{lines}\n| 社会效益指标 | 丙 | 有效 | 有效 | 5 | 5 |\n")


def test_a_row_whose_cells_stand_on_the_lines_below_is_read():
    result = import_table(_BROKEN.format(lines="| 有效 |\r\n| 有效 | 10 | 10 |").encode("gb18030"), name="t.txt")
    rows = _model(loaded(result.text))["rows"]
    assert [(row[3], row[4], row[-4], row[-3], row[-2]) for row in rows] == [
        ("甲", "有效", "有效", "10", "10"), ("丙", "有效", "有效", "5", "5")]
    assert result.notes == []


def test_lines_below_that_read_as_a_row_of_their_own_are_not_given_to_the_name_above():
    result = import_table(_BROKEN.format(lines="| 乙 | 有效 | 有效 | 10 | 10 |").encode("utf-8"), name="t.txt",
                          lang="en")
    assert [row[3] for row in _model(loaded(result.text))["rows"]] == ["丙"]
    assert any(note.startswith("row 5: ") and "“甲”" in note for note in result.notes)
    assert any(note.startswith("row 6: ") and "“乙”" in note for note in result.notes)


def test_a_label_inside_a_name_does_not_cut_it():
    """Between spaces, 项目资金 inside "指标1:项目资金到位率" is a word of the name, not the
    budget block; a 三级 name that spells a level label ("满意度") is read as the name it is."""
    rows, notes = _rows(_COLUMNS, "指标1:项目资金到位率 100% 100% 2 2 满意度 95% 98% 2 2")
    assert [row[0] for row in rows] == ["指标1:项目资金到位率", "满意度", "指标9:丙"]
    assert notes == []


def test_a_block_label_inside_a_docx_head_value_is_part_of_it():
    text = _COUNTY.replace("项目名称示例项目", "项目名称示例项目资金补助").format(amounts="50045090%18")
    result = import_table(text.encode("utf-8"), name="t.txt")
    assert _model(loaded(result.text))["title"] == "示例项目资金补助"


def test_hostile_running_text_is_refused_not_crawled():
    """Amounts run together past any real line, and thousands of header fragments: refused or
    left as words, without trying every reading (a rate-less run has none worth trying)."""
    model, notes = _county("1" * 5000 + "%20")
    assert model["lines"] == [] and any("年度财政资金总额" in note for note in notes)
    model, _ = _county("100090020")  # no rate: any split would be a guess
    assert model["lines"] == []
    rows, notes = _rows("年度 " * 2000 + "指标值 " * 2000 + _COLUMNS, "指标1:甲 10人 9人 2 2")
    # 指标值 beside 年度指标值 makes five columns for four cells: the row is reported, not stretched.
    assert rows == [] and any("指标1:甲" in note for note in notes) and any("指标9:丙" in note for note in notes)
