"""JX110 template-leftover: the form's placeholders and instructions left in a cell."""

from __future__ import annotations

from tests.helpers import check_text, configured, located

GRAPE = (
    "单位: 同心县下马关镇人民政府\n年度: 2023\n项目:\n  - 项目名称: 黄金蜜(葡萄)种植项目\n"
    "    总体绩效目标:\n      年度目标: 请填写年度目标\n    绩效指标:\n      产出指标:\n        数量指标:\n"
    '          - {指标: "种植数量(≥**株)", 指标值: ">=17600株"}\n'
    '          - {指标: "种植作物成活率", 指标值: "≥**%"}\n'
    '        时效指标:\n          - {指标: "完成时间", 指标值: "X月X日前"}\n'
    '        成本指标:\n          - {指标: "补助成本(≤**元/株)(必填)", 指标值: "≤28.40元/株"}\n'
)


def test_every_placeholder_is_reported_on_its_cell():
    result = check_text(GRAPE, select=["JX110"])
    assert located(result) == [("JX110", 6, 13), ("JX110", 10, 18), ("JX110", 11, 34), ("JX110", 13, 31),
                               ("JX110", 15, 18), ("JX110", 15, 18)]


def test_the_message_says_what_the_placeholder_asks_for():
    messages = [f.message for f in check_text(GRAPE, select=["JX110"]).findings]
    assert "数量（株）下限" in messages[1]
    assert "百分比下限" in messages[2]
    assert "具体日期" in messages[3]
    assert "金额（元/株）上限" in messages[4]
    english = [f.message for f in check_text(GRAPE, select=["JX110"], lang="en").findings]
    assert "the planned percentage (floor)" in english[2]


def test_numbering_and_marks_of_the_form_are_not_placeholders():
    text = GRAPE.replace("(≥**株)", "").replace("≥**%", "≥85%").replace("X月X日前", "11月底之前")
    text = text.replace("(≤**元/株)(必填)", "").replace("请填写年度目标", "目标1:种植黄金蜜17600株")
    text = text.replace('"种植作物成活率"', '"★指标1:种植作物成活率"')
    assert check_text(text, select=["JX110"]).findings == []


def test_department_goals_and_tasks_are_read_too():
    text = ("单位: 东莞展览馆\n年度: 2022\n部门整体:\n  部门名称: 东莞展览馆\n  总体绩效目标: 年接待参观人数XX万人次\n"
            "  年度重点工作任务:\n    - {名称: 场馆日常维护, 期望达到的目标: 请根据实际填写}\n")
    assert located(check_text(text, select=["JX110"])) == [("JX110", 5, 11), ("JX110", 7, 29)]


def test_patterns_are_an_option():
    # With no patterns only the values the parser reads as placeholders remain (≥**%, X月X日前).
    assert located(check_text(GRAPE, ruleset=configured("JX110", patterns=[]))) == [("JX110", 11, 34), ("JX110", 13, 31)]
    only_stars = configured("JX110", patterns=[r"\*{2,}"])
    assert located(check_text(GRAPE, ruleset=only_stars)) == [("JX110", 10, 18), ("JX110", 11, 34), ("JX110", 13, 31),
                                                             ("JX110", 15, 18)]


def test_a_value_the_parser_reads_as_a_placeholder_is_reported_whole():
    text = GRAPE.replace('"≥**%"', '"≥*%"')
    result = check_text(text, ruleset=configured("JX110", patterns=[r"请填写"]))
    assert [(f.span.line, f.span.column) for f in result.findings] == [(6, 13), (11, 34), (13, 31)]
    assert "「≥*%」" in result.findings[1].message and "百分比" in result.findings[1].message
