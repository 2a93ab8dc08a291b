"""`jxlint import` reads 部门整体支出绩效目标表: seed 004 as pasted, and workbooks in seed 000's layout
(seed 000's own PDF text: test_import_department_text.py)."""

from __future__ import annotations

import json

import pytest
import yaml

from lint.engine import Linter
from lint.importer import import_table
from tests.cli_helpers import jxlint
from tests.conftest import EXAMPLES, SEEDS
from tests.importer.workbooks import loaded, workbook

SEED_000 = SEEDS / "000_7eeb84eff1c127ec.txt"
SEED_004 = SEEDS / "004_7483164dd07b7974.txt"
EXAMPLE_000 = EXAMPLES / "000_dongguan_fulian_2023_department.yaml"
EXAMPLE_004 = EXAMPLES / "004_longgang_fulian_2022_department.yaml"


def _cell(cell):
    return None if cell is None else (cell.text, cell.value)


def department_model(target) -> dict:
    """What a target file says about its 部门整体 table, without where it says it."""
    table = target.department
    return {
        "unit": _cell(target.unit), "year": _cell(target.year), "name": _cell(table.title),
        "fields": {key: _cell(cell) for key, cell in table.fields.items()},
        "income": [(label.text, _cell(amount)) for label, amount in table.income],
        "expenditure": [(label.text, _cell(amount)) for label, amount in table.expenditure],
        "total": _cell(table.total), "goal": _cell(table.goal),
        "tasks": [tuple(_cell(getattr(task, key)) for key in ("name", "content", "amount", "fiscal", "other", "expected"))
                  for task in table.tasks],
        "levels": sorted((level1, level2, cell.text) for level1, level2, cell in table.level2_cells),
        "indicators": [(row.level1, row.level2, row.level1_cell.text, row.level2_cell.text, _cell(row.name),
                        tuple((column, _cell(cell)) for column, cell in row.values())) for row in table.indicators],
    }


def _findings(text: bytes, rules) -> set[tuple]:
    return {(f.rule, f.indicator, f.value) for f in Linter(rules).check_bytes("t.yaml", text).findings}


# -- seed 004: the department table inside a whole budget document, pasted with tabs --------------


def test_seed_004_gives_the_examples_model():
    result = import_table(SEED_004.read_bytes(), name=str(SEED_004))
    assert department_model(loaded(result.text)) == department_model(loaded(EXAMPLE_004.read_bytes()))
    # Not only the model: every key and value of the hand conversion, 金额单位 and the split amounts included.
    assert yaml.safe_load(result.text) == yaml.safe_load(EXAMPLE_004.read_text(encoding="utf-8"))
    assert result.skipped_rows == 0


def test_seed_004_lints_like_its_example(default_rules):
    imported = _findings(import_table(SEED_004.read_bytes(), name="004.txt").text.encode("utf-8"), default_rules)
    assert imported == _findings(EXAMPLE_004.read_bytes(), default_rules)


def test_seed_004_says_what_it_left_out_and_where_rows_came_from():
    result = import_table(SEED_004.read_bytes(), name="004.txt")
    assert result.notes == [
        "第3行：第3–365行在部门整体支出绩效目标表之前（其他表格或文字）；未导入",
        "第386行：合计行的“财政拨款 1310 | 其他资金 0”在目标文件里没有对应栏目（目标文件只记合计）；未导入",
    ]
    text = result.text
    assert "部门整体:  # 来源: 第367–435行\n" in text
    assert "  年度重点工作任务:  # 原表第377–385行\n" in text
    assert "    - 名称: 妇女儿童事务  # 原表第377行任务名称与“年度主要任务”标签印在同一格；原表第379行续接上一任务的主要内容（跨页）\n" in text
    assert "# 原表第390行8个名称与8个值各印成一串，按顺序配对" in text
    assert "{指标: 减少纠纷隐患规范资金使用, 目标值: 使各项业务合法合规，资金使用更加规范}  # 原表第425行三级指标在第1列" in text


def test_seed_004_imports_the_same_whatever_the_line_ends_and_encoding():
    first = import_table(SEED_004.read_bytes(), name="004.txt").text
    assert import_table(SEED_004.read_bytes().replace(b"\n", b"\r\n"), name="004.txt").text == first
    assert import_table(SEED_004.read_text(encoding="utf-8").encode("gb18030"), name="004.txt").text == first


def test_notes_in_english():
    notes = import_table(SEED_004.read_bytes(), name="004.txt", lang="en").notes
    assert notes[0] == "row 3: rows 3–365 come before the 部门整体支出绩效目标表 (other tables or text); not imported"


# -- workbooks in seed 000's layout, merged cells as Excel keeps them -----------------------------


def _rows_000() -> tuple[list[list[str]], list[dict]]:
    """Seed 000's form as a sheet: its labels where the published table prints them, its cells
    taken from the hand conversion (amounts without the unit their column header names)."""
    data = yaml.safe_load(EXAMPLE_000.read_text(encoding="utf-8"))["部门整体"]
    bare = lambda amount, unit: amount.removesuffix(unit)  # noqa: E731
    money, spend, levels = data["收入"], data["支出"], data["按预算级次划分"]
    rows = [
        ["东莞市部门整体预算绩效目标表"], ["（2023年）"],
        ["部门名称", data["部门名称"]],
        ["基本信息", "财政供养人员数", "134", "下属二级单位数", "2"],
        ["预算整体情况"],
        ["部门预算支出", "预算金额（万元）", "收入来源", "预算金额（万元）"],
        ["基本支出", bare(spend["基本支出"], "万元"), "财政拨款", bare(money["财政拨款"], "万元")],
        ["项目支出", bare(spend["项目支出"], "万元"), "其他资金", bare(money["其他资金"], "万元")],
        ["事业发展性支出", "预算金额（万元）", "按预算级次划分", "预算金额（万元）"],
        ["财政专项资金", bare(spend["财政专项资金"], "万元"), "市本级使用资金", ""],
        ["其他事业发展性支出", bare(spend["其他事业发展性支出"], "万元"), "拟用于对下转移支付资金",
         bare(levels["拟用于对下转移支付资金"], "万元")],
        ["总体绩效目标", data["总体绩效目标"]],
        ["年度重点工作任务", "名称", "主要实施内容", "拟投入的资金（元）", "期望达到的目标（概述）"],
    ]
    merges = []
    first_task = len(rows) + 1
    for task in data["年度重点工作任务"]:
        rows.append(["", task["名称"], task["主要实施内容"], bare(task["金额"], "元"), task["期望达到的目标"]])
    merges.append(dict(start_row=first_task - 1, start_column=1, end_row=len(rows), end_column=1))
    rows.append(["其他需完成的任务（可选填）"])
    rows.append(["绩效指标", "一级指标", "二级指标", "三级指标", "实施周期指标值", "年度指标值"])
    header = len(rows)
    for level1, groups in data["绩效指标"].items():
        start1 = len(rows) + 1
        for level2, indicators in groups.items():
            start2 = len(rows) + 1
            for each in indicators or [{"指标": "", "实施周期指标值": "", "年度指标值": ""}]:
                rows.append(["", "", "", each["指标"], each["实施周期指标值"], each["年度指标值"]])
            rows[start2 - 1][2] = level2
            if len(rows) > start2:
                merges.append(dict(start_row=start2, start_column=3, end_row=len(rows), end_column=3))
        rows[start1 - 1][1] = level1
        merges.append(dict(start_row=start1, start_column=2, end_row=len(rows), end_column=2))
    merges.append(dict(start_row=header, start_column=1, end_row=len(rows), end_column=1))
    return rows, merges


def _workbook_000(numbers: bool = False) -> bytes:
    import io

    import openpyxl

    rows, merges = _rows_000()
    book = openpyxl.load_workbook(io.BytesIO(workbook([("部门整体", rows)], numbers=numbers)))
    for each in merges:
        book["部门整体"].merge_cells(**each)
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


def _stripped(data):
    """A workbook cell is read without surrounding blanks (the PDF text kept one before a goal)."""
    if isinstance(data, dict):
        return {key: _stripped(value) for key, value in data.items()}
    if isinstance(data, list):
        return [_stripped(value) for value in data]
    return data.strip() if isinstance(data, str) else data


@pytest.mark.parametrize("numbers", [False, True], ids=["text-cells", "number-cells"])
def test_workbook_in_seed_000_layout_gives_the_examples_model(numbers):
    result = import_table(_workbook_000(numbers), name="000.xlsx")
    assert result.skipped_rows == 0, result.notes
    expected = _stripped(yaml.safe_load(EXAMPLE_000.read_text(encoding="utf-8")))
    assert yaml.safe_load(result.text) == expected
    assert department_model(loaded(result.text)) == department_model(loaded(yaml.safe_dump(expected, allow_unicode=True, sort_keys=False)))
    assert "部门整体:  # 来源: 工作表 部门整体 第1–" in result.text


def test_a_row_it_cannot_place_is_reported_and_the_rest_imports():
    rows, _ = _rows_000()
    at = next(index for index, row in enumerate(rows) if row[:1] == ["其他需完成的任务（可选填）"])
    rows.insert(at, ["", "", "", "", "", "", "", "写在表外的一句话"])
    result = import_table(workbook([("Sheet1", rows)]), name="000.xlsx")
    assert result.skipped_rows == 1
    assert any(note.startswith(f"工作表 Sheet1 第{at + 1}行：") and "写在表外的一句话" in note for note in result.notes)
    assert "名称: 开设少儿培训项目" in result.text and "服务使用者满意度" in result.text


def test_a_tab_separated_head_alone_imports():
    result = import_table("部门整体支出绩效目标表\n2024年度\n部门名称\t某局\n".encode(), name="d.txt")
    assert loaded(result.text).department.title.text == "某局"
    assert result.notes == [] and "年度: 2024\n" in result.text


# -- the command line ------------------------------------------------------------------------------


def test_cli_imports_then_checks_the_department_table(tmp_path):
    out = tmp_path / "out.yaml"
    imported = jxlint("import", str(SEED_004), "-o", str(out), "--lang", "en")
    assert imported.exit_code == 0, imported.output
    assert "row 386: " in imported.stderr
    checked = jxlint("check", str(out), "--format", "json")
    findings = json.loads(checked.stdout)
    assert all(finding["rule"] not in ("JX001", "JX002", "JX003", "JX004") for finding in findings)
    assert out.read_text(encoding="utf-8").startswith(f"# 来源: {SEED_004.name} — 深圳市龙岗区妇女联合会本级 2022年部门整体支出绩效目标表\n")


# -- the corpus: a department table whose stored page is cut off -----------------------------------

CORPUS_01 = SEEDS.parent / "corpus" / "department" / "01-dongguan-exhibition-hall-2022"


def test_corpus_page_as_a_workbook_gives_what_its_hand_conversion_has_for_names_goals_and_tasks():
    lines = (CORPUS_01 / "source.txt").read_text(encoding="utf-8").split("\n")
    rows = [[cell.strip() for cell in line.split("|")] for line in lines if not line.startswith("#")]
    result = import_table(workbook([("S", rows)]), name="01.xlsx")
    got = yaml.safe_load(result.text)
    expected = yaml.safe_load((CORPUS_01 / "table.yaml").read_text(encoding="utf-8"))
    assert got["单位"] == expected["单位"] and got["年度"] == expected["年度"]
    for key in ("部门名称", "总体绩效目标", "年度总体目标", "备注"):
        assert got["部门整体"][key] == expected["部门整体"][key], key
    assert [(task["名称"], task["主要内容"]) for task in got["部门整体"]["年度重点工作任务"]] == [
        (task["名称"], task["主要内容"]) for task in expected["部门整体"]["年度重点工作任务"]]
    # The page lost its merged cells: the 小计/市财政拨款/其他资金 row no longer sits under 预算金额,
    # so the amounts stay in the one column the header names, and the 金额合计 row is reported.
    assert [task["金额"] for task in got["部门整体"]["年度重点工作任务"]] == [
        task["金额"] + "万元" for task in expected["部门整体"]["年度重点工作任务"]]
    assert any("金额分列“小计 | 市财政拨款 | 其他资金”不在“预算金额”表头之下" in note for note in result.notes)
    assert any("金额合计" in note and "未导入" in note for note in result.notes)
    assert result.skipped_rows == 1


def test_cli_notes_follow_jxlint_lang(tmp_path):
    out = tmp_path / "out.yaml"
    english = jxlint("import", str(SEED_004), "-o", str(out), env={"JXLINT_LANG": "en"})
    assert english.exit_code == 0 and "row 386: " in english.stderr
    chinese = jxlint("import", str(SEED_004), "-o", str(out), "--force", env={"JXLINT_LANG": "zh"})
    assert "第386行：" in chinese.stderr
