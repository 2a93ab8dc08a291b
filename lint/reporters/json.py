"""A JSON list of finding objects, for scripts and dashboards."""

from __future__ import annotations

import json
from typing import TextIO

from lint.findings import FileResult, Finding
from lint.reporters import ReportContext


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
    }


def render(results: list[FileResult], out: TextIO, context: ReportContext) -> None:
    findings = [as_dict(f) for result in results for f in result.findings]
    json.dump(findings, out, ensure_ascii=False, indent=2)
    out.write("\n")
