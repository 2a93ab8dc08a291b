"""JX108 units-only-in-names: a table whose bare numbers all have their unit in the name, once."""

from __future__ import annotations

from tests.helpers import check_text, located, table_rows


def rows(*rows: str) -> str:
    return table_rows(*rows)


def test_one_info_finding_for_the_table_on_its_first_such_cell():
    text = rows('{指标: 改造面积(平方米), 指标值: "1200"}', '{指标: 补助标准（元/人）, 指标值: "500"}',
                '{指标: 完成及时率%, 指标值: "=99"}')
    result = check_text(text, select=["JX108"])
    line = next(n for n, l in enumerate(text.splitlines(), 1) if "改造面积" in l)
    assert located(result) == [("JX108", line, text.splitlines()[line - 1].index('"1200"') + 1)]
    finding = result.findings[0]
    assert str(finding.severity) == "info"
    assert "本表3个指标值只写了数字" in finding.message and "「平方米」" in finding.message


def test_values_that_carry_their_unit_need_no_remark():
    assert check_text(rows("{指标: 改造面积(平方米), 指标值: 1200平方米}"), select=["JX108"]).findings == []


def test_a_rate_name_implies_a_unit_but_does_not_print_it():
    """'合格率' = '95' is a bare number (JX103), not a unit printed in the name."""
    text = rows('{指标: 验收合格率, 指标值: "95"}')
    assert check_text(text, select=["JX108"]).findings == []
    assert located(check_text(text, select=["JX103"]))
