"""JX703 (self_grade): 评价等级 by the total's band, bands configurable."""

from __future__ import annotations

from tests.helpers import check_text, configured, located, self_assessment


def _graded(total: str, grade: str) -> str:
    return self_assessment(f'    总分: {{分值: "100", 得分: "{total}"}}\n    评价等级: {grade}\n')


def test_a_grade_above_the_totals_band_is_reported_with_the_grade_it_earns():
    result = check_text(_graded("86", "优"), select=["JX703"])
    assert located(result) == [("JX703", 6, 11)]
    assert "应评为「良」" in result.findings[0].message


def test_every_band_edge_of_the_default():
    for total, grade in (("90", "优"), ("89.5", "良"), ("80", "良"), ("60", "中"), ("59", "差"), ("96", "优")):
        assert check_text(_graded(total, grade), select=["JX703"]).findings == [], (total, grade)


def test_a_province_that_grades_otherwise_sets_the_bands():
    rules = configured("JX703", grades={"优": 95, "良": 85, "中": 60, "差": 0})
    assert located(check_text(_graded("92", "优"), ruleset=rules)) == [("JX703", 6, 11)]
    assert check_text(_graded("92", "良"), ruleset=rules).findings == []
