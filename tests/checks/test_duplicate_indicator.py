"""JX403 duplicate-indicator: the same 三级指标 twice in one table.

The seed tables have no real duplicate (their only repeats are 不适用/无 placeholders in
seed 004), so the failing cases put real cells of the seeds twice into one table.
"""

from __future__ import annotations

import pytest

from tests.conftest import EXAMPLES
from tests.helpers import check_text, located

HEAD = "单位: 东莞市妇女联合会\n年度: 2025\n项目:\n  - 项目名称: 购买社工岗位服务经费\n    绩效指标:\n"


def rows(level1: str, level2: str, *names: str) -> str:
    return f"      {level1}:\n        {level2}:\n" + "".join(
        f"          - {{指标: {name}, 实施周期指标值: 1200个, 年度指标值: 1200个}}\n" for name in names
    )


def name_at(text: str, name: str, occurrence: int) -> tuple[str, int, int]:
    hits = [(n, line.index(f"指标: {name},") + 5) for n, line in enumerate(text.splitlines(), 1) if f"指标: {name}," in line]
    return ("JX403", *hits[occurrence])


@pytest.mark.parametrize("path", sorted(EXAMPLES.glob("*.yaml")), ids=lambda p: p.name)
def test_no_seed_table_repeats_an_indicator(path):
    assert located(check_text(path.read_text("utf-8"), select=["JX403"]), "JX403") == []


def test_same_name_with_full_and_half_width_unit_brackets():
    # Seed 001 writes 咨询服务数(宗), seed 000 咨询服务数（宗）.
    text = HEAD + rows("产出指标", "数量指标", "咨询服务数(宗)", "个案服务指标数", "咨询服务数（宗）")
    result = check_text(text, select=["JX403"])
    assert located(result) == [name_at(text, "咨询服务数（宗）", 0)]
    assert result.findings[0].message == "三级指标「咨询服务数（宗）」与第 8 行的「咨询服务数(宗)」重复"
    assert "第 8 行" in result.findings[0].hint


def test_each_later_occurrence_points_back_at_the_first():
    text = HEAD + rows("产出指标", "数量指标", "个案服务指标数", "个案服务指标数", " 个案服务指标数")
    result = check_text(text, select=["JX403"])
    assert located(result) == [name_at(text, "个案服务指标数", 1), ("JX403", 10, 19)]
    assert all("第 8 行" in f.message for f in result.findings)


def test_repeat_under_another_level1_is_a_duplicate():
    name = "“四新”领域妇女组织、执委工作室、阵地开展活动情况"
    text = HEAD + rows("产出指标", "数量指标", name) + rows("效益指标", "社会效益", "“四新” 领域妇女组织、执委工作室、阵地开展活动情况")
    assert [(line, rule) for rule, line, _ in located(check_text(text, select=["JX403"]))] == [(11, "JX403")]


def test_placeholders_and_brackets_that_name_something_are_not_duplicates():
    text = (
        HEAD
        + rows("产出指标", "数量指标", "提供学位数量（旧中心）", "提供学位数量（新中心）", "不适用", "不适用")
        + rows("效益指标", "经济效益", "无", "无")
    )
    assert check_text(text, select=["JX403"]).findings == []


def test_similar_names_of_seed_004_are_distinct():
    text = HEAD + rows("产出指标", "质量指标", "群众来电来访办结率", "来访办结率")
    assert check_text(text, select=["JX403"]).findings == []


def test_english_message():
    text = HEAD + rows("产出指标", "数量指标", "咨询服务数(宗)", "咨询服务数（宗）")
    [finding] = check_text(text, select=["JX403"], lang="en").findings
    assert finding.message == "Indicator '咨询服务数（宗）' repeats '咨询服务数(宗)' on line 8"
