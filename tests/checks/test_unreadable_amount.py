"""JX305 unreadable-amount: an amount the totals cannot use is reported where it is."""

from __future__ import annotations

from tests.checks.test_department_totals import SEED_000, cell_at, changed
from tests.helpers import check_text, located

SPLIT = changed(SEED_000, '财政拨款: "7,272.70万元"', '财政拨款: "7,272.7 0万元"')


def test_a_space_inside_the_number_is_reported_at_its_cell():
    result = check_text(SPLIT, select=["JX305"])
    assert located(result) == [("JX305", *cell_at(SPLIT, '财政拨款: "7,272.7 0万元"'))]
    assert "读不出一个数" in result.findings[0].message


def test_the_totals_still_check_the_sums_that_do_not_need_it():
    """Income cannot be summed; the 支出 lines against a wrong 合计 still can."""
    text = changed(SPLIT, "  支出:\n", '  合计: "9,999.00万元"\n  支出:\n')
    assert [f.rule for f in check_text(text, select=["JX303", "JX305"]).findings] == ["JX305", "JX303"]
    assert located(check_text(text, select=["JX303"])) == [("JX303", *cell_at(text, '合计: "9,999.00万元"'))]


def test_a_lost_decimal_point_among_amounts_with_decimals():
    text = changed(SEED_000, '财政拨款: "7,272.70万元"', '财政拨款: "727270000万元"')
    both = check_text(text, select=["JX303", "JX305"])
    assert located(both) == [("JX305", *cell_at(text, '财政拨款: "727270000万元"'))]
    assert "疑似漏了小数点" in both.findings[0].message


def test_a_project_budget_in_yuan_is_an_ordinary_seven_digit_amount():
    text = "单位: 某局\n年度: 2025\n项目:\n  - 项目名称: 甲项目\n    预算金额: \"1234567\"\n"
    assert check_text(text, select=["JX305"]).findings == []
    broken = text.replace('"1234567"', '"1,234,56 7元"')
    assert located(check_text(broken, select=["JX305"]))
