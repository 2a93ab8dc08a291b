"""The command line's own words: why a run fails or passes, -q and -v, help and usage errors."""

from __future__ import annotations

import re

import pytest

from tests.cli_helpers import jxlint

MINIMAL = "单位: 东莞市妇女联合会\n年度: 2025\n项目:\n  - 项目名称: 家庭工作经费\n"
# JX302 (warning): a project without a cost indicator; nothing else in the JX3 family.
WARNED = ("--select", "JX302")


def _summary(result) -> str:
    return result.stdout.strip().splitlines()[-1]


def test_the_summary_says_warnings_alone_do_not_fail_at_the_default_level(tmp_path):
    (tmp_path / "a.yaml").write_text(MINIMAL, encoding="utf-8")
    result = jxlint("check", str(tmp_path), *WARNED)
    assert result.exit_code == 0
    assert _summary(result) == "检查了 1 个文件，发现 1 个问题（警告 1）。有 1 个警告；按 --fail-level=error 不算失败。"
    english = jxlint("check", str(tmp_path), *WARNED, "--lang", "en")
    assert _summary(english).endswith("1 warning; below --fail-level=error, so not a failure.")


def test_the_summary_says_what_fails_the_run(tmp_path):
    (tmp_path / "a.yaml").write_text(MINIMAL, encoding="utf-8")
    result = jxlint("check", str(tmp_path), *WARNED, "--fail-level", "warning")
    assert result.exit_code == 1
    assert _summary(result).endswith("有 1 个警告，按 --fail-level=warning 算作失败。")
    (tmp_path / ".jxlint.yaml").write_text("fail-level: warning\n", encoding="utf-8")
    assert _summary(jxlint("check", str(tmp_path), *WARNED)).endswith("按 --fail-level=warning 算作失败。")
    zero = jxlint("check", str(tmp_path), *WARNED, "--exit-zero")
    assert zero.exit_code == 0 and _summary(zero).endswith("有 1 个警告；因 --exit-zero 不算失败。")


def test_quiet_prints_the_findings_only(tmp_path):
    (tmp_path / "a.yaml").write_text(MINIMAL, encoding="utf-8")
    (tmp_path / ".jxlint.yaml").write_text('per-file-ignores:\n  "old/*": [JX1]\n', encoding="utf-8")
    loud = jxlint("check", str(tmp_path), *WARNED)
    assert "检查了" in loud.stdout and "per-file-ignores" in loud.stderr
    quiet = jxlint("check", str(tmp_path), *WARNED, "-q")
    assert quiet.exit_code == 0
    assert "JX302" in quiet.stdout and "检查了" not in quiet.stdout and quiet.stderr == ""
    assert jxlint("check", str(tmp_path), *WARNED, "--quiet").stdout == quiet.stdout


def test_verbose_says_which_config_applies_to_each_file(tmp_path):
    (tmp_path / "unit").mkdir()
    (tmp_path / "unit" / ".jxlint.yaml").write_text("select: [JX0]\n", encoding="utf-8")
    (tmp_path / "unit" / "a.yaml").write_text(MINIMAL, encoding="utf-8")
    (tmp_path / "b.yaml").write_text(MINIMAL, encoding="utf-8")
    result = jxlint("check", "-v", "--isolated", str(tmp_path / "b.yaml"))
    assert f"{tmp_path / 'b.yaml'} ← （没有配置文件，用默认设置）" in result.stderr
    result = jxlint("check", "--verbose", str(tmp_path / "unit"), "--format", "json")
    assert f"{tmp_path / 'unit' / 'a.yaml'} ← {tmp_path / 'unit' / '.jxlint.yaml'}" in result.stderr
    assert result.stdout.startswith("[")  # the report itself is unchanged


COMMANDS = ["check", "rules", "explain", "import", "clean", "server"]


def test_every_option_of_every_command_has_chinese_help():
    from lint.cli import main
    from lint.clitext import untranslated

    assert sorted(main.commands) == sorted(COMMANDS)
    assert untranslated(main) == []


def test_help_is_chinese_by_default_and_english_on_request():
    top = jxlint("--help")
    assert top.exit_code == 0 and top.stdout.startswith("用法：") and "显示这段帮助并退出。" in top.stdout
    for command in COMMANDS:
        chinese = jxlint(command, "--help")
        assert chinese.exit_code == 0 and chinese.stdout.startswith(f"用法： main {command} [选项]"), command  # CliRunner names it main
        assert "Show this message" not in chinese.stdout
        english = jxlint(command, "--help", env={"JXLINT_LANG": "en"})
        assert english.stdout.startswith(f"Usage: main {command} [OPTIONS]"), command
        for text in (chinese.stdout, english.stdout):
            assert "``" not in text and ":func:" not in text, command  # no reStructuredText in help
    check = jxlint("check", "-h").stdout
    assert "退出码" in check and "只输出问题" in check and "--extend-ignore" in check
    assert jxlint("check", "--lang", "en", "-h").stdout.startswith("Usage: main check [OPTIONS]")  # --lang before -h
    assert jxlint("check", "-h", "--lang=en").stdout.startswith("Usage: main check [OPTIONS]")


def test_usage_errors_speak_the_language_asked_for(tmp_path):
    wrong = jxlint("check", "--bogus", str(tmp_path))
    assert wrong.exit_code == 2 and "错误：没有这个选项：--bogus" in wrong.stderr
    english = jxlint("check", "--bogus", str(tmp_path), env={"JXLINT_LANG": "en"})
    assert english.exit_code == 2 and "No such option" in english.stderr
    assert "缺少参数" in jxlint("check").stderr
    missing = jxlint("check", str(tmp_path / "nowhere"))
    assert missing.exit_code == 2 and "没有这个文件或文件夹" in missing.stderr


def test_config_errors_are_chinese_by_default(tmp_path):
    (tmp_path / ".jxlint.yaml").write_text("selct: [JX0]\n", encoding="utf-8")
    (tmp_path / "a.yaml").write_text(MINIMAL, encoding="utf-8")
    chinese = jxlint("check", str(tmp_path / "a.yaml"))
    assert chinese.exit_code == 2 and "配置错误：" in chinese.stderr and "未知栏目「selct」" in chinese.stderr
    english = jxlint("check", str(tmp_path / "a.yaml"), "--lang", "en")
    assert "configuration error: " in english.stderr and "unknown key 'selct'" in english.stderr
    assert "、" not in english.stderr  # English lists take commas


@pytest.mark.parametrize("config, line", [
    ("[tool.jxlint]\nselect = [\"JX1\"]\nfail-level = \"loud\"\n", 3),
    ("[tool.jxlint]\nselct = [\"JX1\"]\n", 2),
])
def test_pyproject_config_errors_speak_the_users_language_at_their_line(tmp_path, config, line):
    (tmp_path / "pyproject.toml").write_text(config, encoding="utf-8")
    (tmp_path / "a.yaml").write_text(MINIMAL, encoding="utf-8")
    chinese = jxlint("check", str(tmp_path / "a.yaml"))
    assert chinese.exit_code == 2 and f"pyproject.toml:{line}:1: [tool.jxlint] " in chinese.stderr and "「" in chinese.stderr
    english = jxlint("check", str(tmp_path / "a.yaml"), "--lang", "en")
    assert f"pyproject.toml:{line}:1: [tool.jxlint] " in english.stderr and "「" not in english.stderr
    assert "、" not in english.stderr


@pytest.mark.parametrize("config, chinese_words", [
    ("options:\n  JX404: {floor: x}\n", "选项「floor」应为数字"),
    ("options:\n  JX404: {flor: 1}\n", "没有选项「flor」"),
    ("options:\n  JX401: {terms: [\"(a+)+$\"]}\n", "可能无限回溯"),
    ("severity:\n  JX9999: error\n", "JX9999"),
])
def test_option_and_pack_errors_in_a_config_are_chinese_by_default(tmp_path, config, chinese_words):
    (tmp_path / ".jxlint.yaml").write_text(config, encoding="utf-8")
    (tmp_path / "a.yaml").write_text(MINIMAL, encoding="utf-8")
    chinese = jxlint("check", str(tmp_path / "a.yaml"))
    assert chinese.exit_code == 2 and chinese_words in chinese.stderr, chinese.stderr
    assert not re.search(r"should|option '|refused|no rule", chinese.stderr), chinese.stderr
    english = jxlint("check", str(tmp_path / "a.yaml"), "--lang", "en")
    assert english.exit_code == 2 and not re.search(r"[\u4e00-\u9fff]{3}", english.stderr.split(": ", 2)[-1]), english.stderr


def test_rules_explain_and_their_errors_follow_jxlint_lang():
    chinese, english = jxlint("explain", "JX302"), jxlint("explain", "JX302", env={"JXLINT_LANG": "en"})
    assert chinese.stdout != english.stdout
    assert jxlint("explain", "JX302", "--lang", "en").stdout == english.stdout
    assert "没有规则「JX999」" in jxlint("explain", "JX999").stderr
    assert "no rule 'JX999'" in jxlint("explain", "JX999", env={"JXLINT_LANG": "en"}).stderr
    assert jxlint("rules", env={"JXLINT_LANG": "en"}).stdout == jxlint("rules", "--lang", "en").stdout
