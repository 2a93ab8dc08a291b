"""JX708 (self_unfilled): results, scores, amounts and texts left blank; "/" is filled."""

from __future__ import annotations

from tests.helpers import cell_at, check_text, configured, located, self_assessment

ROW = '{指标: "发放(缴纳)覆盖率", 指标性质: "=", 指标值: "100", 度量单位: "%", 完成值: "", 权重: "60", 得分: ""}'


def test_a_row_with_points_but_no_result_and_no_score():
    text = self_assessment(rows=ROW)
    assert located(check_text(text, select=["JX708"])) == [
        ("JX708", *cell_at(text, "发放", "完成值")), ("JX708", *cell_at(text, "发放", "得分"))]


def test_budget_lines_a_partial_line_is_reported_an_empty_one_is_not():
    text = self_assessment('    项目资金:\n      年度资金总额: {年初预算数: "", 全年预算数: "387664.62", 全年执行数: "387664.62", 分值: "10", 得分: ""}\n'
                           '      上年结转资金: {年初预算数: "", 全年预算数: "", 全年执行数: "", 分值: "/", 得分: "/"}\n'
                           '    合计: {权重: "100", 得分: ""}\n')
    assert located(check_text(text, select=["JX708"])) == [
        ("JX708", *cell_at(text, "年度资金总额", "年初预算数")), ("JX708", *cell_at(text, "年度资金总额", "得分")),
        ("JX708", *cell_at(text, "合计", "得分"))]


def test_texts_named_in_the_options():
    text = self_assessment('    项目实施内容及过程概述: ""\n    评价结论: ""\n')
    assert located(check_text(text, select=["JX708"])) == [("JX708", 5, 18)]
    assert len(check_text(text, ruleset=configured("JX708", texts=["评价结论"])).findings) == 1
