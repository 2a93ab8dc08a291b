"""What the measurability checks share: reading an indicator's name for its unit and direction.

A 三级指标's name often says what its value should look like: "咨询服务数（宗）" is counted in
宗, "培训出勤率" is a percentage that should be at least something, "服务时长差异率" one that
should be at most something. These helpers read that, so that a message can say what to
write ("写成「1080宗」", "应写下限「≥85%」") instead of only what is wrong.
"""

from __future__ import annotations

import re

from lint.checks._memo import text_memo
from lint.checks._texts import text
from lint.findings import Hit
from lint.loading import labels
from lint.loading.model import Indicator
from lint.values import BASE_UNITS, COUNT_UNITS, Comparison, parse_value

PERCENT = "%"
# The value that means "all of it" for a ratio unit.
FULL = {"%": 100, "‰": 1000}

# Words in an indicator name that make lower better, so its bound is a ceiling (≤).
CEILING_WORDS = (
    "差异", "偏差", "误差", "投诉", "事故", "发生率", "差错", "出错", "失误", "故障", "返工",
    "流失", "超支", "违规", "违纪", "不合格", "逾期", "延误", "缺勤", "空置", "损耗", "失败率",
)

# A value that says an adverse event will not happen is a count with the target zero:
# 「安全事故」 = 「无重大安全事故」, 「投诉」 = 「零投诉」. Reviewers accept it as measurable (the
# year-end check is a count), so it is neither vague nor a restated name.
ZERO_EVENTS = [
    r"^(?:无|零|未发生|不发生|杜绝|没有)(?:发生)?(?:重特大|重大|较大|严重|任何)?[\u4e00-\u9fff]{0,8}?"
    r"(?:事故|投诉|事件|差错|违规|违纪|案件|纠纷|失误|故障|伤亡|火灾|泄密|舆情|上访|信访)(?:发生)?$",
]

_SPACE = re.compile(r"\s+")
_FULL_WIDTH = str.maketrans({"％": "%", "（": "(", "）": ")"})
_BRACKETED_UNIT = re.compile(r"\(\s*([^()]+?)\s*\)\s*$")
# A rate or a share measured in % ("培训出勤率", "目标人群认可度").
_RATE_NAME = re.compile(r"(率|满意度|认可度|认同度|知晓度|覆盖度)$")
_SATISFACTION_NAME = re.compile(r"满意度|满意率|认可度|认同度")
# "信息发布条数" is counted in 条, "举办活动场次" in 场次, "服务群众人数" in 人. A one-character
# counter needs the 数 after it: "平台", "成本" and "周期" end in 台, 本 and 期 by accident.
_COUNTED_IN = re.compile(
    r"(场次|人次)数?$|(" + "|".join(sorted(map(re.escape, COUNT_UNITS), key=len, reverse=True)) + ")数$"
)
_UNIT_AT_END = re.compile(
    "(" + "|".join(sorted(map(re.escape, BASE_UNITS), key=len, reverse=True)) + ")$"
)


@text_memo
def compact(text: str) -> str:
    """The cell without spaces (PDF line breaks split words: "≥400 人次"), full-width ％（） folded."""
    return _SPACE.sub("", text).translate(_FULL_WIDTH)


def brief(text: str, limit: int = 24) -> str:
    """A cell short enough to quote in a one-line message."""
    text = _SPACE.sub(" ", text).strip()
    return text if len(text) <= limit else text[: limit - 1] + "…"


def value_hit(subject, params: dict, fix=None) -> Hit:
    """A finding on a value cell (a :class:`~lint.checks._context.ValueCell`) whose message
    quotes the indicator's ``name`` and the cell's ``text``, both shortened, beside ``params``."""
    return Hit(subject.cell.span, params={"name": brief(subject.indicator.name.text), "text": brief(subject.value.text), **params},
               fix=fix)


def bracketed_unit(name: str) -> str | None:
    """The unit the name gives in brackets: "咨询服务数（宗）" → 宗, "会议出勤率（%）" → %."""
    match = _BRACKETED_UNIT.search(compact(name))
    return match[1] if match and match[1] in BASE_UNITS else None


def printed_unit(name: str) -> str | None:
    """The unit the form prints in the name itself: "改造面积(平方米)" → 平方米, "完成及时率%" → %.

    Narrower than :func:`name_unit`: a rate's name ("合格率") implies % but does not print it.
    """
    unit = bracketed_unit(name)
    if unit:
        return unit
    text = compact(name)
    if text.endswith(PERCENT):
        return PERCENT
    match = _BRACKETED_UNIT.search(text)
    # Any unit the value parser knows, not only the base ones ("(元/人)", "(万元)").
    return match[1] if match and parse_value("1" + match[1]).unit == match[1] else None


def name_unit(name: str) -> str | None:
    """The unit the indicator is measured in, as far as its name tells; None when it does not."""
    unit = bracketed_unit(name)
    if unit:
        return unit
    stem = _BRACKETED_UNIT.sub("", compact(name))
    if _RATE_NAME.search(stem):
        return PERCENT
    counted = _COUNTED_IN.search(stem)
    return (counted[1] or counted[2]) if counted else None


def unit_at_end(words: str | None) -> str | None:
    """The unit a label ends with: "年法治宣传服务覆盖人次" → 人次 (the number after it needs none)."""
    if not words:
        return None
    match = _UNIT_AT_END.search(compact(words))
    return match[1] if match else None


def names_a_rate(words: str | None) -> bool:
    return bool(words) and bool(_RATE_NAME.search(compact(words)))


def is_satisfaction(indicator: Indicator) -> bool:
    return indicator.level1 == "满意度指标" or bool(_SATISFACTION_NAME.search(indicator.name.text))


_CEILING = re.compile("|".join(CEILING_WORDS))


def bound_for(name: str, ceiling_names: re.Pattern = _CEILING) -> Comparison:
    """≥ for an indicator where more is better (出勤率, 满意度), ≤ where less is (差异率, 投诉率)."""
    return Comparison.LE if ceiling_names.search(name) else Comparison.GE


# The texts a rule needs whose message suggests what kind of value to write (:func:`suggestion`).
SUGGESTION_TEXTS = {
    "floor_rate": (), "ceiling_rate": (), "cost_cap": (), "deadline": (), "count_in_unit": ("unit",), "count": (),
    "number_or_grade": (),
}


def suggestion(rule, indicator: Indicator) -> dict[str, str]:
    """What kind of value this indicator wants, with an example, for a fix hint: the rule's
    text for the kind (one of :data:`SUGGESTION_TEXTS`)."""
    name = indicator.name.text
    unit = name_unit(name)
    if is_satisfaction(indicator) or unit in FULL:
        return text(rule, "floor_rate" if bound_for(name) is Comparison.GE else "ceiling_rate")
    if labels.is_cost(indicator.level1, indicator.level2):
        return text(rule, "cost_cap")
    if indicator.level2 == "时效指标":
        return text(rule, "deadline")
    if unit:
        return text(rule, "count_in_unit", unit=unit)
    if indicator.level2 == "数量指标":
        return text(rule, "count")
    return text(rule, "number_or_grade")
