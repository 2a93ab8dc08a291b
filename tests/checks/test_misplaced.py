"""misplaced: rows under a level they do not belong to (JX601–JX605, JX607) and inputs as outputs (JX606)."""

from __future__ import annotations

import pytest

from lint.rulepack import PackError, load_rules
from tests.helpers import check_text, configured, located


def one_project(level1: str, level2: str, *rows: str, unit: str = "同心县下马关镇人民政府") -> str:
    body = "".join(f"          - {row}\n" for row in rows)
    return (f"单位: {unit}\n年度: 2023\n项目:\n  - 项目名称: 设施农业种植项目\n    绩效指标:\n"
            f"      {level1}:\n        {level2}:\n" + body)


def test_a_rate_under_quantity_is_reported_on_its_name_and_says_where_it_belongs():
    text = one_project("产出指标", "数量指标", "{指标: 疫苗使用率, 指标值: 100%}", "{指标: 补助学生数量, 指标值: 168人}")
    [finding] = check_text(text, select=["JX601"]).findings
    assert (finding.span.line, finding.span.column) == (8, 18)
    assert "数量指标" in finding.message and "质量指标" in finding.message


def test_a_percentage_without_a_rate_word_is_a_rate_too_and_a_count_named_like_a_rate_is_not():
    text = one_project("产出指标", "数量指标",
                       "{指标: 满足海洛因成瘾患者维持治疗需求, 指标值: 100%}",
                       "{指标: 年法治宣传服务覆盖率统计人次, 指标值: ≥6000人次}")
    assert located(check_text(text, select=["JX601"])) == [("JX601", 8, 18)]


def test_the_same_rate_under_quality_is_where_it_belongs():
    text = one_project("产出指标", "质量指标", "{指标: 疫苗使用率, 指标值: 100%}")
    assert check_text(text, select=["JX601"]).findings == []


def test_effect_under_cost_but_not_a_negative_impact_nor_an_amount():
    text = one_project("成本指标", "生态环境成本指标",
                       "{指标: 提升博物馆绿化水平, 指标值: 提升}",
                       "{指标: 施工对文物保护环境的不利影响, 指标值: 无}",
                       "{指标: 绿化提升工程费用, 指标值: ≤2万元}")
    assert located(check_text(text, select=["JX603"])) == [("JX603", 8, 18)]


def test_satisfaction_under_benefit_names_the_satisfaction_level():
    text = one_project("效益指标", "社会效益指标", "{指标: 受益脱贫户满意度, 指标值: ≥95%}")
    [finding] = check_text(text, select=["JX602"], lang="en").findings
    assert "效益指标" in finding.message and "满意度指标" in finding.message


def test_a_level_label_as_the_indicator_name():
    text = one_project("成本指标", "社会成本指标", "{指标: 社会成本指标, 指标值: 无}", "{指标: 社会成本, 指标值: 无}")
    assert located(check_text(text, select=["JX605"])) == [("JX605", 8, 18), ("JX605", 9, 18)]
    satisfaction = one_project("满意度指标", "服务对象满意度指标", "{指标: 服务对象满意度, 指标值: ≥95%}")
    assert check_text(satisfaction, select=["JX605"]).findings == []


def test_inputs_are_reported_per_row_under_outputs_and_benefits_but_not_under_cost():
    rows = ("{指标: 伙食补助资金到位率, 指标值: 90%以上}", "{指标: 伙食补助发放率, 指标值: 100%}")
    assert located(check_text(one_project("产出指标", "质量指标", *rows), select=["JX606"])) == [("JX606", 8, 18)]
    # Under 成本指标 it is JX302's business (no real cost indicator), not an output standing in.
    assert check_text(one_project("产出指标", "成本指标", *rows), select=["JX606"]).findings == []


def test_staff_numbers_and_money_as_quantities():
    text = one_project("产出指标", "数量指标",
                       "{指标: 在编人员人数, 指标值: 30人}",
                       "{指标: 场馆日常运转公用经费, 指标值: 83.4万元}",
                       "{指标: 服务对象人数, 指标值: ≥300人}")
    assert located(check_text(text, select=["JX607"])) == [("JX607", 8, 18), ("JX607", 9, 18)]


def test_vocabulary_and_value_kinds_are_options():
    text = one_project("产出指标", "数量指标", "{指标: 疫苗使用率, 指标值: 100%}")
    assert check_text(text, ruleset=configured("JX601", terms=[], value_kinds=[])).findings == []
    assert located(check_text(text, ruleset=configured("JX601", exempt_kinds=["percent"]))) == []
    both = configured("JX601", require_both=True)
    assert located(check_text(one_project("产出指标", "数量指标", "{指标: 确保正常运行, 指标值: 100%}"), ruleset=both)) == []
    assert located(check_text(text, ruleset=both)) == [("JX601", 8, 18)]
    spared = configured("JX601", unless=["使用率"])
    assert check_text(text, ruleset=spared).findings == []


def test_placeholder_rows_are_not_indicators():
    text = one_project("产出指标", "数量指标", "{指标: 无, 指标值: 100%}")
    assert check_text(text, select=["JX601"]).findings == []


def test_a_duration_under_timeliness_that_is_no_deadline():
    text = one_project("产出指标", "时效指标", "{指标: 高企资格有效, 指标值: 3年}", "{指标: 审核办结时限, 指标值: ≤15日}",
                       "{指标: 任务完成时间, 指标值: 2023年12月31日}")
    assert located(check_text(text, select=["JX609"])) == [("JX609", 8, 18)]


def test_a_value_kind_the_check_does_not_know_is_a_pack_error(tmp_path):
    pack = tmp_path / "p.yaml"
    pack.write_text("pack: p\nextends: [default]\noverride:\n  JX601: {options: {value_kinds: [percentage]}}\n", encoding="utf-8")
    with pytest.raises(PackError, match="'percentage' is not one of"):
        load_rules(["default", str(pack)])


def test_a_rate_valued_as_a_count_cost_control_under_outputs_and_funding_as_cost():
    rate = one_project("产出指标", "数量指标", "{指标: 家庭医生签约率, 指标值: 24694人}", "{指标: 家庭医生签约人数, 指标值: 24694人}",
                       "{指标: 疫苗接种率, 指标值: ≥95%}")
    assert located(check_text(rate, select=["JX610"])) == [("JX610", 8, 18)]
    control = one_project("产出指标", "数量指标", "{指标: 成本控制, 指标值: 不超过预算}", "{指标: 低成本服务包覆盖人数, 指标值: ≥5000人}")
    assert located(check_text(control, select=["JX611"])) == [("JX611", 8, 18)]
    funding = one_project("成本指标", "经济成本指标", "{指标: 每年财政补助1000万元, 指标值: 1000万元}",
                          "{指标: 财政补助标准, 指标值: 17元/人/天}", "{指标: 项目总成本, 指标值: ≤1000万元}")
    assert located(check_text(funding, select=["JX612"])) == [("JX612", 8, 18)]
