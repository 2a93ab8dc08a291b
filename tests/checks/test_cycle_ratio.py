"""JX203 cycle-annual-ratio: a cycle value the annual value cannot reach in the period (or the table's horizon)."""

from __future__ import annotations

import pytest


from tests.helpers import check_text, configured, located, quantity_rows, seed, value_cell

SEED_001 = seed("001")
# seed 001 家庭工作经费 (2021–2099): three counts, all three times the year.
FAMILY_ROWS = (
    "{指标: 美丽庭院户, 实施周期指标值: 150户, 年度指标值: 50户}",
    "{指标: 举办活动场次, 实施周期指标值: 6场, 年度指标值: 2场}",
    "{指标: 美丽庭院典型, 实施周期指标值: 18000户, 年度指标值: 6000户}",
    "{指标: 项目完成数量, 实施周期指标值: 1个, 年度指标值: 1个}",
)


def family(*rows: str, start: int = 2021, end: int = 2099) -> str:
    return quantity_rows("家庭工作经费", *rows, start=start, end=end)


@pytest.mark.parametrize("number", ["000", "001", "002", "004"])
def test_no_seed_row_needs_this_warning(number):
    """Seed 001's 55场 vs 5场 is a typo for JX204; 家庭工作经费 is 3× throughout; 117号 is 3× over 3 years."""
    text = seed(number)
    assert located(check_text(text, select=["JX203"])) == []


def test_bailan_ratio_11_over_9_years_when_typos_are_not_left_to_jx204():
    result = check_text(SEED_001, ruleset=configured("JX203", skip_when_digit_drop=False))
    assert located(result) == [("JX203", *value_cell(SEED_001, "购买白玉兰家庭服务项目", "社区活动数(场次)"))]
    assert result.findings[0].message == (
        "实施周期指标值「55场」是年度指标值「5场」的11倍，而实施周期2021–2029年共9年：两栏的口径对不上"
    )


def test_a_fixed_period_admits_any_split_up_to_its_length():
    nine_years = family(*FAMILY_ROWS, start=2021, end=2029)
    assert located(check_text(nine_years, select=["JX203"])) == []
    two_years = family(*FAMILY_ROWS, start=2025, end=2026)
    assert located(check_text(two_years, select=["JX203"])) == [
        ("JX203", *value_cell(two_years, "家庭工作经费", name)) for name in ("美丽庭院户", "举办活动场次", "美丽庭院典型")
    ]


def test_uneven_yearly_splits_are_normal():
    text = family("{指标: 改造学校, 实施周期指标值: 12所, 年度指标值: 8所}",
                  "{指标: 改造面积, 实施周期指标值: 7000平方米, 年度指标值: 4000平方米}",
                  "{指标: 培训场次, 实施周期指标值: 100场, 年度指标值: 3场}", start=2024, end=2025)
    assert located(check_text(text, select=["JX203"])) == [("JX203", *value_cell(text, "家庭工作经费", "培训场次"))]


def test_open_ended_row_below_the_tables_horizon_is_an_uneven_split():
    text = family(*FAMILY_ROWS, "{指标: 家长学校讲座, 实施周期指标值: 20场, 年度指标值: 10场}")
    assert located(check_text(text, select=["JX203"])) == []


def test_open_ended_family_work_rows_share_ratio_3():
    assert located(check_text(family(*FAMILY_ROWS), select=["JX203"])) == []


def test_open_ended_row_off_the_shared_ratio_is_reported():
    text = family(*FAMILY_ROWS, "{指标: 家长学校讲座, 实施周期指标值: 20场, 年度指标值: 4场}")
    result = check_text(text, select=["JX203"])
    assert located(result) == [("JX203", *value_cell(text, "家庭工作经费", "家长学校讲座"))]
    assert "的5倍，而本表其他指标的实施周期指标值是年度指标值的3倍" in result.findings[0].message
    english = check_text(text, select=["JX203"], lang="en").findings[0].message
    assert "is 5 times the annual value '4场'" in english and "3 times their annual values" in english


def test_open_ended_with_no_other_differing_row_is_not_judged():
    text = family("{指标: 美丽庭院户, 实施周期指标值: 150户, 年度指标值: 50户}", FAMILY_ROWS[3],
                  "{指标: 预算控制数, 实施周期指标值: ≤560000元, 年度指标值: ≤560000元}")
    assert located(check_text(text, select=["JX203"])) == []


def test_a_near_fit_is_accepted_and_rates_and_larger_annual_values_are_not_ratios():
    text = family(
        '{指标: 咨询服务数（宗）, 实施周期指标值: "1000", 年度指标值: "333"}',
        "{指标: 服务对象满意度, 实施周期指标值: 95%, 年度指标值: 80%}",
        '{指标: 项目活动场次, 实施周期指标值: "15", 年度指标值: "20"}',
        start=2023, end=2025,
    )
    assert located(check_text(text, select=["JX203"])) == []
