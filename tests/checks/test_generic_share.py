"""JX401 generic-indicator-share: too many 预算执行率/资金支付及时率-style indicators in a table."""

from __future__ import annotations

import pytest

from lint.rulepack import load_rules
from tests.helpers import check_text, configured, located, name_cell, seed

SEED_001 = seed("001")
SEED_002 = seed("002")

# Seed 002 白玉兰社工服务费 as published: 7 indicators, 2 of them generic.
BAIYULAN_002 = (
    "单位: 东莞市望牛墩镇妇女联合会\n年度: 2024\n项目:\n  - 项目名称: 白玉兰社工服务费\n    绩效指标:\n"
    "      产出指标:\n"
    "        数量指标:\n"
    "          - {指标: 乡镇（街道）直接聘请社工人数, 实施周期指标值: 3人, 当年度指标值: 3人}\n"
    "        质量指标:\n"
    "          - {指标: 社工活动完成率（%）, 实施周期指标值: 100%, 当年度指标值: 100%}\n"
    "        时效指标:\n"
    "          - {指标: 预算资金及时率（%）, 实施周期指标值: 100%, 当年度指标值: 100%}\n"
    "        成本指标:\n"
    "          - {指标: 预算执行率（%）, 实施周期指标值: ≥90, 当年度指标值: ≥90}\n"
    "      效益指标:\n"
    "        社会效益指标:\n"
    "          - {指标: 社工服务水平, 实施周期指标值: 良好, 当年度指标值: 良好}\n"
    "        可持续影响指标:\n"
    "          - {指标: 有效推动社工专业实务水平, 实施周期指标值: 提高, 当年度指标值: 提高}\n"
    "      满意度指标:\n"
    "        服务对象满意度指标:\n"
    "          - {指标: 服务对象的满意度, 实施周期指标值: ≥93, 当年度指标值: ≥93}\n"
)


def test_seed_002_every_project_leans_on_two_generic_indicators():
    result = check_text(SEED_002, select=["JX401"])
    assert located(result, "JX401") == [
        ("JX401", *name_cell(SEED_002, "资金支付及时率(%)", "妇女儿童系列活动经费")),
        ("JX401", *name_cell(SEED_002, "预算资金及时率（%）", "白玉兰社工服务费")),
        ("JX401", *name_cell(SEED_002, "资金支付及时率（%）", "望牛墩镇“向幸福家庭出发”家校社共建共享支持项目")),
    ]
    first, second, _ = result.findings
    assert "9 个三级指标中有 2 个" in first.message and "22%" in first.message
    assert "资金支付及时率(%)、预算执行率(%)" in first.message
    assert "7 个三级指标中有 2 个" in second.message and "29%" in second.message
    assert "预算资金及时率（%）、预算执行率（%）" in second.message
    assert first.project == "妇女儿童系列活动经费" and first.indicator == "资金支付及时率(%)"


def test_seed_001_projects_built_on_generic_quality_and_timeliness_rows():
    result = check_text(SEED_001, select=["JX401"])
    assert located(result, "JX401") == [
        ("JX401", *name_cell(SEED_001, "项目完成质量", "创业创新巾帼行动工作经费")),
        ("JX401", *name_cell(SEED_001, "工作完成质量", "基层妇女组织建设工作经费")),
        ("JX401", *name_cell(SEED_001, "项目完成数量", "家庭工作经费")),
        ("JX401", *name_cell(SEED_001, "工作完成质量", "市妇儿工委专项工作费用")),
    ]
    assert "项目完成数量、工作完成质量水平、全年工作有序推进" in result.findings[2].message
    assert "10 个三级指标中有 3 个" in result.findings[2].message


@pytest.mark.parametrize("number", ["000", "004"])
def test_department_tables_with_one_generic_row_among_many_pass(number):
    text = seed(number)
    assert located(check_text(text, select=["JX401"]), "JX401") == []


def test_one_generic_row_in_six_passes():
    # Seed 001 东莞市中小学性别平等教育: only 全年工作有序推进 is generic (17%).
    text = (
        "单位: 东莞市妇女联合会\n年度: 2025\n项目:\n  - 项目名称: 东莞市中小学性别平等教育\n    绩效指标:\n"
        "      成本指标:\n        经济成本指标:\n"
        "          - {指标: 预算控制数, 实施周期指标值: ≤100000元, 年度指标值: ≤100000元}\n"
        "      产出指标:\n"
        "        数量指标:\n          - {指标: 举办工作会议、培训交流等活动, 实施周期指标值: 1场, 年度指标值: 1场}\n"
        "        质量指标:\n          - {指标: 培训出勤率, 实施周期指标值: 90%或以上, 年度指标值: 90%或以上}\n"
        "        时效指标:\n          - {指标: 全年工作有序推进, 实施周期指标值: 90%或以上, 年度指标值: 90%或以上}\n"
        "      效益指标:\n        社会效益:\n          - {指标: 营造性别平等社会氛围, 实施周期指标值: 增强, 年度指标值: 增强}\n"
        "      满意度指标:\n        服务对象满意度:\n          - {指标: 目标人群认可度, 实施周期指标值: 85%或以上, 年度指标值: 85%或以上}\n"
    )
    assert located(check_text(text, select=["JX401"]), "JX401") == []


def test_placeholder_rows_do_not_dilute_the_share():
    # Placeholder rows as seed 004 prints them would bring 2/7 down to 2/10 if counted.
    empty = "实施周期指标值: 无, 当年度指标值: 无"
    text = BAIYULAN_002.replace(
        "      效益指标:\n",
        f"      效益指标:\n        经济效益指标:\n          - {{指标: 不适用, {empty}}}\n"
        f"        生态效益指标:\n          - {{指标: 不适用, {empty}}}\n",
    ) + f"        其他满意度指标:\n          - {{指标: 无, {empty}}}\n"
    [finding] = check_text(text, select=["JX401"]).findings
    assert "7 个三级指标中有 2 个" in finding.message


def test_share_at_the_threshold_passes():
    # 2 generic of 10 is exactly 20%: "above the threshold" means more than a fifth.
    extra = "".join(
        f"          - {{指标: {name}, 实施周期指标值: 1个, 当年度指标值: 1个}}\n"
        for name in ("个案服务指标数", "小组服务指标数", "咨询服务数(宗)")
    )
    text = BAIYULAN_002.replace("当年度指标值: 3人}\n", "当年度指标值: 3人}\n" + extra)
    assert located(check_text(text, select=["JX401"]), "JX401") == []


def test_threshold_and_terms_are_options():
    assert check_text(BAIYULAN_002, ruleset=configured("JX401", threshold=0.3)).findings == []
    assert located(check_text(BAIYULAN_002, ruleset=configured("JX401", terms=["服务水平$"], inputs=[]))) == []  # 1 of 7
    assert located(check_text(BAIYULAN_002, ruleset=configured("JX401", terms=["服务水平$", "满意度$"], inputs=[]))) == [("JX401", 17, 18)]


def test_inputs_count_as_generic_and_are_the_list_the_per_row_rule_reads():
    rules = load_rules().rules
    assert rules["JX401"].options["inputs"] == rules["JX606"].options["terms"]
    # Seed 002 白玉兰社工服务费 with 预算资金及时率 and 预算执行率 counted only as inputs: still 2 of 7.
    only_inputs = configured("JX401", terms=[])
    assert located(check_text(BAIYULAN_002, ruleset=only_inputs)) == [("JX401", 12, 18)]
    assert located(check_text(BAIYULAN_002, ruleset=configured("JX401", terms=[], inputs=[]))) == []


def test_wider_input_vocabulary_reaches_department_process_rows():
    # Corpus 宁德市委党史和地方志研究室 2019: three of the six visible rows are about supplying funds,
    # keeping the office running and paying staff bonuses.
    rows = ("志鉴地情相关工作开展所需资金的供应时效", "确保日常工作正常运行", "按年度发放绩效奖、文明奖、综治平安奖、应休未休补贴",
            "调研、督促、指导志、鉴、地情编纂的县(市、区)的覆盖率", "各类书籍审稿率", "项目完成时间")
    text = ("单位: 中共宁德市委党史和地方志研究室\n年度: 2019\n部门整体:\n  部门名称: 中共宁德市委党史和地方志研究室\n"
            "  绩效指标:\n    产出指标:\n      数量指标:\n" + "".join(f"        - {{指标: {n}, 目标值: 100%}}\n" for n in rows))
    [finding] = check_text(text, select=["JX401"]).findings
    assert (finding.span.line, finding.span.column) == (8, 16)
    assert "6 个三级指标中有 3 个" in finding.message


def test_english_message_lists_the_names():
    [finding] = check_text(BAIYULAN_002, select=["JX401"], lang="en").findings
    assert "2 of the 7 indicators of '白玉兰社工服务费' (29%, above 20%)" in finding.message
    assert "预算资金及时率（%）, 预算执行率（%）" in finding.message
