"""benchmarks/accuracy.py itself: findings land on the right cell and are sorted into the right bin."""

from __future__ import annotations

import importlib.util
import sys

from tests.conftest import ROOT

_spec = importlib.util.spec_from_file_location("accuracy", ROOT / "benchmarks" / "accuracy.py")
accuracy = sys.modules.get("accuracy") or importlib.util.module_from_spec(_spec)
if "accuracy" not in sys.modules:
    sys.modules["accuracy"] = accuracy
    _spec.loader.exec_module(accuracy)

TARGET = """\
单位: 测试单位
年度: 2025
项目:
  - 项目名称: 甲项目
    预算金额: "100000元"
    实施周期: {起始年度: 2025, 到期年度: 2025}
    总体绩效目标:
      年度目标: 开展培训12场
    绩效指标:
      产出指标:
        数量指标:
          - {指标: 培训场次, 实施周期指标值: 12场, 年度指标值: "12"}
        质量指标:
          - {指标: 培训质量, 实施周期指标值: 良好, 年度指标值: 良好}
      成本指标:
        经济成本指标:
          - {指标: 培训成本, 实施周期指标值: ≤100000元, 年度指标值: ≤100000元}
      效益指标:
        社会效益指标:
          - {指标: 培训效果, 实施周期指标值: 提升, 年度指标值: 提升}
      满意度指标:
        服务对象满意度指标:
          - {指标: 学员满意度, 实施周期指标值: ≥95%, 年度指标值: ≥95%}
"""


def _address(text: str, needle: str, nth: int = 1):
    cells, tables = accuracy.located_cells(text)
    lines = text.splitlines()
    seen = 0
    for number, line in enumerate(lines, start=1):
        column = -1
        while (column := line.find(needle, column + 1)) >= 0:
            seen += 1
            if seen == nth:
                return accuracy.address_of(accuracy.Span.point(number, column + 1), cells, tables)
    raise AssertionError(needle)


def test_cells_are_addressed_as_the_reviewer_names_them():
    assert _address(TARGET, '"12"') == accuracy.Address("甲项目", level1="产出指标", level2="数量指标",
                                                         indicator="培训场次", column="annual")
    assert _address(TARGET, "良好", nth=1).column == "cycle"
    assert _address(TARGET, "培训质量").column == "name"
    assert _address(TARGET, "开展培训").field == "总体绩效目标/年度目标"
    assert _address(TARGET, "经济成本指标") == accuracy.Address("甲项目", level1="成本指标", level2="经济成本指标", column="key")


def test_department_tasks_are_addressed_by_number_and_name():
    text = "单位: 某局\n年度: 2024\n部门整体:\n  部门名称: 某局\n  合计: 10万元\n  年度重点工作任务:\n    - {名称: 任务甲, 金额: 4万元}\n    - {名称: 任务乙, 金额: 6万元}\n"
    assert _address(text, "6万元") == accuracy.Address("部门整体", task="任务乙", task_no=2, column="金额")
    assert _address(text, "10万元").field == "合计"


def _evaluate(tmp_path, expectations: str):
    (tmp_path / "table.yaml").write_text(TARGET, encoding="utf-8")
    path = tmp_path / "expected.yaml"
    path.write_text(expectations, encoding="utf-8")
    return accuracy.evaluate(path)


def test_findings_are_sorted_into_found_wrong_diagnosis_trap_and_unexplained(tmp_path):
    report = _evaluate(tmp_path, """\
defects:
  - {label: bare 12, class: no-unit, family: measurability, cell: {indicator: 培训场次, column: annual}}
  - {label: 良好 as a cost problem, class: test, family: cost-budget, cell: {indicator: 培训质量, column: cycle}}
  - {label: nothing reports this, class: test, family: goals, cell: {field: 年度目标}, waits: later}
traps:
  - {label: 提升 must be left alone, cells: [{indicator: 培训效果, column: value}]}
""")
    found, wrong, waiting = report.outcomes
    assert found.is_found and {f.rule for f in found.found} >= {"JX103"}
    assert not wrong.is_found and {f.family for f in wrong.other} == {"measurability"}
    assert not waiting.is_found and not waiting.other
    assert report.wrong == 1
    assert {f.span.column for _, f in report.trap_violations} and all(
        "培训效果" in (f.indicator or "") for _, f in report.trap_violations)
    # 良好 in the annual column is labelled nowhere: unexplained, and listed.
    assert any(f.indicator == "培训质量" for f in report.unexplained)
    assert not any(f in report.unexplained for f in found.found)


def test_a_trap_limited_to_rules_ignores_other_findings_there(tmp_path):
    report = _evaluate(tmp_path, """\
traps:
  - {label: no cost-budget finding on 提升, rule: JX301, cells: [{indicator: 培训效果, column: value}]}
""")
    assert not report.trap_violations
    assert any(f.indicator == "培训效果" for f in report.unexplained)


def test_not_scored_findings_count_nowhere(tmp_path):
    report = _evaluate(tmp_path, """\
not_scored:
  - {label: not this table's problem, cell: {indicator: 培训效果, column: value}}
""")
    assert report.not_scored and not any(f.indicator == "培训效果" for f in report.unexplained)


def test_the_benchmark_prints_totals_and_exits_zero_whatever_the_score(tmp_path, capsys):
    _evaluate(tmp_path, "defects:\n  - {label: never found, class: test, rule: JX999, cell: {field: 年度目标}}\n")
    assert accuracy.main([str(tmp_path / "expected.yaml"), "--missed"]) == 0
    out = capsys.readouterr().out
    assert "TOTAL files 1, tables 1: recall 0/1 (0%)" in out
    assert "MISSED [test] never found" in out
    assert "UNEXPLAINED" in out and "JX101" in out


def test_a_file_that_waits_for_a_later_family_is_kept_out_of_the_total(tmp_path, capsys):
    _evaluate(tmp_path, "waits: a later issue\ndefects:\n  - {label: bare 12, class: no-unit, family: measurability, cell: {indicator: 培训场次, column: annual}}\n")
    report = accuracy.evaluate(tmp_path / "expected.yaml")
    assert report.waits == "a later issue" and report.outcomes[0].expectation.waits == "a later issue"
    assert accuracy.main([str(tmp_path / "expected.yaml")]) == 0
    out = capsys.readouterr().out
    assert "not in the total (waiting for a later issue): files 1" in out
    assert "TOTAL files 0, tables 0" in out


def test_self_assessment_tables_are_read_like_project_tables():
    text = "单位: 某校\n年度: 2022\n自评:\n  - 项目名称: 营养改善\n    绩效指标:\n      产出指标:\n        数量指标:\n          - {指标: 受资助人数, 指标值: \"735\", 得分: \"10\"}\n"
    assert _address(text, '"10"') == accuracy.Address("营养改善", level1="产出指标", level2="数量指标",
                                                       indicator="受资助人数", column="得分")
