"""Per-file result cache in ``.jxlint_cache/`` (like ruff's).

An entry is keyed by the file's bytes and path, the configured rule set (every rule's
definition, severity and options), the message language, whether suppressions apply, and
the jxlint version — anything that could change a finding. Entries are written atomically,
so parallel workers and interrupted runs never leave a torn entry; a corrupt entry is a miss.

The folder usually sits inside the checked-out repository, so nothing in it is trusted:

* every entry names the SHA-256 of the file's bytes and the linter's fingerprint, and is
  signed (HMAC-SHA-256) with a key kept in the user's cache folder
  (:func:`lint.usercache.result_cache_key`), which a repository cannot know: a committed
  entry saying ``[]`` never verifies, and without that key there is no result cache at all;
* jxlint writes only into a folder it created (its own ``CACHEDIR.TAG``, a regular file),
  creates every file with ``O_EXCL``/``O_NOFOLLOW`` under folder descriptors opened without
  following links, so a committed symlink cannot make it write anywhere else;
* ``clean`` removes only such a folder, and only when it holds nothing but cache entries.

The folder gets a ``.gitignore`` of ``*`` (as ruff's and pytest's do), so ``git add -A``
does not commit it.
"""

from __future__ import annotations

import hashlib
import hmac
import json
import os
import re
import shutil
import stat
from pathlib import Path

from lint import __version__, usercache
from lint.findings import Finding, Severity, Span
from lint.fixes import SAFE, UNSAFE, Edit, Fix

DIRECTORY = ".jxlint_cache"
_TAG_NAME = "CACHEDIR.TAG"
_TAG = (
    "Signature: 8a477f597d28d172789f06886806bc55\n"
    "# This file is a cache directory tag created by jxlint.\n"
    "# For information about cache directory tags, see https://bford.info/cachedir/\n"
)
_GITIGNORE = "# Created by jxlint automatically.\n*\n"
_FORMAT = 3  # 3: findings carry their fix
_MAX_ENTRY_BYTES = 64 * 1024 * 1024
# Entries, and the temporary files of writes cut short (this version's and older ones').
_ENTRY = re.compile(r"[0-9a-f]{64}\.json|\.[0-9a-f]{64}\.[0-9a-f]{16}\.tmp|tmp[0-9a-z_]{6,12}\.tmp")
_VERSION_FOLDER = re.compile(r"[0-9A-Za-z][0-9A-Za-z.+_-]*")
_BUCKET = re.compile(r"[0-9a-f]{2}")
_DIRECTORY_FLAGS = os.O_RDONLY | os.O_DIRECTORY | os.O_NOFOLLOW | os.O_CLOEXEC


def content(data: bytes) -> str:
    """The digest of a file's bytes that its entry is keyed by and names: computed once per file."""
    return hashlib.sha256(data).hexdigest()


class CacheError(Exception):
    """``clean`` refused to remove a folder; the message says why."""


def default_directory() -> Path:
    """``$JXLINT_CACHE_DIR``, else ``.jxlint_cache/`` in the working folder."""
    return Path(os.environ.get("JXLINT_CACHE_DIR") or DIRECTORY).absolute()


class Cache:
    def __init__(self, directory: Path) -> None:
        self.root = directory  # .jxlint_cache/ itself
        self.folder = self.root / __version__
        self._secret: bytes | None | bool = False  # False: not looked up yet
        self._writable: bool | None = None

    def key(self, context: str, path: str, content: str) -> str:
        """The entry of the file at ``path`` whose bytes have the digest ``content``."""
        digest = hashlib.sha256()
        for part in (__version__.encode(), str(_FORMAT).encode(), context.encode(), path.encode("utf-8", "surrogateescape"),
                     content.encode()):
            digest.update(len(part).to_bytes(8, "little"))
            digest.update(part)
        return digest.hexdigest()

    # -- reading ----------------------------------------------------------------------------

    def get(self, key: str, fingerprint: str, content: str) -> list[Finding] | None:
        """The findings stored under ``key``, if the entry is signed by us and names these bytes
        (their :func:`content` digest) and this linter; anything else (missing, torn, forged, of
        another shape) is a miss."""
        secret = self._key()
        if secret is None:
            return None
        raw = self._read(key)
        if raw is None:
            return None
        signature, _, payload = raw.partition(b"\n")
        if not hmac.compare_digest(signature, _sign(secret, key, payload).encode()):
            return None
        try:
            document = json.loads(payload)
            if (document.get("format") != _FORMAT or document.get("content") != content
                    or document.get("fingerprint") != fingerprint):
                return None
            return [_finding(item) for item in document["findings"]]
        except (ValueError, KeyError, TypeError, AttributeError):
            return None

    def _read(self, key: str) -> bytes | None:
        try:
            descriptor = os.open(self._entry(key), os.O_RDONLY | os.O_NOFOLLOW | os.O_NONBLOCK | os.O_CLOEXEC)
        except OSError:
            return None
        try:
            status = os.fstat(descriptor)
            if not stat.S_ISREG(status.st_mode) or status.st_size > _MAX_ENTRY_BYTES:
                return None
            with os.fdopen(os.dup(descriptor), "rb") as handle:
                return handle.read(_MAX_ENTRY_BYTES + 1)
        except OSError:
            return None
        finally:
            os.close(descriptor)

    # -- writing ----------------------------------------------------------------------------

    def put(self, key: str, fingerprint: str, content: str, findings: list[Finding]) -> None:
        secret = self._key()
        if secret is None or not self.writable():
            return
        document = {"format": _FORMAT, "content": content, "fingerprint": fingerprint,
                    "findings": [_plain(f) for f in findings]}
        # ASCII: a path or cell with a lone surrogate must not make the entry unwritable.
        payload = json.dumps(document, ensure_ascii=True, separators=(",", ":")).encode("ascii")
        try:
            root = os.open(self.root, _DIRECTORY_FLAGS)
        except OSError:
            return
        try:
            bucket = _subfolder(root, (__version__, key[:2]))
            try:
                temporary = f".{key}.{os.urandom(8).hex()}.tmp"
                _create(bucket, temporary, _sign(secret, key, payload).encode() + b"\n" + payload)
                os.replace(temporary, f"{key}.json", src_dir_fd=bucket, dst_dir_fd=bucket)
            finally:
                os.close(bucket)
        except OSError:
            pass  # a read-only checkout still gets its findings, just uncached
        finally:
            os.close(root)

    def writable(self) -> bool:
        """Whether jxlint may write here: the folder is missing (jxlint creates it, with its tag
        and .gitignore) or carries jxlint's own tag."""
        if self._writable is None:
            self._writable = self._prepare()
        return self._writable

    def _prepare(self) -> bool:
        try:
            os.mkdir(self.root, 0o777)
        except FileExistsError:
            if self.is_ours():
                self._ignore_in_git()  # a folder made before jxlint wrote one
                return True
            if not _is_empty_folder(self.root):
                return False
        except FileNotFoundError:
            try:
                self.root.parent.mkdir(parents=True, exist_ok=True)
                os.mkdir(self.root, 0o777)
            except OSError:
                return False
        except OSError:
            return False
        try:
            root = os.open(self.root, _DIRECTORY_FLAGS)
        except OSError:
            return False
        try:
            _create(root, ".gitignore", _GITIGNORE.encode())
            _create(root, _TAG_NAME, _TAG.encode())  # last: a folder with the tag is complete
        except OSError:
            return False
        finally:
            os.close(root)
        return True

    def _ignore_in_git(self) -> None:
        try:
            root = os.open(self.root, _DIRECTORY_FLAGS)
        except OSError:
            return
        try:
            _create(root, ".gitignore", _GITIGNORE.encode())
        except OSError:
            pass  # there already (or read-only): either way nothing to add
        finally:
            os.close(root)

    def is_ours(self) -> bool:
        """A real folder (not a link) whose CACHEDIR.TAG is a regular file written by jxlint."""
        try:
            root = os.open(self.root, _DIRECTORY_FLAGS)
        except OSError:
            return False
        try:
            descriptor = os.open(_TAG_NAME, os.O_RDONLY | os.O_NOFOLLOW | os.O_NONBLOCK | os.O_CLOEXEC, dir_fd=root)
        except OSError:
            return False
        finally:
            os.close(root)
        try:
            if not stat.S_ISREG(os.fstat(descriptor).st_mode):
                return False
            return os.read(descriptor, len(_TAG) + 1) == _TAG.encode()
        except OSError:
            return False
        finally:
            os.close(descriptor)

    def warnings(self) -> list[str]:
        """What a run should tell the user about this folder (once, in the main process)."""
        if self._key() is None:
            return []  # no result cache at all: nothing is read or written here
        found = []
        if os.path.lexists(self.root) and not self.writable():
            found.append(f"{self.root} is not a cache folder made by jxlint (no CACHEDIR.TAG of jxlint's); "
                         "results are not cached there")
        if _tracked_by_git(self.root):
            found.append(f"the cache folder {self.root} is tracked by git: remove it from the repository "
                         "(git rm -r --cached) and keep the cache outside the checked-out tree (--cache-dir)")
        return found

    def _key(self) -> bytes | None:
        if self._secret is False:
            self._secret = usercache.result_cache_key()
        return self._secret

    # -- cleaning ---------------------------------------------------------------------------

    def clean(self) -> bool:
        """Remove the folder; False when there is none. Raises :class:`CacheError` rather than
        remove anything that is not jxlint's cache (a link, a folder of other files)."""
        try:
            status = os.lstat(self.root)
        except FileNotFoundError:
            return False
        except OSError as error:
            raise CacheError(f"{self.root}: {error.strerror or error}") from None
        if stat.S_ISLNK(status.st_mode):
            raise CacheError(f"{self.root} is a symbolic link; not removing it or what it points to")
        if not stat.S_ISDIR(status.st_mode):
            raise CacheError(f"{self.root} is not a folder; not removing it")
        if not self.is_ours():
            raise CacheError(f"{self.root} has no CACHEDIR.TAG written by jxlint; not removing it")
        stranger = _first_stranger(self.root)
        if stranger is not None:
            raise CacheError(f"{self.root} holds {stranger}, which is not a jxlint cache entry; not removing it")
        shutil.rmtree(self.root)  # on Linux rmtree works through folder descriptors and never follows links
        return True

    def _entry(self, key: str) -> Path:
        return self.folder / key[:2] / f"{key}.json"


def _first_stranger(root: Path) -> str | None:
    """The first thing under ``root`` that jxlint's cache would not contain, or None."""
    with os.scandir(root) as top:
        for item in top:
            if item.name in (_TAG_NAME, ".gitignore") and item.is_file(follow_symlinks=False):
                continue
            if not (_VERSION_FOLDER.fullmatch(item.name) and item.is_dir(follow_symlinks=False)):
                return item.name
            with os.scandir(item.path) as buckets:
                for bucket in buckets:
                    if not (_BUCKET.fullmatch(bucket.name) and bucket.is_dir(follow_symlinks=False)):
                        return f"{item.name}/{bucket.name}"
                    with os.scandir(bucket.path) as entries:
                        for entry in entries:
                            if not (_ENTRY.fullmatch(entry.name) and entry.is_file(follow_symlinks=False)):
                                return f"{item.name}/{bucket.name}/{entry.name}"
    return None


def _is_empty_folder(path: Path) -> bool:
    """A real, empty folder (one made for the cache by hand, or by a CI cache step) may be taken."""
    try:
        descriptor = os.open(path, _DIRECTORY_FLAGS)
    except OSError:
        return False
    try:
        with os.scandir(descriptor) as items:
            return next(items, None) is None
    except OSError:
        return False
    finally:
        os.close(descriptor)


def _subfolder(parent: int, names: tuple[str, ...]) -> int:
    """A descriptor of ``parent/names…``, made as needed, never through a symbolic link."""
    descriptor = os.dup(parent)
    for name in names:
        try:
            os.mkdir(name, 0o777, dir_fd=descriptor)
        except FileExistsError:
            pass
        except OSError:
            os.close(descriptor)
            raise
        try:
            child = os.open(name, _DIRECTORY_FLAGS, dir_fd=descriptor)
        finally:
            os.close(descriptor)
        descriptor = child
    return descriptor


def _create(folder: int, name: str, data: bytes) -> None:
    flags = os.O_WRONLY | os.O_CREAT | os.O_EXCL | os.O_NOFOLLOW | os.O_CLOEXEC
    with os.fdopen(os.open(name, flags, 0o666, dir_fd=folder), "wb") as handle:
        handle.write(data)


def _sign(secret: bytes, key: str, payload: bytes) -> str:
    return hmac.new(secret, key.encode() + b"\0" + payload, hashlib.sha256).hexdigest()


def _tracked_by_git(root: Path) -> bool:
    """Whether anything under ``root`` is in the index of the git work tree around it."""
    top = next((folder for folder in root.parents if (folder / ".git").exists()), None)
    if top is None or not os.path.lexists(root) or shutil.which("git") is None:
        return False
    import subprocess  # deferred: only a run with a cache asks git, and only once

    try:
        listed = subprocess.run(["git", "ls-files", "-z", "--", str(root)], cwd=top, capture_output=True,
                                timeout=30, check=False)
    except (OSError, subprocess.SubprocessError):
        return False
    return listed.returncode == 0 and bool(listed.stdout)


def _plain(f: Finding) -> list:
    fix = None if f.fix is None else [f.fix.description, f.fix.applicability,
                                      [[*edit.span, edit.text] for edit in f.fix.edits]]
    return [f.rule, f.slug, int(f.severity), f.message, f.path, list(f.span), f.hint, f.project, f.indicator, f.value,
            f.family, fix]


_SHAPE = (str, str, int, str, str, list, str, (str, type(None)), (str, type(None)), (str, type(None)), str,
          (list, type(None)))
_EDIT_SHAPE = (int, int, int, int, str)


def _fix(item: list | None) -> Fix | None:
    if item is None:
        return None
    if (len(item) != 3 or not isinstance(item[0], str) or item[1] not in (SAFE, UNSAFE) or not isinstance(item[2], list)
            or not item[2]):
        raise TypeError("not a stored fix")
    edits = []
    for edit in item[2]:
        if (not isinstance(edit, list) or len(edit) != len(_EDIT_SHAPE)
                or not all(type(part) is kind for part, kind in zip(edit, _EDIT_SHAPE))):
            raise TypeError("not a stored edit")
        edits.append(Edit(Span(*edit[:4]), edit[4]))
    return Fix(item[0], tuple(edits), item[1])


def _finding(item: list) -> Finding:
    """A stored finding, refusing any other shape (the caller turns the error into a miss)."""
    if not isinstance(item, list) or len(item) != len(_SHAPE) or not all(map(isinstance, item, _SHAPE)):
        raise TypeError("not a stored finding")
    rule, slug, severity, message, path, span, hint, project, indicator, value, family, fix = item
    if len(span) != 4 or not all(type(number) is int for number in span):
        raise TypeError("not a stored span")
    return Finding(rule, slug, Severity(severity), message, path, Span(*span), hint, project, indicator, value, family,
                   _fix(fix))
