"""Configuration: closest file wins, command line overrides, every key does what it says."""

from __future__ import annotations

import json

from tests.cli_helpers import findings_json, jxlint

MINIMAL = "单位: 东莞市妇女联合会\n年度: 2025\n项目:\n  - 项目名称: 家庭工作经费\n"
DUPLICATE = MINIMAL + "    预算金额: 560,000.00元\n    预算金额: 560,000.00元\n"
GB18030 = MINIMAL.encode("gb18030")  # JX009 info


def rules_of(found):
    return sorted({f["rule"] for f in found})


def test_yaml_config_selects_and_sets_severity(tmp_path):
    (tmp_path / ".jxlint.yaml").write_text("select: [JX0]\nseverity: {JX002: warning}\n", encoding="utf-8")
    (tmp_path / "a.yaml").write_text(DUPLICATE, encoding="utf-8")
    (finding,) = findings_json(str(tmp_path / "a.yaml"))
    assert (finding["rule"], finding["severity"]) == ("JX002", "warning")
    assert jxlint("check", str(tmp_path / "a.yaml")).exit_code == 0  # a warning does not fail at the default level


def test_pyproject_table_and_closest_config_wins(tmp_path):
    (tmp_path / "pyproject.toml").write_text('[tool.jxlint]\nselect = ["JX0"]\nignore = ["JX002"]\n', encoding="utf-8")
    (tmp_path / "unit").mkdir()
    (tmp_path / "unit" / ".jxlint.yaml").write_text("select: [JX0]\n", encoding="utf-8")
    (tmp_path / "top.yaml").write_text(DUPLICATE, encoding="utf-8")
    (tmp_path / "unit" / "inner.yaml").write_text(DUPLICATE, encoding="utf-8")
    found = findings_json(str(tmp_path))
    assert [(f["file"].rsplit("/", 1)[1], f["rule"]) for f in found] == [("inner.yaml", "JX002")]


def test_pyproject_without_a_jxlint_table_is_passed_over(tmp_path):
    (tmp_path / ".jxlint.yaml").write_text("select: [JX0]\nignore: [JX002]\n", encoding="utf-8")
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "pyproject.toml").write_text("[project]\nname = 'x'\n", encoding="utf-8")
    (tmp_path / "sub" / "a.yaml").write_text(DUPLICATE, encoding="utf-8")
    assert findings_json(str(tmp_path / "sub" / "a.yaml")) == []


def test_cli_flags_override_config_and_isolated_ignores_it(tmp_path):
    (tmp_path / ".jxlint.yaml").write_text("select: [JX0]\nignore: [JX002]\nfail-level: info\n", encoding="utf-8")
    (tmp_path / "a.yaml").write_text(DUPLICATE, encoding="utf-8")
    assert findings_json(str(tmp_path / "a.yaml")) == []
    assert rules_of(findings_json(str(tmp_path / "a.yaml"), "--ignore", "JX009")) == ["JX002"]
    assert "JX002" in rules_of(findings_json(str(tmp_path / "a.yaml"), "--isolated"))


def test_named_config_applies_to_every_path(tmp_path):
    (tmp_path / "ci.yaml").write_text("select: [JX0]\nignore: [JX002]\n", encoding="utf-8")
    (tmp_path / "t").mkdir()
    (tmp_path / "t" / "a.yaml").write_text(DUPLICATE, encoding="utf-8")
    assert findings_json(str(tmp_path / "t"), "--config", str(tmp_path / "ci.yaml")) == []


def test_fail_level_from_config(tmp_path):
    (tmp_path / ".jxlint.yaml").write_text("select: [JX0]\nfail-level: info\n", encoding="utf-8")
    (tmp_path / "a.yaml").write_bytes(GB18030)
    assert jxlint("check", str(tmp_path / "a.yaml")).exit_code == 1


def test_include_exclude_and_per_file_ignores(tmp_path):
    (tmp_path / ".jxlint.yaml").write_text(
        "select: [JX0]\ninclude: ['*.yaml', '*.targets']\nexclude: [drafts, '*.bak.yaml']\n"
        "per-file-ignores: {'legacy/*.yaml': [JX002]}\n",
        encoding="utf-8",
    )
    for name in ("a.targets", "b.yml", "drafts/c.yaml", "d.bak.yaml", "legacy/e.yaml", "f.yaml"):
        (tmp_path / name).parent.mkdir(exist_ok=True)
        (tmp_path / name).write_text(DUPLICATE, encoding="utf-8")
    found = findings_json(str(tmp_path))
    assert sorted(f["file"][len(str(tmp_path)) + 1:] for f in found) == ["a.targets", "f.yaml"]


def test_option_overrides_reach_the_check(tmp_path):
    (tmp_path / ".jxlint.yaml").write_text("options: {JX001: {problem: duplicate-key}}\nselect: [JX001]\n", encoding="utf-8")
    (tmp_path / "a.yaml").write_text(DUPLICATE, encoding="utf-8")
    assert rules_of(findings_json(str(tmp_path / "a.yaml"))) == ["JX001"]


def test_broken_config_is_exit_2_with_its_location(tmp_path):
    (tmp_path / ".jxlint.yaml").write_text("select: [JX0]\nseverity: {JX002: fatal}\n", encoding="utf-8")
    (tmp_path / "a.yaml").write_text(MINIMAL, encoding="utf-8")
    result = jxlint("check", str(tmp_path / "a.yaml"))
    assert result.exit_code == 2
    assert f"{tmp_path / '.jxlint.yaml'}:2:" in result.output


def test_unknown_config_key_and_unknown_rule_are_located(tmp_path):
    (tmp_path / ".jxlint.yaml").write_text("selct: [JX0]\n", encoding="utf-8")
    (tmp_path / "a.yaml").write_text(MINIMAL, encoding="utf-8")
    result = jxlint("check", str(tmp_path / "a.yaml"))
    assert result.exit_code == 2 and ".jxlint.yaml:1:1" in result.output and "selct" in result.output
    (tmp_path / ".jxlint.yaml").write_text("severity:\n  JX999: error\n", encoding="utf-8")
    result = jxlint("check", str(tmp_path / "a.yaml"))
    assert result.exit_code == 2 and ".jxlint.yaml:2:3" in result.output and "JX999" in result.output


def test_broken_pyproject_table_is_exit_2(tmp_path):
    (tmp_path / "pyproject.toml").write_text('[tool.jxlint]\nselect = "JX0"\n', encoding="utf-8")
    (tmp_path / "a.yaml").write_text(MINIMAL, encoding="utf-8")
    result = jxlint("check", str(tmp_path / "a.yaml"))
    assert result.exit_code == 2 and "pyproject.toml:2:1" in result.output


def test_show_settings_says_where_each_setting_comes_from(tmp_path):
    (tmp_path / ".jxlint.yaml").write_text("lang: en\nselect: [JX0]\n", encoding="utf-8")
    (tmp_path / "a.yaml").write_text(MINIMAL, encoding="utf-8")
    result = jxlint("check", str(tmp_path / "a.yaml"), "--show-settings", "--fail-level", "warning")
    assert result.exit_code == 0
    lines = result.stdout.splitlines()
    assert any(line.strip().startswith("lang = 'en'") and ".jxlint.yaml:1" in line for line in lines)
    assert any(line.strip().startswith("fail-level = 'warning'") and "command line" in line for line in lines)
    assert any(line.strip().startswith("exclude = []") and "# default" in line for line in lines)


def test_extra_pack_from_config(tmp_path):
    (tmp_path / "province.yaml").write_text("pack: province\ndisable: [JX002]\n", encoding="utf-8")
    (tmp_path / ".jxlint.yaml").write_text("packs: [province.yaml]\nselect: [JX0]\n", encoding="utf-8")
    (tmp_path / "a.yaml").write_text(DUPLICATE, encoding="utf-8")
    assert findings_json(str(tmp_path / "a.yaml")) == []
    shown = jxlint("check", str(tmp_path / "a.yaml"), "--show-settings").stdout
    assert str(tmp_path / "province.yaml") in shown
    assert json.loads(jxlint("check", str(tmp_path / "a.yaml"), "--format", "json", "--isolated", "--select", "JX002").stdout)
