"""Numbers in running text, with where they stand (the 年度目标 of seed 001's 白玉兰 project)."""

from decimal import Decimal

from lint.values import ValueKind, quantities_in, without_dates

GOAL = "购买8名项目社工，实施反家暴目，通过链接妇联、公安、司法、医院以及社区等资源，运用社会工作手法，开展个案57个，小组12个，社区活动55场，帮助受虐者及其家庭走出困境"


def test_every_quantity_with_its_position():
    found = quantities_in(GOAL)
    assert [(GOAL[q.number_start:q.end], q.value.number, q.value.unit) for q in found] == [
        ("8名", Decimal(8), "名"), ("57个", Decimal(57), "个"), ("12个", Decimal(12), "个"), ("55场", Decimal(55), "场"),
    ]
    assert all(q.value.kind is ValueKind.QUANTITY for q in found)


def test_comparisons_belong_to_the_quantity():
    text = "目标3：参与活动的妇女群众满意度均不低于90%；"
    (found,) = quantities_in(text)
    assert text[found.start:found.end] == "不低于90%"
    assert text[found.number_start:found.end] == "90%"


def test_dates_and_year_spans_are_not_targets():
    text = "目标4：12月31日前完成上述目标，2023-2025年累计服务1000人次"
    # "目标4" is a list marker without unit; 12月31日 and 2023-2025年 are not quantities at all.
    assert [(q.value.number, q.value.unit) for q in quantities_in(text)] == [(Decimal(4), None), (Decimal(1000), "人次")]
    assert len(without_dates("2023-2025年")) == len("2023-2025年")
