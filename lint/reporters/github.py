"""GitHub Actions workflow commands: one annotation per finding on the pull request's diff."""

from __future__ import annotations

from typing import TextIO

from lint.findings import FileResult, Severity
from lint.reporters import ReportContext
from lint.reporters.escape import printable

_COMMAND = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.INFO: "notice"}


def _data(text: str) -> str:
    """Escape a message the way the runner's toolkit does (``%0A`` for newlines): what
    follows is never read as a new workflow command."""
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _property(text: str) -> str:
    return _data(printable(text)).replace(":", "%3A").replace(",", "%2C")


def render(results: list[FileResult], out: TextIO, context: ReportContext) -> None:
    for result in results:
        for f in result.findings:
            properties = ",".join([
                f"file={_property(f.path)}",
                f"line={f.span.line}",
                f"col={f.span.column}",
                f"endLine={f.span.end_line}",
                f"endColumn={f.span.end_column}",
                f"title={_property(f'jxlint {f.rule} ({f.slug})')}",
            ])
            # The newline between message and hint is ours (the annotation's second line); the
            # user's own newlines and escape sequences are shown, not obeyed.
            message = printable(f.message) + (f"\n{printable(f.hint)}" if f.hint and context.show_hints else "")
            out.write(f"::{_COMMAND[f.severity]} {properties}::{_data(message)}\n")
