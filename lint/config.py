"""Settings: defaults, then the closest config file, then the command line.

A config is ``[tool.jxlint]`` in ``pyproject.toml`` or a ``.jxlint.yaml``; for each
checked file the closest one found from its folder upwards wins (as in ruff). ``--config``
names one for every file and ``--isolated`` ignores them all. Each setting remembers where
it came from, for ``jxlint check --show-settings``.
"""

from __future__ import annotations

import fnmatch
import os
from dataclasses import dataclass, field, fields, replace
from pathlib import Path, PurePosixPath

import yaml

from lint.findings import Span
from lint.loading.source import decode
from lint.loading.tree import MapNode, SeqNode, build_tree, compose, to_plain
from lint.loading.validate import validate
from lint.reading import MAX_SETTINGS_BYTES, read_regular
from lint.rulepack import DEFAULT, Origin, RuleSet, SettingsProblem, configure, load_rules, settings_tree

CONFIG_NAMES = (".jxlint.yaml", ".jxlint.yml", "pyproject.toml")
# jxlint's own config files are YAML too, but never target files (pyproject.toml is not YAML).
OWN_CONFIG_NAMES = (".jxlint.yaml", ".jxlint.yml")
DEFAULT_INCLUDE = ("*.yaml", "*.yml")


class ConfigError(Exception):
    """A config file that cannot be used; ``str()`` is ``path:line:col: message`` in English,
    :meth:`text` the message in the user's language where there is a translation."""

    def __init__(self, message: str, zh: str | None = None) -> None:
        super().__init__(message)
        self.zh = zh

    def text(self, lang: str) -> str:
        return self.zh if lang == "zh" and self.zh else str(self)


# Settings that name rules by id or prefix; the command line's extend-* add to the file's.
SELECTOR_LISTS = ("select", "extend_select", "ignore", "extend_ignore")


@dataclass(slots=True)
class Settings:
    select: list[str] | None = None
    extend_select: list[str] = field(default_factory=list)
    ignore: list[str] = field(default_factory=list)
    extend_ignore: list[str] = field(default_factory=list)
    severity: dict[str, str] = field(default_factory=dict)
    options: dict[str, dict] = field(default_factory=dict)
    packs: list[str] = field(default_factory=list)  # absolute paths, loaded after the default pack
    targets: list[str] = field(default_factory=list)  # absolute paths: approved target files (--targets)
    previous: list[str] = field(default_factory=list)  # absolute paths: last year's self-assessments (--previous)
    include: list[str] = field(default_factory=lambda: list(DEFAULT_INCLUDE))
    exclude: list[str] = field(default_factory=list)
    per_file_ignores: dict[str, list[str]] = field(default_factory=dict)
    fail_level: str = "error"
    lang: str = "zh"
    path: Path | None = None  # the config file; None for the built-in defaults
    origins: dict[str, str] = field(default_factory=dict)  # setting → where it was set
    origin: Origin | None = None  # to locate errors in the config file
    given: dict[str, list[str]] = field(default_factory=dict)  # selector lists as the command line gave them
    _ruleset: RuleSet | None = None

    @property
    def root(self) -> Path:
        """Globs are relative to the config file's folder (the working folder without one)."""
        return self.path.parent if self.path else Path.cwd()

    def with_cli(self, **given) -> "Settings":
        """Command-line values override the file's, except that ``--extend-select`` and
        ``--extend-ignore`` add to the file's lists; None means "not given"."""
        changes = {name: value for name, value in given.items() if value is not None}
        selectors = {name: [selector.upper() for selector in changes[name]] for name in SELECTOR_LISTS if name in changes}
        changes.update(selectors)
        for name in ("extend_select", "extend_ignore"):
            if name in changes:
                changes[name] = [*getattr(self, name), *changes[name]]
        result = replace(self, **changes, given=selectors, _ruleset=None)
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
        # Case-insensitively: UPPER.YAML is a YAML file (as Windows and macOS see it).
        path, name = str(relative).lower(), relative.name.lower()
        return any(fnmatch.fnmatchcase(path, p.lower()) or fnmatch.fnmatchcase(name, p.lower()) for p in self.include)

    def ignored_for(self, path: str) -> list[str]:
        relative = self.relative(path)
        return [rule for pattern, rules in self.per_file_ignores.items() if fnmatch.fnmatch(relative, pattern) for rule in rules]

    def unmatched_ignores(self, paths: list[str]) -> list[tuple[str, int]]:
        """The per-file-ignores patterns that match none of ``paths``, with their line."""
        relatives = [self.relative(path) for path in paths]
        return [(pattern, self.origin.locate(("per-file-ignores", pattern), key=True).line if self.origin else 1)
                for pattern in self.per_file_ignores
                if not any(fnmatch.fnmatch(relative, pattern) for relative in relatives)]

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
        self._check_selectors(ruleset)
        select = None if self.select is None else [*self.select, *self.extend_select]
        return ruleset.select(select, [*self.ignore, *self.extend_ignore])

    def _check_selectors(self, ruleset: RuleSet) -> None:
        """A selector that matches no rule is a typo that silently turns checks off (or on):
        an error naming the closest rule ids. A rule a pack disabled still counts as known."""
        known: list[str] | None = None
        lists = [(name, getattr(self, name) or []) for name in SELECTOR_LISTS]
        lists += [(("per-file-ignores", pattern), rules) for pattern, rules in self.per_file_ignores.items()]
        for name, selectors in lists:
            for index, selector in enumerate(selectors):
                if any(rule_id.startswith(selector) for rule_id in ruleset.rules):
                    continue
                if known is None:
                    known = sorted({*ruleset.rules, *load_rules((DEFAULT,)).rules})
                if any(rule_id.startswith(selector) for rule_id in known):
                    continue
                raise self._unknown_selector(name, index, len(selectors), selector, known)

    def _unknown_selector(self, name, index: int, count: int, selector: str, known: list[str]) -> ConfigError:
        nearest = ", ".join(nearest_ids(selector, known))
        if isinstance(name, tuple):
            setting, keys = "per-file-ignores", (*name, index)
        else:
            setting, keys = name.replace("_", "-"), (name.replace("_", "-"), index)
        from_cli = len(self.given.get(name, ())) > count - 1 - index if isinstance(name, str) else False
        if from_cli:
            where_en, where_zh = f"command line option --{setting}", f"命令行选项 --{setting}"
        else:
            span = self.origin.locate(keys) if self.origin else Span.point(1, 1)
            where_en = where_zh = f"{self.origin.path if self.origin else self.path}:{span.line}:{span.column}"
            where_zh += f"：{setting}"
            where_en += f": {setting}"
        return ConfigError(f"{where_en}: '{selector}' is neither a rule id nor the start of one; nearest: {nearest}",
                           zh=f"{where_zh} 里的「{selector}」不是规则编号，也不是编号的开头；最接近的是 {nearest.replace(', ', '、')}")

    def shown(self) -> list[tuple[str, object, str]]:
        """(setting, value, where from) for --show-settings."""
        skip = {"path", "origins", "origin", "given", "_ruleset"}
        return [
            (f.name.replace("_", "-"), getattr(self, f.name), self.origins.get(f.name, "default"))
            for f in fields(self)
            if f.name not in skip
        ]


def is_config_file(path: str) -> bool:
    return os.path.basename(path) in OWN_CONFIG_NAMES


def nearest_ids(selector: str, known: list[str], count: int = 3) -> list[str]:
    """The rule ids fewest edits away from ``selector``; for a short selector, the id prefixes
    as long as it (``JX9`` is nearest to the families ``JX0``, ``JX1`` …)."""
    if len(selector) < min(map(len, known)) - 1:
        candidates = {rule_id[: len(selector)] for rule_id in known}
    else:
        candidates = set(known)
    return sorted(candidates, key=lambda candidate: (_edits(selector, candidate), candidate))[:count]


def _edits(a: str, b: str) -> int:
    """Levenshtein distance (rule ids are a few characters long)."""
    row = list(range(len(b) + 1))
    for i, x in enumerate(a, 1):
        previous, row[0] = row[0], i
        for j, y in enumerate(b, 1):
            previous, row[j] = row[j], min(row[j] + 1, row[j - 1] + 1, previous + (x != y))
    return row[-1]


def find_config(folder: Path) -> Path | None:
    """The closest config file from ``folder`` upwards; a pyproject.toml counts only with [tool.jxlint]."""
    for directory in (folder, *folder.parents):
        for name in CONFIG_NAMES:
            candidate = directory / name
            if candidate.is_file() and (name != "pyproject.toml" or _has_jxlint_table(candidate)):
                return candidate
    return None


def _has_jxlint_table(path: Path) -> bool:
    import tomllib  # only where a pyproject.toml is read

    try:
        data = read_regular(path, MAX_SETTINGS_BYTES)
        return len(data) > MAX_SETTINGS_BYTES or "jxlint" in tomllib.loads(data.decode("utf-8")).get("tool", {})
    except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError):
        return True  # a broken pyproject.toml is reported when it is read, not skipped


def load_settings(path: Path) -> Settings:
    """Read and validate one config file."""
    where = str(path)
    try:
        data = read_regular(path, MAX_SETTINGS_BYTES)
    except OSError as error:
        raise ConfigError(f"{where}:1:1: cannot read config: {error.strerror or error}") from None
    if len(data) > MAX_SETTINGS_BYTES:
        raise ConfigError(f"{where}:1:1: cannot read config: larger than {MAX_SETTINGS_BYTES >> 20} MB")
    if path.name == "pyproject.toml":
        raw, origin = _from_toml(where, data)
    else:
        raw, origin = _from_yaml(where, data)
    settings = Settings(path=path.resolve(), origin=origin)
    for key, value in raw.items():
        name = key.replace("-", "_")
        if name in ("packs", "targets", "previous"):
            value = [str((path.parent / pack).resolve()) for pack in value]
        elif name in SELECTOR_LISTS:
            value = [selector.upper() for selector in value]  # selectors are case-insensitive, as ids are
        elif name == "per_file_ignores":
            value = {pattern: [selector.upper() for selector in rules] for pattern, rules in value.items()}
        elif name in ("severity", "options"):
            value = {rule_id.upper(): setting for rule_id, setting in value.items()}
        setattr(settings, name, value)
        settings.origins[name] = f"{where}:{origin.locate((key,)).line}"
    return settings


def _from_yaml(where: str, data: bytes) -> tuple[dict, Origin]:
    decoded = decode(data)
    if decoded.text is None:
        raise ConfigError(f"{where}:1:1: config is not UTF-8 text", zh=f"{where}:1:1: 配置文件不是 UTF-8 文本")
    try:
        tree = settings_tree(decoded.text, "config")
    except SettingsProblem as problem:
        raise _located(where, problem.span, problem) from None
    if tree is None:
        return {}, Origin(where, lambda keys, key=False: Span.point(1, 1))
    return to_plain(tree), Origin.of_tree(where, tree)


def _located(where: str, span: Span, problem: SettingsProblem, prefix: str = "") -> ConfigError:
    at = f"{where}:{span.line}:{span.column}: {prefix}"
    return ConfigError(at + problem.en, zh=at + (problem.zh or problem.en))


def _from_toml(where: str, data: bytes) -> tuple[dict, Origin]:
    import tomllib

    try:
        text = data.decode("utf-8")
        raw = tomllib.loads(text).get("tool", {}).get("jxlint", {})
    except (UnicodeDecodeError, tomllib.TOMLDecodeError) as error:
        raise ConfigError(f"{where}:1:1: {error}") from None
    origin = Origin(where, lambda keys, key=False: _toml_line(text, keys))
    # The same located, bilingual schema messages as .jxlint.yaml: validate the table as the
    # YAML it would be, then place the first problem on the TOML line of its key.
    tree, _ = build_tree(compose(yaml.safe_dump(raw, allow_unicode=True, sort_keys=False))[0])
    problems = validate(tree, "config", quote=False) if tree is not None else []
    if problems:
        raise _located(where, origin.locate(_path_at(tree, problems[0].span)), SettingsProblem.of(problems[0]), "[tool.jxlint] ")
    return raw, origin


def _path_at(node, span: Span, path: tuple = ()) -> tuple:
    """The keys leading to the deepest node of ``node`` at ``span``."""
    if isinstance(node, MapNode):
        for name, (key, value) in node.items.items():
            if key.span.contains(span) or (key.span.line, key.span.column) == (span.line, span.column):
                return path + (name,)
            if value.span.contains(span) or (value.span.line, value.span.column) == (span.line, span.column):
                return _path_at(value, span, path + (name,))
    if isinstance(node, SeqNode):
        for index, item in enumerate(node.items):
            if item.span.contains(span) or (item.span.line, item.span.column) == (span.line, span.column):
                return _path_at(item, span, path + (index,))
    return path


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

