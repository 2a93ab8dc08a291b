"""Number forms of the tables: 1,200 / 2,480,691.00 / 1.5万 / 十二 / 两 / 百分之九十."""

from __future__ import annotations

import decimal
from decimal import Decimal

_DIGITS = {"零": 0, "〇": 0, "一": 1, "二": 2, "两": 2, "三": 3, "四": 4,
           "五": 5, "六": 6, "七": 7, "八": 8, "九": 9}
_SMALL_UNITS = {"十": 10, "百": 100, "千": 1000}
_MULTIPLIERS = {"千": 1000, "万": 10_000, "亿": 100_000_000}
# 百分之X is X percent, 千分之X is X permille.
_FRACTION_WORDS = {"百分之": "%", "千分之": "‰"}


def parse_number(text: str) -> tuple[Decimal, str | None] | None:
    """The number a NUMBER token stands for, and the unit the token implies.

    The token is one the grammar matched: Arabic digits with optional thousands commas
    and a trailing 千/万/亿 multiplier, Chinese numerals, or 百分之/千分之 + a number
    (which implies % / ‰). None for a number too large to convert or scale.
    """
    text = "".join(text.split())
    implied = None
    for word, unit in _FRACTION_WORDS.items():
        if text.startswith(word):
            text, implied = text[len(word):], unit
    try:
        number = _arabic(text) if text[0].isdigit() else Decimal(_chinese(text))
    except (decimal.DecimalException, ValueError):  # ValueError: int ↔ str digit limit
        return None
    return number, implied


def scale(number: Decimal, factor: int) -> Decimal:
    """number × factor, written without a spurious fraction: 1.5 × 10000 → 15000."""
    if factor == 1:
        return number
    product = number * factor
    if product == product.to_integral_value():
        return product.to_integral_value()
    return product.normalize()


def format_decimal(number: Decimal | None) -> str:
    """Plain digits, never an exponent: Decimal("1.5E+4") → "15000"."""
    return "" if number is None else format(number, "f")


def _arabic(text: str) -> Decimal:
    factor = _MULTIPLIERS.get(text[-1], 1)
    digits = text.rstrip("".join(_MULTIPLIERS)).replace(",", "")
    return scale(Decimal(digits), factor)


def _chinese(text: str) -> int:
    """十二 → 12, 一百零五 → 105, 两万五千 → 25000; a bare digit string 二〇二五 → 2025."""
    if all(char in _DIGITS for char in text):
        return int("".join(str(_DIGITS[char]) for char in text))
    total = section = digit = 0
    for char in text:
        if char in _DIGITS:
            digit = _DIGITS[char]
        elif char in _SMALL_UNITS:
            # A unit without a digit before it counts once: 十二 is 12.
            section += (digit or 1) * _SMALL_UNITS[char]
            digit = 0
        elif char == "万":
            total += (section + digit) * 10_000
            section = digit = 0
        else:  # 亿 scales everything before it: 一亿两千万 is 1亿 + 2000万.
            total = (total + section + digit) * 100_000_000
            section = digit = 0
    return total + section + digit
