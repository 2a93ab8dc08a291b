"""``check --fix``, ``--diff``, ``--fix-only`` and ``--add-suppressions``: rewriting target files.

A file is rewritten only when the rewrite still loads as a target file (and, for suppression
comments, reads as the very same data): a fix must never turn a file with findings into one
jxlint cannot read. Files are written atomically (:func:`lint.writing.atomic_output`), through
a symbolic link to the file it names, keeping the file's mode.
"""

from __future__ import annotations

import os
import re
from dataclasses import dataclass, field
from typing import IO

from lint import fixes
from lint.loading import load_target
from lint.loading.load import MAX_FILE_BYTES
from lint.loading.tree import build_tree, compose, to_plain
from lint.reading import read_regular, shown_path
from lint.suppress import _DIRECTIVE
from lint.writing import atomic_output

# A fix can make another one possible (or an overlapping one applicable): re-check and apply
# again, as ruff does, but not for ever.
_PASSES = 10
# Reported where they are: silencing an unused suppression with another suppression is circular.
_NOT_SUPPRESSIBLE = {"JX020"}


@dataclass(slots=True)
class Summary:
    fixed: int = 0  # fixes applied (or, with --diff, that would be)
    remaining: int = 0  # findings left in the checked files afterwards
    changed: list[str] = field(default_factory=list)  # files rewritten (or that would be)
    refused: list[tuple[str, str]] = field(default_factory=list)  # (file, why) left as they were


def _read(path: str) -> bytes | None:
    try:
        data = read_regular(path, MAX_FILE_BYTES)
    except OSError:
        return None  # the check reports why it cannot be read
    return data if len(data) <= MAX_FILE_BYTES else None


def _loads(path: str, data: bytes) -> bool:
    loaded = load_target(path, data)
    return loaded.target is not None and not any(hit.problem == "yaml-syntax" for hit in loaded.problems)


def _write(path: str, data: bytes) -> None:
    with atomic_output(os.path.realpath(path), binary=True) as handle:
        handle.write(data)


def fix_files(run, files: list[str], *, unsafe: bool, diff: IO[bytes] | None = None) -> Summary:
    """Apply the fixes of ``files`` (the safe ones, and with ``unsafe`` the rest); with ``diff``
    (a binary stream) write a unified diff there instead of changing any file."""
    summary = Summary()
    for path in files:
        if path == "-":
            continue  # standard input has no file to write back
        linter = run.linter(run.settings_for(path))
        shown = shown_path(path)
        original = _read(path)
        if original is None:
            continue
        data, applied = original, 0
        findings = run.check(path)
        findings = findings.findings if findings is not None else []
        for _ in range(_PASSES):
            chosen = [f.fix for f in findings if f.fix is not None and (unsafe or f.fix.safe)]
            if not chosen:
                break
            try:
                candidate, count = fixes.fix_bytes(data, chosen)
            except fixes.FixError as error:
                summary.refused.append((shown, str(error)))
                break
            if candidate == data or not _loads(shown, candidate):
                if candidate != data:
                    summary.refused.append((shown, "the fixed file would not load"))
                break
            data, applied = candidate, applied + count
            findings = linter.check_bytes(shown, data).findings
            ignored = run.settings_for(path).ignored_for(path)
            findings = [f for f in findings if not any(f.rule.startswith(i) for i in ignored)]
        summary.remaining += len(findings)
        if data == original:
            continue
        summary.fixed += applied
        summary.changed.append(shown)
        if diff is not None:
            diff.write(fixes.unified_diff(shown, original, data))
        else:
            try:
                _write(path, data)
            except OSError as error:
                summary.refused.append((shown, error.strerror or str(error)))
                summary.fixed -= applied
    return summary


_LINE = re.compile(r"([^\r\n]*)(\r\n|\r|\n|$)")


def with_suppressions(text: str, ids_by_line: dict[int, list[str]]) -> str:
    """``text`` with ``# jxlint: disable=…`` at the end of each line of ``ids_by_line``, merged
    into a ``disable`` directive the line already ends with."""
    out = []
    for number, match in enumerate(_LINE.finditer(text), start=1):
        line, end = match.groups()
        if not line and not end:
            break
        ids = ids_by_line.get(number)
        if ids:
            existing = _DIRECTIVE.search(line)
            if existing is not None and existing.group(1) == "disable":
                have = [part for part in re.split(r"[ ,]+", existing.group("ids")) if part]
                merged = have + [i for i in ids if i.upper() not in {h.upper() for h in have}]
                line = line[: existing.start("ids")] + ",".join(merged) + line[existing.end("ids"):]
            else:
                line = f"{line.rstrip()}  # jxlint: disable={','.join(ids)}"
        out.append(line + end)
    return "".join(out)


def _plain(text: str):
    root, syntax = compose(text)
    return None if syntax or root is None else to_plain(build_tree(root, text)[0])


def add_suppressions(run, files: list[str]) -> Summary:
    """Write a suppression for every current finding on its line; ``fixed`` counts them."""
    summary = Summary()
    for path in files:
        if path == "-":
            continue
        result = run.check(path)
        original = _read(path)
        if result is None or original is None:
            continue
        ids_by_line: dict[int, list[str]] = {}
        for finding in result.findings:
            if finding.rule not in _NOT_SUPPRESSIBLE and finding.rule not in ids_by_line.get(finding.span.line, []):
                ids_by_line.setdefault(finding.span.line, []).append(finding.rule)
        if not ids_by_line:
            continue
        shown = shown_path(path)
        found = fixes.codec_of(original)
        if found is None:
            summary.refused.append((shown, "the file's encoding cannot be written back byte for byte"))
            continue
        bom, codec = found
        text = original[len(bom):].decode(codec)
        before = _plain(text)
        changed = with_suppressions(text, ids_by_line)
        # A comment added inside a block scalar would become part of its text.
        if before is None or _plain(changed) != before:
            summary.refused.append((shown, "a comment on these lines would change the data"))
            continue
        try:
            _write(path, bom + changed.encode(codec))
        except (OSError, UnicodeEncodeError) as error:
            summary.refused.append((shown, getattr(error, "strerror", None) or str(error)))
            continue
        summary.fixed += sum(len(ids) for ids in ids_by_line.values())
        summary.changed.append(shown)
    return summary
