"""The located tree: spans on scalars, and what plain safe_load would swallow."""

from lint.findings import Span
from lint.loading.tree import Cell, MapNode, build_tree, compose, to_plain


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
