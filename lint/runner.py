"""One ``jxlint check`` run: paths → settings per file → engine → results in path order.

Files are checked in parallel across processes (``--jobs``) when there are enough of them
to pay for the workers; results come back in the order of the paths either way, so the
output is the same as a serial run. Each worker rebuilds the run from its picklable
description, so no linter or model crosses a process boundary — only findings do.
"""

from __future__ import annotations

import collections
import os
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Iterator

from lint.cache import Cache, content
from lint.config import Settings, find_config, is_config_file, load_settings
from lint.discover import LinkOutside, discover
from lint.engine import Linter
from lint.findings import FileResult
from lint.loading.load import _TOP_KEYS as TOP_KEYS
from lint.loading.load import MAX_FILE_BYTES
from lint.loading.source import decode
from lint.reading import NotRegularFile, read_regular, shown_path
from lint.references import References, load_references

# Below this many files per worker, starting processes costs more than it saves.
_FILES_PER_WORKER = 8
# Files read ahead of the one whose result is due, per worker: enough to keep workers busy.
_WINDOW_PER_WORKER = 32


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
    force_exclude: bool = False  # --force-exclude: the config's exclude applies to named files too
    skip_non_targets: bool = False  # --skip-non-targets: YAML with no target key is passed over, not an error
    # True: verdicts of checks that declare READS are reused across cells (the same findings).
    # Off: measured on the varied benchmark corpus, looking verdicts up cost more than running
    # the checks (rules stage 23.5 vs 19.4 ms/file), and it only broke even on seed-only.
    memo: bool = False
    passed_over: list = field(default_factory=list)  # named files left out: config files, --force-exclude
    skipped: int = 0  # files --skip-non-targets passed over
    refused: dict = field(default_factory=dict)  # path → (English, Chinese) reason it is not read
    _settings: dict = field(default_factory=dict)  # config path (or None) → Settings
    _config_of: dict = field(default_factory=dict)  # folder → its config path (or None)
    _linters: dict = field(default_factory=dict)
    _referenced: dict = field(default_factory=dict)  # (targets, previous) → References
    _cache: Cache | None = None

    def description(self) -> dict:
        """What a worker process needs to rebuild this run."""
        return {name: getattr(self, name) for name in
                ("cli", "config", "isolated", "suppressions", "stdin_filename", "keep_text", "cache_root", "refused",
                 "force_exclude", "skip_non_targets", "memo")}

    def settings_for(self, path: str) -> Settings:
        if self.isolated:
            source = None
        elif self.config is not None:
            source = self.config
        else:
            # abspath, not resolve: a symlink loop must reach the reader and become a finding.
            folder = os.path.dirname(os.path.abspath(self.stdin_filename if path == "-" else path))
            if folder not in self._config_of:  # asked several times per file: look up each folder once
                self._config_of[folder] = find_config(Path(folder))
            source = self._config_of[folder]
        if source not in self._settings:
            base = load_settings(source) if source is not None else Settings()
            self._settings[source] = base.with_cli(**self.cli)
        return self._settings[source]

    def forget_config_lookups(self) -> None:
        """Look each folder's config up again from now on (a long-lived run, such as the
        language server's, sees a config file created since); loaded settings are kept."""
        self._config_of.clear()

    def linter(self, settings: Settings) -> Linter:
        key = id(settings)
        if key not in self._linters:
            self._linters[key] = Linter(settings.ruleset(), lang=settings.lang, suppressions=self.suppressions,
                                        references=self._references(settings), memo=self.memo)
        return self._linters[key]

    def _references(self, settings: Settings) -> References:
        """The files the settings' "cross" rules compare with, loaded once per set of paths."""
        key = (tuple(settings.targets), tuple(settings.previous))
        if key not in self._referenced:
            self._referenced[key] = load_references(*key)
        return self._referenced[key]

    def config_files(self, files: list[str]) -> list[Path]:
        """The config files that apply to ``files`` (the run must never write over them)."""
        for path in files:
            self.settings_for(path)
        return [source for source in self._settings if source is not None]

    def rules(self) -> dict:
        """Every rule in force in this run, by id (for formats that describe rules)."""
        return {rule.id: rule for settings in self._settings.values() for rule in settings.ruleset()}

    def files(self, paths: list[str]) -> list[str]:
        """The files to check; ``passed_over`` keeps the named files left out of them."""
        chosen = []
        self.passed_over = []
        for path, named, refused in discover(paths):
            if path != "-" and is_config_file(path):
                # jxlint's own settings are never a target, even when a hook names them.
                if named:
                    self.passed_over.append(path)
                continue
            if not named:
                settings = self.settings_for(path)
                if not settings.is_included(path) or settings.is_excluded(path):
                    continue
            elif self.force_exclude and path != "-" and self.settings_for(path).is_excluded(path):
                self.passed_over.append(path)
                continue
            chosen.append(path)
            if refused is not None:
                self.refused[path] = _reasons(refused)
        return chosen

    @property
    def cache(self) -> Cache | None:
        if self._cache is None and self.cache_root is not None:
            self._cache = Cache(self.cache_root)
        return self._cache

    def results(self, files: list[str], jobs: int = 1, stdin: bytes | None = None) -> Iterator[FileResult]:
        """Check ``files`` and yield their results in order; ``-`` is read from ``stdin``.

        With ``skip_non_targets``, a file that is plainly not a target file yields nothing and
        is counted in ``skipped``."""
        self.skipped = 0
        for result in self._results(files, jobs, stdin):
            if result is None:
                self.skipped += 1
            else:
                yield result

    def _results(self, files: list[str], jobs: int, stdin: bytes | None) -> Iterator[FileResult | None]:
        for path in files:  # settings (and config errors) are resolved here, before any worker starts
            self.linter(self.settings_for(path))
        jobs = max(1, min(jobs, len(files) // _FILES_PER_WORKER))
        if jobs == 1:
            for path in files:
                yield self.check(path, stdin if path == "-" else None)
            return
        workers = _Workers(jobs, self)
        # In path order: results ready, and files given to (or waiting for) a worker. Bounded, so
        # that memory stays flat however many files there are.
        pending: collections.deque = collections.deque()
        try:
            for path in files:
                if self.cache is None and path != "-":
                    work = path  # nothing to learn here first: the worker reads the file
                else:
                    # With a cache, the file is read and hashed here, once: the cache answers it,
                    # or its bytes go to a worker with their digest.
                    work = self._read(path, stdin if path == "-" else None)
                pending.append(workers.take(work) if isinstance(work, (str, _Read)) else work)
                while len(pending) > jobs * _WINDOW_PER_WORKER:
                    yield workers.result(pending.popleft())
            while pending:
                yield workers.result(pending.popleft())
        finally:
            workers.close()

    def check(self, path: str, stdin: bytes | None = None) -> FileResult | None:
        """The result of one file (``stdin``: its bytes, already read); None when
        ``skip_non_targets`` passes it over."""
        read = self._read(path, stdin)
        return self.complete(read) if isinstance(read, _Read) else read

    def _read(self, path: str, stdin: bytes | None) -> "_Read | FileResult | None":
        """The file's bytes, read once, with their cache key; or its result already, when it
        cannot be read, is refused, or is answered by the cache."""
        settings = self.settings_for(path)
        linter = self.linter(settings)
        shown = shown_path(self.stdin_filename if path == "-" else path)
        if stdin is not None:
            data = stdin
        elif path in self.refused:
            english, chinese = self.refused[path]
            return linter.check_unreadable(shown, OSError(0, chinese if linter.lang == "zh" else english))
        else:
            try:
                data = read_regular(path, MAX_FILE_BYTES)  # one byte more than the limit: enough to know it is too big
            except OSError as error:
                english, chinese = _reasons(error)
                return linter.check_unreadable(shown, OSError(error.errno, chinese if linter.lang == "zh" else english))
        if self.skip_non_targets and not might_be_target(data):
            return None
        if self.cache is None:
            return _Read(path, shown, data)
        digest = content(data)
        key = self.cache.key(linter.fingerprint, shown, digest)
        findings = self.cache.get(key, linter.fingerprint, digest)
        if findings is None:
            return _Read(path, shown, data, digest, key)
        text = decode(data).text if self.keep_text else None
        return self._delivered(path, FileResult(shown, findings, text.removeprefix("\ufeff") if text else text))

    def complete(self, read: "_Read | str") -> FileResult | None:
        """Check a file the cache could not answer (or only named: read it first)."""
        if isinstance(read, str):
            return self.check(read)
        linter = self.linter(self.settings_for(read.path))
        result = linter.check_bytes(read.shown, read.data)
        if read.key is not None:
            self.cache.put(read.key, linter.fingerprint, read.digest, result.findings)
        return self._delivered(read.path, result)

    def _delivered(self, path: str, result: FileResult) -> FileResult:
        """``result`` as the run reports it: without the findings ignored for ``path``, and
        without its text where no reporter quotes lines."""
        ignored = self.settings_for(path).ignored_for(path)
        if ignored:
            result.findings = [f for f in result.findings if not any(f.rule.startswith(i) for i in ignored)]
        if not self.keep_text:
            result.text = None  # streamed formats never quote lines: do not hold every file in memory
        return result


@dataclass(slots=True)
class _Read:
    """A file's bytes, read once, on their way to be checked; ``key`` and ``digest`` when the
    cache is on, so that the result is stored without hashing the bytes again."""

    path: str  # as named (settings are found from it)
    shown: str  # as reports print it
    data: bytes
    digest: str | None = None
    key: str | None = None


class _Workers:
    """Worker processes, started when enough files need one: a warm cache answers every file
    and starts none. Until then, files wait here, and any still waiting when their turn comes
    are checked in this process."""

    def __init__(self, jobs: int, run: Run) -> None:
        self.jobs = jobs
        self.run = run
        self.pool = None  # a ProcessPoolExecutor, once started
        self.waiting: list[_Job] = []

    def take(self, work: "_Read | str") -> "_Job":
        job = _Job(work)
        if self.pool is not None:
            job.future = self.pool.submit(_check_in_worker, work)
            return job
        self.waiting.append(job)
        if len(self.waiting) >= _FILES_PER_WORKER:
            # Deferred: a run of a few files (a pre-commit hook) never starts a process.
            from concurrent.futures import ProcessPoolExecutor

            global _worker_run
            _worker_run = self.run  # what a forked worker inherits, settings and rule packs loaded
            self.pool = ProcessPoolExecutor(max_workers=self.jobs, initializer=_start_worker,
                                            initargs=(self.run.description(),))
            for waiting in self.waiting:
                waiting.future = self.pool.submit(_check_in_worker, waiting.work)
            self.waiting = []
        return job

    def result(self, item) -> FileResult | None:
        if not isinstance(item, _Job):
            return item  # answered without a worker
        if item.future is None:
            self.waiting.remove(item)
            return self.run.complete(item.work)
        return item.future.result()

    def close(self) -> None:
        global _worker_run
        if self.pool is not None:
            self.pool.shutdown(cancel_futures=True)
            _worker_run = None


@dataclass(slots=True)
class _Job:
    work: "_Read | str"
    future: object = None  # a concurrent.futures.Future, once given to a worker


def _reasons(error: OSError) -> tuple[str, str]:
    """(English, Chinese) reason a file is not read, for JX014's message."""
    if isinstance(error, LinkOutside):
        return "a symbolic link that points outside the repository; not read", "符号链接指向仓库之外，未读取"
    if isinstance(error, NotRegularFile):
        return f"not a regular file ({error.kind}); not read", f"不是普通文件（{error.kind_zh}），未读取"
    reason = error.strerror or type(error).__name__
    return reason, reason


# A target key anywhere: at a line's start, in a list item or inside a flow mapping, with an
# ASCII or a full-width colon (a typing slip is still a target file, and must be reported).
_TARGET_KEY = re.compile(r"""(?:^|[\s{,\-])["']?(?:%s)["']?[ \t]*[:：]""" % "|".join(TOP_KEYS), re.MULTILINE)


def might_be_target(data: bytes) -> bool:
    """False for a YAML file that is plainly not a target file: it names none of the target
    keys anywhere (a CI or pre-commit config, say). Bytes that do not decode might be a
    target file in an unusual encoding, so they are checked (and reported)."""
    text = decode(data).text
    return text is None or _TARGET_KEY.search(text) is not None


_worker_run: Run | None = None


def _start_worker(description: dict) -> None:
    """A forked worker checks with the run it inherited; a spawned one (the start method of
    other platforms) rebuilds it from its description."""
    global _worker_run
    if _worker_run is None or _worker_run.description() != description:
        _worker_run = Run(**description)


def _check_in_worker(work: "_Read | str") -> FileResult | None:
    return _worker_run.complete(work)
