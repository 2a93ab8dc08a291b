"""Writing files safely: never half a file, never over one the user did not mean to lose.

Every file jxlint writes (``check -o``, ``--write-baseline``, ``import -o``) goes to a
temporary file in the destination's folder and is renamed over the destination only when
complete, so a run that fails (a crash, a full disk, Ctrl-C) leaves the old file as it was.
The rename replaces a symbolic link at the destination instead of writing through it: a
repository that commits ``jxlint.sarif -> /some/file`` gets its link replaced by the report,
and ``/some/file`` is untouched. A destination that is one of the run's inputs (the same
file by inode: the same path, a hard link, or a link to it) is refused before anything is
read, and so is one whose folder is reached through a symbolic link that leaves the git work
tree around it (a committed ``reports -> /etc``). The file gets the mode an ordinary ``open()`` would give it (0666 less the umask), or
keeps the mode of the file it replaces.
"""

from __future__ import annotations

import errno
import os
import stat
import sys
import tempfile
from contextlib import contextmanager
from pathlib import Path
from typing import IO, Iterable, Iterator


class OutputExists(Exception):
    pass


class OutputIsInput(Exception):
    """The output path names a file the run reads; ``str()`` names both."""


class OutputThroughLink(Exception):
    """The output's folder is reached through a symbolic link out of the work tree; ``str()`` is the path."""


@contextmanager
def atomic_output(path: Path | str, *, force: bool = True, binary: bool = False) -> Iterator[IO]:
    """A text handle whose content replaces ``path`` when the block ends without an error.

    Without ``force`` an existing file (or link) is left alone (:class:`OutputExists`).
    ``binary`` gives a byte handle instead (a fixed target file keeps its own encoding).
    """
    path = Path(path)
    if not force and os.path.lexists(path):
        raise OutputExists(str(path))
    mode = _mode_for(path)
    descriptor, temporary = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        os.fchmod(descriptor, mode)
        with (os.fdopen(descriptor, "wb") if binary else os.fdopen(descriptor, "w", encoding="utf-8", newline="\n")) as handle:
            yield handle
        os.replace(temporary, path)
    except BaseException:
        try:
            os.unlink(temporary)
        except FileNotFoundError:
            pass
        raise


def write_atomically(path: Path | str, text: str, *, force: bool = False) -> None:
    """Write ``text`` to ``path`` as :func:`atomic_output` does."""
    with atomic_output(path, force=force) as handle:
        handle.write(text)


def refuse_inputs(output: str | os.PathLike, inputs: Iterable[str | os.PathLike]) -> None:
    """Raise :class:`OutputIsInput` if ``output`` is the same file as one of ``inputs``, and
    :class:`OutputThroughLink` if its folder lies through a link outside the work tree."""
    from lint.discover import inside, work_tree

    folder = os.path.dirname(os.path.abspath(output))
    if os.path.realpath(folder) != folder and not inside(folder, work_tree(Path(folder))):
        raise OutputThroughLink(os.fspath(output))
    try:
        target = os.stat(output)  # follows links: a link to an input is that input
    except OSError:
        return  # nothing there yet, so no input can be it
    for given in inputs:
        if os.fspath(given) == "-":
            continue
        try:
            status = os.stat(given)
        except OSError:
            continue
        if (status.st_dev, status.st_ino) == (target.st_dev, target.st_ino):
            raise OutputIsInput(f"{os.fspath(output)} is {os.fspath(given)}, which this run reads")


def umask() -> int:
    """The process's umask, read without changing it where Linux tells it."""
    try:
        with open("/proc/self/status", encoding="ascii") as status:
            for line in status:
                if line.startswith("Umask:"):
                    return int(line.split()[1], 8)
    except (OSError, ValueError, IndexError):
        pass
    current = os.umask(0o022)  # elsewhere: set and restore (jxlint writes from one thread)
    os.umask(current)
    return current


def _mode_for(path: Path) -> int:
    try:
        status = os.lstat(path)
    except OSError:
        status = None
    if status is not None and stat.S_ISREG(status.st_mode):
        return stat.S_IMODE(status.st_mode)
    return 0o666 & ~umask()


WRITE_ERRORS = {errno.ENOSPC, errno.EDQUOT, errno.EFBIG, errno.EIO, errno.EPIPE}


def abandon_stdout() -> None:
    """After a write to standard output failed, point it at /dev/null so that the
    interpreter's last flush of what is still buffered does not fail (and print) again."""
    try:
        null = os.open(os.devnull, os.O_WRONLY)
        os.dup2(null, sys.stdout.fileno())
        os.close(null)
    except (OSError, ValueError, AttributeError):
        pass
