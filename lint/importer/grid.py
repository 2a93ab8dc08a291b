"""What a table export looks like before we know what it says: sheets of rows of cells.

Two sources give the same grid:

* pasted text (what users copy out of the budget system's Excel export): one line a row,
  tabs between cells, blanks where Excel had merged cells;
* the .xlsx workbook itself, where a merged cell is one value and a range.

A :class:`Piece` is one non-empty cell as the form shows it: its text and the columns it
covers. A label merged *down* several rows (一级指标 "产出指标" over its four 三级 rows)
gives each of those rows a piece marked ``continued``, so a row knows which merged label
spans it; a label merged *across* columns (the 项目名称 value over five columns) is one
piece covering them, not five copies that would look like five cells.
"""

from __future__ import annotations

import bisect
import datetime as _dt
import io
import re
import zipfile
from dataclasses import dataclass, field

ZIP_MAGIC = b"PK\x03\x04"

# Bounds for what a budget-system export can be: a unit's forms are tens of kilobytes of
# workbook and a few thousand cells. An input past these is refused before it is expanded,
# so a 5 KB workbook naming cell XFD1048576, one merge over a whole sheet or a zip bomb
# costs milliseconds, not minutes and gigabytes.
MAX_INPUT_BYTES = 16 * 1024 * 1024  # the file itself (workbook or text)
MAX_UNCOMPRESSED_BYTES = 64 * 1024 * 1024  # everything inside the workbook, as declared by the archive
MAX_ARCHIVE_MEMBERS = 10_000
MAX_GRID_CELLS = 2_000_000  # cells a sheet's rows hold once merged ranges are spread over them


@dataclass(frozen=True, slots=True)
class Piece:
    """One non-empty cell: its text and the 0-based columns ``first``…``last`` it covers."""

    text: str
    first: int
    last: int
    continued: bool = False  # a row below the first of a vertically merged cell

    @property
    def width(self) -> int:
        return self.last - self.first + 1


@dataclass(slots=True)
class Row:
    """A row of the sheet: its 1-based number in the source and its non-empty pieces."""

    number: int
    pieces: list[Piece] = field(default_factory=list)

    @property
    def is_blank(self) -> bool:
        return not self.pieces

    def own(self) -> list[Piece]:
        """The pieces written in this row (not carried down from a merge above)."""
        return [piece for piece in self.pieces if not piece.continued]

    def texts(self) -> list[str]:
        return [piece.text for piece in self.own()]


@dataclass(slots=True)
class Sheet:
    """A sheet of a workbook (``name``) or the whole pasted text (``name`` is None)."""

    name: str | None
    rows: list[Row]


def clean(text: str) -> str:
    """A cell's text as the form shows it: no surrounding blanks, one kind of line break."""
    return text.replace("\r\n", "\n").replace("\r", "\n").strip()


def text_sheet(text: str) -> Sheet:
    """Tab-separated text → one sheet; each row is numbered by the line it starts on."""
    rows = []
    for number, cells in _text_rows(text):
        rows.append(Row(number, [Piece(cell, column, column) for column, raw in enumerate(cells) if (cell := clean(raw))]))
    return Sheet(None, rows)


def _text_rows(text: str):
    """Split pasted text into rows of cells, the way Excel copies a range to the clipboard.

    Excel wraps a cell in double quotes when it holds a line break, a tab or a quote (doubled
    inside), so a goal written on several lines stays one cell. A quote that does not open
    such a cell is an ordinary character: ``"完成"`` typed by hand keeps its quotes.
    """
    text = text.replace("\r\n", "\n")
    line, start, cells, position = 1, 1, [], 0
    while True:
        cell, position, lines = _text_cell(text, position)
        cells.append(cell)
        line += lines
        if position >= len(text) or text[position] in "\n\r":
            yield start, cells
            if position >= len(text):
                return
            position, line, cells = position + 1, line + 1, []
            start = line
        else:
            position += 1  # the tab after the cell


def _text_cell(text: str, position: int) -> tuple[str, int, int]:
    """One cell from ``position``: (its text, where it ends, how many line breaks it holds)."""
    if position < len(text) and text[position] == '"':
        closing = _closing_quote(text, position)
        if closing is not None:
            inner = text[position + 1 : closing]
            if any(mark in inner for mark in ("\n", "\t", '""')):
                return inner.replace('""', '"'), closing + 1, inner.count("\n")
    end = position
    while end < len(text) and text[end] not in "\t\n\r":
        end += 1
    return text[position:end], end, 0


def _closing_quote(text: str, opening: int) -> int | None:
    """The quote that closes a cell Excel quoted (followed by a tab, a line end or the end), or None."""
    index = opening + 1
    while index < len(text):
        if text[index] == '"':
            if text[index + 1 : index + 2] == '"':
                index += 2
                continue
            return index if index + 1 == len(text) or text[index + 1] in "\t\n\r" else None
        index += 1
    return None


def is_workbook(data: bytes, name: str) -> bool:
    """An .xlsx file is a zip archive; trust the bytes first, the name second."""
    return data.startswith(ZIP_MAGIC) or name.lower().endswith((".xlsx", ".xlsm"))


class NotAWorkbook(Exception):
    """The bytes claim to be an .xlsx workbook but openpyxl cannot open them."""


class TooLarge(NotAWorkbook):
    """A workbook that would expand past the bounds above; the message says which and how far
    (``str()`` in English, ``zh`` in Chinese)."""

    def __init__(self, message: str, zh: str) -> None:
        super().__init__(message)
        self.zh = zh


def _merges_too_large() -> TooLarge:
    return TooLarge(f"its merged cells cover more than {MAX_GRID_CELLS:,} cells in use; a table export covers far fewer",
                    f"合并单元格覆盖的已用单元格超过 {MAX_GRID_CELLS:,} 个，远超一张绩效目标表")


def _check_archive(data: bytes) -> None:
    """Refuse a workbook whose archive declares more than we will expand (zipfile enforces the
    declared sizes while reading, so a member cannot inflate past what it declares)."""
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            members = archive.infolist()
    except (zipfile.BadZipFile, ValueError, OSError) as error:
        raise NotAWorkbook(str(error) or type(error).__name__) from None
    if len(members) > MAX_ARCHIVE_MEMBERS:
        raise TooLarge(f"the archive holds {len(members):,} files; an .xlsx export holds a few dozen",
                       f"压缩包里有 {len(members):,} 个文件，而导出的 .xlsx 只有几十个")
    expanded = sum(member.file_size for member in members)
    if expanded > MAX_UNCOMPRESSED_BYTES:
        raise TooLarge(f"it would expand to {expanded / 2**20:,.0f} MB, more than the {MAX_UNCOMPRESSED_BYTES >> 20} MB "
                       "a table export can need (a zip bomb?)",
                       f"解压后有 {expanded / 2**20:,.0f} MB，超过导出表格可能的 {MAX_UNCOMPRESSED_BYTES >> 20} MB（压缩炸弹？）")


_CELL_REF = re.compile(rb"<(?:\w+:)?c\b[^>]*?\br=\"([A-Z]{1,3})([0-9]{1,7})\"")
_MERGE_REF = re.compile(rb"(<(?:\w+:)?mergeCell\b[^>]*?\bref=\")([A-Z]{1,3})([0-9]{1,7}):([A-Z]{1,3})([0-9]{1,7})\"")


def _column_number(letters: bytes) -> int:
    number = 0
    for letter in letters:
        number = number * 26 + letter - 64
    return number


def _column_letters(number: int) -> str:
    letters = ""
    while number:
        number, rest = divmod(number - 1, 26)
        letters = chr(65 + rest) + letters
    return letters


def _clip_merges(data: bytes) -> bytes:
    """The workbook with every merged range clipped to the cells its sheet uses.

    openpyxl makes an object for every cell of a merged range as it loads, so one
    ``<mergeCell ref="A1:XFD1048576"/>`` (17 billion cells) exhausts memory before any of our
    code runs: the ranges are clipped in the sheet's XML first.
    """
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        sheets = {member.filename: archive.read(member) for member in archive.infolist()
                  if member.filename.startswith("xl/worksheets/") and member.filename.endswith(".xml")}
        clipped = {name: _clip_sheet(xml) for name, xml in sheets.items()}
        if all(clipped[name] is sheets[name] for name in sheets):
            return data
        out = io.BytesIO()
        with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as rewritten:
            for member in archive.infolist():
                rewritten.writestr(member.filename, clipped.get(member.filename) or archive.read(member))
    return out.getvalue()


def _clip_sheet(xml: bytes) -> bytes:
    if b"mergeCell" not in xml:
        return xml
    last_row = last_column = 1
    for column, row in _CELL_REF.findall(xml):
        last_row, last_column = max(last_row, int(row)), max(last_column, _column_number(column))
    area = 0

    def clip(match: re.Match) -> bytes:
        nonlocal area
        first_column, first_row = _column_number(match[2]), int(match[3])
        end_column = max(first_column, min(_column_number(match[4]), last_column))
        end_row = max(first_row, min(int(match[5]), last_row))
        area += (end_column - first_column + 1) * (end_row - first_row + 1)
        if area > MAX_GRID_CELLS:
            raise _merges_too_large()
        return match[1] + match[2] + match[3] + b":" + _column_letters(end_column).encode() + str(end_row).encode() + b'"'

    result = _MERGE_REF.sub(clip, xml)
    return xml if result == xml else result


def workbook_sheets(data: bytes) -> list[Sheet]:
    """Every worksheet of an .xlsx workbook, merged cells resolved (see the module docstring)."""
    import warnings

    import openpyxl

    if len(data) > MAX_INPUT_BYTES:
        raise TooLarge(f"the workbook is {len(data) / 2**20:,.0f} MB, more than the {MAX_INPUT_BYTES >> 20} MB a table export can be",
                       f"工作簿有 {len(data) / 2**20:,.0f} MB，超过导出表格可能的 {MAX_INPUT_BYTES >> 20} MB")
    _check_archive(data)
    try:
        data = _clip_merges(data)
    except (zipfile.BadZipFile, ValueError, OSError, EOFError, RuntimeError) as error:
        raise NotAWorkbook(str(error) or type(error).__name__) from None
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")  # "no default style", unknown extensions: not the user's problem
            # read_only=False: only then does openpyxl know the merged ranges.
            book = openpyxl.load_workbook(io.BytesIO(data), read_only=False, data_only=True)
    except Exception as error:  # noqa: BLE001 - a damaged archive fails in zipfile, XML or openpyxl alike
        raise NotAWorkbook(str(error) or type(error).__name__) from None
    try:
        return [_worksheet(sheet) for sheet in book.worksheets]
    finally:
        book.close()


def _worksheet(sheet) -> Sheet:
    """The sheet's rows, built from the cells it actually holds, never from its dimensions.

    ``max_row``/``max_column`` trust the file: one cell at XFD1048576 would make 17 billion.
    Only rows with a cell in them are kept (a run of blank rows becomes one, which the form
    reader treats the same), and a merged range is clipped to the rows and columns in use.
    """
    cells: dict[int, dict[int, str]] = {}  # row → column → text, non-empty cells only
    for (row, column), cell in sheet._cells.items():  # noqa: SLF001 - openpyxl's own sparse store
        if text := cell_text(cell):
            cells.setdefault(row, {})[column] = text
    last_column = max((column for row in cells.values() for column in row), default=0)
    used = sorted(cells)
    merges: dict[int, list[tuple[int, int, Piece | None]]] = {}  # row → (first, last column, piece)
    spread = 0
    for merged in sheet.merged_cells.ranges:
        first, last = merged.min_col, min(merged.max_col, last_column)
        text = cells.get(merged.min_row, {}).get(first, "")
        if first > last or not text:
            continue  # an empty merge hides only empty cells
        rows = used[bisect.bisect_left(used, merged.min_row) : bisect.bisect_right(used, merged.max_row)]
        spread += len(rows) * (last - first + 1)
        if spread > MAX_GRID_CELLS:
            raise _merges_too_large()
        for row in rows:
            merges.setdefault(row, []).append((first, last, Piece(text, first - 1, last - 1, continued=row > merged.min_row)))
    rows = []
    for number in used:
        if rows and rows[-1].number < number - 1:
            rows.append(Row(rows[-1].number + 1))  # the blank rows between
        spans = sorted(merges.get(number, []), key=lambda span: span[0])
        starts = [span[0] for span in spans]
        pieces = {first: piece for first, _, piece in spans}
        for column, text in cells[number].items():
            at = bisect.bisect_right(starts, column) - 1
            if at < 0 or column > spans[at][1]:  # not under a merge: the merge's own cell is its piece
                pieces[column] = Piece(text, column - 1, column - 1)
        rows.append(Row(number, [pieces[column] for column in sorted(pieces)]))
    return Sheet(sheet.title, rows)


def cell_text(cell) -> str:
    """A workbook cell as the form prints it: numbers keep their displayed decimals and commas."""
    value = cell.value
    if value is None:
        return ""
    if isinstance(value, bool):
        return "是" if value else "否"
    if isinstance(value, (int, float)):
        return _number_text(value, cell.number_format or "General")
    if isinstance(value, _dt.datetime):
        return value.date().isoformat() if value.time() == _dt.time() else value.isoformat(sep=" ")
    if isinstance(value, (_dt.date, _dt.time)):
        return value.isoformat()
    return clean(str(value))


def _number_text(value: int | float, number_format: str) -> str:
    """Render a number the way its Excel format shows it (the common formats only)."""
    number_format = number_format.split(";")[0]
    if number_format.endswith("%"):
        decimals = _decimals(number_format[:-1])
        return f"{value * 100:.{decimals}f}%"
    decimals = _decimals(number_format)
    if decimals:
        return f"{value:,.{decimals}f}" if "," in number_format else f"{value:.{decimals}f}"
    if float(value).is_integer():
        return f"{int(value):,}" if "," in number_format else str(int(value))
    # General format: what Excel shows, without binary noise (0.1 + 0.2 shows as 0.3).
    return f"{round(float(value), 10):f}".rstrip("0").rstrip(".")


def _decimals(number_format: str) -> int:
    """The number of zeros after the decimal point in an Excel format such as ``#,##0.00``."""
    if "." not in number_format:
        return 0
    tail = number_format.split(".", 1)[1]
    return len(tail) - len(tail.lstrip("0"))
