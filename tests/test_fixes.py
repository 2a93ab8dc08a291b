"""Fixes: each fixable rule's rewrite, and that applying it keeps the rest of the file byte for byte."""

from __future__ import annotations

import pytest

from lint import fixes
from lint.engine import Linter
from lint.findings import Span
from lint.rulepack import load_rules
from tests.helpers import HEADER

LINTER = Linter(load_rules())


def _check(data: bytes):
    return LINTER.check_bytes("t.yaml", data)


def _fix(data: bytes, rule: str, *, unsafe: bool = False) -> bytes:
    chosen = [f.fix for f in _check(data).findings if f.rule == rule and f.fix and (unsafe or f.fix.safe)]
    assert chosen, f"no fix for {rule}"
    fixed, applied = fixes.fix_bytes(data, chosen)
    assert applied == len(chosen)
    return fixed


PROJECT = HEADER + "  - 项目名称: 购买白玉兰家庭服务项目  # 原表第35行\n"

CASES = [
    # rule, applicability, input, fixed output
    ("JX003", fixes.SAFE,
     PROJECT + "    预算金额: {金额: 700,000.00元}  # 逗号\n",
     PROJECT + '    预算金额: {金额: "700,000.00元"}  # 逗号\n'),
    ("JX021", fixes.SAFE,
     PROJECT + "    总体绩效目标:\n      年度目标: 开展个案\u200b57个\u200b\n",
     PROJECT + "    总体绩效目标:\n      年度目标: 开展个案57个\n"),
    ("JX004", fixes.SAFE,
     PROJECT + "    绩效指标:\n      产出指标:\n        数量指挥:\n          - {指标: 社区活动数, 年度指标值: 55场}\n",
     PROJECT + "    绩效指标:\n      产出指标:\n        数量指标:\n          - {指标: 社区活动数, 年度指标值: 55场}\n"),
    ("JX103", fixes.UNSAFE,
     PROJECT + "    绩效指标:\n      产出指标:\n        数量指标:\n"
     "          - {指标: 小组服务指标数, 实施周期指标值: 36个, 年度指标值: 12}\n",
     PROJECT + "    绩效指标:\n      产出指标:\n        数量指标:\n"
     "          - {指标: 小组服务指标数, 实施周期指标值: 36个, 年度指标值: 12个}\n"),
    ("JX202", fixes.UNSAFE,
     PROJECT + "    绩效指标:\n      产出指标:\n        数量指标:\n"
     "          - {指标: 小组服务指标数, 实施周期指标值: 36, 年度指标值: 12个}\n",
     PROJECT + "    绩效指标:\n      产出指标:\n        数量指标:\n"
     "          - {指标: 小组服务指标数, 实施周期指标值: 36个, 年度指标值: 12个}\n"),
    ("JX301", fixes.UNSAFE,
     PROJECT + '    预算金额: "954,112.00元"\n    绩效指标:\n      成本指标:\n        经济成本指标:\n'
     "          - {指标: 预算控制数, 实施周期指标值: ≤954100元, 年度指标值: '≤954100元'}\n",
     PROJECT + '    预算金额: "954,112.00元"\n    绩效指标:\n      成本指标:\n        经济成本指标:\n'
     "          - {指标: 预算控制数, 实施周期指标值: ≤954100元, 年度指标值: '≤954112元'}\n"),
    ("JX106", fixes.UNSAFE,
     PROJECT + "    绩效指标:\n      产出指标:\n        质量指标:\n          - {指标: 信息终端测评率, 年度指标值: ≥100%}\n",
     PROJECT + "    绩效指标:\n      产出指标:\n        质量指标:\n          - {指标: 信息终端测评率, 年度指标值: =100%}\n"),
]


@pytest.mark.parametrize(("rule", "applicability", "before", "after"), CASES, ids=[case[0] for case in CASES])
def test_fix_rewrites_the_finding_and_the_fixed_file_has_none(rule, applicability, before, after):
    found = [f for f in _check(before.encode()).findings if f.rule == rule]
    assert found and all(f.fix is not None and f.fix.applicability == applicability for f in found)
    fixed = _fix(before.encode(), rule, unsafe=True)
    assert fixed.decode() == after
    assert not [f for f in _check(fixed).findings if f.rule == rule]


def test_unsafe_fixes_are_not_safe():
    for rule, applicability, before, _ in CASES:
        if applicability == fixes.UNSAFE:
            with pytest.raises(AssertionError, match="no fix"):
                _fix(before.encode(), rule)


def test_a_per_year_unit_is_not_copied_onto_a_total():
    text = PROJECT + ("    绩效指标:\n      产出指标:\n        数量指标:\n"
                      "          - {指标: 小组服务指标数, 实施周期指标值: 12, 年度指标值: 4个/年}\n")
    found = [f for f in _check(text.encode()).findings if f.rule in ("JX103", "JX202")]
    assert found and all(f.fix is None for f in found)


def test_misspelt_label_is_not_renamed_onto_a_label_the_block_already_has():
    text = PROJECT + ("    绩效指标:\n      产出指标:\n        数量指挥:\n          - {指标: 社区活动数, 年度指标值: 55场}\n"
                      "        数量指标:\n          - {指标: 个案数, 年度指标值: 57个}\n")
    found = [f for f in _check(text.encode()).findings if f.rule == "JX004" and "数量指挥" in f.message]
    assert found and found[0].fix is None


def test_no_fix_where_the_other_columns_disagree_on_the_unit():
    text = PROJECT + ("    绩效指标:\n      产出指标:\n        数量指标:\n"
                      "          - {指标: 小组服务指标数, 实施周期指标值: 36个, 年度指标值: 12, 指标值: 12场}\n")
    found = [f for f in _check(text.encode()).findings if f.rule == "JX103"]
    assert found and all(f.fix is None for f in found)


SPLIT = (PROJECT + "    # 注释：金额照原表\n    预算金额: {金额: 700,000.00元}\n").replace("\n", "\r\n")


@pytest.mark.parametrize("encoding", ["gb18030", "utf-8-sig", "utf-16"])
def test_fix_keeps_encoding_line_endings_and_comments(encoding):
    data = SPLIT.encode(encoding)
    fixed = _fix(data, "JX003")
    assert fixed == SPLIT.replace("700,000.00元", '"700,000.00元"').encode(encoding)
    assert fixed.count(b"\r\n") == data.count(b"\r\n")
    assert not [f for f in _check(fixed).findings if f.rule == "JX003"]


def test_gb18030_file_stays_gb18030():
    data = SPLIT.encode("gb18030")
    fixed = _fix(data, "JX003")
    with pytest.raises(UnicodeDecodeError):
        fixed.decode("utf-8")
    assert "# 注释：金额照原表" in fixed.decode("gb18030")


def test_overlapping_fixes_apply_one_and_leave_the_other():
    first = fixes.Fix("a", (fixes.Edit(Span(1, 1, 1, 3), "X"),))
    second = fixes.Fix("b", (fixes.Edit(Span(1, 2, 1, 4), "Y"),))
    assert fixes.apply_fixes("abcd\n", [first, second]) == ("Xcd\n", 1)


def test_edit_outside_the_text_is_refused():
    with pytest.raises(fixes.FixError):
        fixes.apply_fixes("ab\n", [fixes.Fix("a", (fixes.Edit(Span(7, 1, 7, 2), ""),))])


def test_plain_scalar_is_quoted_when_the_new_text_would_not_read_as_written():
    from lint.loading.tree import Cell

    edit = fixes.replace_cell(Cell("12", Span(3, 5, 3, 7)), "a: b")
    assert edit == fixes.Edit(Span(3, 5, 3, 7), '"a: b"')
    assert fixes.replace_cell(Cell("12", Span(3, 5, 3, 7)), "2025-13-45").text == '"2025-13-45"'  # no such date


def test_fix_survives_the_result_cache(tmp_path, monkeypatch):
    from lint import usercache
    from lint.cache import Cache, content

    monkeypatch.setattr(usercache, "result_cache_key", lambda: b"k" * 32)
    data = CASES[0][2].encode()
    findings = _check(data).findings
    cache = Cache(tmp_path / "cache")
    key = cache.key(LINTER.fingerprint, "t.yaml", content(data))
    cache.put(key, LINTER.fingerprint, content(data), findings)
    assert cache.get(key, LINTER.fingerprint, content(data)) == findings
    assert any(f.fix for f in findings)


# -- the command line ---------------------------------------------------------------------------

import json  # noqa: E402
import codecs  # noqa: E402
import shutil  # noqa: E402
import subprocess  # noqa: E402

from tests.cli_helpers import jxlint  # noqa: E402

BOTH = PROJECT + ("    预算金额: {金额: 700,000.00元}  # 原表\n    绩效指标:\n      产出指标:\n        质量指标:\n"
                  "          - {指标: 信息终端测评率, 年度指标值: ≥100%}\n")


@pytest.fixture
def target(tmp_path):
    path = tmp_path / "t.yaml"
    path.write_bytes(BOTH.encode("gb18030"))
    return path


def _rules(path) -> list[str]:
    return [f.rule for f in _check(path.read_bytes()).findings]


def test_fix_applies_safe_fixes_only_and_says_how_many_remain(target):
    remaining = len(_check(target.read_bytes()).findings) - 1
    result = jxlint("check", "--fix", "--format", "json", "--lang", "en", str(target))
    assert "JX003" not in _rules(target) and "JX106" in _rules(target)
    assert target.read_bytes() == BOTH.replace("700,000.00元", '"700,000.00元"').encode("gb18030")
    assert f"fixed 1, {remaining} remaining" in result.stderr
    assert len(json.loads(result.stdout)) == remaining


def test_unsafe_fixes_apply_the_unsafe_ones_too(target):
    result = jxlint("check", "--fix-only", "--unsafe-fixes", "--lang", "en", str(target))
    assert result.exit_code == 0 and result.stdout == ""
    assert "JX003" not in _rules(target) and "JX106" not in _rules(target)
    assert "年度指标值: =100%}" in target.read_bytes().decode("gb18030")


def test_unsafe_fixes_alone_is_a_usage_error(target):
    before = target.read_bytes()
    result = jxlint("check", "--unsafe-fixes", str(target))
    assert result.exit_code == 2 and target.read_bytes() == before


def test_diff_writes_nothing_and_applies_with_patch(tmp_path):
    if shutil.which("patch") is None:
        pytest.skip("patch is not installed")
    (tmp_path / "t.yaml").write_text(BOTH, encoding="utf-8")
    copy = tmp_path / "copy"
    copy.mkdir()
    (copy / "t.yaml").write_text(BOTH, encoding="utf-8")
    result = jxlint("check", "--diff", "--unsafe-fixes", "t.yaml", cwd=tmp_path)
    assert result.exit_code == 1 and (tmp_path / "t.yaml").read_text(encoding="utf-8") == BOTH
    assert result.stdout.startswith("--- a/t.yaml\n+++ b/t.yaml\n")
    subprocess.run(["patch", "-p1", "--quiet"], input=result.stdout.encode(), cwd=copy, check=True, timeout=30)
    jxlint("check", "--fix-only", "--unsafe-fixes", "t.yaml", cwd=tmp_path)
    assert (copy / "t.yaml").read_bytes() == (tmp_path / "t.yaml").read_bytes() != BOTH.encode()


@pytest.mark.parametrize(("encoding", "bom"), [("gb18030", b""), ("utf-8", codecs.BOM_UTF8)])
def test_diff_keeps_the_files_encoding_so_patch_gives_the_fixed_bytes(tmp_path, encoding, bom):
    """A GB18030 file's diff is in GB18030 (a UTF-8 diff would not apply, or would write UTF-8
    into it), and a byte-order mark stays on the first line."""
    if shutil.which("patch") is None:
        pytest.skip("patch is not installed")
    data = bom + BOTH.encode(encoding)
    (tmp_path / "t.yaml").write_bytes(data)
    copy = tmp_path / "copy"
    copy.mkdir()
    (copy / "t.yaml").write_bytes(data)
    result = jxlint("check", "--diff", "--unsafe-fixes", "t.yaml", cwd=tmp_path)
    assert result.exit_code == 1 and (tmp_path / "t.yaml").read_bytes() == data
    changed = [line for line in result.stdout_bytes.splitlines() if line.startswith((b"-", b"+"))][2:]
    assert changed and all(line[1:].decode(encoding) for line in changed)
    subprocess.run(["patch", "-p1", "--quiet"], input=result.stdout_bytes, cwd=copy, check=True, timeout=30)
    jxlint("check", "--fix-only", "--unsafe-fixes", "t.yaml", cwd=tmp_path)
    fixed = (tmp_path / "t.yaml").read_bytes()
    assert (copy / "t.yaml").read_bytes() == fixed != data and fixed.startswith(bom)


def test_diff_without_fixes_exits_0(tmp_path):
    (tmp_path / "t.yaml").write_text(PROJECT, encoding="utf-8")
    result = jxlint("check", "--diff", "t.yaml", cwd=tmp_path)
    assert result.exit_code == 0 and result.stdout == ""


def test_a_fix_that_would_not_load_is_not_written(tmp_path, monkeypatch):
    path = tmp_path / "t.yaml"
    path.write_text(BOTH, encoding="utf-8")
    broken = fixes.Fix("break", (fixes.Edit(Span(1, 1, 1, 1), "{"),))
    original = fixes.fix_bytes
    monkeypatch.setattr(fixes, "fix_bytes", lambda data, chosen: original(data, [broken]))
    result = jxlint("check", "--fix", "--lang", "en", str(path))
    assert path.read_text(encoding="utf-8") == BOTH
    assert "the fixed file would not load" in result.stderr


def test_add_suppressions_silences_every_finding_and_merges_directives(tmp_path):
    text = BOTH.replace("≥100%}", "≥100%}  # jxlint: disable=JX3")
    path = tmp_path / "t.yaml"
    path.write_bytes(text.replace("\n", "\r\n").encode("gb18030"))
    assert _rules(path)
    result = jxlint("check", "--add-suppressions", str(path))
    assert result.exit_code == 0
    written = path.read_bytes().decode("gb18030")
    assert "\r\n" in written and "\n" not in written.replace("\r\n", "")
    assert "700,000.00元}  # 原表  # jxlint: disable=" in written
    assert "≥100%}  # jxlint: disable=JX3,JX106\r\n" in written
    assert _rules(path) == ["JX020"]  # the stale JX3 is still told, not silenced by another comment


def test_add_suppressions_leaves_a_block_scalar_alone(tmp_path, monkeypatch):
    import dataclasses

    from lint.runner import Run

    text = PROJECT + "    总体绩效目标:\n      年度目标: |\n        开展个案57个\n"
    path = tmp_path / "t.yaml"
    path.write_text(text, encoding="utf-8")
    checked = Run.check

    def inside_the_block(self, given, stdin=None):  # a finding on a line of the scalar's text
        result = checked(self, given, stdin)
        result.findings = [dataclasses.replace(result.findings[0], span=Span(7, 9, 7, 10))]
        return result

    monkeypatch.setattr(Run, "check", inside_the_block)
    result = jxlint("check", "--add-suppressions", "--lang", "en", str(path))
    assert path.read_text(encoding="utf-8") == text
    assert "would change the data" in result.stderr
