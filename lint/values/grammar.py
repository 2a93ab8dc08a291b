"""The vocabulary of value cells and the regular expressions built from it.

Everything here is compiled once, at import (from the user cache once compiled before,
:mod:`lint.values.compiled`). Patterns run on the cell after
:data:`FOLD`, which maps each character to one character, so positions in the folded
text are positions in the cell as written (qualifiers are cut from the original).
"""

from __future__ import annotations

import re

from lint.values.compiled import compile_all
from lint.values.model import Comparison

# Each pattern's source, by the name it is exported under (compiled together at the end).
_SPECS: dict[str, tuple[str, int]] = {}


def _pattern(name: str, pattern: str, flags: int = 0) -> None:
    _SPECS[name] = (pattern, int(flags))

# Full-width and look-alike characters → the ASCII / canonical form the patterns use.
# One character to one character only (see the module docstring).
FOLD = str.maketrans({
    **{chr(0xFF10 + i): str(i) for i in range(10)},  # ０-９
    "＞": ">", "＜": "<", "＝": "=", "﹦": "=", "═": "=", "≧": "≥", "≦": "≤", "⩾": "≥", "⩽": "≤",
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

# The longest cell the grammar reads. A target value is a few dozen characters; a cell
# longer than this is pasted text (ValueKind.OVERLONG), and bounding it keeps every pattern
# below fast whatever the cell holds.
MAX_CELL = 2000

# Phrases of up to this many characters without a digit are QUALITATIVE; longer
# ones are sentences (UNPARSED).
SHORT_PHRASE_MAX = 8

# Ends a clause: what comes after it belongs to the next number of a compound cell.
# 、 is not one: it lists items inside a clause ("妇女组织、阵地34个").
_pattern("CLAUSE_BREAK", r"[，,；;。]")


def _alternation(words) -> str:
    # Longest first, so 大于等于 wins over 大于 and 场次 over 场.
    return "|".join(re.escape(word) for word in sorted(words, key=len, reverse=True))


_ARABIC = r"(?>\d{1,3}(?:,\d{3})++(?:\.\d++)?+|\d++(?:\.\d++)?+)"
# 千/万/亿 after digits multiply them, unless they start a money unit (1.5万元 is 1.5 万元).
_MULTIPLIER = r"(?:\s*+[千万亿](?!\s*+元))?"
# Chinese numerals start with a digit or 十 (a lone 百/千/万 is a word, not a number).
_CHINESE = r"(?:[零〇一二两三四五六七八九]|十)(?:[零〇一二两三四五六七八九十百]|[千万亿](?!\s*+元))*+"
_FRACTION = rf"(?:百分之|千分之)\s*+(?:{_ARABIC}|{_CHINESE}|百)"
# Chinese numerals only count when they are the whole cell ("两场", "十二个"): inside
# a sentence they are words ("一站式", "十四五", "两个规划").
_NUMBER_WHOLE = rf"{_FRACTION}|(?:{_ARABIC}){_MULTIPLIER}|{_CHINESE}"
_NUMBER_IN_TEXT = rf"{_FRACTION}|(?:{_ARABIC}){_MULTIPLIER}"

_BASE_UNIT = _alternation((*BASE_UNITS, "个月"))
# At most this many "/" in a rate (元/人/天 has two): a longer chain is not a unit anyone
# writes, and pint's parser recurses once per "/" (元 + "/人" × 1,000 overflowed the stack).
MAX_RATE_DEPTH = 3
# A unit, or a rate built from units: 元/人/天, 个/年, 元/亩.
UNIT = rf"(?:{_BASE_UNIT})(?:\s*+/\s*+(?:{_BASE_UNIT})){{0,{MAX_RATE_DEPTH}}}"
_RANGE_SEPARATOR = r"[-~至到]"
_PAREN = r"[（(][^（）()]*+[）)]"


def _quantity(number: str) -> str:
    """A QUANTITY or RANGE with optional comparison (before or after), approximation and parenthesis.

    Every run of spaces is matched possessively (``\\s*+``): a cell of 30,000 spaces between
    two tokens must not be tried at every split point.
    """
    return rf"""
        (?:(?P<prefix>{_alternation(PREFIX_COMPARISONS)})\s*+)?
        (?:(?P<about>{_alternation(ABOUT_WORDS)})\s*+)?
        (?P<number>{number})(?P<more>{_alternation(MORE_WORDS)})?\s*+(?P<unit>{UNIT})?
        (?:\s*+{_RANGE_SEPARATOR}\s*+(?P<upper>{number})\s*+(?P<upper_unit>{UNIT})?)?
        (?:\s*+(?P<around>左右|上下))?
        (?:\s*+(?P<suffix>{_alternation(SUFFIX_COMPARISONS)}))?
        (?:\s*+(?P<paren>{_PAREN}))?
    """


# Words that make a number approximate: 约1.5万人次, 近3000人, 30余场, 30多场 (the number is
# kept; TargetValue.approximate says it is not exact).
ABOUT_WORDS = ("约", "大约", "近", "将近", "接近")
MORE_WORDS = ("余", "多")

_pattern("QUANTITY_WHOLE", _quantity(_NUMBER_WHOLE), re.VERBOSE)
_pattern("QUANTITY_IN_TEXT", _quantity(_NUMBER_IN_TEXT), re.VERBOSE)

# --- dates and periods -------------------------------------------------------------------
# They are read from the cell without any whitespace ("6 月 30 日之前" is 6月30日之前), so
# none of these patterns has to skip spaces.

_CHINESE_DIGITS = "〇零一二三四五六七八九"
YEAR_TOKEN = rf"(?:\d{{4}}|[{_CHINESE_DIGITS}]{{4}})"  # 2025, 二〇二五
_MONTH_TOKEN = r"(?:1[0-2]|0?[1-9]|十[一二]?|[一二三四五六七八九])"
_DAY_TOKEN = r"(?:[12]\d|3[01]|0?[1-9])"
# Written before a date ("于2024年底前完成", "截至6月30日").
_DATE_LEAD = r"(?:于|在|截至|截止到|截止)?"
# A deadline word, then the verb many forms add ("9月底到位", "2024年年底前完成").
_DATE_TAIL = r"(?P<deadline>之前|以前|前|以内|之内|内)?(?P<done>完成|到位|完工|办结|结束|实现|达成|落实)?"

# 2023-2025年, 2023年-2025年度.
_pattern("PERIOD", r"(?P<start>\d{4})(?:年度?)?[-~至到](?P<end>\d{4})年度?")
# One point in time in words: 2025年12月31日, 12月31日, 2025年, 11月底, 2024年年底, 年底,
# 当年, 年内, 2021年全年, 月底, 三季度末; or a part of a year: 上半年, 第三季度, 2024年下半年;
# or a date in the year after the budget year: 次年3月底前, 下一年度6月30日.
_pattern("DATE_CHINESE", rf"""
    {_DATE_LEAD}
    (?:(?P<year>{YEAR_TOKEN})年度?|(?P<this_year>当年度?|本年度?|今年|年度(?=内)|年(?=内))
       |(?P<next_year>次年度?|翌年度?|下一?年度?|第二年度?))?
    (?:
        (?P<month>{_MONTH_TOKEN})月份?(?:(?P<day>{_DAY_TOKEN})[日号])?(?P<month_end>底|末)?
      | (?P<half>[上下])半年
      | 第?(?P<quarter>[一二三四1-4])季度(?P<quarter_end>末|底)?
      | (?:(?<=年)|(?<=年度)|年)(?P<year_end>底|末)
      | (?P<every_month>每月|月)(?:底|末)
      | (?P<whole_year>全年度?)
    )?
    {_DATE_TAIL}
""", re.VERBOSE)
# 2025-12-31, 2025/12/31, 2025.12.31, 2025-12, 2023.07.
_pattern("DATE_NUMERIC",
    rf"{_DATE_LEAD}(?P<year>\d{{4}})(?P<separator>[-/.])(?P<month>\d{{1,2}})"
    rf"(?:(?P=separator)(?P<day>\d{{1,2}}))?{_DATE_TAIL}"
)
# Where a span of dates may be cut in two: 2024.03-2024.11, 2024年1月-6月, 1月至6月. The
# separator must be followed by a digit, so "9月底到位" is not cut at 到.
_pattern("SPAN_SEPARATOR", rf"[-~至到](?=\d|[{_CHINESE_DIGITS}十])")

# Inside a sentence, digits that are not target numbers: dates, periods, and list
# markers ("1、", "目标2:"). They are masked out before looking for quantities.
_pattern("NOT_A_TARGET", r"""
      (?:19|20)\d{2}\s*+(?:年度?)?\s*+[-~至到]\s*+(?:19|20)\d{2}\s*+年
    | (?:19|20)\d{2}\s*+[-/.]\s*+\d{1,2}\s*+[-/.]\s*+\d{1,2}
    | (?:19|20)\d{2}\s*+年(?:\s*+\d{1,2}\s*+月(?:\s*+\d{1,2}\s*+[日号])?)?
    | (?<![\d.])\d{1,2}\s*+月(?:\s*+\d{1,2}\s*+[日号])?
    | (?:^|(?<=[\s，,；;。])|(?<=目标))\d{1,2}\s*+[、.:：)）](?!\d)
""", re.VERBOSE)

_pattern("AMOUNT", rf"[¥￥]?\s*+(?P<number>-?(?:{_ARABIC}))\s*+(?P<unit>{_alternation(MONEY_UNITS)})?")

# A number that a space cuts in two — PDF text layers do this: "1,234.567 8", "1, 234".
# It starts only where a digit run starts, so a long run of digits is scanned once.
_pattern("BROKEN_NUMBER", r"(?<![\d,.])(?:\d++,\s++\d|(?:\d{1,3}(?:,\d{3})++(?:\.\d++)?+|\d++\.\d++)\s++\d)")

# A template cell that was never filled in: ≥**%, X月X日, **人次. Each run stands where a
# digit should; the cell is a placeholder when it reads as a value with a digit in its place.
_pattern("PLACEHOLDER_RUN", r"(?<![A-Za-z])(?:[*＊]++|[XxＸｘ×]{1,4}+)(?![A-Za-z])")

_pattern("WHITESPACE", r"\s+")

_COMPILED = compile_all("grammar", _SPECS)
CLAUSE_BREAK = _COMPILED["CLAUSE_BREAK"]
QUANTITY_WHOLE = _COMPILED["QUANTITY_WHOLE"]
QUANTITY_IN_TEXT = _COMPILED["QUANTITY_IN_TEXT"]
PERIOD = _COMPILED["PERIOD"]
DATE_CHINESE = _COMPILED["DATE_CHINESE"]
DATE_NUMERIC = _COMPILED["DATE_NUMERIC"]
SPAN_SEPARATOR = _COMPILED["SPAN_SEPARATOR"]
NOT_A_TARGET = _COMPILED["NOT_A_TARGET"]
AMOUNT = _COMPILED["AMOUNT"]
BROKEN_NUMBER = _COMPILED["BROKEN_NUMBER"]
PLACEHOLDER_RUN = _COMPILED["PLACEHOLDER_RUN"]
WHITESPACE = _COMPILED["WHITESPACE"]
