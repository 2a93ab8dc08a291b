"""JX710–JX713 (self_indicator_score): a row's score against whether its target was met."""

from __future__ import annotations

from tests.helpers import cell_at, check_text, configured, located, self_assessment

SPLIT = '{指标: %s, 指标性质: "%s", 指标值: "%s", 度量单位: "%%", 实际完成值: "%s", 分值: "%s", 得分: "%s"%s}'
WHOLE = '{指标: %s, 年度指标值: "%s", 实际完成值: "%s", 分值: "%s", 得分: "%s"}'
ALL = ["JX710", "JX711", "JX712", "JX713"]


def test_met_exactly_with_the_unit_from_the_split_column_but_points_deducted():
    text = self_assessment(rows=SPLIT % ("項目驗收合格率", "﹦", "100", "100", "20", "19", ""))
    assert located(check_text(text, select=ALL)) == [("JX710", *cell_at(text, "項目驗收合格率", "得分"))]
    reasoned = SPLIT % ("項目驗收合格率", "﹦", "100", "100", "20", "19", ', 偏差原因: "验收时一处整改"')
    assert check_text(self_assessment(rows=reasoned), select=ALL).findings == []


def test_missed_with_full_marks_and_no_reason():
    text = self_assessment(rows=WHOLE % ("指标1:居民健康档案", "38508人", "37442人", "3", "3"))
    assert located(check_text(text, select=ALL)) == [
        ("JX712", *cell_at(text, "居民健康档案", "实际完成值")), ("JX711", *cell_at(text, "居民健康档案", "得分"))]


def test_a_partial_score_off_the_proportional_rule_beyond_the_tolerance():
    off = self_assessment(rows=WHOLE % ("早孕建册数", "120人", "69人", "2", "1.8"))
    assert ("JX713", *cell_at(off, "早孕建册数", "得分")) in located(check_text(off, select=ALL))
    near = self_assessment(rows=WHOLE % ("疫苗接种率", "100.00%", "97.30%", "2", "1.9"))
    assert located(check_text(near, select=ALL)) == [("JX712", *cell_at(near, "疫苗接种率", "实际完成值"))]
    assert check_text(off, ruleset=configured("JX713", tolerance=1)).findings == []


def test_a_cap_scores_target_over_actual():
    rows = SPLIT % ("投诉率", "≤", "2", "4%", "10", "5", ', 偏差原因: "新增投诉渠道"')
    assert check_text(self_assessment(rows=rows), select=ALL).findings == []
    rows = SPLIT % ("投诉率", "≤", "2", "4%", "10", "8", ', 偏差原因: "新增投诉渠道"')
    assert [f.rule for f in check_text(self_assessment(rows=rows), select=ALL).findings] == ["JX713"]


def test_words_compare_as_words_and_a_bare_target_reads_as_the_option_says():
    same = self_assessment(rows='{指标: 减轻贫困学生家庭经济负担, 指标值: "有效", 实际完成值: "有效", 分值: "10", 得分: "8"}', level1="效益指标", level2="经济效益指标")
    assert [f.rule for f in check_text(same, select=ALL).findings] == ["JX710"]
    over = self_assessment(rows=WHOLE % ("举办讲座", "6次", "150次", "1", "1"))
    assert check_text(over, select=ALL).findings == []
    assert [f.rule for f in check_text(over, ruleset=configured("JX712", bare="eq")).findings] == ["JX712"]
