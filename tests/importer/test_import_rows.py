"""Rows the importer cannot place are reported by number and left out; the rest still imports."""

from __future__ import annotations

from lint.importer import import_table
from tests.cli_helpers import jxlint
from tests.importer.workbooks import EXAMPLE_001, SEED_001, loaded, model

BROKEN = {
    # 社区活动数(场次) with three values for two value columns.
    22: "\t\t\t社区活动数(场次)\t50场\t50场\t60场",
    # A remark typed into the blank line under project 1's table.
    32: "以上数据待核实",
    # 社区活动数(场次) of project 2 with one value off the header's columns: cycle or annual?
    52: "\t\t\t社区活动数(场次)\t\t\t5场",
    # A head row with a field a target file has no key for, after one it has.
    66: "项目等级\t二级项目\t资金来源\t财政拨款\t\t\t",
    # 实施周期 whose 起始年度 is not a year.
    99: "实施周期\t起始年度\t长期\t到期年度\t2099\t",
}


def _broken_seed() -> bytes:
    lines = SEED_001.read_text(encoding="utf-8").split("\n")
    for number, line in BROKEN.items():
        lines[number - 1] = line
    return "\n".join(lines).encode("utf-8")


def _expected() -> list[dict]:
    """The example's model without what the broken rows held."""
    projects = model(loaded(EXAMPLE_001.read_bytes()))
    for index in (1, 2):
        projects[index]["indicators"] = [row for row in projects[index]["indicators"] if row[4][0] != "社区活动数(场次)"]
    projects[4]["period"] = (None, None)
    return projects


def test_unreadable_rows_are_notes_and_the_rest_imports():
    result = import_table(_broken_seed(), name="001.txt", lang="en")
    assert [note.split(":")[0] for note in result.notes] == ["row 22", "row 32", "row 52", "row 66", "row 99"]
    assert result.skipped_rows == 5
    assert "三级指标 “社区活动数(场次)” has 3 value cells" in result.notes[0]
    assert "“以上数据待核实”" in result.notes[1]
    assert "has 1 value cells" in result.notes[2] and "cannot tell which is which" in result.notes[2]
    assert "“资金来源 | 财政拨款”" in result.notes[3]
    assert "起始年度 is “长期”, not a year" in result.notes[4]
    assert model(loaded(result.text)) == _expected()


def test_the_target_file_lists_what_was_not_imported():
    text = import_table(_broken_seed(), name="001.txt").text
    head = text.split("单位:")[0]
    assert "# 未能导入的行（5行），请对照原表补录：" in head
    assert "#   第22行：三级指标“社区活动数(场次)”有3个值" in head  # Chinese, as the file is


def test_cli_reports_rows_with_the_source_name_and_exits_1(tmp_path):
    source = tmp_path / "001.txt"
    source.write_bytes(_broken_seed())
    result = jxlint("import", str(source), "-o", str(tmp_path / "out.yaml"))
    assert result.exit_code == 1
    assert f"{source}:第22行：三级指标“社区活动数(场次)”有3个值" in result.stderr
    assert len(result.stderr.strip().splitlines()) == 5
    loaded((tmp_path / "out.yaml").read_bytes())


def test_a_second_value_for_a_filled_field_is_reported():
    lines = SEED_001.read_text(encoding="utf-8").split("\n")
    lines[4] = "项目名称\t购买社工岗位服务经费\t项目名称\t另一个名称\t\t\t"
    result = import_table("\n".join(lines).encode("utf-8"), name="001.txt", lang="en")
    assert result.notes == ["row 5: 项目名称 given twice (“购买社工岗位服务经费” and “另一个名称”); kept the first"]
    assert model(loaded(result.text)) == model(loaded(EXAMPLE_001.read_bytes()))
