"""Making text from checked files safe to print, for every reporter.

Cells, names, paths, rule-pack texts and config values are written by anyone who can commit a
file. Printed raw, ``\\x1b[2J`` clears the reviewer's terminal, ``\\x1b]8;;…`` plants a link, a
newline followed by ``::error …`` fakes a GitHub annotation, and a right-to-left override
(U+202E) makes a line read differently from what it is. So every character that is not
visible text (Unicode categories Cc, Cf, Cs, Zl, Zp and the noncharacters U+FFFE/U+FFFF,
none legal in XML 1.0 or harmless on a terminal) is shown as an escape such as ``\\x1b`` or
``\\u202e``: a reader sees that it is there, and nothing the user wrote can start a line.
"""

from __future__ import annotations

import json
import re

# The code points of categories Cc, Cf, Zl, Zp (Unicode 14, and the format characters Unicode 15 added) plus surrogates and U+FFFE/FFFF.
# tests/reporters/test_escape.py checks this class against unicodedata, so a Python with a
# newer Unicode table that adds a format character fails loudly instead of letting it through.
_C0 = "\x00-\x1f"
_OTHERS = (
    "\x7f-\x9f\xad\u0600-\u0605\u061c\u06dd\u070f\u0890\u0891\u08e2\u180e"
    "\u200b-\u200f\u2028-\u202e\u2060-\u2064\u2066-\u206f\ud800-\udfff\ufeff\ufff9-\ufffb\ufffe\uffff"
    "\U000110bd\U000110cd\U00013430-\U0001343f\U0001bca0-\U0001bca3\U0001d173-\U0001d17a"
    "\U000e0001\U000e0020-\U000e007f"
)
_UNSAFE = re.compile(f"[{_C0}{_OTHERS}]")
_NAMED = {"\t": "\\t", "\n": "\\n", "\r": "\\r"}
# Lines that CI runners read as commands: GitHub's ``::error …`` and Azure's ``##vso[…]``.
_COMMAND_START = ("::", "##")


def _show(match: re.Match) -> str:
    char = match.group()
    if char in _NAMED:
        return _NAMED[char]
    code = ord(char)
    if 0xDC80 <= code <= 0xDCFF:  # a byte of a file name that is not UTF-8 (surrogateescape)
        return f"\\x{code - 0xDC00:02x}"
    if code <= 0xFF:
        return f"\\x{code:02x}"
    return f"\\u{code:04x}" if code <= 0xFFFF else f"\\U{code:08x}"


def printable(text: object) -> str:
    """``text`` with every invisible or control character shown as an escape, on one line."""
    text = str(text)
    return text if _surely_safe(text) else _UNSAFE.sub(_show, text)


def _surely_safe(text: str) -> bool:
    """True when ``text`` holds none of the escaped characters, cheaply. ``str.isprintable``
    is false for every one of them (all are of Unicode's "Other" or "Separator" categories)
    and scans ~10x faster than the class; a text it rejects (one with a newline or U+3000,
    say) is searched with the class itself."""
    return text.isprintable()


_UNSAFE_KEEPING_LAYOUT = re.compile(f"[\x00-\x08\x0b\x0c\x0e-\x1f{_OTHERS}]")


def keeping_layout(text: object) -> str:
    """:func:`printable`, but tabs and line breaks stay: for HTML, where they are only
    white space and a multi-line goal text should keep its lines."""
    text = str(text)
    return text if _surely_safe(text) else _UNSAFE_KEEPING_LAYOUT.sub(_show, text)


def pieces(text: str) -> list[str]:
    """What :func:`printable` shows for each character of ``text``, one entry per character,
    so that a caret can be placed under a cell of a line that holds escapes."""
    return [printable(char) for char in text]


def line_start(text: object) -> str:
    """:func:`printable`, and never the start of a CI command when it begins a line (a
    committed file may be called ``::error file=x::y.yaml``)."""
    shown = printable(text)
    return "./" + shown if shown.startswith(_COMMAND_START) else shown


_JSON_UNSAFE = re.compile(f"[{_OTHERS}]")  # json.dumps escapes C0 itself


def json_dumps(data: object, **kwargs) -> str:
    """``json.dumps`` that keeps Chinese readable but writes every invisible character as a
    ``\\uXXXX`` escape: the data read back is unchanged, and ``cat report.json`` is safe.

    (The encoder already escapes C0 controls; a lone surrogate from a non-UTF-8 file name is
    written as its escape too, which Python and most parsers read back.)
    """
    dumped = _ENCODER.encode(data) if not kwargs else json.dumps(data, ensure_ascii=False, **kwargs)
    return dumped if _surely_safe(dumped) else _JSON_UNSAFE.sub(_json_escape, dumped)


_ENCODER = json.JSONEncoder(ensure_ascii=False)  # what json.dumps would build anew for every call


def _json_escape(match: re.Match) -> str:
    code = ord(match.group())
    if code > 0xFFFF:
        code -= 0x10000
        return f"\\u{0xD800 + (code >> 10):04x}\\u{0xDC00 + (code & 0x3FF):04x}"
    return f"\\u{code:04x}"
