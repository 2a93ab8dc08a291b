"""The indicator tree's level labels, as forms spell them, normalised.

Forms write 一级/二级 labels with and without the trailing 指标 and with stray spaces
("经济效益 指标", "服务对象 满意度指标"); older forms put 成本指标 under 产出指标 as a 二级
label. Everything downstream sees one canonical spelling.
"""

from __future__ import annotations

import difflib
import re

LEVEL1 = ("产出指标", "效益指标", "满意度指标", "成本指标")

LEVEL2 = (
    "数量指标",
    "质量指标",
    "时效指标",
    "成本指标",
    "经济成本指标",
    "社会成本指标",
    "生态环境成本指标",
    "经济效益指标",
    "社会效益指标",
    "生态效益指标",
    "可持续影响指标",
    "服务对象满意度指标",
    "其他满意度指标",
)

_ALIASES = {
    "社会公众或服务对象满意度指标": "服务对象满意度指标",
    "满意度指标": "服务对象满意度指标",  # a 二级 row that repeats the 一级 label
}

_SPACE = re.compile(r"\s+")


def _canonical(label: str) -> str:
    text = _SPACE.sub("", label)
    return text if text.endswith("指标") else text + "指标"


def level1(label: str) -> str | None:
    """``"产出"`` → ``"产出指标"``; None for a label that is no 一级指标."""
    text = _canonical(label)
    return text if text in LEVEL1 else None


def level2(label: str) -> str | None:
    """``"经济效益 指标"`` → ``"经济效益指标"``; None for an unknown label."""
    text = _canonical(label)
    text = _ALIASES.get(text, text)
    return text if text in LEVEL2 else None


def nearest(label: str, level: int) -> str | None:
    """The known 一级 (``level=1``) or 二级 label closest to a misspelt one, for the message."""
    known = LEVEL1 if level == 1 else LEVEL2 + tuple(_ALIASES)
    match = difflib.get_close_matches(_canonical(label), known, n=1, cutoff=0.5)
    if not match:
        return None
    return _ALIASES.get(match[0], match[0]) if level != 1 else match[0]


def is_cost(level1_label: str, level2_label: str) -> bool:
    """成本指标 as a 一级 (current forms) or as a 二级 under 产出指标 (older forms)."""
    return level1_label == "成本指标" or level2_label.endswith("成本指标")


LEVEL1_PATTERN = r"^\s*(产出|效益|满意度|成本)\s*(指\s*标)?\s*$"
LEVEL2_PATTERN = (
    r"^\s*(数\s*量|质\s*量|时\s*效|成\s*本|经\s*济\s*成\s*本|社\s*会\s*成\s*本|生\s*态\s*环\s*境\s*成\s*本"
    r"|经\s*济\s*效\s*益|社\s*会\s*效\s*益|生\s*态\s*效\s*益|可\s*持\s*续\s*影\s*响"
    r"|(社\s*会\s*公\s*众\s*或\s*)?服\s*务\s*对\s*象\s*满\s*意\s*度|其\s*他\s*满\s*意\s*度|满\s*意\s*度)\s*(指\s*标)?\s*$"
)
