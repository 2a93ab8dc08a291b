"""A percentage on an indicator that names no rate: ``维护社会稳定 ≥95%`` is 95% of nothing.

A percentage is a share of something: 覆盖率 of the people entitled, 合格率 of the items
accepted, 满意度 of the people asked. When the 三级指标 names no such share — a slogan
(维护社会稳定, 促进村集体经济发展, 保护生态环境卫生) or a state (确保日常工作正常运行) — the
percentage has no numerator and no denominator, so nobody can count whether it was met.
财预〔2021〕101号 asks for indicators that can be measured; 中发〔2018〕34号 for targets that
are 指向明确.

A name defines a share when it carries a rate word (率, 度, 比例, 占比, 覆盖, 满意 …), a
compliance or completion word that reads as "the share that …" (符合, 达标, 完成, 按时,
发放 …), or a change (提高, 降低, 增长 … by so many percent). Those words are the
``rate_words`` option.

A name without a rate word is reported only when it reads as a slogan (``slogan_words``): it
opens with a verb of intent or ends in an abstract noun. Other names are given the benefit of
the doubt: "安全事故发生 ≤1%" names something countable.

Options:
    rate_words: regular expressions; a name matching one defines what the percentage is of.
    slogan_words: regular expressions; only a name matching one (and no rate word) is
        reported.
    placeholders: names that mark an empty row (不适用, 无 …): never reported.

A number inside a sentence ("企业所得税减按15%征收") is the sentence's business (JX101). A
实施周期指标值 that repeats the 年度指标值 is reported once, on the 年度指标值.

Located on the value cell. Message parameters: ``name`` (shortened), ``text`` (the value).
"""

from __future__ import annotations

from typing import Iterator

from lint.checks._context import ValueCell
from lint.checks._kinds import repeats_annual, value_kind
from lint.checks._measurability import brief
from lint.checks._names import PLACEHOLDERS, is_placeholder, normalise
from lint.checks._options import Words
from lint.findings import Hit

SCOPE = "value"
READS = ("text", "name", "values", "column")
OPTIONS = {
    "rate_words": [
        "率", "(?<![年季制])度", "比例", "占比", "比重", "覆盖", "满意", "百分", "%", "％",
        "达标", "达到", "合格", "优良", "完成", "满足", "符合", "按照", "依照", "按时", "及时", "准时", "到位", "执行",
        "使用", "普及", "参与", "知晓", "通过", "准确", "正确", "成功", "落实", "兑现", "发放", "拨付", "兑付", "支付",
        "增长", "增加", "提高", "提升", "降低", "下降", "减少", "节约", "节省", "缩短", "幅度", "变化",
    ],
    # A name that defines no share is reported only when it reads as a slogan: it opens with a
    # verb of intent (维护社会稳定, 确保日常工作正常运行) or ends in an abstract noun (家庭发展能力,
    # 项目维持时效). Other names without a rate word ("安全事故发生") are left alone: they may
    # name something countable that a rate word would only spell out.
    "slogan_words": [
        "^(维护|促进|保护|确保|保障|推动|推进|加强|营造|助力|提升|改善|实现|加快|深化|落实|巩固|增强)",
        "(稳定|发展|能力|水平|环境|氛围|意识|时效|性|作用|影响|推进|运行|建设|卫生|秩序|效果|成效)$",
    ],
    "placeholders": PLACEHOLDERS,
}
PATTERN_OPTIONS = ("rate_words", "slogan_words")
ALLOWED = {"placeholders": Words()}


def check(rule, subject: ValueCell) -> Iterator[Hit]:
    if repeats_annual(subject) or subject.value.in_sentence:
        return
    if not any(value_kind(piece) == "percent" for piece in subject.value.pieces):
        return
    name = normalise(subject.indicator.name.text)
    if is_placeholder(name, rule.options["placeholders"]):
        return
    if rule.options["rate_words"].search(name) or not rule.options["slogan_words"].search(name):
        return
    yield Hit(subject.cell.span, params={"name": brief(subject.indicator.name.text), "text": brief(subject.value.text)})
