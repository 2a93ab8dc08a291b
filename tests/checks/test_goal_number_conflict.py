"""JX502 goal-number-conflict: a number in 年度目标 that contradicts the matching indicator."""

from __future__ import annotations

import pytest

from tests.helpers import HEADER, check_text, located, seed

SEED_001 = seed("001")
BAILAN_GOAL = (
    "购买8名项目社工，实施反家暴目，通过链接妇联、公安、司法、医院以及社区等资源，运用社会工作手法，"
    "开展个案57个，小组12个，社区活动55场，帮助受虐者及其家庭走出困境，同时通过宣传和培训进一步营造“零家庭暴力”的社会氛围，"
    "提升反家暴从业人员的服务水平。"
)
BAILAN_ROWS = (
    "          - {指标: 小组服务指标数, 实施周期指标值: 12个, 年度指标值: \"12\"}\n"
    "          - {指标: 个案服务指标数, 实施周期指标值: 57个, 年度指标值: 57个}\n"
    "          - {指标: 社区活动数(场次), 实施周期指标值: 55场, 年度指标值: 5场}\n"
)


def project(goal: str, rows: str = BAILAN_ROWS) -> str:
    return HEADER + (
        "  - 项目名称: 购买白玉兰家庭服务项目\n    总体绩效目标:\n"
        f"      年度目标: {goal}\n    绩效指标:\n      产出指标:\n        数量指标:\n"
    ) + rows


def in_line(text: str, project_name: str, needle: str) -> tuple[int, int]:
    """Line and column of ``needle`` on the 年度目标 line of ``project_name``."""
    lines = text.splitlines()
    start = next(i for i, line in enumerate(lines) if line.strip() == f"- 项目名称: {project_name}")
    number, line = next((n, line) for n, line in enumerate(lines[start:], start + 1) if line.strip().startswith("年度目标:"))
    assert line.count(needle) == 1, needle
    return number, line.index(needle) + 1


def test_seed_001_bailan_community_activities_55_against_5():
    result = check_text(SEED_001, select=["JX502"])
    # 个案57个 and 小组12个 agree; the 117号 goal's 360宗, 30宗, 4个, 4场 and 180条 agree too.
    assert located(result) == [("JX502", *in_line(SEED_001, "购买白玉兰家庭服务项目", "55场"))]
    finding = result.findings[0]
    assert finding.message == "年度目标写「社区活动55场」，但指标「社区活动数(场次)」的年度指标值是「5场」"
    assert finding.span.end_column - finding.span.column == len("55场")
    assert (finding.project, finding.indicator, finding.value) == ("购买白玉兰家庭服务项目", "社区活动数(场次)", "社区活动55场")


def test_english_message():
    result = check_text(SEED_001, select=["JX502"], lang="en")
    assert result.findings[0].message == (
        "The annual goal says '社区活动55场', but the annual value of indicator '社区活动数(场次)' is '5场'"
    )


@pytest.mark.parametrize("number", ["000", "002", "004"])
def test_other_seeds_have_no_conflict(number):
    text = seed(number)
    assert located(check_text(text, select=["JX0", "JX502"])) == []


def test_a_quoted_goal_is_located_past_the_opening_quote():
    # Seed 001 粤财行（2024）117号: the goal is a double-quoted scalar; change 咨询服务数 to "36".
    old = '{指标: 咨询服务数（宗）, 实施周期指标值: "1080", 年度指标值: "360"}'
    text = SEED_001.replace(old, '{指标: 咨询服务数（宗）, 实施周期指标值: "1080", 年度指标值: "36"}')
    assert text != SEED_001
    project_name = "粤财行（2024）117号维权与信息服务站项目"
    result = check_text(text, select=["JX502"])
    line, column = in_line(text, project_name, "360宗")
    assert located(result) == [("JX502", *in_line(text, "购买白玉兰家庭服务项目", "55场")), ("JX502", line, column)]
    assert text.splitlines()[line - 1][column - 1:column + 3] == "360宗"
    assert result.findings[1].message == "年度目标写「咨询服务360宗」，但指标「咨询服务数（宗）」的年度指标值是「36」"


def test_the_fixed_table_passes():
    assert located(check_text(project(BAILAN_GOAL, BAILAN_ROWS.replace("年度指标值: 5场", "年度指标值: 55场")), select=["JX0", "JX502"])) == []


def test_changi_and_changci_are_one_unit():
    rows = BAILAN_ROWS.replace("年度指标值: 5场", "年度指标值: 5场次")
    text = project(BAILAN_GOAL, rows)
    assert located(check_text(text, select=["JX502"])) == [("JX502", *in_line(text, "购买白玉兰家庭服务项目", "55场"))]


def test_a_count_in_another_unit_is_not_compared():
    rows = BAILAN_ROWS.replace("年度指标值: 5场", "年度指标值: 5个")
    assert located(check_text(project(BAILAN_GOAL, rows), select=["JX0", "JX502"])) == []


def test_a_rate_per_year_is_the_years_count():
    # Seed 001 117号: 个案服务30宗 against 个案服务指标数 30宗/年; 个案服务办结率 ≥80% is another measure.
    rows = (
        "          - {指标: 个案服务指标数, 实施周期指标值: 90宗/年, 年度指标值: 30宗/年}\n"
        "          - {指标: 个案服务办结率, 实施周期指标值: ≥80%, 年度指标值: ≥80%}\n"
    )
    assert located(check_text(project('"目标3: 为妇女群众提供个案服务30宗，帮助舒缓情绪"', rows), select=["JX0", "JX502"])) == []
    text = project('"目标3: 为妇女群众提供个案服务40宗，帮助舒缓情绪"', rows)
    result = check_text(text, select=["JX502"])
    assert located(result) == [("JX502", *in_line(text, "购买白玉兰家庭服务项目", "40宗"))]
    assert result.findings[0].indicator == "个案服务指标数"


def test_a_generic_term_picks_no_indicator():
    rows = "          - {指标: 举办活动场次, 实施周期指标值: 12场, 年度指标值: 4场/年}\n"
    assert located(check_text(project("每个服务内容每年至少开展10场活动", rows), select=["JX0", "JX502"])) == []


def test_a_term_found_in_two_indicators_picks_neither():
    rows = (
        "          - {指标: 个案服务指标数, 年度指标值: 30宗}\n"
        "          - {指标: 个案服务转介数, 年度指标值: 5宗}\n"
    )
    assert located(check_text(project("提供个案服务40宗", rows), select=["JX0", "JX502"])) == []


def test_numbers_without_units_and_dates_are_not_compared():
    rows = "          - {指标: 工作完成数, 年度指标值: 12个}\n"
    assert located(check_text(project('"目标1：12月31日前完成上述工作。2025年完成"', rows), select=["JX0", "JX502"])) == []


def test_a_single_value_column_is_named_as_such():
    rows = "          - {指标: 社区活动数(场次), 目标值: 5场}\n"
    text = project("社区活动55场", rows)
    result = check_text(text, select=["JX502"])
    assert located(result) == [("JX502", 6, len("      年度目标: 社区活动") + 1)] == [("JX502", *in_line(text, "购买白玉兰家庭服务项目", "55场"))]
    assert result.findings[0].message == "年度目标写「社区活动55场」，但指标「社区活动数(场次)」的指标值是「5场」"


def test_a_multi_line_goal_is_located_on_the_goal_cell():
    text = project("|\n        开展个案57个，\n        社区活动55场\n")
    assert located(check_text(text, select=["JX502"])) == [("JX502", 6, len("      年度目标: ") + 1)]


def test_an_approximate_goal_number_does_not_contradict():
    """"社区活动30余场" is about 30: it agrees with 35场 (the parser keeps 30 and marks it approximate)."""
    rows = "          - {指标: 社区活动数(场次), 年度指标值: 35场}\n"
    assert located(check_text(project("开展社区活动30余场，约40人次参与", rows), select=["JX502"])) == []
    assert located(check_text(project("开展社区活动30场", rows), select=["JX502"])) != []


def test_each_number_finds_its_one_indicator_among_many():
    rows = "".join(f"          - {{指标: {name}活动场次数, 年度指标值: {n}场}}\n"
                   for name, n in (("读书", 5), ("亲子", 6), ("读书会", 7)))
    text = project("开展读书活动5场，亲子活动8场，读书会活动7场，其他活动9场", rows)
    assert [f.value for f in check_text(text, select=["JX502"]).findings] == ["亲子活动8场"]
