"""The terminal text format: one header per file, cut lines with the caret under the cell, capped output."""

from __future__ import annotations

import json

from rich.cells import cell_len

from tests.cli_helpers import jxlint
from tests.helpers import HEADER

COST_ROW = "          - {{指标: {name}, 实施周期指标值: ≤954100元, 年度指标值: \"≤954100元\"}}\n"


def cost_file(name: str = "预算控制数") -> str:
    return (HEADER + "  - 项目名称: 购买白玉兰家庭服务项目\n    预算金额: \"954,112.00元\"\n    绩效指标:\n"
            "      成本指标:\n        经济成本指标:\n" + COST_ROW.format(name=name))


def text(tmp_path, content: str, *args: str, columns: int = 80) -> str:
    path = tmp_path / "t.yaml"
    path.write_text(content, encoding="utf-8")
    result = jxlint("check", str(path), "--no-cache", "--no-color", *args, env={"COLUMNS": str(columns)})
    assert result.exit_code in (0, 1), result.output
    return result.stdout


def caret_under(out: str, rule: str) -> tuple[str, str]:
    """The source line and caret line printed under the first finding of ``rule``."""
    lines = out.splitlines()
    at = next(i for i, line in enumerate(lines) if f"  {rule}  " in line)
    return lines[at + 1], lines[at + 2]


def marked(source: str, caret: str) -> str:
    """The characters of ``source`` that sit above the carets, by display column."""
    start, end = caret.index("^"), caret.rindex("^") + 1
    column, out = 0, []
    for char in source:
        if start <= column < end:
            out.append(char)
        column += cell_len(char)
    return "".join(out)


def test_a_quoted_cell_is_underlined_without_its_quotes(tmp_path):
    source, caret = caret_under(text(tmp_path, cost_file(), "--select", "JX301"), "JX301")
    assert marked(source, caret) == "≤954100元"


def test_a_long_line_is_cut_around_the_cell_and_the_caret_stays_under_it(tmp_path):
    for columns in (60, 80, 120):
        out = text(tmp_path, cost_file("预算控制数" + "很长的名称" * 200), "--select", "JX301", columns=columns)
        source, caret = caret_under(out, "JX301")
        assert cell_len(source) <= columns and cell_len(caret) <= columns
        assert "…" in source and marked(source, caret) == "≤954100元"


def test_the_path_is_the_header_not_repeated_on_every_finding(tmp_path):
    out = text(tmp_path, cost_file() + "    预算金额: 2元\n", "--select", "JX0,JX301")
    path = str(tmp_path / "t.yaml")
    assert out.count(path) == 1 and out.startswith(path + "\n")
    assert "  10:5  错误  JX002  " in out


def test_a_finding_on_line_100_keeps_its_number(tmp_path):
    """rich read ``:100:`` in ``t.yaml:100:35`` as an emoji code and printed 💯."""
    padding = "".join(f"# 第{n}行\n" for n in range(100 - 9))
    content = cost_file().replace("项目:\n", "项目:\n" + padding, 1)
    out = text(tmp_path, content, "--select", "JX301")
    assert "💯" not in out and "  100:" in out
    concise = text(tmp_path, content, "--select", "JX301", "--format", "concise")
    assert "💯" not in concise and "t.yaml:100:" in concise


def test_markup_in_a_cell_is_printed_as_written(tmp_path):
    out = text(tmp_path, cost_file("\"预算控制数[/bold][red]:100:\""), "--select", "JX301")
    assert "预算控制数[/bold][red]:100:" in out


def test_findings_per_file_and_rule_are_capped_in_human_formats_only(tmp_path):
    rows = "".join(f"          - {{指标: 工作质量{n}, 实施周期指标值: 良好, 年度指标值: 良好}}\n" for n in range(30))
    content = HEADER + "  - 项目名称: 家庭工作经费\n    绩效指标:\n      产出指标:\n        质量指标:\n" + rows
    out = text(tmp_path, content, "--select", "JX101")
    assert out.count("  JX101  ") == 20 and "… 及另外 40 条 JX101 发现" in out
    assert "发现 60 个问题" in out  # the summary still counts every finding
    english = text(tmp_path, content, "--select", "JX101", "--lang", "en", "--format", "concise", "--max-per-rule", "5")
    assert english.count(" JX101 [warning] ") == 5 and "… and 55 more JX101 findings in this file" in english
    assert text(tmp_path, content, "--select", "JX101", "--max-per-rule", "0").count("  JX101  ") == 60
    assert len(json.loads(text(tmp_path, content, "--select", "JX101", "--format", "json"))) == 60


def test_a_long_line_with_many_findings_does_not_multiply_the_output(tmp_path):
    """An 80 KB file printed 434 MB: every finding repeated its whole line."""
    cells = ", ".join(f"{{指标: 工作质量{n}, 年度指标值: 良好}}" for n in range(1500))
    content = HEADER + "  - 项目名称: 家庭工作经费\n    绩效指标:\n      产出指标:\n        质量指标: [" + cells + "]\n"
    out = text(tmp_path, content, "--select", "JX101", "--max-per-rule", "0")
    assert out.count("  JX101  ") == 1500
    assert len(out) < 1500 * 600  # each finding: its message, one cut line and a caret
