"""JX706, JX707 (self_budget_unexplained): budget changes and low execution need a reason."""

from __future__ import annotations

from tests.helpers import cell_at, check_text, configured, located, self_assessment

INSTRUCTION = "1.预算执行率=预算执行数/调整后预算数,预算执行率未达到90%的需说明原因(100字以内);2.年中发生预算调整的(追加或调减),应单独说明理由"


def _line(initial: str, budget: str, spent: str, reason: str | None = None, extra: str = "") -> str:
    cell = f', 原因: "{reason}"' if reason is not None else ""
    return self_assessment(f'    预算执行情况:\n      总额: {{年初预算: "{initial}", 调整后预算数: "{budget}", 预算执行数: "{spent}"{cell}}}\n' + extra)


def test_a_changed_budget_whose_reason_cell_holds_the_printed_instructions():
    text = _line("238.93", "251.89", "251.89", INSTRUCTION)
    result = check_text(text, select=["JX706", "JX707"])
    assert located(result) == [("JX706", *cell_at(text, "总额", "调整后预算数"))]
    assert "变动 12.96" in result.findings[0].message


def test_a_reason_in_the_line_or_in_the_other_matters_explains_both():
    assert check_text(_line("238.93", "251.89", "200", "年中调整工资标准，追加12.96万元"), select=["JX706", "JX707"]).findings == []
    elsewhere = _line("238.93", "251.89", "200", extra='    其他需要说明事项: "12月追加资金，结转下年"\n')
    assert check_text(elsewhere, select=["JX706", "JX707"]).findings == []
    none = _line("238.93", "251.89", "251.89", extra='    其他需要说明事项: "无"\n')
    assert located(check_text(none, select=["JX706"]))


def test_low_execution_and_its_threshold():
    text = _line("100", "100", "80")
    assert located(check_text(text, select=["JX707"])) == [("JX707", *cell_at(text, "总额", "预算执行数"))]
    assert check_text(_line("100", "100", "90"), select=["JX707"]).findings == []
    assert check_text(text, ruleset=configured("JX707", low_rate=75)).findings == []


def test_a_blank_initial_budget_is_no_change():
    assert check_text(_line("", "251.89", "251.89"), select=["JX706"]).findings == []
