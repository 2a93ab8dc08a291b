"""Other layouts of the same form: labels and values in one cell, one value column, a 计量单位
column, labels repeated on every row, goals side by side, the amount unit on a line of its own."""

from __future__ import annotations

import re

from lint.importer import import_table
from tests.importer.workbooks import loaded

ONE_VALUE_COLUMN = """\
2024年项目支出绩效目标申报表
单位：元
项目名称：社区儿童之家运营\t项目编码\t44190024001
主管部门\t某区妇女联合会\t用款单位\t某区妇女联合会
实施周期\t2024-2025
年度资金总额(元)\t80000
总体绩效目标\t全年运营儿童之家2个，开展活动24场。
绩效指标\t一级指标\t二级指标\t三级指标\t指标值\t计量单位\t权重
\t产出指标\t数量指标\t开展活动场次\t≥24\t场\t20
\t产出指标\t数量指标\t儿童之家个数\t2\t个\t20
\t产出指标\t时效指标\t完成时间\t2024年12月31日前\t\t10
\t成本指标\t经济成本指标\t运营成本\t≤80000元\t\t10
\t效益指标\t社会效益指标\t受益儿童人次\t≥1,200人次\t\t20
\t满意度指标\t服务对象满意度指标\t家长满意度\t≥90%\t\t20
备注\t无
"""

ONE_VALUE_COLUMN_YAML = """\
# 来源: other.txt — 某区妇女联合会 2024年项目支出绩效目标申报表（1个项目）
# 由 jxlint import 生成：按原表逐格转录，未作更正；表中的问题正是 jxlint 要发现的。
# 表头“年度资金总额(元)”：预算金额写作“…元”。
# 原表有“计量单位”列：单位已接在指标值后（≥24 + 场 → ≥24场）。
单位: 某区妇女联合会
年度: 2024
项目:
  # 来源: other.txt 第3–15行
  - 项目名称: 社区儿童之家运营
    项目编码: "44190024001"
    主管部门: 某区妇女联合会
    用款单位: 某区妇女联合会
    实施周期: {起始年度: 2024, 到期年度: 2025}
    预算金额: 80000元
    总体绩效目标:  # 原表第7行只有一栏总体绩效目标，未分实施周期与年度
      实施周期总目标: 全年运营儿童之家2个，开展活动24场。
    绩效指标:
      产出指标:
        数量指标:
          - {指标: 开展活动场次, 指标值: ≥24场}
          - {指标: 儿童之家个数, 指标值: 2个}
        时效指标:
          - {指标: 完成时间, 指标值: 2024年12月31日前}
      成本指标:
        经济成本指标:
          - {指标: 运营成本, 指标值: ≤80000元}
      效益指标:
        社会效益指标:
          - {指标: 受益儿童人次, 指标值: "≥1,200人次"}
      满意度指标:
        服务对象满意度指标:
          - {指标: 家长满意度, 指标值: ≥90%}
    备注: 无
"""

REPEATED_LABELS = """\
项目支出绩效目标表
单位：万元
项目名称\t老年大学运营
项目类型\t其他运转类
实施周期\t起始年度\t2025\t到期年度\t2025
预算金额\t12.5
总体绩效目标\t实施周期总目标\t年度目标
\t开设课程20门\t开设课程20门
绩效指标
一级指标\t二级指标\t三级指标\t实施周期指标值\t年度指标值
产出指标\t数量指标\t开设课程\t20门\t20门
产出指标\t成本指标\t预算执行率\t≥90%\t≥90%
效益指标\t社会效益\t学员人次\t≥500人次\t≥500人次
满意度指标\t满意度\t学员满意度\t≥90%\t≥90%
审核意见\t同意
"""


def test_one_value_column_with_a_measure_column():
    result = import_table(ONE_VALUE_COLUMN.encode("utf-8"), name="other.txt", lang="en")
    assert result.text == ONE_VALUE_COLUMN_YAML
    assert result.notes == ["row 8: 绩效指标 header columns “权重” have no key in a target file; their cells are not imported"]
    assert result.skipped_rows == 0
    loaded(result.text)


def test_labels_on_every_row_and_goals_side_by_side():
    result = import_table(REPEATED_LABELS.encode("utf-8"), name="other2.txt", lang="en")
    target = loaded(re.sub(r"# (单位|年度):.*", lambda m: {"单位": "单位: 某单位", "年度": "年度: 2025"}[m[1]], result.text))
    project = target.projects[0]
    assert (project.cycle_goal.text, project.annual_goal.text) == ("开设课程20门", "开设课程20门")
    assert project.budget_amount.text == "12.5万元"
    assert [(row.level1, row.level2, row.name.text) for row in project.indicators] == [
        ("产出指标", "数量指标", "开设课程"),
        ("产出指标", "成本指标", "预算执行率"),
        ("效益指标", "社会效益指标", "学员人次"),
        ("满意度指标", "服务对象满意度指标", "学员满意度"),
    ]
    assert project.fields["批复意见"].text == "同意" and "批复机关" not in project.fields
    assert "# 表头“预算金额”无单位，表上注“单位：万元”：预算金额写作“…万元”。" in result.text
    # Neither 单位 nor 年度 is on the form: not guessed, and not null (a wrong type to a check):
    # the lines are left for the user to fill in, said so, and the import exits 1.
    assert "\n# 单位:   ← 原表没有写单位：请填写单位名称，并删去行首的“# ”\n" in result.text
    assert "\n# 年度:   ← 原表没有写预算年度：请填写四位数字的年度（如 2025），并删去行首的“# ”\n" in result.text
    assert "null" not in result.text
    assert result.skipped_rows == 0 and result.year_missing and result.unit_missing
    assert [note.split(": ", 1)[1].split(";")[0] for note in result.notes] == [
        "no 单位: no 主管部门 or 单位 row", "no budget year (2025年预算金额, 2025年度目标) found"]


def test_a_goal_on_several_lines_pasted_from_excel_stays_one_cell():
    from tests.importer.workbooks import SEED_002

    lines = SEED_002.read_text(encoding="utf-8").split("\n")
    # Excel quotes a cell with line breaks when it copies a range: the goal of line 15 on two lines.
    lines[14] = '\t"1、加强妇女干部培训；\n2、大力开展“巾帼建功行动”系列活动。"\t\t\t\t\t'
    result = import_table("\n".join(lines).encode("utf-8"), name="002.txt")
    assert result.notes == []
    project = loaded(result.text).projects[0]
    assert project.annual_goal.text == "1、加强妇女干部培训；\n2、大力开展“巾帼建功行动”系列活动。"
    assert '      年度目标: "1、加强妇女干部培训；\\n2、大力开展“巾帼建功行动”系列活动。"\n' in result.text
    # Rows keep the numbers of the lines they start on.
    assert "# 来源: 002.txt 第5–29行" in result.text and "# 来源: 002.txt 第33–54行" in result.text
