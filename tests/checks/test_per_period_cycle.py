"""JX205 per-year-on-cycle: a per-year figure in the 实施周期指标值 column."""

from __future__ import annotations

import pytest


from tests.helpers import check_text, configured, located, quantity_rows, seed, value_cell

SEED_001 = seed("001")
STATION = "粤财行（2024）117号维权与信息服务站项目"


def cycle_cell(text: str, project: str, indicator: str) -> tuple[int, int]:
    return value_cell(text, project, indicator, "实施周期指标值")


def station(*rows: str, start: int = 2023, end: int = 2025) -> str:
    return quantity_rows(STATION, *rows, start=start, end=end)


def test_seed_001_case_count_per_year_in_the_cycle_column():
    result = check_text(SEED_001, select=["JX205"])
    line, column = cycle_cell(SEED_001, STATION, "个案服务指标数")
    assert located(result) == [("JX205", line, column)]
    assert SEED_001.splitlines()[line - 1][column - 1:].startswith("90宗/年,")
    assert result.findings[0].message == (
        "实施周期指标值「90宗/年」写的是每年的数（「/年」），而实施周期2023–2025年共3年：这一栏应填整个实施周期的累计目标"
    )
    assert result.findings[0].hint == "去掉「/年」，填写2023–2025年的累计数；每年的数填在年度指标值一栏。"


def test_english_message():
    message = check_text(SEED_001, select=["JX205"], lang="en").findings[0].message
    assert message.startswith("The cycle value '90宗/年' is a per-year figure ('/年')")


@pytest.mark.parametrize("number", ["000", "002", "004"])
def test_other_seeds_give_nothing(number):
    text = seed(number)
    assert located(check_text(text, select=["JX205"])) == []


@pytest.mark.parametrize("row", [
    "{指标: 小组服务指标数, 实施周期指标值: 12个, 年度指标值: 4个/年}",  # "/年" in the annual column is right
    "{指标: 会议费, 实施周期指标值: ≤650元/人/天, 年度指标值: ≤650元/人/天}",
    "{指标: 人员薪酬标准, 实施周期指标值: ≤105000元/人/年, 年度指标值: ≤105000元/人/年}",
    "{指标: 法治宣传服务覆盖程度, 实施周期指标值: 实施周期法治宣传服务覆盖人次≥65400, 年度指标值: 年法治宣传服务覆盖人次≥21800}",
    "{指标: 工作完成时效, 实施周期指标值: 2023-2025年, 年度指标值: 2025年}",
    "{指标: 举办活动场次, 实施周期指标值: 年底前完成12场, 年度指标值: 4场}",
])
def test_totals_standards_and_deadlines_are_not_reported(row):
    assert located(check_text(station(row), select=["JX205"])) == []


@pytest.mark.parametrize("cycle_value, words", [
    ("年法治宣传服务覆盖人次≥21800", "年"),
    ("每年开展12场", "每年"),
    ("全年服务≥300人次", "全年"),
    ("年均培训300人", "年均"),
])
def test_per_year_wording_in_the_cycle_column(cycle_value, words):
    text = station(f"{{指标: 举办活动场次, 实施周期指标值: {cycle_value}, 年度指标值: 4场}}")
    result = check_text(text, select=["JX205"])
    assert located(result) == [("JX205", *cycle_cell(text, STATION, "举办活动场次"))]
    assert f"（「{words}」）" in result.findings[0].message
    assert located(check_text(text, ruleset=configured("JX205", wording=False))) == []


def test_open_ended_and_one_year_projects_are_not_reported():
    row = "{指标: 个案服务指标数, 实施周期指标值: 90宗/年, 年度指标值: 30宗/年}"
    assert len(located(check_text(station(row), select=["JX205"]))) == 1
    assert located(check_text(station(row, start=2021, end=2099), select=["JX205"])) == []
    assert located(check_text(station(row, start=2025, end=2025), select=["JX205"])) == []
