"""Rule packs: the default pack is well formed, users own packs without Python, broken packs are located."""

from __future__ import annotations

import json

import pytest

from lint.engine import Linter
from lint.rulepack import PackError, load_rules
from tests.cli_helpers import jxlint
from tests.conftest import EXAMPLES

PROVINCE = """\
# 某省财政厅规则包：在默认规则包上收紧，并增加一条本省规则。
pack: province
extends: [default]
disable: [JX104, JX2]                 # 关闭：比较符提示、周期与年度整族
override:
  JX404: {severity: error, options: {floor: 95}}   # 满意度下限提到 95%，并作为错误
  JX501: {severity: info}
rules:
  - id: GD101
    slug: no-qualitative-benefit
    family: measurability
    check: vague_value
    severity: error
    where: {level1: [效益指标]}
    summary: {zh: 效益指标不得用定性描述, en: Benefit indicators must be quantitative}
    message: {zh: "本省要求效益指标量化：「{indicator}」的{column}「{value}」是定性描述", en: "Benefit indicator '{indicator}' must be quantified, not '{value}'"}
    hint: {zh: 写成带单位和比较符的数值。, en: Write a number with unit and comparison.}
    texts:                                # the province's own words for what vague_value picks
      qualitative: {zh: 定性描述, en: a qualitative word}
      words: {zh: 文字描述, en: a description in words}
      floor_rate: {zh: 百分比下限, en: a percentage floor}
      ceiling_rate: {zh: 百分比上限, en: a percentage ceiling}
      cost_cap: {zh: 成本上限, en: a cost cap}
      deadline: {zh: 完成期限, en: a deadline}
      count_in_unit: {zh: "以{unit}计的数量", en: "a count in {unit}"}
      count: {zh: 计划数量和单位, en: the planned count with its unit}
      number_or_grade: {zh: 数值或分级分档, en: a number or a stated grade}
    rationale: {zh: 本省预算绩效管理办法。, en: Provincial rules., source: 某省财政厅文件}
    examples:
      fail:
        - yaml: "单位: 东莞市妇女联合会\\n年度: 2025\\n项目:\\n  - 项目名称: 家庭工作经费\\n    绩效指标:\\n      效益指标:\\n        社会效益:\\n          - {指标: 东莞家庭家教家风水平, 实施周期指标值: 持续提高, 年度指标值: 持续提高}\\n"
          at: [8, 65]
      pass:
        - yaml: "单位: 东莞市妇女联合会\\n年度: 2025\\n项目:\\n  - 项目名称: 妇女维权工作经费\\n    绩效指标:\\n      效益指标:\\n        社会效益:\\n          - {指标: 服务群众人数, 实施周期指标值: ≥4000人, 年度指标值: ≥4000人}\\n"
"""


@pytest.fixture
def province(tmp_path):
    path = tmp_path / "province.yaml"
    path.write_text(PROVINCE, encoding="utf-8")
    return path


def findings(*args):
    result = jxlint("check", "--format", "json", "--isolated", str(EXAMPLES), *args)
    assert result.exit_code in (0, 1), result.output
    return json.loads(result.stdout)


def test_provincial_pack_disables_overrides_and_adds_rules_without_python(province):
    default = findings()
    provincial = findings("--pack", str(province))
    rules = {f["rule"] for f in provincial}
    assert "JX104" not in rules and not any(r.startswith("JX2") for r in rules)          # disabled
    assert {f["rule"] for f in default} >= {"JX104", "JX204"}                             # … which the default pack has
    floor = [f for f in provincial if f["rule"] == "JX404"]
    assert floor and all(f["severity"] == "error" for f in floor)                         # severity changed
    assert len(floor) > len([f for f in default if f["rule"] == "JX404"])                 # floor 90 → 95 flags more
    assert {f["severity"] for f in provincial if f["rule"] == "JX501"} == {"info"}
    added = [f for f in provincial if f["rule"] == "GD101"]                               # a new rule, existing kind
    assert added and all(f["severity"] == "error" for f in added)
    assert any(f["value"] == "持续提高" and f["indicator"] == "东莞家庭家教家风水平" for f in added)


def test_provincial_rule_is_listed_and_explained(province):
    listed = jxlint("rules", "--pack", str(province)).stdout
    assert "GD101" in listed and "JX104" not in listed
    explained = jxlint("explain", "GD101", "--pack", str(province))
    assert explained.exit_code == 0 and "持续提高" in explained.stdout and "→" in explained.stdout


def test_a_pack_extending_default_twice_loads_it_once(tmp_path, province):
    other = tmp_path / "city.yaml"
    other.write_text("pack: city\nextends: [default, province.yaml]\ndisable: [JX403]\n", encoding="utf-8")
    rules = load_rules(["default", str(other)]).rules
    assert "GD101" in rules and "JX403" not in rules and "JX104" not in rules


@pytest.mark.parametrize(
    "text, line, column, words",
    [
        ("pack: p\nextends: [default]\nrules:\n  - id: GD1\n", 4, 5, "missing key 'slug'"),
        ("pack: p\nextends: [default]\noverride:\n  JX999: {severity: error}\n", 4, 3, "no rule 'JX999'"),
        ("pack: p\nextends: [default]\noverride:\n  JX404: {options: {flor: 95}}\n", 4, 21, "no option 'flor'"),
        ("pack: p\nextends: [default]\noverride:\n  JX404: {options: {floor: high}}\n", 4, 28, "should be a number"),
        ("pack: p\nextends: [default]\ndisable: [ZZ1]\n", 3, 11, "no rule matches"),
        ("pack: p\nextends: [default]\noverride:\n  JX404: {severity: fatal}\n", 4, 21, "must be one of"),
        ("pack: p\npack: q\n", 2, 1, "duplicate key"),
        ("pack: [p\n", 1, 7, "YAML syntax"),
        ("pack: p\nrules:\n  - !!python/object:os.system {}\n", 3, 5, "not allowed"),
    ],
    ids=["bad-id", "unknown-rule", "unknown-option", "option-type", "disable-nothing", "severity", "duplicate", "syntax", "tag"],
)
def test_broken_packs_are_located(tmp_path, text, line, column, words):
    path = tmp_path / "p.yaml"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(PackError) as raised:
        load_rules(["default", str(path)])
    assert (raised.value.span.line, raised.value.span.column) == (line, column), str(raised.value)
    assert words in str(raised.value)
    result = jxlint("check", str(EXAMPLES), "--pack", str(path))
    assert result.exit_code == 2 and f"{path}:{line}:{column}" in result.output


def test_unknown_check_kind_is_located_and_lists_the_kinds(tmp_path):
    rule = PROVINCE.split("rules:\n", 1)[1].replace("check: vague_value", "check: run_python")
    path = tmp_path / "p.yaml"
    path.write_text("pack: p\nextends: [default]\nrules:\n" + rule, encoding="utf-8")
    with pytest.raises(PackError) as raised:
        load_rules(["default", str(path)])
    assert (raised.value.span.line, raised.value.span.column) == (7, 12) and "unknown check kind 'run_python'" in str(raised.value)
    assert "vague_value" in str(raised.value)


def _province_rule_texts(tmp_path, old: str, new: str) -> PackError:
    rule = PROVINCE.split("rules:\n", 1)[1]
    assert old in rule
    path = tmp_path / "p.yaml"
    path.write_text("pack: p\nextends: [default]\nrules:\n" + rule.replace(old, new), encoding="utf-8")
    with pytest.raises(PackError) as raised:
        load_rules(["default", str(path)])
    return raised.value


def test_a_rule_without_a_text_its_check_picks_is_refused_at_the_rule(tmp_path):
    error = _province_rule_texts(tmp_path, "      deadline: {zh: 完成期限, en: a deadline}\n", "")
    assert (error.span.line, error.span.column) == (13, 5)  # the rule's texts:
    result = jxlint("check", "--isolated", "--pack", error.path, str(EXAMPLES))
    assert result.exit_code == 2 and f"{error.path}:13:5" in result.output and "Traceback" not in result.output
    assert "check 'vague_value' needs texts the rule does not give: deadline" in str(error)
    assert "需要规则的 texts: 写出deadline" in error.text("zh")
    start = PROVINCE.index("    texts:")
    error = _province_rule_texts(tmp_path, PROVINCE[start:PROVINCE.index("    rationale:")], "")
    assert (error.span.line, error.span.column) == (7, 12) and "qualitative, words" in str(error)  # no texts: at the kind


def test_a_text_the_check_does_not_pick_or_a_field_it_does_not_fill_is_refused(tmp_path):
    error = _province_rule_texts(tmp_path, "      cost_cap: {zh", "      cost_ceiling: {zh")
    assert (error.span.line, error.span.column) == (18, 7) and "check 'vague_value' uses no text 'cost_ceiling'" in str(error)
    error = _province_rule_texts(tmp_path, 'en: "a count in {unit}"', 'en: "a count of {things}"')
    assert error.span.line == 20 and "provides no field in text 'count_in_unit' 'things'" in str(error)


def test_a_province_s_texts_word_its_findings(tmp_path):
    path = tmp_path / "p.yaml"
    path.write_text(PROVINCE.replace("must be quantified, not '{value}'", "must be {suggestion}, not {what} '{value}'"),
                    encoding="utf-8")
    rules = load_rules(["default", str(path)]).select(["GD101"])
    text = ("单位: 东莞市妇女联合会\n年度: 2025\n项目:\n  - 项目名称: 家庭工作经费\n    绩效指标:\n      效益指标:\n"
            "        社会效益:\n          - {指标: 服务对象满意度, 年度指标值: 持续提高}\n")
    findings = Linter(rules, lang="en").check_bytes("t.yaml", text.encode()).findings
    assert [f.message for f in findings] == [
        "Benefit indicator '服务对象满意度' must be a percentage floor, not a qualitative word '持续提高'"]


def test_a_pack_naming_the_old_loader_kind_is_told_its_new_name(tmp_path):
    rule = PROVINCE.split("rules:\n", 1)[1].replace("check: vague_value", "check: loader")
    path = tmp_path / "p.yaml"
    path.write_text("pack: p\nextends: [default]\nrules:\n" + rule, encoding="utf-8")
    with pytest.raises(PackError) as raised:
        load_rules(["default", str(path)])
    assert (raised.value.span.line, raised.value.span.column) == (7, 12)
    assert "check kind 'loader' is now called 'file_problem'" in str(raised.value)
    assert "已改名为「file_problem」" in raised.value.text("zh")
    result = jxlint("check", "--isolated", "--pack", str(path), str(EXAMPLES))
    assert result.exit_code == 2 and f"{path}:7:12" in result.output


def test_cyclic_extends_is_an_error(tmp_path):
    (tmp_path / "a.yaml").write_text("pack: a\nextends: [b.yaml]\n", encoding="utf-8")
    (tmp_path / "b.yaml").write_text("pack: b\nextends: [a.yaml]\n", encoding="utf-8")
    with pytest.raises(PackError, match="cycle"):
        load_rules([str(tmp_path / "a.yaml")])


def test_default_pack_covers_the_five_families_with_stable_ids():
    rules = load_rules().rules
    families = {rule.family for rule in rules.values()}
    assert families == {"file", "measurability", "cycle-annual", "cost-budget", "indicator-set", "goals", "structure",
                        "self-assessment"}
    prefix = {"file": "JX0", "measurability": "JX1", "cycle-annual": "JX2", "cost-budget": "JX3", "indicator-set": "JX4", "goals": "JX5",
              "structure": "JX6", "self-assessment": "JX7"}
    assert all(rule_id.startswith(prefix[rule.family]) for rule_id, rule in rules.items())
    assert len({rule.slug for rule in rules.values()}) == len(rules)


def test_every_rule_has_examples_from_real_tables_and_a_cited_source():
    for rule in load_rules():
        assert rule.examples["pass"], rule.id
        assert rule.examples["fail"] or rule.examples.get("note"), rule.id
        assert rule.rationale["source"].strip(), rule.id
        for lang in ("zh", "en"):
            assert rule.summary[lang] and rule.message[lang] and rule.hint[lang], (rule.id, lang)


def test_a_bad_regular_expression_in_an_option_is_located_when_the_pack_loads(tmp_path):
    line = "  JX401: {options: {terms: ['预算执行率', '(']}}"
    path = tmp_path / "p.yaml"
    path.write_text("pack: p\nextends: [default]\noverride:\n" + line + "\n", encoding="utf-8")
    with pytest.raises(PackError) as raised:
        load_rules(["default", str(path)])
    assert (raised.value.span.line, raised.value.span.column) == (4, line.index("'('") + 1)
    assert "bad regular expression" in str(raised.value)


def test_pattern_options_are_compiled_once_into_one_pattern():
    rule = load_rules().rules["JX401"]
    assert rule.options["inputs"].search("预算执行率")
    assert not rule.options["inputs"].search("举办活动场次")


# Values that passed the type check and then crashed the check on every file (JX015), or made a
# rule that never fires: each is now a pack error at the value.
BAD_OPTIONS = [
    ("JX301", "tolerance", ".nan", "finite number"),
    ("JX301", "relative_tolerance", ".nan", "finite number"),
    ("JX404", "floor", ".nan", "finite number"),
    ("JX404", "floor", "150", "from 0 to 100"),
    ("JX105", "placeholders", "[1]", "item 1 should be a string"),
    ("JX105", "placeholders", "[null]", "item 1 should be a string"),
    ("JX402", "required", "[1]", "is not one of"),
    ("JX402", "required", "[null]", "is not one of"),
    ("JX402", "required", "[产出指标, 效果指标]", "'效果指标' is not one of"),
    ("JX502", "min_term", "0.5", "whole number"),
    ("JX502", "min_term", ".inf", "finite number"),
    ("JX401", "threshold", "-1", "from 0 to 1"),
    ("JX303", "tolerance", "-5", "at least 0"),
    ("JX001", "problem", "yaml-sintax", "'yaml-sintax' is not one of"),
    ("JX401", "terms", "[1]", "should be a regular expression"),
]


@pytest.mark.parametrize("rule_id, option, value, words", BAD_OPTIONS,
                         ids=[f"{rule_id}-{option}-{value}" for rule_id, option, value, _ in BAD_OPTIONS])
def test_option_values_are_checked_against_what_the_check_allows(tmp_path, rule_id, option, value, words):
    line = f"  {rule_id}: {{options: {{{option}: {value}}}}}"
    path = tmp_path / "p.yaml"
    path.write_text("pack: p\nextends: [default]\noverride:\n" + line + "\n", encoding="utf-8")
    with pytest.raises(PackError) as raised:
        load_rules(["default", str(path)])
    assert (raised.value.span.line, raised.value.span.column) == (4, line.index(value) + 1), str(raised.value)
    assert words in str(raised.value) and f"option '{option}'" in str(raised.value)


def test_config_options_are_checked_the_same_way(tmp_path):
    (tmp_path / ".jxlint.yaml").write_text("options:\n  JX301: {tolerance: .nan}\n", encoding="utf-8")
    (tmp_path / "t.yaml").write_text("单位: 东莞市妇女联合会\n年度: 2025\n项目: []\n", encoding="utf-8")
    result = jxlint("check", "t.yaml", cwd=tmp_path, env={"JXLINT_LANG": "en"})
    assert result.exit_code == 2 and ".jxlint.yaml:2:" in result.output and "finite number" in result.output


def test_good_option_values_still_load(tmp_path):
    path = tmp_path / "p.yaml"
    path.write_text("pack: p\nextends: [default]\noverride:\n  JX301: {options: {tolerance: 0.5, relative_tolerance: 0.01}}\n"
                    "  JX402: {options: {required: [产出指标, 成本指标]}}\n  JX502: {options: {min_term: 3}}\n", encoding="utf-8")
    rules = load_rules(["default", str(path)]).rules
    assert rules["JX301"].options["tolerance"] == 0.5 and rules["JX502"].options["min_term"] == 3


BAD_TEMPLATES = ["{value.nope}", "{0}", "{", "}", "{value:d}", "{value[99]}", "{value:>1000000000}", "{value!r}", "{nope}"]


@pytest.mark.parametrize("template", BAD_TEMPLATES)
def test_message_templates_allow_only_plain_fields_the_check_provides(tmp_path, template):
    rule = PROVINCE.split("rules:\n", 1)[1].replace('en: "Benefit indicator', f'en: "{template} Benefit indicator')
    path = tmp_path / "p.yaml"
    path.write_text("pack: p\nextends: [default]\nrules:\n" + rule, encoding="utf-8")
    with pytest.raises(PackError) as raised:
        load_rules(["default", str(path)])
    assert raised.value.span.line == 11, str(raised.value)
    result = jxlint("check", str(EXAMPLES), "--pack", str(path))
    assert result.exit_code == 2 and f"{path}:11:" in result.output and "Traceback" not in result.output


def test_literal_braces_and_provided_fields_are_fine(tmp_path):
    rule = PROVINCE.split("rules:\n", 1)[1].replace('en: "Benefit indicator', 'en: "{{note}} {name} Benefit indicator')
    path = tmp_path / "p.yaml"
    path.write_text("pack: p\nextends: [default]\nrules:\n" + rule, encoding="utf-8")
    assert "GD101" in load_rules(["default", str(path)]).rules


def _pack_with_pattern(tmp_path, where: str) -> str:
    path = tmp_path / "p.yaml"
    path.write_text(f"pack: p\nextends: [default]\noverride:\n{where}\n", encoding="utf-8")
    return str(path)


@pytest.mark.parametrize("pattern, words", [
    ("(a+)+$", "nests one repeat inside another"),
    ("(a|aa)*b", "repeats a choice"),
    ("(?:x*)*", "nests one repeat inside another"),
    ("a*b*c*d*e", "open-ended repeats"),
])
def test_patterns_that_backtrack_without_end_are_refused_at_load(tmp_path, pattern, words):
    for where in (f"  JX401: {{options: {{terms: ['{pattern}']}}}}", f"  JX401: {{where: {{names: ['{pattern}']}}}}"):
        with pytest.raises(PackError, match=words) as raised:
            load_rules(["default", _pack_with_pattern(tmp_path, where)])
        assert raised.value.span.line == 4


def test_the_redos_config_of_issue_11_is_refused_not_run(tmp_path):
    """.jxlint.yaml with terms ["(a+)+$"] and an indicator named a×32 + "!" ran past 60 s."""
    import subprocess
    import sys

    (tmp_path / ".jxlint.yaml").write_text("options:\n  JX401: {terms: [\"(a+)+$\"]}\n", encoding="utf-8")
    (tmp_path / "t.yaml").write_text(
        "单位: 东莞市妇女联合会\n年度: 2025\n项目:\n  - 项目名称: 家庭工作经费\n    绩效指标:\n      产出指标:\n"
        f"        数量指标:\n          - {{指标: {'a' * 32}!, 年度指标值: 5场}}\n", encoding="utf-8")
    completed = subprocess.run([sys.executable, "-m", "lint", "check", "t.yaml"], cwd=tmp_path, capture_output=True,
                               text=True, timeout=60)
    assert completed.returncode == 2 and ".jxlint.yaml:2:" in completed.stderr + completed.stdout


def test_pattern_searches_see_a_bounded_text():
    from lint.rulepack import SEARCH_LIMIT, AnyPattern

    pattern = AnyPattern(["x$"])
    assert pattern.search("a" * 10 + "x")
    assert not pattern.search("a" * SEARCH_LIMIT + "x")


@pytest.mark.parametrize("rule_id, where, key", [
    ("JX301", "{level2: [数量指标]}", "level2"),   # a table check that reads the cost rows itself
    ("JX301", "{columns: [cycle]}", "columns"),
    ("JX402", "{names: [活动]}", "names"),
    ("JX201", "{columns: [annual]}", "columns"),  # an indicator rule compares both columns
])
def test_a_where_key_the_check_cannot_honour_is_refused_at_its_line(tmp_path, rule_id, where, key):
    line = f"  {rule_id}: {{where: {where}}}"
    path = tmp_path / "p.yaml"
    path.write_text("pack: p\nextends: [default]\noverride:\n" + line + "\n", encoding="utf-8")
    with pytest.raises(PackError) as raised:
        load_rules(["default", str(path)])
    assert (raised.value.span.line, raised.value.span.column) == (4, line.index(key) + 1), str(raised.value)
    assert f"cannot honour where: {key}" in str(raised.value)


def test_where_keys_a_check_applies_itself_are_accepted_and_work(tmp_path):
    path = tmp_path / "p.yaml"
    path.write_text("pack: p\nextends: [default]\noverride:\n  JX401: {where: {level1: [效益指标]}}\n"
                    "  JX105: {where: {columns: [annual]}}\n  JX101: {where: {tables: [department], columns: [target]}}\n",
                    encoding="utf-8")
    rules = load_rules(["default", str(path)]).rules
    assert rules["JX401"].where.level1 == frozenset({"效益指标"})
    assert rules["JX105"].where.columns == frozenset({"annual"})


def test_an_example_s_own_options_are_checked_at_load_like_the_rule_s(tmp_path):
    path = tmp_path / "p.yaml"
    path.write_text(
        "pack: p\nrules:\n  - id: GD404\n    slug: floor\n    family: indicator-set\n    check: satisfaction_floor\n"
        "    severity: warning\n    summary: {zh: 低, en: low}\n    message: {zh: 低, en: low}\n    hint: {zh: 改, en: fix}\n"
        "    rationale: {zh: 因, en: why, source: 财预〔2021〕101号}\n"
        "    examples:\n      fail:\n        - yaml: \"单位: 某\\n\"\n          options: {floor: 150}\n      pass:\n        - yaml: \"单位: 某\\n\"\n",
        encoding="utf-8")
    with pytest.raises(PackError) as raised:
        load_rules([str(path)])
    assert raised.value.span.line == 15 and "option 'floor'" in str(raised.value)


def test_a_check_that_reads_one_kind_of_table_narrows_its_rules_to_it(tmp_path):
    rules = load_rules().rules
    assert rules["JX703"].where.tables == frozenset({"self-assessment"})
    path = tmp_path / "p.yaml"
    path.write_text("pack: p\nextends: [default]\noverride:\n  JX703: {where: {tables: [project]}}\n", encoding="utf-8")
    with pytest.raises(PackError) as raised:
        load_rules(["default", str(path)])
    assert raised.value.span.line == 4 and "reads only self-assessment tables" in str(raised.value)
    # A province's rule on the kind that names no tables still never sees a project table.
    path.write_text("pack: p\nextends: [default]\noverride:\n  JX703: {where: {}}\n", encoding="utf-8")
    assert load_rules(["default", str(path)]).rules["JX703"].where.tables == frozenset({"self-assessment"})
    project = (EXAMPLES / "001_dongguan_fulian_2025_projects.yaml").read_bytes()
    findings = Linter(load_rules(["default", str(path)]).select(["JX7"], [])).check_bytes("t.yaml", project).findings
    assert [f.rule for f in findings if f.rule == "JX015"] == []


@pytest.mark.parametrize(("pack", "english", "chinese"), [
    pytest.param(lambda rule: "pack: p\nextends: [default]\nrules:\n" + rule.replace("check: vague_value", "check: no_such"),
                 "unknown check kind 'no_such'", "没有检查类型「no_such」", id="unknown-kind"),
    pytest.param(lambda rule: "pack: p\nextends: [default]\nrules:\n" + rule.replace("id: GD101", "id: JX101"),
                 "rule JX101 is already defined", "规则 JX101 已在", id="duplicate-id"),
    pytest.param(lambda rule: "pack: p\nextends: [default]\ndisable: [QQ9]\n",
                 "disable: no rule matches 'QQ9'", "没有哪条规则对得上「QQ9」", id="disable-nothing"),
    pytest.param(lambda rule: "pack: p\nextends: [p.yaml]\n",
                 "extend each other in a cycle", "绕成了一个圈", id="extends-cycle"),
    pytest.param(lambda rule: "", "rule pack is empty", "规则包是空的", id="empty"),
])
def test_errors_only_a_pack_author_sees_are_worded_in_both_languages(tmp_path, pack, english, chinese):
    """The default language is Chinese: a province's pack author must not get English only."""
    rule = PROVINCE.split("rules:\n", 1)[1]
    path = tmp_path / "p.yaml"
    path.write_text(pack(rule), encoding="utf-8")
    with pytest.raises(PackError) as raised:
        load_rules(["default", str(path)])
    assert english in str(raised.value)
    assert chinese in raised.value.text("zh")
