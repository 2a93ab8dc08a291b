"""JX720–JX723 (self_against_targets): the self-assessment's rows against the approved table."""

from __future__ import annotations

from lint.engine import Linter
from lint.loading import load_target
from lint.references import Reference, References
from lint.rulepack import load_rules
from tests.helpers import cell_at, located, self_assessment

ALL = ["JX720", "JX721", "JX722", "JX723"]
SELF = self_assessment(rows='{指标: 学生受资助人数, 指标性质: "≧", 指标值: "735", 度量单位: 人次, 实际完成值: "735", 分值: "10", 得分: "10"}\n'
                            '{指标: "政策知晓率（%）", 指标性质: "═", 指标值: "100", 度量单位: "%", 实际完成值: "98%", 分值: "10", 得分: "9"}')


def approved(rows: str, project: str = "义务教育营养改善计划专项资金", unit: str = "永德县明朗中学") -> str:
    body = "".join(f"          - {row}\n" for row in rows.splitlines())
    return f"单位: {unit}\n年度: 2022\n项目:\n  - 项目名称: {project}\n    绩效指标:\n      产出指标:\n        数量指标:\n" + body


def check(text: str, *targets: str, select=ALL):
    refs = References(tuple(Reference(f"目标{n}.yaml", str(n), load_target("t", t.encode()).target) for n, t in enumerate(targets)))
    return Linter(load_rules().select(select), references=refs).check_bytes("自评.yaml", text.encode("utf-8"))


def test_the_approved_rows_written_another_way_are_the_same_targets():
    same = approved("{指标: 学生受资助人数, 年度指标值: ≥735人次}\n{指标: 政策知晓率(%), 年度指标值: =100%}")
    assert check(SELF, same).findings == []


def test_a_lowered_target_names_the_approved_value_and_where_it_is():
    lowered = approved("{指标: 学生受资助人数, 年度指标值: ≥800人次}\n{指标: 政策知晓率(%), 年度指标值: =100%}")
    result = check(SELF, lowered)
    assert located(result) == [("JX720", *cell_at(SELF, "学生受资助人数", "指标值"))]
    assert "≥800人次（目标0.yaml:8）" in result.findings[0].message


def test_rows_added_and_dropped():
    other = approved("{指标: 学生受资助人数, 年度指标值: ≥735人次}\n{指标: 供餐天数, 年度指标值: ≥200天}")
    result = check(SELF, other)
    line = next(n for n, text in enumerate(SELF.splitlines(), 1) if "政策知晓率" in text)
    assert located(result) == [("JX722", 5, 5), ("JX721", line, SELF.splitlines()[line - 1].index('"政策知晓率') + 1)]
    assert "供餐天数（≥200天）" in result.findings[0].message


def test_no_approved_table_of_this_project_or_this_unit():
    assert located(check(SELF, approved("{指标: 学生受资助人数, 年度指标值: ≥735人次}", project="学生资助补助"))) == [("JX723", 4, 11)]
    assert located(check(SELF, approved("{指标: 学生受资助人数, 年度指标值: ≥735人次}", unit="永德县第一中学"))) == [("JX723", 4, 11)]


def test_nothing_is_compared_without_target_files():
    assert Linter(load_rules().select(ALL)).check_bytes("自评.yaml", SELF.encode("utf-8")).findings == []


def test_a_project_code_before_the_name_is_not_part_of_it():
    coded = SELF.replace("义务教育营养改善计划专项资金", "53092621R000000019951-义务教育营养改善计划专项资金", 1)
    same = approved("{指标: 学生受资助人数, 年度指标值: ≥735人次}\n{指标: 政策知晓率(%), 年度指标值: =100%}")
    assert check(coded, same).findings == []
