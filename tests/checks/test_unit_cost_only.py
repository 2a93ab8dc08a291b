"""JX313 unit-cost-only: unit rates without a total cap or a quantity that ties them to the budget."""

from __future__ import annotations

from tests.helpers import check_text, located


def project(budget: str, *rows: str, quantity: str = "") -> str:
    body = "".join(f"          - {row}\n" for row in rows)
    extra = f"      产出指标:\n        数量指标:\n          - {quantity}\n" if quantity else ""
    return ("单位: 州民族特殊教育学校\n年度: 2023\n项目:\n  - 项目名称: 学生伙食费\n"
            f"    预算金额: \"{budget}\"\n    绩效指标:\n      成本指标:\n        经济成本指标:\n" + body + extra)


def test_only_a_unit_rate_is_reported_once_on_the_cost_label():
    result = check_text(project("30.00万元", "{指标: 学生补助标准, 指标值: 17元/人.每天}"), select=["JX313"])
    assert located(result) == [("JX313", 7, 7)]
    assert "学生补助标准" in result.findings[0].message and "30.00万元" in result.findings[0].message


def test_a_total_cap_by_name_or_by_value_ties_the_costs_to_the_budget():
    assert check_text(project("30.00万元", "{指标: 学生补助标准, 指标值: 17元/人.每天}", "{指标: 伙食费总成本, 指标值: ≤30万元}"),
                      select=["JX313"]).findings == []
    assert check_text(project("30.00万元", "{指标: 学生补助标准, 指标值: 17元/人.每天}", "{指标: 食材采购, 指标值: ≤30万元}"),
                      select=["JX313"]).findings == []


def test_a_rate_times_a_planned_count_that_makes_the_budget_is_linked():
    linked = project("105,000.00元", "{指标: 人员薪酬标准, 指标值: ≤105000元/人/年}", quantity="{指标: 派遣人员数量, 指标值: 1人}")
    assert check_text(linked, select=["JX313"]).findings == []
    unlinked = project("305,000.00元", "{指标: 人员薪酬标准, 指标值: ≤105000元/人/年}", quantity="{指标: 派遣人员数量, 指标值: 1人}")
    assert located(check_text(unlinked, select=["JX313"])) == [("JX313", 7, 7)]


def test_no_money_rows_at_all_is_another_rule_s_business():
    assert check_text(project("30.00万元", "{指标: 按照物价部门定价标准采购, 指标值: 100%}"), select=["JX313"]).findings == []
