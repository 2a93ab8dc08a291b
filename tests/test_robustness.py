"""Hostile and broken input: every kind ends in a located finding or a clear message and
exit code 1 or 2 — never a traceback — within bounded time and memory.

Time and memory are bounded, not measured: runs that could hang go through a subprocess
with a generous timeout and an address-space limit, so a regression fails instead of
stalling CI.
"""

from __future__ import annotations

import copy
import json
import os
import resource
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

from lint.engine import Linter
from lint.rulepack import load_rules
from tests.cli_helpers import jxlint
from tests.conftest import EXAMPLES

RULES = load_rules()
SEED_001 = next(EXAMPLES.glob("001_*.yaml"))


@pytest.fixture(scope="module")
def linter():
    return Linter(RULES)


def _no_crash(result) -> None:
    crashed = [f for f in result.findings if f.rule == "JX015"]
    assert not crashed, [f.message for f in crashed]


def _bounded(*args: str, timeout: int = 120, memory_mb: int = 1536, stdin: bytes | None = None,
             env: dict | None = None) -> subprocess.CompletedProcess:
    """``jxlint ARGS`` in a child process with a wall-time and address-space bound."""
    def limit() -> None:
        resource.setrlimit(resource.RLIMIT_AS, (memory_mb * 2**20, memory_mb * 2**20))

    env = {**os.environ, "JXLINT_CACHE_DIR": os.environ["JXLINT_CACHE_DIR"], **(env or {})}
    return subprocess.run([sys.executable, "-m", "lint", *args], input=stdin, capture_output=True,
                          timeout=timeout, preexec_fn=limit, env=env)


def _assert_clean_exit(completed: subprocess.CompletedProcess) -> None:
    assert completed.returncode in (1, 2), completed.stderr.decode(errors="replace")
    assert b"Traceback" not in completed.stderr and b"Traceback" not in completed.stdout


def test_truncated_at_every_line_gives_located_findings_and_never_a_crash(linter):
    """A YAML error (or a schema finding) at every position of a real example."""
    lines = SEED_001.read_text(encoding="utf-8").splitlines(keepends=True)
    tried = 0
    for end in range(len(lines)):
        for cut in ("", lines[end][: len(lines[end]) // 2]):  # at the line end, and mid-line
            text = "".join(lines[:end]) + cut
            result = linter.check_bytes("t.yaml", text.encode("utf-8"))
            _no_crash(result)
            for f in result.findings:
                assert f.span.line >= 1 and f.span.column >= 1
            tried += 1
    assert tried == 2 * len(lines)


def test_truncated_example_through_the_command_line_exits_1():
    text = SEED_001.read_text(encoding="utf-8")
    cut = text[: text.index("社区活动数(场次), 实施周期指标值: 55场") + 30]
    completed = _bounded("check", "-", "--stdin-filename", "cut.yaml", "--format", "json", stdin=cut.encode())
    _assert_clean_exit(completed)
    findings = json.loads(completed.stdout)
    assert any(f["rule"] == "JX001" and f["line"] == cut.count("\n") + 1 for f in findings)


def test_billion_laughs_is_bounded(tmp_path):
    bomb = "a: &a [x, x, x, x, x, x, x, x, x, x]\n" + "".join(
        f"{n}: &{n} [{', '.join(['*' + p] * 10)}]\n" for p, n in zip("abcdefgh", "bcdefghi")
    ) + "单位: x\n"
    (tmp_path / "bomb.yaml").write_text(bomb, encoding="utf-8")
    completed = _bounded("check", str(tmp_path / "bomb.yaml"), "--format", "json", timeout=60, memory_mb=1024)
    _assert_clean_exit(completed)
    assert "JX011" in {f["rule"] for f in json.loads(completed.stdout)}


@pytest.mark.parametrize("loader", ["c", "pure"])
def test_deep_nesting_is_bounded(tmp_path, loader):
    """The same finding whatever the YAML loader and libyaml version: PyYAML 6.0.4's libyaml
    refuses 1,000 levels itself, older ones and the pure-Python loader do not."""
    (tmp_path / "deep.yaml").write_text("单位: " + "[" * 5000 + "]" * 5000 + "\n", encoding="utf-8")
    (tmp_path / "deep-map.yaml").write_text("".join("  " * i + f"k{i}:\n" for i in range(3000)), encoding="utf-8")
    completed = _bounded("check", str(tmp_path), "--format", "json", timeout=60,
                         env={"JXLINT_YAML_LOADER": loader})
    _assert_clean_exit(completed)
    rules = {(Path(f["file"]).name, f["rule"]) for f in json.loads(completed.stdout)}
    assert ("deep.yaml", "JX012") in rules
    assert ("deep-map.yaml", "JX012") in rules
    assert not {rule for _, rule in rules} & {"JX001", "JX015"}


def test_values_no_tag_can_read_are_located_and_the_other_files_still_checked(tmp_path):
    head = "单位: 东莞市妇女联合会\n年度: "
    bad = {
        "bool.yaml": "!!bool maybe",
        "hex.yaml": "0x" + "f" * 5000,
        "sexagesimal.yaml": ":".join(["59"] * 5000),
        "decimal.yaml": "9" * 5000,
    }
    for name, value in bad.items():
        (tmp_path / name).write_text(f"{head}{value}\n项目: []\n", encoding="utf-8")
    (tmp_path / SEED_001.name).write_bytes(SEED_001.read_bytes())
    out = tmp_path / "report.json"
    completed = _bounded("check", str(tmp_path), "--format", "json", "-o", str(out), timeout=120)
    _assert_clean_exit(completed)
    findings = json.loads(out.read_text(encoding="utf-8"))
    for name in bad:
        found = {(f["rule"], f["line"], f["column"]) for f in findings if Path(f["file"]).name == name}
        # The value stays text, so the schema also says that 年度 must be a whole number.
        assert found == {("JX022", 2, 5), ("JX004", 2, 5)}, name
    assert all(len(f["message"]) < 200 for f in findings if f["rule"] in ("JX022", "JX004"))
    seed = {f["rule"] for f in findings if Path(f["file"]).name == SEED_001.name}
    assert {"JX101", "JX301"} <= seed


def test_a_50_mb_file_is_refused_quickly_without_reading_it_all(tmp_path):
    big = tmp_path / "big.yaml"
    row = "  - {指标: 社区活动数(场次), 实施周期指标值: 55场, 年度指标值: 5场}\n".encode("utf-8")
    with open(big, "wb") as handle:
        handle.write("单位: 东莞市妇女联合会\n年度: 2025\n项目:\n".encode("utf-8"))
        handle.write(row * (50 * 2**20 // len(row) + 1))
    assert big.stat().st_size > 50 * 2**20
    completed = _bounded("check", str(big), "--format", "json", timeout=60, memory_mb=512)
    _assert_clean_exit(completed)
    (finding,) = json.loads(completed.stdout)
    assert (finding["rule"], finding["line"], finding["column"]) == ("JX016", 1, 1)


@pytest.mark.parametrize("content, rule", [
    (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "JX008"),
    (b"PK\x03\x04\x14\x00\x06\x00\x08\x00\x00\x00!\x00", "JX008"),
    (b"", "JX006"),
    (b"   \n\n# only a comment\n", "JX006"),
    (b"- just\n- a list\n", "JX005"),
    (b"\xff\xff\xff\xff", "JX007"),
    ("单位: 东莞\n年度: 2025\n项目:\n  - 项目名称: a\n  - 项目名称: b\n    项目名称: c\n".encode(), "JX002"),
    ("单位: 东莞\x07\n".encode(), "JX001"),
], ids=["png", "zip", "empty", "comment-only", "other-yaml", "undecodable", "duplicate-key", "control-char"])
def test_broken_files_through_the_command_line(tmp_path, content, rule):
    path = tmp_path / "t.yaml"
    path.write_bytes(content)
    result = jxlint("check", str(path), "--format", "json")
    assert result.exit_code == 1, result.output
    assert rule in {f["rule"] for f in json.loads(result.stdout)}


def _paths(node, path=()):
    if isinstance(node, dict):
        for key, value in node.items():
            yield from _paths(value, path + (key,))
    elif isinstance(node, list):
        for index, value in enumerate(node):
            yield from _paths(value, path + (index,))
    yield path


def _get(document, path):
    for part in path:
        document = document[part]
    return document


def _replace(document, path, value):
    target = document
    for part in path[:-1]:
        target = target[part]
    target[path[-1]] = value


def _one_table_documents(example: Path):
    """Each table of an example as a file of its own: small files keep this test quick."""
    document = yaml.safe_load(example.read_text(encoding="utf-8"))
    head = {key: document[key] for key in ("单位", "年度")}
    for kind in ("项目", "自评"):  # project tables and self-assessment tables: lists of tables
        for table in document.get(kind, []):
            yield {**head, kind: [table]}
    if "部门整体" in document:
        yield {**head, "部门整体": document["部门整体"]}


@pytest.mark.parametrize("example", sorted(EXAMPLES.glob("*.yaml")), ids=lambda p: p.name[:3])
def test_wrong_types_in_every_field_never_crash(linter, example):
    """Every field, in turn, gets the other scalar type (a number where text is expected and
    back) and one of the structural wrong types (a list, a mapping, null, true, a float)."""
    structural = (["5场"], {"值": "5场"}, None, True, 1.5)
    tried = 0
    for document in _one_table_documents(example):
        for index, path in enumerate(p for p in _paths(document) if p):
            original = _get(document, path)
            swapped = "十二" if isinstance(original, (int, float)) else 12345
            for replacement in (swapped, structural[index % len(structural)]):
                mutated = copy.deepcopy(document)
                _replace(mutated, path, replacement)
                text = yaml.safe_dump(mutated, allow_unicode=True, sort_keys=False)
                _no_crash(linter.check_bytes("t.yaml", text.encode("utf-8")))
                tried += 1
    assert tried > 100


@pytest.mark.parametrize("encoding, bom", [("utf-8", b"\xef\xbb\xbf"), ("utf-16", b""), ("gb18030", b"")])
def test_other_encodings_are_read_with_an_info_finding(tmp_path, encoding, bom):
    path = tmp_path / "t.yaml"
    path.write_bytes(bom + SEED_001.read_text(encoding="utf-8").encode(encoding))
    converted = json.loads(jxlint("check", str(path), "--format", "json").stdout)
    original = json.loads(jxlint("check", str(SEED_001), "--format", "json").stdout)
    assert [f for f in converted if f["rule"] == "JX009"][0]["severity"] == "info"
    strip = lambda found: [(f["rule"], f["line"], f["column"]) for f in found if f["rule"] != "JX009"]
    assert strip(converted) == strip(original)


def test_windows_line_endings_find_the_same_cells(tmp_path):
    path = tmp_path / "t.yaml"
    path.write_bytes(SEED_001.read_bytes().replace(b"\n", b"\r\n"))
    converted = json.loads(jxlint("check", str(path), "--format", "json").stdout)
    original = json.loads(jxlint("check", str(SEED_001), "--format", "json").stdout)
    assert [(f["rule"], f["line"], f["column"]) for f in converted] == [(f["rule"], f["line"], f["column"]) for f in original]


def test_long_cells_are_bounded():
    """Value cells and goal texts of 200,000 characters, of the kinds of text the regexes see."""
    cells = ["≥" + "9" * 200_000 + "场", "良好" * 100_000, "(" * 200_000, "1," * 100_000,
             "年" * 200_000, "社区活动55场，" * 20_000, "百分之" * 60_000 + "九十"]
    body = "".join(f"          - {{指标: 指标{i}, 实施周期指标值: {json.dumps(c, ensure_ascii=False)}, 年度指标值: \"5场\"}}\n"
                   for i, c in enumerate(cells))
    text = ("单位: 东莞市妇女联合会\n年度: 2025\n项目:\n  - 项目名称: 长单元格\n    总体绩效目标:\n"
            f"      实施周期总目标: {json.dumps(cells[5], ensure_ascii=False)}\n      年度目标: {json.dumps(cells[5], ensure_ascii=False)}\n"
            "    绩效指标:\n      产出指标:\n        数量指标:\n" + body)
    completed = _bounded("check", "-", "--format", "json", stdin=text.encode("utf-8"), timeout=120)
    _assert_clean_exit(completed)
    assert "JX015" not in {f["rule"] for f in json.loads(completed.stdout)}


def test_rule_pack_regular_expressions_are_bounded_on_long_inputs():
    """Every pattern a rule compiles (options and where.names) against long adversarial text."""
    script = (
        "from lint.checks._options import AnyPattern\nfrom lint.rulepack import load_rules\n"
        "inputs = ['a' * 20000, '率' * 20000, '预算' * 10000 + '!', '(' * 20000, '9' * 20000 + 'x', ' ' * 20000 + '无x']\n"
        "count = 0\n"
        "for rule in load_rules():\n"
        "    patterns = [v.compiled for v in rule.options.values() if isinstance(v, AnyPattern)] + list(rule.where.names or ())\n"
        "    for pattern in patterns:\n"
        "        for text in inputs:\n"
        "            pattern.search(text)\n"
        "            count += 1\n"
        "print(count)\n"
    )
    completed = subprocess.run([sys.executable, "-c", script], capture_output=True, timeout=60, text=True)
    assert completed.returncode == 0, completed.stderr
    assert int(completed.stdout) > 50


def test_no_eval_and_exec_only_for_our_own_compiled_schemas():
    source = Path(__file__).resolve().parent.parent / "lint"
    for path in source.rglob("*.py"):
        text = path.read_text(encoding="utf-8")
        assert "eval(" not in text, path
        if "exec(" in text:
            assert path.name == "fastschema.py", path
