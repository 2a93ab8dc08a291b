"""Rich terminal text: findings grouped by file, each with its source line and a caret."""

from __future__ import annotations

from collections import Counter
from typing import TextIO

from rich.console import Console
from rich.markup import escape
from rich.text import Text

from lint.findings import FileResult, Severity
from lint.reporters import ReportContext

_STYLE = {Severity.ERROR: "bold red", Severity.WARNING: "yellow", Severity.INFO: "cyan"}
_LABEL = {
    "zh": {Severity.ERROR: "错误", Severity.WARNING: "警告", Severity.INFO: "提示"},
    "en": {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.INFO: "info"},
}
_HINT = {"zh": "建议", "en": "hint"}


def render(results: list[FileResult], out: TextIO, context: ReportContext) -> None:
    console = Console(file=out, force_terminal=context.color, no_color=context.color is False,
                      highlight=False, soft_wrap=True)
    labels = _LABEL[context.lang]
    counts: Counter = Counter()
    files = 0
    for result in results:
        files += 1
        if not result.findings:
            continue
        console.print(Text(result.path, style="bold underline"))
        for f in result.findings:
            counts[f.severity] += 1
            where = f"{f.path}:{f.span.line}:{f.span.column}"
            console.print(
                f"  [dim]{escape(where)}[/] [{_STYLE[f.severity]}]{labels[f.severity]}[/] "
                f"[bold]{f.rule}[/] {escape(f.message)}"
            )
            line = result.line(f.span.line)
            if line is not None:
                _print_source(console, line, f.span)
            if context.show_hints and f.hint:
                console.print(f"      [green]{_HINT[context.lang]}：[/]{escape(f.hint)}" if context.lang == "zh"
                              else f"      [green]{_HINT[context.lang]}:[/] {escape(f.hint)}")
        console.print()
    _print_summary(console, counts, files, context.lang)


def _print_source(console: Console, line: str, span) -> None:
    """The offending line with a caret under the cell; wide (CJK) characters count double."""
    prefix = f"  {span.line:>5} | "
    console.print(Text(prefix, style="dim") + Text(line.expandtabs()))
    start = span.column - 1
    end = span.end_column - 1 if span.end_line == span.line and span.end_column > span.column else start + 1
    before = _width(line[:start])
    marked = max(1, _width(line[start:end]))
    console.print(Text(" " * len(prefix) + " " * before + "^" * marked, style="bold magenta"))


def _width(text: str) -> int:
    from rich.cells import cell_len

    return cell_len(text.expandtabs())


def _print_summary(console: Console, counts: Counter, files: int, lang: str) -> None:
    total = sum(counts.values())
    if lang == "zh":
        if not total:
            console.print(f"[green]检查了 {files} 个文件，没有发现问题。[/]")
            return
        parts = "，".join(f"{_LABEL['zh'][s]} {counts[s]}" for s in sorted(counts, reverse=True))
        console.print(f"检查了 {files} 个文件，发现 {total} 个问题（{parts}）。")
    else:
        if not total:
            console.print(f"[green]Checked {files} files: no problems found.[/]")
            return
        parts = ", ".join(f"{counts[s]} {_LABEL['en'][s]}" for s in sorted(counts, reverse=True))
        console.print(f"Checked {files} files: {total} problems ({parts}).")
