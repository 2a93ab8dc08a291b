"""JX702 (self_total_score): 总分 against the sum of the budget score and every row's score."""

from __future__ import annotations

from tests.helpers import cell_at, check_text, configured, located, self_assessment

BUDGET = '    项目资金:\n      年度资金总额: {全年预算数: "7.29", 全年执行数: "7.29", 分值: "10.00", 执行率: "100%", 得分: "10.00"}\n'
ROWS = ('{指标: 項目驗收合格率, 指标值: "100", 度量单位: "%", 实际完成值: "100", 分值: "20", 得分: "19"}\n'
        '{指标: 項目完成及時率, 指标值: "100", 度量单位: "%", 实际完成值: "100", 分值: "20.00", 得分: "19.00"}')


def _table(total: str) -> str:
    return self_assessment(BUDGET + f"    总分: {total}\n", ROWS)


def test_a_total_that_is_not_the_sum_is_reported_with_the_sum():
    text = _table('{分值: "50", 得分: "90"}')
    result = check_text(text, select=["JX702"])
    assert located(result) == [("JX702", *cell_at(text, "总分", "得分"))]
    assert "48（3 项）" in result.findings[0].message


def test_the_points_column_is_added_too_unless_switched_off():
    text = _table('{分值: "40", 得分: "48"}')
    assert located(check_text(text, select=["JX702"])) == [("JX702", *cell_at(text, "总分", "分值"))]
    assert check_text(text, ruleset=configured("JX702", weights=False)).findings == []
    assert check_text(_table('{分值: "50", 得分: "48"}'), select=["JX702"]).findings == []


def test_no_sum_is_taken_over_a_blank_score():
    rows = ROWS.replace('得分: "19"}', '得分: ""}')
    text = self_assessment(BUDGET + '    总分: {分值: "50", 得分: "90"}\n', rows)
    assert check_text(text, select=["JX702"]).findings == []
