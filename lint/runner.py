"""One ``jxlint check`` run: paths → settings per file → engine → results in path order.

Files are checked in parallel across processes (``--jobs``) when there are enough of them
to pay for the workers; results come back in the order of the paths either way, so the
output is the same as a serial run. Each worker rebuilds the run from its picklable
description, so no linter or model crosses a process boundary — only findings do.
"""

from __future__ import annotations

import os
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path
from typing import Iterator

from lint.cache import Cache
from lint.config import Settings, find_config, load_settings
from lint.discover import discover
from lint.engine import Linter
from lint.findings import FileResult
from lint.loading.load import MAX_FILE_BYTES
from lint.loading.source import decode

# Below this many files per worker, starting processes costs more than it saves.
_FILES_PER_WORKER = 8


@dataclass(slots=True)
class Run:
    """How settings are found for this run, and what the command line overrides."""

    cli: dict = field(default_factory=dict)
    config: Path | None = None  # --config: one file for everything
    isolated: bool = False  # --isolated: no config files at all
    suppressions: bool = True  # False with --ignore-suppressions
    stdin_filename: str = "-"
    keep_text: bool = True  # reporters that quote lines need the source text
    cache_root: Path | None = None  # the cache folder; None: no cache
    _settings: dict = field(default_factory=dict)  # config path (or None) → Settings
    _linters: dict = field(default_factory=dict)

    def description(self) -> dict:
        """What a worker process needs to rebuild this run."""
        return {name: getattr(self, name) for name in
                ("cli", "config", "isolated", "suppressions", "stdin_filename", "keep_text", "cache_root")}

    def settings_for(self, path: str) -> Settings:
        if self.isolated:
            source = None
        elif self.config is not None:
            source = self.config
        else:
            # abspath, not resolve: a symlink loop must reach the reader and become a finding.
            folder = Path(os.path.abspath(self.stdin_filename if path == "-" else path)).parent
            source = find_config(folder)
        if source not in self._settings:
            base = load_settings(source) if source is not None else Settings()
            self._settings[source] = base.with_cli(**self.cli)
        return self._settings[source]

    def linter(self, settings: Settings) -> Linter:
        key = id(settings)
        if key not in self._linters:
            self._linters[key] = Linter(settings.ruleset(), lang=settings.lang, suppressions=self.suppressions)
        return self._linters[key]

    def rules(self) -> dict:
        """Every rule in force in this run, by id (for formats that describe rules)."""
        return {rule.id: rule for settings in self._settings.values() for rule in settings.ruleset()}

    def files(self, paths: list[str]) -> list[str]:
        chosen = []
        for path, named in discover(paths):
            if named:
                chosen.append(path)
                continue
            settings = self.settings_for(path)
            if settings.is_included(path) and not settings.is_excluded(path):
                chosen.append(path)
        return chosen

    def results(self, files: list[str], jobs: int = 1, stdin: bytes | None = None) -> Iterator[FileResult]:
        """Check ``files`` and yield their results in order; ``-`` is read from ``stdin``."""
        for path in files:  # settings (and config errors) are resolved here, before any worker starts
            self.linter(self.settings_for(path))
        # Only files the cache cannot answer are worth a worker; a warm run needs none.
        misses = [path for path in files if path != "-" and not self._cached(path)]
        jobs = max(1, min(jobs, len(misses) // _FILES_PER_WORKER))
        if jobs == 1:
            for path in files:
                yield self.check(path, stdin if path == "-" else None)
            return
        to_workers = set(misses)
        with ProcessPoolExecutor(max_workers=jobs, initializer=_start_worker, initargs=(self.description(),)) as pool:
            checked = pool.map(_check_in_worker, misses, chunksize=max(1, len(misses) // (jobs * 16)))
            for path in files:
                yield next(checked) if path in to_workers else self.check(path, stdin if path == "-" else None)

    def _cached(self, path: str) -> bool:
        if self.cache_root is None:
            return False
        try:
            with open(path, "rb") as handle:
                data = handle.read(MAX_FILE_BYTES + 1)
        except OSError:
            return False
        linter = self.linter(self.settings_for(path))
        cache = Cache(self.cache_root)
        return cache.has(cache.key(linter.fingerprint, path, data))

    def check(self, path: str, stdin: bytes | None = None) -> FileResult:
        settings = self.settings_for(path)
        linter = self.linter(settings)
        shown = self.stdin_filename if path == "-" else path
        if stdin is not None:
            data = stdin
        else:
            try:
                with open(path, "rb") as handle:
                    data = handle.read(MAX_FILE_BYTES + 1)  # enough to know it is too big
            except OSError as error:
                return linter.check_unreadable(shown, error)
        result = self._cached_check(linter, shown, data)
        ignored = settings.ignored_for(path)
        if ignored:
            result.findings = [f for f in result.findings if not any(f.rule.startswith(i) for i in ignored)]
        return result

    def _cached_check(self, linter: Linter, path: str, data: bytes) -> FileResult:
        if self.cache_root is None:
            result = linter.check_bytes(path, data)
        else:
            cache = Cache(self.cache_root)
            key = cache.key(linter.fingerprint, path, data)
            findings = cache.get(key)
            if findings is None:
                result = linter.check_bytes(path, data)
                cache.put(key, result.findings)
            else:
                text = decode(data).text if self.keep_text else None
                result = FileResult(path, findings, text.removeprefix("\ufeff") if text else text)
        if not self.keep_text:
            result.text = None  # streamed formats never quote lines: do not hold every file in memory
        return result


_worker_run: Run | None = None


def _start_worker(description: dict) -> None:
    global _worker_run
    _worker_run = Run(**description)


def _check_in_worker(path: str) -> FileResult:
    return _worker_run.check(path)
