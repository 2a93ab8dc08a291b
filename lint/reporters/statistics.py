"""``--statistics``: the number of findings per rule, most frequent first, and the total.

Columns are padded by display width (错误 is four columns wide, like ``warning`` is seven),
and the severity is the word the text and concise formats use in the same language.
"""

from __future__ import annotations

from collections import Counter
from typing import TextIO

from rich.cells import cell_len

from lint.findings import FileResult
from lint.reporters import ReportContext, severity_label
from lint.reporters.escape import printable

_TOTAL = {"zh": "合计", "en": "total"}


def render(results: list[FileResult], out: TextIO, context: ReportContext) -> None:
    counts = Counter((f.rule, f.slug, f.severity) for result in results for f in result.findings)
    rows = [(f"{count:,}", printable(rule), f"[{severity_label(severity, context.lang)}]", printable(slug))
            for (rule, slug, severity), count in sorted(counts.items(), key=lambda item: (-item[1], item[0][0]))]
    total = f"{sum(counts.values()):,}"
    widths = [max([cell_len(row[column]) for row in rows] + [cell_len(total) if column == 0 else 0])
              for column in range(3)]
    for row in rows:
        out.write(f"{row[0]:>{widths[0]}}  " + "  ".join(_pad(cell, width) for cell, width in zip(row[1:3], widths[1:]))
                  + f"  {row[3]}\n")
    out.write(f"{total:>{widths[0]}}  {_TOTAL[context.lang]}\n")


def _pad(text: str, width: int) -> str:
    return text + " " * (width - cell_len(text))
