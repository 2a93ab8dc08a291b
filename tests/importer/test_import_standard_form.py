"""The standard national form's layout (项目资金 block, 总体目标 block), Chinese notes, and a
missing year that is said, not written as ``年度: null``."""

from __future__ import annotations

from lint.importer import import_table
from tests.cli_helpers import jxlint
from tests.importer.workbooks import loaded

STANDARD = """\
项目支出绩效目标表
（2025年度）
项目名称\t老年大学运营
主管部门\t某区民政局
实施单位\t某区老年大学
项目资金（元）\t年度资金总额\t3200000
\t其中：财政拨款\t3200000
总体目标\t实施周期总目标\t年度目标
\t开设课程20门\t开设课程20门，培训学员500人
绩效指标\t一级指标\t二级指标\t三级指标\t指标值
\t产出指标\t数量指标\t开设课程\t20门
\t满意度指标\t服务对象满意度指标\t学员满意度\t≥90%
"""


def test_the_standard_funds_and_goal_blocks_are_read():
    result = import_table(STANDARD.encode("utf-8"), name="std.txt")
    project = loaded(result.text).projects[0]
    assert project.budget_amount.text == "3200000元"
    assert (project.cycle_goal.text, project.annual_goal.text) == ("开设课程20门", "开设课程20门，培训学员500人")
    assert "# 表头“项目资金（元） 年度资金总额”：预算金额写作“…元”。" in result.text
    # The amount was used: no "cannot read" for its label; the source breakdown has no key in a
    # target file, which is said, without counting as a row the import failed to read.
    assert result.skipped_rows == 0
    assert result.notes == ["第7行：“其中：财政拨款 | 3200000”在目标文件里没有对应栏目（目标文件只记年度预算金额）；未导入"]


def test_a_total_in_wan_yuan_and_a_one_row_goal():
    text = STANDARD.replace("项目资金（元）\t年度资金总额\t3200000\n\t其中：财政拨款\t3200000\n", "项目总金额（万元）\t320\n")
    text = text.replace("总体目标\t实施周期总目标\t年度目标\n\t开设课程20门\t开设课程20门，培训学员500人\n",
                        "总体目标\t开设课程20门，培训学员500人\n")
    result = import_table(text.encode("utf-8"), name="one.txt")
    project = loaded(result.text).projects[0]
    assert project.budget_amount.text == "320万元"
    assert project.cycle_goal.text == "开设课程20门，培训学员500人"
    assert result.notes == [] and result.skipped_rows == 0


def test_goal_labels_with_their_text_in_the_same_cell():
    text = STANDARD.replace("总体目标\t实施周期总目标\t年度目标\n\t开设课程20门\t开设课程20门，培训学员500人\n",
                            "总体目标\t实施周期总目标：三年开设课程60门\t年度目标：开设课程20门\n")
    project = loaded(import_table(text.encode("utf-8"), name="inline.txt").text).projects[0]
    assert (project.cycle_goal.text, project.annual_goal.text) == ("三年开设课程60门", "开设课程20门")


def test_notes_are_chinese_by_default_and_english_on_request(tmp_path):
    source = tmp_path / "rows.txt"
    source.write_text(STANDARD + "以上数据待核实\n", encoding="utf-8")
    chinese = jxlint("import", str(source))
    assert f"{source}:第13行：" in chinese.stderr and " row " not in chinese.stderr
    english = jxlint("import", str(source), "--lang", "en")
    assert f"{source}:row 13: " in english.stderr
    assert jxlint("import", str(source), env={"JXLINT_LANG": "en"}).stderr == english.stderr
    assert english.stdout == chinese.stdout  # the file itself is Chinese either way
    assert "#   第13行：" in chinese.stdout


def test_a_missing_year_is_reported_and_exits_1_and_the_check_names_no_file_a_user_lacks(tmp_path):
    source = tmp_path / "noyear.txt"
    source.write_text(STANDARD.replace("（2025年度）\n", ""), encoding="utf-8")
    target = tmp_path / "noyear.yaml"
    result = jxlint("import", str(source), "-o", str(target))
    assert result.exit_code == 1
    assert "原表没有写预算年度" in result.stderr
    text = target.read_text(encoding="utf-8")
    assert "年度: null" not in text and "\n# 年度:" in text
    checked = jxlint("check", str(target), "--select", "JX004", "--format", "concise")
    assert checked.exit_code == 1 and "缺少栏目「年度」" in checked.stdout
    shown = jxlint("check", str(target), "--select", "JX004")
    assert "schema" not in shown.output
    filled = text.replace("# 年度:   ← 原表没有写预算年度：请填写四位数字的年度（如 2025），并删去行首的“# ”", "年度: 2025")
    assert loaded(filled).projects[0].budget_amount.text == "3200000元"


def test_import_errors_are_in_the_language_asked_for(tmp_path):
    source = tmp_path / "diary.txt"
    source.write_text("今天天气很好。\n", encoding="utf-8")
    assert "不是项目支出绩效目标表" in jxlint("import", str(source)).stderr
    assert "not a 项目支出绩效目标表" in jxlint("import", str(source), "--lang", "en").stderr
    department = tmp_path / "dept.txt"
    department.write_text("部门整体支出绩效目标表\n某局\n", encoding="utf-8")  # no 部门名称 label: none of the form
    message = jxlint("import", str(department)).stderr
    assert "部门整体" in message and "examples/" not in message
    assert "no cell boundaries" in jxlint("import", str(department), "--lang", "en").stderr
