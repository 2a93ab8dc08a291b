"""YAML syntax errors explained as the typing slip that caused them, where the slip is.

A parser reports where it gave up, which for the commonest slips of people typing Chinese
forms is the line after the slip, in English parser terms: a full-width colon
(``单位：某某县教育局``), a colon without its space (``年度:2025``), a tab in the
indentation, a quote or bracket that is never closed. Each is recognised here and told in
the user's language, with what to type, at the line and column of the slip itself.

A suspected colon slip is confirmed by repairing it in a copy of the text and parsing again:
the slip is the cause only if the error then goes away or moves further down. Anything
else keeps the parser's own words at the parser's position.
"""

from __future__ import annotations

import re
from typing import Callable

import yaml

from lint.findings import Hit, Span

# At most this many repaired copies are parsed per file, nearest the error first: a slip
# sits at or shortly before the place the parser gave up.
_TRIES = 8
# A key is the start of a block line (after indentation and an optional "- "); a short label.
_KEY_START = re.compile(r"^(\s*(?:-\s+)*)(?=[^\s#'\"{\[\]}&*!|>%@`,?:-])")
_MAX_LABEL = 40
_LINE_BREAK = re.compile("\r\n|[\r\n\x85\u2028\u2029]")  # where YAML's marks count a new line


def explain(text: str, error: yaml.MarkedYAMLError, reparse: Callable[[str], yaml.MarkedYAMLError | None]) -> Hit:
    lines = _LINE_BREAK.split(text)
    for diagnose in (_tab, _unclosed, _extra_closing):
        hit = diagnose(lines, error)
        if hit is not None:
            return hit
    hit = _colon_slip(lines, error, reparse)
    if hit is not None:
        return hit
    mark = error.problem_mark or error.context_mark
    english = " ".join(part for part in (error.context, error.problem) if part)
    span = _within(lines, mark.line + 1, mark.column + 1) if mark else Span.point(1, 1)
    return _hit(span, english, english)


def detail_text(hit: Hit, lang: str = "en") -> str:
    """The syntax problem of ``hit`` in one language, for pack and config errors."""
    detail = hit.params.get("detail", hit.problem)
    return detail.get(lang, detail.get("en", "")) if isinstance(detail, dict) else str(detail)


def _hit(span: Span, zh: str, en: str) -> Hit:
    return Hit(span, {"detail": {"zh": zh, "en": en}}, problem="yaml-syntax")


def _within(lines: list[str], line: int, column: int) -> Span:
    """libyaml reports an unexpected end of input one line past the last: point at the end
    of the last line instead, where a reporter can show it."""
    if len(lines) > 1 and lines[-1] == "":  # the text's final line break
        lines = lines[:-1]
    if line > len(lines):
        return Span.point(len(lines), len(lines[-1]) + 1)
    return Span.point(line, column)


def _char(lines: list[str], mark) -> str:
    if mark is None or mark.line >= len(lines):
        return ""
    line = lines[mark.line]
    return line[mark.column] if mark.column < len(line) else ""


def _tab(lines: list[str], error) -> Hit | None:
    mark = error.problem_mark
    if mark is None or mark.line >= len(lines):
        return None
    line = lines[mark.line]
    column = mark.column if _char(lines, mark) == "\t" else None
    if column is None:
        indent = line[: len(line) - len(line.lstrip(" \t"))]
        if "\t" not in indent:
            return None
        column = indent.index("\t")
    return _hit(Span.point(mark.line + 1, column + 1),
                "这里有制表符（Tab）：YAML 的缩进只能用空格，请把 Tab 换成空格，和上下行对齐",
                "a tab character here: YAML indentation must use spaces; replace the tab with spaces aligned with the lines around it")


def _unclosed(lines: list[str], error) -> Hit | None:
    mark = error.context_mark
    opening = _char(lines, mark)
    context = error.context or ""
    if "quoted scalar" in context and opening in ("'", '"'):
        return _hit(Span.point(mark.line + 1, mark.column + 1),
                    f"这里的引号 {opening} 没有结束：在这个值的末尾补上 {opening}，或去掉这个引号",
                    f"the quote {opening} opened here is never closed: add {opening} at the end of the value, or remove it")
    closing = {"[": "]", "{": "}"}.get(opening)
    if closing and ("flow sequence" in context or "flow mapping" in context):
        return _hit(Span.point(mark.line + 1, mark.column + 1),
                    f"这里的「{opening}」没有对应的「{closing}」：在这一项末尾补上「{closing}」（或补上项与项之间的逗号）；"
                    f"如果括号是文字的一部分，请给整个值加引号",
                    f"the '{opening}' opened here has no matching '{closing}': add '{closing}' at the end of the item "
                    f"(or the comma between items); if the bracket is part of the text, quote the whole value")
    return None


def _extra_closing(lines: list[str], error) -> Hit | None:
    mark = error.problem_mark
    closing = _char(lines, mark)
    if closing not in ("]", "}") or "flow" in (error.context or ""):
        return None
    return _hit(Span.point(mark.line + 1, mark.column + 1),
                f"多了一个「{closing}」：删除它；如果括号是文字的一部分，请给整个值加引号",
                f"an extra '{closing}': remove it; if the bracket is part of the text, quote the whole value")


def _colon_candidates(lines: list[str], last: int):
    """(line, column, repaired line, slip) for each block line up to ``last``, nearest first."""
    for index in range(min(last, len(lines) - 1), -1, -1):
        line = lines[index]
        start = _KEY_START.match(line)
        if start is None:
            continue
        begin = start.end()
        half, full = line.find(":", begin), line.find("：", begin)
        if full != -1 and (half == -1 or full < half) and 0 < len(line[begin:full].strip()) <= _MAX_LABEL:
            rest = line[full + 1 :].strip()
            yield index, full, line[:full].rstrip() + ":" + (" " + rest if rest else ""), "full-width"
        elif half != -1 and 0 < half - begin <= _MAX_LABEL and line[half + 1 : half + 2] not in ("", " ", "\t", "/", ":"):
            yield index, half, line[: half + 1] + " " + line[half + 1 :], "no-space"


def _colon_slip(lines: list[str], error, reparse) -> Hit | None:
    mark = error.problem_mark or error.context_mark
    if mark is None:
        return None
    where = (mark.line, mark.column)
    for tries, (index, column, repaired, slip) in enumerate(_colon_candidates(lines, mark.line)):
        if tries >= _TRIES:
            break
        after = reparse("\n".join(lines[:index] + [repaired] + lines[index + 1 :]))
        if after is not None and (after.problem_mark or after.context_mark) is not None:
            moved = after.problem_mark or after.context_mark
            if (moved.line, moved.column) <= where:
                continue
        label = lines[index][_KEY_START.match(lines[index]).end() : column].strip()
        value = repaired[repaired.index(":", column) + 1 :].strip()
        return _hit(Span.point(index + 1, column + 1), *colon_slip(label, value, full_width=slip == "full-width"))
    return None


def colon_slip(label: str, value: str, *, full_width: bool) -> tuple[str, str]:
    """What to say (zh, en) about a key typed with a full-width colon or no space after it."""
    typed = f"{label}: {value}" if value else f"{label}:"
    if full_width:
        return (f"「{label}」后面是全角冒号「：」：YAML 要用半角冒号加空格，请改成 {typed}",
                f"a full-width colon '：' after '{label}': YAML needs an ASCII colon and a space; type {typed}")
    return (f"「{label}」后面的冒号缺少空格：冒号后要有一个空格，请改成 {typed}",
            f"no space after the colon of '{label}': YAML needs a space after the colon; type {typed}")
