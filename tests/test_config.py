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
    assert any(line.startswith("lang: en") and ".jxlint.yaml:1" in line for line in lines)
    assert any(line.startswith("fail-level: warning") and "command line" in line for line in lines)
    assert any(line.startswith("exclude: []") and "# default" in line for line in lines)


def test_extra_pack_from_config(tmp_path):
    (tmp_path / "province.yaml").write_text("pack: province\ndisable: [JX002]\n", encoding="utf-8")
    (tmp_path / ".jxlint.yaml").write_text("packs: [province.yaml]\nselect: [JX0]\n", encoding="utf-8")
    (tmp_path / "a.yaml").write_text(DUPLICATE, encoding="utf-8")
    assert findings_json(str(tmp_path / "a.yaml")) == []
    shown = jxlint("check", str(tmp_path / "a.yaml"), "--show-settings").stdout.splitlines()
    assert any(line.startswith("# packs:") and "province.yaml" in line for line in shown)
    assert json.loads(jxlint("check", str(tmp_path / "a.yaml"), "--format", "json", "--isolated", "--select", "JX002").stdout)


def test_unknown_selectors_on_the_command_line_are_exit_2_with_the_nearest_ids(tmp_path):
    (tmp_path / "a.yaml").write_text(MINIMAL, encoding="utf-8")
    result = jxlint("check", str(tmp_path / "a.yaml"), "--select", "JX999")
    assert result.exit_code == 2
    assert "--select" in result.stderr and "「JX999」" in result.stderr and "JX009" in result.stderr
    result = jxlint("check", str(tmp_path / "a.yaml"), "--ignore", "JX9", "--lang", "en")
    assert result.exit_code == 2
    assert "--ignore" in result.stderr and "'JX9'" in result.stderr and "nearest: JX0, JX1, JX2" in result.stderr
    result = jxlint("check", str(tmp_path / "a.yaml"), "--extend-select", "JX3O1")
    assert result.exit_code == 2 and "JX301" in result.stderr


def test_unknown_selectors_in_the_config_are_located(tmp_path):
    (tmp_path / "a.yaml").write_text(MINIMAL, encoding="utf-8")
    (tmp_path / ".jxlint.yaml").write_text("select: [JX0, JX999]\n", encoding="utf-8")
    result = jxlint("check", str(tmp_path / "a.yaml"))
    assert result.exit_code == 2 and ".jxlint.yaml:1:15" in result.stderr and "JX009" in result.stderr
    (tmp_path / ".jxlint.yaml").write_text('per-file-ignores:\n  "drafts/*": [JX1, JX77]\n', encoding="utf-8")
    result = jxlint("check", str(tmp_path / "a.yaml"))
    assert result.exit_code == 2 and ".jxlint.yaml:2:21" in result.stderr and "JX77" in result.stderr
    (tmp_path / "pyproject.toml").write_text('[tool.jxlint]\nignore = ["JX2", "JX8"]\n', encoding="utf-8")
    (tmp_path / ".jxlint.yaml").unlink()
    result = jxlint("check", str(tmp_path / "a.yaml"))
    assert result.exit_code == 2 and "pyproject.toml:2:" in result.stderr and "「JX8」" in result.stderr


def test_a_rule_a_pack_disabled_is_still_a_known_selector(tmp_path):
    (tmp_path / "province.yaml").write_text("pack: province\ndisable: [JX002]\n", encoding="utf-8")
    (tmp_path / ".jxlint.yaml").write_text("packs: [province.yaml]\nselect: [JX0]\nignore: [JX002]\n", encoding="utf-8")
    (tmp_path / "a.yaml").write_text(MINIMAL, encoding="utf-8")
    assert jxlint("check", str(tmp_path / "a.yaml")).exit_code == 0


def test_selectors_are_case_insensitive(tmp_path):
    (tmp_path / "a.yaml").write_text(DUPLICATE, encoding="utf-8")
    assert rules_of(findings_json(str(tmp_path / "a.yaml"), "--select", "jx002")) == ["JX002"]
    (tmp_path / ".jxlint.yaml").write_text("select: [jx0]\nignore: [Jx002]\nseverity: {jx009: error}\n", encoding="utf-8")
    (tmp_path / "b.yaml").write_bytes(GB18030)
    found = findings_json(str(tmp_path))
    assert [(f["rule"], f["severity"]) for f in found] == [("JX009", "error")]


def test_extend_ignore_adds_to_the_config_and_ignore_replaces_it(tmp_path):
    (tmp_path / ".jxlint.yaml").write_text("select: [JX0]\nignore: [JX009]\n", encoding="utf-8")
    (tmp_path / "a.yaml").write_text(DUPLICATE, encoding="utf-8")
    (tmp_path / "b.yaml").write_bytes(GB18030)
    assert rules_of(findings_json(str(tmp_path))) == ["JX002"]
    assert rules_of(findings_json(str(tmp_path), "--ignore", "JX002")) == ["JX009"]  # replaces ignore: [JX009]
    assert rules_of(findings_json(str(tmp_path), "--extend-ignore", "JX002")) == []  # adds to it
    (tmp_path / ".jxlint.yaml").write_text("select: [JX0]\nextend-ignore: [JX009]\n", encoding="utf-8")
    assert rules_of(findings_json(str(tmp_path), "--extend-ignore", "jx002")) == []  # both lists apply


def test_a_per_file_ignores_pattern_that_matches_no_file_is_a_warning(tmp_path):
    (tmp_path / ".jxlint.yaml").write_text('per-file-ignores:\n  "draft/*.yaml": [JX1]\n  "*.yaml": [JX3]\n',
                                           encoding="utf-8")
    (tmp_path / "drafts").mkdir()
    (tmp_path / "drafts" / "a.yaml").write_text(MINIMAL, encoding="utf-8")
    result = jxlint("check", str(tmp_path), "--format", "concise")
    assert result.exit_code == 1, result.output
    (warning,) = [line for line in result.stderr.splitlines() if "per-file-ignores" in line]
    assert "警告" in warning and ".jxlint.yaml:2" in warning and "「draft/*.yaml」" in warning
    assert "JX3" not in result.stdout  # the pattern that matches does its work


def test_a_folder_without_target_files_is_exit_2_not_success(tmp_path):
    (tmp_path / "notes.txt").write_text("单位: 东莞市妇女联合会\n", encoding="utf-8")
    result = jxlint("check", str(tmp_path))
    assert result.exit_code == 2
    assert "没有找到要检查的目标文件" in result.stderr and str(tmp_path) in result.stderr
    assert "没有发现问题" not in result.output
    english = jxlint("check", str(tmp_path), "--lang", "en")
    assert english.exit_code == 2 and "no target file" in english.stderr
    (tmp_path / ".jxlint.yaml").write_text("exclude: [drafts]\n", encoding="utf-8")
    (tmp_path / "drafts").mkdir()
    (tmp_path / "drafts" / "a.yaml").write_text(MINIMAL, encoding="utf-8")
    assert jxlint("check", str(tmp_path)).exit_code == 2  # every YAML file excluded: still nothing checked
    (tmp_path / "a.yaml").write_text(MINIMAL, encoding="utf-8")
    assert jxlint("check", str(tmp_path), "--select", "JX0").exit_code == 0


def test_yaml_problems_in_a_config_are_worded_as_in_a_rule_pack(tmp_path):
    import pytest

    from lint.config import ConfigError, load_settings

    config = tmp_path / ".jxlint.yaml"
    for text, en, zh in [
        ("select: [JX1]\nselect: [JX2]\n", "2:1: duplicate key 'select'", "2:1: 重复的栏目「select」"),
        ("select: [JX1\n", "YAML syntax error: ", "YAML 语法错误："),
        ("select: !!python/name:os.system [JX1]\n", "is not allowed: settings are data", "设置只是数据"),
    ]:
        config.write_text(text, encoding="utf-8")
        with pytest.raises(ConfigError) as raised:
            load_settings(config)
        assert en in str(raised.value) and zh in raised.value.text("zh"), text
