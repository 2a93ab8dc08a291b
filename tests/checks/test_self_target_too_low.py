"""JX717 (self_target_too_low): a floor the result exceeds many times over."""

from __future__ import annotations

from tests.helpers import cell_at, check_text, configured, located, self_assessment

ROW = '{指标: 举办健康教育知识讲座, 年度指标值: "%s", 实际完成值: "%s", 分值: "1", 得分: "1"}'


def test_a_result_many_times_the_floor_is_reported_on_the_target():
    text = self_assessment(rows=ROW % ("6次", "150次"))
    result = check_text(text, select=["JX717"])
    assert located(result) == [("JX717", *cell_at(text, "举办", "年度指标值"))]
    assert "25 倍" in result.findings[0].message


def test_the_margin_caps_and_units_that_differ():
    assert check_text(self_assessment(rows=ROW % ("116次", "150次")), select=["JX717"]).findings == []
    assert located(check_text(self_assessment(rows=ROW % ("116次", "150次")), ruleset=configured("JX717", ratio=1.2)))
    assert check_text(self_assessment(rows=ROW % ("≤6次", "150次")), select=["JX717"]).findings == []
    assert check_text(self_assessment(rows=ROW % ("6次", "150人")), select=["JX717"]).findings == []
    assert check_text(self_assessment(rows=ROW % ("≥95%", "100%")), select=["JX717"]).findings == []
