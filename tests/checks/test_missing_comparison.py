"""JX104 missing-comparison: a bare percentage where the target needs a floor or a ceiling."""

from __future__ import annotations

import pytest


from tests.helpers import cells, check_text, configured, located, quality_row, seed, seed_cells


def test_every_bare_percentage_in_the_seeds():
    assert located(check_text(seed("000"), select=["JX104"])) == seed_cells("JX104", "000", [(None, "学员出勤率")])
    assert located(check_text(seed("001"), select=["JX104"])) == seed_cells("JX104", "001", [("东莞市第十六次妇女代表大会", "会议出勤率（%）")])
    assert located(check_text(seed("002"), select=["JX104"])) == seed_cells("JX104", "002", [
        ("望牛墩镇“向幸福家庭出发”家校社共建共享支持项目", "家庭发展能力"),
        ("望牛墩镇“向幸福家庭出发”家校社共建共享支持项目", "受益群体满意度"),
    ])
    assert located(check_text(seed("004"), select=["JX104"])) == []


def test_message_says_floor_and_what_to_write():
    finding = check_text(seed("000"), select=["JX104"]).findings[0]
    assert finding.message == "三级指标「学员出勤率」的实施周期指标值「85%」没有比较符，看不出是下限还是上限；这个指标应写下限"
    assert finding.hint == "写明比较符：「≥85%」。"
    english = check_text(seed("000"), select=["JX104"], lang="en").findings[0]
    assert english.message == "The cycle value of '学员出勤率', '85%', has no ≥ or ≤, so it is neither a floor nor a ceiling; this indicator needs a floor"


def test_lower_is_better_rates_need_a_ceiling():
    text = quality_row("{指标: 服务对象投诉率, 实施周期指标值: 5%, 年度指标值: ≤5%}")
    result = check_text(text, select=["JX104"])
    assert located(result) == [("JX104", *cells(text, "服务对象投诉率")[0])]
    assert "上限" in result.findings[0].message and result.findings[0].hint == "写明比较符：「≤5%」。"


@pytest.mark.parametrize("row", [
    "{指标: 培训出勤率, 实施周期指标值: ≥95%, 年度指标值: ≥95%}",
    "{指标: 社工证持有率, 实施周期指标值: 100%, 年度指标值: 100%}",
    "{指标: 目标人群认可度, 实施周期指标值: 90%以上, 年度指标值: 85%或以上}",
    "{指标: 参与人群满意度, 实施周期指标值: 学员满意度90%以上, 年度指标值: 学员满意度90%以上}",
    "{指标: 安全事故发生率, 实施周期指标值: 0%, 年度指标值: 0%}",
    "{指标: 市级资金配套比例, 实施周期指标值: 30%, 年度指标值: 30%}",
    "{指标: 培训出勤率, 实施周期指标值: 80%-90%, 年度指标值: 80%-90%}",
])
def test_bounded_exact_and_share_values_pass(row):
    assert located(check_text(quality_row(row), select=["JX104"])) == []


def test_options_units_and_exact_names():
    text = quality_row("{指标: 会议出勤率（%）, 实施周期指标值: 90%, 年度指标值: 90%}")
    assert located(check_text(text, ruleset=configured("JX104", exact_names=["出勤率"]))) == []
    assert located(check_text(text, ruleset=configured("JX104", units=["‰"]))) == []
