"""`jxlint import` reads 部门整体支出绩效目标表 from the text layer of a PDF (seed 000) or a web page
(corpus department/03): lines with no cell boundaries (lint/importer/department_text.py)."""

from __future__ import annotations

import json

import pytest
import yaml

from lint.engine import Linter
from lint.importer import TableImportError, import_table
from lint.importer.department_text import Line, Widths, join_wrapped, split_cells, width
from tests.cli_helpers import jxlint
from tests.conftest import SEEDS
from tests.importer.test_import_department import EXAMPLE_000, SEED_000, _stripped, department_model
from tests.importer.workbooks import loaded

CORPUS_03 = SEEDS.parent / "corpus" / "department" / "03-ningde-difangzhi-2019"
SOURCE_03 = CORPUS_03 / "source.txt"


def _text(path) -> str:
    return path.read_text(encoding="utf-8")


def _import(text: str, **options):
    return import_table(text.encode("utf-8"), name="page.txt", **options)


def _example_000() -> dict:
    """The hand conversion of seed 000; the importer trims blanks around every cell (the PDF text
    kept one before a 期望达到的目标, which the hand conversion copied)."""
    return _stripped(yaml.safe_load(_text(EXAMPLE_000)))


def _model(data: dict) -> dict:
    return department_model(loaded(yaml.safe_dump(data, allow_unicode=True, sort_keys=False)))


def _table_03() -> dict:
    """The hand conversion of corpus 03 in the importer's convention for amounts: the unit its
    label names ("年度预算安排(万元)", "预算金额(万元)") is written after each amount, as in
    examples/000 and the corpus/01 test, where the hand conversion wrote 金额单位 once."""
    data = yaml.safe_load(_text(CORPUS_03 / "table.yaml"))
    table = data["部门整体"]
    unit = table.pop("金额单位")
    table["支出"] = {label: amount + unit for label, amount in table["支出"].items()}
    table["合计"] += unit
    for task in table["年度重点工作任务"]:
        task["金额"] += unit
    return data


# -- seed 000: the PDF's text layer, cells wrapped and printed one after another ----------------------


def test_seed_000_pdf_text_gives_the_examples_model():
    result = _import(_text(SEED_000))
    assert result.skipped_rows == 0, result.notes
    assert yaml.safe_load(result.text) == _example_000()
    assert department_model(loaded(result.text)) == _model(_example_000())


def test_seed_000_says_where_it_supplied_the_unprinted_level1():
    result = _import(_text(SEED_000))
    assert result.notes == ["第294行：二级指标“服务对象满意度指标”上面没有印出一级指标：按表样放在“满意度指标”下，请对照原表核对"]
    assert "  满意度指标:  # 原表第294行只印出二级指标“服务对象满意度指标”，没有印出一级指标；按表样补“满意度指标”\n" in result.text
    english = _import(_text(SEED_000), lang="en").notes
    assert english == ["row 294: 二级指标 “服务对象满意度指标” has no 一级指标 printed above it; put under 满意度指标, the 一级 "
                       "the form gives it; check against the original"]


def test_seed_000_lints_like_its_example(default_rules):
    def findings(text: str) -> set[tuple]:
        return {(f.rule, f.indicator, f.value) for f in Linter(default_rules).check_bytes("t.yaml", text.encode()).findings}

    assert findings(_import(_text(SEED_000)).text) == findings(yaml.safe_dump(_example_000(), allow_unicode=True))


# -- corpus 03: a web page's text, cells separated by blanks, labels wrapped, cut off ------------------


def test_corpus_03_page_text_gives_its_hand_conversions_model():
    result = _import(_text(SOURCE_03))
    assert yaml.safe_load(result.text) == _table_03()
    assert department_model(loaded(result.text)) == _model(_table_03())


def test_corpus_03_reports_the_cut_off_table_and_what_it_left_out():
    result = _import(_text(SOURCE_03))
    assert result.notes == [
        "第1行：第1–9行在部门整体支出绩效目标表之前（其他表格或文字）；未导入",
        "第37行：绩效指标表头的“指标解释”列在目标文件里没有对应栏目；这些列的内容未导入",
        "第44行：文本在绩效指标表中途结束：成本指标 “基本支出”没有指标值，其后各行也不在文本中（被截断）；请对照原表补录",
    ]
    assert result.skipped_rows == 1
    assert "成本指标" not in yaml.safe_load(result.text)["部门整体"]["绩效指标"]["产出指标"]
    english = _import(_text(SOURCE_03), lang="en").notes[-1]
    assert english.startswith("row 44: the text ends inside the 绩效指标 table: 成本指标 “基本支出” has no values")


# -- the same table, however the text layer came out -------------------------------------------------


def _variants(text: str) -> dict[str, bytes]:
    return {
        "crlf": text.replace("\n", "\r\n").encode("utf-8"),
        "gb18030": text.encode("gb18030"),
        "blank lines": text.replace("\n", "\n\n\n").encode("utf-8"),
        "trailing blanks": "\n".join(line + "  " for line in text.split("\n")).encode("utf-8"),
    }


@pytest.mark.parametrize("variant", ["crlf", "gb18030", "blank lines", "trailing blanks"])
@pytest.mark.parametrize("source", [SEED_000, SOURCE_03], ids=["seed-000", "corpus-03"])
def test_line_ends_encoding_and_blank_lines_do_not_change_the_model(source, variant):
    first = import_table(source.read_bytes(), name="page.txt")
    again = import_table(_variants(_text(source))[variant], name="page.txt")
    assert yaml.safe_load(again.text) == yaml.safe_load(first.text)
    assert again.skipped_rows == first.skipped_rows


def test_labels_split_over_lines_differently_are_still_the_labels():
    text = (_text(SEED_000).replace("年度重点工作任\n\n务", "年度重点\n工作任务")
            .replace("实施周期指标\n\n值", "实施周\n期指标值").replace("其他需完成的任\n务（可选填）", "其他需完成的任务（可选填）"))
    assert text.count("年度重点\n工作任务") == 2
    result = _import(text)
    assert yaml.safe_load(result.text) == _example_000() and result.skipped_rows == 0
    page = (_text(SOURCE_03).replace("年度\n预算\n安排\n(万元)", "年度预算\n安排(万元)")
            .replace("年度\n总体\n目标", "年度总体目标").replace("年度\n履职\n目标", "年度履\n职目标"))
    assert yaml.safe_load(_import(page).text) == _table_03()


def test_a_task_name_wrapped_in_its_column_is_one_name():
    text = _text(SEED_000).replace("购买社工服务项目\n", "购买社工服务项目及\n白玉兰\n")
    result = _import(text)
    expected = _example_000()
    expected["部门整体"]["年度重点工作任务"][4]["名称"] = "购买社工服务项目及白玉兰"
    assert yaml.safe_load(result.text) == expected and result.skipped_rows == 0


def test_a_cell_of_a_line_of_cells_that_goes_on_at_the_next_line_is_reported():
    # A line of several cells is one row's line: its last cell going on at the start of the next
    # line cannot be told from a cell of the next row.
    text = _text(SOURCE_03).replace(" 地情、市志编纂与年鉴出版经费 49.8", " 地情、市志编纂与\n年鉴出版经费 49.8")
    result = _import(text)
    assert _tasks(result) == _table_03()["部门整体"]["年度重点工作任务"][1:]
    assert any(note.startswith("第32行：年度重点工作任务中金额为49.8的任务：金额之前的各行") for note in result.notes)


# -- rows it cannot place are reported, never paired with another row's cells -------------------------


def _tasks(result) -> list[dict]:
    return yaml.safe_load(result.text)["部门整体"].get("年度重点工作任务", [])


def test_a_pdf_task_without_its_amount_is_reported_and_the_others_import():
    result = _import(_text(SEED_000).replace("\n700,000.00\n", "\n"))
    expected = _example_000()["部门整体"]["年度重点工作任务"]
    tasks = _tasks(result)
    # 创建儿童友好型城市工作's target, all of 家庭工作 and 基层妇女组织建设's name and content now lie
    # between two amounts, more cells than one task has: none of the three is imported.
    assert [task["名称"] for task in tasks] == [task["名称"] for task in expected if task["名称"] not in (
        "创建儿童友好型城市工作", "家庭工作", "基层妇女组织建设")]
    assert all(task in expected for task in tasks)
    assert result.skipped_rows == 2
    assert any(note.startswith("第41行：年度重点工作任务中金额为236,100.00的任务：金额之后的各行") for note in result.notes)
    assert any(note.startswith("第57行：年度重点工作任务中金额为322,000.00的任务：金额之前的各行") and "无法切分为" in note
               for note in result.notes)


def test_a_page_task_line_without_its_amount_imports_without_it():
    text = _text(SOURCE_03).replace(" 地情、市志编纂与年鉴出版经费 11\n", " 地情、市志编纂与年鉴出版经费\n")
    tasks = _tasks(_import(text))
    assert tasks[1] == {"名称": "地情、市志编纂与年鉴出版经费", "主要内容": "确保本室各人员工资及福利的发放",
                        "期望达到的目标": "按时发放2019年人员福利"}
    assert [task["金额"] for task in tasks if "金额" in task] == ["49.8万元", "171.41万元"]


def test_a_page_task_line_with_a_cell_missing_is_reported():
    # Three cells for four columns and none of them a number: which text cell is empty?
    text = _text(SOURCE_03).replace("确保本室各人员工资及福利的发放 按时发放2019年人员福利 ", "确保本室各人员工资及福利的发放 ")
    result = _import(text)
    assert [task["金额"] for task in _tasks(result)] == ["49.8万元", "171.41万元"]
    assert any(note.startswith("第33行：年度重点工作任务中金额为11的任务") for note in result.notes)
    assert result.skipped_rows == 2  # that task, and the cut-off 成本指标 row


def test_a_wrapped_indicator_value_that_lost_a_line_is_reported():
    # 提供学位数量's second value without its last line: its bracket stays open, no cut fits.
    result = _import(_text(SEED_000).replace("心）8000个（新\n中心）\n", "心）8000个（新\n"))
    names = [row["指标"] for row in yaml.safe_load(result.text)["部门整体"]["绩效指标"]["产出指标"]["数量指标"]]
    assert "提供学位数量" not in names and "幼儿在园人数" in names
    assert any(note.startswith("第198行：绩效指标这些行（") and "无法切分为三级指标 | 实施周期指标值 | 年度指标值" in note
               for note in result.notes)
    assert "学员出勤率" in result.text  # the rows after it still import


def test_an_indicator_name_with_a_blank_in_it_is_reported_not_split():
    result = _import(_text(SEED_000).replace("社区活动数（场次） 136个 136个", "社区活动数 （场次） 136个 136个"))
    rows = yaml.safe_load(result.text)["部门整体"]["绩效指标"]["产出指标"]["数量指标"]
    assert rows == [row for row in _example_000()["部门整体"]["绩效指标"]["产出指标"]["数量指标"]
                    if row["指标"] != "社区活动数（场次）"]
    assert [note for note in result.notes if "未导入" in note] == [
        "第190行：绩效指标这些行（“社区活动数 | （场次） | 136个 | 136个”）无法切分为三级指标 | 实施周期指标值 | 年度指标值；"
        "这些指标未导入，请对照原表补录"]


def test_text_with_none_of_the_forms_structure_is_still_refused_with_the_reason():
    text = _text(SEED_000).replace("部门名称 东莞市妇女联合会", "东莞市妇女联合会")
    with pytest.raises(TableImportError, match="no cell boundaries") as raised:
        _import(text)
    assert "从 PDF 复制出的文字没有单元格边界" in raised.value.text("zh")


# -- the reading rules, on their own ------------------------------------------------------------------


def test_widths_count_cjk_characters_and_marks_twice():
    assert width("2500个（旧中") == 12 and width("“四新”") == 8 and width("abc") == 3


def test_a_box_of_lines_keeps_the_writers_breaks_and_joins_the_wraps():
    assert join_wrapped(["目标1:确保本室各人员工资及福利的发放;", "目标2:对合作社区进行补助;"]) == (
        "目标1:确保本室各人员工资及福利的发放; 目标2:对合作社区进行补助;")
    assert join_wrapped(["深化家庭家教家风建设，推动社", "会主义核心价值观在家庭落地生", "根。"]) == (
        "深化家庭家教家风建设，推动社会主义核心价值观在家庭落地生根。")


def test_a_line_that_fills_its_column_goes_on_and_a_shorter_one_ends_the_cell():
    lines = [Line(number, text, number) for number, text in enumerate(["对幼儿园教学楼进行", "升级改造", "对园内旧教学楼进行修缮",
                                                                       "改造"], start=1)]
    ways = split_cells(lines, lambda cell: cell if cell < 2 else None, lambda cell: cell == 2, Widths())
    assert [[line.text for line in cell] for _, cell in ways[0]] == [["对幼儿园教学楼进行", "升级改造"], ["对园内旧教学楼进行修缮", "改造"]]
    assert len(ways) == 1


def test_lines_that_cut_two_ways_are_not_one_reading():
    lines = [Line(1, "甲", 1), Line(2, "乙", 2), Line(3, "丙", 3)]
    assert len(split_cells(lines, lambda cell: cell if cell < 2 else None, lambda cell: cell == 2, Widths())) == 2


# -- the command line --------------------------------------------------------------------------------


@pytest.mark.parametrize("source", [SEED_000, SOURCE_03], ids=["seed-000", "corpus-03"])
def test_cli_imports_the_text_then_checks_it(tmp_path, source):
    out = tmp_path / "out.yaml"
    imported = jxlint("import", str(source), "-o", str(out), "--lang", "en")
    assert imported.exit_code == (0 if source == SEED_000 else 1), imported.output
    assert ("row 294: " if source == SEED_000 else "row 44: the text ends inside the 绩效指标 table") in imported.stderr
    checked = jxlint("check", str(out), "--format", "json")
    assert checked.exit_code in (0, 1), checked.output
    assert all(finding["rule"] not in ("JX001", "JX002", "JX003", "JX004") for finding in json.loads(checked.stdout))


def test_cli_notes_follow_lang(tmp_path):
    out = tmp_path / "out.yaml"
    chinese = jxlint("import", str(SOURCE_03), "-o", str(out), "--lang", "zh")
    assert "第44行：文本在绩效指标表中途结束" in chinese.stderr


def test_cutting_stops_when_the_tables_budget_of_lines_tried_runs_out():
    # A text built so that its lines cut countless ways is refused after a bounded amount of work.
    lines = [Line(number, "甲乙丙丁", number) for number in range(1, 30)]

    def ways(widths: Widths) -> list:
        return split_cells(lines, lambda cell: cell % 3, lambda cell: cell > 0 and cell % 3 == 0, widths)

    assert len(ways(Widths())) == 2
    assert ways(Widths(budget=20)) == []
