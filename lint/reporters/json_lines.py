"""One JSON object per line (the fields of ``--format json``), for streaming consumers."""

from __future__ import annotations

from typing import TextIO

from lint.findings import FileResult
from lint.reporters import ReportContext
from lint.reporters.escape import json_dumps
from lint.reporters.json import as_dict


def render(results: list[FileResult], out: TextIO, context: ReportContext) -> None:
    for result in results:
        for f in result.findings:
            out.write(json_dumps(as_dict(f)) + "\n")
