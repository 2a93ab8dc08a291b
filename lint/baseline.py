"""Baselines: adopt the gate on a repository that already has findings.

``--write-baseline FILE`` records every current finding; ``--baseline FILE`` hides the
findings recorded there. Entries are keyed by :func:`lint.findings.identity` — file
(relative to the baseline's folder), project, indicator, rule and offending value — never by
line, so editing other parts of a file neither resurrects nor loses them. A finding that was
fixed simply is not written again on the next ``--write-baseline``.
"""

from __future__ import annotations

import json
import os
from collections import Counter
from pathlib import Path, PurePosixPath

from lint.findings import FileResult, identity
from lint.writing import write_atomically

VERSION = 1
_FIELDS = ("file", "project", "indicator", "rule", "value")


class BaselineError(Exception):
    pass


def _relative(path: str, base: Path) -> str:
    if path == "-" or not os.path.exists(path):
        return PurePosixPath(path).as_posix()
    return PurePosixPath(os.path.relpath(os.path.abspath(path), os.path.abspath(base))).as_posix()


def keys(results: list[FileResult], base: Path) -> Counter:
    return Counter(identity(f, _relative(f.path, base)) for result in results for f in result.findings)


def write(path: Path, results: list[FileResult]) -> int:
    """Write the baseline atomically; returns the number of findings recorded."""
    counted = keys(results, path.parent)
    entries = [dict(zip(_FIELDS, key), count=count) for key, count in sorted(counted.items())]
    document = {"jxlint-baseline": VERSION, "findings": entries}
    write_atomically(path, json.dumps(document, ensure_ascii=False, indent=2) + "\n", force=True)
    return sum(counted.values())


def read(path: Path) -> Counter:
    try:
        document = json.loads(path.read_text(encoding="utf-8"))
        if document.get("jxlint-baseline") != VERSION:
            raise BaselineError(f"{path}: not a jxlint baseline (version {VERSION})")
        return Counter({tuple(entry[name] for name in _FIELDS): int(entry.get("count", 1)) for entry in document["findings"]})
    except OSError as error:
        raise BaselineError(f"{path}: cannot read baseline: {error.strerror or error}") from None
    except (ValueError, KeyError, TypeError, AttributeError) as error:
        raise BaselineError(f"{path}: broken baseline file ({error})") from None


class Hider:
    """Removes baselined findings from results as they stream past, at most ``count`` per entry."""

    def __init__(self, baseline: Counter, base: Path) -> None:
        self.remaining = Counter(baseline)
        self.base = base

    def __call__(self, result: FileResult) -> FileResult:
        kept = []
        for finding in result.findings:
            key = identity(finding, _relative(finding.path, self.base))
            if self.remaining[key] > 0:
                self.remaining[key] -= 1
            else:
                kept.append(finding)
        result.findings = kept
        return result
