"""JX111 percent-of-nothing: a percentage on an indicator that names no rate."""

from __future__ import annotations

from tests.helpers import MATUO, check_text, configured, located, table_rows


def rows(*rows: str, level2: str = "社会效益指标") -> str:
    return table_rows(*rows, level1="效益指标", level2=level2, head=MATUO, name="村组干部报酬")


def test_a_slogan_with_a_percentage_is_reported_on_the_value():
    result = check_text(rows("{指标: 维护社会稳定, 指标值: ≥95%}", "{指标: 村集体经济收入增长, 指标值: ≥5%}"), select=["JX111"])
    assert located(result) == [("JX111", 8, 31)]
    assert "维护社会稳定" in result.findings[0].message


def test_rates_compliance_completion_payout_and_change_define_their_percentage():
    text = rows("{指标: 疫苗提供及时率, 指标值: 100%}", "{指标: 美沙酮药物治疗符合国家相关标准, 指标值: 100%}",
                "{指标: 按年度发放绩效奖, 指标值: ≥60%}", "{指标: 通过注射疫苗可以有效降低传染病的发生, 指标值: 40%}",
                "{指标: 服务对象满意度%, 指标值: =99%}", "{指标: 种植作物成活率(≥**%), 指标值: ≥85%}")
    assert check_text(text, select=["JX111"]).findings == []


def test_counts_sentences_and_placeholders_are_not_percentages_of_nothing():
    text = rows("{指标: 维护社会稳定, 指标值: 230人}", "{指标: 减税降费, 指标值: 企业所得税减按15%征收}", "{指标: 无, 指标值: 100%}")
    assert check_text(text, select=["JX111"]).findings == []


def test_a_cycle_value_repeating_the_annual_one_is_reported_once():
    text = rows("{指标: 家庭发展能力, 实施周期指标值: 90%, 年度指标值: 90%}")
    assert located(check_text(text, select=["JX111"])) == [("JX111", 8, 47)]


def test_rate_words_are_an_option():
    text = rows("{指标: 维护社会稳定, 指标值: ≥95%}")
    assert check_text(text, ruleset=configured("JX111", rate_words=["稳定"])).findings == []


def test_a_name_without_a_rate_word_that_is_no_slogan_gets_the_benefit_of_the_doubt():
    text = rows("{指标: 安全事故发生, 指标值: ≤1%}", "{指标: 家庭发展能力, 指标值: 90%}", "{指标: 确保日常工作正常运行, 指标值: 100%}")
    assert located(check_text(text, select=["JX111"])) == [("JX111", 9, 31), ("JX111", 10, 35)]
    assert check_text(text, ruleset=configured("JX111", slogan_words=["^确保"])).findings[0].span.line == 10
