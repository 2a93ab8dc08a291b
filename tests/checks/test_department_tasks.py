"""JX316–JX318, JX608 (department_tasks) and JX315 (cost_cap_budget on a department's 合计)."""

from __future__ import annotations

from tests.helpers import check_text, configured, located

NINGDE = (
    "单位: 中共宁德市委党史和地方志研究室\n年度: 2019\n部门整体:\n  部门名称: 中共宁德市委党史和地方志研究室\n  金额单位: 万元\n"
    "  支出:\n    项目支出: \"60.8\"\n    基本支出: \"110.61\"\n  合计: \"171.41\"\n  年度重点工作任务:\n"
    "    - {名称: 地情、市志编纂与年鉴出版经费, 主要内容: 组织编纂地方志、年鉴, 金额: \"49.8\"}\n"
    "    - {名称: 地情、市志编纂与年鉴出版经费, 主要内容: 确保本室各人员工资及福利的发放, 金额: \"11\"}\n"
    "    - {名称: 基本支出, 主要内容: 确保日常工作正常运行, 金额: \"171.41\"}\n"
)


def test_tasks_adding_to_more_than_the_total_are_reported_on_the_total():
    result = check_text(NINGDE, select=["JX316"])
    assert located(result) == [("JX316", 9, 7)]
    assert "232.21万元" in result.findings[0].message


def test_a_task_carrying_the_grand_total():
    assert located(check_text(NINGDE, select=["JX317"])) == [("JX317", 13, 40)]


def test_running_costs_and_staff_pay_are_inputs_not_tasks():
    # The 基本支出 row is the budget line printed among the tasks: layout, not an input claimed as work.
    assert located(check_text(NINGDE, select=["JX608"])) == [("JX608", 12, 12)]
    paid_from_the_line = NINGDE.replace("主要内容: 确保日常工作正常运行", "主要内容: 按时发放人员工资待遇")
    assert located(check_text(paid_from_the_line, select=["JX608"])) == [("JX608", 12, 12)]
    assert len(check_text(paid_from_the_line, ruleset=configured("JX608", layout_rows=[])).findings) == 2
    staff = NINGDE.replace("名称: 基本支出,", "名称: 场馆日常运转人员经费,")
    assert located(check_text(staff, select=["JX608"])) == [("JX608", 12, 12), ("JX608", 13, 12)]


def test_tasks_within_the_total_pass():
    text = NINGDE.replace('金额: "171.41"}', '金额: "110.61"}')
    assert located(check_text(text, select=["JX316", "JX317"])) == []


def test_blank_funding_splits_on_every_task_are_one_finding():
    text = ("单位: 东莞展览馆\n年度: 2022\n部门整体:\n  部门名称: 东莞展览馆\n  金额单位: 万元\n  年度重点工作任务:\n"
            "    - {名称: 场馆日常维护, 金额: \"549.34\", 财政拨款: \"\", 其他资金: \"\"}\n"
            "    - {名称: 场馆专项职能事务管理, 金额: \"271.77\", 财政拨款: \"\", 其他资金: \"\"}\n")
    assert located(check_text(text, select=["JX318"])) == [("JX318", 7, 40)]
    filled = text.replace('金额: "549.34", 财政拨款: ""', '金额: "549.34", 财政拨款: "549.34"')
    assert check_text(filled, select=["JX318"]).findings == []
    no_split_columns = text.replace(', 财政拨款: "", 其他资金: ""', "")
    assert check_text(no_split_columns, select=["JX318"]).findings == []


def test_input_vocabulary_is_an_option():
    assert check_text(NINGDE, ruleset=configured("JX608", input_names=[], input_contents=[])).findings == []


def test_a_department_cost_cap_near_the_total_but_not_a_partial_cost():
    text = ("单位: 深圳市龙岗区妇女联合会本级\n年度: 2022\n部门整体:\n  部门名称: 深圳市龙岗区妇女联合会本级\n  金额单位: 万元\n"
            "  合计: \"1310\"\n  绩效指标:\n    成本:\n      经济成本:\n"
            "        - {指标: 资金节约情况, 目标值: ≤1309.69 万元}\n        - {指标: 三公经费, 目标值: ≤20 万元}\n")
    result = check_text(text, select=["JX315", "JX301"])
    assert located(result) == [("JX315", 10, 29)]
    assert "0.31万元" in result.findings[0].message
    assert check_text(text, ruleset=configured("JX315", near=0)).findings == []
