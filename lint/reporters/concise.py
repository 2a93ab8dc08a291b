"""``path:line:col: ID [severity] message`` — one line per finding, for editors, grep and the
pre-commit hook.

Every field is escaped (:mod:`lint.reporters.escape`), so a finding is always exactly one
line and no cell can start one; the severity word is the text format's, in the same language.
"""

from __future__ import annotations

from typing import TextIO

from lint.findings import FileResult
from lint.reporters import ReportContext, capped, more_findings, severity_label
from lint.reporters.escape import line_start, printable


def render(results: list[FileResult], out: TextIO, context: ReportContext) -> None:
    for result in results:
        shown, hidden = capped(result.findings, context.max_per_rule)
        for f in shown:
            out.write(f"{line_start(f.path)}:{f.span.line}:{f.span.column}: {printable(f.rule)} "
                      f"[{severity_label(f.severity, context.lang)}] {printable(f.message)}\n")
        for rule, count in hidden.items():
            out.write(f"{line_start(result.path)}: {more_findings(rule, count, context.lang)}\n")
