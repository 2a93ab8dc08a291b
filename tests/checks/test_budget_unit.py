"""JX314 budget-without-unit, and JX301 comparing only with a budget whose unit is known."""

from __future__ import annotations

from tests.helpers import check_text, configured, located


def project(budget: str, cap: str = "≤936万元", fields: str = "") -> str:
    return ("单位: 武汉市青山区科学技术和经济信息化局\n年度: 2021\n" + fields + "项目:\n  - 项目名称: 科学技术研究与开发资金\n"
            f"    预算金额: \"{budget}\"\n    绩效指标:\n      成本指标:\n        经济成本指标:\n"
            f"          - {{指标: 项目总成本, 指标值: \"{cap}\"}}\n")


def test_a_small_bare_budget_is_reported_and_compared_with_nothing():
    result = check_text(project("936"), select=["JX314", "JX301"])
    assert located(result) == [("JX314", 5, 11)]


def test_a_budget_with_its_unit_or_too_large_for_wan_is_read():
    assert located(check_text(project("936万元"), select=["JX314", "JX301"])) == []
    assert located(check_text(project("190000", cap="≤189000元"), select=["JX314", "JX301"])) == [("JX301", 9, 30)]


def test_the_threshold_is_an_option():
    assert check_text(project("936"), ruleset=configured("JX314", yuan_at_least=900)).findings == []


def test_natural_total_cost_names_are_caps_and_partial_costs_are_not():
    for name in ("维修改造总成本", "指标1:项目总成本(≤**万元)", "总投资", "成本控制数"):
        text = project("936万元", cap="≤900万元").replace("项目总成本", name)
        line = text.splitlines()[8]
        assert located(check_text(text, select=["JX301"])) == [("JX301", 9, line.index('"≤') + 1)], name
    partial = project("936万元", cap="≤900万元").replace("项目总成本", "车辆购置成本")
    assert check_text(partial, select=["JX301"]).findings == []
