"""Other target files a check compares a file with: the approved targets and last year's self-assessment.

``jxlint check 自评.yaml --targets 目标.yaml`` checks the self-assessment's indicators against
the approved table; ``--previous 上年自评.yaml`` checks this year's targets against what was
achieved last year (config keys ``targets:`` and ``previous:``). Each referenced file is read
and modelled once per process: the engine hands the models to the checks of scope
``"cross"`` (:class:`~lint.checks._context.CrossTable`), and nothing but the file paths
crosses to a worker process, which loads them again itself.

The digest of every referenced file's bytes is part of the linter's fingerprint, so a
cached result is never reused after an approved table or last year's self-assessment
changed. A referenced file that cannot be read, or that is not a target file, is a usage
error (exit 2): comparing against it would silently report nothing.
"""

from __future__ import annotations

import hashlib
import os
from dataclasses import dataclass
from typing import Iterable

from lint.loading import load_target
from lint.loading.load import MAX_FILE_BYTES
from lint.loading.model import Table, TargetFile
from lint.reading import read_regular


class ReferenceError(Exception):
    """A referenced file that cannot be used; ``str()`` in English, :meth:`text` per language."""

    def __init__(self, path: str, en: str, zh: str) -> None:
        super().__init__(f"{path}: {en}")
        self.zh = f"{path}：{zh}"

    def text(self, lang: str) -> str:
        return self.zh if lang == "zh" else str(self)


@dataclass(frozen=True, slots=True)
class Reference:
    path: str  # as messages name it: relative to the working folder when inside it
    digest: str  # SHA-256 of the file's bytes
    target: TargetFile

    def tables(self) -> Iterable[Table]:
        return self.target.tables()


@dataclass(frozen=True, slots=True)
class References:
    targets: tuple[Reference, ...] = ()  # approved 绩效目标表 (--targets)
    previous: tuple[Reference, ...] = ()  # last year's 自评表 (--previous)

    def __bool__(self) -> bool:
        return bool(self.targets or self.previous)

    @property
    def digest(self) -> str:
        """What a cached result depends on: which file is referenced how, and its content."""
        parts = [f"{kind}:{ref.path}:{ref.digest}" for kind, refs in (("targets", self.targets), ("previous", self.previous))
                 for ref in refs]
        return hashlib.sha256("\n".join(parts).encode("utf-8", "surrogateescape")).hexdigest()


def load_references(targets: Iterable[str] = (), previous: Iterable[str] = ()) -> References:
    return References(tuple(_load(path, "targets") for path in targets), tuple(_load(path, "previous") for path in previous))


def _load(path: str, kind: str) -> Reference:
    shown = _shown(path)
    what_en, what_zh = ("approved targets", "批复的绩效目标") if kind == "targets" else ("last year's self-assessment", "上年自评表")
    try:
        data = read_regular(path, MAX_FILE_BYTES)
    except OSError as error:
        reason = error.strerror or type(error).__name__
        raise ReferenceError(shown, f"cannot read the {what_en}: {reason}", f"无法读取{what_zh}：{reason}") from None
    loaded = load_target(shown, data)
    if loaded.target is None:
        raise ReferenceError(shown, f"the {what_en} file is not a target file", f"{what_zh}文件不是绩效目标文件")
    return Reference(shown, hashlib.sha256(data).hexdigest(), loaded.target)


def _shown(path: str) -> str:
    absolute = os.path.abspath(path)
    try:
        relative = os.path.relpath(absolute)
    except ValueError:  # another drive on Windows
        return absolute
    return absolute if relative.startswith("..") else relative
