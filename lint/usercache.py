"""The user's cache folder (``$XDG_CACHE_HOME/jxlint``) for start-up artefacts and the cache key.

Not the per-repository result cache (``.jxlint_cache``): this holds what depends only on
jxlint's own data — compiled schema validators, pint's answers about our units — so that a
pre-commit run on one file starts in milliseconds, and the secret that authenticates result
cache entries (:mod:`lint.cache`).

One of these artefacts is marshalled code, so the folder is a way into the process unless
nothing but the user can write it. It is used only when it is an absolute path (with HOME
unset and no passwd entry, ``~`` stays literal and would name ``./~`` inside the checked-out
repository), when it is a real folder (not a symlink) owned by the user and writable by no
one else, and every entry is read through that folder's descriptor, must be a regular file
of the user's, and carries the SHA-256 of its own payload, checked before the payload is
used: a damaged entry is a miss and is rewritten, never loaded. Where no such folder can be
had, callers compute again in memory.
"""

from __future__ import annotations

import functools
import hashlib
import marshal
import os
import secrets
import stat
from pathlib import Path

from lint import __version__

_MAGIC = b"jxlint-cache-entry 1\n"
_DIGEST = hashlib.sha256().digest_size
_MAX_ENTRY_BYTES = 16 * 1024 * 1024
_KEY_NAME = "result-cache.key"


def base() -> Path | None:
    """``$XDG_CACHE_HOME/jxlint`` or ``~/.cache/jxlint``; None when neither is an absolute path."""
    configured = os.environ.get("XDG_CACHE_HOME", "")
    if os.path.isabs(configured):  # the XDG spec: a relative value is invalid and ignored
        return Path(configured) / "jxlint"
    home = os.path.expanduser("~")
    if not os.path.isabs(home):
        return None
    return Path(home) / ".cache" / "jxlint"


def folder() -> Path | None:
    """This version's folder of start-up artefacts (None: no trusted place, compute in memory)."""
    root = base()
    return None if root is None else root / __version__


def digest(*parts: bytes | str) -> str:
    hasher = hashlib.sha256()
    for part in parts:
        data = part.encode("utf-8") if isinstance(part, str) else part
        hasher.update(len(data).to_bytes(8, "little"))
        hasher.update(data)
    return hasher.hexdigest()[:20]


def read(name: str, *, shared: bool = False) -> bytes | None:
    """The payload of entry ``name`` in this version's folder (``shared``: the base folder),
    or None when it is missing, untrusted or damaged."""
    descriptor = _trusted_folder(shared, create=False)
    if descriptor is None:
        return None
    try:
        return _read_entry(descriptor, name)
    finally:
        os.close(descriptor)


def read_marshalled(name: str) -> object | None:
    """The value marshalled in entry ``name`` (as :func:`read` finds it), or None when there is
    no such entry or it is not marshal data; the caller still checks the value's shape."""
    payload = read(name)
    if payload is None:
        return None
    try:
        return marshal.loads(payload)
    except (ValueError, EOFError, TypeError):
        return None


def write(name: str, payload: bytes, *, shared: bool = False) -> None:
    """Write entry ``name`` atomically (parallel workers may race to write the same one);
    nothing is written where the folder is not trusted, and errors are ignored."""
    descriptor = _trusted_folder(shared, create=True)
    if descriptor is None:
        return
    try:
        _write_entry(descriptor, name, payload)
    except OSError:
        pass
    finally:
        os.close(descriptor)


def result_cache_key() -> bytes | None:
    """The secret that signs result-cache entries, made on first use; None without a trusted folder.

    A repository can commit a result cache, but it cannot know this key, so its entries
    never verify (see :mod:`lint.cache`).
    """
    return _key(str(base()))


@functools.cache
def _key(where: str) -> bytes | None:  # noqa: ARG001 - the folder is the memo's key
    key = read(_KEY_NAME, shared=True)
    if key is not None and len(key) == 32:
        return key
    descriptor = _trusted_folder(True, create=True)
    if descriptor is None:
        return None
    try:
        _write_entry(descriptor, _KEY_NAME, secrets.token_bytes(32), replace=False)
    except FileExistsError:
        pass  # another process made it first: use theirs
    except OSError:
        return None
    finally:
        os.close(descriptor)
    key = read(_KEY_NAME, shared=True)
    return key if key is not None and len(key) == 32 else None


def _trusted_folder(shared: bool, create: bool) -> int | None:
    """A descriptor of the folder, if it is a real folder of ours that only we can write."""
    path = base() if shared else folder()
    if path is None:
        return None
    try:
        if create:
            path.mkdir(mode=0o700, parents=True, exist_ok=True)
        descriptor = os.open(path, os.O_RDONLY | os.O_DIRECTORY | os.O_NOFOLLOW | os.O_CLOEXEC)
    except OSError:
        return None
    try:
        status = os.fstat(descriptor)
    except OSError:
        os.close(descriptor)
        return None
    if status.st_uid != os.geteuid():
        os.close(descriptor)
        return None
    if status.st_mode & (stat.S_IWGRP | stat.S_IWOTH):
        # Ours but left writable to others (an old umask): close it; what others may have put
        # inside is not ours, and every entry is checked for that.
        try:
            os.fchmod(descriptor, stat.S_IMODE(status.st_mode) & ~(stat.S_IWGRP | stat.S_IWOTH))
        except OSError:
            os.close(descriptor)
            return None
    return descriptor


def _read_entry(folder_descriptor: int, name: str) -> bytes | None:
    try:
        descriptor = os.open(name, os.O_RDONLY | os.O_NOFOLLOW | os.O_CLOEXEC | os.O_NONBLOCK, dir_fd=folder_descriptor)
    except OSError:
        return None
    try:
        status = os.fstat(descriptor)
        if (not stat.S_ISREG(status.st_mode) or status.st_uid != os.geteuid()
                or status.st_mode & (stat.S_IWGRP | stat.S_IWOTH) or status.st_size > _MAX_ENTRY_BYTES):
            return None
        with os.fdopen(os.dup(descriptor), "rb") as handle:
            data = handle.read(_MAX_ENTRY_BYTES + 1)
    except OSError:
        return None
    finally:
        os.close(descriptor)
    head, payload = data[: len(_MAGIC) + _DIGEST], data[len(_MAGIC) + _DIGEST :]
    if head != _MAGIC + hashlib.sha256(payload).digest():
        return None
    return payload


def _write_entry(folder_descriptor: int, name: str, payload: bytes, replace: bool = True) -> None:
    temporary = f".{name}.{secrets.token_hex(8)}.tmp"
    flags = os.O_WRONLY | os.O_CREAT | os.O_EXCL | os.O_NOFOLLOW | os.O_CLOEXEC
    descriptor = os.open(temporary, flags, 0o600, dir_fd=folder_descriptor)
    try:
        with os.fdopen(descriptor, "wb") as handle:
            handle.write(_MAGIC + hashlib.sha256(payload).digest() + payload)
        if replace:
            os.replace(temporary, name, src_dir_fd=folder_descriptor, dst_dir_fd=folder_descriptor)
        else:  # link fails if the name exists: the first writer wins
            os.link(temporary, name, src_dir_fd=folder_descriptor, dst_dir_fd=folder_descriptor, follow_symlinks=False)
    finally:
        try:
            os.unlink(temporary, dir_fd=folder_descriptor)
        except FileNotFoundError:
            pass
