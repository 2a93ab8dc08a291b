"""JX716 (template_leftover on self-assessments): the form's printed instructions left in a cell."""

from __future__ import annotations

from tests.helpers import check_text, located, self_assessment


def test_each_instruction_cell_is_reported_once():
    text = self_assessment('    项目年度目标完成情况:\n      项目年度目标: "严格执行相关政策"\n'
                           '      年度目标完成情况: "对照年度目标,说明相关任务目标的完成情况(100字以内)"\n'
                           '    存在问题: "结合自评情况,分析存在的问题及原因。(200字以内)"\n'
                           '    改进措施: "针对项目自评中发现的问题,提出下一步改进完善的意见"\n')
    assert located(check_text(text, select=["JX716"])) == [("JX716", 7, 17), ("JX716", 8, 11), ("JX716", 9, 11)]


def test_an_answer_that_mentions_a_check_is_not_an_instruction():
    text = self_assessment('    存在问题: "对照年度目标,个别学生未按时建档,已说明原因并补录(共3人)"\n    评价结论: "自评总分96分,评价等级为优"\n')
    assert check_text(text, select=["JX716"]).findings == []


def test_project_tables_are_not_read_by_this_rule():
    text = "单位: 某单位\n年度: 2023\n项目:\n  - 项目名称: 某项目\n    总体绩效目标:\n      年度目标: \"对照年度目标,说明相关任务目标的完成情况(100字以内)\"\n"
    assert check_text(text, select=["JX716"]).findings == []
