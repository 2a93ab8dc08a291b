"""Checks are linear in the size of the table: big files of the shapes that were quadratic
finish within a generous bound. Bounded by a subprocess timeout, never measured.

Each file is as large as the loader accepts (its node limit caps a table at about 28,000
rows; long cells, long names, goal text and comments do not count against it).
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from tests.helpers import HEADER

MB = 2**20


def _table(rows: list[str], goal: str | None = None) -> str:
    goals = f"    总体绩效目标:\n      年度目标: \"{goal}\"\n" if goal else ""
    return (HEADER + "  - 项目名称: 购买白玉兰家庭服务项目\n" + goals + "    绩效指标:\n      产出指标:\n        数量指标:\n"
            + "".join(f"          - {row}\n" for row in rows))


def _empty_cycle_column() -> str:
    """JX105 rebuilt the table's column set for every row: 28,000 rows took 7 minutes."""
    return _table([f'{{指标: 社区活动数{i}, 实施周期指标值: "", 年度指标值: 5场}}' for i in range(25_000)])


def _goal_numbers() -> str:
    """JX502 matched every number of the 年度目标 against every indicator: 600 KB took 45 s."""
    count = 30_000
    # Letters name the activities: digits would end the term before its number.
    codes = ["".join(chr(97 + i // 26**k % 26) for k in range(4)) for i in range(count)]
    goal = "，".join(f"开展{code}活动{i}场" for i, code in enumerate(codes))
    return _table([f"{{指标: {code}活动场次数, 年度指标值: {i + 1}场}}" for i, code in enumerate(codes)], goal)


def _compound_rates() -> str:
    """JX106 read the indicator's name again for every piece of a compound cell."""
    cell = "，".join(f"{i}%" for i in range(400))[:1990]
    return _table([f'{{指标: "{"服务" * 500}完成率{i}", 年度指标值: "{cell}"}}' for i in range(5 * MB // 4200)])


def _many_suppressions() -> str:
    """Suppressions were applied findings × suppressions."""
    header = "".join(f"# jxlint: disable-file=JX1{i % 10}{i % 7}\n" for i in range(40_000))
    rows = [f"{{指标: 指标{i}, 年度指标值: 良好}}  # jxlint: disable=JX10{i % 10}" for i in range(25_000)]
    return header + _table(rows)


# --select for each shape, and the shape.
SHAPES = {
    "JX105,JX109": _empty_cycle_column,
    "JX502": _goal_numbers,
    "JX106": _compound_rates,
    "JX10,JX020": _many_suppressions,
}


@pytest.mark.parametrize("select", list(SHAPES))
def test_big_file_of_a_once_quadratic_shape_finishes(tmp_path, select):
    path = tmp_path / "big.yaml"
    path.write_text(SHAPES[select](), encoding="utf-8")
    assert path.stat().st_size > 2 * MB
    completed = subprocess.run(
        [sys.executable, "-m", "lint", "check", str(path), "--select", select, "--format", "json", "--no-cache"],
        capture_output=True, timeout=240, cwd=Path(__file__).resolve().parents[2],
        env={**os.environ, "JXLINT_CACHE_DIR": os.environ.get("JXLINT_CACHE_DIR", str(tmp_path / "cache"))},
    )
    assert completed.returncode in (0, 1), completed.stderr.decode(errors="replace")
    findings = json.loads(completed.stdout)
    assert "JX015" not in {finding["rule"] for finding in findings}
    assert {finding["rule"] for finding in findings} & set(select.split(","))


def test_every_pattern_of_the_default_pack_is_fast_on_runs_of_its_own_characters():
    """An unclosed "(" + "*" × 3,000 in an indicator name hung JX110's pattern (cubic). Every
    pattern a rule compiles is searched — unbounded, as a check may call ``.compiled`` — on runs
    of each character it names, with and without an opening bracket."""
    script = (
        "from lint.checks._options import AnyPattern\nfrom lint.rulepack import load_rules\n"
        "count = 0\n"
        "for rule in load_rules():\n"
        "    patterns = [v.compiled for v in rule.options.values() if isinstance(v, AnyPattern)] + list(rule.where.names or ())\n"
        "    for pattern in patterns:\n"
        "        for char in set(pattern.pattern) - set('\\\\'):\n"
        "            for text in (char * 3000, '(' + char * 3000, '（' + char * 1500 + ' ' * 1500, char * 1500 + '!' * 1500):\n"
        "                pattern.search(text)\n"
        "                count += 1\n"
        "print(count)\n"
    )
    completed = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, timeout=90,
                               cwd=Path(__file__).resolve().parents[2])
    assert completed.returncode == 0, completed.stderr
    assert int(completed.stdout) > 1000
