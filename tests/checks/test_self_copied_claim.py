"""JX715 (self_copied_claim): results copied from the target or the goal."""

from __future__ import annotations

from tests.helpers import cell_at, check_text, located, self_assessment

GOAL = "确保每一个学生都能享受到国家政策福利,改善学生体质"


def test_the_achievement_copies_the_goal():
    text = self_assessment(f'    年度总体目标:\n      预期目标: "{GOAL}"\n      实际完成情况: "{GOAL}。"\n')
    assert located(check_text(text, select=["JX715"])) == [("JX715", 7, 15)]
    done = self_assessment(f'    年度总体目标:\n      预期目标: "{GOAL}"\n      实际完成情况: "735名学生全年享受营养餐"\n')
    assert check_text(done, select=["JX715"]).findings == []


def test_a_word_target_or_a_sign_repeated_is_a_copy_an_equal_number_is_not():
    rows = ('{指标: 保证财政建设补助专款专用, 年初目标值: 专款专用, 实际完成值: 专款专用, 得分: "10"}\n'
            '{指标: 满意度, 年度指标值: "≥95%", 实际完成值: "≥95%", 得分: "10"}\n'
            '{指标: 学生受资助人数, 年度指标值: "735人次", 实际完成值: "735人次", 得分: "10"}')
    text = self_assessment(rows=rows)
    assert located(check_text(text, select=["JX715"])) == [
        ("JX715", *cell_at(text, "保证财政建设补助专款专用", "实际完成值")), ("JX715", *cell_at(text, "{指标: 满意度", "实际完成值"))]
