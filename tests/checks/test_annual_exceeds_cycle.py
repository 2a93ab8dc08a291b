"""JX201 annual-exceeds-cycle: 年度指标值 larger than 实施周期指标值 for a count or an amount."""

from __future__ import annotations

import pytest


from tests.helpers import check_text, configured, located, quantity_rows, seed, value_cell

SEED_002 = seed("002")
FAMILY = "望牛墩镇“向幸福家庭出发”家校社共建共享支持项目"


def rows(*rows: str) -> str:
    return quantity_rows("粤财行（2024）117号维权与信息服务站项目", *rows, start=2023, end=2025)


def test_seed_002_activity_count_is_larger_in_the_year_than_in_the_period():
    result = check_text(SEED_002, select=["JX201"])
    assert located(result) == [("JX201", *value_cell(SEED_002, FAMILY, "项目活动场次"))]
    finding = result.findings[0]
    assert finding.message == "年度指标值「20」大于实施周期指标值「15」：实施周期包含本年度，周期累计目标不能小于本年度目标"
    assert finding.indicator == "项目活动场次" and finding.value == "20"


def test_english_message():
    result = check_text(SEED_002, select=["JX201"], lang="en")
    assert result.findings[0].message.startswith("The annual value '20' is larger than the cycle value '15'")


def test_rates_in_seed_002_are_not_cumulative():
    """项目验收合格率（%） 90 vs 95 and 受益群体满意度 95% vs 98%: a higher annual rate is no contradiction."""
    text = rows(
        '{指标: 项目验收合格率（%）, 实施周期指标值: "90", 年度指标值: "95"}',
        '{指标: 资金支付及时率（%）, 实施周期指标值: "90", 年度指标值: "95"}',
        "{指标: 受益群体满意度, 实施周期指标值: 95%, 年度指标值: 98%}",
    )
    assert located(check_text(text, select=["JX201"])) == []


@pytest.mark.parametrize("number", ["000", "001", "004"])
def test_seeds_without_the_defect_give_nothing(number):
    text = seed(number)
    assert located(check_text(text, select=["JX201"])) == []


def test_caps_compare_unit_aware():
    over = rows("{指标: 预算控制数, 实施周期指标值: ≤1.5万元, 年度指标值: ≤20000元}")
    assert located(check_text(over, select=["JX201"])) == [("JX201", *value_cell(over, "粤财行（2024）117号维权与信息服务站项目", "预算控制数"))]
    equal = rows("{指标: 预算控制数, 实施周期指标值: ≤1.5万元, 年度指标值: ≤15000元}")
    assert located(check_text(equal, select=["JX201"])) == []


def test_chang_and_changci_are_one_unit_and_a_per_year_annual_value_is_a_count():
    text = rows(
        "{指标: 举办活动场次, 实施周期指标值: 12场次, 年度指标值: 4场/年}",
        "{指标: 小组服务指标数, 实施周期指标值: 12个, 年度指标值: 4个/年}",
    )
    assert located(check_text(text, select=["JX201"])) == []
    larger = rows("{指标: 举办活动场次, 实施周期指标值: 12场次, 年度指标值: 14场/年}")
    assert len(located(check_text(larger, select=["JX201"]))) == 1


def test_a_floor_against_a_cap_is_not_compared_and_ranges_are_not_compared():
    text = rows(
        "{指标: 举办活动场次, 实施周期指标值: ≥5场, 年度指标值: ≤10场}",
        "{指标: 小组服务指标数, 实施周期指标值: 10~20个, 年度指标值: 30个}",
    )
    assert located(check_text(text, select=["JX201"])) == []


def test_time_limits_are_not_cumulative():
    text = rows("{指标: 办结时限, 实施周期指标值: ≤60日, 年度指标值: ≤90日}")
    assert located(check_text(text, select=["JX201"])) == []


def test_a_doubled_digit_is_left_to_digit_drop_unless_the_option_says_otherwise():
    text = rows('{指标: 举办民生座谈会, 实施周期指标值: "12", 年度指标值: "112"}')
    assert located(check_text(text, select=["JX201"])) == []
    assert [f.rule for f in check_text(text, select=["JX2"]).findings] == ["JX204"]
    assert len(located(check_text(text, ruleset=configured("JX201", skip_when_digit_drop=False)))) == 1
