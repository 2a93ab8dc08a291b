"""JX113 unit-contradicts-name: a value against the unit or target written in the name."""

from __future__ import annotations

from tests.helpers import MATUO, check_text, configured, located, table_rows


def rows(*rows: str) -> str:
    return table_rows(*rows, head=MATUO, name="村组干部报酬")


def test_the_name_carries_its_own_target_and_the_value_switches_unit_or_number():
    text = rows("{指标: 村组干部230人, 指标值: ≥230个}", "{指标: 验收合格率100%, 指标值: ≥95%}", "{指标: 村组干部230人, 指标值: 230人}")
    result = check_text(text, select=["JX113"])
    assert located(result) == [("JX113", 8, 33), ("JX113", 9, 34)]
    assert "「230人」" in result.findings[0].message and "「100%」" in result.findings[1].message


def test_people_against_households_and_money_against_a_count():
    text = rows("{指标: 受益脱贫户、监测户人口数(≥**户), 指标值: ≥10户}", "{指标: 指标1:安置小区物业费, 指标值: 8个}",
                "{指标: 受益户数, 指标值: ≥10户}", "{指标: 物业费清算比例费, 指标值: ≥95%}")
    assert located(check_text(text, select=["JX113"])) == [("JX113", 8, 43), ("JX113", 9, 36)]


def test_the_general_counter_and_person_times_fit_a_count_of_people():
    text = rows("{指标: 乡镇直接聘请社工人数, 指标值: 3个}", "{指标: 服务群众人数, 指标值: ≥4000人次}", "{指标: 补助学生数量, 指标值: 168}")
    assert check_text(text, select=["JX113"]).findings == []


def test_name_units_are_an_option():
    text = rows("{指标: 指标1:安置小区物业费, 指标值: 8个}")
    assert check_text(text, ruleset=configured("JX113", name_units={})).findings == []
    assert located(check_text(rows("{指标: 培训场次, 指标值: 4人}"), ruleset=configured("JX113", name_units={"场次$": "场"}))) == [("JX113", 8, 29)]
