"""Per-file result cache in ``.jxlint_cache/`` (like ruff's).

An entry is keyed by the file's bytes and path, the configured rule set (every rule's
definition, severity and options), the message language, whether suppressions apply, and
the jxlint version — anything that could change a finding. Entries are written atomically,
so parallel workers and interrupted runs never leave a torn entry; a corrupt entry is a miss.
"""

from __future__ import annotations

import hashlib
import json
import os
import shutil
import tempfile
from pathlib import Path

from lint import __version__
from lint.findings import Finding, Severity, Span

DIRECTORY = ".jxlint_cache"


def default_directory() -> Path:
    """``$JXLINT_CACHE_DIR``, else ``.jxlint_cache/`` in the working folder."""
    return Path(os.environ.get("JXLINT_CACHE_DIR") or DIRECTORY).absolute()
_TAG = (
    "Signature: 8a477f597d28d172789f06886806bc55\n"
    "# This file is a cache directory tag created by jxlint.\n"
    "# For information about cache directory tags, see https://bford.info/cachedir/\n"
)


class Cache:
    def __init__(self, directory: Path) -> None:
        self.root = directory  # .jxlint_cache/ itself
        self.folder = self.root / __version__

    def key(self, context: str, path: str, data: bytes) -> str:
        digest = hashlib.sha256()
        for part in (__version__.encode(), context.encode(), path.encode("utf-8", "surrogateescape"), data):
            digest.update(len(part).to_bytes(8, "little"))
            digest.update(part)
        return digest.hexdigest()

    def get(self, key: str) -> list[Finding] | None:
        try:
            with open(self._entry(key), encoding="utf-8") as handle:
                return [_finding(item) for item in json.load(handle)]
        except (OSError, ValueError, KeyError, TypeError):
            return None

    def has(self, key: str) -> bool:
        return self._entry(key).is_file()

    def put(self, key: str, findings: list[Finding]) -> None:
        entry = self._entry(key)
        try:
            entry.parent.mkdir(parents=True, exist_ok=True)
            self._tag()
            descriptor, temporary = tempfile.mkstemp(dir=entry.parent, suffix=".tmp")
            with os.fdopen(descriptor, "w", encoding="utf-8") as handle:
                json.dump([_plain(f) for f in findings], handle, ensure_ascii=False)
            os.replace(temporary, entry)
        except OSError:
            pass  # a read-only checkout still gets its findings, just uncached

    def clean(self) -> bool:
        if not self.root.is_dir():
            return False
        shutil.rmtree(self.root)
        return True

    def _entry(self, key: str) -> Path:
        return self.folder / key[:2] / f"{key}.json"

    def _tag(self) -> None:
        tag = self.root / "CACHEDIR.TAG"
        if not tag.exists():
            tag.write_text(_TAG, encoding="utf-8")


def _plain(f: Finding) -> list:
    return [f.rule, f.slug, int(f.severity), f.message, f.path, list(f.span), f.hint, f.project, f.indicator, f.value, f.family]


def _finding(item: list) -> Finding:
    rule, slug, severity, message, path, span, hint, project, indicator, value, family = item
    return Finding(rule, slug, Severity(severity), message, path, Span(*span), hint, project, indicator, value, family)
