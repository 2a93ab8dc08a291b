"""Text from checked files and packs cannot drive the terminal, fake CI annotations or break XML."""

from __future__ import annotations

import json
import unicodedata
from xml.etree import ElementTree as ET

import pytest

from lint.reporters.escape import json_dumps, keeping_layout, line_start, printable
from tests.cli_helpers import jxlint
from tests.helpers import HEADER

# A clear-screen, a window title, an OSC-8 link, a C1 CSI, a right-to-left override, and a
# newline followed by a GitHub workflow command and an Azure one, written as YAML escapes.
NAME = r"活动\e[2J\e]0;pwned\a\e]8;;https://evil.example/\e\\点我\e]8;;\e\\\u202e\x9b31m"
VALUE = r"提高\n::error file=README.md,line=1::fake\r\n##vso[task.complete result=Succeeded]x"
RAW = ("\x1b", "\x07", "\u202e", "\x9b", "\r")
INJECTED = HEADER + (
    "  - 项目名称: 家庭工作经费\n"
    "    绩效指标:\n"
    "      产出指标:\n"
    "        数量指标:\n"
    f'          - {{指标: "{NAME}", 实施周期指标值: "{VALUE}", 年度指标值: "提高\\e[2J"}}\n'
    f'          - {{指标: "{NAME}", 实施周期指标值: 10场, 年度指标值: 提高}}\n'
)


@pytest.fixture(scope="module")
def injected(tmp_path_factory):
    path = tmp_path_factory.mktemp("inject") / "t.yaml"
    path.write_text(INJECTED, encoding="utf-8")
    return path


def _output(fmt: str, path, *extra: str) -> str:
    result = jxlint("check", str(path), "--format", fmt, "--no-cache", *extra)
    assert result.exit_code in (0, 1), result.output
    return result.stdout


@pytest.mark.parametrize("fmt", ["text", "concise", "github", "junit", "html", "json", "json-lines", "sarif", "gitlab"])
def test_no_format_prints_control_characters_or_lets_a_cell_start_a_line(injected, fmt):
    out = _output(fmt, injected)
    assert "pwned" in out  # the cell is reported …
    for char in RAW:
        assert char not in out, (fmt, repr(char))  # … but never obeyed
    for line in out.splitlines():
        assert not line.lstrip().startswith(("::error file=README.md", "##vso")), (fmt, line)


def test_text_and_concise_show_the_escapes(injected):
    for fmt in ("text", "concise"):
        out = _output(fmt, injected)
        assert r"\x1b[2J" in out and r"\n::error file=README.md" in out


def test_github_annotations_are_one_command_each(injected):
    lines = _output("github", injected).splitlines()
    assert lines and all(line.startswith(("::error file=", "::warning file=", "::notice file=")) for line in lines)
    assert all(str(injected) in line.split("::")[1] for line in lines)


def test_junit_stays_well_formed_xml(injected):
    root = ET.fromstring(_output("junit", injected))
    assert "pwned" in ET.tostring(root, encoding="unicode")


def test_json_formats_keep_the_cell_exactly(injected):
    findings = json.loads(_output("json", injected))
    assert any("\x1b[2J" in f["message"] for f in findings)
    sarif = json.loads(_output("sarif", injected))
    assert any("\x1b]0;pwned\x07" in r["message"]["text"] for r in sarif["runs"][0]["results"])
    assert json.loads(json_dumps("\u202e\x9b")) == "\u202e\x9b" and json_dumps("\u202e\x9b").isascii()


def test_every_invisible_character_is_escaped():
    """Every control, format, separator and surrogate code point of this Python's Unicode table."""
    for code in range(0x110000):
        char = chr(code)
        if unicodedata.category(char) in ("Cc", "Cf", "Cs", "Zl", "Zp"):
            shown = printable(char)
            assert shown != char and shown.isascii() and shown.isprintable(), hex(code)
            assert json.loads(json_dumps(char)) == char and json_dumps(char).isascii(), hex(code)


def test_the_fast_path_lets_no_escaped_character_through():
    """printable and json_dumps skip the class search for a text ``str.isprintable`` passes:
    that is safe only while it rejects every character some class escapes."""
    from lint.reporters.escape import _JSON_UNSAFE, _UNSAFE, _UNSAFE_KEEPING_LAYOUT

    for pattern in (_UNSAFE, _UNSAFE_KEEPING_LAYOUT, _JSON_UNSAFE):
        passed = [hex(code) for code in range(0x110000) if pattern.match(chr(code)) and chr(code).isprintable()]
        assert passed == [], pattern.pattern[:40]
    # A text the fast path rejects for a character no class escapes (U+3000) is searched in full.
    assert printable("满意度\u3000≥95%\u202e") == "满意度\u3000≥95%\\u202e"


def test_escapes_leave_chinese_alone_and_name_the_bytes():
    assert printable("预算金额 954,112.00元") == "预算金额 954,112.00元"
    assert printable("a\tb\x00\udcff") == r"a\tb\x00\xff"  # \udcff: byte 0xff of a non-UTF-8 file name
    assert keeping_layout("第一行\n第二行\x1b") == r"第一行" + "\n" + r"第二行\x1b"


def test_a_file_named_like_a_ci_command_does_not_start_a_command(tmp_path):
    name = "::error file=README.md,line=1::fake.yaml"
    (tmp_path / name).write_text(HEADER + "  - 项目名称: 家庭工作经费\n    预算金额: 1元\n    预算金额: 2元\n", encoding="utf-8")
    result = jxlint("check", name, "--format", "concise", "--no-cache", cwd=tmp_path)
    assert result.stdout and all(line.startswith("./::error") for line in result.stdout.splitlines())
    assert line_start("::x") == "./::x" and line_start("a::x") == "a::x"


def test_a_usage_error_shows_the_path_escaped(tmp_path):
    result = jxlint("check", str(tmp_path / "gone\x1b[2J.yaml"))
    assert result.exit_code == 2 and "\x1b" not in result.stderr and r"gone\x1b[2J.yaml" in result.stderr
