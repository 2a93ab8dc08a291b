"""The user's cache folder (``$XDG_CACHE_HOME/jxlint/<version>``) for start-up artefacts.

Not the per-repository result cache (``.jxlint_cache``): this holds what depends only on
jxlint's own data — compiled schema validators, the parsed rule packs, pint's answers about
our units — so that a pre-commit run on one file starts in milliseconds. Everything here is
derived, keyed by a hash of its source, written atomically, and safe to delete; where the
folder cannot be written, callers simply compute again.
"""

from __future__ import annotations

import hashlib
import os
import tempfile
from pathlib import Path

from lint import __version__


def folder() -> Path:
    base = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    return Path(base) / "jxlint" / __version__


def digest(*parts: bytes | str) -> str:
    hasher = hashlib.sha256()
    for part in parts:
        data = part.encode("utf-8") if isinstance(part, str) else part
        hasher.update(len(data).to_bytes(8, "little"))
        hasher.update(data)
    return hasher.hexdigest()[:20]


def write(path: Path, data: bytes) -> None:
    """Write atomically (parallel workers may race to write the same entry); errors are ignored."""
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        descriptor, temporary = tempfile.mkstemp(dir=path.parent, suffix=".tmp")
        with os.fdopen(descriptor, "wb") as handle:
            handle.write(data)
        os.replace(temporary, path)
    except OSError:
        pass
