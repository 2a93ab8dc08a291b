"""Which files a ``jxlint check PATHS`` run reads."""

from __future__ import annotations

import os
from pathlib import Path
from typing import Iterator

_SKIP_DIRS = {".git", ".hg", ".svn", ".jxlint_cache", "__pycache__", "node_modules"}


class PathError(Exception):
    """A path given on the command line that does not exist."""


def discover(paths: list[str]) -> Iterator[tuple[str, bool]]:
    """``(path, named)`` for every candidate file; ``named`` is True for files given directly.

    Files named on the command line are always checked; files found in folders are checked
    when the settings include them. Order is deterministic (sorted per folder) so that output
    is stable between runs.
    """
    for given in paths:
        if given == "-":
            yield given, True
            continue
        path = Path(given)
        if path.is_dir():
            yield from ((found, False) for found in _walk(path))
        elif path.exists() or path.is_symlink():
            yield given, True
        else:
            raise PathError(given)


def _walk(root: Path) -> Iterator[str]:
    # followlinks=False: a symlink loop in a shared repository must not hang the gate.
    for folder, dirs, files in os.walk(root, followlinks=False):
        dirs[:] = sorted(d for d in dirs if d not in _SKIP_DIRS and not d.startswith("."))
        for name in sorted(files):
            if not name.startswith("."):  # .jxlint.yaml, .pre-commit-config.yaml, editor files
                yield os.path.join(folder, name)
