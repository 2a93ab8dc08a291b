"""JX410 entitlement-floor and JX411 acceptance-floor: the satisfaction_floor kind with other names and floors."""

from __future__ import annotations

from tests.helpers import check_text, located, table_rows


def quality(*rows: str) -> str:
    return table_rows(*rows, level2="质量指标", head="单位: 州民族特殊教育学校\n年度: 2023\n项目:\n", name="学生伙食费")


def test_subsidy_payout_and_coverage_below_100_percent():
    text = quality("{指标: 伙食补助发放率, 指标值: 90%以上}", "{指标: 伙食补助覆盖率, 指标值: 100%}",
                   "{指标: 补助资金拨付率, 指标值: ≥95%}", "{指标: 营养健康宣传覆盖率, 指标值: 90%以上}")
    result = check_text(text, select=["JX410"])
    assert located(result) == [("JX410", 8, 32), ("JX410", 10, 32)]
    assert "目标应为 100%" in result.findings[0].message


def test_acceptance_rates_of_works_and_equipment_but_not_of_training():
    text = quality("{指标: 设备验收合格率, 指标值: 大于等于95%}", "{指标: 改造工程质量合格率, 指标值: ≥98%}",
                   "{指标: 培训考核合格率, 指标值: ≥90%}", "{指标: 竣工验收合格率, 指标值: 100%}")
    assert located(check_text(text, select=["JX411"])) == [("JX411", 8, 32), ("JX411", 9, 34)]


def test_the_satisfaction_floor_does_not_apply_to_payouts():
    text = quality("{指标: 伙食补助发放率, 指标值: 90%以上}")
    assert check_text(text, select=["JX404"]).findings == []
