"""Which files a ``jxlint check PATHS`` run reads."""

from __future__ import annotations

import os
from pathlib import Path
from typing import Iterator

SUFFIXES = (".yaml", ".yml")
_SKIP_DIRS = {".git", ".hg", ".svn", ".jxlint_cache", "__pycache__", "node_modules", ".venv", "venv"}


class PathError(Exception):
    """A path given on the command line that does not exist."""


def discover(paths: list[str]) -> Iterator[str]:
    """Files named directly are always checked; folders are searched for ``*.yaml``/``*.yml``.

    Order is deterministic (sorted per folder) so that output is stable between runs.
    """
    for given in paths:
        if given == "-":
            yield given
            continue
        path = Path(given)
        if path.is_dir():
            yield from _walk(path)
        elif path.exists() or path.is_symlink():
            yield given
        else:
            raise PathError(given)


def _walk(root: Path) -> Iterator[str]:
    # followlinks=False: a symlink loop in a shared repository must not hang the gate.
    for folder, dirs, files in os.walk(root, followlinks=False):
        dirs[:] = sorted(d for d in dirs if d not in _SKIP_DIRS and not d.startswith("."))
        for name in sorted(files):
            if name.endswith(SUFFIXES):
                yield os.path.join(folder, name)
