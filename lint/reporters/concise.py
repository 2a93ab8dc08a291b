"""``path:line:col: ID [severity] message`` — one line per finding, for editors and grep."""

from __future__ import annotations

from typing import TextIO

from lint.findings import FileResult
from lint.reporters import ReportContext


def render(results: list[FileResult], out: TextIO, context: ReportContext) -> None:
    for result in results:
        for f in result.findings:
            out.write(f"{f.path}:{f.span.line}:{f.span.column}: {f.rule} [{f.severity}] {f.message}\n")
