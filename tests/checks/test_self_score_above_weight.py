"""JX701 (self_score_above_weight): a 得分 above its 分值, on rows, budget lines and 总分."""

from __future__ import annotations

from tests.helpers import cell_at, check_text, configured, located, self_assessment

ROW = '{指标: 学生满意度, 指标性质: "≧", 指标值: "95", 度量单位: "%%", 实际完成值: "100%%", 分值: "10", 得分: "%s"}'


def test_a_row_scoring_above_its_points_is_reported_at_its_score():
    text = self_assessment(rows=ROW % "12")
    result = check_text(text, select=["JX701"])
    assert located(result) == [("JX701", *cell_at(text, "学生满意度", "得分"))]
    assert "得分 12 超过了分值 10" in result.findings[0].message
    assert check_text(self_assessment(rows=ROW % "10"), select=["JX701"]).findings == []


def test_the_budget_line_uses_the_blocks_printed_points_and_the_total_its_own():
    text = self_assessment('    预算执行情况:\n      分值: "20"\n      年度财政资金总额: {预算数: "1000", 执行数: "1000", 执行率: "100%", 得分: "25"}\n'
                           '    总分: {分值: "100", 得分: "101"}\n')
    assert located(check_text(text, select=["JX701"])) == [
        ("JX701", *cell_at(text, "年度财政资金总额", "得分")), ("JX701", *cell_at(text, "总分", "得分"))]


def test_not_applicable_cells_and_the_tolerance_option():
    slashes = self_assessment('    项目资金:\n      其中:财政资金: {全年预算数: "1", 全年执行数: "1", 分值: "/", 得分: "/"}\n')
    assert check_text(slashes, select=["JX701"]).findings == []
    assert check_text(self_assessment(rows=ROW % "10.5"), ruleset=configured("JX701", tolerance=1)).findings == []
