"""JX101 vague-value and JX107 number-required: qualitative words or descriptions as target values."""

from __future__ import annotations

import pytest


from tests.helpers import cells, check_text, configured, located, project, quality_row, seed, seed_cells

SEED_001_VAGUE = [
    ("购买社工岗位服务经费", "项目成效"),
    ("购买白玉兰家庭服务项目", "项目服务总体成效"),
    ("三八六一系列活动经费", "活动效果"),
    ("创业创新巾帼行动工作经费", "项目完成质量"),
    ("创业创新巾帼行动工作经费", "工作任务完成及时率"),
    ("基层妇女组织建设工作经费", "工作完成质量"),
    ("基层妇女组织建设工作经费", "妇联干部政治理论素养和综合素质得到提升"),
    ("东莞市中小学性别平等教育", "营造性别平等社会氛围"),
    ("家庭工作经费", "工作完成质量水平"),
    ("家庭工作经费", "全年工作有序推进"),
    ("家庭工作经费", "东莞家庭家教家风水平"),
    ("家庭工作经费", "东莞家庭绿色环保意识"),
    ("市妇儿工委专项工作费用", "工作完成质量"),
    ("市妇儿工委专项工作费用", "全年工作有序推进"),
    ("市妇儿工委专项工作费用", "营造妇女儿童友好的社会氛围"),
    ("妇女思想政治引领工作经费", "宣传活动覆盖范围"),
    ("妇女思想政治引领工作经费", "思想政治引领成效"),
    ("机关事业单位派遣人员经费", "工作完成时效"),
    ("机关事业单位派遣人员经费", "工作绩效"),
    ("创建儿童友好城市工作", "提高全市妇女儿童发展水平"),
    ("东莞市第十六次妇女代表大会", "提高影响力"),
    ("市妇联统筹运维服务项目", "网络安全质量"),
    ("市妇联统筹运维服务项目", "办公设备稳定运行"),
    ("市妇联统筹运维服务项目", "维护及时"),
    ("市妇联统筹运维服务项目", "保障系统稳定运行"),
]


def test_seed_001_every_vague_value_and_nothing_else():
    result = check_text(seed("001"), select=["JX101"])
    assert located(result) == seed_cells("JX101", "001", SEED_001_VAGUE)


def test_seed_001_graded_third_party_rating_is_accepted():
    rows = cells(seed("001"), "第三方评估等级", "购买社工岗位服务经费")
    assert not set(rows) & {(line, column) for _, line, column in located(check_text(seed("001"), select=["JX1"]))}


def test_seed_002_vague_values_and_the_split_with_jx107():
    result = check_text(seed("002"), select=["JX101", "JX107"])
    assert located(result, "JX101") == seed_cells("JX101", "002", [
        ("妇女儿童系列活动经费", "宣传活动覆盖范围"),
        ("妇女儿童系列活动经费", "团结妇女凝聚力率"),
        ("妇女儿童系列活动经费", "持续为妇女群众提供维权平台"),
        ("白玉兰社工服务费", "社工服务水平"),
        ("白玉兰社工服务费", "有效推动社工专业实务水平"),
    ])
    assert located(result, "JX107") == seed_cells("JX107", "002", [
        ("妇女儿童系列活动经费", "群众满意度"),
        ("望牛墩镇“向幸福家庭出发”家校社共建共享支持项目", "形成相关机制并形成方案"),
    ])


def test_seed_000_department_vague_values():
    result = check_text(seed("000"), select=["JX101", "JX107"])
    assert located(result) == seed_cells("JX101", "000", [
        (None, "项目成本不超预算"),
        (None, "服务对象对社工认同度"),
        (None, "社工机构和市妇联对项目的机构设置、人力配置、制度设置及考核"),
        (None, "持续改善妇女儿童成长发展环境"),
    ])


def test_seed_004_sentences_and_words_but_not_placeholder_rows():
    result = check_text(seed("004"), select=["JX101", "JX107"])
    text = seed("004")
    sentence_rows = [
        "开展档案整理工作，提升我会档案工作水平", "让广大群众切身感受到党的关怀和温暖", "开展信息风险测评，提升信息安全水平",
        "平台运行情况", "根据工作计划及合同规定时间完成妇联妇女培训工作", "按时完成信息风险", "活动开展日期",
        "提升我会信息安全水平", "提高维权工作水平", "有效提升基层妇联组织服务妇女群众的质量",
        "营造有利于妇女儿童全面发展的社会环境", "减少纠纷隐患规范资金使用", "营造关注妇女儿童工作的社会氛围",
    ]
    # The long row of 质量指标 puts its value on the line after the name.
    long_row, long_column = next(
        (number, line.index("目标值: ") + len("目标值: ") + 1)
        for number, line in enumerate(text.splitlines(), 1) if line.strip().startswith("目标值: 为广大妇女成长成才")
    )
    want = seed_cells("JX101", "004", [(None, name) for name in sentence_rows]) + [("JX101", long_row, long_column)]
    assert located(result, "JX101") == sorted(want)
    assert located(result, "JX107") == seed_cells("JX107", "004", [(None, "来访接访/电话咨询")])


def test_message_names_indicator_and_suggests_a_number():
    finding = check_text(seed("002"), select=["JX107"]).findings[0]
    assert finding.message == "「群众满意度」是服务对象满意度指标，实施周期指标值必须是数值，不能写「满意」"
    assert finding.hint == "改写成可衡量的目标：带比较符的百分比，如「≥90%」。"
    timely = check_text(seed("001"), select=["JX101"]).findings
    progress = next(f for f in timely if f.indicator == "全年工作有序推进" and f.value == "有序推进")
    assert progress.message == "三级指标「全年工作有序推进」的实施周期指标值「有序推进」是定性描述，看不出要达到多少，年底也无法判断是否达成"
    assert "「12月31日前」" in progress.hint


def test_english_message():
    finding = check_text(quality_row("{指标: 工作完成质量水平, 实施周期指标值: 良好, 年度指标值: 良好}"), select=["JX101"], lang="en").findings[0]
    assert finding.message == (
        "The cycle value of '工作完成质量水平' is '良好', a qualitative word: it does not say how much is to be "
        "achieved, so nobody can tell at year end whether it was met"
    )
    assert "{" not in finding.hint


@pytest.mark.parametrize("row", [
    "{指标: 第三方评估等级, 实施周期指标值: 合格及以上, 年度指标值: 合格及以上}",
    "{指标: 社工证持有率, 实施周期指标值: 100%, 年度指标值: 100%}",
    "{指标: 工作完成时效, 实施周期指标值: 2025年12月, 年度指标值: 2025年12月}",
    "{指标: 不适用, 实施周期指标值: 无, 年度指标值: 无}",
    "{指标: 妇联干部政治理论素养和综合素质得到提升, 实施周期指标值: 90%以上认为政治理论素养和综合素质得到提升, 年度指标值: 90%以上认为政治理论素养和综合素质得到提升}",
])
def test_measurable_graded_and_placeholder_values_pass(row):
    assert located(check_text(quality_row(row), select=["JX101"])) == []


def test_a_grade_is_vague_when_the_indicator_is_no_grade_scale():
    text = quality_row("{指标: 项目完成质量, 实施周期指标值: 合格及以上, 年度指标值: 合格及以上}")
    assert [rule for rule, _, _ in located(check_text(text, select=["JX101"]))] == ["JX101", "JX101"]


def test_sentences_option_turns_off_descriptions():
    text = quality_row("{指标: 平台运行情况, 实施周期指标值: 试运行效果良好，符合用户使用要求, 年度指标值: 良好}")
    assert len(located(check_text(text, select=["JX101"]))) == 2
    quiet = check_text(text, ruleset=configured("JX101", sentences=False))
    assert [f.value for f in quiet.findings] == ["良好"]


def test_jx107_accepts_no_grade():
    text = project("    绩效指标:\n      满意度指标:\n        服务对象满意度:\n          - {指标: 服务对象满意度等级, 实施周期指标值: 良好, 年度指标值: 良好}\n")
    assert len(located(check_text(text, select=["JX107"]))) == 2
    assert located(check_text(text, select=["JX101"])) == []


@pytest.mark.parametrize("name, value", [("安全事故", "无重大安全事故"), ("投诉", "零投诉"), ("安全生产", "杜绝较大安全事故发生")])
def test_a_zero_count_of_adverse_events_is_a_measurable_target(name, value):
    text = quality_row(f"{{指标: {name}, 实施周期指标值: {value}, 年度指标值: {value}}}")
    assert located(check_text(text, select=["JX101", "JX102"])) == []


def test_a_negated_improvement_is_still_vague():
    text = quality_row("{指标: 服务质量, 实施周期指标值: 无明显下降, 年度指标值: 无明显下降}")
    assert located(check_text(text, select=["JX101"]))
