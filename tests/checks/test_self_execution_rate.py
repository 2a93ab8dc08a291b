"""JX704 (self_execution_rate): 执行率 against 执行数 / 预算数, to the printed precision."""

from __future__ import annotations

from tests.helpers import cell_at, check_text, configured, located, self_assessment


def _line(budget: str, spent: str, rate: str) -> str:
    return self_assessment(f'    预算执行情况:\n      总额: {{调整后预算数: "{budget}", 预算执行数: "{spent}", 预算执行率: "{rate}"}}\n')


def test_a_rate_the_division_does_not_give_is_reported_with_the_right_one():
    text = _line("7.29", "6.50", "100%")
    result = check_text(text, select=["JX704"])
    assert located(result) == [("JX704", *cell_at(text, "总额", "预算执行率"))]
    assert "89%" in result.findings[0].message


def test_the_printed_precision_decides():
    assert check_text(_line("1000", "996", "100%"), select=["JX704"]).findings == []  # 99.6% prints as 100%
    assert located(check_text(_line("1000", "996", "100.00%"), select=["JX704"]))
    assert check_text(_line("1000", "996", "99.60%"), select=["JX704"]).findings == []
    assert check_text(_line("1000", "996", "100.00%"), ruleset=configured("JX704", tolerance=0.5)).findings == []


def test_a_line_without_budget_prints_what_it_likes():
    assert check_text(_line("0.00", "0.00", "0.00%"), select=["JX704"]).findings == []
    assert check_text(_line("", "", ""), select=["JX704"]).findings == []
