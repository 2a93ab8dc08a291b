"""Reading a file someone else named: a regular file only, and never more than a bound.

Target files, configs, rule packs and import sources all come from a repository or a
command line that anyone may write. A FIFO named ``*.yaml`` blocks ``open()`` until a writer
appears, ``/dev/zero`` never ends, and some devices act when opened, so nothing is opened
before ``stat`` says it is a regular file, and the opened file is checked again (it may
have been swapped in between); then at most ``limit + 1`` bytes are read, enough for the
caller to say "too big".
"""

from __future__ import annotations

import errno
import os
import stat

# A config or a rule pack is a few kilobytes (the default pack, every rule with its
# examples, is under 200 KB): anything past this is not one.
MAX_SETTINGS_BYTES = 4 * 1024 * 1024

_KINDS = (
    (stat.S_ISFIFO, "a named pipe", "命名管道"),
    (stat.S_ISCHR, "a character device", "字符设备"),
    (stat.S_ISBLK, "a block device", "块设备"),
    (stat.S_ISSOCK, "a socket", "套接字"),
    (stat.S_ISDIR, "a folder", "文件夹"),
)


class NotRegularFile(OSError):
    """The path names a FIFO, a device, a socket or a folder; ``kind`` says which."""

    def __init__(self, path: str, kind: str, kind_zh: str) -> None:
        super().__init__(errno.EINVAL, f"not a regular file ({kind})", path)
        self.kind = kind
        self.kind_zh = kind_zh


def kind_of(mode: int) -> tuple[str, str] | None:
    """(English, Chinese) name of a non-regular file type, or None for a regular file."""
    for test, english, chinese in _KINDS:
        if test(mode):
            return english, chinese
    return None if stat.S_ISREG(mode) else ("not a regular file", "非普通文件")


def check_regular(path: str | os.PathLike, status: os.stat_result) -> None:
    kind = kind_of(status.st_mode)
    if kind is not None:
        raise NotRegularFile(os.fspath(path), *kind)


def read_regular(path: str | os.PathLike, limit: int) -> bytes:
    """At most ``limit + 1`` bytes of the regular file at ``path`` (symbolic links followed).

    Raises :class:`NotRegularFile` for anything else, OSError when it cannot be read.
    """
    check_regular(path, os.stat(path))
    # O_NONBLOCK: if a FIFO was swapped in after the stat, opening it must not wait for a writer.
    descriptor = os.open(path, os.O_RDONLY | os.O_NONBLOCK | os.O_CLOEXEC)
    try:
        check_regular(path, os.fstat(descriptor))
        os.set_blocking(descriptor, True)
        with os.fdopen(os.dup(descriptor), "rb") as handle:
            return handle.read(limit + 1)
    finally:
        os.close(descriptor)


def shown_path(path: str) -> str:
    """``path`` as reports print it: a name that is not valid UTF-8 (Python keeps its bytes as
    lone surrogates, which no reporter can encode) shows those bytes as ``\\xNN``."""
    try:
        path.encode("utf-8")
    except UnicodeEncodeError:
        return path.encode("utf-8", "surrogateescape").decode("utf-8", "backslashreplace")
    return path
