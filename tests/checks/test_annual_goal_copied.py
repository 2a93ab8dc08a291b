"""JX501 annual-goal-copied: 年度目标 identical to 实施周期总目标."""

from __future__ import annotations

import pytest

from tests.helpers import HEADER, check_text, located, seed

SEED_001 = seed("001")

COPIED_IN_001 = [
    "三八六一系列活动经费",
    "创业创新巾帼行动工作经费",
    "基层妇女组织建设工作经费",
    "东莞市中小学性别平等教育",
    "全市妇联干部业务培训费",
    "市妇儿工委专项工作费用",
    "妇女思想政治引领工作经费",
    "机关事业单位派遣人员经费",
    "创建儿童友好城市工作",
    "东莞市第十六次妇女代表大会",
    "市妇联统筹运维服务项目",
]


def annual_goal(text: str, project: str) -> tuple[int, int]:
    """Line and column of the 年度目标 cell of ``project``."""
    lines = text.splitlines()
    start = next(i for i, line in enumerate(lines) if line.strip() == f"- 项目名称: {project}")
    for number, line in enumerate(lines[start:], start + 1):
        if line.strip().startswith("年度目标:"):
            return number, line.index("年度目标: ") + len("年度目标: ") + 1
    raise AssertionError(project)


def goals(cycle: str, annual: str) -> str:
    return HEADER + "  - 项目名称: 三八六一系列活动经费\n    总体绩效目标:\n" + f"      实施周期总目标: {cycle}\n      年度目标: {annual}\n"


CYCLE = "引领广大妇女坚定不移听党话、颂党恩、跟党走，进一步凝聚奋斗力量，展现巾帼风采，贡献巾帼力量"


def test_seed_001_eleven_projects_copy_the_cycle_goal():
    result = check_text(SEED_001, select=["JX501"])
    assert located(result) == [("JX501", *annual_goal(SEED_001, project)) for project in COPIED_IN_001]
    assert result.findings[0].message == (
        "「三八六一系列活动经费」的年度目标与实施周期总目标一字不差（不计空格和标点），没有写出本年度要完成什么"
    )


@pytest.mark.parametrize("number", ["002", "000", "004"])
def test_seeds_whose_annual_goals_differ_pass(number):
    text = seed(number)
    assert located(check_text(text, select=["JX0", "JX501"])) == []


def test_spaces_punctuation_and_markup_do_not_hide_a_copy():
    annual = '"<p>引领广大妇女坚定不移听党话,颂党恩,跟党走; 进一步凝聚奋斗力量 展现巾帼风采 贡献巾帼力量。</p>"'
    assert located(check_text(goals(CYCLE, annual), select=["JX501"])) == [("JX501", 7, 13)]


def test_a_refined_annual_goal_passes():
    # Seed 001 家庭工作经费: the annual goal names this year's work.
    text = goals(
        "落实习近平总书记有关家庭家教家风建设作出的一系列重要指示精神，发挥妇女独特作用，做好家庭工作。",
        "贯彻落实党的二十大精神，推动《中华人民共和国家庭教育促进法》在东莞有效实施，完善家庭教育指导体系。",
    )
    assert located(check_text(text, select=["JX0", "JX501"])) == []


def test_blank_goals_are_not_copies():
    assert located(check_text(goals('""', '""'), select=["JX0", "JX501"])) == []
