"""Text as the checks must see it: no invisible characters, one form of each character.

Cells copied from web pages, Word or chat tools carry characters that show nothing — a
zero-width space before the unit (``≤600000\u200b元``), a byte-order mark, a soft hyphen,
direction marks. Left in, they make the value parser read "no number" or "no unit", and
the rules that should fire stay silent. The loader cleans every scalar once, so every check
sees the same text, and reports what it removed (the character is a defect of the form).

Cleaning removes every format character (Unicode category Cf) and the combining grapheme
joiner U+034F, a mark (Mn) that joins nothing in Chinese text and shows nothing; then it
applies NFKC: full-width digits and letters, ％ ＞ ＜, circled and compatibility forms become
the plain characters the value grammar reads. NFKC spares the punctuation Chinese text is
written with (，：；（） and the rest): those are the text's proper forms, not variants, and
turning them into ASCII would change every message, name and baseline entry that quotes them.
"""

from __future__ import annotations

import re
import unicodedata

_CGJ = "\u034f"
# Kept as written by NFKC (see above); the ideographic space too, the stray space of forms.
_CHINESE_PUNCTUATION = re.compile("([！（），：；？［］｛｝…\u3000]+)")

# What a finance officer may recognise; the Unicode name is the fallback.
_NAMES_ZH = {
    "\u200b": "零宽空格",
    "\u200c": "零宽不连字",
    "\u200d": "零宽连字",
    "\u2060": "零宽不换行空格",
    "\ufeff": "字节顺序标记（BOM）",
    "\u00ad": "软连字符",
    "\u200e": "从左到右标记",
    "\u200f": "从右到左标记",
    "\u202a": "从左到右嵌入",
    "\u202b": "从右到左嵌入",
    "\u202c": "方向格式结束",
    "\u202d": "从左到右覆盖",
    "\u202e": "从右到左覆盖",
    "\u2066": "从左到右隔离",
    "\u2067": "从右到左隔离",
    "\u2068": "方向隔离",
    "\u2069": "方向隔离结束",
    _CGJ: "组合字形连接符",
}


def _invisible(char: str) -> bool:
    return char == _CGJ or unicodedata.category(char) == "Cf"


def invisible_at(text: str) -> list[int]:
    """Indexes of the invisible characters in ``text``."""
    if text.isascii() or (text.isprintable() and _CGJ not in text):
        return []  # nearly every cell: every format character is non-printable
    return [index for index, char in enumerate(text) if _invisible(char)]


def clean(text: str, invisible: list[int] | None = None) -> str:
    """``text`` without invisible characters, in NFKC."""
    if text.isascii():
        return text
    if invisible is None:
        invisible = invisible_at(text)
    if invisible:
        drop = set(invisible)
        text = "".join(char for index, char in enumerate(text) if index not in drop)
    if unicodedata.is_normalized("NFKC", _CHINESE_PUNCTUATION.sub("", text)):
        return text
    pieces = _CHINESE_PUNCTUATION.split(text)  # odd indexes: the punctuation, kept
    return "".join(piece if index % 2 else unicodedata.normalize("NFKC", piece) for index, piece in enumerate(pieces))


def describe(char: str) -> dict[str, str]:
    """``U+200B 零宽空格`` / ``U+200B ZERO WIDTH SPACE``: the message parameter naming ``char``."""
    code = f"U+{ord(char):04X}"
    english = unicodedata.name(char, "FORMAT CHARACTER")
    return {"zh": f"{code}（{_NAMES_ZH.get(char, '不可见的格式字符')}）", "en": f"{code} ({english})"}
