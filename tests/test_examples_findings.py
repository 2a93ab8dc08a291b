"""The defects the seeds are known for are found on the seed examples, each on its own cell.

These are the acceptance cases of the rule-pack issue: every expected finding is asserted
with its line and column, computed from the example file's text.
"""

from __future__ import annotations

import pytest

from lint.engine import Linter
from lint.rulepack import load_rules
from tests.conftest import EXAMPLES


def _file(prefix: str):
    return next(EXAMPLES.glob(f"{prefix}_*.yaml"))


@pytest.fixture(scope="module")
def results():
    linter = Linter(load_rules())
    return {path.name[:3]: (path.read_text(encoding="utf-8").splitlines(), linter.check_bytes(str(path), path.read_bytes()))
            for path in sorted(EXAMPLES.glob("*.yaml"))}


def _position(lines: list[str], row: str, cell: str, after: int = 0, nth: int = 1) -> tuple[int, int]:
    """Line and column of the ``nth`` ``cell`` on the first line after ``after`` that contains ``row``."""
    for number, line in enumerate(lines, start=1):
        if number > after and row in line:
            column = -1
            for _ in range(nth):
                column = line.index(cell, column + 1)
            return number, column + 1
    raise AssertionError(f"no line with {row!r}")


def _line_of(lines: list[str], text: str) -> int:
    return next(n for n, line in enumerate(lines, 1) if text in line)


def _at(result, rule: str) -> set[tuple[int, int]]:
    return {(f.span.line, f.span.column) for f in result.findings if f.rule == rule}


def _at_kind(result, kind: str) -> set[tuple[int, int]]:
    """Findings of every rule built on one check kind (the pack may split a kind by 一级/二级)."""
    ids = {rule.id for rule in load_rules() if rule.check == kind}
    return {(f.span.line, f.span.column) for f in result.findings if f.rule in ids}


def test_community_activities_55_vs_5_on_the_annual_cell_and_in_the_goal(results):
    lines, result = results["001"]
    project = _line_of(lines, "项目名称: 购买白玉兰家庭服务项目")
    annual = _position(lines, "社区活动数(场次), 实施周期指标值: 55场", " 5场", after=project)
    annual = (annual[0], annual[1] + 1)
    assert annual in _at(result, "JX204")
    goal = _position(lines, "年度目标: 购买8名项目社工", "55场", after=project)
    assert goal in _at(result, "JX502")


@pytest.mark.parametrize("project, cap", [
    ("创建儿童友好城市工作", "≤549676元"),
    ("购买白玉兰家庭服务项目", "≤954100元"),
    ("市妇联统筹运维服务项目", "≤208000元"),
])
def test_cost_caps_that_contradict_the_budget(results, project, cap):
    lines, result = results["001"]
    start = _line_of(lines, f"项目名称: {project}")
    assert _position(lines, f"预算控制数, 实施周期指标值: {cap}", cap, after=start, nth=2) in _at(result, "JX301")


def test_exactly_the_three_cost_caps_of_seed_001(results):
    _, result = results["001"]
    assert len(_at(result, "JX301")) == 3


def test_annual_20_above_cycle_15_in_seed_002(results):
    lines, result = results["002"]
    assert _position(lines, "项目活动场次", '"20"') in _at(result, "JX201")


def test_empty_values_of_the_wellbeing_indicator(results):
    lines, result = results["002"]
    cycle = _position(lines, "慰问对象获得感、幸福感", '""')
    annual = _position(lines, "慰问对象获得感、幸福感", '""', nth=2)
    assert {cycle, annual} <= _at(result, "JX105")


@pytest.mark.parametrize("project, first_generic", [
    ("妇女儿童系列活动经费", "资金支付及时率(%)"),
    ("白玉兰社工服务费", "预算资金及时率（%）"),
])
def test_generic_indicator_share_in_seed_002(results, project, first_generic):
    lines, result = results["002"]
    start = _line_of(lines, f"项目名称: {project}")
    assert _position(lines, first_generic, first_generic, after=start) in _at(result, "JX401")


@pytest.mark.parametrize("seed, row, value", [
    ("001", "项目成效", "良好"),
    ("001", "提高全市妇女儿童发展水平", "提高"),
    ("001", "工作任务完成及时率", "及时"),
    ("001", "东莞家庭家教家风水平", "持续提高"),
    ("001", "全年工作有序推进, 实施周期指标值: 有序推进", "有序推进"),
    ("002", "群众满意度", "满意"),
    ("002", "团结妇女凝聚力率", "是"),
    ("002", "持续为妇女群众提供维权平台", "长期"),
])
def test_vague_values_wherever_the_seeds_have_them(results, seed, row, value):
    lines, result = results[seed]
    line, _ = _position(lines, row, value)
    text = lines[line - 1]
    cycle = text.index(f": {value}", text.index("实施周期指标值")) + 3
    assert (line, cycle) in _at_kind(result, "vague_value"), (row, value)


@pytest.mark.parametrize("seed, row, value", [
    ("002", "举办活动场次", "≥30"),
    ("001", "咨询服务数（宗）", '"1080"'),
    ("001", "咨询服务数（宗）", '"360"'),
    ("001", "小组服务指标数, 实施周期指标值: 12个", '"12"'),
])
def test_values_without_units(results, seed, row, value):
    lines, result = results[seed]
    assert _position(lines, row, value) in _at(result, "JX103"), (row, value)


def test_no_totals_finding_on_departments_that_add_up(results):
    for seed in ("000", "004"):
        _, result = results[seed]
        assert not [f for f in result.findings if f.rule in ("JX303", "JX304")]


def test_every_finding_on_the_examples_is_on_a_real_scalar(results):
    """No finding points at a mapping's start or past the end of its line."""
    for lines, result in results.values():
        for f in result.findings:
            line = lines[f.span.line - 1]
            assert 1 <= f.span.column <= len(line), (f.rule, f.span, line)
            assert line[f.span.column - 1] not in " -{", (f.rule, f.span, line)
