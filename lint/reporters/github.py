"""GitHub Actions workflow commands: one annotation per finding on the pull request's diff."""

from __future__ import annotations

from typing import TextIO

from lint.findings import FileResult, Severity
from lint.reporters import ReportContext

_COMMAND = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.INFO: "notice"}


def _data(text: str) -> str:
    """Escape a message the way the runner's toolkit does (``%0A`` for newlines)."""
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _property(text: str) -> str:
    return _data(text).replace(":", "%3A").replace(",", "%2C")


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
            message = f.message + (f"\n{f.hint}" if f.hint and context.show_hints else "")
            out.write(f"::{_COMMAND[f.severity]} {properties}::{_data(message)}\n")
