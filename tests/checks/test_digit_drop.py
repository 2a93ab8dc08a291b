"""JX204 digit-drop: cycle and annual values that differ by one doubled digit, unexplained."""

from __future__ import annotations

import pytest

from tests.helpers import HEADER, check_text, located, quantity_rows, seed, value_cell

SEED_001 = seed("001")
BAILAN = "购买白玉兰家庭服务项目"



def bailan(*rows: str, start: int = 2021, end: int = 2029) -> str:
    return quantity_rows(BAILAN, *rows, start=start, end=end)


def test_seed_001_community_activities_55_vs_5():
    result = check_text(SEED_001, select=["JX204"])
    line, column = value_cell(SEED_001, BAILAN, "社区活动数(场次)")
    assert located(result) == [("JX204", line, column)]
    assert SEED_001.splitlines()[line - 1][column - 1:].startswith("5场}")
    finding = result.findings[0]
    assert finding.message == (
        "疑似笔误：年度指标值「5场」与实施周期指标值「55场」只差一个数字「5」（多打或漏打），"
        "两者相差11倍，而实施周期2021–2029年共9年"
    )
    assert finding.value == "5场" and finding.project == BAILAN


def test_english_message():
    message = check_text(SEED_001, select=["JX204"], lang="en").findings[0].message
    assert message == (
        "Likely typo: the annual value '5场' and the cycle value '55场' differ only by one doubled '5'; "
        "their ratio of 11 is not explained: the implementation period 2021–2029 is 9 years"
    )


@pytest.mark.parametrize("number", ["000", "002", "004"])
def test_other_seeds_give_nothing(number):
    text = seed(number)
    assert located(check_text(text, select=["JX204"])) == []


def test_family_work_150_vs_50_is_explained_by_the_tables_shared_ratio():
    """Seed 001 家庭工作经费 is in SEED_001 and gives nothing (see the first test); alone too."""
    text = (HEADER + "  - 项目名称: 家庭工作经费\n    实施周期: {起始年度: 2021, 到期年度: 2099}\n    绩效指标:\n"
            "      产出指标:\n        数量指标:\n"
            "          - {指标: 美丽庭院户, 实施周期指标值: 150户, 年度指标值: 50户}\n"
            "          - {指标: 举办活动场次, 实施周期指标值: 6场, 年度指标值: 2场}\n")
    assert located(check_text(text, select=["JX204"])) == []


def test_a_doubled_digit_in_a_larger_annual_value():
    text = bailan('{指标: 小组服务指标数, 实施周期指标值: "12", 年度指标值: "112"}')
    result = check_text(text, select=["JX204"])
    assert located(result) == [("JX204", *value_cell(text, BAILAN, "小组服务指标数"))]
    assert result.findings[0].message.endswith("而且年度指标值大于实施周期指标值")


def test_a_rate_is_never_explained_by_the_period():
    text = bailan("{指标: 社工证持有率, 实施周期指标值: 100%, 年度指标值: 10%}")
    result = check_text(text, select=["JX204"])
    assert located(result) == [("JX204", *value_cell(text, BAILAN, "社工证持有率"))]
    assert "比率、标准或时限" in result.findings[0].message


def test_the_period_explains_a_doubled_zero():
    ten_years = bailan("{指标: 社区活动数(场次), 实施周期指标值: 100场, 年度指标值: 10场}", start=2020, end=2029)
    assert located(check_text(ten_years, select=["JX204"])) == []
    nine_years = bailan("{指标: 社区活动数(场次), 实施周期指标值: 100场, 年度指标值: 10场}")
    assert len(located(check_text(nine_years, select=["JX204"]))) == 1


def test_an_open_ended_project_with_nothing_to_compare_is_still_reported():
    text = bailan("{指标: 社区活动数(场次), 实施周期指标值: 55场, 年度指标值: 5场}", start=2021, end=2099)
    result = check_text(text, select=["JX204"])
    assert len(located(result)) == 1
    assert "实施周期没有固定年数，本表也没有其他指标可作参照" in result.findings[0].message


@pytest.mark.parametrize("row", [
    "{指标: 美丽庭院户, 实施周期指标值: 150户, 年度指标值: 50户}",  # a dropped 1, not a doubled digit
    "{指标: 个案服务指标数, 实施周期指标值: 57个, 年度指标值: 7个}",
    "{指标: 社区活动数(场次), 实施周期指标值: 55场, 年度指标值: 5个}",  # units differ: JX202's
    "{指标: 预算控制数, 实施周期指标值: ≤5.5万元, 年度指标值: ≤5000元}",  # not the same written unit
])
def test_not_a_doubled_digit_in_one_unit(row):
    assert located(check_text(bailan(row), select=["JX204"])) == []


def test_caps_in_one_unit_compare_like_counts():
    text = bailan("{指标: 预算控制数, 实施周期指标值: ≤55万元, 年度指标值: ≤5万元}")
    assert located(check_text(text, select=["JX204"])) == [("JX204", *value_cell(text, BAILAN, "预算控制数"))]
