"""Which files a ``jxlint check PATHS`` run reads."""

from __future__ import annotations

import errno
import os
from pathlib import Path
from typing import Iterator, NamedTuple

_SKIP_DIRS = {".git", ".hg", ".svn", ".jxlint_cache", "__pycache__", "node_modules"}


class PathError(Exception):
    """A path given on the command line that does not exist."""


class LinkOutside(OSError):
    """A symbolic link (or a path through one) that leads out of the checked tree.

    A repository may commit ``creds.yaml -> ~/.git-credentials``; reading it would print the
    secret's lines in the report, so such a file is reported, never read.
    """

    def __init__(self, path: str) -> None:
        super().__init__(errno.EXDEV, "link points outside the repository", path)


class Candidate(NamedTuple):
    path: str
    named: bool  # given on the command line (always checked) rather than found in a folder
    refused: OSError | None = None  # report this instead of reading the file


def discover(paths: list[str]) -> Iterator[Candidate]:
    """Every candidate file, in a deterministic order (sorted per folder) so output is stable.

    Files named on the command line are always checked; files found in folders are checked
    when the settings include them. A path that leads outside its tree — the git work tree
    around it, else the folder walked (or the named file's folder) — is a candidate with
    ``refused`` set.
    """
    for given in paths:
        if given == "-":
            yield Candidate(given, True)
            continue
        path = Path(given)
        if path.is_dir():
            tree = work_tree(Path(os.path.abspath(given)))
            if not inside(given, tree):
                yield Candidate(given, True, LinkOutside(given))
                continue
            yield from _walk(given, tree)
        elif path.exists() or path.is_symlink():
            outside = path.exists() and not inside(given, work_tree(Path(os.path.abspath(given)).parent))
            yield Candidate(given, True, LinkOutside(given) if outside else None)
        else:
            raise PathError(given)


def work_tree(start: Path) -> str:
    """The resolved root a path must stay in: the git work tree around ``start``, else ``start``."""
    for folder in (start, *start.parents):
        if os.path.lexists(folder / ".git"):
            return os.path.realpath(folder)
    return os.path.realpath(start)


def inside(path: str, tree: str) -> bool:
    try:
        return os.path.commonpath([os.path.realpath(path), tree]) == tree
    except ValueError:
        return False


def _walk(root: str, tree: str) -> Iterator[Candidate]:
    """Files below ``root``: a folder's own files first, then its subfolders, each sorted.

    An explicit stack, not recursion (``os.walk`` recurses in Python 3.11 and 1,100 nested
    folders raise RecursionError); folder links are not followed, so a symlink loop in a
    shared repository cannot hang the gate, and a file link is followed only within ``tree``.
    """
    stack = [root]
    while stack:
        folder = stack.pop()
        try:
            with os.scandir(folder) as listing:
                entries = sorted(listing, key=lambda entry: entry.name)
        except OSError:
            continue  # as os.walk does: a folder that vanished or cannot be listed
        subfolders = []
        for entry in entries:
            if entry.name.startswith("."):  # .git, .jxlint.yaml, .pre-commit-config.yaml, editor files
                continue
            try:
                is_link = entry.is_symlink()
                is_folder = entry.is_dir()
            except OSError:
                is_folder = is_link = False
            if is_folder:
                if is_link:
                    continue  # not followed (see above)
                if entry.name not in _SKIP_DIRS:
                    subfolders.append(entry.path)
                continue
            refused = LinkOutside(entry.path) if is_link and os.path.exists(entry.path) and not inside(entry.path, tree) else None
            yield Candidate(entry.path, False, refused)
        stack.extend(reversed(subfolders))
