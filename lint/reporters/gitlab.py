"""GitLab Code Quality report (``artifacts: reports: codequality``)."""

from __future__ import annotations

import json
from pathlib import Path, PurePosixPath
from typing import TextIO

from lint.findings import FileResult, Severity, fingerprint
from lint.reporters import ReportContext

_SEVERITY = {Severity.ERROR: "critical", Severity.WARNING: "major", Severity.INFO: "info"}


def render(results: list[FileResult], out: TextIO, context: ReportContext) -> None:
    issues = []
    for result in results:
        for f in result.findings:
            path = PurePosixPath(Path(f.path)).as_posix()
            issues.append({
                "type": "issue",
                "description": f"{f.rule} {f.message}",
                "check_name": f"{f.rule} {f.slug}",
                "content": {"body": f.hint},
                "categories": ["Style" if f.family == "file" else "Clarity"],
                "fingerprint": fingerprint(f, path),
                "severity": _SEVERITY[f.severity],
                "location": {"path": path, "lines": {"begin": f.span.line, "end": max(f.span.end_line, f.span.line)}},
            })
    json.dump(issues, out, ensure_ascii=False, indent=2)
    out.write("\n")
