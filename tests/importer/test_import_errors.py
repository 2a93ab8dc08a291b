"""Files that are not a 项目支出绩效目标表 are refused with a message that says why."""

from __future__ import annotations

import io
import zipfile

import pytest

from lint.importer import TableImportError, import_table
from tests.cli_helpers import jxlint
from tests.conftest import SEEDS
from tests.importer.workbooks import workbook


@pytest.mark.parametrize(("data", "name", "message"), [
    (b"", "empty.txt", "the file is empty"),
    (b"  \n\t\n", "blank.txt", "the file is empty"),
    ("今天天气很好，我们去公园散步。\n然后回家吃饭。\n".encode(), "diary.txt", "not a 项目支出绩效目标表: no row starts with 项目名称"),
    (b"\x00\x01\x02\x03binary\xff\xfe" * 20, "blob.bin", "a binary file that is not an .xlsx workbook"),
    (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)), "chart.png", "a binary file that is not an .xlsx workbook"),
    (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 64, "old.xls", "an old-format .xls workbook; save it as .xlsx"),
    (b"PK\x03\x04 not really a zip", "fake.xlsx", "not a readable .xlsx workbook"),
    (b"\xff\xfe\xfd\x80\x81" * 10, "latin.txt", None),
], ids=["empty", "blank", "prose", "binary", "png", "xls", "broken-zip", "undecodable"])
def test_not_a_table(data, name, message):
    with pytest.raises(TableImportError) as error:
        import_table(data, name=name)
    assert str(error.value).startswith(f"{name}: ")
    if message:
        assert message in str(error.value)


def test_a_zip_that_is_not_a_workbook():
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("readme.txt", "hello")
    with pytest.raises(TableImportError, match="not a readable .xlsx workbook"):
        import_table(buffer.getvalue(), name="archive.zip")


def test_a_workbook_without_a_project_table():
    data = workbook([("Sheet1", [["姓名", "电话"], ["张三", "123"]])])
    with pytest.raises(TableImportError, match="no row starts with 项目名称"):
        import_table(data, name="contacts.xlsx")


def test_a_department_table_copied_out_of_a_pdf_is_refused_by_name():
    # Without a line that starts with the 部门名称 label the text has none of the form's structure
    # (seed 000 as it is imports: tests/importer/test_import_department_text.py).
    data = (SEEDS / "000_7eeb84eff1c127ec.txt").read_bytes().replace("部门名称 ".encode(), b"")
    with pytest.raises(TableImportError, match="looks like a 部门整体支出绩效目标表, but no cell holds the label 部门名称"):
        import_table(data, name="000.txt")


def test_project_names_without_an_indicator_table():
    with pytest.raises(TableImportError, match="has 项目名称 rows but no 绩效指标 table"):
        import_table("项目名称\t家庭工作经费\n项目类型\t其他\n".encode(), name="head.txt")


def test_sheet_option_on_text_is_a_usage_error():
    with pytest.raises(TableImportError, match="--sheet applies to .xlsx workbooks"):
        import_table((SEEDS / "002_e0f49a7bf4005135.txt").read_bytes(), name="002.txt", sheet="Sheet1")


def test_cli_exits_2_with_the_message_and_no_output_file(tmp_path):
    source = tmp_path / "notes.txt"
    source.write_text("随便写的一些文字\n", encoding="utf-8")
    result = jxlint("import", str(source), "-o", str(tmp_path / "out.yaml"))
    assert result.exit_code == 2
    assert "不是项目支出绩效目标表" in result.stderr
    assert "Traceback" not in result.output
    assert not (tmp_path / "out.yaml").exists()
