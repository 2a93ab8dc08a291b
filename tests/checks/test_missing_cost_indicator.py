"""JX302 missing-cost-indicator: no 成本指标 row that states a cost."""

from __future__ import annotations

import pytest

from tests.helpers import HEADER, check_text, configured, located, seed

SEED_002 = seed("002")

BAILAN = HEADER + "  - 项目名称: 购买白玉兰家庭服务项目\n"
OUTPUT = "      产出指标:\n        数量指标:\n          - {指标: 社区活动数(场次), 实施周期指标值: 55场, 年度指标值: 5场}\n"


def cost_label(text: str, project: str) -> tuple[int, int]:
    """Line and column of the first 成本指标 label in ``project``."""
    lines = text.splitlines()
    start = next(i for i, line in enumerate(lines) if line.strip() == f"- 项目名称: {project}")
    for number, line in enumerate(lines[start:], start + 1):
        if line.strip().startswith("成本指标:"):
            return number, line.index("成本指标") + 1
    raise AssertionError(f"no 成本指标 in {project}")


def test_seed_002_projects_have_only_an_execution_rate_under_cost():
    result = check_text(SEED_002, select=["JX302"])
    assert located(result, "JX302") == [
        ("JX302", *cost_label(SEED_002, "妇女儿童系列活动经费")),
        ("JX302", *cost_label(SEED_002, "白玉兰社工服务费")),
        ("JX302", *cost_label(SEED_002, "望牛墩镇“向幸福家庭出发”家校社共建共享支持项目")),
    ]
    assert result.findings[0].message == (
        "「妇女儿童系列活动经费」成本指标下只有「预算执行率(%)」，没有真正的成本指标：绩效目标应包含成本控制要求"
    )
    assert result.findings[0].project == "妇女儿童系列活动经费"


@pytest.mark.parametrize("number", ["000", "001", "004"])
def test_seeds_with_a_cost_indicator_pass(number):
    # 001: 预算控制数 / 人均培训成本; 000: 项目成本不超预算 beside 预算执行率; 004: 资金节约情况 ≤1309.69万元.
    text = seed(number)
    assert located(check_text(text, select=["JX0", "JX302"])) == []


def test_no_cost_block_is_located_on_the_indicator_key():
    text = BAILAN + "    绩效指标:\n" + OUTPUT
    result = check_text(text, select=["JX302"])
    assert located(result) == [("JX302", 5, 5)]
    assert result.findings[0].message == "「购买白玉兰家庭服务项目」没有成本指标：绩效目标应包含成本控制要求"


def test_no_indicator_tree_is_located_on_the_project_name():
    assert located(check_text(BAILAN, select=["JX302"])) == [("JX302", 4, BAILAN.splitlines()[3].index("购买") + 1)]


def test_an_empty_cost_block_is_located_on_its_label():
    text = BAILAN + "    绩效指标:\n      成本指标:\n        经济成本指标: []\n        社会成本指标: []\n" + OUTPUT
    assert located(check_text(text, select=["JX302"])) == [("JX302", 6, 7)]


def test_a_placeholder_row_is_not_a_cost():
    text = BAILAN + "    绩效指标:\n      成本指标:\n        经济成本指标:\n          - {指标: 无, 年度指标值: 无}\n" + OUTPUT
    result = check_text(text, select=["JX302"])
    assert located(result) == [("JX302", 6, 7)]
    assert "成本指标下只有「无」" in result.findings[0].message


def test_a_real_cost_beside_an_execution_rate_passes():
    text = BAILAN + (
        "    绩效指标:\n      成本指标:\n        经济成本指标:\n"
        "          - {指标: 预算执行率(%), 年度指标值: ≥90%}\n"
        "          - {指标: 预算控制数, 实施周期指标值: ≤954100元, 年度指标值: ≤954100元}\n"
    ) + OUTPUT
    assert located(check_text(text, select=["JX0", "JX302"])) == []


def test_not_costs_option():
    everything_counts = configured("JX302", not_costs=[])
    assert located(check_text(SEED_002, ruleset=everything_counts)) == []


def test_a_percentage_under_cost_is_a_rate_not_a_cost():
    # Corpus 石嘴山市疾控中心 2020: the only "cost" rows are procurement statements at 100%.
    text = ("单位: 石嘴山市疾病预防控制中心\n年度: 2020\n项目:\n  - 项目名称: 疫苗及美沙酮药物\n    预算金额: 3000000元\n"
            "    绩效指标:\n      产出指标:\n        成本指标:\n"
            "          - {指标: 按照物价部门定价标准采购, 指标值: 100%}\n")
    [finding] = check_text(text, select=["JX302"]).findings
    assert "按照物价部门定价标准采购" in finding.message
    assert check_text(text, ruleset=configured("JX302", rates_are_not_costs=False)).findings == []
    priced = text.replace("指标值: 100%", "指标值: ≤120元/剂")
    assert check_text(priced, select=["JX302"]).findings == []
