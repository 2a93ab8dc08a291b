"""The loading pipeline on whole files: encodings, shapes, schema, model."""

import codecs

import pytest

from lint.loading import load_target
from tests.conftest import EXAMPLES

MINIMAL = "单位: 东莞市妇女联合会\n年度: 2025\n项目:\n  - 项目名称: 家庭工作经费\n"


def problems(data: bytes):
    return [(p.problem, p.span.line, p.span.column) for p in load_target("t.yaml", data).problems]


@pytest.mark.parametrize("path", sorted(EXAMPLES.glob("*.yaml")), ids=lambda p: p.name)
def test_every_example_loads_without_a_problem(path):
    result = load_target(str(path), path.read_bytes())
    assert result.problems == []
    assert result.target is not None


def test_seed_001_has_all_17_projects_and_their_rows():
    result = load_target("001.yaml", next(EXAMPLES.glob("001_*.yaml")).read_bytes())
    projects = result.target.projects
    assert len(projects) == 17
    bailan = next(p for p in projects if p.name == "购买白玉兰家庭服务项目")
    row = next(i for i in bailan.indicators if i.name.text == "社区活动数(场次)")
    assert (row.level1, row.level2, row.cycle_value.text, row.annual_value.text) == ("产出指标", "数量指标", "55场", "5场")
    assert bailan.budget_amount.text == "954,112.00元"
    assert (bailan.start_year.value, bailan.end_year.value) == (2021, 2029)


def test_seed_002_labels_with_stray_spaces_are_normalised():
    result = load_target("002.yaml", next(EXAMPLES.glob("002_*.yaml")).read_bytes())
    first = result.target.projects[0]
    level2 = {i.level2 for i in first.indicators}
    assert {"社会效益指标", "可持续影响指标", "成本指标"} <= level2
    cost = next(i for i in first.indicators if i.level2 == "成本指标")
    assert cost.level1 == "产出指标"  # the older form: 成本 as a 二级 under 产出
    assert cost.annual_value.text == "≥90"  # 当年度指标值 is the annual column


def test_department_tables_load_lines_tasks_and_single_value_column():
    result = load_target("004.yaml", next(EXAMPLES.glob("004_*.yaml")).read_bytes())
    department = result.target.department
    assert department.total.text == "1310万元"
    assert [t.amount.text for t in department.tasks] == ["535万元", "35万元", "4万元", "23万元", "13万元", "7万元", "9万元"]
    assert all(i.target_value is not None and i.annual_value is None for i in department.indicators)


def test_empty_file_and_comment_only_file():
    assert problems(b"") == [("empty-file", 1, 1)]
    assert problems("# 东莞市妇女联合会\n".encode()) == [("empty-file", 1, 1)]


def test_binary_file():
    assert problems(b"PK\x03\x04\x00\x00binary") == [("binary-file", 1, 1)]


def test_yaml_of_another_kind_is_one_finding():
    assert problems(b"repos:\n  - repo: local\n    hooks: []\n") == [("not-target-file", 1, 1)]


def test_schema_violations_point_at_the_offending_key_or_value():
    text = MINIMAL.replace("家庭工作经费\n", "家庭工作经费\n    实施周期: {起始年度: 二〇二一, 到期年度: 2099}\n    预算金额单位: 元\n")
    found = load_target("t.yaml", text.encode()).problems
    assert [(p.problem, p.span.line, p.span.column) for p in found] == [("schema", 5, 18), ("schema", 6, 5)]
    assert "起始年度" in found[0].params["detail"]["zh"]
    assert "预算金额单位" in found[1].params["detail"]["zh"]


def test_unknown_level_labels_are_reported_on_the_label():
    text = MINIMAL + "    绩效指标:\n      产出指标:\n        数量 指标: []\n        产量指标: []\n"
    assert problems(text.encode()) == [("schema", 8, 9)]


@pytest.mark.parametrize(
    "encode, label",
    [
        (lambda t: codecs.BOM_UTF8 + t.encode("utf-8"), "UTF-8 with BOM"),
        (lambda t: t.encode("utf-16"), "UTF-16 with BOM"),
        (lambda t: t.encode("gb18030"), "GB18030"),
    ],
    ids=["utf-8-bom", "utf-16", "gb18030"],
)
def test_other_encodings_are_read_with_an_info_problem(encode, label):
    result = load_target("t.yaml", encode(MINIMAL))
    assert [(p.problem, p.params["encoding"]) for p in result.problems] == [("encoding-not-utf8", label)]
    assert result.target.projects[0].name == "家庭工作经费"


def test_undecodable_bytes_are_located():
    result = load_target("t.yaml", "单位: 东莞\n年度: ".encode() + b"\xff\xfe\xff\n")
    (problem,) = result.problems
    assert (problem.problem, problem.span.line, problem.span.column) == ("undecodable", 2, 5)
    assert result.target is None


def test_windows_line_endings_give_the_same_locations():
    text = MINIMAL + "    预算金额: 954,112.00元\n    预算金额: 1元\n"
    assert problems(text.replace("\n", "\r\n").encode()) == problems(text.encode()) == [("duplicate-key", 6, 5)]


def test_unknown_level_labels_name_the_nearest_known_one():
    text = MINIMAL + "    绩效指标:\n      效益指标:\n        社会效应: []\n      满意度指标:\n        服务对像满意度: []\n"
    details = [p.params["detail"] for p in load_target("t.yaml", text.encode()).problems]
    assert [d["zh"] for d in details] == ["「社会效应」不是二级指标；最接近的是「社会效益指标」",
                                          "「服务对像满意度」不是二级指标；最接近的是「服务对象满意度指标」"]
    assert "did you mean '社会效益指标'" in details[0]["en"]


@pytest.mark.parametrize("first, second", [("年度指标值", "当年度指标值"), ("当年度指标值", "年度指标值"), ("指标值", "目标值")])
def test_one_column_under_two_names_on_a_row_is_a_located_conflict(first, second):
    row = f"          - {{指标: 社区活动数(场次), {first}: 5场, {second}: 55场}}\n"
    text = MINIMAL + "    绩效指标:\n      产出指标:\n        数量指标:\n" + row
    result = load_target("t.yaml", text.encode())
    (problem,) = result.problems
    # The form's own name is kept wherever it stands in the row; the other name is the conflict.
    kept, other = (first, second) if first in ("年度指标值", "指标值") else (second, first)
    assert (problem.problem, problem.span.line, problem.span.column) == ("column-conflict", 8, row.index(f" {other}:") + 2)
    assert (problem.params["key"], problem.params["first"]) == (other, kept)
    assert problem.value == ("55场" if other == second else "5场")
    indicator = result.target.projects[0].indicators[0]
    assert (indicator.annual_value or indicator.target_value).text == ("5场" if kept == first else "55场")


def test_a_table_past_the_node_limit_is_one_finding_not_one_per_cut_row(monkeypatch):
    # A small limit stands in for 200,000 nodes: the cut is the same at any size.
    monkeypatch.setattr("lint.loading.tree.MAX_NODES", 500)
    rows = "".join(f"          - {{指标: 活动{i}, 年度指标值: {i}场}}\n" for i in range(400))
    data = ("单位: 某单位\n年度: 2025\n项目:\n  - 项目名称: 购买服务\n    绩效指标:\n      产出指标:\n"
            "        数量指标:\n" + rows).encode()
    result = load_target("big.yaml", data)
    assert [hit.problem for hit in result.problems] == ["too-large"]
    assert result.target is None
