"""Goals that set no target: empty, a slogan, the project's name again, or a degree nobody can measure.

总体绩效目标 (实施周期总目标, 年度目标; a department's 总体绩效目标 and each task's 期望达到的
目标) says what the money is to achieve; 中发〔2018〕34号 and 财预〔2021〕101号 ask for goals
that are 指向明确、具体细化、合理可行, and the 财预〔2015〕88号 review starts with 完整性.
Four ways a goal fails, each a ``problems`` entry:

``empty``
    The goal cell is there but blank, or a project (or department) table has no goal at
    all — neither 实施周期总目标 nor 年度目标.
``slogan``
    A short text with no number that only states a direction ("推进科技事业发展",
    "进一步提高博物馆纪念馆运行效率和免费开放服务水平"): no output, no quantity. A goal is a
    slogan when it has no digit, is at most ``slogan_max_chars`` long once "目标1:" numbering
    is dropped, and starts with one of ``slogan_starts``.
``restates_name``
    The goal is the project's name with a verb or two ("村组干部报酬" → "按时发放村组干部报酬"):
    at most ``restate_extra_chars`` characters besides the name, and no number.
``vague_degree``
    A clause that promises "some" of something ("进行一定程度的补助", "有所提高") and has no
    number: the degree is the target, and it is not stated. Clauses are split at 。；; and
    line breaks, so "80%父母认为……有所提升" passes (the clause has its number).

Options:
    problems: which of the four this rule reports.
    slogan_starts: regular expressions for the opening words of a slogan.
    slogan_max_chars: the longest text still read as a slogan (longer ones describe work).
    restate_extra_chars: the most characters a goal may add to the project name and still
        only restate it.
    vague_terms: regular expressions for unmeasured degrees.

Located on the goal cell (a missing goal: on the table's name). Message parameters:
``field`` (实施周期总目标, 年度目标, 总体绩效目标, 期望达到的目标), ``text`` (the goal,
shortened), ``term`` (the vague phrase), ``project``.
"""

from __future__ import annotations

import re
from typing import Iterator

from lint.checks._measurability import brief, compact
from lint.checks._options import Choice, Number
from lint.findings import Hit
from lint.loading.model import DepartmentTable, ProjectTable
from lint.loading.tree import Cell

SCOPE = "table"
OPTIONS = {
    "problems": ["empty", "slogan", "restates_name", "vague_degree"],
    "slogan_starts": ["^(进一步|全面|持续|不断|切实|努力|积极|大力)?(推进|促进|提高|提升|加强|优化|推动|深化|改善|增强|发展|加快|助力|营造)"],
    "slogan_max_chars": 30,
    "restate_extra_chars": 6,
    "vague_terms": ["一定(程度|数量|比例|范围)", "适当(的)?(补助|补贴|提高|增加|扩大)", "有所(提高|提升|改善|增加|减少|减轻|加强|好转)",
                    "较大(幅度|程度)", "大幅(度)?(提高|提升|增加)", "尽(可能|量)"],
}
PATTERN_OPTIONS = ("slogan_starts", "vague_terms")
ALLOWED = {
    "problems": Choice(("empty", "slogan", "restates_name", "vague_degree"), many=True),
    "slogan_max_chars": Number(minimum=1, integer=True),
    "restate_extra_chars": Number(minimum=0, integer=True),
}

_NUMBERING = re.compile(r"(目标|任务)\s*[0-9一二三四五六七八九十]+\s*[:：、.]|^[0-9]+\s*[、.]")
_DIGIT = re.compile(r"[0-9０-９]")
_CLAUSE = re.compile(r"[。；;\n]|(?=目标\s*[0-9]+\s*[:：])")
_PUNCTUATION = re.compile(r"[\s，,。；;：:、\"“”]+")


def check(rule, table) -> Iterator[Hit]:
    problems = rule.options["problems"]
    goals = list(_goals(table))
    if "empty" in problems and not any(cell is not None for _, cell in goals if _ in _MAIN):
        yield Hit(table.anchor, params={"field": "总体绩效目标", "text": "", "term": "",
                                        "project": table.name})
        return
    name = _PUNCTUATION.sub("", compact(table.name))
    for field, cell in goals:
        if cell is None:
            continue
        if cell.is_blank:
            if "empty" in problems:
                yield _hit(field, cell, table)
            continue
        text = _NUMBERING.sub("", compact(cell.text))
        if _DIGIT.search(text):
            term = _vague_term(cell.text, rule) if "vague_degree" in problems else None
            if term is not None:
                yield _hit(field, cell, table, term)
            continue
        bare = _PUNCTUATION.sub("", text)
        if "restates_name" in problems and name and name in bare and len(bare) - len(name) <= rule.options["restate_extra_chars"]:
            yield _hit(field, cell, table)
        elif "slogan" in problems and len(bare) <= rule.options["slogan_max_chars"] and rule.options["slogan_starts"].search(bare):
            yield _hit(field, cell, table)
        elif "vague_degree" in problems and (term := _vague_term(cell.text, rule)) is not None:
            yield _hit(field, cell, table, term)


def _hit(field: str, cell: Cell, table, term: str = "") -> Hit:
    return Hit(cell.span, params={"field": field, "text": brief(cell.text, 30), "term": term, "project": table.name},
               value=cell.text)


_MAIN = ("实施周期总目标", "年度目标", "总体绩效目标")


def _goals(table) -> Iterator[tuple[str, Cell | None]]:
    if isinstance(table, ProjectTable):
        yield "实施周期总目标", table.cycle_goal
        yield "年度目标", table.annual_goal
    elif isinstance(table, DepartmentTable):
        yield "总体绩效目标", table.goal
        for task in table.tasks:
            if task.expected is not None:
                yield "期望达到的目标", task.expected


def _vague_term(text: str, rule) -> str | None:
    """The vague phrase of the first clause that has one and no number."""
    for clause in _CLAUSE.split(text):
        body = _NUMBERING.sub("", clause)
        match = rule.options["vague_terms"].search(body)
        if match and not _DIGIT.search(body):
            return match[0]
    return None
