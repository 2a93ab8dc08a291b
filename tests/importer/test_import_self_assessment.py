"""Importing 项目支出绩效自评表 (the three layouts of the corpus) gives the hand conversions' model.

Each corpus table is imported from its page text (the folder's source.txt, with its two
metadata lines blanked so row numbers stay the page's) and compared, model to model, with
the hand conversion (table.yaml). Where the page text breaks rows or runs cells together,
the importer must refuse those rows, name them, and import the rest.
"""

from __future__ import annotations

import io
from pathlib import Path

from lint.importer import import_table
from tests.importer.workbooks import loaded

CORPUS = Path(__file__).resolve().parents[1] / "data" / "corpus" / "self-assessment"


def _page(folder: str) -> bytes:
    """source.txt without its '# SOURCE'/'# TITLE' lines (the corpus's, not the page's)."""
    lines = (CORPUS / folder / "source.txt").read_text(encoding="utf-8").split("\n")
    return "\n".join("" if line.startswith("# ") else line for line in lines).encode("utf-8")


def _c(cell) -> str | None:
    return None if cell is None else cell.text


def _line(line) -> tuple:
    return (line.label.text, *(_c(getattr(line, name)) for name in
                               ("initial", "budget", "spent", "rate", "weight", "score", "reason")))


def _row(row) -> tuple:
    return (row.level1, row.level2, row.level2_cell.text, _c(row.name), _c(row.annual_value), _c(row.target_value),
            *(_c(getattr(row, name)) for name in ("direction", "figure", "measure_unit", "actual", "weight", "score",
                                                   "reason")))


def _model(target) -> dict:
    (table,) = target.self_assessments
    return {
        "unit": _c(target.unit), "year": _c(target.year), "title": _c(table.title),
        "fields": {key: _c(cell) for key, cell in table.fields.items()},
        "budget": (_c(table.budget_cell), _c(table.budget_weight), _c(table.money_unit)),
        "lines": [_line(line) for line in table.budget_lines],
        "goals": (_c(table.goal), _c(table.achieved)),
        "total": (_c(table.total_weight), _c(table.total_score), _c(table.grade)),
        "texts": {key: _c(cell) for key, cell in table.texts.items()},
        "level2": sorted((level1, level2) for level1, level2, _ in table.level2_cells),
        "rows": [_row(row) for row in table.indicators],
    }


def _imported(folder: str):
    result = import_table(_page(folder), name="source.txt")
    return result, _model(loaded(result.text))


def _hand(folder: str) -> dict:
    return _model(loaded((CORPUS / folder / "table.yaml").read_bytes()))


def _noted_rows(result) -> set[int]:
    return {int(note.split("：", 1)[0].removeprefix("第").removesuffix("行")) for note in result.notes}


# -- the Sichuan form (预算执行情况 10分 / 绩效指标 90分, 权重), one cell a line ------------------------


def test_sichuan_form_imports_cell_for_cell():
    result, model = _imported("03-qingshen-fagai-wages-2023")
    assert result.notes == [] and result.skipped_rows == 0
    assert model == _hand("03-qingshen-fagai-wages-2023")


def test_rows_carry_their_source_row_in_a_comment():
    result, _ = _imported("03-qingshen-fagai-wages-2023")
    line = next(line for line in result.text.splitlines() if "发放(缴纳)覆盖率" in line)
    assert line.endswith("# 原表第82行")
    assert "  # 来源: source.txt 第3–111行\n" in result.text


# -- the central 公开 form (10 + 90), "| a | b |" lines -------------------------------------------


def test_central_form_imports_what_its_rows_say_and_reports_the_rest():
    folder = "09-lijiang-gucheng-satellite-enforcement-2020"
    result, model = _imported(folder)
    hand = _hand(folder)
    # 其中:当年财政拨款 prints 4 amounts for 6 columns, 满意度 stops after its 分值 (the page is cut):
    # which cell is which cannot be told, so both rows are reported, not guessed.
    assert {15, 30} <= _noted_rows(result)
    assert [line for line in hand["lines"] if line[0] != "其中:当年财政拨款"] == model["lines"]
    assert [row for row in hand["rows"] if row[3] != "滿意度"] == model["rows"]
    for key in ("unit", "year", "title", "fields", "budget", "goals"):
        assert model[key] == hand[key], key
    # The group whose only row is refused is not written as an empty one: a comment stands there.
    assert model["level2"] == [pair for pair in hand["level2"] if pair != ("满意度指标", "服务对象满意度指标")]
    assert "      # 满意度指标/服务对象满意度指标：原表第30行的三级指标未能导入，请对照原表补录\n" in result.text
    assert "#   第30行：“滿意度”有5个值" in result.text  # the file says what is missing, and where


def test_central_form_with_broken_rows_refuses_them_and_keeps_the_rest():
    folder = "01-yongde-minglang-nutrition-2022"
    result, model = _imported(folder)
    hand = _hand(folder)
    # The page's text layer puts each budget line's amounts on the lines after its label, and the
    # 经济效益 row's values on two lines of their own. 年度资金总额 prints 5 amounts for 6 columns:
    # only 年初预算数 blank makes 执行率 = 全年执行数 ÷ 全年预算数, so that is the reading; the other
    # three lines' dashes fit several columns and are refused, by row.
    assert _noted_rows(result) == {10, 12, 16, 17}
    assert model["lines"] == hand["lines"][:1]
    assert model["rows"] == hand["rows"]
    for key in ("unit", "year", "title", "fields", "goals", "total", "texts", "level2", "budget"):
        assert model[key] == hand[key], key
    assert "# 其中:当年财政拨款：原表第10行的值未能导入，请对照原表补录" in result.text


def test_split_value_columns_stand_where_the_spanning_header_stands():
    result, _ = _imported("01-yongde-minglang-nutrition-2022")
    assert ('{指标: "学生受资助人数", 指标性质: "≧", 指标值: "735", 度量单位: "人次", 实际完成值: "735", '
            '分值: "10", 得分: "10"}') in result.text


# -- rows broken across lines ---------------------------------------------------------------------


def test_a_name_never_takes_the_next_rows_values():
    """Names and values out of order (a text layer): the name without values and the lines
    after it, which may be its values or other rows, are refused; the next label starts afresh."""
    text = ("2021年度项目支出绩效自评表\n项目名称\t示例项目\n实施单位\t示例单位\n"
            "一级指标\t二级指标\t三级指标\t年度指标值\t实际完成值\t分值\t得分\n"
            "产出指标\t数量指标\t指标1:甲\n指标2:乙\t10人\t9人\t2\t2\n20人\t18人\t2\t1.8\n"
            "\t质量指标\t指标3:丙\t5次\t5次\t1\t1\n")
    result = import_table(text.encode("utf-8"), name="t.txt", lang="en")
    model = _model(loaded(result.text))
    assert [row[3:6] + row[-4:] for row in model["rows"]] == [("指标3:丙", "5次", None, "5次", "1", "1", None)]
    assert any(note.startswith("row 5: ") and "指标1:甲" in note for note in result.notes)
    assert {5, 6, 7} == {int(note.split(":")[0].removeprefix("row ")) for note in result.notes}
    assert result.skipped_rows == 3


# -- xlsx: the county 20 + 80 form, with merged labels --------------------------------------------


def _county_workbook() -> bytes:
    import openpyxl

    rows = [
        ["2021年度财政项目绩效自评表"],
        ["单位名称:襄阳市中心医院", "", "", "填报日期", "2022年3月18日"],
        ["项目名称", "东津院区建设补助"],
        ["主管部门", "襄阳市卫生健康委", "", "项目实施单位", "襄阳市中心医院"],
        ["预算执行情况 (万元) (20 分)", "", "预算数(A)", "执行数(B)", "执行率(B/A)", "得分(20分*执行率)"],
        ["", "年度财政资金总额", "1000", "1000", "100%", "20"],
        ["年度绩效目标(80分)", "一级指标", "二级指标", "三级指标", "年初目标值 (A)", "实际完成值 (B)", "得分"],
        ["", "产出 指标", "数量指标", "成本控制", "不超过预算", "不超过预算", "10"],
        ["", "", "质量指标", "保证财政建设补助专款专用", "专款专用", "专款专用", "10"],
        ["", "效益 指标", "经济效益", "完成东津院区建设,医院东津医疗收入达到5亿元", "5亿元", "6.47亿元", "10"],
        ["", "", "可持续影响指标", "院区建成后,可持续为周边群众提供医疗服务", "服务范围扩大", "服务范"],
    ]
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = "自评表"
    for number, row in enumerate(rows, start=1):
        for column, text in enumerate(row, start=1):
            if text:
                sheet.cell(number, column, text)
    sheet.merge_cells("A5:B5")
    sheet.merge_cells("B8:B9")  # 产出 指标 over its two rows
    sheet.merge_cells("B10:B11")
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


def test_county_form_from_xlsx():
    result = import_table(_county_workbook(), name="自评.xlsx")
    model = _model(loaded(result.text))
    hand = _hand("07-xiangyang-central-hospital-dongjin-2021")
    # The workbook holds the hand conversion's cells up to the cut (its 数量/质量/经济效益/可持续 rows).
    assert result.skipped_rows == 0, result.notes
    assert model["lines"] == hand["lines"]
    assert model["budget"] == hand["budget"]
    assert model["unit"] == hand["unit"] and model["year"] == hand["year"]
    wanted = [row for row in hand["rows"] if row[1] in ("数量指标", "质量指标", "经济效益指标", "可持续影响指标")]
    # A workbook's blank 得分 cell is a blank cell (""); the page text, cut before it, has none (no key).
    assert model["rows"][:-1] == wanted[:-1]
    assert model["rows"][-1] == (*wanted[-1][:-2], "", None)
    assert "工作表 自评表" in result.text


def test_notes_speak_the_language_asked_for():
    zh = import_table(_page("09-lijiang-gucheng-satellite-enforcement-2020"), name="source.txt", lang="zh")
    en = import_table(_page("09-lijiang-gucheng-satellite-enforcement-2020"), name="source.txt", lang="en")
    assert any(note.startswith("第30行：") for note in zh.notes)
    assert any(note.startswith("row 30: ") and "value cells" in note for note in en.notes)
    assert zh.text == en.text  # the file itself is Chinese


def test_project_tables_still_import_as_projects():
    from tests.importer.workbooks import SEED_002

    assert "项目:" in import_table(SEED_002.read_bytes(), name="seed.txt").text


def test_import_is_stable():
    data = _page("01-yongde-minglang-nutrition-2022")
    assert import_table(data, name="a.txt").text == import_table(data, name="a.txt").text




def test_cli_import_then_check_a_self_assessment(tmp_path):
    import json

    from tests.cli_helpers import jxlint

    source = tmp_path / "自评.txt"
    source.write_bytes(_page("03-qingshen-fagai-wages-2023"))
    out = tmp_path / "out.yaml"
    imported = jxlint("import", str(source), "-o", str(out))
    assert imported.exit_code == 0, imported.output
    checked = jxlint("check", str(out), "--format", "json")
    hand = jxlint("check", str(CORPUS / "03-qingshen-fagai-wages-2023" / "table.yaml"), "--format", "json")
    found = lambda result: sorted((f["rule"], f.get("indicator") or "") for f in json.loads(result.stdout))  # noqa: E731
    assert found(checked) == found(hand) and found(hand)


def test_cli_reports_refused_rows_in_english(tmp_path):
    from tests.cli_helpers import jxlint

    source = tmp_path / "page.txt"
    source.write_bytes(_page("09-lijiang-gucheng-satellite-enforcement-2020"))
    result = jxlint("import", str(source), "-o", str(tmp_path / "out.yaml"), "--lang", "en")
    assert "row 30: " in result.stderr
    assert (tmp_path / "out.yaml").exists()


# -- xlsx: the central 公开 form, two header rows (年度指标值 over 指标性质 | 指标值 | 度量单位) ---------


def _central_workbook() -> bytes:
    import openpyxl

    goal = "确保每一个学生都能享受到国家政策福利,改善学生体质"
    rows = [
        ["2022年度项目支出绩效自评表"],
        ["公开14表"],
        ["项目名称", "义务教育营养改善计划专项资金"],
        ["主管部门", "永德县教育体育局", "", "实施单位", "永德县明朗中学"],
        ["项目资金 (元)", "", "年初预算数", "全年预算数", "全年执行数", "分值", "执行率", "得分"],
        ["", "年度资金总额", "", "387664.62", "387664.62", "10", "100%", "10"],
        ["", "其中:当年财政 拨款", "", "387664.62", "387664.62", "", "—"],
        ["", "上年结转 资金", "—", "—", "—", "", "—"],
        ["", "其他资金", "—", "—", "—", "", "—"],
        ["年度 总体 目标", "预期目标", "", "", "实际完成情况"],
        ["", goal, "", "", goal],
        ["绩效指标", "", "", "年度指标值", "", "", "实际完成值", "分值", "得分", "偏差原因分析及改进措施"],
        ["一级指标", "二级指标", "三级指标", "指标性质", "指标值", "度量单位"],
        ["产出指标", "数量指标", "学生受资助人数", "≧", "735", "人次", "735", "10", "10"],
        ["", "质量指标", "营养改善计划覆盖率", "≧", "100", "%", "100%", "10", "10"],
        ["", "时效指标", "资金到位及时率", "≧", "100", "%", "100%", "10", "7"],
        ["", "成本指标", "生均补助标准达标率", "═", "100", "%", "100%", "10", "10"],
        ["效益指标", "经济效益 指标", "减轻贫困学生家庭经济负担", "", "有效", "", "有效", "10", "10"],
        ["", "社会效益 指标", "政策知晓率", "═", "100", "%", "98%", "10", "9"],
        ["", "生态效益 指标"],
        ["", "可持续影响 指标", "促进学校教育事业健康发展", "≧", "100", "%", "100%", "10", "10"],
        ["满意度指标", "服务对象满意度指标等", "学生满意度", "≧", "95", "%", "100%", "10", "10"],
        ["", "", "家长满意度", "≧", "95", "%", "100%", "10", "10"],
        ["其他需要说明事项", "无", "", "", "", "", "总分", "100", "96", "优"],
    ]
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = "公开14表"
    for number, row in enumerate(rows, start=1):
        for column, text in enumerate(row, start=1):
            if text:
                sheet.cell(number, column, text)
    for merged in ("A5:B5", "A6:A9", "A10:A11", "B10:D10", "B11:D11", "E10:F10", "E11:F11", "D12:F12",
                   "A14:A17", "A18:A21", "A22:A23", "B22:B23"):
        sheet.merge_cells(merged)
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


def _blank_is_absent(model: dict) -> dict:
    """A workbook's blank cell and a cell the page text lost (no key) say the same: nothing."""
    def clean(row: tuple) -> tuple:
        return tuple(None if cell == "" else cell for cell in row)
    return {**model, "lines": [clean(line) for line in model["lines"]], "rows": [clean(row) for row in model["rows"]]}


def test_central_form_from_xlsx_gives_the_hand_conversion():
    result = import_table(_central_workbook(), name="自评.xlsx")
    assert result.skipped_rows == 0, result.notes
    model = _model(loaded(result.text))
    hand = _hand("01-yongde-minglang-nutrition-2022")
    assert _blank_is_absent(model) == _blank_is_absent(hand)


def test_prose_mentioning_a_self_assessment_does_not_make_a_project_table_one():
    from tests.importer.workbooks import SEED_002

    data = SEED_002.read_bytes().replace("绩效自评".encode(), ("作为" + "自评表" * 30 + "的依据").encode())
    assert "自评表" * 30 in data.decode("utf-8")
    assert "\n项目:\n" in import_table(data, name="seed.txt").text
