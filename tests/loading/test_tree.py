"""The located tree: spans on scalars, and what plain safe_load would swallow."""

import pytest

from lint.findings import Span
from lint.loading.tree import Cell, MapNode, build_tree, compose, follow, locate, to_plain


def tree_of(text: str):
    root, problems = compose(text)
    assert not problems
    return build_tree(root)


def test_every_scalar_keeps_its_line_and_column_in_characters():
    line = "  - {指标: 社区活动数(场次), 实施周期指标值: 55场, 年度指标值: 5场}"
    tree, problems = tree_of("项目:\n" + line + "\n")
    assert not problems
    row = tree.get("项目").items[0]
    annual = line.index(" 5场") + 2  # 1-based column of "5场"
    assert row.get("年度指标值") == Cell("5场", Span(2, annual, 2, annual + 2), "5场", False)
    cycle = line.index("55场") + 1
    assert row.get("实施周期指标值").span == Span(2, cycle, 2, cycle + 3)


def test_one_path_walk_finds_a_schema_errors_node_its_key_and_how_far_it_got():
    tree, _ = tree_of("项目:\n  - 项目名称: 家庭服务\n    预算金额: 1元\n")
    project = tree.get("项目").items[0]
    assert follow(tree, ("项目", 0, "预算金额")) == (project.get("预算金额"), project.key_cell("预算金额"), True)
    assert follow(tree, ("项目", 0)) == (project, None, True)  # a list item has no key
    assert follow(tree, ("项目", 3, "预算金额")) == (tree.get("项目"), tree.key_cell("项目"), False)
    assert locate(tree, ("项目", 0, "预算金额"), key=True) == project.key_cell("预算金额").span
    assert locate(tree, ("项目", 0, "没有")) == project.span  # the deepest node reached


def test_numbers_keep_their_source_text_and_plain_value():
    tree, _ = tree_of("年度: 2025\n值: '12'\n空:\n")
    assert (tree.get("年度").text, tree.get("年度").value) == ("2025", 2025)
    assert (tree.get("值").text, tree.get("值").value, tree.get("值").quoted) == ("12", "12", True)
    assert (tree.get("空").text, tree.get("空").value) == ("", None)


def test_duplicate_key_is_reported_on_the_second_key_and_the_first_value_is_kept():
    tree, problems = tree_of("预算金额: 954,112.00元\n预算金额: 954,100.00元\n")
    assert [(p.problem, p.span.line, p.span.column, p.params["first_line"]) for p in problems] == [
        ("duplicate-key", 2, 1, 1)
    ]
    assert tree.get("预算金额").text == "954,112.00元"


def test_comma_in_flow_mapping_amount_is_reported_with_the_whole_amount():
    tree, problems = tree_of("- {名称: 家庭工作, 金额: 700,000.00元}\n")
    (problem,) = problems
    assert problem.problem == "flow-comma-split"
    assert problem.params == {"key": "金额", "value": "700,000.00元"}
    assert (problem.span.line, problem.span.column) == (1, 18)
    assert "000.00元" not in tree.items[0].items


def test_quoted_amount_in_flow_mapping_is_fine():
    _, problems = tree_of('- {名称: 家庭工作, 金额: "700,000.00元"}\n')
    assert problems == []


def test_object_constructing_tags_are_refused_and_not_kept_as_data():
    tree, problems = tree_of("单位: !!python/object/apply:os.system [echo hi]\n")
    assert [p.problem for p in problems] == ["unsafe-tag"]
    assert to_plain(tree) == {"单位": None}


def test_alias_bomb_stops_at_the_node_limit():
    text = "a: &a [x, x, x, x, x, x, x, x, x, x]\n" + "".join(
        f"{n}: &{n} [{', '.join(['*' + p] * 10)}]\n" for p, n in zip("abcdef", "bcdefg")
    )
    tree, problems = tree_of(text)
    assert [p.problem for p in problems] == ["too-large"]
    assert isinstance(tree, MapNode)


def test_deep_nesting_stops_at_the_depth_limit():
    tree, problems = tree_of("a: " + "[" * 80 + "1" + "]" * 80 + "\n")
    assert [p.problem for p in problems] == ["too-deep"]


def test_syntax_error_at_the_end_of_input_points_at_the_last_line():
    root, problems = compose("单位: 东莞市妇女联合会\n项目: []\n年度\n")
    assert root is None
    (problem,) = problems
    assert problem.problem == "yaml-syntax"
    # libyaml notices the missing colon at the end of input, one line past the text:
    # the finding points at the end of the last line instead, where it can be shown.
    assert (problem.span.line, problem.span.column) == (3, 3)


def test_an_amount_with_two_commas_is_one_split_quoted_whole_as_written():
    tree, problems = tree_of("- {指标: 预算控制数, 年度指标值: ≤6,400,000元, 实施周期指标值: 1,200,000.00元}\n")
    assert [(p.problem, p.span.column, p.params["value"]) for p in problems] == [
        ("flow-comma-split", 22, "≤6,400,000元"), ("flow-comma-split", 44, "1,200,000.00元")]
    row = tree.items[0]
    # The row holds the whole amounts, not the fragments: no check sees "≤6" or a key "000元".
    assert list(row.items) == ["指标", "年度指标值", "实施周期指标值"]
    assert row.get("年度指标值").text == "≤6,400,000元"
    assert row.get("年度指标值").span == Span(1, 22, 1, 33)


def test_a_split_amount_gives_no_findings_on_its_fragments():
    from lint.engine import Linter
    from lint.rulepack import load_rules

    text = ("单位: 东莞市妇女联合会\n年度: 2025\n项目:\n  - 项目名称: 购买社工岗位服务经费\n    预算金额: \"6,400,000元\"\n"
            "    绩效指标:\n      成本指标:\n        经济成本指标:\n"
            "          - {指标: 预算控制数, 实施周期指标值: ≤6,400,000元, 年度指标值: ≤6,400,000元}\n")
    findings = Linter(load_rules()).check_bytes("t.yaml", text.encode()).findings
    on_the_row = [(f.rule, f.span.column) for f in findings if f.span.line == 9]
    assert sorted(on_the_row) == [("JX003", 34), ("JX003", 54)]
    hints = [f.hint for f in findings if f.rule == "JX003"]
    assert hints == ['给金额加引号：实施周期指标值: "≤6,400,000元"', '给金额加引号：年度指标值: "≤6,400,000元"']


def test_merge_keys_merge_and_keep_the_merged_cells_locations():
    text = ("项目:\n  - &first\n    项目名称: a\n    主管部门: 东莞市妇女联合会\n    用款单位: 东莞市妇女联合会\n"
            "  - <<: *first\n    项目名称: b\n")
    tree, problems = tree_of(text)
    assert problems == []
    second = tree.get("项目").items[1]
    assert second.get("项目名称").text == "b"  # a key written in the mapping wins over a merged one
    assert second.get("主管部门").text == "东莞市妇女联合会"
    assert second.get("主管部门").span.line == 4  # where the merged value is written
    assert "<<" not in second.items


def test_merge_of_a_list_of_mappings_earlier_ones_win():
    tree, problems = tree_of("a: &a {x: 1, y: 1}\nb: &b {y: 2, z: 2}\nc:\n  <<: [*a, *b]\n")
    assert problems == []
    assert to_plain(tree.get("c")) == {"x": 1, "y": 1, "z": 2}


def test_merging_something_that_is_no_mapping_is_one_located_problem():
    _, problems = tree_of("a: &a 5\nc:\n  <<: *a\n  k: 1\n")
    assert [(p.problem, p.span.line, p.span.column) for p in problems] == [("bad-scalar", 1, 4)]


@pytest.mark.parametrize("scalar, reason", [
    ("!!bool maybe", "!!bool"),
    ("!!int x", "整数"),
    ("!!float x", "数字"),
    ("0x" + "f" * 5000, "40"),
    (":".join(["59"] * 3000), "40"),
    ("9" * 5000, "40"),
])
def test_values_their_tag_cannot_read_are_located_problems_kept_as_text(scalar, reason):
    tree, problems = tree_of(f"单位: x\n年度: {scalar}\n")
    (problem,) = problems
    assert (problem.problem, problem.span.line, problem.span.column) == ("bad-scalar", 2, 5)
    assert reason in problem.params["reason"]["zh"] or reason in problem.params["tag"]
    assert len(problem.value) <= 30
    assert tree.get("年度").value == scalar.removeprefix("!!bool ").removeprefix("!!int ").removeprefix("!!float ")
