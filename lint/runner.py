"""One ``jxlint check`` run: paths → settings per file → engine → results in path order."""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path

from lint.config import Settings, find_config, load_settings
from lint.discover import discover
from lint.engine import Linter
from lint.findings import FileResult


@dataclass(slots=True)
class Run:
    """How settings are found for this run, and what the command line overrides."""

    cli: dict = field(default_factory=dict)
    config: Path | None = None  # --config: one file for everything
    isolated: bool = False  # --isolated: no config files at all
    suppressions: bool = True  # False with --ignore-suppressions
    stdin_filename: str = "-"
    _settings: dict = field(default_factory=dict)  # config path (or None) → Settings
    _linters: dict = field(default_factory=dict)

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

    def check(self, path: str, stdin: bytes | None = None) -> FileResult:
        settings = self.settings_for(path)
        linter = self.linter(settings)
        shown = self.stdin_filename if path == "-" else path
        if stdin is not None:
            result = linter.check_bytes(shown, stdin)
        else:
            try:
                with open(path, "rb") as handle:
                    data = handle.read()
            except OSError as error:
                return linter.check_unreadable(shown, error)
            result = linter.check_bytes(shown, data)
        ignored = settings.ignored_for(path)
        if ignored:
            result.findings = [f for f in result.findings if not any(f.rule.startswith(i) for i in ignored)]
        return result
