"""Bytes → text, in the encodings that finance offices' tools actually write.

Order of trust: a byte-order mark decides (UTF-8, UTF-16 LE/BE); then strict UTF-8; then
GB18030, which Chinese Windows tools (Excel's "Unicode text" aside) write by default.
Anything else is undecodable: the caller gets a located problem, never an exception.
"""

from __future__ import annotations

import codecs
from dataclasses import dataclass

from lint.findings import Hit, Span

_BOMS = (
    (codecs.BOM_UTF8, "utf-8-sig", "UTF-8 with BOM"),
    (codecs.BOM_UTF16_LE, "utf-16", "UTF-16 with BOM"),
    (codecs.BOM_UTF16_BE, "utf-16", "UTF-16 with BOM"),
)


@dataclass(slots=True)
class Decoded:
    text: str | None
    encoding: str  # what the file was read as, for the user: "UTF-8", "GB18030" …
    problems: list[Hit]


def decode(data: bytes) -> Decoded:
    for bom, codec, label in _BOMS:
        if data.startswith(bom):
            try:
                text = data.decode(codec)
            except UnicodeDecodeError as error:
                return Decoded(None, label, [_undecodable(data, error, label)])
            # A BOM is harmless to us but trips other tools in a shared repository.
            return Decoded(text, label, [Hit(Span.point(1, 1), {"encoding": label}, problem="encoding-not-utf8")])
    if b"\x00" in data[:8192]:
        return Decoded(None, "binary", [Hit(Span.point(1, 1), {}, problem="binary-file")])
    try:
        return Decoded(data.decode("utf-8"), "UTF-8", [])
    except UnicodeDecodeError as utf8_error:
        try:
            text = data.decode("gb18030")
        except UnicodeDecodeError:
            return Decoded(None, "unknown", [_undecodable(data, utf8_error, "UTF-8")])
        return Decoded(text, "GB18030", [Hit(Span.point(1, 1), {"encoding": "GB18030"}, problem="encoding-not-utf8")])


def _undecodable(data: bytes, error: UnicodeDecodeError, label: str) -> Hit:
    """Locate the first bad byte: its line, and its column in the characters before it."""
    good = data[: error.start].decode("utf-8", errors="replace")
    line = good.count("\n") + 1
    column = len(good) - (good.rfind("\n") + 1) + 1
    bad = data[error.start : error.start + 4].hex(" ")
    return Hit(Span.point(line, column), {"encoding": label, "bytes": bad, "offset": error.start}, problem="undecodable")
