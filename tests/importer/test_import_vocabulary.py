"""The form's labels as different exports spell them, and workbook numbers as Excel shows them."""

from __future__ import annotations

import pytest

from lint.importer import vocabulary as words
from lint.importer.grid import _number_text


@pytest.mark.parametrize(("label", "key"), [
    ("实施周期指标值", "实施周期指标值"), ("实施期目标值", "实施周期指标值"),
    ("年度指标值", "年度指标值"), ("2025年度指标值", "年度指标值"), ("2025年指标值", None),
    ("当年度指标值", "当年度指标值"), ("指标值", "指标值"), ("目标值", "目标值"), ("年度 指标值", "年度指标值"),
    ("计量单位", None),
])
def test_value_columns(label, key):
    assert words.value_column(label) == key


@pytest.mark.parametrize(("label", "unit", "year"), [
    ("2025年预算金额(元)", "元", "2025"), ("2024年预算金额", None, "2024"), ("预算金额（万元）", "万元", None),
    ("年度资金总额(元)", "元", None), ("2025年度预算金额（元）", "元", "2025"),
])
def test_budget_headers(label, unit, year):
    match = words.BUDGET.match(words.key(label))
    assert match and (match["unit"], match["year"]) == (unit, year)


@pytest.mark.parametrize(("label", "kind"), [
    ("实施周期总目标", "cycle"), ("实施期目标", "cycle"), ("2025年度目标", "annual"), ("2024年年度目标", "annual"),
    ("年度目标", "annual"), ("当年度目标", "annual"), ("年度绩效目标", "annual"), ("总体绩效目标", None),
])
def test_goal_labels(label, kind):
    match = words.GOAL_LABELS.match(words.key(label))
    assert (None if match is None else "cycle" if match["cycle"] else "annual") == kind


@pytest.mark.parametrize(("text", "office"), [
    ("东莞市财政局望牛墩分局批复意见", "东莞市财政局望牛墩分局"), ("批复意见", ""), ("财政部门审核意见：", "财政部门"),
])
def test_approval_rows(text, office):
    assert words.APPROVAL.match(text)["office"] == office


def test_unit_lines():
    assert words.AMOUNT_UNIT_LINE.match(words.key("单位：万元"))
    assert not words.UNIT_LINE.match(words.key("单位：万元"))
    assert words.UNIT_LINE.match(words.key("填报单位：东莞市妇女联合会"))


@pytest.mark.parametrize(("value", "number_format", "shown"), [
    (2480691.0, "#,##0.00", "2,480,691.00"), (190000, "General", "190000"), (0.1 + 0.2, "General", "0.3"),
    (0.9, "0%", "90%"), (0.855, "0.0%", "85.5%"), (12.5, "General", "12.5"), (1200, "#,##0", "1,200"),
])
def test_workbook_numbers_as_excel_shows_them(value, number_format, shown):
    assert _number_text(value, number_format) == shown
