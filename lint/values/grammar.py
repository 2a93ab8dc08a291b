"""The vocabulary of value cells and the regular expressions built from it.

Everything here is compiled once, at import. Patterns run on the cell after
:data:`FOLD`, which maps each character to one character, so positions in the folded
text are positions in the cell as written (qualifiers are cut from the original).
"""

from __future__ import annotations

import re

from lint.values.model import Comparison

# Full-width and look-alike characters → the ASCII / canonical form the patterns use.
# One character to one character only (see the module docstring).
FOLD = str.maketrans({
    **{chr(0xFF10 + i): str(i) for i in range(10)},  # ０-９
    "＞": ">", "＜": "<", "＝": "=", "≧": "≥", "≦": "≤", "⩾": "≥", "⩽": "≤",
    "％": "%", "﹪": "%", "～": "~", "〜": "~", "／": "/", "．": ".",
    "－": "-", "—": "-", "–": "-",
})

# Comparison words written before the number ("不低于90%", "≥954100元").
PREFIX_COMPARISONS: dict[str, Comparison] = {
    **dict.fromkeys(["≥", ">=", "不低于", "不少于", "不小于", "至少", "达到",
                     "大于等于", "大于或等于"], Comparison.GE),
    **dict.fromkeys(["≤", "<=", "不高于", "不超过", "不大于", "不多于", "至多", "最多",
                     "小于等于", "小于或等于"], Comparison.LE),
    **dict.fromkeys([">", "大于", "超过", "高于", "多于"], Comparison.GT),
    **dict.fromkeys(["<", "小于", "低于", "少于"], Comparison.LT),
    **dict.fromkeys(["=", "等于"], Comparison.EQ),
}

# Comparison words written after the number ("90%及以上", "2场以上"). Inclusive, see
# Comparison. A bare 内 is left out: "5个内容" is not "at most 5".
SUFFIX_COMPARISONS: dict[str, Comparison] = {
    **dict.fromkeys(["以上", "及以上", "或以上"], Comparison.GE),
    **dict.fromkeys(["以下", "及以下", "或以下", "以内", "之内", "及以内"], Comparison.LE),
}

# Counters (量词): each is its own dimension in units.txt.
COUNT_UNITS = ("个", "场", "场次", "次", "宗", "件", "人", "人次", "名", "户", "期", "条",
               "篇", "本", "家", "所", "项", "份", "套", "台", "辆", "节", "幅")
TIME_UNITS = ("天", "日", "月", "年", "小时", "周")
MONEY_UNITS = ("元", "千元", "万元", "亿元")
AREA_UNITS = ("亩", "平方米")
RATIO_UNITS = ("%", "‰")
BASE_UNITS = COUNT_UNITS + TIME_UNITS + MONEY_UNITS + AREA_UNITS + RATIO_UNITS

# Short evaluative words and phrases seen in value cells. Any short phrase without a
# digit is QUALITATIVE anyway; this table is the known vocabulary for rules to use.
QUALITATIVE_WORDS = frozenset({
    "良好", "良好及以上", "优秀", "优良", "合格", "合格及以上", "达标", "满意", "基本满意",
    "比较满意", "非常满意", "较满意", "是", "否", "有", "无", "提高", "提升", "有效提高",
    "有效提升", "持续提高", "持续提升", "逐步提高", "明显提高", "显著提高", "及时", "按时",
    "准时", "按期", "及时完成", "按时完成", "按期完成", "完成", "全部完成", "持续改善",
    "改善", "明显改善", "稳定运行", "正常运行", "稳定", "正常", "安全", "不适用", "有序推进",
    "稳步推进", "显著", "明显", "增强", "有效增强", "长期", "持续", "长效", "覆盖全市",
    "全覆盖", "全镇", "满足要求", "符合要求", "达到要求", "符合标准", "不超过", "不超预算",
    "降低", "减少", "增加", "扩大", "有效", "较好", "一般", "规范", "合理", "实时开展",
})
# The qualitative words that name a grade or level (分级分档), as opposed to a
# direction ("提高") or a yes/no ("是").
GRADED_WORDS = frozenset({
    "优秀", "良好", "优良", "合格", "中等", "及格", "一般", "较差", "差", "良好及以上",
    "合格及以上", "满意", "非常满意", "比较满意", "较满意", "基本满意", "不满意",
})

# Phrases of up to this many characters without a digit are QUALITATIVE; longer
# ones are sentences (UNPARSED).
SHORT_PHRASE_MAX = 8

# Ends a clause: what comes after it belongs to the next number of a compound cell.
# 、 is not one: it lists items inside a clause ("妇女组织、阵地34个").
CLAUSE_BREAK = re.compile(r"[，,；;。]")


def _alternation(words) -> str:
    # Longest first, so 大于等于 wins over 大于 and 场次 over 场.
    return "|".join(re.escape(word) for word in sorted(words, key=len, reverse=True))


_ARABIC = r"\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?"
# 千/万/亿 after digits multiply them, unless they start a money unit (1.5万元 is 1.5 万元).
_MULTIPLIER = r"(?:\s*[千万亿](?!\s*元))?"
# Chinese numerals start with a digit or 十 (a lone 百/千/万 is a word, not a number).
_CHINESE = r"(?:[零〇一二两三四五六七八九]|十)(?:[零〇一二两三四五六七八九十百]|[千万亿](?!\s*元))*"
_FRACTION = rf"(?:百分之|千分之)\s*(?:{_ARABIC}|{_CHINESE}|百)"
# Chinese numerals only count when they are the whole cell ("两场", "十二个"): inside
# a sentence they are words ("一站式", "十四五", "两个规划").
_NUMBER_WHOLE = rf"{_FRACTION}|(?:{_ARABIC}){_MULTIPLIER}|{_CHINESE}"
_NUMBER_IN_TEXT = rf"{_FRACTION}|(?:{_ARABIC}){_MULTIPLIER}"

_BASE_UNIT = _alternation((*BASE_UNITS, "个月"))
# A unit, or a rate built from units: 元/人/天, 个/年, 元/亩.
UNIT = rf"(?:{_BASE_UNIT})(?:\s*/\s*(?:{_BASE_UNIT}))*"
_RANGE_SEPARATOR = r"[-~至到]"
_PAREN = r"[（(][^（）()]*[）)]"


def _quantity(number: str) -> str:
    """A QUANTITY or RANGE with optional comparison (before or after) and parenthesis."""
    return rf"""
        (?:(?P<prefix>{_alternation(PREFIX_COMPARISONS)})\s*)?
        (?P<number>{number})\s*(?P<unit>{UNIT})?
        (?:\s*{_RANGE_SEPARATOR}\s*(?P<upper>{number})\s*(?P<upper_unit>{UNIT})?)?
        (?:\s*(?P<suffix>{_alternation(SUFFIX_COMPARISONS)}))?
        (?:\s*(?P<paren>{_PAREN}))?
    """


QUANTITY_WHOLE = re.compile(_quantity(_NUMBER_WHOLE), re.VERBOSE)
QUANTITY_IN_TEXT = re.compile(_quantity(_NUMBER_IN_TEXT), re.VERBOSE)

_DEADLINE = r"(?P<deadline>之前|以前|前|以内|之内)?"
# 2023-2025年, 2023年-2025年度.
PERIOD = re.compile(r"(?P<start>\d{4})\s*(?:年度?)?\s*[-~至到]\s*(?P<end>\d{4})\s*年度?")
# 2025年12月31日前, 12月31日, 2025年, 6 月 30 日之前.
DATE_CHINESE = re.compile(
    r"(?:(?P<year>\d{4})\s*年度?)?\s*(?:(?P<month>\d{1,2})\s*月份?)?\s*"
    rf"(?:(?P<day>\d{{1,2}})\s*[日号])?\s*{_DEADLINE}"
)
# 2025-12-31, 2025/12/31, 2025.12.31, 2025-12.
DATE_NUMERIC = re.compile(
    r"(?P<year>\d{4})\s*(?P<separator>[-/.])\s*(?P<month>\d{1,2})"
    rf"(?:\s*(?P=separator)\s*(?P<day>\d{{1,2}}))?\s*{_DEADLINE}"
)

# Inside a sentence, digits that are not target numbers: dates, periods, and list
# markers ("1、", "目标2:"). They are masked out before looking for quantities.
NOT_A_TARGET = re.compile(r"""
      (?:19|20)\d{2}\s*(?:年度?)?\s*[-~至到]\s*(?:19|20)\d{2}\s*年
    | (?:19|20)\d{2}\s*[-/.]\s*\d{1,2}\s*[-/.]\s*\d{1,2}
    | (?:19|20)\d{2}\s*年(?:\s*\d{1,2}\s*月(?:\s*\d{1,2}\s*[日号])?)?
    | (?<![\d.])\d{1,2}\s*月(?:\s*\d{1,2}\s*[日号])?
    | (?:^|(?<=[\s，,；;。])|(?<=目标))\d{1,2}\s*[、.:：)）](?!\d)
""", re.VERBOSE)

AMOUNT = re.compile(rf"[¥￥]?\s*(?P<number>-?(?:{_ARABIC}))\s*(?P<unit>{_alternation(MONEY_UNITS)})?")

WHITESPACE = re.compile(r"\s+")
