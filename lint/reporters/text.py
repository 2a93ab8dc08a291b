"""Rich terminal text: findings grouped by file, each with its source line and a caret.

The file's path is printed once as a header; each finding under it starts with its
``line:col``. A source line longer than the terminal is cut around the offending cell (as
ruff and rustc do), so the caret always sits under the cell within the width, and a
quoted cell is underlined without its quotes. Everything taken from the checked file or a
rule pack goes through :mod:`lint.reporters.escape` and is printed as plain
:class:`~rich.text.Text`, never as markup.
"""

from __future__ import annotations

from collections import Counter
from typing import TextIO

from rich.cells import cell_len
from rich.text import Text

from lint.findings import FileResult, Severity, Span
from lint.reporters import ReportContext, capped, console, more_findings, severity_label
from lint.reporters.escape import line_start, pieces, printable

_STYLE = {Severity.ERROR: "bold red", Severity.WARNING: "yellow", Severity.INFO: "cyan"}
_HINT = {"zh": "建议：", "en": "hint: "}
_FIX = {"zh": "建议修改：", "en": "fix: "}
_FIXABLE = {"zh": "[可自动修复]", "en": "[fixable]"}
_UNSAFE_FIX = {"zh": "[可自动修复：需 --unsafe-fixes]", "en": "[fixable with --unsafe-fixes]"}
_ELLIPSIS = "…"
_MIN_SOURCE_WIDTH = 20  # below this a cut line shows too little to recognise the cell


def render(results: list[FileResult], out: TextIO, context: ReportContext) -> None:
    terminal = console(out, context.color)
    counts: Counter = Counter()
    files = 0
    for result in results:
        files += 1
        if not result.findings:
            continue
        counts.update(f.severity for f in result.findings)
        terminal.print(Text(line_start(result.path), style="bold underline"))
        shown, hidden = capped(result.findings, context.max_per_rule)
        for f in shown:
            terminal.print(Text.assemble(
                ("  ", ""), (f"{f.span.line}:{f.span.column}", "dim"), "  ",
                (severity_label(f.severity, context.lang), _STYLE[f.severity]), "  ",
                (printable(f.rule), "bold"), "  ", printable(f.message),
            ))
            line = result.line(f.span.line)
            if line is not None:
                for row in source_lines(line, f.span, terminal.width):
                    terminal.print(row)
            if context.show_hints and f.hint:
                terminal.print(Text.assemble("      ", (_HINT[context.lang], "green"), printable(f.hint)))
            if f.fix is not None:
                marker = _FIXABLE if f.fix.safe else _UNSAFE_FIX
                terminal.print(Text.assemble("      ", (_FIX[context.lang], "green"), printable(f.fix.description), " ",
                                             (marker[context.lang], "dim")))
        for rule, count in hidden.items():
            terminal.print(Text("  " + more_findings(rule, count, context.lang), style="dim"))
        terminal.print()
    if not context.quiet:
        _print_summary(terminal, counts, files, context.lang, verdict(counts, context))


def source_lines(line: str, span: Span, width: int) -> tuple[Text, Text]:
    """The line (cut to ``width`` around the cell when longer) and the caret line under it."""
    start, end = _marked(line, span)
    prefix = f"  {span.line:>5} | "
    room = max(_MIN_SOURCE_WIDTH, width - len(prefix))
    # Only the characters near the cell can be shown; escaping a whole 80 KB line per finding
    # is what made a long generated file print hundreds of megabytes slowly.
    low, high = max(0, start - 2 * room), min(len(line), start + 3 * room)
    shown = pieces(line[low:high])
    widths = [cell_len(piece) for piece in shown]
    first, last = _window(widths, start - low, min(end, high) - low, room, low > 0, high < len(line))
    left = low + first > 0
    right = low + last < len(line)
    text = (_ELLIPSIS if left else "") + "".join(shown[first:last]) + (_ELLIPSIS if right else "")
    before = (1 if left else 0) + sum(widths[first:start - low])
    marked = max(1, sum(widths[start - low:min(end - low, last)]))
    return (Text(prefix, style="dim") + Text(text),
            Text(" " * (len(prefix) + before)) + Text("^" * marked, style="bold magenta"))


def _marked(line: str, span: Span) -> tuple[int, int]:
    """The characters of ``line`` to underline: the cell, without its quotes."""
    start = min(span.column - 1, len(line))
    if span.end_line > span.line:
        end = len(line)
    else:
        end = min(span.end_column - 1, len(line))
    if end <= start:
        return start, start + 1
    if end - start >= 3 and line[start] in "\"'" and line[end - 1] == line[start]:
        return start + 1, end - 1
    return start, end


def _window(widths: list[int], start: int, end: int, room: int, cut_left: bool, cut_right: bool) -> tuple[int, int]:
    """The slice ``[first, last)`` of characters to show: the whole when it fits in ``room``
    cells, else the cell (as much of it as fits) with context added on both sides in turn."""
    total = len(widths)
    if not cut_left and not cut_right and sum(widths) <= room:
        return 0, total

    def cost(first: int, last: int, used: int) -> int:
        return used + (first > 0 or cut_left) + (last < total or cut_right)

    first = min(start, total)
    last, used = first, 0
    while last < max(end, first + 1) and last < total and cost(first, last + 1, used + widths[last]) <= room:
        used += widths[last]
        last += 1
    grew = True
    while grew:
        grew = False
        if first > 0 and cost(first - 1, last, used + widths[first - 1]) <= room:
            first -= 1
            used += widths[first]
            grew = True
        if last < total and cost(first, last + 1, used + widths[last]) <= room:
            used += widths[last]
            last += 1
            grew = True
    return first, last


def _print_summary(terminal, counts: Counter, files: int, lang: str, reason: str) -> None:
    total = sum(counts.values())
    order = [s for s in Severity.most_severe_first() if counts[s]]
    if lang == "zh":
        if not total:
            terminal.print(Text(f"检查了 {files} 个文件，没有发现问题。", style="green"))
            return
        parts = "，".join(f"{severity_label(s, lang)} {counts[s]}" for s in order)
        terminal.print(Text(f"检查了 {files} 个文件，发现 {total} 个问题（{parts}）。{reason}"))
    else:
        if not total:
            terminal.print(Text(f"Checked {files} {_plural(files, 'file')}: no problems found.", style="green"))
            return
        parts = ", ".join(_counted(counts[s], s, lang) for s in order)
        terminal.print(Text(f"Checked {files} {_plural(files, 'file')}: {total} {_plural(total, 'problem')} ({parts}). {reason}"))


def verdict(counts: Counter, context: ReportContext) -> str:
    """Why these findings fail or pass the run (the exit code's reason), in a sentence;
    empty without findings or when the caller did not say what decides."""
    if not counts or context.fail_level is None:
        return ""
    lang, level = context.lang, context.fail_level
    flag = f"--fail-level={level}"
    seen = [s for s in Severity.most_severe_first() if counts[s]]
    failing = [s for s in seen if s >= level]
    named = failing or seen
    if lang == "zh":
        listed = "和".join(f"{counts[s]} 个{severity_label(s, lang)}" for s in named)
        if failing and context.exit_zero:
            return f"有 {listed}；因 --exit-zero 不算失败。"
        if failing:
            return f"有 {listed}，按 {flag} 算作失败。"
        return f"有 {listed}；按 {flag} 不算失败。"
    listed = " and ".join(_counted(counts[s], s, lang) for s in named)
    if failing and context.exit_zero:
        return f"{listed.capitalize()}; --exit-zero: not a failure."
    if failing:
        return f"{listed.capitalize()} at or above {flag}: a failure."
    return f"{listed.capitalize()}; below {flag}, so not a failure."


def _counted(count: int, severity: Severity, lang: str) -> str:
    return f"{count} {severity_label(severity, lang)}{'s' if count != 1 and severity != Severity.INFO else ''}"


def _plural(count: int, word: str) -> str:
    return word if count == 1 else word + "s"
