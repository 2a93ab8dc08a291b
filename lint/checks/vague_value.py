"""A 指标值 that is a qualitative word or a description where a number is expected.

财预〔2021〕101号: indicators are stated "尽量进行定量表述，不能以量化形式表述的，可以采用定性的
分级分档形式表述". Values such as 良好, 提高, 及时, 持续提高, 有序推进, 满意, 是, 长期, 增强,
显著, 完成, 稳定运行, 覆盖全市, 全镇, 满足要求, 持续改善, 实时开展 say neither how much nor on
which scale, so nobody can tell afterwards whether the target was met. The value parser marks
them QUALITATIVE; a longer text without any number (UNPARSED, e.g. "通过本项目的实施，有效提升
我会信息安全水平") is the same problem written out as a sentence.

A graded term (分级分档) is accepted only when the indicator names a grade scale: 「第三方评估
等级」 = 「合格及以上」 is a target the assessment report answers; 「项目成效」 = 「良好」 is
not, because no scale says what 良好 means for 成效. Rules set ``graded`` to an empty list
where a number is always expected (数量指标, 满意度指标).

Options:
    allow: values accepted as they are. Default 不适用 and 无: a placeholder row
        (「不适用」 = 「无」) is a question for the indicator set, not for this value.
    graded: graded terms accepted on a grade-scale indicator (see ``grade_names``).
        Default 优秀, 良好, 优良, 合格, 达标, their 及以上 forms and A级 … AAAAA级.
    grade_names: regular expressions; an indicator whose name matches one names a grade
        scale (等级, 等次, 评级, 档次, 评估结果, 考核结果, 验收结果 …).
    sentences: also report a text in which the parser found no target number (UNPARSED;
        years and dates in it do not count: "对 2020-2021 年纸质、电子档案进行整理、归档").
    zero_events: regular expressions for values that say an adverse event will not happen
        (「无重大安全事故」, 「零投诉」): a count with the target zero, accepted.

Message parameters: ``name`` (the 三级指标, shortened), ``text`` (the value, shortened),
``level2`` (二级指标), ``what`` (``texts.qualitative`` or ``texts.words``: 定性描述 / 文字描述),
``suggestion`` (what kind of value the indicator wants, with an example: ``texts.floor_rate``
or ``texts.ceiling_rate`` for rates and 满意度, ``texts.count_in_unit`` (with the name's
{unit}) or ``texts.count`` for 数量指标, ``texts.deadline`` for 时效指标,
``texts.cost_cap`` for 成本指标, else ``texts.number_or_grade``).
"""

from __future__ import annotations

from typing import Iterator

from lint.checks._context import ValueCell
from lint.checks._options import Words
from lint.checks._measurability import SUGGESTION_TEXTS, ZERO_EVENTS, compact, suggestion, value_hit
from lint.checks._texts import text
from lint.findings import Hit
from lint.values import ValueKind

SCOPE = "value"
READS = ("text", "name", "level1", "level2")
OPTIONS = {
    "allow": ["不适用", "无"],
    "graded": [
        "优秀", "良好", "优良", "合格", "达标", "良好及以上", "合格及以上", "优良及以上", "达标及以上",
        "A级", "AA级", "AAA级", "AAAA级", "AAAAA级",
    ],
    "grade_names": ["等级", "等次", "评级", "级别", "档次", "评定结果", "评估结果", "考核结果", "验收结果", "评价结果"],
    "sentences": True,
    "zero_events": ZERO_EVENTS,
}
PATTERN_OPTIONS = ("grade_names", "zero_events")
ALLOWED = {"allow": Words(), "graded": Words()}
TEXTS = {"qualitative": (), "words": (), **SUGGESTION_TEXTS}


def check(rule, subject: ValueCell) -> Iterator[Hit]:
    value = subject.value
    written = compact(value.text)
    if value.kind is ValueKind.UNPARSED:
        if not rule.options["sentences"]:
            return
    elif value.kind is not ValueKind.QUALITATIVE:
        return
    if written in rule.options["allow"] or rule.options["zero_events"].search(written):
        return
    name = subject.indicator.name.text
    if written in rule.options["graded"] and rule.options["grade_names"].search(name):
        return
    yield value_hit(subject, {
        "level2": subject.indicator.level2,
        "what": text(rule, "qualitative" if value.kind is ValueKind.QUALITATIVE else "words"),
        "suggestion": suggestion(rule, subject.indicator),
    })
