"""A JSON list of finding objects, for scripts and dashboards."""

from __future__ import annotations

from typing import TextIO

from lint.findings import FileResult, Finding
from lint.reporters import ReportContext
from lint.reporters.escape import json_dumps


def as_dict(f: Finding) -> dict:
    return {
        "file": f.path,
        "line": f.span.line,
        "column": f.span.column,
        "end_line": f.span.end_line,
        "end_column": f.span.end_column,
        "rule": f.rule,
        "slug": f.slug,
        "family": f.family,
        "severity": str(f.severity),
        "message": f.message,
        "hint": f.hint,
        "project": f.project,
        "indicator": f.indicator,
        "value": f.value,
        "fix": None if f.fix is None else fix_dict(f.fix),
    }


def fix_dict(fix) -> dict:
    return {
        "description": fix.description,
        "applicability": fix.applicability,
        "edits": [{"line": e.span.line, "column": e.span.column, "end_line": e.span.end_line,
                   "end_column": e.span.end_column, "text": e.text} for e in fix.edits],
    }


def render(results: list[FileResult], out: TextIO, context: ReportContext) -> None:
    """A JSON array with one finding per line: written as results stream in, and with
    the C encoder (an indented dump of a province's findings takes seconds)."""
    separator = "[\n  "
    for result in results:
        for f in result.findings:
            out.write(separator)
            out.write(json_dumps(as_dict(f)))
            separator = ",\n  "
    out.write("[]\n" if separator.startswith("[") else "\n]\n")
