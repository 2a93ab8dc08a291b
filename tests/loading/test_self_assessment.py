"""Self-assessment tables (自评:) → the model, every cell at its line and column."""

from __future__ import annotations

import filecmp

import pytest

from lint.loading import load_target
from lint.loading.model import SelfAssessmentTable, SelfIndicator
from tests.conftest import DATA, EXAMPLES

CORPUS = DATA / "corpus" / "self-assessment"
TABLES = sorted(CORPUS.glob("*/table.yaml"))


def _load(path):
    result = load_target(str(path), path.read_bytes())
    assert result.problems == [], [(p.problem, p.span.line, p.span.column) for p in result.problems]
    return result.target, path.read_text(encoding="utf-8").splitlines()


def _at(lines: list[str], cell) -> str:
    """The text of the file where ``cell``'s span starts, as long as the cell (quotes skipped)."""
    line = lines[cell.span.line - 1]
    start = cell.span.column - 1 + (1 if line[cell.span.column - 1] in "\"'" else 0)
    return line[start:start + len(cell.text)]


@pytest.mark.parametrize("path", TABLES, ids=lambda p: p.parent.name)
def test_every_corpus_self_assessment_loads_as_one_table_with_every_cell_located(path):
    target, lines = _load(path)
    assert len(target.self_assessments) == 1 and list(target.tables()) == target.self_assessments
    table = target.self_assessments[0]
    assert table.indicators and all(isinstance(row, SelfIndicator) for row in table.indicators)
    cells = [row.name for row in table.indicators]
    cells += [cell for row in table.indicators for cell in (row.actual, row.score, row.weight, row.figure) if cell]
    cells += [cell for line in table.budget_lines for cell in line.cells()]
    for cell in cells:
        assert _at(lines, cell) == cell.text, (cell.span, cell.text)


@pytest.mark.parametrize("path", TABLES, ids=lambda p: p.parent.name)
def test_each_corpus_table_is_also_an_example(path):
    copies = [example for example in EXAMPLES.glob("1*_self_assessment.yaml") if filecmp.cmp(example, path, shallow=False)]
    assert len(copies) == 1, path


def test_the_split_target_columns_read_as_one_target_on_the_figure_cell():
    target, lines = _load(CORPUS / "01-yongde-minglang-nutrition-2022" / "table.yaml")
    table = target.self_assessments[0]
    row = next(r for r in table.indicators if r.name.text == "学生受资助人数")
    assert (row.direction.text, row.figure.text, row.measure_unit.text) == ("≧", "735", "人次")
    assert row.target_value.text == "≧735人次" and row.target_value.span == row.figure.span
    assert (row.actual.text, row.weight.text, row.score.text) == ("735", "10", "10")
    qualitative = next(r for r in table.indicators if r.level2 == "经济效益指标")
    assert qualitative.target_value.text == "有效"


def test_the_three_layouts_map_their_labels_onto_one_model():
    central, _ = _load(CORPUS / "01-yongde-minglang-nutrition-2022" / "table.yaml")
    sichuan, _ = _load(CORPUS / "03-qingshen-fagai-wages-2023" / "table.yaml")
    county, _ = _load(CORPUS / "07-xiangyang-central-hospital-dongjin-2021" / "table.yaml")
    one = central.self_assessments[0]
    assert (one.budget_total.label.text, one.budget_total.budget.text, one.budget_total.weight.text) == ("年度资金总额", "387664.62", "10")
    assert (one.total_weight.text, one.total_score.text, one.grade.text) == ("100", "96", "优")
    assert one.goal.text == one.achieved.text
    two = sichuan.self_assessments[0]
    total = two.budget_total
    assert (total.initial.text, total.budget.text, total.spent.text, total.rate.text, total.weight.text) == (
        "238.93", "251.89", "251.89", "100.00%", "10")
    assert total.reason.text.startswith("1.预算执行率") and two.budget_weight.text == "10"
    assert two.goal.text.startswith("严格执行") and two.achieved.text.startswith("对照年度目标")
    assert (two.total_weight.text, two.total_score.text) == ("100", "")
    assert [(r.actual.text, r.weight.text) for r in two.indicators] == [("", "60"), ("", "30")]
    three = county.self_assessments[0]
    assert three.budget_weight.text == "20" and three.budget_total.weight is None
    assert three.indicators[0].annual_value.text == "不超过预算" and three.indicators[0].weight is None


def test_a_self_assessment_with_an_unknown_column_is_a_located_schema_problem():
    text = "单位: 某单位\n年度: 2022\n自评:\n  - 项目名称: 某项目\n    项目资金:\n      年度资金总额: {全年预算: 10}\n"
    result = load_target("t.yaml", text.encode("utf-8"))
    assert [(p.problem, p.span.line) for p in result.problems] == [("schema", 6)]
    assert isinstance(result.target.self_assessments[0], SelfAssessmentTable)


@pytest.mark.parametrize("path", TABLES, ids=lambda p: p.parent.name)
def test_the_example_copy_has_the_corpus_tables_expectations(path):
    import yaml

    example = next(e for e in EXAMPLES.glob("1*_self_assessment.yaml") if filecmp.cmp(e, path, shallow=False))
    copy = yaml.safe_load((DATA / "examples" / f"{example.stem}.expected.yaml").read_text(encoding="utf-8"))
    original = yaml.safe_load((path.parent / "expected.yaml").read_text(encoding="utf-8"))
    assert copy.pop("table") == f"../../../examples/{example.name}"
    original.pop("table")
    assert copy == original
