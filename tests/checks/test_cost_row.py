"""JX310–JX312 (cost_row): cost rows with no amount, a cost written as a floor, a unit cost without currency."""

from __future__ import annotations

from tests.helpers import check_text, configured, located


def costs(level2: str, *rows: str) -> str:
    body = "".join(f"          - {row}\n" for row in rows)
    return ("单位: 石嘴山市疾病预防控制中心\n年度: 2020\n项目:\n  - 项目名称: 疫苗及美沙酮药物\n    预算金额: 3000000元\n"
            f"    绩效指标:\n      成本指标:\n        {level2}:\n" + body)


def test_a_procurement_statement_or_a_rate_is_no_amount():
    text = costs("经济成本指标", "{指标: 按照物价部门定价标准采购, 指标值: 100%}", "{指标: 资金使用效率, 指标值: =99百分比}",
                 "{指标: 预算控制数, 指标值: ≤3000000元}", "{指标: 疫苗采购单价, 指标值: ≤120元/剂}",
                 "{指标: 不适用, 指标值: 无}", "{指标: 运输成本, 指标值: ''}")
    result = check_text(text, select=["JX310"])
    assert located(result) == [("JX310", 9, 37), ("JX310", 10, 31)]
    assert "不是金额" in result.findings[0].message


def test_social_cost_in_words_is_not_checked_for_an_amount_by_the_default_pack():
    text = costs("社会成本指标", "{指标: 对周边居民出行的影响, 指标值: 无明显影响}")
    assert check_text(text, select=["JX310"]).findings == []


def test_a_cost_written_as_a_floor_gets_the_cap_as_its_fix():
    text = costs("经济成本指标", "{指标: 办公设备购置成本, 指标值: 500万元以上}", "{指标: 车辆购置成本, 指标值: 小于等于12万元}")
    [finding] = check_text(text, select=["JX311"]).findings
    assert (finding.span.line, finding.span.column) == (9, 33)
    assert "「≤500万元」" in finding.hint


def test_a_unit_cost_without_currency_gets_the_currency_in_its_fix():
    text = costs("经济成本指标", "{指标: 补助成本, 指标值: ≤28.40/株}", "{指标: 学生补助标准, 指标值: 17元/人.每天}")
    [finding] = check_text(text, select=["JX312"]).findings
    assert (finding.span.line, finding.span.column) == (9, 29)
    assert "「≤28.40元/株」" in finding.hint


def test_a_cycle_value_repeating_the_annual_one_is_reported_once():
    text = costs("经济成本指标", "{指标: 按照物价部门定价标准采购, 实施周期指标值: 100%, 年度指标值: 100%}")
    assert len(check_text(text, select=["JX310"]).findings) == 1


def test_problems_is_an_option():
    text = costs("经济成本指标", "{指标: 按照物价部门定价标准采购, 指标值: 100%}", "{指标: 补助成本, 指标值: ≤28.40/株}")
    assert located(check_text(text, ruleset=configured("JX310", problems=["no_currency"]))) == [("JX310", 10, 29)]
