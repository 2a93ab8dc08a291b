"""JX301 cost-cap-budget: a 预算控制数 (total-cost cap) that differs from 预算金额."""

from __future__ import annotations

import pytest


from tests.helpers import HEADER, check_text, configured, located, seed

SEED_001 = seed("001")


def annual_cap(text: str, project: str) -> tuple[int, int]:
    """Line and column of the 预算控制数 row's 年度指标值 in ``project``."""
    lines = text.splitlines()
    start = next(i for i, line in enumerate(lines) if line.strip() == f"- 项目名称: {project}")
    for number, line in enumerate(lines[start:], start + 1):
        if "{指标: 预算控制数," in line:
            return number, line.index("年度指标值: ") + len("年度指标值: ") + 1
    raise AssertionError(f"no 预算控制数 in {project}")


def value_at(text: str, cell: str) -> tuple[int, int]:
    """Line and column of the value in ``cell`` ("年度指标值: ≤95万元") in a snippet."""
    key, value = cell.split(": ", 1)
    for number, line in enumerate(text.splitlines(), 1):
        if cell in line:
            return number, line.index(cell) + len(key) + 3
    raise AssertionError(cell)


def cap_project(budget: str, row: str, level: str = "      成本指标:\n        经济成本指标:\n") -> str:
    return HEADER + "  - 项目名称: 购买白玉兰家庭服务项目\n" + f"    预算金额: {budget}\n    绩效指标:\n" + level + f"          - {row}\n"


def test_seed_001_has_exactly_the_three_caps_that_miss_the_budget():
    result = check_text(SEED_001, select=["JX301"])
    assert located(result, "JX301") == [
        ("JX301", *annual_cap(SEED_001, "购买白玉兰家庭服务项目")),
        ("JX301", *annual_cap(SEED_001, "创建儿童友好城市工作")),
        ("JX301", *annual_cap(SEED_001, "市妇联统筹运维服务项目")),
    ]
    bailan, children, upkeep = result.findings
    assert bailan.message == "成本指标「预算控制数」的年度指标值「≤954100元」与预算金额「954,112.00元」不一致，比预算金额少 12元"
    assert "≤549676元" in children.message and "589,176.00元" in children.message and "少 39,500元" in children.message
    assert "≤208000元" in upkeep.message and "200,800.00元" in upkeep.message and "多 7,200元" in upkeep.message
    assert "「≤589176元」" in children.hint
    assert children.project == "创建儿童友好城市工作" and children.indicator == "预算控制数"


def test_english_message_gives_both_amounts_and_the_difference():
    result = check_text(SEED_001, select=["JX301"], lang="en")
    assert result.findings[1].message == (
        "Cost indicator '预算控制数': annual value '≤549676元' does not match the budget '589,176.00元'; "
        "it is below the budget by 39,500元"
    )


@pytest.mark.parametrize("number", ["000", "002", "004"])
def test_seeds_without_a_total_cap_give_nothing(number):
    text = seed(number)
    assert located(check_text(text, select=["JX0", "JX301"])) == []


@pytest.mark.parametrize("row", [
    "{指标: 人均培训成本, 实施周期指标值: ≤210元/人/天, 年度指标值: ≤210元/人/天}",
    "{指标: 会议费, 实施周期指标值: ≤650元/人/天, 年度指标值: ≤650元/人/天}",
    "{指标: 人员薪酬标准, 实施周期指标值: ≤105000元/人/年, 年度指标值: ≤105000元/人/年}",
])
def test_per_unit_costs_are_not_total_caps(row):
    text = cap_project('"189,000.00元"', row)
    assert located(check_text(text, select=["JX0", "JX301"])) == []


def test_a_cap_equal_to_the_budget_passes():
    text = cap_project('"2,480,691.00元"', "{指标: 预算控制数, 实施周期指标值: ≤2480691元, 年度指标值: ≤2480691元}")
    assert located(check_text(text, select=["JX0", "JX301"])) == []


def test_the_annual_value_is_compared_not_the_cycle_value():
    text = cap_project('"954,112.00元"', "{指标: 预算控制数, 实施周期指标值: ≤8587008元, 年度指标值: ≤954112元}")
    assert located(check_text(text, select=["JX0", "JX301"])) == []


def test_a_cap_in_wan_yuan_is_converted():
    equal = cap_project('"954,112.00元"', "{指标: 预算控制数, 年度指标值: ≤95.4112万元}")
    assert located(check_text(equal, select=["JX0", "JX301"])) == []
    below = cap_project('"954,112.00元"', "{指标: 预算控制数, 年度指标值: ≤95万元}")
    result = check_text(below, select=["JX301"])
    assert located(result) == [("JX301", *value_at(below, "年度指标值: ≤95万元"))]
    assert "比预算金额少 4,112元" in result.findings[0].message
    assert "「≤95.4112万元」" in result.findings[0].hint


def test_a_bare_budget_is_in_yuan_and_an_older_form_puts_the_cap_under_output():
    older = "      产出指标:\n        成本指标:\n"
    assert located(check_text(cap_project("190000", "{指标: 项目总成本, 当年度指标值: ≤190000元}", older), select=["JX0", "JX301"])) == []
    text = cap_project("190000", "{指标: 项目总成本, 当年度指标值: ≤19000元}", older)
    assert located(check_text(text, select=["JX301"])) == [("JX301", *value_at(text, "当年度指标值: ≤19000元"))]


def test_a_single_value_column_is_compared():
    text = cap_project("190000", "{指标: 成本控制数, 指标值: ≤200000元}")
    result = check_text(text, select=["JX301"])
    assert located(result) == [("JX301", *value_at(text, "指标值: ≤200000元"))]
    assert "指标值「≤200000元」" in result.findings[0].message


def test_a_cap_outside_the_cost_block_is_not_compared():
    text = cap_project('"954,112.00元"', "{指标: 预算控制数, 年度指标值: ≤954100元}", "      产出指标:\n        数量指标:\n")
    assert located(check_text(text, select=["JX0", "JX301"])) == []


def test_tolerances():
    assert located(check_text(SEED_001, ruleset=configured("JX301", tolerance=20))) == [
        ("JX301", *annual_cap(SEED_001, "创建儿童友好城市工作")),
        ("JX301", *annual_cap(SEED_001, "市妇联统筹运维服务项目")),
    ]
    # 0.0001 × 954,112 ≈ 95元 covers the 12元 gap; 0.0001 × 589,176 ≈ 59元 does not cover 39,500元.
    assert [line for _, line, _ in located(check_text(SEED_001, ruleset=configured("JX301", relative_tolerance=0.0001)))] == [
        annual_cap(SEED_001, "创建儿童友好城市工作")[0],
        annual_cap(SEED_001, "市妇联统筹运维服务项目")[0],
    ]


def test_cap_names_option_chooses_the_rows():
    text = cap_project('"954,112.00元"', "{指标: 项目支出总额, 年度指标值: ≤954100元}")
    assert located(check_text(text, select=["JX0", "JX301"])) == []
    assert located(check_text(text, ruleset=configured("JX301", cap_names=["支出总额"]))) == [("JX301", *value_at(text, "年度指标值: ≤954100元"))]
