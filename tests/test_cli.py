"""The command line: exit codes, inputs, outputs, and never a traceback."""

from __future__ import annotations

import json
import os
import shutil
import stat

import pytest

from tests.cli_helpers import findings_json as _findings_json
from tests.cli_helpers import jxlint
from tests.conftest import EXAMPLES


def findings_json(*args, **kwargs):
    """Findings of the file family only: these tests are about the command, not the rules."""
    return _findings_json("--select", "JX0", *args, **kwargs)


MINIMAL = "单位: 东莞市妇女联合会\n年度: 2025\n项目:\n  - 项目名称: 家庭工作经费\n"
DUPLICATE = MINIMAL + "    预算金额: 560,000.00元\n    预算金额: 560,000.00元\n"


def test_clean_file_exits_0(tmp_path):
    (tmp_path / "a.yaml").write_text(MINIMAL, encoding="utf-8")
    result = jxlint("check", str(tmp_path / "a.yaml"), "--select", "JX0")
    assert result.exit_code == 0
    assert "没有发现问题" in result.stdout


def test_error_finding_exits_1_and_is_located(tmp_path):
    (tmp_path / "a.yaml").write_text(DUPLICATE, encoding="utf-8")
    result = jxlint("check", str(tmp_path / "a.yaml"), "--format", "concise", "--select", "JX0")
    assert result.exit_code == 1
    assert f"{tmp_path / 'a.yaml'}:6:5: JX002 [错误]" in result.stdout


def test_fail_level_and_exit_zero(tmp_path):
    (tmp_path / "a.yaml").write_bytes(MINIMAL.encode("gb18030"))  # JX009 is info
    assert jxlint("check", str(tmp_path), "--select", "JX0").exit_code == 0
    assert jxlint("check", str(tmp_path), "--select", "JX0", "--fail-level", "info").exit_code == 1
    assert jxlint("check", str(tmp_path), "--select", "JX0", "--fail-level", "info", "--exit-zero").exit_code == 0


def test_usage_errors_exit_2_without_traceback(tmp_path):
    missing = jxlint("check", str(tmp_path / "nope.yaml"))
    assert missing.exit_code == 2 and "没有这个文件或文件夹" in missing.output
    assert jxlint("check", str(tmp_path), "--format", "xml").exit_code == 2
    assert jxlint("explain", "JX999").exit_code == 2


def test_stdin_with_a_filename(tmp_path):
    result = jxlint("check", "-", "--stdin-filename", "units/a.yaml", "--format", "concise", "--select", "JX0", input=DUPLICATE.encode())
    assert result.exit_code == 1
    assert result.stdout.startswith("units/a.yaml:6:5: JX002")


@pytest.mark.parametrize("text, rule", [("单位: [东莞\n", "JX001"), ("", "JX006"), ("a: 1\n", "JX005")])
def test_broken_files_give_one_located_finding(tmp_path, text, rule):
    (tmp_path / "a.yaml").write_text(text, encoding="utf-8")
    found = findings_json(str(tmp_path / "a.yaml"))
    assert [f["rule"] for f in found] == [rule]
    assert found[0]["line"] >= 1 and found[0]["column"] >= 1


def test_binary_file_named_directly(tmp_path):
    (tmp_path / "table.yaml").write_bytes(b"PK\x03\x04\x14\x00\x00\x00binary")
    assert [f["rule"] for f in findings_json(str(tmp_path / "table.yaml"))] == ["JX008"]


def test_json_has_the_documented_fields(tmp_path):
    (tmp_path / "a.yaml").write_text(DUPLICATE, encoding="utf-8")
    (finding,) = findings_json(str(tmp_path / "a.yaml"))
    assert {"file", "line", "column", "end_line", "end_column", "rule", "severity", "message", "project", "indicator"} <= set(finding)
    assert (finding["line"], finding["column"], finding["end_line"], finding["end_column"]) == (6, 5, 6, 9)


def test_examples_from_another_folder_are_all_located(tmp_path):
    found = _findings_json(str(EXAMPLES), cwd=tmp_path)
    assert found
    assert all(f["file"].startswith(str(EXAMPLES)) and f["line"] > 0 and f["column"] > 0 for f in found)


def test_folders_are_searched_recursively_in_a_stable_order(tmp_path):
    for name in ("b/z.yaml", "a/y.yml", "a/x.yaml", "a/notes.txt"):
        (tmp_path / name).parent.mkdir(exist_ok=True)
        (tmp_path / name).write_text(DUPLICATE, encoding="utf-8")
    found = findings_json(str(tmp_path))
    assert [os.path.relpath(f["file"], tmp_path) for f in found] == ["a/x.yaml", "a/y.yml", "b/z.yaml"]


@pytest.mark.skipif(os.geteuid() == 0, reason="root reads every file")
def test_unreadable_file_in_a_folder_is_a_finding(tmp_path):
    path = tmp_path / "a.yaml"
    path.write_text(MINIMAL, encoding="utf-8")
    path.chmod(0)
    try:
        assert [f["rule"] for f in findings_json(str(tmp_path))] == ["JX014"]
    finally:
        path.chmod(stat.S_IRUSR | stat.S_IWUSR)


def test_symlink_loop_in_a_folder_is_a_finding_not_a_hang(tmp_path):
    (tmp_path / "loop.yaml").symlink_to(tmp_path / "loop.yaml")
    (tmp_path / "dir").mkdir()
    (tmp_path / "dir" / "up").symlink_to(tmp_path, target_is_directory=True)
    found = findings_json(str(tmp_path))
    assert [(os.path.basename(f["file"]), f["rule"]) for f in found] == [("loop.yaml", "JX014")]


def test_output_file_and_statistics(tmp_path):
    (tmp_path / "a.yaml").write_text(DUPLICATE, encoding="utf-8")
    report = tmp_path / "out" / "report.json"
    report.parent.mkdir()
    result = jxlint("check", str(tmp_path / "a.yaml"), "--format", "json", "-o", str(report), "--select", "JX0")
    assert result.exit_code == 1 and result.stdout == ""
    assert json.loads(report.read_text(encoding="utf-8"))[0]["rule"] == "JX002"
    stats = jxlint("check", str(tmp_path / "a.yaml"), "--statistics", "--select", "JX0")
    assert stats.stdout.split() == ["1", "JX002", "[错误]", "duplicate-key", "1", "合计"]


def test_format_from_the_environment_and_auto_under_github_actions(tmp_path):
    (tmp_path / "a.yaml").write_text(DUPLICATE, encoding="utf-8")
    concise = jxlint("check", str(tmp_path / "a.yaml"), "--select", "JX0", env={"JXLINT_OUTPUT_FORMAT": "concise"})
    assert ":6:5: JX002 [错误]" in concise.stdout
    github = jxlint("check", str(tmp_path / "a.yaml"), "--select", "JX0", env={"GITHUB_ACTIONS": "true"})
    assert github.stdout.startswith("::error file=")


def test_english_messages(tmp_path):
    (tmp_path / "a.yaml").write_text(DUPLICATE, encoding="utf-8")
    (finding,) = findings_json(str(tmp_path / "a.yaml"), "--lang", "en")
    assert finding["message"].startswith("Duplicate key '预算金额'")


def test_no_progress_bar_when_output_is_piped(tmp_path):
    for index in range(15):
        (tmp_path / f"{index:02}.yaml").write_text(MINIMAL, encoding="utf-8")
    result = jxlint("check", str(tmp_path), "--select", "JX0")
    assert "━" not in result.output and "jxlint" not in result.stderr


def test_check_never_writes_the_files_it_reads(tmp_path):
    copied = tmp_path / "examples"
    shutil.copytree(EXAMPLES, copied)
    before = {p: (p.read_bytes(), p.stat().st_mtime_ns) for p in copied.iterdir()}
    for fmt in ("text", "json", "sarif"):
        jxlint("check", str(copied), "--format", fmt)
    assert {p: (p.read_bytes(), p.stat().st_mtime_ns) for p in copied.iterdir()} == before


def test_rules_and_explain():
    listed = jxlint("rules")
    assert listed.exit_code == 0 and "JX002" in listed.stdout and "duplicate-key" in listed.stdout
    explained = jxlint("explain", "JX003")
    assert explained.exit_code == 0
    assert "700,000.00元" in explained.stdout and "→" in explained.stdout
    assert jxlint("explain", "flow-comma-split").stdout == explained.stdout


def test_dangling_symlink_in_a_folder_is_a_finding(tmp_path):
    (tmp_path / "gone.yaml").symlink_to(tmp_path / "deleted.yaml")
    found = findings_json(str(tmp_path))
    assert [(os.path.basename(f["file"]), f["rule"], f["line"], f["column"]) for f in found] == [("gone.yaml", "JX014", 1, 1)]


def test_progress_bar_on_a_terminal_but_not_under_ci(tmp_path):
    """On a terminal's stderr a progress bar shows while many files are checked; never with CI set."""
    import pty
    import subprocess
    import sys

    for index in range(15):
        (tmp_path / f"{index:02}.yaml").write_text(MINIMAL, encoding="utf-8")

    def stderr_on_a_terminal(env: dict) -> bytes:
        leader, follower = pty.openpty()
        process = subprocess.Popen([sys.executable, "-m", "lint", "check", str(tmp_path), "--select", "JX0", "--jobs", "1",
                                    "--no-cache"], stdout=subprocess.DEVNULL, stderr=follower, env=env)
        os.close(follower)
        chunks = []
        while True:
            try:
                chunk = os.read(leader, 4096)
            except OSError:  # the terminal closes when the process exits
                break
            if not chunk:
                break
            chunks.append(chunk)
        process.wait(timeout=60)
        os.close(leader)
        return b"".join(chunks)

    env = {key: value for key, value in os.environ.items() if key not in ("CI", "GITHUB_ACTIONS")}
    assert "━".encode() in stderr_on_a_terminal(env)
    assert "━".encode() not in stderr_on_a_terminal({**env, "CI": "true"})


# -- output of the commands (issue 12: rules, explain, colour, statistics, settings, -o) ---------------------


def test_a_report_written_to_a_file_is_named_on_stderr(tmp_path):
    (tmp_path / "a.yaml").write_text(DUPLICATE, encoding="utf-8")
    report = tmp_path / "report.html"
    result = jxlint("check", str(tmp_path / "a.yaml"), "--format", "html", "-o", str(report), "--select", "JX0")
    assert result.stdout == "" and result.stderr.strip() == f"jxlint: 报告已写入 {report}"
    english = jxlint("check", str(tmp_path / "a.yaml"), "-o", str(report), "--select", "JX0", "--lang", "en")
    assert english.stderr.strip() == f"jxlint: report written to {report}"


def test_colour_follows_the_flag_then_no_color_then_force_color(tmp_path):
    (tmp_path / "a.yaml").write_text(DUPLICATE, encoding="utf-8")

    def coloured(*args, **env) -> bool:
        result = jxlint("check", str(tmp_path / "a.yaml"), "--select", "JX0", *args,
                        env={"NO_COLOR": None, "FORCE_COLOR": None, **env})
        return "\x1b[" in result.stdout

    assert not coloured()  # not a terminal
    assert coloured(FORCE_COLOR="1")
    assert not coloured(FORCE_COLOR="1", NO_COLOR="1")
    assert coloured("--color", NO_COLOR="1")
    assert not coloured("--no-color", FORCE_COLOR="1")


def test_colour_of_a_terminal_and_no_color():
    import io

    from lint.reporters import use_color

    class Terminal(io.StringIO):
        def isatty(self) -> bool:
            return True

    env = {key: os.environ.pop(key) for key in ("NO_COLOR", "FORCE_COLOR") if key in os.environ}
    try:
        assert use_color(None, Terminal()) and not use_color(None, io.StringIO())
        os.environ["NO_COLOR"] = "1"
        assert not use_color(None, Terminal()) and use_color(True, Terminal())
    finally:
        os.environ.pop("NO_COLOR", None)
        os.environ.update(env)


def test_statistics_columns_line_up_and_have_a_total(tmp_path):
    from rich.cells import cell_len

    stats = jxlint("check", str(EXAMPLES), "--statistics").stdout.splitlines()
    rows, total = stats[:-1], stats[-1]
    assert len(rows) > 3
    assert len({cell_len(row[:row.index(" JX") + 1]) for row in rows}) == 1  # counts right-aligned
    assert len({cell_len(row[:row.index("] ") + 2]) for row in rows}) == 1  # slugs start in one column
    assert int(total.split()[0].replace(",", "")) == sum(int(row.split()[0].replace(",", "")) for row in rows)
    assert total.split()[1] == "合计" and all(row.split()[2] in ("[错误]", "[警告]", "[提示]") for row in rows)
    english = jxlint("check", str(EXAMPLES), "--statistics", "--lang", "en").stdout.splitlines()
    assert english[-1].split()[1] == "total" and english[0].split()[2] in ("[error]", "[warning]", "[info]")


def test_show_settings_is_the_config_file_as_yaml(tmp_path):
    import yaml

    (tmp_path / ".jxlint.yaml").write_text("fail-level: warning\nignore: [JX104]\n", encoding="utf-8")
    (tmp_path / "a.yaml").write_text(MINIMAL, encoding="utf-8")
    result = jxlint("check", "a.yaml", "--show-settings", cwd=tmp_path)
    assert result.exit_code == 0
    settings = yaml.safe_load(result.stdout)
    assert settings["fail-level"] == "warning" and settings["ignore"] == ["JX104"]
    assert list(settings) == sorted(settings)
    assert "PosixPath" not in result.stdout and "site-packages" not in result.stdout and "= " not in result.stdout
    assert "fail-level: warning  # .jxlint.yaml:1" in result.stdout
    assert f"{tmp_path}" not in result.stdout and "/rules/" not in result.stdout


def _rule_ids(listing: str) -> list[str]:
    return [line.split()[0] for line in listing.splitlines()[1:]]


def test_rules_are_sorted_localised_and_whole_when_piped():
    from lint.rulepack import load_rules

    listed = jxlint("rules").stdout
    ids = _rule_ids(listed)
    assert ids == sorted(ids) and len(ids) == len(load_rules().rules)
    assert listed.split()[:5] == ["编号", "名称", "严重程度", "检查类型", "说明"]
    rows = {line.split()[0]: line for line in listed.splitlines()[1:]}
    assert rows["JX002"].split()[2:4] == ["错误", "file_problem"]
    longest = max(load_rules(), key=lambda rule: len(rule.summary["en"]))
    english = jxlint("rules", "--lang", "en").stdout
    assert english.split()[:5] == ["ID", "slug", "severity", "check", "summary"]
    assert longest.summary["en"] in english  # never cut to 80 columns when piped


def test_rules_as_json():
    rules = json.loads(jxlint("rules", "--format", "json").stdout)
    assert [rule["id"] for rule in rules] == sorted(rule["id"] for rule in rules)
    assert set(rules[0]) == {"id", "slug", "family", "severity", "check", "summary"}
    assert {rule["severity"] for rule in rules} <= {"error", "warning", "info"}


def test_pack_text_is_printed_as_written_never_as_markup_or_escapes(tmp_path):
    """A pack summary with rich markup crashed ``rules``; escape sequences reached the terminal."""
    from tests.test_rulepack import PROVINCE

    pack = tmp_path / "p.yaml"
    pack.write_text(PROVINCE.replace("效益指标不得用定性描述", '"满意度[/bold]下限\\e[2J:100:"'), encoding="utf-8")
    listed = jxlint("rules", "--pack", str(pack))
    assert listed.exit_code == 0 and "满意度[/bold]下限\\x1b[2J:100:" in listed.stdout and "\x1b" not in listed.stdout
    explained = jxlint("explain", "GD101", "--pack", str(pack))
    assert explained.exit_code == 0 and "满意度[/bold]下限\\x1b[2J:100:" in explained.stdout
    assert "\x1b" not in explained.stdout


def test_default_pack_from_the_user_cache_is_the_same_pack(tmp_path, monkeypatch):
    from lint import rulepack

    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    fresh = rulepack.load_rules()
    entries = list(tmp_path.glob("jxlint/*/default_pack_*.marshal"))
    assert len(entries) == 1
    cached = rulepack.load_rules()
    assert cached.rules == fresh.rules and list(cached.rules) == list(fresh.rules)
    assert cached.packs == fresh.packs


def test_the_cached_default_pack_takes_its_compiled_patterns_from_the_user_cache(tmp_path, monkeypatch):
    from lint import rulepack
    from lint.checks import _options

    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    rulepack.load_rules()
    rulepack.load_rules()  # from the pack entry: its patterns are compiled once and kept
    assert len(list(tmp_path.glob("jxlint/*/pack_patterns_*.marshal"))) == 1
    compiled = []
    monkeypatch.setattr(_options.re, "compile", lambda *args: compiled.append(args))
    loaded = rulepack.load_rules()
    monkeypatch.undo()
    patterns = [value for rule in loaded for value in rule.options.values() if isinstance(value, _options.AnyPattern)]
    assert len(patterns) > 50 and not {args[0] for args in compiled} & {pattern.source for pattern in patterns}
    assert all(pattern.compiled.pattern == pattern.source for pattern in patterns)
    assert loaded.rules["JX101"].options["grade_names"].search("第三方评估等级")


def test_a_damaged_default_pack_entry_is_loaded_afresh(tmp_path, monkeypatch):
    from lint import rulepack

    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    fresh = rulepack.load_rules()
    [entry] = tmp_path.glob("jxlint/*/default_pack_*.marshal")
    entry.write_bytes(entry.read_bytes()[:-1] + b"\0")
    assert rulepack.load_rules().rules == fresh.rules


def test_a_rule_id_taken_before_the_default_pack_is_located_in_it_with_or_without_the_cache(tmp_path, monkeypatch):
    from lint import rulepack
    from tests.test_rulepack import PROVINCE

    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    rule = PROVINCE.split("rules:\n", 1)[1].replace("id: GD101", "id: JX101")
    path = tmp_path / "p.yaml"
    path.write_text("pack: p\nrules:\n" + rule, encoding="utf-8")
    errors = []
    for _ in range(2):  # the first run fills the cache, the second would read it
        rulepack.load_rules()
        with pytest.raises(rulepack.PackError) as raised:
            rulepack.load_rules([str(path), "default"])
        errors.append((str(raised.value), raised.value.span))
    assert errors[0] == errors[1] and "rule JX101 is already defined" in errors[0][0]
