"""JX510–JX513 (goal_target): empty goals, slogans, goals restating the project name, unmeasured degrees."""

from __future__ import annotations

from tests.helpers import MATUO, check_text, configured, located


def project(name: str, goals: str) -> str:
    return MATUO + f"  - 项目名称: {name}\n" + goals


def test_a_blank_goal_cell_and_a_table_without_any_goal():
    blank = project("学生伙食费", "    总体绩效目标:\n      实施周期总目标: \"\"\n      年度目标: 为168名学生发放伙食补助\n")
    assert located(check_text(blank, select=["JX510"])) == [("JX510", 6, 16)]
    missing = project("疫苗及美沙酮药物", "    预算金额: 3000000元\n")
    result = check_text(missing, select=["JX510"])
    assert located(result) == [("JX510", 4, 11)]
    assert "总体绩效目标没有填写" in result.findings[0].message


def test_a_short_direction_without_a_number_is_a_slogan_but_a_description_of_work_is_not():
    text = project("科学技术研究与开发资金", "    总体绩效目标:\n      实施周期总目标: 推进科技事业发展\n"
                   "      年度目标: 目标1:维护辖区各安置小区安全巡逻、环境卫生及物业日常管理\n")
    assert located(check_text(text, select=["JX511"])) == [("JX511", 6, 16)]
    counted = project("科学技术研究与开发资金", "    总体绩效目标:\n      实施周期总目标: 推进科技事业发展，新增高新技术企业15家\n")
    assert check_text(counted, select=["JX511"]).findings == []


def test_the_project_name_with_a_verb_is_no_goal():
    text = project("村组干部报酬", "    总体绩效目标:\n      年度目标: 按时发放村组干部报酬\n      实施周期总目标: 按月足额发放230名村组干部报酬\n")
    assert located(check_text(text, select=["JX512"])) == [("JX512", 6, 13)]


def test_an_unmeasured_degree_in_a_department_goal_or_a_task():
    text = ("单位: 中共宁德市委党史和地方志研究室\n年度: 2019\n部门整体:\n  部门名称: 中共宁德市委党史和地方志研究室\n"
            "  年度总体目标: \"目标1:确保工资发放; 目标2:对困难群众进行一定程度的补助; 目标4:确保完成2019年度任务。\"\n"
            "  年度重点工作任务:\n    - {名称: 地情编纂, 期望达到的目标: 编纂质量有所提高}\n"
            "    - {名称: 家庭工作, 期望达到的目标: 80%家庭认为关系有所改善}\n")
    result = check_text(text, select=["JX513"])
    assert located(result) == [("JX513", 5, 11), ("JX513", 7, 27)]
    assert "「一定程度」" in result.findings[0].message


def test_lengths_and_vocabulary_are_options():
    text = project("科学技术研究与开发资金", "    总体绩效目标:\n      实施周期总目标: 推进科技事业发展\n")
    assert check_text(text, ruleset=configured("JX511", slogan_max_chars=5)).findings == []
    assert check_text(text, ruleset=configured("JX511", slogan_starts=["^加快"])).findings == []
    restated = project("村组干部报酬", "    总体绩效目标:\n      年度目标: 按时发放村组干部报酬\n")
    assert check_text(restated, ruleset=configured("JX512", restate_extra_chars=2)).findings == []
