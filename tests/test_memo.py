"""The verdict memo: a memoised run gives exactly the findings of one that runs every check on
every cell, and a reused verdict is always about the cell at hand."""

from __future__ import annotations

import copy

import pytest
import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from lint import checks
from lint.engine import Linter
from lint.rulepack import load_rules
from tests.conftest import EXAMPLES
from tests.test_fuzz import BASES, _mutate, _text_level

RULES = load_rules()
MEMOISED = Linter(RULES, memo=True)  # one memo for every test here: verdicts are reused across files


def findings(linter: Linter, path: str, data: bytes) -> list[tuple]:
    return [(f.rule, f.span, f.message, f.hint, f.project, f.indicator, f.value, f.fix)
            for f in linter.check_bytes(path, data).findings]


def test_every_example_gives_the_same_findings_memoised_or_not():
    every_cell = Linter(RULES, memo=False)
    examples = sorted(EXAMPLES.glob("*.yaml"))
    for path in examples + examples:  # the second round is answered from the memo
        data = path.read_bytes()
        assert findings(MEMOISED, str(path), data) == findings(every_cell, str(path), data), path.name


@settings(max_examples=300, deadline=None, database=None,
          suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
@given(st.data())
def test_the_fuzz_corpus_gives_the_same_findings_memoised_or_not(data):
    document = copy.deepcopy(data.draw(st.sampled_from(BASES)))
    for _ in range(data.draw(st.integers(0, 5))):
        _mutate(document, data)
    flow = data.draw(st.sampled_from([False, None]))
    text = _text_level(yaml.safe_dump(document, allow_unicode=True, sort_keys=False, default_flow_style=flow, width=200),
                       data)
    raw = text.encode("utf-8")
    assert findings(MEMOISED, "fuzz.yaml", raw) == findings(Linter(RULES, memo=False), "fuzz.yaml", raw)


def _project(name: str, start: int, end: int, cells: str) -> str:
    return (f"  - 项目名称: {name}\n    实施周期: {{起始年度: {start}, 到期年度: {end}}}\n    预算金额: 10000元\n"
            f"    绩效指标:\n      产出指标:\n        数量指标:\n{cells}")


def _target(*projects: str) -> bytes:
    return ("单位: 东莞市妇女联合会\n年度: 2025\n项目:\n" + "".join(projects)).encode("utf-8")


def test_a_check_that_reads_table_facts_is_not_answered_from_another_tables_verdict():
    """The same cell text, 4场/年 under 实施周期指标值, in a three-year and a one-year project:
    only the first is a per-year figure in a cycle column (JX205 reads the 实施周期)."""
    row = "          - {指标: 社区活动数, 实施周期指标值: 4场/年, 年度指标值: 4场}\n"
    data = _target(_project("三年项目", 2023, 2025, row), _project("一年项目", 2025, 2025, row))
    assert checks.reads("per_period_cycle") is None
    for linter in (MEMOISED, Linter(RULES)):
        found = [(f.project, f.span.line) for f in linter.check_bytes("t.yaml", data).findings if f.rule == "JX205"]
        assert found == [("三年项目", 10)]
    flipped = _target(_project("一年项目", 2025, 2025, row), _project("三年项目", 2023, 2025, row))
    found = [(f.project, f.span.line) for f in MEMOISED.check_bytes("t.yaml", flipped).findings if f.rule == "JX205"]
    assert found == [("三年项目", 17)]


def test_a_reused_verdict_points_at_its_own_cell_and_carries_its_own_fix():
    """JX106 (≥100%) on the same text in two projects, at other columns and lines: each
    finding, and each fix's edit, sits on the cell it is about."""
    near = "          - {指标: 活动覆盖率, 实施周期指标值: ≥100%, 年度指标值: ≥100%}\n"
    far = "          - {指标: 活动覆盖率,   实施周期指标值: ≥100%,   年度指标值: ≥100%}\n"
    data = _target(_project("甲", 2023, 2025, near), _project("乙", 2023, 2025, far))
    text = data.decode("utf-8").splitlines()
    memoised = [f for f in MEMOISED.check_bytes("t.yaml", data).findings if f.rule == "JX106"]
    assert memoised == [f for f in Linter(RULES, memo=False).check_bytes("t.yaml", data).findings if f.rule == "JX106"]
    assert [f.project for f in memoised] == ["甲", "甲", "乙", "乙"]
    for finding in memoised:
        line = text[finding.span.line - 1]
        assert line[finding.span.column - 1:finding.span.end_column - 1] == "≥100%"
        (edit,) = finding.fix.edits
        assert edit.span == finding.span and edit.text == "=100%"


def test_a_check_may_declare_only_the_facts_the_memo_keys_by(monkeypatch):
    module = checks.load("vague_value")
    monkeypatch.setattr(module, "READS", ("text", "budget"))
    checks.reads.cache_clear()
    try:
        with pytest.raises(ValueError, match="budget"):
            checks.reads("vague_value")
    finally:
        monkeypatch.undo()
        checks.reads.cache_clear()


def test_plans_kept_per_indicator_name_are_bounded_and_change_no_finding(monkeypatch):
    """A rule whose where names indicators makes plans per indicator name; a province has
    hundreds of thousands of names, and a worker's memory grew with every one (+45 MB per
    2,000 files)."""
    from lint import engine

    monkeypatch.setattr(engine, "_PLAN_LIMIT", 8)
    bounded, every_cell = Linter(RULES, memo=True), Linter(RULES)
    for path in sorted(EXAMPLES.glob("*.yaml")):
        data = path.read_bytes()
        assert findings(bounded, str(path), data) == findings(every_cell, str(path), data), path.name
        assert len(bounded._plans) <= 8
