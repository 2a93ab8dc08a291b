"""JX303 department-totals: 收入, 支出 and 合计 of a department table must add up."""

from __future__ import annotations

import pytest


from tests.helpers import check_text, configured, located, seed

SEED_000 = seed("000")
SEED_004 = seed("004")


def cell_at(text: str, key_value: str) -> tuple[int, int]:
    """Line and column of the value of the one line holding ``key_value`` ("财政拨款: \"7,272.70万元\"")."""
    key = key_value.split(":", 1)[0]
    hits = [(n, line) for n, line in enumerate(text.splitlines(), 1) if line.strip() == key_value]
    assert len(hits) == 1, key_value
    number, line = hits[0]
    return number, line.index(key) + len(key) + 3


def changed(text: str, old: str, new: str) -> str:
    assert text.count(old) == 1, old
    return text.replace(old, new)


@pytest.mark.parametrize("number", ["000", "004"])
def test_the_seed_departments_add_up(number):
    # 000: 3,139.95 + 3,461.01 + 0.00 + 671.74 = 7,272.70 = 财政拨款 7,272.70 + 其他资金 0.00.
    # 004: 基本支出 684 + tasks 535 + 35 + 4 + 23 + 13 + 7 + 9 = 1310 = 合计.
    text = seed(number)
    assert located(check_text(text, select=["JX0", "JX303"])) == []


def test_project_tables_are_not_department_tables():
    text = seed("001")
    assert located(check_text(text, select=["JX0", "JX303"])) == []


def test_seed_000_income_that_does_not_match_spending():
    text = changed(SEED_000, '财政拨款: "7,272.70万元"', '财政拨款: "7,727.70万元"')
    result = check_text(text, select=["JX303"])
    assert located(result) == [("JX303", *cell_at(text, '财政拨款: "7,727.70万元"'))]
    assert result.findings[0].message == "收入合计为「7,727.70万元」，但支出各项之和为 7,272.70万元，相差 455万元"


def test_seed_000_spending_line_that_breaks_the_sum_is_reported_on_the_first_income_amount():
    text = changed(SEED_000, '基本支出: "3,139.95万元"', '基本支出: "3,193.95万元"')
    result = check_text(text, select=["JX303"])
    assert located(result) == [("JX303", *cell_at(text, '财政拨款: "7,272.70万元"'))]
    assert "支出各项之和为 7,326.70万元" in result.findings[0].message and "相差 54万元" in result.findings[0].message


def test_seed_004_total_that_does_not_match():
    text = changed(SEED_004, "合计: 1310万元", "合计: 1301万元")
    result = check_text(text, select=["JX303"])
    assert located(result) == [("JX303", *cell_at(text, "合计: 1301万元"))]
    assert result.findings[0].message == (
        "合计为「1,301万元」，但支出各项之和为 684万元，加上年度重点工作任务金额为 1,310万元，相差 9万元"
    )


def test_seed_004_task_amount_that_breaks_the_total():
    text = changed(SEED_004, "      金额: 23万元\n      财政拨款: 23万元", "      金额: 32万元\n      财政拨款: 23万元")
    assert located(check_text(text, select=["JX303"])) == [("JX303", *cell_at(text, "合计: 1310万元"))]


def test_seed_004_english_message():
    text = changed(SEED_004, "合计: 1310万元", "合计: 1301万元")
    assert check_text(text, select=["JX303"], lang="en").findings[0].message == (
        "The total (合计) is 1,301万元, but the 支出 lines add up to 684万元, "
        "with the 年度重点工作任务 amounts 1,310万元; the difference is 9万元"
    )


def test_a_printed_total_is_checked_and_income_compared_with_it():
    right = changed(SEED_000, "  按预算级次划分:", '  合计: "7,272.70万元"\n  按预算级次划分:')
    assert located(check_text(right, select=["JX0", "JX303"])) == []
    wrong_total = changed(SEED_000, "  按预算级次划分:", '  合计: "7,722.70万元"\n  按预算级次划分:')
    # The income still matches the spending, so only the total is wrong.
    assert located(check_text(wrong_total, select=["JX303"])) == [("JX303", *cell_at(wrong_total, '合计: "7,722.70万元"'))]


def test_rounding_within_tolerance():
    text = changed(SEED_000, '财政拨款: "7,272.70万元"', '财政拨款: "7,272.71万元"')
    assert located(check_text(text, select=["JX0", "JX303"])) == []  # 0.01万元 = 100元: 尾数误差
    assert located(check_text(text, ruleset=configured("JX303", tolerance=0))) == [
        ("JX303", *cell_at(text, '财政拨款: "7,272.71万元"'))
    ]


def test_bare_numbers_take_the_departments_unit():
    bare = SEED_004.replace("万元", "").replace("  金额单位: \n", "  金额单位: 万元\n")
    assert "684\n" in bare and "合计: 1310\n" in bare
    assert located(check_text(bare, select=["JX0", "JX303"])) == []
    wrong = changed(bare, "合计: 1310", "合计: 1301")
    assert located(check_text(wrong, select=["JX303"])) == [("JX303", *cell_at(wrong, "合计: 1301"))]


def test_sub_lines_are_not_added_twice():
    text = changed(SEED_000, "    其他事业发展性支出: 671.74万元\n",
                   "    其他事业发展性支出: 671.74万元\n    其中：政府采购: 355.00万元\n")
    assert located(check_text(text, select=["JX0", "JX303"])) == []


def test_an_amount_that_cannot_be_read_stops_the_comparison():
    text = changed(SEED_000, '基本支出: "3,139.95万元"', "基本支出: 待定")
    assert located(check_text(text, select=["JX0", "JX303"])) == []
