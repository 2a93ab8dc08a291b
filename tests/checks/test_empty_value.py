"""JX105 empty-value: a 三级指标 whose value cells are empty or missing."""

from __future__ import annotations

import dataclasses

from lint.rulepack import RuleSet, load_rules
from tests.helpers import cells, check_text, located, name_cell, seed, seed_cells

WANGNIUDUN = "单位: 东莞市望牛墩镇妇女联合会\n年度: 2024\n项目:\n  - 项目名称: 妇女儿童系列活动经费\n    绩效指标:\n      效益指标:\n        社会效益 指标:\n"


def benefit_rows(*rows: str) -> str:
    return WANGNIUDUN + "".join(f"          - {row}\n" for row in rows)


def test_seed_002_one_finding_per_empty_cell():
    result = check_text(seed("002"), select=["JX105"])
    assert located(result) == seed_cells("JX105", "002", [("妇女儿童系列活动经费", "慰问对象获得感、幸福感")])
    cycle, annual = result.findings
    assert cycle.message == "三级指标「慰问对象获得感、幸福感」的实施周期指标值没有填写"
    assert annual.message == "三级指标「慰问对象获得感、幸福感」的年度指标值没有填写"


def test_other_seeds_have_no_empty_value():
    for number in ("000", "001", "004"):
        assert located(check_text(seed(number), select=["JX105"])) == [], number


def test_missing_keys_are_located_on_the_name():
    text = benefit_rows("{指标: 宣传覆盖率, 实施周期指标值: ≥85, 当年度指标值: ≥85}", "{指标: 慰问对象获得感、幸福感}")
    result = check_text(text, select=["JX105"])
    assert located(result) == [("JX105", *name_cell(text, "慰问对象获得感、幸福感"))]
    assert result.findings[0].message == "三级指标「慰问对象获得感、幸福感」的指标值没有填写"


def test_a_column_the_rest_of_the_table_fills_in():
    text = benefit_rows("{指标: 宣传覆盖率, 实施周期指标值: ≥85, 当年度指标值: ≥85}", "{指标: 团结妇女凝聚力率, 实施周期指标值: 是}")
    result = check_text(text, select=["JX105"])
    assert located(result) == [("JX105", *name_cell(text, "团结妇女凝聚力率"))]
    assert result.findings[0].message == "三级指标「团结妇女凝聚力率」的年度指标值没有填写"
    english = check_text(text, select=["JX105"], lang="en").findings[0]
    assert english.message == "The annual value of '团结妇女凝聚力率' is empty"


def test_a_dash_counts_as_empty_and_the_option_can_change_that():
    text = benefit_rows("{指标: 慰问对象获得感、幸福感, 实施周期指标值: /, 当年度指标值: —}")
    assert located(check_text(text, select=["JX105"])) == [("JX105", *cell) for cell in cells(text, "慰问对象获得感、幸福感")]
    rule = load_rules().rules["JX105"]
    quiet = RuleSet({"JX105": dataclasses.replace(rule, options={"placeholders": []})})
    assert located(check_text(text, ruleset=quiet)) == []


def test_filled_in_rows_pass():
    text = benefit_rows("{指标: 宣传覆盖率, 实施周期指标值: ≥85, 当年度指标值: ≥85}", "{指标: 团结妇女凝聚力率, 实施周期指标值: 是, 当年度指标值: 是}")
    assert located(check_text(text, select=["JX105"])) == []


def _period(text: str, start: int, end: int) -> str:
    return text.replace("    绩效指标:\n", f"    实施周期: {{起始年度: {start}, 到期年度: {end}}}\n    绩效指标:\n", 1)


BLANK_CYCLE = benefit_rows('{指标: 宣传覆盖率, 实施周期指标值: "", 当年度指标值: ≥85%}',
                           '{指标: 团结妇女凝聚力率, 实施周期指标值: "", 当年度指标值: ≥90%}',
                           '{指标: 慰问对象获得感, 实施周期指标值: "", 当年度指标值: ""}')


def test_a_column_empty_on_every_row_is_one_finding_not_one_per_row():
    text = _period(BLANK_CYCLE, 2024, 2026)
    both = check_text(text, select=["JX105", "JX109"])
    first_cycle = cells(text, "宣传覆盖率", "妇女儿童系列活动经费")[0]
    assert located(both, "JX109") == [("JX109", *first_cycle)]
    assert both.findings[[f.rule for f in both.findings].index("JX109")].message == "实施周期指标值整栏没有填写：本表3个指标的这一栏都空着"
    # the one row that also leaves its annual value empty keeps its own finding
    assert [(f.indicator, f.span.line) for f in both.findings if f.rule == "JX105"] == [
        ("慰问对象获得感", cells(text, "慰问对象获得感", "妇女儿童系列活动经费")[1][0])]


def test_a_one_year_projects_empty_cycle_column_is_not_reported():
    text = _period(BLANK_CYCLE, 2024, 2024)
    assert [f.indicator for f in check_text(text, select=["JX105", "JX109"]).findings] == ["慰问对象获得感"]


def test_a_one_column_form_left_blank_is_reported_once():
    text = ("单位: 某局\n年度: 2024\n部门整体:\n  部门名称: 某局\n  绩效指标:\n    产出:\n      数量:\n"
            '        - {指标: 培训场次, 目标值: ""}\n        - {指标: 培训人数, 目标值: ""}\n        - {指标: 完成时间, 目标值: "/"}\n')
    result = check_text(text, select=["JX105", "JX109"])
    assert [(f.rule, f.indicator) for f in result.findings] == [("JX109", "培训场次")]
