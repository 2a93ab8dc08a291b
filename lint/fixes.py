"""Fixes: the one correct rewrite of a finding, as edits to the file.

A check (or the loader) that knows the replacement attaches a :class:`Fix` to its hit: one or
more :class:`Edit` (a span of the file → new text), a one-line description and an
applicability. ``safe`` fixes cannot change what the table means (quoting an amount a comma
split, removing invisible characters, a misspelt label); ``unsafe`` ones change a target the
unit must confirm (the unit taken from the other column, a cost cap set to the budget), so
``--fix`` applies them only with ``--unsafe-fixes``.

Spans are the loader's: 1-based line and column in characters of the decoded text, lines
broken where YAML breaks them. Edits are applied to that text, which is re-encoded with the
encoding the file was read in, so everything an edit does not touch — comments, order,
quoting, line endings, a byte-order mark, GB18030 — stays byte for byte.
"""

from __future__ import annotations

import codecs
import difflib
import re
from dataclasses import dataclass
from typing import Iterable

import yaml

from lint.findings import Span

SAFE, UNSAFE = "safe", "unsafe"
_LINE_BREAK = re.compile("\r\n|[\r\n\x85\u2028\u2029]")  # where YAML's marks count a new line


@dataclass(frozen=True, slots=True)
class Edit:
    span: Span  # end exclusive; an empty span inserts
    text: str


@dataclass(frozen=True, slots=True)
class Fix:
    """``description`` is one line, or {"zh": …, "en": …} until the engine renders it."""

    description: object
    edits: tuple[Edit, ...]
    applicability: str = SAFE

    def rendered(self, lang: str) -> "Fix":
        text = self.description
        if isinstance(text, dict):
            text = text.get(lang, text.get("zh", ""))
        return Fix(str(text), self.edits, self.applicability)

    @property
    def safe(self) -> bool:
        return self.applicability == SAFE


# -- making edits -------------------------------------------------------------------------------


def _as_written(cell) -> bool:
    """Whether ``cell.text`` is the scalar exactly as it stands on its one line, so that an index
    into the text is a column of the file (escapes, folding and cleaning break that)."""
    span = cell.span
    return span.line == span.end_line and span.end_column - span.column == len(cell.text) + 2 * cell.quoted


def content_span(cell) -> Span | None:
    """The span of a one-line scalar's content: inside its quotes when quoted."""
    span = cell.span
    if span.line != span.end_line:
        return None
    return Span(span.line, span.column + cell.quoted, span.line, span.end_column - cell.quoted)


def replace_cell(cell, new: str) -> Edit | None:
    """The edit that makes a one-line scalar read ``new``, keeping its quotes; a plain scalar
    that ``new`` could not be written as plainly is double-quoted. None where the scalar spans
    lines or ``new`` needs escapes inside the quotes it has."""
    inner = content_span(cell)
    if inner is None:
        return None
    if cell.quoted:
        return Edit(inner, new) if not any(char in new for char in "\"'\\\n") else None
    return Edit(inner, new if _plain_reads_as(new) else quoted(new))


def replace_in_cell(cell, start: int, end: int, new: str) -> Edit | None:
    """Replace ``cell.text[start:end]`` by ``new`` where the text is as written (else None)."""
    if not _as_written(cell):
        return None
    base = cell.span.column + cell.quoted
    return Edit(Span(cell.span.line, base + start, cell.span.line, base + end), new)


def quoted(text: str) -> str:
    """``text`` as a YAML double-quoted scalar."""
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'


def _plain_reads_as(text: str) -> bool:
    """Whether ``text`` written plain, as a flow or block value, reads back as that string."""
    try:
        return yaml.safe_load("{k: " + text + "}") == {"k": text} and yaml.safe_load("k: " + text) == {"k": text}
    except Exception:  # noqa: BLE001 - a text that reads as a bad date raises ValueError: quote it
        return False


def fix(description, edits: Iterable[Edit | None], applicability: str = SAFE) -> Fix | None:
    """A fix of ``edits``, or None when any edit could not be made (a fix is all or nothing)."""
    edits = tuple(edits)
    if not edits or any(edit is None for edit in edits):
        return None
    return Fix(description, edits, applicability)


# -- applying edits -----------------------------------------------------------------------------


class FixError(Exception):
    """The edits cannot be applied to this text (they overlap, or point outside it)."""


def _line_starts(text: str) -> list[int]:
    return [0] + [match.end() for match in _LINE_BREAK.finditer(text)]


def _offset(starts: list[int], text: str, line: int, column: int) -> int:
    if not 0 < line <= len(starts):
        raise FixError(f"line {line} is outside the file")
    offset = starts[line - 1] + column - 1
    limit = starts[line] if line < len(starts) else len(text)
    if not starts[line - 1] <= offset <= limit:
        raise FixError(f"column {column} is outside line {line}")
    return offset


def apply_edits(text: str, edits: Iterable[Edit]) -> tuple[str, int]:
    """``text`` with the edits that do not overlap an earlier one applied, and how many were
    skipped for overlapping (the next run applies them, against the fixed text)."""
    starts = _line_starts(text)
    placed = []
    for edit in edits:
        start = _offset(starts, text, edit.span.line, edit.span.column)
        end = _offset(starts, text, edit.span.end_line, edit.span.end_column)
        if end < start:
            raise FixError("an edit ends before it starts")
        placed.append((start, end, edit.text))
    placed.sort(key=lambda item: (item[0], item[1]))
    pieces, position, skipped = [], 0, 0
    for start, end, new in placed:
        if start < position:
            skipped += 1
            continue
        pieces += [text[position:start], new]
        position = end
    pieces.append(text[position:])
    return "".join(pieces), skipped


def apply_fixes(text: str, fixes: Iterable[Fix]) -> tuple[str, int]:
    """``text`` with every fix whose edits overlap no earlier fix's applied (a fix is applied
    whole or not at all); and how many fixes were applied."""
    starts = _line_starts(text)
    taken: list[tuple[int, int]] = []
    chosen: list[Edit] = []
    applied = 0
    for candidate in fixes:
        ranges = [(_offset(starts, text, e.span.line, e.span.column), _offset(starts, text, e.span.end_line, e.span.end_column))
                  for e in candidate.edits]
        if any(start < other_end and other_start < end or start == other_start
               for start, end in ranges for other_start, other_end in taken):
            continue
        taken += ranges
        chosen += candidate.edits
        applied += 1
    return apply_edits(text, chosen)[0], applied


# -- bytes in, bytes out ------------------------------------------------------------------------

_BOMS = ((codecs.BOM_UTF8, "utf-8"), (codecs.BOM_UTF16_LE, "utf-16-le"), (codecs.BOM_UTF16_BE, "utf-16-be"))


def codec_of(data: bytes) -> tuple[bytes, str] | None:
    """The byte-order mark and codec that read ``data`` back to exactly these bytes, as the
    loader decodes it (a BOM, else UTF-8, else GB18030); None when no codec round-trips."""
    for bom, codec in _BOMS:
        if data.startswith(bom):
            return (bom, codec) if _round_trips(data[len(bom):], codec) else None
    for codec in ("utf-8", "gb18030"):
        if _round_trips(data, codec):
            return b"", codec
    return None


def _round_trips(data: bytes, codec: str) -> bool:
    try:
        return data.decode(codec).encode(codec) == data
    except (UnicodeDecodeError, UnicodeEncodeError):
        return False


def fix_bytes(data: bytes, fixes: Iterable[Fix]) -> tuple[bytes, int]:
    """The file's bytes with ``fixes`` applied, in the file's own encoding; and how many were
    applied. Raises :class:`FixError` when the file cannot be written back as it was read."""
    found = codec_of(data)
    if found is None:
        raise FixError("the file's encoding cannot be written back byte for byte")
    bom, codec = found
    text = data[len(bom):].decode(codec)
    fixed, applied = apply_fixes(text, fixes)
    try:
        return bom + fixed.encode(codec), applied
    except UnicodeEncodeError:
        raise FixError(f"the fixed text cannot be written in {codec}") from None


def decode_as_loader(data: bytes) -> str | None:
    """The text the loader's spans point into (no byte-order mark)."""
    found = codec_of(data)
    return None if found is None else data[len(found[0]):].decode(found[1])


def unified_diff(path: str, before: bytes, after: bytes) -> bytes:
    """A diff of the two versions that ``patch -p1`` applies (``a/`` and ``b/`` prefixes).

    The lines are in the file's own encoding (GB18030 stays GB18030, a UTF-8 byte-order mark
    stays on the first line), as ``diff -u`` writes them, so the patch gives back these very
    bytes; only the file names are UTF-8. A UTF-16 file's lines are written as UTF-8: ``patch``
    works on bytes and cannot apply a UTF-16 diff at all. Lines are the file's own text: a file
    that loads holds no C0 or C1 control character (YAML does not allow them), so none reaches
    the terminal.
    """
    found = codec_of(before)
    if found is None or found[1].startswith("utf-16"):
        codec = "utf-8"
        old, new = (decode_as_loader(data) or "" for data in (before, after))
    else:  # decoded as a whole, a UTF-8 byte-order mark stays on the first line as U+FEFF
        codec = found[1]
        old, new = (data.decode(codec, "surrogateescape") for data in (before, after))
    lines = difflib.unified_diff(old.splitlines(keepends=True), new.splitlines(keepends=True),
                                 fromfile=f"a/{path}", tofile=f"b/{path}")
    out = []
    for index, line in enumerate(lines):
        if not line.endswith(("\n", "\r")):
            line += "\n\\ No newline at end of file\n"
        out.append(line.encode("utf-8", "surrogateescape") if index < 2 else line.encode(codec, "surrogateescape"))
    return b"".join(out)
