"""Baselines: adopt the gate on a repository that already has findings.

``--write-baseline FILE`` records every current finding; ``--baseline FILE`` hides the
findings recorded there. Entries are keyed by :func:`lint.findings.identity` — file
(relative to the baseline's folder), project, indicator, rule and offending value — never by
line, so editing other parts of a file neither resurrects nor loses them. A finding that was
fixed simply is not written again on the next ``--write-baseline``. The file is written
atomically with the mode an ordinary file gets (:mod:`lint.writing`); a run with
``--baseline`` says how many findings it hid (:meth:`Hider.summary`).
"""

from __future__ import annotations

import json
import os
from collections import Counter
from pathlib import Path, PurePosixPath

from lint.findings import FileResult, identity
from lint.reading import NotRegularFile, read_regular, shown_path
from lint.writing import write_atomically

VERSION = 1
_FIELDS = ("file", "project", "indicator", "rule", "value")
_MAX_BYTES = 256 * 1024 * 1024  # a baseline of every finding in a province is a few MB
_MESSAGES = {
    "not-baseline": {"zh": "{path}：不是 jxlint 基线文件（版本 {version}）",
                     "en": "{path}: not a jxlint baseline (version {version})"},
    "unreadable": {"zh": "{path}：无法读取基线文件：{reason}", "en": "{path}: cannot read baseline: {reason}"},
    "broken": {"zh": "{path}：基线文件已损坏（{reason}）", "en": "{path}: broken baseline file ({reason})"},
    "too-big": {"zh": "超过 {limit} MB", "en": "over {limit} MB"},
    "written": {"zh": "已把 {count} 个发现记入基线 {path}", "en": "wrote {count} findings to the baseline {path}"},
    "hidden": {"zh": "基线 {path} 隐藏了 {count} 个已记录的发现", "en": "the baseline {path} hid {count} recorded findings"},
}


def message(name: str, lang: str, **params) -> str:
    """One of this module's messages in ``lang`` (zh or en)."""
    if "path" in params:
        params["path"] = shown_path(str(params["path"]))
    return _MESSAGES[name].get(lang, _MESSAGES[name]["en"]).format(**params)


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


def read(path: Path, lang: str = "en") -> Counter:
    try:
        data = read_regular(path, _MAX_BYTES)
        if len(data) > _MAX_BYTES:
            raise BaselineError(message("broken", lang, path=path, reason=message("too-big", lang, limit=_MAX_BYTES >> 20)))
        document = json.loads(data.decode("utf-8"))
        if document.get("jxlint-baseline") != VERSION:
            raise BaselineError(message("not-baseline", lang, path=path, version=VERSION))
        return Counter({tuple(entry[name] for name in _FIELDS): int(entry.get("count", 1)) for entry in document["findings"]})
    except NotRegularFile as error:
        reason = f"不是普通文件（{error.kind_zh}）" if lang == "zh" else error.strerror
        raise BaselineError(message("unreadable", lang, path=path, reason=reason)) from None
    except OSError as error:
        raise BaselineError(message("unreadable", lang, path=path, reason=error.strerror or error)) from None
    except (ValueError, KeyError, TypeError, AttributeError) as error:
        raise BaselineError(message("broken", lang, path=path, reason=error)) from None


class Hider:
    """Removes baselined findings from results as they stream past, at most ``count`` per entry."""

    def __init__(self, baseline: Counter, base: Path) -> None:
        self.remaining = Counter(baseline)
        self.base = base
        self.hidden = 0

    def __call__(self, result: FileResult) -> FileResult:
        kept = []
        for finding in result.findings:
            key = identity(finding, _relative(finding.path, self.base))
            if self.remaining[key] > 0:
                self.remaining[key] -= 1
                self.hidden += 1
            else:
                kept.append(finding)
        result.findings = kept
        return result
