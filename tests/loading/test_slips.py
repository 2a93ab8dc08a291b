"""Typing slips: told in the user's language, with what to type, at the slip itself."""

import pytest

from lint.loading.tree import compose

HEAD = "单位: 东莞市妇女联合会\n年度: 2025\n"


@pytest.mark.parametrize("text, line, column, zh, en", [
    ("单位：某某县教育局\n年度: 2025\n项目: []\n", 1, 3, "全角冒号「：」：YAML 要用半角冒号加空格，请改成 单位: 某某县教育局",
     "full-width colon '：' after '单位'"),
    (HEAD + "项目:\n  - 项目名称: 家庭工作经费\n    预算金额：100元\n    项目类型: 其他\n", 5, 9, "请改成 预算金额: 100元",
     "type 预算金额: 100元"),
    ("单位: 东莞市妇女联合会\n年度:2025\n项目: []\n", 2, 3, "「年度」后面的冒号缺少空格：冒号后要有一个空格，请改成 年度: 2025",
     "no space after the colon of '年度'"),
    ("单位: 东莞市妇女联合会\n项目: []\n年度:2025\n", 3, 3, "请改成 年度: 2025", "type 年度: 2025"),
    (HEAD + "项目:\n\t- 项目名称: 家庭工作经费\n", 4, 1, "制表符（Tab）", "a tab character here"),
    (HEAD + "项目:\n  - 项目名称: a\n\t  预算金额: 1\n", 5, 1, "制表符（Tab）", "a tab character here"),
    ("单位: \"东莞市妇女联合会\n年度: 2025\n项目: []\n", 1, 5, "这里的引号 \" 没有结束", "the quote \" opened here is never closed"),
    ("单位: '东莞市妇女联合会\n年度: 2025\n项目: []\n", 1, 5, "这里的引号 ' 没有结束", "never closed"),
    (HEAD + "项目:\n  - 项目名称: [购买社工岗位服务经费\n", 4, 11, "这里的「[」没有对应的「]」", "has no matching ']'"),
    (HEAD + "项目:\n  - {项目名称: a, 预算金额: 1\n  - {项目名称: b}\n", 4, 5, "这里的「{」没有对应的「}」", "has no matching '}'"),
    (HEAD + "项目:\n  - {项目名称: a}}\n", 4, 14, "多了一个「}」", "an extra '}'"),
], ids=["full-width-top", "full-width-nested", "no-space", "no-space-last-line", "tab", "tab-in-indent",
        "double-quote", "single-quote", "bracket", "brace", "extra-brace"])
@pytest.mark.parametrize("loader", ["c", "pure"])
def test_slips_are_explained_at_the_slip(monkeypatch, loader, text, line, column, zh, en):
    if loader == "pure":
        monkeypatch.setenv("JXLINT_YAML_LOADER", "pure")
    root, problems = compose(text)
    (problem,) = problems
    assert root is None
    assert (problem.problem, problem.span.line, problem.span.column) == ("yaml-syntax", line, column), problem.params
    assert zh in problem.params["detail"]["zh"]
    assert en in problem.params["detail"]["en"]


def test_a_colon_in_a_text_line_is_not_blamed_for_an_error_elsewhere():
    text = HEAD + "项目:\n  - 项目名称: a\n    备注: 其中：个案57个\n    预算金额: [1\n"
    (problem,) = compose(text)[1]
    assert (problem.span.line, problem.span.column) == (6, 11)
    assert "「[」" in problem.params["detail"]["zh"]


def test_other_syntax_errors_keep_the_parsers_words_and_position():
    (problem,) = compose(HEAD + "项目: []\n  - x: *\n")[1]
    assert problem.problem == "yaml-syntax"
    assert problem.params["detail"]["zh"] == problem.params["detail"]["en"]
    assert problem.span.line == 4


@pytest.mark.parametrize("cell, column, words", [
    ("指标:社区活动数", 16, "「指标」后面的冒号缺少空格：冒号后要有一个空格，请改成 指标: 社区活动数"),
    ("指标：社区活动数", 16, "「指标」后面是全角冒号「：」：YAML 要用半角冒号加空格，请改成 指标: 社区活动数"),
])
def test_colon_slips_inside_braces_are_one_finding_at_the_colon(cell, column, words):
    """In flow style the slip is no syntax error: ``{指标:社区活动数}`` is one unknown key."""
    from lint.loading import load_target

    text = (HEAD + "项目:\n  - 项目名称: a\n    绩效指标:\n      产出指标:\n        数量指标:\n"
            f"          - {{{cell}, 年度指标值: 5场}}\n")
    (problem,) = load_target("t.yaml", text.encode()).problems
    assert (problem.span.line, problem.span.column) == (8, column)
    assert problem.params["detail"]["zh"] == words
