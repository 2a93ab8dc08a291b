"""JX202 cycle-annual-unit-mismatch: 实施周期指标值 and 年度指标值 in units that do not compare."""

from __future__ import annotations

import pytest


from tests.helpers import check_text, configured, located, quantity_rows, seed

SEED_001 = seed("001")


def value_cell(text: str, project: str, indicator: str, column: str) -> tuple[int, int]:
    """Line and column of ``column`` ("年度指标值") of ``indicator`` in ``project``."""
    lines = text.splitlines()
    start = next(i for i, line in enumerate(lines) if line.strip() == f"- 项目名称: {project}")
    number, line = next((n, line) for n, line in enumerate(lines[start:], start + 1) if f"{{指标: {indicator}," in line)
    return number, line.index(f"{column}: ") + len(f"{column}: ") + 1


def rows(*rows: str) -> str:
    return quantity_rows("购买白玉兰家庭服务项目", *rows, start=2021, end=2029)


def test_seed_001_group_count_has_no_unit_in_the_annual_column():
    result = check_text(SEED_001, select=["JX202"])
    assert located(result) == [("JX202", *value_cell(SEED_001, "购买白玉兰家庭服务项目", "小组服务指标数", "年度指标值"))]
    assert result.findings[0].message == (
        "实施周期指标值「12个」与年度指标值「12」单位不一致：年度指标值没有写单位，另一栏的单位是「个」"
    )


@pytest.mark.parametrize("number", ["000", "002", "004"])
def test_seeds_with_one_unit_per_row_give_nothing(number):
    text = seed(number)
    assert located(check_text(text, select=["JX202"])) == []


def test_chang_against_ge_is_reported_on_the_annual_value():
    text = rows("{指标: 社区活动数(场次), 实施周期指标值: 55场, 年度指标值: 55个}")
    result = check_text(text, select=["JX202"])
    assert located(result) == [("JX202", *value_cell(text, "购买白玉兰家庭服务项目", "社区活动数(场次)", "年度指标值"))]
    assert "「场」和「个」不是同一种计量单位" in result.findings[0].message
    english = check_text(text, select=["JX202"], lang="en").findings[0].message
    assert english.endswith("'场' and '个' are different units")


def test_a_missing_unit_in_the_cycle_column_is_reported_there():
    text = rows('{指标: 小组服务指标数, 实施周期指标值: "12", 年度指标值: 12个}')
    result = check_text(text, select=["JX202"])
    assert located(result) == [("JX202", *value_cell(text, "购买白玉兰家庭服务项目", "小组服务指标数", "实施周期指标值"))]
    assert "实施周期指标值没有写单位" in result.findings[0].message
    assert located(check_text(text, ruleset=configured("JX202", flag_missing_unit=False))) == []


@pytest.mark.parametrize("row", [
    "{指标: 社区活动数(场次), 实施周期指标值: 55场, 年度指标值: 55场次}",
    "{指标: 预算控制数, 实施周期指标值: ≤95.41万元, 年度指标值: ≤954100元}",
    "{指标: 全年运维服务, 实施周期指标值: 1年, 年度指标值: 12个月}",
    '{指标: 咨询服务数（宗）, 实施周期指标值: "1080", 年度指标值: "360"}',
    "{指标: 维权服务覆盖程度, 实施周期指标值: 实施周期维权服务覆盖人次≥1530, 年度指标值: 年维权服务覆盖510人次}",
    "{指标: 第三方评估等级, 实施周期指标值: 合格及以上, 年度指标值: 合格及以上}",
])
def test_one_unit_words_and_sentences_are_not_reported(row):
    assert located(check_text(rows(row), select=["JX202"])) == []


def test_a_per_year_annual_value_of_the_same_counter_is_reported_only_on_request():
    text = rows("{指标: 小组服务指标数, 实施周期指标值: 12个, 年度指标值: 4个/年}")
    assert located(check_text(text, select=["JX202"])) == []
    strict = check_text(text, ruleset=configured("JX202", flag_per_year_annual=True))
    assert located(strict) == [("JX202", *value_cell(text, "购买白玉兰家庭服务项目", "小组服务指标数", "年度指标值"))]
    same = rows("{指标: 个案服务指标数, 实施周期指标值: 90宗/年, 年度指标值: 30宗/年}")
    assert located(check_text(same, ruleset=configured("JX202", flag_per_year_annual=True))) == []
