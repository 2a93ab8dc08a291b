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
keeps the mode of the file it replaces. A stream (``-o /dev/null``, ``/dev/stdout``, a FIFO)
is written into, never renamed over; any other destination that is not a file is refused.
"""

from __future__ import annotations

import errno
import os
import stat
import sys
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
    if _is_stream(path):
        with open(path, "wb" if binary else "w", **({} if binary else {"encoding": "utf-8", "newline": "\n"})) as handle:
            yield handle
        return
    import tempfile  # only when writing a file (it imports shutil and random)

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


# Character devices a report may be written into: /dev/null and the terminal.
_HARMLESS_DEVICES = frozenset({os.makedev(1, 3), os.makedev(5, 0)})


def _is_stream(path: Path) -> bool:
    """True when ``path`` is a stream to write into, not a file to replace: /dev/null, the
    terminal, this process's own standard output or error (``/dev/stdout``, ``/dev/fd/1``, a
    shell's ``>(…)``), or a FIFO named as itself. Renaming over these would replace the device
    node or pipe itself (as root, ``-o /dev/null`` turned /dev/null into a regular file).

    Any other destination that is not a regular file is refused (``OSError``) rather than
    replaced or written into: a disk, a socket, some other device. A symbolic link to a regular
    file, a folder or nothing is replaced as before, never written through.
    """
    try:
        own = os.lstat(path)
        target = os.stat(path)
    except FileNotFoundError:
        return False  # nothing there, or a dangling link: replaced
    if stat.S_ISREG(target.st_mode) or stat.S_ISDIR(target.st_mode):
        return False
    standard = {(info.st_dev, info.st_ino) for info in map(_fstat, (1, 2)) if info is not None}
    if (target.st_dev, target.st_ino) in standard:
        return True
    if stat.S_ISCHR(target.st_mode) and target.st_rdev in _HARMLESS_DEVICES:
        return True
    if stat.S_ISFIFO(own.st_mode):
        return True
    if stat.S_ISLNK(own.st_mode):
        return False  # a link to some other device or pipe: the link is replaced, nothing written through
    raise OSError(errno.EINVAL, "not a regular file (a device or socket): give a file name, or /dev/stdout")


def _fstat(descriptor: int) -> os.stat_result | None:
    try:
        return os.fstat(descriptor)
    except OSError:
        return None


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
