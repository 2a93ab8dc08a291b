"""JX030 value-too-long: a value cell over the grammar's bound is reported, not parsed."""

from __future__ import annotations

import json

from lint.values.grammar import MAX_CELL
from tests.helpers import check_text, located, quantity_rows


def _rows(cell: str) -> str:
    return quantity_rows("购买白玉兰家庭服务项目", f"{{指标: 社区活动数(场次), 实施周期指标值: 55场, 年度指标值: {json.dumps(cell, ensure_ascii=False)}}}",
                         start=2021, end=2029)


def test_a_cell_over_the_bound_is_one_finding_at_the_cell():
    text = _rows("5" + " " * MAX_CELL + "场")
    result = check_text(text)
    assert located(result, "JX030") == [("JX030", 9, 50)]
    assert "JX015" not in {f.rule for f in result.findings}
    assert "2,002" in result.findings[[f.rule for f in result.findings].index("JX030")].message


def test_a_cell_at_the_bound_is_parsed():
    assert located(check_text(_rows("≥" + " " * (MAX_CELL - 4) + "55场"), select=["JX030"])) == []


def test_a_long_unit_chain_does_not_crash_the_cycle_checks():
    """年度指标值: 5元 + "/人" × 1,000 raised RecursionError inside pint in JX201-JX204."""
    for repeat in (1_000, 900, 4):
        result = check_text(_rows("5元" + "/人" * repeat), select=["JX2", "JX015"])
        assert "JX015" not in {f.rule for f in result.findings}, repeat
