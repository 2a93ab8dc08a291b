"""Importer bombs: a far cell, a merge over a whole sheet, a zip bomb, a huge input — refused or bounded,
always quickly (each runs in a subprocess with a time and memory bound)."""

from __future__ import annotations

import io
import os
import subprocess
import sys
import textwrap
import zipfile

import openpyxl
import pytest

from lint.importer.grid import MAX_UNCOMPRESSED_BYTES, workbook_sheets


def _book(build) -> bytes:
    book = openpyxl.Workbook()
    build(book.active)
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def _import_in_subprocess(path, tmp_path):
    """``jxlint import`` with 1 GB of address space and 60 s: the bombs took minutes and gigabytes."""
    script = textwrap.dedent(f"""
        import resource, sys
        resource.setrlimit(resource.RLIMIT_AS, (1 << 30, 1 << 30))
        from lint.cli import main
        sys.argv = ["jxlint", "import", {str(path)!r}]
        main()
    """)
    return subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, timeout=60, cwd=tmp_path,
                          env={**os.environ, "JXLINT_LANG": "en"})


def test_one_cell_at_xfd1048576_costs_only_the_cells_in_use(tmp_path):
    def far(sheet):
        sheet["A1"] = "项目名称"
        sheet["B1"] = "家庭工作经费"
        sheet["XFD1048576"] = "x"

    data = _book(far)
    assert len(data) < 10_000
    (sheet,) = workbook_sheets(data)
    assert [(row.number, row.texts()) for row in sheet.rows] == [(1, ["项目名称", "家庭工作经费"]), (2, []), (1048576, ["x"])]
    path = tmp_path / "far.xlsx"
    path.write_bytes(data)
    completed = _import_in_subprocess(path, tmp_path)
    assert completed.returncode == 2 and "Traceback" not in completed.stderr  # not a form: one clear line
    assert len(completed.stderr.splitlines()) == 1


def _with_merge(data: bytes, small: str, huge: str) -> bytes:
    """The workbook with its merge ``small`` widened to ``huge`` in the XML (openpyxl itself
    would make every cell of ``huge`` to write it)."""
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as source, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as widened:
        for member in source.infolist():
            content = source.read(member)
            if member.filename.startswith("xl/worksheets/"):
                content = content.replace(f'ref="{small}"'.encode(), f'ref="{huge}"'.encode())
            widened.writestr(member, content)
    return out.getvalue()


def test_a_merged_range_over_the_whole_sheet_is_clipped_to_the_cells_in_use(tmp_path):
    def merged(sheet):
        sheet["A1"] = "绩效指标"
        sheet["C3"] = "产出指标"
        sheet.merge_cells("A1:B2")

    data = _with_merge(_book(merged), "A1:B2", "A1:XFD1048576")
    assert len(data) < 10_000
    (sheet,) = workbook_sheets(data)
    (first,) = sheet.rows[0].pieces
    # C3 lies under the merge, so (as in Excel) only A1's text is left: the range shrinks to it.
    assert (first.text, first.first, first.last) == ("绩效指标", 0, 0) and len(sheet.rows) == 1
    path = tmp_path / "merged.xlsx"
    path.write_bytes(data)
    completed = _import_in_subprocess(path, tmp_path)
    assert completed.returncode == 2 and "Traceback" not in completed.stderr


def test_a_merge_down_keeps_its_continued_pieces_on_the_rows_in_use():
    def down(sheet):
        sheet["A1"] = "产出指标"
        sheet.merge_cells("A1:A3")
        for row in (1, 2, 3):
            sheet.cell(row, 2, f"指标{row}")

    (sheet,) = workbook_sheets(_book(down))
    assert [[(p.text, p.continued) for p in row.pieces] for row in sheet.rows] == [
        [("产出指标", False), ("指标1", False)], [("产出指标", True), ("指标2", False)], [("产出指标", True), ("指标3", False)]]


def test_a_zip_bomb_is_refused_before_it_is_expanded(tmp_path):
    data = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(_book(lambda sheet: sheet.append(["项目名称"])))) as source, \
            zipfile.ZipFile(data, "w", zipfile.ZIP_DEFLATED) as bomb:
        for member in source.infolist():
            bomb.writestr(member, source.read(member))
        with bomb.open("xl/media/bomb.bin", "w") as member:
            chunk = b"\0" * (1 << 20)
            for _ in range((MAX_UNCOMPRESSED_BYTES >> 20) + 8):
                member.write(chunk)
    assert len(data.getvalue()) < 1_000_000
    path = tmp_path / "bomb.xlsx"
    path.write_bytes(data.getvalue())
    completed = _import_in_subprocess(path, tmp_path)
    assert completed.returncode == 2
    (line,) = completed.stderr.splitlines()
    assert "bomb.xlsx: refused: it would expand to" in line and "zip bomb" in line


def test_too_many_merged_cells_in_use_are_refused(tmp_path, monkeypatch):
    from lint.importer import grid

    monkeypatch.setattr(grid, "MAX_GRID_CELLS", 100)

    def wide(sheet):
        for row in range(1, 21):
            sheet.cell(row, 1, "x")
            sheet.cell(row, 20, "y")
        sheet["B1"] = "merged"
        sheet.merge_cells("B1:S20")

    with pytest.raises(grid.TooLarge, match="merged cells cover more than 100 cells"):
        workbook_sheets(_book(wide))
