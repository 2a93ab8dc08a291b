"""JX705 (self_execution_score): the budget score by the form's convention (weight × rate)."""

from __future__ import annotations

from tests.helpers import cell_at, check_text, configured, located, self_assessment


def _county(spent: str, score: str, weight: str = '      分值: "20"\n') -> str:
    return self_assessment(f'    预算执行情况:\n{weight}      年度财政资金总额: {{预算数: "1000", 执行数: "{spent}", 执行率: "", 得分: "{score}"}}\n')


def test_the_county_form_scores_twenty_times_the_rate():
    text = _county("800", "20")
    result = check_text(text, select=["JX705"])
    assert located(result) == [("JX705", *cell_at(text, "年度财政资金总额", "得分"))]
    assert "= 16" in result.findings[0].message
    assert check_text(_county("800", "16"), select=["JX705"]).findings == []


def test_the_convention_is_the_rules_options():
    assert check_text(_county("950", "20"), ruleset=configured("JX705", full_at=90)).findings == []
    assert located(check_text(_county("800", "20"), ruleset=configured("JX705", full_at=90)))
    no_weight = _county("800", "20", weight="")
    assert check_text(no_weight, select=["JX705"]).findings == []
    assert located(check_text(no_weight, ruleset=configured("JX705", weight=20)))


def test_the_line_weight_and_the_printed_rate_when_amounts_do_not_divide():
    text = self_assessment('    项目资金:\n      年度资金总额: {全年预算数: "", 全年执行数: "", 分值: "10", 执行率: "50%", 得分: "10"}\n')
    assert located(check_text(text, select=["JX705"])) == [("JX705", *cell_at(text, "年度资金总额", "得分"))]
