"""JX106 impossible-bound: ≥100%, >100%, 120% and ≤0 on a rate."""

from __future__ import annotations

import pytest

from tests.helpers import cells, check_text, located, quality_row, seed, seed_cells


def test_seed_004_every_floor_of_100_percent():
    result = check_text(seed("004"), select=["JX106"])
    assert located(result) == seed_cells("JX106", "004", [
        (None, "2020-2021年纸质、电子档案整理完成率"),
        (None, "信息终端测评率"),
        (None, "组织各单位、街道完成 2022 年度统计监测年报指标数据填报工作"),
        (None, "完成 2022 年度档案整理工作"),
        (None, "宣传及时率"),
    ])
    finding = result.findings[1]
    assert finding.message == "三级指标「信息终端测评率」的指标值「≥100%」：下限已经到顶，比率不会超过100%，这其实是要求正好100%"
    assert finding.hint == "比率在0到100%之间：要求全部达成就写「100%」，留有余地就写真实下限，如「≥95%」。"


def test_ceiling_of_zero_on_a_rate_in_seeds_000_and_001():
    assert located(check_text(seed("000"), select=["JX106"])) == seed_cells("JX106", "000", [(None, "单人单月专业服务时长差异率")])
    result = check_text(seed("001"), select=["JX106"])
    assert located(result) == seed_cells("JX106", "001", [
        ("购买社工岗位服务经费", "单人单月专业服务时长差异率"),
        ("购买白玉兰家庭服务项目", "单人单月专业服务时长差异率"),
    ])
    assert "「≤0」" in result.findings[0].message and "「0%」" in result.findings[0].hint


def test_seed_002_has_no_impossible_bound():
    assert located(check_text(seed("002"), select=["JX106"])) == []


@pytest.mark.parametrize("value, words", [
    (">100%", "不可能达到"),
    ("≥120%", "不可能达到"),
    ("120%", "超过了100%"),
    ("≥100", "到顶"),
    ("≤0%", "恰好为0"),
])
def test_other_impossible_bounds(value, words):
    text = quality_row(f"{{指标: 工作任务完成率, 实施周期指标值: \"{value}\", 年度指标值: ≥95%}}")
    result = check_text(text, select=["JX106"])
    assert located(result) == [("JX106", *cells(text, "工作任务完成率")[0])]
    assert words in result.findings[0].message


def test_english_message():
    text = quality_row("{指标: 宣传及时率, 实施周期指标值: ≥100%, 年度指标值: ≥100%}")
    finding = check_text(text, select=["JX106"], lang="en").findings[0]
    assert finding.message == (
        "The cycle value of '宣传及时率', '≥100%': the floor is already the top; a rate cannot exceed 100%, so this asks for exactly 100%"
    )


@pytest.mark.parametrize("row", [
    "{指标: 合同审核及时率, 实施周期指标值: ≥95%, 年度指标值: ≥95%}",
    "{指标: 社工证持有率, 实施周期指标值: 100%, 年度指标值: 100%}",
    "{指标: 服务群众人数, 实施周期指标值: ≥4000人, 年度指标值: ≥4000人}",
    "{指标: 开展专业心理咨询服务, 实施周期指标值: ≥100 人次, 年度指标值: ≥100 人次}",
    "{指标: 信息发布条数, 实施周期指标值: 100以上, 年度指标值: 100以上}",
    "{指标: 妇女就业人数增长率, 实施周期指标值: ≥120%, 年度指标值: ≤0%}",
    "{指标: 安全事故发生率, 实施周期指标值: 0%, 年度指标值: ≤5%}",
])
def test_real_bounds_pass(row):
    assert located(check_text(quality_row(row), select=["JX106"])) == []


def test_the_name_is_read_once_per_cell_not_once_per_piece(monkeypatch):
    from lint.checks import percent_bound

    calls = []
    real = percent_bound.name_unit
    monkeypatch.setattr(percent_bound, "name_unit", lambda name: calls.append(name) or real(name))
    cell = "，".join(f"{i}" for i in range(1, 300))  # 299 bare numbers: the name says they are %
    text = quality_row(f'{{指标: 培训出勤率, 实施周期指标值: "{cell}", 年度指标值: "{cell}"}}')
    check_text(text, select=["JX106"])
    assert len(calls) == 2  # one per cell
