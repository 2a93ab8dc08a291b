"""JX724 (below_last_year): this year's targets against last year's self-assessment."""

from __future__ import annotations

from lint.engine import Linter
from lint.loading import load_target
from lint.references import Reference, References
from lint.rulepack import load_rules
from tests.helpers import configured, located, self_assessment, value_cell

LAST = self_assessment(rows='{指标: 政策知晓率, 指标性质: "═", 指标值: "100", 度量单位: "%", 实际完成值: "97", 分值: "10", 得分: "9"}\n'
                            '{指标: 学生受资助人数, 年度指标值: "735人次", 实际完成值: "740人次", 分值: "10", 得分: "10"}')
PROJECT = "义务教育营养改善计划专项资金"


def this_year(rows: str, unit: str = "永德县明朗中学") -> str:
    body = "".join(f"          - {row}\n" for row in rows.splitlines())
    return f"单位: {unit}\n年度: 2023\n项目:\n  - 项目名称: {PROJECT}\n    绩效指标:\n      产出指标:\n        数量指标:\n" + body


def check(text: str, ruleset=None):
    refs = References(previous=(Reference("上年自评.yaml", "d", load_target("t", LAST.encode()).target),))
    return Linter(ruleset or load_rules().select(["JX724"]), references=refs).check_bytes("目标.yaml", text.encode("utf-8"))


def test_a_floor_below_last_years_result_in_the_unit_of_the_split_column():
    text = this_year("{指标: 政策知晓率, 年度指标值: ≥85%}\n{指标: 学生受资助人数, 年度指标值: ≥760人次}")
    result = check(text)
    assert located(result) == [("JX724", *value_cell(text, PROJECT, "政策知晓率"))]
    assert result.findings[0].message.startswith("年度指标值 ≥85% 低于上年实际完成值 97（上年自评.yaml:8）")


def test_caps_other_units_other_units_names_and_the_margin():
    text = this_year("{指标: 政策知晓率, 年度指标值: ≤85%}\n{指标: 学生受资助人数, 年度指标值: ≥700户}")
    assert check(text).findings == []
    assert check(this_year("{指标: 政策知晓率, 年度指标值: ≥85%}", unit="永德县第一中学")).findings == []
    assert check(this_year("{指标: 政策知晓率, 年度指标值: ≥95%}"), ruleset=configured("JX724", margin=5)).findings == []
