"""三级指标 names as the indicator-set checks compare them.

Forms write one indicator many ways: "社区活动数(场次)" and "社区活动数（场次）",
"资金支付及时率(%)" and "资金支付及时率（%）", with stray spaces and quotes. A bracket that
holds only a unit (量词 or %) says how the value is counted, not what is counted, so it is
dropped; a bracket that says something else ("提供学位数量（旧中心）") is kept, because it
tells two indicators apart.

Rows whose name is a placeholder (不适用, 无 …) or empty are not indicators: forms print
them to fill a 二级 line that has nothing under it.
"""

from __future__ import annotations

import re
import unicodedata
from typing import Iterable

from lint.checks._memo import text_memo
from lint.checks._options import prepared
from lint.loading.model import Indicator, Table
from lint.values import ValueKind, parse_value

# Default of each check's `placeholders` option.
PLACEHOLDERS = ["不适用", "无", "暂无", "/", "-", "—"]

# After NFKC, full-width brackets and ％ are ASCII.
_INNER_BRACKET = re.compile(r"\(([^()]*)\)")
_NOISE = re.compile(r"[\s\"'“”‘’「」『』]+")
_TRAILING = re.compile(r"[。.;；,，:：]+$")


@text_memo
def normalise(name: str) -> str:
    """``"社区活动数（场次）"`` → ``"社区活动数"``; ``" 资金支付及时率(%)"`` → ``"资金支付及时率"``."""
    text = _NOISE.sub("", unicodedata.normalize("NFKC", name))
    # Innermost first, so that "(条(次))" goes in two steps.
    while (shorter := _INNER_BRACKET.sub(_drop_unit, text)) != text:
        text = shorter
    return _TRAILING.sub("", text)


def _drop_unit(bracket: re.Match) -> str:
    value = parse_value("1" + bracket[1])
    is_unit = value.kind is ValueKind.QUANTITY and value.unit == bracket[1] and not value.qualifier
    return "" if is_unit else bracket[0]


def placeholder_names(placeholders: Iterable[str]) -> frozenset[str]:
    """The ``placeholders`` option, normalised as names are."""
    return prepared(_normalised, placeholders)


def is_placeholder(name: str, placeholders: Iterable[str]) -> bool:
    """Whether the normalised ``name`` is empty or one of ``placeholders``."""
    return not name or name in placeholder_names(placeholders)


def _normalised(words: Iterable[str]) -> frozenset[str]:
    return frozenset(normalise(word) for word in words)


def real_indicators(table: Table, placeholders: Iterable[str], where=None) -> list[Indicator]:
    """The table's rows that name an indicator (not empty, not 不适用 …) and that ``where`` selects."""
    skip = placeholder_names(placeholders)
    return [
        indicator for indicator in table.indicators
        if (name := normalise(indicator.name.text)) and name not in skip
        and (where is None or where.indicator(indicator))
    ]
