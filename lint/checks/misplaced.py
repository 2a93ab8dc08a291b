"""An indicator under a level it does not belong to (指标层级错位), or an input standing in for an output.

The 二级指标 says what kind of target a row sets: 数量指标 how many, 质量指标 to what
standard, 时效指标 by when, 成本指标 at what cost, 效益指标 what changes for the people
served, 满意度指标 how satisfied they are. A row whose meaning is another kind — a rate
(疫苗使用率 100%) under 数量指标, 满意度 under 效益指标, an improvement (提升绿化水平) under
a 成本 label, a funds measure (资金到位率, 预算执行率) under 质量 or 效益 — is not checked
as what it is, and the level it was put in is left without a real target. 财预〔2015〕88号
asks the review to check 相关性 (indicators relate to the project's outputs and effects);
"财力、人力和物力等投入数量不能作为绩效目标".

A rule configures one kind of misplacement: its ``where`` selects the level, and the
options say which rows do not belong there — by the head words of the 三级指标 name and by
what the value measures (see :mod:`lint.checks._kinds`). A row is reported when its name
matches ``terms`` or its main value (年度指标值, else the single column, else 实施周期指标值)
is of a kind in ``value_kinds`` (both, with ``require_both``), unless the name matches
``unless`` or the value is of a kind in ``exempt_kinds``.

Options:
    terms: regular expressions searched in the normalised 三级指标 name (spaces and quotes
        removed, full width folded, unit-only brackets dropped: see ``_names.normalise``).
    unless: regular expressions; a name matching one is never reported (a cost row about
        a negative effect, 不利影响, is a real 社会成本).
    value_kinds: value kinds that show the row is misplaced on their own: percent, money,
        count, duration, number, date, text, empty.
    exempt_kinds: value kinds that clear the row (a count under 数量指标 named "…覆盖率…"
        is still a count).
    require_both: report only when the name matches and the value is of a listed kind.
    belongs: where such a row belongs, ``{zh: …, en: …}``, for the message.
    placeholders: names that mark an empty row, not an indicator (never reported).

Located on the 三级指标 name. Message parameters: ``name`` (shortened), ``text`` (the main
value, shortened), ``level`` (the 二级指标 the row sits in, or its 一级 where the rule
selects by 一级), ``belongs``.
"""

from __future__ import annotations

from typing import Iterator

from lint.checks._kinds import KINDS, value_kind
from lint.checks._measurability import brief
from lint.checks._names import PLACEHOLDERS, is_placeholder, normalise
from lint.checks._options import Choice, Words
from lint.findings import Hit
from lint.values import parse_value

SCOPE = "indicator"
READS = ("name", "values", "level1", "level2")
OPTIONS = {
    "terms": [],
    "unless": [],
    "value_kinds": [],
    "exempt_kinds": [],
    "require_both": False,
    "belongs": {"zh": "", "en": ""},
    "placeholders": PLACEHOLDERS,
}
PATTERN_OPTIONS = ("terms", "unless")
ALLOWED = {"value_kinds": Choice(tuple(KINDS), many=True), "exempt_kinds": Choice(tuple(KINDS), many=True), "placeholders": Words()}


def check(rule, row) -> Iterator[Hit]:
    options = rule.options
    indicator = row.indicator
    name = normalise(indicator.name.text)
    if is_placeholder(name, options["placeholders"]):
        return
    if options["unless"].search(name):
        return
    cell = indicator.main_value
    value = parse_value(cell.text if cell is not None else "")
    kind = value_kind(value)
    if kind in options["exempt_kinds"]:
        return
    named = bool(options["terms"].search(name))
    measured = kind in options["value_kinds"]
    if not ((named and measured) if options["require_both"] else (named or measured)):
        return
    by_level1 = rule.where.level2 is None and rule.where.level1 is not None
    yield Hit(
        indicator.name.span,
        params={
            "name": brief(indicator.name.text),
            "text": brief(value.text) if cell is not None else "",
            "level": indicator.level1 if by_level1 else indicator.level2,
            "belongs": options["belongs"],
        },
        value=indicator.name.text,
    )
