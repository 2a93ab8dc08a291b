"""JX714 (self_actual_kind): a word as the result of a number target."""

from __future__ import annotations

from tests.helpers import cell_at, check_text, located, self_assessment

ROW = '{指标: 学生受资助人数, 指标性质: "≧", 指标值: "735", 度量单位: 人次, 实际完成值: "%s", 分值: "10", 得分: "10"}'


def test_a_word_result_on_a_number_target():
    text = self_assessment(rows=ROW % "已完成")
    assert located(check_text(text, select=["JX714"])) == [("JX714", *cell_at(text, "学生受资助人数", "实际完成值"))]


def test_numbers_blanks_slashes_and_word_targets_pass():
    for result in ("735", "740人次", "", "/"):
        assert check_text(self_assessment(rows=ROW % result), select=["JX714"]).findings == [], result
    words = self_assessment(rows='{指标: 专款专用, 年初目标值: 专款专用, 实际完成值: 已落实, 得分: "10"}', level2="质量指标")
    assert check_text(words, select=["JX714"]).findings == []
