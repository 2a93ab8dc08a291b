"""Invisible characters: removed before any check reads a cell, and reported where they are."""

import pytest

from lint.engine import Linter
from lint.loading import load_target
from lint.loading.clean import clean
from lint.rulepack import load_rules
from lint.values import parse_value
from tests.conftest import EXAMPLES

LINTER = Linter(load_rules())

# The characters the attack of issue 11 used: zero-width space and non-joiner, word
# joiner, BOM, soft hyphen, LRM, RLO, and the combining grapheme joiner (Mn, not Cf).
INVISIBLE = ["\u200b", "\u200c", "\u2060", "\ufeff", "\u00ad", "\u200e", "\u202e", "\u034f"]

COST = (
    "单位: 东莞市妇女联合会\n年度: 2025\n项目:\n  - 项目名称: 购买白玉兰家庭服务项目\n"
    "    预算金额: \"954,112.00元\"\n    绩效指标:\n      成本指标:\n        经济成本指标:\n"
    "          - {{指标: 预算控制数, 年度指标值: ≤600000{x}元}}\n"
)
BOUND = (
    "单位: 深圳市龙岗区妇女联合会本级\n年度: 2022\n部门整体:\n  部门名称: 深圳市龙岗区妇女联合会本级\n"
    "  绩效指标:\n    产出:\n      质量:\n        - {{指标: 档案整理完成率, 目标值: 120{x}%}}\n"
)


def rules_at(text: str) -> set[tuple[str, int, int]]:
    return {(f.rule, f.span.line, f.span.column) for f in LINTER.check_bytes("t.yaml", text.encode()).findings}


@pytest.mark.parametrize("char", INVISIBLE, ids=lambda c: f"U+{ord(c):04X}")
def test_an_invisible_character_no_longer_hides_the_cost_cap_finding(char):
    clean_findings = rules_at(COST.format(x=""))
    found = rules_at(COST.format(x=char))
    assert ("JX301", 9, 32) in clean_findings
    # Every finding of the clean table is still there, at the same cell, plus the character itself.
    assert found - clean_findings == {("JX021", 9, 39)}
    assert clean_findings <= found


@pytest.mark.parametrize("char", INVISIBLE, ids=lambda c: f"U+{ord(c):04X}")
def test_an_invisible_character_no_longer_hides_the_bound_finding(char):
    clean_findings = rules_at(BOUND.format(x=""))
    assert any(rule == "JX106" for rule, _, _ in clean_findings)
    assert rules_at(BOUND.format(x=char)) - clean_findings == {("JX021", 8, 33)}


def test_the_finding_names_the_character_and_the_cleaned_value():
    finding = next(f for f in LINTER.check_bytes("t.yaml", COST.format(x="\u200b").encode()).findings if f.rule == "JX021")
    assert "U+200B" in finding.message and "零宽空格" in finding.message
    assert "「≤600000元」" in finding.message


def test_names_and_keys_are_cleaned_too():
    text = "单位\u200b: 东莞市妇女联合会\n年度: 2025\u2060\n项目:\n  - 项目名称: 家庭\u00ad工作经费\n"
    result = load_target("t.yaml", text.encode())
    assert [(p.problem, p.span.line, p.span.column) for p in result.problems] == [
        ("invisible-character", 1, 3), ("invisible-character", 2, 9), ("invisible-character", 4, 13)]
    assert result.target.unit.text == "东莞市妇女联合会"
    assert result.target.year.value == 2025  # the cleaned plain scalar is the year again
    assert result.target.projects[0].name == "家庭工作经费"


def test_an_escaped_character_in_a_quoted_cell_points_at_the_cell():
    result = load_target("t.yaml", '单位: "东莞\\u200b市妇女联合会"\n年度: 2025\n项目: []\n'.encode())
    assert [(p.problem, p.span.line, p.span.column) for p in result.problems] == [("invisible-character", 1, 5)]


@pytest.mark.parametrize("text, expected", [
    ("≥９０％", "≥90%"),  # full-width digits and percent: what the grammar reads either way
    ("社区活动数（场次），共５５场", "社区活动数（场次），共55场"),  # Chinese punctuation is kept as written
    ("开展个案57个……", "开展个案57个……"),
    ("≧90%", "≧90%"),
])
def test_nfkc_spares_chinese_punctuation(text, expected):
    assert clean(text) == expected


def _cells(path):
    target = load_target(str(path), path.read_bytes()).target
    for table in target.tables():
        for indicator in table.indicators:
            for _, cell in indicator.values():
                yield cell


@pytest.mark.parametrize("path", sorted(EXAMPLES.glob("*.yaml")), ids=lambda p: p.name[:3])
def test_the_value_parser_reads_every_cell_of_the_examples_the_same_once_cleaned(path):
    cells = list(_cells(path))
    assert cells
    for cell in cells:
        # A full-width variant of each cell (digits, ％, ＞＜) reads like the cell once cleaned.
        wide = cell.text.translate({ord(c): ord(c) + 0xFEE0 for c in "0123456789%<>"})
        assert parse_value(clean(wide)) == parse_value(cell.text), cell.text
