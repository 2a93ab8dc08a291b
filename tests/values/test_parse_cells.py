"""parse_value and parse_amount on real cells of the seed tables (tests/data/seeds).

Each row is a cell exactly as the seed prints it, with its expected parse. Cells that
no seed has, added to cover a form of BRIEF §4, are in CONSTRUCTED and marked there.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass, field
from decimal import Decimal

import pytest

from lint.values import Comparison, TargetValue, ValueKind, parse_amount, parse_value, read_amount

GE, LE, GT, LT, EQ = Comparison.GE, Comparison.LE, Comparison.GT, Comparison.LT, Comparison.EQ


@dataclass(frozen=True)
class Expect:
    """Every field of the expected TargetValue except `text`; unlisted ones are checked
    against their defaults (None / False / no parts)."""

    kind: ValueKind
    comparison: Comparison | None = None
    number: int | str | None = None
    upper: int | str | None = None
    unit: str | None = None
    qualifier: str | None = None
    in_sentence: bool = False
    year: int | None = None
    month: int | None = None
    day: int | None = None
    deadline: bool = False
    per_period: str | None = None
    parts: tuple[Expect, ...] = field(default=())
    approximate: bool = False
    end_year: int | None = None
    end_month: int | None = None
    end_day: int | None = None
    recurring: bool = False
    years_after: int = 0


def Q(number, unit=None, comparison=None, **fields) -> Expect:  # noqa: N802 - table shorthand
    return Expect(ValueKind.QUANTITY, comparison, number, None, unit, **fields)


def R(lower, upper, unit=None, **fields) -> Expect:  # noqa: N802
    return Expect(ValueKind.RANGE, None, lower, upper, unit, **fields)


def DATE(**fields) -> Expect:  # noqa: N802
    return Expect(ValueKind.DATE, **fields)


def PERIOD(start, end, **fields) -> Expect:  # noqa: N802
    """A span of years (start and end are years), or with ``fields`` a span of months or dates."""
    if fields:
        return Expect(ValueKind.PERIOD, number=start, upper=end, **fields)
    return Expect(ValueKind.PERIOD, number=start, upper=end, year=start, end_year=end)


def COMPOUND(*parts, in_sentence=False) -> Expect:  # noqa: N802
    return Expect(ValueKind.COMPOUND, parts=parts, in_sentence=in_sentence)


WORDS = Expect(ValueKind.QUALITATIVE)
SENTENCE = Expect(ValueKind.UNPARSED)
EMPTY = Expect(ValueKind.EMPTY)


def _decimal(number) -> Decimal | None:
    return None if number is None else Decimal(str(number))


def check(value: TargetValue, expected: Expect) -> None:
    actual = (value.kind, value.comparison, value.number, value.upper, value.unit, value.qualifier,
              value.in_sentence, value.year, value.month, value.day, value.deadline, value.per_period,
              value.approximate, value.end_year, value.end_month, value.end_day, value.recurring, value.years_after)
    wanted = (expected.kind, expected.comparison, _decimal(expected.number), _decimal(expected.upper),
              expected.unit, expected.qualifier, expected.in_sentence, expected.year, expected.month,
              expected.day, expected.deadline, expected.per_period, expected.approximate,
              expected.end_year, expected.end_month, expected.end_day, expected.recurring, expected.years_after)
    assert actual == wanted, f"{value.text!r}"
    assert len(value.parts) == len(expected.parts), f"{value.text!r}"
    for part, expected_part in zip(value.parts, expected.parts, strict=True):
        check(part, expected_part)


# ---------------------------------------------------------------------------------------
# Seed 000: 东莞市妇女联合会 2023 部门整体预算绩效目标表 (实施周期指标值 = 年度指标值).
SEED_000 = [
    ("68个", Q(68, "个")),
    ("235个", Q(235, "个")),
    ("136个", Q(136, "个")),
    ("1860个", Q(1860, "个")),
    ("1000宗", Q(1000, "宗")),
    ("≥500人", Q(500, "人", GE)),
    ("2500个（旧中心）8000个（新中心）",
     COMPOUND(Q(2500, "个", qualifier="（旧中心）"), Q(8000, "个", qualifier="（新中心）"))),
    # The same cell as the PDF extraction breaks it over lines.
    ("2500个（旧中\n心）8000个\n（新中心）",
     COMPOUND(Q(2500, "个", qualifier="（旧中心）"), Q(8000, "个", qualifier="（新中心）"))),
    ("85%", Q(85, "%")),
    ("90%及以上", Q(90, "%", GE)),
    ("良好及以上", WORDS),
    ("100%", Q(100, "%")),
    ("1年", Q(1, "年")),
    ("单人单月专业服务时长差异率小于等于0",
     Q(0, None, LE, qualifier="单人单月专业服务时长差异率", in_sentence=True)),
    ("不超过", WORDS),
    ("≥90%", Q(90, "%", GE)),
    ("良好", WORDS),
    ("150场", Q(150, "场")),
    ("90%以上认为政治理论素养和综合素质得到提升",
     Q(90, "%", GE, qualifier="认为政治理论素养和综合素质得到提升", in_sentence=True)),
    ("满足要求", WORDS),
    ("持续改善", WORDS),
    # 年度重点工作任务 / 期望达到的目标: numbers in the goal text.
    ("开展“四新”领域妇女组织、执委工作室、阵地开展活动150场，新增“四新”领域妇女组织、阵地34个以上.",
     COMPOUND(Q(150, "场", qualifier="开展“四新”领域妇女组织、执委工作室、阵地开展活动", in_sentence=True),
              Q(34, "个", GE, qualifier="新增“四新”领域妇女组织、阵地", in_sentence=True),
              in_sentence=True)),
    ("为全市妇女儿童提供各类培训学位8000个以上",
     Q(8000, "个", GE, qualifier="为全市妇女儿童提供各类培训学位", in_sentence=True)),
]

# Seed 001: 东莞市妇女联合会 2025 项目绩效目标表 (17 projects).
SEED_001 = [
    ("≤2480691元", Q(2480691, "元", LE)),
    ("1200个", Q(1200, "个")),
    ("110个", Q(110, "个")),
    ("50场", Q(50, "场")),
    ("13个", Q(13, "个")),
    ("合格及以上", WORDS),
    ("≥85%", Q(85, "%", GE)),
    ("≤954100元", Q(954100, "元", LE)),
    ("12个", Q(12, "个")),
    ("12", Q(12)),
    ("57个", Q(57, "个")),
    ("55场", Q(55, "场")),
    ("5场", Q(5, "场")),
    ("≤720000元", Q(720000, "元", LE)),
    ("10场", Q(10, "场")),
    ("630宗", Q(630, "宗")),
    ("2期", Q(2, "期")),
    ("35宗", Q(35, "宗")),
    ("35个", Q(35, "个")),
    ("≥4000人", Q(4000, "人", GE)),
    ("85%及以上", Q(85, "%", GE)),
    ("≤270000元", Q(270000, "元", LE)),
    ("≥2场次", Q(2, "场次", GE)),
    ("≥6次", Q(6, "次", GE)),
    ("≤100000元", Q(100000, "元", LE)),
    ("2场以上", Q(2, "场", GE)),
    ("及时", WORDS),
    ("1000人以上", Q(1000, "人", GE)),
    ("≤200000元", Q(200000, "元", LE)),
    ("35个以上", Q(35, "个", GE)),
    ("≥2场", Q(2, "场", GE)),
    ("提升", WORDS),
    ("≥150场", Q(150, "场", GE)),
    ("1场", Q(1, "场")),
    ("90%或以上", Q(90, "%", GE)),
    ("增强", WORDS),
    ("85%或以上", Q(85, "%", GE)),
    ("≤210元/人/天", Q(210, "元/人/天", LE, per_period="天")),
    ("≥2期", Q(2, "期", GE)),
    ("≥95%", Q(95, "%", GE)),
    ("≥300人", Q(300, "人", GE)),
    ("学员满意度90%以上", Q(90, "%", GE, qualifier="学员满意度", in_sentence=True)),
    ("≤560000元", Q(560000, "元", LE)),
    ("150户", Q(150, "户")),
    ("50户", Q(50, "户")),
    ("6场", Q(6, "场")),
    ("2场", Q(2, "场")),
    ("18000户", Q(18000, "户")),
    ("6000户", Q(6000, "户")),
    ("1个", Q(1, "个")),
    ("完成", WORDS),
    ("持续提高", WORDS),
    ("≤144000元", Q(144000, "元", LE)),
    ("≥1场", Q(1, "场", GE)),
    ("有序推进", WORDS),
    ("≤140000元", Q(140000, "元", LE)),
    ("100以上", Q(100, None, GE)),
    ("覆盖全市", WORDS),
    ("2025年12月", DATE(year=2025, month=12)),
    ("显著", WORDS),
    ("90%以上", Q(90, "%", GE)),
    ("≤105000元/人/年", Q(105000, "元/人/年", LE, per_period="年")),
    ("1人", Q(1, "人")),
    ("≤549676元", Q(549676, "元", LE)),
    ("1场以上", Q(1, "场", GE)),
    ("提高", WORDS),
    ("≥20条（次）", Q(20, "条", GE, qualifier="（次）")),
    ("≤650元/人/天", Q(650, "元/人/天", LE, per_period="天")),
    ("1次", Q(1, "次")),
    ("90%", Q(90, "%")),
    ("有效提高", WORDS),
    ("≤208000元", Q(208000, "元", LE)),
    ("稳定运行", WORDS),
    ("≤110000元", Q(110000, "元", LE)),
    ("2025年", DATE(year=2025)),
    ("≥1000人次", Q(1000, "人次", GE)),
    ("20个", Q(20, "个")),
    ("4个/年", Q(4, "个/年", per_period="年")),
    ("90宗/年", Q(90, "宗/年", per_period="年")),
    ("30宗/年", Q(30, "宗/年", per_period="年")),
    ("12场", Q(12, "场")),
    ("4场/年", Q(4, "场/年", per_period="年")),
    ("1080", Q(1080)),
    ("360", Q(360)),
    ("4", Q(4)),
    ("540", Q(540)),
    ("180", Q(180)),
    ("≥80%", Q(80, "%", GE)),
    ("2023-2025年", PERIOD(2023, 2025)),
    ("实施周期法治宣传服务覆盖人次≥65400",
     Q(65400, None, GE, qualifier="实施周期法治宣传服务覆盖人次", in_sentence=True)),
    ("年法治宣传服务覆盖人次≥21800", Q(21800, None, GE, qualifier="年法治宣传服务覆盖人次", in_sentence=True)),
    ("实施周期培训维权队伍人次≥54", Q(54, None, GE, qualifier="实施周期培训维权队伍人次", in_sentence=True)),
    ("年培训维权队伍人次≥18", Q(18, None, GE, qualifier="年培训维权队伍人次", in_sentence=True)),
    ("实施周期维权服务覆盖人次≥1530", Q(1530, None, GE, qualifier="实施周期维权服务覆盖人次", in_sentence=True)),
    ("年维权服务覆盖人次≥510", Q(510, None, GE, qualifier="年维权服务覆盖人次", in_sentence=True)),
    # 年度目标 text of 粤财行（2024）116号: comparison words inside sentences.
    ("服务不少于20个以上不重复的“妇女之家”",
     Q(20, "个", GE, qualifier="服务不重复的“妇女之家”", in_sentence=True)),
    ("参与活动的妇女群众满意度均不低于90%", Q(90, "%", GE, qualifier="参与活动的妇女群众满意度均", in_sentence=True)),
    ("12月31日前", DATE(month=12, day=31, deadline=True)),
    ("发布各类资讯180条", Q(180, "条", qualifier="发布各类资讯", in_sentence=True)),
]

# Seed 002: 望牛墩镇 2024 项目支出绩效目标批复表.
SEED_002 = [
    ("≥30", Q(30, None, GE)),
    ("全镇", WORDS),
    ("≥95", Q(95, None, GE)),
    ("≥90", Q(90, None, GE)),
    ("≥85", Q(85, None, GE)),
    ("是", WORDS),
    ("长期", WORDS),
    ("满意", WORDS),
    ("3人", Q(3, "人")),
    ("≥93", Q(93, None, GE)),
    ("15", Q(15)),
    ("20", Q(20)),
    ("90", Q(90)),
    ("95", Q(95)),
    ("100", Q(100)),
    ("95%", Q(95, "%")),
    ("98%", Q(98, "%")),
    ("", EMPTY),  # 慰问对象获得感、幸福感: both value cells blank
    ("为100个以上普通家庭宣传及普及家庭关系提升的技能知识",
     Q(100, "个", GE, qualifier="为普通家庭宣传及普及家庭关系提升的技能知识", in_sentence=True)),
]

# Seed 004: 深圳市龙岗区妇女联合会 2022 部门整体支出绩效目标表 (one 目标值 column).
SEED_004 = [
    ("≥400 人次", Q(400, "人次", GE)),
    ("≥50 个", Q(50, "个", GE)),
    ("≥10 个", Q(10, "个", GE)),
    ("≥100%", Q(100, "%", GE)),
    ("≥35 期", Q(35, "期", GE)),
    ("≥15 个", Q(15, "个", GE)),
    ("≥4000 本", Q(4000, "本", GE)),
    ("≥500", Q(500, None, GE)),
    ("≥23 场", Q(23, "场", GE)),
    ("1 个", Q(1, "个")),
    ("≥100 人次", Q(100, "人次", GE)),
    ("≥1000 宗", Q(1000, "宗", GE)),
    ("根据来访来电实际情况提供咨询服务", SENTENCE),
    ("专版数量≥1 个，宣传视频及快闪数量≥1 个",
     COMPOUND(Q(1, "个", GE, qualifier="专版数量", in_sentence=True),
              Q(1, "个", GE, qualifier="宣传视频及快闪数量", in_sentence=True), in_sentence=True)),
    ("对 2020-2021 年纸质、电子档案进行整理、归档，做好档案工作", SENTENCE),
    ("让广大群众切身感受到党的关怀和温暖，引领妇女儿童及家庭听党话、跟党走", SENTENCE),
    ("≥1 次", Q(1, "次", GE)),
    ("对所有信息终端进行测评，出具信息风险测评报告并提出改进意见", SENTENCE),
    ("试运行效果良好，符合用户使用要求", SENTENCE),
    ("为广大妇女成长成才搭建平台、提供指导、创造环境，进行思想政治及维权、调解技能培训，提升其政治觉悟，"
     "增强志愿服务意识及能力，促进巾帼建功，引领广大妇女群众听党话、跟党走。", SENTENCE),
    ("根据工作计划及合同规定时间完成妇联妇女培训工作", SENTENCE),
    ("按照工作相关要求，在合同时限内完成相关工作", SENTENCE),
    ("6 月 30 日之前", DATE(month=6, day=30, deadline=True)),
    ("实时开展", WORDS),
    ("≤60 日", Q(60, "日", LE)),
    ("≤1309.69 万元", Q("1309.69", "万元", LE)),
    ("无", WORDS),
    ("通过本项目的实施，有效提升我会信息安全水平", SENTENCE),
    ("从传统维权向智慧维权转变，为妇女儿童提供更精准、更便捷的权益保障服务", SENTENCE),
    ("通过本项目的实施，有效提升基层妇联组织服务妇女群众的质量", SENTENCE),
    ("通过本项目的实施，引导妇女树立“四自”精神，营造有利于妇女儿童发展的社会氛围", SENTENCE),
    ("使各项业务合法合规，资金使用更加规范", SENTENCE),
    ("通过本项目的实施，有效提升群众对妇女儿童工作的关注，营造有利于妇女儿童发展的社会氛围", SENTENCE),
    ("≥360 人次", Q(360, "人次", GE)),
    ("≥95%", Q(95, "%", GE)),
    # 重点项目 绩效目标 text: 15 个以上, 35 期以上, 50 节, 95%以上.
    ("评选市、区级巾帼文明岗 15 个以上", Q(15, "个", GE, qualifier="评选市、区级巾帼文明岗", in_sentence=True)),
    ("全年播出 35 期以上", Q(35, "期", GE, qualifier="全年播出", in_sentence=True)),
    ("小组工作 50 节", Q(50, "节", qualifier="小组工作", in_sentence=True)),
    ("办结率达到 100%", Q(100, "%", GE, qualifier="办结率", in_sentence=True)),
    ("开展关爱慰问 40 人次以上", Q(40, "人次", GE, qualifier="开展关爱慰问", in_sentence=True)),
    ("推送微信 100 次以上", Q(100, "次", GE, qualifier="推送微信", in_sentence=True)),
    ("实有车辆 2 辆", Q(2, "辆", qualifier="实有车辆", in_sentence=True)),
    ("0 台（套）", Q(0, "台", qualifier="（套）")),
    ("2022 年", DATE(year=2022)),
    ("1310 万元", Q(1310, "万元")),
    ("4.3 万元", Q("4.3", "万元")),
    ("33 个", Q(33, "个")),
]

# Seed 003: 广州市荔湾区妇女联合会 2023 自评报告: numbers in the 指标完成情况 text.
SEED_003 = [
    ("297宗", Q(297, "宗")),
    ("1.5万人次", Q(15000, "人次")),
    ("98%以上", Q(98, "%", GE)),
    ("85%以上", Q(85, "%", GE)),
    ("4次", Q(4, "次")),
    ("39个", Q(39, "个")),
    ("9场", Q(9, "场")),
    ("5000人次", Q(5000, "人次")),
    ("165幅", Q(165, "幅")),
    ("8户", Q(8, "户")),
    ("39名", Q(39, "名")),
    ("1181户（次）", Q(1181, "户", qualifier="（次）")),
    ("688.34 万元", Q("688.34", "万元")),
    ("238.8 万元", Q("238.8", "万元")),
    ("14 个", Q(14, "个")),
    ("线上线下约 1.5万人次参与", Q(15000, "人次", qualifier="线上线下参与", in_sentence=True, approximate=True)),
    ("接待群众来访来电 297宗 100%办结",
     COMPOUND(Q(297, "宗", qualifier="接待群众来访来电", in_sentence=True),
              Q(100, "%", qualifier="办结", in_sentence=True), in_sentence=True)),
    ("实施周期指标值 98%以上", Q(98, "%", GE, qualifier="实施周期指标值", in_sentence=True)),
]

# Constructed: forms of BRIEF §4 that no seed cell has.
CONSTRUCTED = [
    # comparison symbols
    ("＞90%", Q(90, "%", GT)),
    ("＜5%", Q(5, "%", LT)),
    (">90%", Q(90, "%", GT)),
    ("<5%", Q(5, "%", LT)),
    ("≧90%", Q(90, "%", GE)),
    ("≦10%", Q(10, "%", LE)),
    (">=90%", Q(90, "%", GE)),
    ("<=10%", Q(10, "%", LE)),
    ("=100%", Q(100, "%", EQ)),
    ("＝100%", Q(100, "%", EQ)),
    ("≤ 5 %", Q(5, "%", LE)),
    # comparison words before the number
    ("不低于90%", Q(90, "%", GE)),
    ("不少于3场", Q(3, "场", GE)),
    ("至少2期", Q(2, "期", GE)),
    ("达到100%", Q(100, "%", GE)),
    ("大于等于95%", Q(95, "%", GE)),
    ("不高于5%", Q(5, "%", LE)),
    ("不超过100万元", Q(100, "万元", LE)),
    ("小于等于3天", Q(3, "天", LE)),
    ("大于0", Q(0, None, GT)),
    ("小于5%", Q(5, "%", LT)),
    ("超过1000人", Q(1000, "人", GT)),
    ("低于3%", Q(3, "%", LT)),
    # comparison words after the number
    ("5%以下", Q(5, "%", LE)),
    ("5%及以下", Q(5, "%", LE)),
    ("30日以内", Q(30, "日", LE)),
    ("30天之内", Q(30, "天", LE)),
    # number forms
    ("1,200", Q(1200)),
    ("≥1,200元", Q(1200, "元", GE)),
    ("1.5万", Q(15000)),
    ("≥1.5万人次", Q(15000, "人次", GE)),
    ("1.5万元", Q("1.5", "万元")),
    ("两场", Q(2, "场")),
    ("十二个", Q(12, "个")),
    ("百分之九十", Q(90, "%")),
    ("三十", Q(30)),
    ("一百二十人", Q(120, "人")),
    ("0.5", Q("0.5")),
    ("１２", Q(12)),
    ("≥１２场", Q(12, "场", GE)),
    ("千分之五", Q(5, "‰")),
    # ranges
    ("80%-90%", R(80, 90, "%")),
    ("10~20场", R(10, 20, "场")),
    ("10～20场", R(10, 20, "场")),
    ("80%至90%", R(80, 90, "%")),
    # units not in the seeds
    ("3件", Q(3, "件")),
    ("5篇", Q(5, "篇")),
    ("2家", Q(2, "家")),
    ("1所", Q(1, "所")),
    ("3项", Q(3, "项")),
    ("100份", Q(100, "份")),
    ("2套", Q(2, "套")),
    ("5台", Q(5, "台")),
    ("2小时", Q(2, "小时")),
    ("1周", Q(1, "周")),
    ("3个月", Q(3, "月")),
    ("≤5千元", Q(5, "千元", LE)),
    ("1亿元", Q(1, "亿元")),
    ("3‰", Q(3, "‰")),
    ("≤800元/亩", Q(800, "元/亩", LE)),
    # dates
    ("2025-12-31", DATE(year=2025, month=12, day=31)),
    ("2025年12月31日前", DATE(year=2025, month=12, day=31, deadline=True)),
    ("2025年度", DATE(year=2025)),
    ("12月", DATE(month=12)),
    (None, EMPTY),
    ("\t", EMPTY),
    ("通过本项目实施提升服务水平", SENTENCE),  # 13 characters, no digit: a sentence
]


# ---------------------------------------------------------------------------------------
# Other departments' tables: cells of tests/data/corpus (folder named), and the forms issue 14
# quotes from the held-back tables. Deadlines and periods are dates, not words or numbers
# missing a unit; comparators and approximate numbers as those forms print them.
OTHER_DEPARTMENTS = [
    ("11月底之前", DATE(month=11, deadline=True)),  # 05-zhalaite, 采购计划完成时间
    ("2023年12月31日", DATE(year=2023, month=12, day=31)),  # 09-wuhan-qingshan, 任务完成时间
    ("2021年全年", DATE(year=2021)),  # 15-jinzhai, 时效指标
    ("大于等于98%", Q(98, "%", GE)),  # 05-zhalaite, 设备验收及时率
    ("═100%", Q(100, "%", EQ)),  # self-assessment 01-yongde: comparator column ═, value 100, unit %
    ("﹦72890元", Q(72890, "元", EQ)),  # self-assessment 09-lijiang: ﹦ | 72890 | 元
    ("﹦90%", Q(90, "%", EQ)),
    ("≧95%", Q(95, "%", GE)),
    ("≦5%", Q(5, "%", LE)),
    ("不少于30场", Q(30, "场", GE)),
    ("2024年1月-6月", PERIOD(2024, 2024, year=2024, month=1, end_year=2024, end_month=6)),
    ("2024年年底前完成", DATE(year=2024, month=12, deadline=True)),
    ("2024年底", DATE(year=2024, month=12)),
    ("9月底到位", DATE(month=9)),
    ("2024.03-2024.11", PERIOD(2024, 2024, year=2024, month=3, end_year=2024, end_month=11)),
    ("6月30日前", DATE(month=6, day=30, deadline=True)),
    ("三季度末", DATE(month=9)),
    ("次年3月底前", DATE(month=3, deadline=True, years_after=1)),  # payments settled after the year ends
    ("下一年度6月30日前", DATE(month=6, day=30, deadline=True, years_after=1)),
    ("次年上半年", PERIOD(None, None, month=1, end_month=6, years_after=1)),
    ("≤60日", Q(60, "日", LE)),
    ("当年", DATE()),
    ("年内", DATE(deadline=True)),
    ("年底", DATE(month=12)),
    ("月底", DATE(recurring=True)),
    ("上半年", PERIOD(None, None, month=1, end_month=6)),
    ("第三季度", PERIOD(None, None, month=7, end_month=9)),
    ("2023.07", DATE(year=2023, month=7)),
    ("2024.3-12", PERIOD(2024, 2024, year=2024, month=3, end_year=2024, end_month=12)),
    ("2024-03至2024-11", PERIOD(2024, 2024, year=2024, month=3, end_year=2024, end_month=11)),
    ("二〇二五年", DATE(year=2025)),
    ("30余场", Q(30, "场", approximate=True)),
    ("约1.5万人次", Q(15000, "人次", approximate=True)),
    ("3000人左右", Q(3000, "人", approximate=True)),
    ("≥**%", Expect(ValueKind.PLACEHOLDER)),  # 15-jinzhai writes 「≤**万元」 in its names
    ("≤**万元", Expect(ValueKind.PLACEHOLDER)),
    ("X月X日", Expect(ValueKind.PLACEHOLDER)),
    ("1,234.567 8", Expect(ValueKind.UNREADABLE)),  # a PDF text layer's space inside a number
    ("1, 234.50万元", Expect(ValueKind.UNREADABLE)),
]


def _params(source: str, rows) -> list:
    return [pytest.param(text, expected, id=f"{source}-{index:03d}-{expected.kind}")
            for index, (text, expected) in enumerate(rows)]


SEED_ROWS = SEED_000 + SEED_001 + SEED_002 + SEED_004 + SEED_003
ALL_PARAMS = (_params("s000", SEED_000) + _params("s001", SEED_001) + _params("s002", SEED_002)
              + _params("s004", SEED_004) + _params("s003", SEED_003) + _params("constructed", CONSTRUCTED)
              + _params("other", OTHER_DEPARTMENTS))


def test_table_holds_at_least_150_seed_cells():
    assert len(SEED_ROWS) >= 150


@pytest.mark.parametrize(("text", "expected"), ALL_PARAMS)
def test_parse_cell(text, expected):
    value = parse_value(text)
    assert value.text == ("" if text is None else text)
    check(value, expected)


@pytest.mark.parametrize(("text", "expected"), ALL_PARAMS)
def test_format_parses_back(text, expected):
    value = parse_value(text)
    again = parse_value(value.format())
    if value.kind in (ValueKind.QUALITATIVE, ValueKind.UNPARSED, ValueKind.EMPTY):
        assert again.kind is value.kind
        return
    assert (again.kind, again.comparison, again.number, again.upper, again.unit) == (
        value.kind, value.comparison, value.number, value.upper, value.unit)
    assert (again.year, again.month, again.day, again.deadline, again.recurring) == (
        value.year, value.month, value.day, value.deadline, value.recurring)
    assert (again.end_year, again.end_month, again.end_day) == (value.end_year, value.end_month, value.end_day)
    assert [(p.comparison, p.number, p.unit) for p in again.parts] == [
        (p.comparison, p.number, p.unit) for p in value.parts]


FORMATTED = [
    ("≥954100元", "≥954100元"),
    ("≥1.5万人次", "≥15000人次"),
    ("80%-90%", "80%-90%"),
    ("10～20场", "10场-20场"),
    ("90%及以上", "≥90%"),
    ("≥400 人次", "≥400人次"),
    ("6 月 30 日之前", "6月30日前"),
    ("2025-12-31", "2025年12月31日"),
    ("2023-2025年", "2023-2025年"),
    ("3个月", "3个月"),
    ("良好", "良好"),
    ("2500个（旧中心）8000个（新中心）", "2500个；8000个"),
    ("次年3月底前", "次年3月前"),
    ("下年 1 月-6 月", "次年1月-6月"),
]


@pytest.mark.parametrize(("text", "formatted"), [
    pytest.param(text, formatted, id=f"format-{index:02d}") for index, (text, formatted) in enumerate(FORMATTED)])
def test_format(text, formatted):
    assert parse_value(text).format() == formatted


DEADLINES = [
    # (cell, budget year, last day it allows)
    ("11月底之前", 2025, datetime.date(2025, 11, 30)),
    ("2024年年底前完成", 2025, datetime.date(2024, 12, 31)),
    ("2024.03-2024.11", 2024, datetime.date(2024, 11, 30)),
    ("2024年1月-6月", 2024, datetime.date(2024, 6, 30)),
    ("三季度末", 2024, datetime.date(2024, 9, 30)),
    ("当年", 2024, datetime.date(2024, 12, 31)),
    ("月底", 2024, datetime.date(2024, 12, 31)),
    ("2月", 2024, datetime.date(2024, 2, 29)),
    ("2023-2025年", 2023, datetime.date(2025, 12, 31)),
    ("第一季度", 2023, datetime.date(2023, 3, 31)),
    ("次年3月底前", 2025, datetime.date(2026, 3, 31)),
    ("次年1月-6月", 2025, datetime.date(2026, 6, 30)),
]


@pytest.mark.parametrize(("text", "budget_year", "last"), DEADLINES)
def test_last_day_of_a_deadline(text, budget_year, last):
    assert parse_value(text).last_day(budget_year) == last


def test_last_day_needs_a_year_or_a_quantity():
    assert parse_value("11月底之前").last_day() is None
    assert parse_value("2024年底").last_day() == datetime.date(2024, 12, 31)
    assert parse_value("≥90%").last_day(2024) is None


def test_cell_over_the_length_bound_is_not_parsed():
    assert parse_value("5" + " " * 2000 + "个").kind is ValueKind.OVERLONG
    assert parse_value("5" + " " * 1000 + "个").kind is ValueKind.QUANTITY


def test_unit_chains_are_bounded_before_pint():
    value = parse_value("5元" + "/人" * 500)  # 1,002 characters: parsed, but the rate is cut at three "/"
    assert value.unit == "元/人/人/人" and value.quantity is not None


def test_int_cell_from_yaml_reads_as_its_text():
    value = parse_value(12)  # YAML loads an unquoted 年度指标值: 12 as int
    assert (value.text, value.kind, value.number) == ("12", ValueKind.QUANTITY, Decimal(12))


# ---------------------------------------------------------------------------------------
# Amounts: 预算金额 and the budget lines, as the seed prints them, with the column's unit.
AMOUNTS = [
    # seed 000, 预算金额（万元） columns and 拟投入的资金（元）
    ("7,272.70", "万元", "72727000"),
    ("3,139.95", "万元", "31399500"),
    ("3,461.01", "万元", "34610100"),
    ("0.00", "万元", "0"),
    ("671.74", "万元", "6717400"),
    ("236,100.00", "元", "236100"),
    ("700,000.00", "元", "700000"),
    ("322,000.00", "元", "322000"),
    ("772,000.00", "元", "772000"),
    ("5,241,700.00", "元", "5241700"),
    ("1,229,600.00", "元", "1229600"),
    ("7,300,000.00", "元", "7300000"),
    # seed 000 as examples/ writes it, unit in the cell
    ("7,272.70万元", "元", "72727000"),
    ("0.00万元", "元", "0"),
    ("236,100.00元", "元", "236100"),
    # seed 001, 2025年预算金额(元)
    ("2,480,691.00", "元", "2480691"),
    ("954,112.00", "元", "954112"),
    ("720,000.00", "元", "720000"),
    ("270,000.00", "元", "270000"),
    ("100,000.00", "元", "100000"),
    ("200,000.00", "元", "200000"),
    ("189,000.00", "元", "189000"),
    ("560,000.00", "元", "560000"),
    ("144,000.00", "元", "144000"),
    ("140,000.00", "元", "140000"),
    ("105,000.00", "元", "105000"),
    ("589,176.00", "元", "589176"),
    ("487,500.00", "元", "487500"),
    ("200,800.00", "元", "200800"),
    ("110,000.00", "元", "110000"),
    ("954,112.00元", "元", "954112"),
    # seed 002, 2024年预算金额 (no unit printed: 元)
    ("190000", "元", "190000"),
    ("341250", "元", "341250"),
    ("20000", "元", "20000"),
    # seed 004, 单位：万元
    ("1310", "万元", "13100000"),
    ("684", "万元", "6840000"),
    ("626", "万元", "6260000"),
    ("535", "万元", "5350000"),
    ("355", "万元", "3550000"),
    ("4.3", "万元", "43000"),
    ("8.5", "万元", "85000"),
    ("0.3", "万元", "3000"),
    ("-4.2", "万元", "-42000"),  # 增减变化金额
    ("684万元", "元", "6840000"),
    ("1310", "元", "1310"),
    # seed 003
    ("688.34 万元", "元", "6883400"),
    ("91.20万元", "元", "912000"),
]


@pytest.mark.parametrize(("text", "default_unit", "amount"), [
    pytest.param(text, unit, amount, id=f"amount-{index:02d}") for index, (text, unit, amount) in enumerate(AMOUNTS)])
def test_parse_amount(text, default_unit, amount):
    assert parse_amount(text, default_unit=default_unit) == Decimal(amount)


@pytest.mark.parametrize(("cell", "amount"), [
    (190000, "190000"),  # YAML loads an unquoted 预算金额 as int
    (1310.5, "1310.5"),
    (Decimal("954112.00"), "954112"),
])
def test_parse_amount_of_numbers(cell, amount):
    assert parse_amount(cell) == Decimal(amount)


@pytest.mark.parametrize("cell", [None, "", "无", "万元", "≤954100元", "1310万", True, float("nan")])
def test_parse_amount_rejects_non_amounts(cell):
    assert parse_amount(cell) is None


@pytest.mark.parametrize(("cell", "unreadable"), [
    ("1,234.567 8", True), ("1, 234.50万元", True), ("约100万元", True),
    ("", False), ("无", False), (None, False), ("954,112.00元", False),
])
def test_read_amount_says_when_digits_do_not_read(cell, unreadable):
    reading = read_amount(cell)
    assert reading.unreadable is unreadable
    assert reading.amount == parse_amount(cell)
