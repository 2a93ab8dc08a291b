"""JX402 missing-level1: every table needs real 产出, 效益 and 满意度 indicators."""

from __future__ import annotations

import dataclasses

import pytest

from lint.rulepack import load_rules
from tests.conftest import EXAMPLES
from tests.helpers import check_text, located

HEAD_002 = "单位: 东莞市望牛墩镇妇女联合会\n年度: 2024\n项目:\n  - 项目名称: 白玉兰社工服务费\n"
OUTPUT_002 = (
    "      产出指标:\n"
    "        数量指标:\n"
    "          - {指标: 乡镇（街道）直接聘请社工人数, 实施周期指标值: 3人, 当年度指标值: 3人}\n"
    "        成本指标:\n"
    "          - {指标: 预算执行率（%）, 实施周期指标值: ≥90, 当年度指标值: ≥90}\n"
)
BENEFIT_002 = (
    "      效益指标:\n"
    "        社会效益指标:\n"
    "          - {指标: 社工服务水平, 实施周期指标值: 良好, 当年度指标值: 良好}\n"
)
SATISFACTION_002 = (
    "      满意度指标:\n"
    "        服务对象满意度指标:\n"
    "          - {指标: 服务对象的满意度, 实施周期指标值: ≥93, 当年度指标值: ≥93}\n"
)


def table(*parts: str) -> str:
    return HEAD_002 + "    绩效指标:\n" + "".join(parts)


def line_of(text: str, needle: str) -> int:
    return next(number for number, line in enumerate(text.splitlines(), 1) if needle in line)


# The seed tables (0xx); the self-assessment examples (1xx) are published pages cut off before 满意度.
@pytest.mark.parametrize("path", sorted(EXAMPLES.glob("0*.yaml")), ids=lambda p: p.name)
def test_every_seed_table_has_all_three(path):
    assert located(check_text(path.read_text("utf-8"), select=["JX402"]), "JX402") == []


def test_complete_seed_002_table_passes():
    assert check_text(table(OUTPUT_002, BENEFIT_002, SATISFACTION_002), select=["JX402"]).findings == []


def test_level1_with_only_empty_level2_lines_is_flagged_on_its_label():
    benefit = "      效益指标:\n        经济效益指标: []\n        生态效益指标: []\n"
    text = table(OUTPUT_002, benefit, SATISFACTION_002)
    result = check_text(text, select=["JX402"])
    assert located(result) == [("JX402", line_of(text, "效益指标:"), 7)]
    assert result.findings[0].message.startswith("缺少效益指标：这一栏下只有空行或「不适用」「无」")
    assert result.findings[0].severity.name == "ERROR"


def test_level1_with_only_placeholders_is_flagged_seed_004():
    text = (
        "单位: 深圳市龙岗区妇女联合会本级\n年度: 2022\n部门整体:\n  部门名称: 深圳市龙岗区妇女联合会本级\n  绩效指标:\n"
        "    产出:\n      数量:\n        - {指标: 开展各类活动场次, 目标值: ≥23 场}\n"
        "    效益:\n      经济效益:\n        - {指标: 不适用, 目标值: 无}\n"
        "      可持续影响:\n        - {指标: 不适用, 目标值: 无}\n"
        "    满意度:\n      服务对象满意度:\n        - {指标: 服务对象满意度, 目标值: ≥95%}\n"
        "      其他满意度:\n        - {指标: 无, 目标值: 无}\n"
    )
    result = check_text(text, select=["JX402"])
    assert located(result) == [("JX402", line_of(text, "    效益:"), 5)]
    assert "效益指标" in result.findings[0].message


def test_rows_with_an_empty_name_are_not_indicators():
    satisfaction = "      满意度指标:\n        服务对象满意度指标:\n          - {指标: \"\", 实施周期指标值: ≥93, 当年度指标值: ≥93}\n"
    text = table(OUTPUT_002, BENEFIT_002, satisfaction)
    assert located(check_text(text, select=["JX402"])) == [("JX402", line_of(text, "满意度指标:"), 7)]


def test_missing_label_is_flagged_on_the_indicator_key():
    text = table(OUTPUT_002, BENEFIT_002)
    result = check_text(text, select=["JX402"])
    assert located(result) == [("JX402", line_of(text, "绩效指标:"), 5)]
    assert result.findings[0].message.startswith("缺少满意度指标：表中没有这一栏")


def test_table_without_indicators_is_flagged_on_its_name_once_per_level():
    text = HEAD_002 + "    预算金额: 341250\n"
    result = check_text(text, select=["JX402"])
    title = text.splitlines()[3]
    assert located(result) == [("JX402", 4, title.index("白玉兰社工服务费") + 1)] * 3
    assert {f.value for f in result.findings} == {"产出指标", "效益指标", "满意度指标"}


def test_required_labels_are_an_option_and_old_form_cost_rows_count():
    rules = load_rules().select(["JX402"])
    rule = rules.rules["JX402"]
    # Seed 002 files 成本指标 as a 二级 label under 产出指标: that satisfies a required 成本.
    rules.rules["JX402"] = dataclasses.replace(rule, options={**rule.options, "required": ["产出", "成本"]})
    assert check_text(table(OUTPUT_002), ruleset=rules).findings == []
    without_cost = table(OUTPUT_002.split("        成本指标:")[0])
    assert [f.value for f in check_text(without_cost, ruleset=rules).findings] == ["成本指标"]


def test_english_message():
    [finding] = check_text(table(OUTPUT_002, BENEFIT_002), select=["JX402"], lang="en").findings
    assert finding.message.startswith("No indicator under 满意度指标: the table has no such section.")
