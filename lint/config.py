"""Settings: defaults, then the closest config file, then the command line.

A config is ``[tool.jxlint]`` in ``pyproject.toml`` or a ``.jxlint.yaml``; for each
checked file the closest one found from its folder upwards wins (as in ruff). ``--config``
names one for every file and ``--isolated`` ignores them all. Each setting remembers where
it came from, for ``jxlint check --show-settings``.
"""

from __future__ import annotations

import fnmatch
import os
import tomllib
from dataclasses import dataclass, field, fields, replace
from pathlib import Path, PurePosixPath

from lint.findings import Span
from lint.loading.source import decode
from lint.loading.slips import detail_text
from lint.loading.tree import build_tree, compose, to_plain
from lint.loading.validate import validate
from lint.rulepack import DEFAULT, Origin, RuleSet, configure, load_rules

CONFIG_NAMES = (".jxlint.yaml", ".jxlint.yml", "pyproject.toml")
DEFAULT_INCLUDE = ("*.yaml", "*.yml")


class ConfigError(Exception):
    """A config file that cannot be used; ``str()`` is ``path:line:col: message``."""


@dataclass(slots=True)
class Settings:
    select: list[str] | None = None
    extend_select: list[str] = field(default_factory=list)
    ignore: list[str] = field(default_factory=list)
    severity: dict[str, str] = field(default_factory=dict)
    options: dict[str, dict] = field(default_factory=dict)
    packs: list[str] = field(default_factory=list)  # absolute paths, loaded after the default pack
    include: list[str] = field(default_factory=lambda: list(DEFAULT_INCLUDE))
    exclude: list[str] = field(default_factory=list)
    per_file_ignores: dict[str, list[str]] = field(default_factory=dict)
    fail_level: str = "error"
    lang: str = "zh"
    path: Path | None = None  # the config file; None for the built-in defaults
    origins: dict[str, str] = field(default_factory=dict)  # setting → where it was set
    origin: Origin | None = None  # to locate errors in the config file
    _ruleset: RuleSet | None = None

    @property
    def root(self) -> Path:
        """Globs are relative to the config file's folder (the working folder without one)."""
        return self.path.parent if self.path else Path.cwd()

    def with_cli(self, **given) -> "Settings":
        """Command-line values override the file's; None means "not given"."""
        changes = {name: value for name, value in given.items() if value is not None}
        result = replace(self, **changes, _ruleset=None)
        result.origins = {**self.origins, **{name: "command line" for name in changes}}
        return result

    def relative(self, path: str) -> str:
        try:
            return PurePosixPath(Path(os.path.abspath(path)).relative_to(os.path.abspath(self.root))).as_posix()
        except ValueError:
            return PurePosixPath(Path(path)).as_posix()

    def is_excluded(self, path: str) -> bool:
        relative = PurePosixPath(self.relative(path))
        return any(
            fnmatch.fnmatch(str(relative), pattern) or any(fnmatch.fnmatch(part, pattern) for part in relative.parts)
            for pattern in self.exclude
        )

    def is_included(self, path: str) -> bool:
        relative = PurePosixPath(self.relative(path))
        return any(fnmatch.fnmatch(str(relative), p) or fnmatch.fnmatch(relative.name, p) for p in self.include)

    def ignored_for(self, path: str) -> list[str]:
        relative = self.relative(path)
        return [rule for pattern, rules in self.per_file_ignores.items() if fnmatch.fnmatch(relative, pattern) for rule in rules]

    def ruleset(self) -> RuleSet:
        """The rules these settings select, with their severity and option overrides."""
        if self._ruleset is None:
            self._ruleset = self._build_ruleset()
        return self._ruleset

    def _build_ruleset(self) -> RuleSet:
        ruleset = load_rules((DEFAULT, *self.packs))
        origin = self.origin or Origin("command line", lambda keys, key=False: Span.point(1, 1))
        # Configure before selecting, so that a config may tune a rule it also switches off.
        for rule_id, level in self.severity.items():
            configure(ruleset, rule_id, {"severity": level}, origin, ("severity", rule_id))
        for rule_id, options in self.options.items():
            configure(ruleset, rule_id, {"options": options}, origin, ("options", rule_id))
        select = None if self.select is None else [*self.select, *self.extend_select]
        return ruleset.select(select, self.ignore)

    def shown(self) -> list[tuple[str, object, str]]:
        """(setting, value, where from) for --show-settings."""
        skip = {"path", "origins", "origin", "_ruleset"}
        return [
            (f.name.replace("_", "-"), getattr(self, f.name), self.origins.get(f.name, "default"))
            for f in fields(self)
            if f.name not in skip
        ]


def find_config(folder: Path) -> Path | None:
    """The closest config file from ``folder`` upwards; a pyproject.toml counts only with [tool.jxlint]."""
    for directory in (folder, *folder.parents):
        for name in CONFIG_NAMES:
            candidate = directory / name
            if candidate.is_file() and (name != "pyproject.toml" or _has_jxlint_table(candidate)):
                return candidate
    return None


def _has_jxlint_table(path: Path) -> bool:
    try:
        return "jxlint" in tomllib.loads(path.read_text(encoding="utf-8")).get("tool", {})
    except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError):
        return True  # a broken pyproject.toml is reported when it is read, not skipped


def load_settings(path: Path) -> Settings:
    """Read and validate one config file."""
    where = str(path)
    try:
        data = path.read_bytes()
    except OSError as error:
        raise ConfigError(f"{where}:1:1: cannot read config: {error.strerror or error}") from None
    if path.name == "pyproject.toml":
        raw, origin = _from_toml(where, data)
    else:
        raw, origin = _from_yaml(where, data)
    settings = Settings(path=path.resolve(), origin=origin)
    for key, value in raw.items():
        name = key.replace("-", "_")
        if name == "packs":
            value = [str((path.parent / pack).resolve()) for pack in value]
        setattr(settings, name, value)
        settings.origins[name] = f"{where}:{origin.locate((key,)).line}"
    return settings


def _from_yaml(where: str, data: bytes) -> tuple[dict, Origin]:
    decoded = decode(data)
    if decoded.text is None:
        raise ConfigError(f"{where}:1:1: config is not UTF-8 text")
    root, problems = compose(decoded.text.removeprefix("\ufeff"))
    if root is None:
        if problems:
            raise ConfigError(f"{where}:{problems[0].span.line}:{problems[0].span.column}: {detail_text(problems[0])}")
        return {}, Origin(where, lambda keys, key=False: Span.point(1, 1))
    tree, problems = build_tree(root)
    problems = problems or validate(tree, "config")
    if problems:
        hit = problems[0]
        detail = hit.params.get("detail")
        message = detail["en"] if isinstance(detail, dict) else f"{hit.problem} {hit.params.get('key', '')}".strip()
        raise ConfigError(f"{where}:{hit.span.line}:{hit.span.column}: {message}")
    return to_plain(tree), Origin.of_tree(where, tree)


def _from_toml(where: str, data: bytes) -> tuple[dict, Origin]:
    try:
        text = data.decode("utf-8")
        raw = tomllib.loads(text).get("tool", {}).get("jxlint", {})
    except (UnicodeDecodeError, tomllib.TOMLDecodeError) as error:
        raise ConfigError(f"{where}:1:1: {error}") from None
    origin = Origin(where, lambda keys, key=False: _toml_line(text, keys))
    import jsonschema

    from lint.resources import schema

    error = jsonschema.exceptions.best_match(jsonschema.Draft202012Validator(schema("config")).iter_errors(raw))
    if error is not None:
        span = origin.locate(tuple(error.absolute_path))
        raise ConfigError(f"{where}:{span.line}:{span.column}: [tool.jxlint] {error.message}")
    return raw, origin


def _toml_line(text: str, keys: tuple) -> Span:
    """tomllib keeps no positions: find the line that sets the deepest key we can see."""
    lines = text.splitlines()
    start = next((i for i, line in enumerate(lines) if line.strip() in ("[tool.jxlint]",)), 0)
    for key in reversed([str(k) for k in keys]):
        for number in range(start, len(lines)):
            stripped = lines[number].lstrip()
            if stripped.startswith((key, f'"{key}"', f"[tool.jxlint.{key}]")):
                return Span.point(number + 1, len(lines[number]) - len(stripped) + 1)
    return Span.point(start + 1, 1)

