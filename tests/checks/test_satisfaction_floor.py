"""JX404 satisfaction-floor: satisfaction targets below 90% (目标值太低)."""

from __future__ import annotations

import dataclasses

import pytest

from lint.rulepack import load_rules
from tests.helpers import check_text, located, seed

SEED_001 = seed("001")

# Seed 001: (project, satisfaction indicator) whose values are 85%-style, in file order.
LOW_IN_001 = [
    ("购买社工岗位服务经费", "用人单位满意度"),
    ("购买社工岗位服务经费", "服务对象满意度(%)"),
    ("购买白玉兰家庭服务项目", "用人单位满意度"),
    ("购买白玉兰家庭服务项目", "服务对象满意度(%)"),
    ("妇女维权工作经费", "服务使用者满意度"),
    ("三八六一系列活动经费", "目标人群认可度"),
    ("创业创新巾帼行动工作经费", "目标人群认可度"),
    ("基层妇女组织建设工作经费", "目标人群认可度"),
    ("东莞市中小学性别平等教育", "目标人群认可度"),
    ("家庭工作经费", "目标人群认可度"),
    ("市妇儿工委专项工作费用", "目标人群认可度"),
    ("创建儿童友好城市工作", "目标人群认可度"),
]


def annual_value_cell(text: str, project: str, name: str) -> tuple[str, int, int]:
    """Where the 年度指标值 of ``name`` in ``project`` starts."""
    lines = text.splitlines()
    start = next(i for i, line in enumerate(lines) if line.strip() == f"- 项目名称: {project}")
    number, line = next((n, line) for n, line in enumerate(lines[start:], start + 1) if f"{{指标: {name}," in line)
    return "JX404", number, line.index("年度指标值: ") + len("年度指标值: ") + 1


def satisfaction(cycle: str, annual: str, name: str = "服务对象满意度") -> str:
    return (
        "单位: 东莞市妇女联合会\n年度: 2025\n项目:\n  - 项目名称: 妇女维权工作经费\n    绩效指标:\n"
        "      满意度指标:\n        服务对象满意度:\n"
        f"          - {{指标: {name}, 实施周期指标值: \"{cycle}\", 年度指标值: \"{annual}\"}}\n"
    )


def flagged(text: str, ruleset=None) -> list[str]:
    """The value columns ("cycle", "annual") of the one-row table ``text`` that JX404 flags."""
    annual_starts = text.splitlines()[7].index("年度指标值")
    result = check_text(text, select=["JX404"]) if ruleset is None else check_text(text, ruleset=ruleset)
    return ["cycle" if f.span.column <= annual_starts else "annual" for f in result.findings]


def test_seed_001_every_85_percent_satisfaction_target_once_per_row():
    result = check_text(SEED_001, select=["JX404"])
    assert located(result, "JX404") == [annual_value_cell(SEED_001, project, name) for project, name in LOW_IN_001]
    first = result.findings[0]
    assert first.message == "满意度指标「用人单位满意度」的年度指标值「≥85%」只要求 85%，低于 90%：目标值太低（实施周期指标值相同，一并修改）"
    assert first.value == "≥85%"


@pytest.mark.parametrize("number", ["000", "002", "004"])
def test_seeds_with_90_percent_or_more_pass(number):
    # 000: ≥90%; 002: ≥93 (no unit), 满意, 95%/98%; 004: ≥95% in the single 目标值 column.
    text = seed(number)
    assert located(check_text(text, select=["JX404"]), "JX404") == []


@pytest.mark.parametrize("value", ["≥90%", "90%以上", "90%及以上", "学员满意度90%以上", "≥93", "95%", "0.95", "满意", "≤85%"])
def test_passing_values(value):
    assert flagged(satisfaction(value, value)) == []


@pytest.mark.parametrize("value", ["≥85%", "85%及以上", "85%或以上", "≥85", "0.85", "学员满意度80%以上", "80%-95%", ">85%"])
def test_values_below_the_floor(value):
    assert flagged(satisfaction(value, value)) == ["annual"]


def test_cycle_value_that_differs_is_reported_on_its_own():
    # Seed 003's 服务对象满意度（%）: 实施周期指标值 85%以上, 年度指标值 95%.
    assert flagged(satisfaction("85%以上", "95%")) == ["cycle"]
    assert flagged(satisfaction("80%", "85%")) == ["cycle", "annual"]


def test_only_satisfaction_indicators_are_checked():
    # Seed 001 三八六一系列活动经费: 人员参与率 ≥85% is a 质量指标, not a satisfaction target.
    text = satisfaction("≥85%", "≥85%").replace("满意度指标:\n        服务对象满意度:", "产出指标:\n        质量指标:")
    assert check_text(text, select=["JX404"]).findings == []


def test_floor_is_an_option():
    rules = load_rules().select(["JX404"])
    rule = rules.rules["JX404"]
    rules.rules["JX404"] = dataclasses.replace(rule, options={**rule.options, "floor": 95})
    assert flagged(satisfaction("≥93", "≥93"), ruleset=rules) == ["annual"]
    assert flagged(satisfaction("≥95%", "≥95%"), ruleset=rules) == []
    rules.rules["JX404"] = dataclasses.replace(rule, options={**rule.options, "floor": 85})
    assert flagged(satisfaction("≥85%", "≥85%"), ruleset=rules) == []


def test_english_message():
    [finding] = check_text(satisfaction("85%以上", "95%"), select=["JX404"], lang="en").findings
    assert finding.message == (
        "The cycle value '85%以上' of satisfaction indicator '服务对象满意度' only asks for 85%, below 90%: the target is too low"
    )
