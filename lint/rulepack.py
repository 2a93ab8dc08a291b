"""Rule packs: rules as data, validated, merged and configured.

A pack is a YAML file (``rules/*.yaml`` make up the built-in ``default`` pack). It may
``extends`` other packs, ``disable`` rules by id or prefix, ``override`` a rule's
severity, options or scope, and add ``rules`` of its own that use existing check kinds —
the way Vale's and Spectral's rulesets work. Packs never execute code: a rule can only
name a check kind that ships in :mod:`lint.checks`. A broken pack is a :class:`PackError`
located at its file, line and column.
"""

from __future__ import annotations

import marshal
import re
import string
import sys
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Callable, Iterable

from lint import checks, usercache
from lint.checks._options import SEARCH_LIMIT, AnyPattern, allowed, compile_patterns
from lint.findings import Severity, Span
from lint.loading import labels
from lint.loading.source import decode
from lint.loading.slips import detail_text
from lint.loading.tree import Node, build_tree, compose, locate, to_plain
from lint.loading.validate import validate
from lint.reading import MAX_SETTINGS_BYTES, read_regular
from lint.resources import data_dir

DEFAULT = "default"


class PackError(Exception):
    """A rule pack that cannot be used; ``str()`` is ``path:line:col: message`` in English,
    :meth:`text` in the user's language (every error is worded in both)."""

    def __init__(self, path: str, span: Span, message: str, zh: str) -> None:
        super().__init__(f"{path}:{span.line}:{span.column}: {message}")
        self.path, self.span, self.message, self.zh = path, span, message, zh

    def text(self, lang: str) -> str:
        if lang == "zh":
            return f"{self.path}:{self.span.line}:{self.span.column}: {self.zh}"
        return str(self)


@dataclass(frozen=True, slots=True)
class Origin:
    """Where settings come from, to locate an error: a file and a path → span lookup."""

    path: str
    locate: Callable[..., Span]
    # Settings that passed every check below before, byte for byte (the default pack, from the
    # user cache): they are built again without checking, and have no tree to locate in.
    verified: bool = False

    @classmethod
    def of_tree(cls, path: str, tree: Node) -> "Origin":
        return cls(path, lambda keys, key=False: locate(tree, keys, key=key))

    def error(self, keys: tuple, message: str, key: bool = False, *, zh: str) -> PackError:
        return PackError(self.path, self.locate(keys, key=key), message, zh)


@dataclass(frozen=True, slots=True)
class Where:
    """Which indicators, value columns and tables a rule applies to (None: all)."""

    level1: frozenset[str] | None = None
    level2: frozenset[str] | None = None
    columns: frozenset[str] | None = None
    tables: frozenset[str] | None = None
    names: tuple[re.Pattern, ...] | None = None

    def table(self, kind: str) -> bool:
        return self.tables is None or kind in self.tables

    def indicator(self, indicator) -> bool:
        return (
            (self.level1 is None or indicator.level1 in self.level1)
            and (self.level2 is None or indicator.level2 in self.level2)
            and (self.names is None or any(p.search(indicator.name.text[:SEARCH_LIMIT]) for p in self.names))
        )

    def column(self, column: str) -> bool:
        return self.columns is None or column in self.columns


@dataclass(frozen=True, slots=True)
class Rule:
    id: str
    slug: str
    family: str
    check: str
    severity: Severity
    where: Where
    options: dict
    summary: dict
    message: dict
    hint: dict
    rationale: dict
    examples: dict
    origin: str  # "path:line" of the rule's definition
    texts: dict = field(default_factory=dict)  # key → {lang: text}: the wording its check picks from

    @property
    def scope(self) -> str:
        return checks.load(self.check).SCOPE

    def text(self, part: str, lang: str) -> str:
        texts = getattr(self, part)
        return texts.get(lang) or texts.get("zh", "")


@dataclass(slots=True)
class RuleSet:
    rules: dict[str, Rule] = field(default_factory=dict)
    packs: list[str] = field(default_factory=list)  # every pack file read, in order

    def __iter__(self):
        return iter(self.rules.values())

    def select(self, select: Iterable[str] | None = None, ignore: Iterable[str] = ()) -> "RuleSet":
        """Rules whose id starts with a prefix in ``select`` (all if None) and none in ``ignore``."""
        chosen = {
            rule_id: rule
            for rule_id, rule in self.rules.items()
            if (select is None or matches(rule_id, select)) and not matches(rule_id, ignore)
        }
        return RuleSet(chosen, list(self.packs))


def matches(rule_id: str, prefixes: Iterable[str]) -> bool:
    return any(rule_id.startswith(prefix) for prefix in prefixes)


def default_pack_files() -> list[Path]:
    return sorted(data_dir("rules").glob("*.yaml"))


def load_rules(packs: Iterable[str | Path] = (DEFAULT,)) -> RuleSet:
    """Load ``packs`` in order into one rule set; each may extend, disable and override."""
    ruleset = RuleSet()
    for pack in packs:
        _load_into(ruleset, pack, Path.cwd(), seen=())
    return ruleset


def _load_into(ruleset: RuleSet, pack: str | Path, base: Path, seen: tuple[Path, ...]) -> None:
    """Load one pack (and what it extends) into ``ruleset``; a pack already loaded is skipped."""
    if str(pack) == DEFAULT:
        if DEFAULT not in ruleset.packs:
            ruleset.packs.append(DEFAULT)
            _load_default(ruleset, seen)
        return
    path = (base / pack).resolve()
    if str(path) not in ruleset.packs:
        _load_file(ruleset, path, seen)


def _load_default(ruleset: RuleSet, seen: tuple[Path, ...]) -> None:
    """The built-in pack, from the user cache when these very files loaded cleanly before.

    Parsing, schema-checking and vetting the pack's ~300 patterns cost ~100 ms of a one-file
    run; a cache hit rebuilds the same rules from the plain data that load produced. The entry
    is keyed by the pack's bytes and by the code that vets it, so an edited pack or check kind
    is loaded and checked afresh.
    """
    paths = default_pack_files()
    try:
        contents = [read_regular(path, MAX_SETTINGS_BYTES) for path in paths]
    except OSError:  # _load_file reports it
        contents = None
    name = _default_entry(paths, contents) if contents is not None else None
    cached = _cached_default(name) if name is not None else None
    # A rule id an earlier pack took is an error located in the pack's tree: load it afresh to say where.
    if cached is not None and not any(raw.get("id") in ruleset.rules for _, root, _ in cached for raw in root["rules"]):
        for where, root, lines in cached:
            ruleset.packs.append(where)
            origin = Origin(where, lambda keys, key=False, lines=lines: Span.point(lines[keys[1]], 1), verified=True)
            for index, raw in enumerate(root["rules"]):
                rule = _rule(raw, origin, ("rules", index))
                ruleset.rules[rule.id] = rule
        compile_patterns(rule.options for rule in ruleset)
        return
    record = []
    for index, path in enumerate(paths):
        record.append(_load_file(ruleset, path, seen, contents[index] if contents is not None else None))
    if name is not None and all(entry is not None for entry in record):
        try:
            payload = marshal.dumps(record)
        except ValueError:  # a value marshal cannot hold: load it afresh every time
            return
        usercache.write(name, payload)


def _default_entry(paths: list[Path], contents: list[bytes]) -> str:
    """The cache entry's name: the pack's files and bytes, and the code that checks them."""
    here = Path(__file__).parent
    code = [here / "rulepack.py", *sorted((here / "checks").glob("*.py")), *sorted((here / "loading").glob("*.py"))]
    parts: list[bytes | str] = [sys.implementation.cache_tag or "", (data_dir("schema") / "rule-pack.schema.json").read_bytes()]
    for path in code:
        status = path.stat()
        parts.append(f"{path.name} {status.st_size} {status.st_mtime_ns}")
    for path, data in zip(paths, contents):
        parts += [str(path), data]
    return f"default_pack_{usercache.digest(*parts)}.marshal"


def _cached_default(name: str) -> list | None:
    """The verified entry's [(path, plain data, rule lines)], or None; the payload's digest was
    checked by :func:`lint.usercache.read`, this refuses only an entry of another shape."""
    loaded = usercache.read_marshalled(name)
    if not isinstance(loaded, list) or not all(
            isinstance(entry, tuple) and len(entry) == 3 and isinstance(entry[0], str) and isinstance(entry[1], dict)
            and isinstance(entry[1].get("rules"), list) and all(isinstance(raw, dict) for raw in entry[1]["rules"])
            and isinstance(entry[2], list) and len(entry[2]) == len(entry[1]["rules"]) for entry in loaded):
        return None
    return loaded


def _load_file(ruleset: RuleSet, path: Path, seen: tuple[Path, ...],
               data: bytes | None = None) -> tuple[str, dict, list[int]] | None:
    """Load one pack file; returns what a verified reload needs (its path, plain data and rule
    lines) when the file only adds rules, else None."""
    where = str(path)
    if path in seen:
        chain = " → ".join(map(str, seen + (path,)))
        raise PackError(where, Span.point(1, 1), "rule packs extend each other in a cycle: " + chain,
                        "规则包互相 extends，绕成了一个圈：" + chain)
    try:
        if data is None:
            data = read_regular(path, MAX_SETTINGS_BYTES)
    except OSError as error:
        raise PackError(where, Span.point(1, 1), f"cannot read rule pack: {error.strerror or error}",
                        f"读不了规则包：{error.strerror or error}") from None
    if len(data) > MAX_SETTINGS_BYTES:
        raise PackError(where, Span.point(1, 1), f"cannot read rule pack: larger than {MAX_SETTINGS_BYTES >> 20} MB",
                        f"读不了规则包：文件超过 {MAX_SETTINGS_BYTES >> 20} MB")
    tree = _parse(where, data)
    root = to_plain(tree)
    for parent in root.get("extends", []):
        _load_into(ruleset, parent, path.parent, seen + (path,))
    ruleset.packs.append(where)
    origin = Origin.of_tree(where, tree)
    for index, prefix in enumerate(root.get("disable", [])):
        gone = [rule_id for rule_id in ruleset.rules if rule_id.startswith(prefix)]
        if not gone:
            raise origin.error(("disable", index), f"disable: no rule matches '{prefix}'",
                               zh=f"disable：没有哪条规则对得上「{prefix}」")
        for rule_id in gone:
            del ruleset.rules[rule_id]
    for rule_id, change in root.get("override", {}).items():
        configure(ruleset, rule_id, change, origin, ("override", rule_id))
    lines = []
    for index, raw in enumerate(root.get("rules", [])):
        rule = _add(ruleset, _rule(raw, origin, ("rules", index)), origin, index)
        lines.append(int(rule.origin.rpartition(":")[2]))
    if set(root) - {"pack", "rules"}:
        return None
    return where, root, lines


def _add(ruleset: RuleSet, rule: Rule, origin: Origin, index: int) -> Rule:
    if rule.id in ruleset.rules:
        raise origin.error(("rules", index, "id"),
                           f"rule {rule.id} is already defined in {ruleset.rules[rule.id].origin}; use override to change it",
                           zh=f"规则 {rule.id} 已在 {ruleset.rules[rule.id].origin} 定义；要修改它请用 override")
    ruleset.rules[rule.id] = rule
    return rule


def _parse(where: str, data: bytes) -> Node:
    decoded = decode(data)
    if decoded.text is None:
        raise PackError(where, Span.point(1, 1), "rule pack is not UTF-8 text", "规则包不是 UTF-8 文本")
    try:
        tree = settings_tree(decoded.text, "rule-pack")
    except SettingsProblem as problem:
        raise PackError(where, problem.span, problem.en, problem.zh) from None
    if tree is None:
        raise PackError(where, Span.point(1, 1), "rule pack is empty", "规则包是空的")
    return tree


class SettingsProblem(Exception):
    """Why a settings file (a rule pack, a config) cannot be read: where, in English and Chinese."""

    def __init__(self, span: Span, en: str, zh: str | None) -> None:
        super().__init__(en)
        self.span, self.en, self.zh = span, en, zh

    @classmethod
    def of(cls, hit) -> "SettingsProblem":
        """The first problem the YAML reader or the schema found, in words."""
        detail = hit.params.get("detail")
        if isinstance(detail, dict):
            return cls(hit.span, detail["en"], detail.get("zh"))
        en, zh = {
            "duplicate-key": (f"duplicate key '{hit.params.get('key')}'", f"重复的栏目「{hit.params.get('key')}」"),
            "unsafe-tag": (f"tag {hit.params.get('tag')} is not allowed: settings are data",
                           f"不允许标签 {hit.params.get('tag')}：设置只是数据"),
        }.get(hit.problem, (hit.problem, None))
        return cls(hit.span, en, zh)


def settings_tree(text: str, schema: str) -> Node | None:
    """The located tree of a settings file's YAML ``text``, checked against ``schema``; None
    when it is empty. Raises :class:`SettingsProblem` at the first problem."""
    root, problems = compose(text.removeprefix("\ufeff"))
    if problems:
        raise SettingsProblem(problems[0].span, f"YAML syntax error: {detail_text(problems[0])}",
                              f"YAML 语法错误：{detail_text(problems[0], 'zh')}")
    if root is None:
        return None
    tree, problems = build_tree(root)
    problems = problems or validate(tree, schema, quote=False)
    if problems:
        raise SettingsProblem.of(problems[0])
    return tree


def _rule(raw: dict, origin: Origin, path: tuple) -> Rule:
    module = _check_module(raw["check"], origin, path + ("check",))
    options = _options(module, raw.get("options", {}), origin, path + ("options",))
    if not origin.verified:
        for part in ("message", "hint"):
            for lang, template in raw[part].items():
                _check_template(template, module, origin, path + (part, lang))
    examples = _examples(raw["examples"], module, origin, path + ("examples",))
    texts = raw.get("texts", {}) if origin.verified else _texts(module, raw.get("texts", {}), origin, path)
    line = origin.locate(path).line
    return Rule(
        id=raw["id"],
        slug=raw["slug"],
        family=raw["family"],
        check=raw["check"],
        severity=Severity.parse(raw["severity"]),
        where=_where(raw.get("where", {}), origin, path + ("where",), module),
        options=options,
        summary=raw["summary"],
        message=raw["message"],
        hint=raw["hint"],
        rationale=raw["rationale"],
        examples=examples,
        origin=f"{origin.path}:{line}",
        texts=texts,
    )


def _examples(raw: dict, module, origin: Origin, path: tuple) -> dict:
    """The rule's examples, an example's own ``options`` checked like the rule's (and its
    patterns compiled), so that ``explain`` and the tests can run it with them."""
    examples = {kind: list(snippets) for kind, snippets in raw.items()}
    for kind, snippets in examples.items():
        for index, snippet in enumerate(snippets):
            if "options" in snippet:
                given = _options(module, snippet["options"], origin, path + (kind, index, "options"), defaults=False)
                snippets[index] = {**snippet, "options": given}
    return examples


def configure(ruleset: RuleSet, rule_id: str, change: dict, origin: Origin, path: tuple) -> None:
    """Change a rule's severity, options or scope in place (pack ``override`` and config)."""
    rule = ruleset.rules.get(rule_id)
    if rule is None:
        raise origin.error(path, f"no rule '{rule_id}' to configure", key=True, zh=f"没有规则「{rule_id}」可以设置")
    updates: dict = {}
    if "severity" in change:
        updates["severity"] = Severity.parse(change["severity"])
    if "options" in change:
        module = checks.load(rule.check)
        given = _options(module, change["options"], origin, path + ("options",), defaults=False)
        updates["options"] = {**rule.options, **given}
    if "where" in change:
        updates["where"] = _where(change["where"], origin, path + ("where",), checks.load(rule.check))
    ruleset.rules[rule_id] = replace(rule, **updates)


# Filled in by the engine for every rule, whatever its check kind.
COMMON_PARAMETERS = frozenset({"value", "indicator", "project", "column"})
_DOCUMENTED = re.compile(r"``\{?([A-Za-z_][A-Za-z0-9_]*)\}?``")


def message_parameters(module) -> frozenset[str]:
    """The parameters a check kind fills in, as its docstring's "Message parameters:" lists them."""
    doc = module.__doc__ or ""
    _, found, listed = doc.partition("Message parameters:")
    return COMMON_PARAMETERS | (frozenset(_DOCUMENTED.findall(listed)) if found else frozenset())


def _check_template(template: object, module, origin: Origin, path: tuple,
                    provided: frozenset[str] | None = None,
                    what: tuple[str, str] = ("message parameter", "消息参数")) -> None:
    """A message or hint may hold only plain ``{name}`` fields the check provides (and ``{{ }}``):
    ``{value.attr}``, ``{0}``, ``{value:>1000000000}`` or a lone ``{`` would fail, leak or
    exhaust memory on the first finding instead of at load. A text's fields are those its
    check kind's ``TEXTS`` names for it (``provided``)."""
    if not isinstance(template, str):
        return  # the schema reports it
    try:
        parts = list(string.Formatter().parse(template))
    except ValueError as error:
        raise origin.error(path, f"bad message template: {error} (write {{{{ and }}}} for braces)",
                           zh=f"消息模板写错了：{error}（花括号本身请写成 {{{{ 和 }}}}）") from None
    if provided is None:
        provided = message_parameters(module)
    for _, name, spec, conversion in parts:
        if name is None:
            continue
        if not name.isidentifier() or spec or conversion:
            field = f"{{{name}{'!' + conversion if conversion else ''}{':' + spec if spec else ''}}}"
            raise origin.error(path, f"message field {field} is not allowed: write a plain {{name}}",
                               zh=f"消息栏位 {field} 不能这样写：只写 {{名称}}")
        if name not in provided:
            raise origin.error(path, f"check '{_kind(module)}' provides no {what[0]} '{name}'; "
                                     f"it provides: {', '.join(sorted(provided)) or 'none'}",
                               zh=f"检查类型「{_kind(module)}」不提供{what[1]}「{name}」；"
                                  f"它提供的：{'、'.join(sorted(provided)) or '无'}")


def _texts(module, given: dict, origin: Origin, path: tuple) -> dict:
    """The rule's ``texts``: exactly the keys its check kind picks from (``TEXTS``), each
    template holding only the fields the check fills in for that key."""
    wanted = getattr(module, "TEXTS", {})
    for key, languages in given.items():
        if key not in wanted:
            raise origin.error(path + ("texts", key), f"check '{_kind(module)}' uses no text '{key}'; "
                                                      f"it uses: {', '.join(wanted) or 'none'}", key=True,
                               zh=f"检查类型「{_kind(module)}」不用文字「{key}」；它用的：{'、'.join(wanted) or '无'}")
        for lang, template in languages.items():
            _check_template(template, module, origin, path + ("texts", key, lang), frozenset(wanted[key]),
                            (f"field in text '{key}'", f"文字「{key}」的栏位"))
    missing = [key for key in wanted if key not in given]
    if missing:
        at = path + ("texts",) if given else path + ("check",)
        raise origin.error(at, f"check '{_kind(module)}' needs texts the rule does not give: {', '.join(missing)} "
                               "(jxlint explain of a default rule of this check kind shows them)", key=bool(given),
                           zh=f"检查类型「{_kind(module)}」需要规则的 texts: 写出{'、'.join(missing)}"
                              "（jxlint explain 可查看默认规则包中同一检查类型的规则怎样写）")
    return given


def _kind(module) -> str:
    return module.__name__.rsplit(".", 1)[-1]


# Check kinds that were renamed: a pack written for the old name is told the new one.
RENAMED_KINDS = {"loader": "file_problem"}


def _check_module(kind: str, origin: Origin, path: tuple):
    if kind in RENAMED_KINDS:
        new = RENAMED_KINDS[kind]
        raise origin.error(path, f"check kind '{kind}' is now called '{new}': write check: {new}",
                           zh=f"检查类型「{kind}」已改名为「{new}」：请写 check: {new}")
    try:
        return checks.load(kind)
    except KeyError:
        raise origin.error(path, f"unknown check kind '{kind}'; known kinds: {', '.join(checks.kinds())}",
                           zh=f"没有检查类型「{kind}」；已有的检查类型：{'、'.join(checks.kinds())}") from None


def _options(module, given: dict, origin: Origin, path: tuple, defaults: bool = True) -> dict:
    known = module.OPTIONS
    for name, value in () if origin.verified else given.items():
        if name not in known:
            kind = _kind(module)
            raise origin.error(path + (name,), f"check '{kind}' has no option '{name}'; options: {', '.join(known) or 'none'}", key=True,
                               zh=f"检查类型「{kind}」没有选项「{name}」；可用的选项：{'、'.join(known) or '无'}")
        problem = allowed(module, name).problem(value)
        if problem:
            raise origin.error(path + (name,), f"option '{name}' {problem}", zh=f"选项「{name}」{problem.zh}")
    options = {**known, **given} if defaults else dict(given)
    for name in getattr(module, "PATTERN_OPTIONS", ()):
        if name in options and not isinstance(options[name], AnyPattern):
            options[name] = _any_of(options[name], origin, path + (name,))
    return options


def _any_of(patterns: list[str], origin: Origin, path: tuple) -> AnyPattern:
    if not origin.verified:
        for index, pattern in enumerate(patterns):
            _compile(pattern, origin, path + (index,))
    return AnyPattern(patterns, deferred=origin.verified)


# A pack's patterns come from whoever commits a pack or a .jxlint.yaml, and Python's regex
# engine backtracks: "(a+)+$" on 32 a's and a "!" runs for minutes. Python has no linear-time
# engine (google-re2 is not available everywhere jxlint runs), so a pattern is refused at load
# when it can backtrack exponentially (a repeat inside a repeat, a repeated choice) or in a
# high power (more than three open-ended repeats), and searches see at most SEARCH_LIMIT
# characters (:data:`lint.checks._options.SEARCH_LIMIT`), which bounds what is left.
_MAX_OPEN_REPEATS = 3
_OPEN = 100  # a repeat allowing more than this counts as open-ended


def _compile(pattern: object, origin: Origin, path: tuple) -> re.Pattern:
    if origin.verified:
        return re.compile(pattern)
    try:
        compiled = re.compile(pattern)
    except (re.error, TypeError, OverflowError, RecursionError) as error:
        raise origin.error(path, f"bad regular expression {pattern!r}: {error}",
                           zh=f"正则表达式「{pattern}」写错了：{error}") from None
    problem = _backtracking(pattern)
    if problem:
        raise origin.error(path, f"regular expression {pattern!r} is refused: {problem}; "
                                 "a rule pack's patterns must not be able to backtrack without end",
                           zh=f"正则表达式「{pattern}」不能使用：它可能无限回溯（重复里套重复、重复一个选择，或超过三处不限次数的重复）")
    return compiled


def _backtracking(pattern: str) -> str | None:
    """Why ``pattern`` can backtrack catastrophically, or None."""
    from re import _constants as sre, _parser

    repeats = (sre.MAX_REPEAT, sre.MIN_REPEAT)
    open_repeats = 0

    def walk(items, repeated: bool) -> str | None:
        nonlocal open_repeats
        for op, argument in items:
            if op in repeats or op is sre.POSSESSIVE_REPEAT:
                low, high, body = argument
                many = high > 1 and op in repeats  # a possessive repeat never gives back
                if many and repeated:
                    return "it nests one repeat inside another (like (a+)+)"
                if many and any(inner is sre.BRANCH for inner, _ in _flatten(body)):
                    return "it repeats a choice of alternatives (like (a|ab)+)"
                if many and high > _OPEN:
                    open_repeats += 1
                found = walk(body, repeated or many)
            elif op is sre.SUBPATTERN:
                found = walk(argument[-1], repeated)
            elif op is sre.ATOMIC_GROUP:
                found = walk(argument, repeated)
            elif op is sre.BRANCH:
                found = next((why for branch in argument[1] if (why := walk(branch, repeated))), None)
            elif op in (sre.ASSERT, sre.ASSERT_NOT):
                found = walk(argument[1], repeated)
            elif op is sre.GROUPREF_EXISTS:
                found = walk(argument[1], repeated) or (walk(argument[2], repeated) if argument[2] else None)
            else:
                found = None
            if found:
                return found
        return None

    found = walk(_parser.parse(pattern), False)
    if found is None and open_repeats > _MAX_OPEN_REPEATS:
        found = f"it has {open_repeats} open-ended repeats (at most {_MAX_OPEN_REPEATS})"
    return found


def _flatten(items):
    """The items of a parsed pattern, groups opened (but not repeats)."""
    from re import _constants as sre

    for op, argument in items:
        yield op, argument
        if op is sre.SUBPATTERN:
            yield from _flatten(argument[-1])
        elif op is sre.ATOMIC_GROUP:
            yield from _flatten(argument)


# The ``where`` keys the engine applies before a check of each scope runs: a value rule sees only
# the cells it admits, an indicator rule only the rows, the other scopes only the kinds of table.
# A check kind that filters further itself lists those keys in its module's ``WHERE``.
_ENGINE_WHERE = {
    "value": frozenset({"tables", "level1", "level2", "columns", "names"}),
    "indicator": frozenset({"tables", "level1", "level2", "names"}),
    "table": frozenset({"tables"}),
    "cross": frozenset({"tables"}),
    "file": frozenset(),
}


_LEVEL_NAMES_ZH = {"level1": "一级指标", "level2": "二级指标"}


def honoured_where(module) -> frozenset[str]:
    """The ``where`` keys a rule of this check kind can be given without them doing nothing."""
    return _ENGINE_WHERE[module.SCOPE] | frozenset(getattr(module, "WHERE", ()))


def _where(raw: dict, origin: Origin, path: tuple, module) -> Where:
    honoured = honoured_where(module)
    for key in () if origin.verified else raw:
        if key not in honoured:
            kind = _kind(module)
            allowed = ", ".join(sorted(honoured)) or "none"
            raise origin.error(path + (key,), f"check '{kind}' cannot honour where: {key} (it honours: {allowed})",
                               key=True, zh=f"检查类型「{kind}」不能按 where: {key} 筛选（它能用的：{'、'.join(sorted(honoured)) or '无'}）")

    def level(key: str, normalise) -> frozenset[str] | None:
        if key not in raw:
            return None
        result = set()
        for index, label in enumerate(raw[key]):
            canonical = normalise(label)
            if canonical is None:
                raise origin.error(path + (key, index), f"'{label}' is not a known {key} label",
                                   zh=f"「{label}」不是已知的{_LEVEL_NAMES_ZH.get(key, key)}")
            result.add(canonical)
        return frozenset(result)

    names = None
    if "names" in raw:
        names = tuple(_compile(pattern, origin, path + ("names", index)) for index, pattern in enumerate(raw["names"]))
    return Where(
        level1=level("level1", labels.level1),
        level2=level("level2", labels.level2),
        columns=frozenset(raw["columns"]) if "columns" in raw else None,
        tables=_tables(raw, module, origin, path),
        names=names,
    )


def _tables(raw: dict, module, origin: Origin, path: tuple) -> frozenset[str] | None:
    """The tables a rule applies to: its ``where: tables``, within the kinds of table its check
    reads (a module's ``TABLES``: the self-assessment checks read only 自评 tables)."""
    given = frozenset(raw["tables"]) if "tables" in raw else None
    readable = getattr(module, "TABLES", None)
    if readable is None:
        return given
    if given is not None and not given <= readable:
        kind = _kind(module)
        raise origin.error(path + ("tables",), f"check '{kind}' reads only {', '.join(sorted(readable))} tables",
                           zh=f"检查类型「{kind}」只读{'、'.join(sorted(readable))}表")
    return given or readable
