"""JX304 task-amount-split: 财政拨款 + 其他资金 of a 年度重点工作任务 row must equal its 金额."""

from __future__ import annotations

import pytest

from tests.helpers import check_text, located, seed

SEED_004 = seed("004")
DEPARTMENT = (
    "单位: 深圳市龙岗区妇女联合会本级\n年度: 2022\n部门整体:\n  部门名称: 深圳市龙岗区妇女联合会本级\n"
    "  金额单位: 万元\n  年度重点工作任务:\n"
)


def amount_cell(text: str, task: str) -> tuple[int, int]:
    """Line and column of the 金额 of the block-style task row named ``task``."""
    lines = text.splitlines()
    start = next(i for i, line in enumerate(lines) if line.strip() == f"- 名称: {task}")
    for number, line in enumerate(lines[start + 1:], start + 2):
        if line.strip().startswith("金额:"):
            return number, line.index("金额: ") + len("金额: ") + 1
    raise AssertionError(task)


@pytest.mark.parametrize("number", ["000", "004"])
def test_the_seed_task_rows_add_up_or_have_no_split(number):
    text = seed(number)
    assert located(check_text(text, select=["JX0", "JX304"])) == []


def test_seed_004_row_with_a_wrong_split():
    old = "      金额: 23万元\n      财政拨款: 23万元\n"
    text = SEED_004.replace(old, "      金额: 23万元\n      财政拨款: 32万元\n")
    assert text != SEED_004
    result = check_text(text, select=["JX304"])
    assert located(result) == [("JX304", *amount_cell(text, "媒体宣传"))]
    assert result.findings[0].message == (
        "年度重点工作任务「媒体宣传」的金额为「23万元」，但财政拨款 32万元 + 其他资金 0万元 = 32万元，相差 9万元"
    )


def test_other_funds_count():
    text = DEPARTMENT + "    - {名称: 媒体宣传, 金额: 23万元, 财政拨款: 20万元, 其他资金: 3万元}\n"
    assert located(check_text(text, select=["JX0", "JX304"])) == []
    short = DEPARTMENT + "    - {名称: 媒体宣传, 金额: 23万元, 财政拨款: 20万元, 其他资金: 2万元}\n"
    line = short.splitlines()[6]
    assert located(check_text(short, select=["JX304"])) == [("JX304", 7, line.index("23万元") + 1)]


def test_bare_numbers_and_mixed_units():
    text = DEPARTMENT + "    - {名称: 法律顾问, 金额: 9, 财政拨款: \"90,000.00元\", 其他资金: 0}\n"
    assert located(check_text(text, select=["JX0", "JX304"])) == []


def test_rows_without_a_full_split_are_not_compared():
    text = DEPARTMENT + "    - {名称: 媒体宣传, 金额: 23万元, 财政拨款: 32万元}\n"
    assert located(check_text(text, select=["JX0", "JX304"])) == []
