"""A per-year figure written in the 实施周期指标值 column of a multi-year project.

实施周期指标值 is the target for the whole 实施周期; a figure per year belongs in 年度指标值.
Seed 001 粤财行（2024）117号维权与信息服务站项目 (2023–2025) writes 个案服务指标数 "90宗/年"
as its cycle value (and "30宗/年" as its annual value): read literally, the cycle target is
90 a year, 270 in all, while the table means 90 in three years.

Reported in a cycle value:

* a "/年" rate of one counter or of money: "90宗/年", "4个/年", "100000元/年". Not a unit
  standard with another denominator: "≤105000元/人/年" and "≤210元/人/天" are per-person
  standards, rightly the same in both columns.
* per-year wording around the number (option ``wording``): "每年开展10场", "全年服务≥300人次",
  "年均培训300人", "年培训维权队伍人次≥18". Not "年底前", "年内".

Only projects whose 实施周期 has at least ``min_period_years`` years: over one year "per
year" and "per period" are the same, and an open-ended project (到期年度 2099) has no
cycle total to write. Numbers in compound cells are checked part by part.

Options:
    min_period_years: the shortest 实施周期 (in years, both ends included) checked.
    wording: also report per-year wording ("每年", "全年", "年均", a leading "年").

Message parameters: ``per_year`` ("/年" or the per-year words, "每年"), ``years``,
``start``, ``end`` (the 实施周期).
"""

from __future__ import annotations

import re
from typing import Iterator

from lint.checks._context import ValueCell
from lint.checks._options import Number
from lint.checks._cycle import PER_YEAR, base_unit
from lint.findings import Hit
from lint.loading.model import ProjectTable
from lint.values import TargetValue, ValueKind

SCOPE = "value"
OPTIONS = {"min_period_years": 2, "wording": True}
ALLOWED = {"min_period_years": Number(minimum=1, maximum=100, integer=True)}

# Per-year words in the text around a number. A leading 年 counts ("年培训维权队伍人次≥18"),
# but not 年底/年末/年内/年前/年初/年中 (deadlines and times of year) or 年份.
_PER_YEAR_WORDS = re.compile(r"每年度?|全年|年均|本年度?|当年度?|^年(?!度?[底末内前初中份])度?")


def check(rule, subject: ValueCell) -> Iterator[Hit]:
    table = subject.table
    if not isinstance(table, ProjectTable):
        return
    years = table.period_years
    if years is None or years < rule.options["min_period_years"]:
        return
    per_year = next((found for part in _numbers(subject.value) if (found := _per_year(part, rule.options["wording"]))), None)
    if per_year is None:
        return
    yield Hit(
        subject.cell.span,
        params={"per_year": per_year, "years": years, "start": table.start_year.value, "end": table.end_year.value},
    )


def _numbers(value: TargetValue) -> tuple[TargetValue, ...]:
    return tuple(part for part in value.pieces if part.kind in (ValueKind.QUANTITY, ValueKind.RANGE) and part.number is not None)


def _per_year(value: TargetValue, wording: bool) -> str | None:
    """"/年" or the per-year words ("每年") of one number; None if neither."""
    if value.per_period == PER_YEAR and "/" not in base_unit(value):
        return "/" + PER_YEAR
    if wording and value.qualifier:
        match = _PER_YEAR_WORDS.search(value.qualifier)
        if match:
            return match.group()
    return None
