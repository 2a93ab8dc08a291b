"""GitLab Code Quality report (``artifacts: reports: codequality``)."""

from __future__ import annotations

from pathlib import Path, PurePosixPath
from typing import TextIO

from lint.findings import FileResult, Severity, fingerprints
from lint.reporters import ReportContext
from lint.reporters.escape import json_dumps

_SEVERITY = {Severity.ERROR: "critical", Severity.WARNING: "major", Severity.INFO: "info"}


def render(results: list[FileResult], out: TextIO, context: ReportContext) -> None:
    issues = []
    for result in results:
        path = PurePosixPath(Path(result.path)).as_posix()
        for f, print_ in zip(result.findings, fingerprints(result.findings, path)):
            issues.append({
                "type": "issue",
                "description": f"{f.rule} {f.message}",
                "check_name": f"{f.rule} {f.slug}",
                "content": {"body": f.hint},
                "categories": ["Style" if f.family == "file" else "Clarity"],
                "fingerprint": print_,
                "severity": _SEVERITY[f.severity],
                "location": {"path": path, "lines": {"begin": f.span.line, "end": max(f.span.end_line, f.span.line)}},
            })
    out.write(json_dumps(issues, indent=2))
    out.write("\n")
