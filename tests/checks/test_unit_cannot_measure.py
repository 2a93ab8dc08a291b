"""JX112 unit-cannot-measure: timeliness counted in people, a time given as a percentage, a time limit as a floor."""

from __future__ import annotations

from tests.helpers import MATUO, check_text, configured, located, table_rows


def rows(level2: str, *rows: str) -> str:
    return table_rows(*rows, level2=level2, head=MATUO, name="村组干部报酬")


def test_on_time_counted_in_people():
    result = check_text(rows("质量指标", "{指标: 按时发放, 指标值: ≥1人/年}", "{指标: 按时发放率, 指标值: 100%}"), select=["JX112"])
    assert located(result) == [("JX112", 8, 29)]
    assert "时效要求不能用人数或个数衡量" in result.findings[0].message


def test_a_count_of_what_was_done_on_time_is_a_count():
    assert check_text(rows("时效指标", "{指标: 按时领取补助的学生人数, 指标值: 168人}"), select=["JX112"]).findings == []


def test_a_completion_time_as_a_percentage_and_a_date_that_is_fine():
    text = rows("时效指标", "{指标: 项目完成时间, 指标值: 100%}", "{指标: 任务完成时间, 指标值: 2023年12月31日}")
    result = check_text(text, select=["JX112"], lang="en")
    assert located(result) == [("JX112", 8, 31)]
    assert "a time or a date is not a percentage" in result.findings[0].message


def test_a_time_limit_written_as_a_floor_but_not_as_a_ceiling():
    text = rows("时效指标", "{指标: 维持时效, 指标值: ≥1年}", "{指标: 办理时限, 指标值: ≤30日}", "{指标: 高企资格有效, 指标值: 3年}")
    assert located(check_text(text, select=["JX112"])) == [("JX112", 8, 29)]


def test_each_test_can_be_switched_off():
    text = rows("质量指标", "{指标: 按时发放, 指标值: ≥1人/年}", "{指标: 项目完成时间, 指标值: 100%}", "{指标: 维持时效, 指标值: ≥1年}")
    ruleset = configured("JX112", timing_kinds=[], date_kinds=[], limit_names=[])
    assert check_text(text, ruleset=ruleset).findings == []
