"""Inline suppressions: each kind silences what it says, and an unused one is a finding."""

from __future__ import annotations

from tests.cli_helpers import findings_json

HEAD = "单位: 东莞市妇女联合会\n年度: 2025\n项目:\n  - 项目名称: 家庭工作经费\n"
DUP = "    预算金额: 560,000.00元\n"


def found(tmp_path, text, *args):
    (tmp_path / "a.yaml").write_text(text, encoding="utf-8")
    return [(f["rule"], f["line"], f["column"]) for f in findings_json(str(tmp_path / "a.yaml"), "--select", "JX0", *args)]


def test_disable_on_the_line(tmp_path):
    text = HEAD + DUP + DUP.rstrip("\n") + "  # jxlint: disable=JX002\n"
    assert found(tmp_path, text) == []


def test_disable_next_line(tmp_path):
    text = HEAD + DUP + "    # jxlint: disable-next-line=JX002\n" + DUP
    assert found(tmp_path, text) == []


def test_disable_file_in_the_header(tmp_path):
    text = "# 东莞市妇女联合会 2025\n# jxlint: disable-file=JX0\n" + HEAD + DUP + DUP
    assert found(tmp_path, text) == []


def test_unused_suppression_is_reported_at_the_id(tmp_path):
    line = "  - 项目名称: 家庭工作经费  # jxlint: disable=JX002"
    text = HEAD.replace("  - 项目名称: 家庭工作经费", line)
    assert found(tmp_path, text) == [("JX020", 4, line.index("JX002") + 1)]


def test_one_of_two_ids_unused(tmp_path):
    line = DUP.rstrip("\n") + "  # jxlint: disable=JX002,JX003"
    text = HEAD + DUP + line + "\n"
    assert found(tmp_path, text) == [("JX020", 6, line.index("JX003") + 1)]


def test_disable_file_below_the_header_is_reported_and_does_nothing(tmp_path):
    text = HEAD + DUP + "# jxlint: disable-file=JX002\n" + DUP
    assert sorted(rule for rule, *_ in found(tmp_path, text)) == ["JX002", "JX020"]


def test_ignore_suppressions_shows_everything(tmp_path):
    text = HEAD + DUP + DUP.rstrip("\n") + "  # jxlint: disable=JX002\n"
    assert found(tmp_path, text, "--ignore-suppressions") == [("JX002", 6, 5)]


def test_text_that_only_looks_like_a_directive_inside_a_value_is_not_one(tmp_path):
    text = HEAD + '    备注: "说明#jxlint: disable=JX002"\n' + DUP + DUP
    assert found(tmp_path, text) == [("JX002", 7, 5)]


def test_a_suppression_of_a_rule_that_is_not_enabled_says_so(tmp_path):
    line = DUP.rstrip("\n") + "  # jxlint: disable=JX002,JX3"
    (tmp_path / "a.yaml").write_text(HEAD + DUP + line + "\n", encoding="utf-8")
    found = findings_json(str(tmp_path / "a.yaml"), "--select", "JX0", "--ignore", "JX002")
    assert [f["message"] for f in found] == [
        "「# jxlint: disable=JX002」没有起作用：规则 JX002 没有启用（见 select 和 ignore 设置），不会有它的发现",
        "「# jxlint: disable=JX3」没有起作用：没有启用编号以 JX3 开头的规则（见 select 和 ignore 设置）",
    ]
    english = findings_json(str(tmp_path / "a.yaml"), "--select", "JX0,JX3", "--ignore", "JX002", "--lang", "en")
    assert [f["message"].split("has no effect: ")[1] for f in english if f["rule"] == "JX020"] == [
        "rule JX002 is not enabled (see the select and ignore settings), so it finds nothing to silence",
        "there is no such finding to silence here",  # JX3 is enabled: there was just nothing to silence
    ]


def test_a_directive_with_a_long_run_of_spaces_is_read_in_bounded_time():
    """``# jxlint: disable=A`` + 80,000 spaces took 33 s; bounded by a subprocess, not measured."""
    import subprocess
    import sys
    from pathlib import Path

    script = ("from lint import suppress\n"
              "found = suppress.parse('x: 1  # jxlint: disable=A' + ' ' * 80_000 + '\\n# jxlint: disable=B' + ' ,' * 40_000 + '!')\n"
              "print([s.rule for s in found])\n")
    completed = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, timeout=20,
                               cwd=Path(__file__).resolve().parent.parent)
    assert completed.returncode == 0 and completed.stdout.strip() == "['A']", completed.stderr


def test_ids_separated_by_spaces_or_commas_are_all_read():
    from lint import suppress

    found = suppress.parse("x: 1  # jxlint: disable=JX101, JX102 JX2  \n")
    assert [s.rule for s in found] == ["JX101", "JX102", "JX2"]
