"""JX718 (self_outputs_unspent): every output met while most of the money is unspent."""

from __future__ import annotations

from tests.helpers import cell_at, check_text, configured, located, self_assessment

ROWS = ('{指标: 学生受资助人数, 年度指标值: "≥735人次", 实际完成值: "735人次", 分值: "10", 得分: "10"}\n'
        '{指标: 供餐天数, 年度指标值: "≥200天", 实际完成值: "%s", 分值: "10", 得分: "10"}')


def _table(spent: str, days: str = "200天") -> str:
    budget = f'    项目资金:\n      年度资金总额: {{全年预算数: "387664.62", 全年执行数: "{spent}", 执行率: ""}}\n'
    return self_assessment(budget, ROWS % days)


def test_all_outputs_met_with_a_third_of_the_money_spent():
    text = _table("130000")
    assert located(check_text(text, select=["JX718"])) == [("JX718", *cell_at(text, "年度资金总额", "执行率"))]


def test_one_output_missed_or_the_money_spent_or_the_threshold():
    assert check_text(_table("130000", "150天"), select=["JX718"]).findings == []
    assert check_text(_table("380000"), select=["JX718"]).findings == []
    assert check_text(_table("130000"), ruleset=configured("JX718", rate=30)).findings == []
