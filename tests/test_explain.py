"""``jxlint explain``: what a finance officer reads about a rule, in their language."""

from __future__ import annotations

import string

import pytest

from lint.explain import check_documentation, explain_rule
from lint.rulepack import load_rules
from tests.cli_helpers import jxlint
from tests.conftest import ROOT

RULES = load_rules()


def test_options_are_a_table_with_their_meaning_not_json():
    text = jxlint("explain", "JX301").stdout
    assert '{"cap_names"' not in text and '["' not in text
    lines = text.splitlines()
    at = next(i for i, line in enumerate(lines) if line.strip().startswith("cap_names "))
    assert "控制数" in lines[at]
    assert "regular expressions (re.search) for the names of total-cost caps" in lines[at + 1]
    assert any(line.split()[:2] == ["tolerance", "0"] for line in lines)


def test_family_and_severity_are_in_the_users_language():
    zh = jxlint("explain", "JX301").stdout
    assert "规则族: 成本与预算" in zh and "严重程度: 错误" in zh and "cost-budget" not in zh
    en = jxlint("explain", "JX301", "--lang", "en").stdout
    assert "family: cost vs budget" in en and "severity: error" in en
    assert "适用范围: 表: 项目支出绩效目标表" in zh


def test_the_hint_is_the_template_with_its_placeholders_explained():
    lines = jxlint("explain", "JX301").stdout.splitlines()
    hint = next(line for line in lines if line.startswith("修改建议:"))
    assert "{suggestion}" in hint and "≤954112元" not in hint  # not one example's figure as the general advice
    assert any(line.strip().startswith("{suggestion}: the cap rewritten to the budget") for line in lines)
    assert any(line.strip().startswith("{column}: 所在的栏") for line in lines)
    assert any("本例建议" in line and "≤954112元" in line for line in lines)  # the filled-in hint stays with its example


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_sources_name_documents_and_real_tables_not_internal_files(lang):
    for rule in RULES:
        text = explain_rule(rule, lang)
        for internal in ("seed", "Seed", "种子", "BRIEF"):
            assert internal not in text, (rule.id, internal)
    assert "真实表格（东莞市妇女联合会，2025年）购买白玉兰家庭服务项目" in explain_rule(RULES.rules["JX301"])


# Options the check module's docstring does not describe yet (they are shown without a meaning).
UNDOCUMENTED_OPTIONS = {("JX112", "timing_kinds"), ("JX112", "date_kinds")}


def test_every_option_and_placeholder_of_the_default_pack_is_documented():
    for rule in RULES:
        documented = check_documentation(rule.check)
        for option in rule.options:
            assert documented.options.get(option) or (rule.id, option) in UNDOCUMENTED_OPTIONS, (rule.id, option)
        text = explain_rule(rule, "en")
        for _, name, _, _ in string.Formatter().parse(rule.text("hint", "en")):
            if name:
                assert any(line.strip().startswith(f"{{{name}}}: ") for line in text.splitlines()), (rule.id, name)


def test_every_hint_ends_as_a_sentence():
    """JX202, JX203 and JX404 ended without 。; a hint that ends in text to type is the exception."""
    ends_in_text_to_type = {"JX003"}
    for rule in RULES:
        if rule.id in ends_in_text_to_type:
            continue
        assert rule.text("hint", "zh").rstrip().endswith(("。", "？", "！")), rule.id
        assert rule.text("hint", "en").rstrip().endswith((".", "?", "!")), rule.id


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_every_family_of_the_default_pack_has_a_label(lang):
    from lint.reporters import FAMILY_LABELS

    families = {rule.family for rule in load_rules().rules.values()}
    assert families - FAMILY_LABELS[lang].keys() == set()


def test_explain_says_where_the_rule_its_code_and_its_tests_live():
    text = explain_rule(load_rules().rules["JX301"], "en")
    line = next(line for line in text.splitlines() if line.startswith("lives in:"))
    rule, code, tests = line.removeprefix("lives in: ").split("    ")
    path, _, number = rule.removeprefix("rule ").partition(":")
    assert path == "rules/cost_budget.yaml"
    assert (ROOT / path).read_text(encoding="utf-8").splitlines()[int(number) - 1].strip() == "- id: JX301"
    assert code == "code lint/checks/cost_cap_budget.py" and (ROOT / code.removeprefix("code ")).is_file()
    assert tests == "tests tests/checks/test_cost_cap_budget.py"


def test_explain_lists_the_rule_s_texts_as_the_pack_words_them():
    rule = RULES.rules["JX301"]
    for lang, words in (("en", "below the budget by"), ("zh", "比预算金额少")):
        lines = explain_rule(rule, lang).splitlines()
        start = next(index for index, line in enumerate(lines) if line.startswith(("texts", "文字")))
        assert lines[start + 1].split() == ["below", *words.split()]
        assert lines[start + 3].split()[0] == "fix" and "{suggestion}" in lines[start + 3]


def test_every_text_a_check_picks_is_documented_in_its_module():
    import inspect

    from lint import checks

    for kind in checks.kinds():
        module = checks.load(kind)
        for key in getattr(module, "TEXTS", {}):
            assert f"``texts.{key}``" in inspect.getdoc(module), (kind, key)
