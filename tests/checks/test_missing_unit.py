"""JX103 missing-unit: a target value that is a number without a unit."""

from __future__ import annotations

import pytest

from tests.helpers import cells, check_text, located, project, quality_row, seed, seed_cells


def count_row(row: str) -> str:
    return project("    绩效指标:\n      产出指标:\n        数量指标:\n          - " + row + "\n")


def hints(number: str) -> dict[tuple[str, str], str]:
    return {(f.indicator, f.value): f.hint for f in check_text(seed(number), select=["JX103"]).findings}


def test_seed_001_every_bare_number():
    result = check_text(seed("001"), select=["JX103"])
    small_group = cells(seed("001"), "小组服务指标数", "购买白玉兰家庭服务项目")[1]  # only the annual "12"
    assert located(result) == sorted(
        [("JX103", *small_group)]
        + seed_cells("JX103", "001", [
            ("妇女思想政治引领工作经费", "信息发布条数"),
            ("粤财行（2024）117号维权与信息服务站项目", "咨询服务数（宗）"),
            ("粤财行（2024）117号维权与信息服务站项目", "举办民生座谈会"),
            ("粤财行（2024）117号维权与信息服务站项目", "发布资讯信息数"),
        ])
    )


def test_seed_002_every_bare_number():
    result = check_text(seed("002"), select=["JX103"])
    assert located(result) == seed_cells("JX103", "002", [
        ("妇女儿童系列活动经费", "举办活动场次"),
        ("妇女儿童系列活动经费", "资金支付及时率(%)"),
        ("妇女儿童系列活动经费", "预算执行率(%)"),
        ("妇女儿童系列活动经费", "宣传覆盖率"),
        ("白玉兰社工服务费", "预算执行率（%）"),
        ("白玉兰社工服务费", "服务对象的满意度"),
        ("望牛墩镇“向幸福家庭出发”家校社共建共享支持项目", "项目活动场次"),
        ("望牛墩镇“向幸福家庭出发”家校社共建共享支持项目", "项目验收合格率（%）"),
        ("望牛墩镇“向幸福家庭出发”家校社共建共享支持项目", "资金支付及时率（%）"),
        ("望牛墩镇“向幸福家庭出发”家校社共建共享支持项目", "预算执行率（%）"),
    ])


def test_seed_004_and_000():
    assert located(check_text(seed("004"), select=["JX103"])) == seed_cells("JX103", "004", [(None, "微信推送篇数")])
    assert located(check_text(seed("000"), select=["JX103"])) == []


def test_unit_from_the_name_brackets_goes_into_the_hint():
    found = hints("001")
    assert found[("咨询服务数（宗）", "1080")] == "在数字后写上计量单位：写成「1080宗」。指标值要能单独看懂，单位不能只写在指标名称里。"
    assert "写成「360宗」" in found[("咨询服务数（宗）", "360")]
    assert "写成「100条以上」" in found[("信息发布条数", "100以上")]
    assert found[("举办民生座谈会", "12")].startswith("在数字后写上计量单位：个、场、人次、宗、% 等。")


def test_rates_get_percent_and_a_floor():
    found = hints("002")
    for (indicator, value), written in {
        ("举办活动场次", "≥30"): "≥30场次",
        ("资金支付及时率(%)", "≥95"): "≥95%",
        ("宣传覆盖率", "≥85"): "≥85%",
        ("项目验收合格率（%）", "90"): "≥90%",
        ("预算执行率（%）", "100"): "100%",
        ("服务对象的满意度", "≥93"): "≥93%",
    }.items():
        assert f"：写成「{written}」。" in found[(indicator, value)], (indicator, found[(indicator, value)])


def test_message():
    text = count_row("{指标: 举办活动场次, 实施周期指标值: ≥30, 当年度指标值: ≥30}")
    finding = check_text(text, select=["JX103"]).findings[0]
    assert finding.message == "三级指标「举办活动场次」的实施周期指标值「≥30」只有数字，没有计量单位"
    english = check_text(text, select=["JX103"], lang="en").findings[0]
    assert english.message == "The cycle value of '举办活动场次', '≥30', is a number without a unit"
    assert english.hint == "Put the unit after the number: write '≥30场次'. The value must stand alone; a unit in the indicator name does not carry over."


@pytest.mark.parametrize("row", [
    "{指标: 咨询服务数(宗), 实施周期指标值: 1200个, 年度指标值: 1200个}",
    "{指标: 法治宣传服务覆盖程度, 实施周期指标值: 实施周期法治宣传服务覆盖人次≥65400, 年度指标值: 年法治宣传服务覆盖人次≥21800}",
    "{指标: 工作完成时效, 实施周期指标值: 2023-2025年, 年度指标值: 2025年}",
    "{指标: 提供学位数量, 实施周期指标值: 2500个（旧中心）8000个（新中心）, 年度指标值: 2500个（旧中心）8000个（新中心）}",
    "{指标: 培训考核评分, 实施周期指标值: ≥90, 年度指标值: ≥90分}",
    "{指标: 安全事故发生数, 实施周期指标值: \"0\", 年度指标值: \"0\"}",
])
def test_numbers_with_units_or_needing_none_pass(row):
    assert located(check_text(count_row(row), select=["JX103"])) == []


def test_compound_and_sentence_values_without_unit():
    text = quality_row("{指标: 培训完成率, 实施周期指标值: 全年培训完成率≥95, 年度指标值: 新中心2500，旧中心8000}")
    result = check_text(text, select=["JX103"])
    assert located(result) == [("JX103", *cell) for cell in cells(text, "培训完成率")]
    assert result.findings[0].hint.startswith("在数字后写上计量单位：「%」。")


def test_a_table_that_prints_every_unit_in_the_names_is_left_to_jx108():
    text = count_row('{指标: 改造面积(平方米), 实施周期指标值: "1200", 年度指标值: "1200"}').replace(
        "\n          - {", "\n          - {指标: 培训人数(人), 实施周期指标值: ≥300, 年度指标值: ≥300}\n          - {", 1)
    assert located(check_text(text, select=["JX103"])) == []
    once = check_text(text, select=["JX108"])
    assert len(once.findings) == 1 and "本表4个指标值只写了数字" in once.findings[0].message


def test_a_bracketed_unit_beside_numbers_with_no_unit_anywhere_is_still_reported():
    text = count_row('{指标: 改造面积(平方米), 实施周期指标值: "1200", 年度指标值: "1200"}').replace(
        "\n          - {", '\n          - {指标: 受益人数, 实施周期指标值: "3000", 年度指标值: "3000"}\n          - {', 1)
    assert [f.indicator for f in check_text(text, select=["JX103"]).findings] == ["受益人数"] * 2 + ["改造面积(平方米)"] * 2
    assert check_text(text, select=["JX108"]).findings == []
