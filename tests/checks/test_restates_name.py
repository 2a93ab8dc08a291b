"""JX102 value-restates-name: a target value that repeats the indicator's own name."""

from __future__ import annotations

import pytest


from tests.helpers import cells, check_text, configured, located, quality_row, seed, seed_cells


def test_seed_001_every_restated_name():
    result = check_text(seed("001"), select=["JX102"])
    assert located(result) == seed_cells("JX102", "001", [
        ("购买社工岗位服务经费", "单人单月专业服务时长差异率"),
        ("购买白玉兰家庭服务项目", "单人单月专业服务时长差异率"),
        ("创业创新巾帼行动工作经费", "工作任务完成及时率"),
        ("基层妇女组织建设工作经费", "妇联干部政治理论素养和综合素质得到提升"),
        ("市妇儿工委专项工作费用", "全年工作有序推进"),
        ("创建儿童友好城市工作", "提高全市妇女儿童发展水平"),
        ("市妇联统筹运维服务项目", "办公设备稳定运行"),
        ("市妇联统筹运维服务项目", "维护及时"),
        ("市妇联统筹运维服务项目", "保障系统稳定运行"),
    ])


def test_seed_000_and_002():
    assert located(check_text(seed("000"), select=["JX102"])) == seed_cells("JX102", "000", [
        (None, "单人单月专业服务时长差异率"),
        (None, "持续改善妇女儿童成长发展环境"),
    ])
    assert located(check_text(seed("002"), select=["JX102"])) == seed_cells("JX102", "002", [
        ("妇女儿童系列活动经费", "群众满意度"),
    ])


def test_seed_004_long_rows_whose_value_is_the_name():
    text = seed("004")
    long_row, long_column = next(
        (number, line.index("目标值: ") + len("目标值: ") + 1)
        for number, line in enumerate(text.splitlines(), 1) if line.strip().startswith("目标值: 为广大妇女成长成才")
    )
    want = seed_cells("JX102", "004", [
        (None, "让广大群众切身感受到党的关怀和温暖"),
        (None, "根据工作计划及合同规定时间完成妇联妇女培训工作"),
        (None, "提升我会信息安全水平"),
        (None, "有效提升基层妇联组织服务妇女群众的质量"),
    ])
    assert located(check_text(text, select=["JX102"])) == sorted(want + [("JX102", long_row, long_column)])


def test_value_with_a_number_gets_the_bare_target_as_fix():
    result = check_text(seed("001"), select=["JX102"])
    finding = result.findings[0]
    assert finding.message == "三级指标「单人单月专业服务时长差异率」的实施周期指标值「单人单月专业服务时长差异率小于等于0」重复了指标名称，真正的目标只是「≤0」"
    assert finding.hint == "指标值写要达到的目标，不要重复指标名称：只写「≤0」。"


def test_value_without_a_number_asks_for_a_measurable_target():
    text = quality_row("{指标: 维护及时, 实施周期指标值: 及时, 年度指标值: 及时}")
    finding = check_text(text, select=["JX102"]).findings[0]
    assert (finding.span.line, finding.span.column) == cells(text, "维护及时")[0]
    assert finding.message == "三级指标「维护及时」的实施周期指标值「及时」只是重复了指标名称，没有给出可衡量的目标"
    english = check_text(text, select=["JX102"], lang="en").findings[0]
    assert english.message == "The cycle value of '维护及时', '及时', only repeats the indicator name and sets no measurable target"


@pytest.mark.parametrize("row", [
    "{指标: 全年工作有序推进, 实施周期指标值: 90%或以上, 年度指标值: 90%或以上}",
    "{指标: 无, 实施周期指标值: 无, 年度指标值: 无}",
    "{指标: 是否按时完成, 实施周期指标值: 是, 年度指标值: 是}",
    "{指标: 妇联干部政治理论素养和综合素质得到提升, 实施周期指标值: 90%以上认为政治理论素养和综合素质得到提升, 年度指标值: 90%以上认为政治理论素养和综合素质得到提升}",
    "{指标: 会议出勤率（%）, 实施周期指标值: 90%, 年度指标值: 90%}",
])
def test_values_that_do_not_restate_the_name(row):
    assert located(check_text(quality_row(row), select=["JX102"])) == []


def test_with_number_option():
    row = "{指标: 单人单月专业服务时长差异率, 实施周期指标值: 单人单月专业服务时长差异率小于等于0, 年度指标值: 及时}"
    assert located(check_text(quality_row(row), ruleset=configured("JX102", with_number=False))) == []
    assert len(located(check_text(quality_row(row), select=["JX102"]))) == 1
