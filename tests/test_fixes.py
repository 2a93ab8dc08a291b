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


def test_fix_survives_the_result_cache(tmp_path, monkeypatch):
    from lint import usercache
    from lint.cache import Cache

    monkeypatch.setattr(usercache, "result_cache_key", lambda: b"k" * 32)
    data = CASES[0][2].encode()
    findings = _check(data).findings
    cache = Cache(tmp_path / "cache")
    key = cache.key(LINTER.fingerprint, "t.yaml", data)
    cache.put(key, LINTER.fingerprint, data, findings)
    assert cache.get(key, LINTER.fingerprint, data) == findings
    assert any(f.fix for f in findings)
