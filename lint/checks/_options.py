"""What a check option may hold, declared by the check kind beside its default.

A check module's ``OPTIONS`` gives the defaults; its ``ALLOWED`` (optional) says, per option,
what values make sense — a :class:`Number` range, a :class:`Choice` of names, :class:`Words`,
:class:`Patterns`. An option without a declaration may hold what its default holds: a finite
number where the default is a number, a list of strings where it is a list of strings, and
so on. The rule pack checks every value against this when it loads (like yamllint's
``CONF``), so a value that would crash the check (``tolerance: .nan``, ``placeholders: [1]``,
``min_term: 0.5``) or make a rule that never fires (a misspelt ``problem``) is a located pack
error instead.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass
from typing import Callable, Iterable, NamedTuple, Protocol, TypeVar

from lint.values.compiled import compile_all
from lint.values.grammar import MAX_CELL

# Pattern searches see at most this much of a text: with the load-time refusal of patterns
# that backtrack without end (lint.rulepack), it bounds the time any search can take.
SEARCH_LIMIT = MAX_CELL

T = TypeVar("T")


class Problem(NamedTuple):
    """What is wrong with an option's value, in both languages; ``str()`` is the English."""

    en: str
    zh: str

    def __str__(self) -> str:
        return self.en

    def within(self, en: str, zh: str) -> "Problem":
        """The same problem one level down: ``en``/``zh`` name where (an item, a key)."""
        return Problem(f"{en} {self.en}", f"{zh}{self.zh}")


class Allowed(Protocol):
    """One option's allowed values; ``problem(value)`` says what is wrong, or None."""

    def problem(self, value: object) -> Problem | None: ...


@dataclass(frozen=True, slots=True)
class Number:
    minimum: float | None = None
    maximum: float | None = None
    integer: bool = False

    def problem(self, value: object) -> Problem | None:
        if isinstance(value, bool) or not isinstance(value, (int, float)):
            return _not("a number", "数字", value)
        if not math.isfinite(value):
            return Problem(f"should be a finite number, not {value}", f"应为有限的数字，这里是 {value}")
        if self.integer and value != int(value):
            return Problem(f"should be a whole number, not {value}", f"应为整数，这里是 {value}")
        if self.minimum is not None and value < self.minimum or self.maximum is not None and value > self.maximum:
            en, zh = self.describe()
            return Problem(f"should be {en}, not {value}", f"应为{zh}，这里是 {value}")
        return None

    def describe(self) -> tuple[str, str]:
        what, what_zh = ("a whole number", "整数") if self.integer else ("a number", "数字")
        low, high = (None if bound is None else _plain(bound) for bound in (self.minimum, self.maximum))
        if low is not None and high is not None:
            return f"{what} from {low} to {high}", f" {low} 到 {high} 之间的{what_zh}"
        if low is not None:
            return f"{what} of at least {low}", f"不小于 {low} 的{what_zh}"
        if high is not None:
            return f"{what} of at most {high}", f"不大于 {high} 的{what_zh}"
        return what, what_zh


@dataclass(frozen=True, slots=True)
class Flag:
    def problem(self, value: object) -> Problem | None:
        return None if isinstance(value, bool) else _not("true or false", "true 或 false", value)


@dataclass(frozen=True, slots=True)
class Choice:
    """One of ``values`` (``many``: a list of them)."""

    values: tuple[str, ...]
    many: bool = False

    def problem(self, value: object) -> Problem | None:
        items = value if self.many else [value]
        if self.many and not isinstance(value, list):
            return _not("a list", "列表", value)
        for item in items:
            if not isinstance(item, str) or item not in self.values:
                return Problem(f"{item!r} is not one of: {', '.join(self.values)}",
                               f"「{item}」不是可选值之一：{'、'.join(self.values)}")
        return None


@dataclass(frozen=True, slots=True)
class Words:
    """A list of non-empty strings (placeholders, terms compared as written)."""

    def problem(self, value: object) -> Problem | None:
        if not isinstance(value, list):
            return _not("a list of strings", "文字列表", value)
        for index, item in enumerate(value):
            if not isinstance(item, str):
                return _not("a string", "文字", item).within(f"item {index + 1}", f"第 {index + 1} 项")
            if not item.strip():
                return Problem(f"item {index + 1} is empty", f"第 {index + 1} 项是空的")
        return None


@dataclass(frozen=True, slots=True)
class Patterns:
    """A list of regular expressions (compiled and checked by the rule pack)."""

    def problem(self, value: object) -> Problem | None:
        if not isinstance(value, list):
            return _not("a list of regular expressions", "正则表达式列表", value)
        for index, item in enumerate(value):
            if not isinstance(item, str):
                return _not("a regular expression (a string)", "正则表达式（文字）", item).within(
                    f"item {index + 1}", f"第 {index + 1} 项")
        return None


@dataclass(frozen=True, slots=True)
class Like:
    """What the default holds, for an option with no declaration of its own."""

    default: object

    def problem(self, value: object) -> Problem | None:
        return _like(self.default, value)


def allowed(module, name: str) -> Allowed:
    """The declaration for option ``name`` of check ``module``."""
    declared = getattr(module, "ALLOWED", {}).get(name)
    if declared is not None:
        return declared
    if name in getattr(module, "PATTERN_OPTIONS", ()):
        return Patterns()
    return Like(module.OPTIONS[name])


def _like(default: object, value: object) -> Problem | None:
    if isinstance(default, bool):
        return Flag().problem(value)
    if isinstance(default, (int, float)):
        return Number().problem(value)
    if isinstance(default, str):
        return None if isinstance(value, str) else _not("a string", "文字", value)
    if isinstance(default, list):
        if not isinstance(value, list):
            return _not("a list", "列表", value)
        model = default[0] if default else ""
        for index, item in enumerate(value):
            found = _like(model, item)
            if found:
                return found.within(f"item {index + 1}", f"第 {index + 1} 项")
        return None
    if isinstance(default, dict):
        if not isinstance(value, dict):
            return _not("a mapping", "键值表", value)
        model = next(iter(default.values()), "")
        for key, item in value.items():
            found = None if isinstance(key, str) else Problem("keys should be strings", "键应为文字")
            found = found or _like(model, item)
            if found:
                return found.within(f"'{key}':", f"「{key}」")
        return None
    return None


def _not(expected: str, expected_zh: str, value: object) -> Problem:
    return Problem(f"should be {expected}, not {_kind(value)}", f"应为{expected_zh}，这里是{_kind(value, 'zh')}")


_KINDS = {
    "en": {type(None): "null", bool: "true/false", int: "a number", float: "a number", str: "a string",
           list: "a list", dict: "a mapping"},
    "zh": {type(None): "空值", bool: "true/false", int: "数字", float: "数字", str: "文字", list: "列表",
           dict: "键值表"},
}


def _kind(value: object, lang: str = "en") -> str:
    return _KINDS[lang].get(type(value), type(value).__name__)


def _plain(number: float) -> str:
    return str(int(number)) if number == int(number) else str(number)


class AnyPattern(list):
    """A rule's list of regular expressions, searched as one alternation compiled once.

    Still the list the pack wrote, for ``jxlint explain`` and the cache fingerprint. A pack
    read afresh compiles it at once, so a bad pattern is a load error; the built-in pack's
    patterns, vetted when its cache entry was written, wait for :func:`compile_patterns`
    (Python's regex compiler costs ~25 ms of a one-file run for the pack's 71 alternations).
    """

    def __init__(self, patterns: list[str], deferred: bool = False) -> None:
        super().__init__(patterns)
        self.source = "|".join(f"(?:{pattern})" for pattern in patterns) or "(?!)"
        self._compiled = None if deferred else re.compile(self.source)

    @property
    def compiled(self) -> re.Pattern:
        if self._compiled is None:
            self._compiled = re.compile(self.source)
        return self._compiled

    def search(self, text: str) -> re.Match | None:
        return self.compiled.search(text[:SEARCH_LIMIT])


def compile_patterns(options: Iterable[dict]) -> None:
    """Compile the deferred :class:`AnyPattern` values among ``options`` in one go, through
    the user cache (:func:`lint.values.compiled.compile_all`)."""
    waiting = [value for values in options for value in values.values()
               if isinstance(value, AnyPattern) and value._compiled is None]
    compiled = compile_all("pack_patterns", {pattern.source: (pattern.source, 0) for pattern in waiting})
    for pattern in waiting:
        pattern._compiled = compiled[pattern.source]


def prepared(build: Callable[[object], T], value: object) -> T:
    """``build(value)``, computed once per option value.

    Options do not change once the pack loads, so what a check derives from one (a set of
    normalised placeholders) need not be rebuilt for every cell it looks at. Keyed by the
    value's identity, which costs nothing per call; the entry holds the value, so the
    identity cannot be reused while the entry lives.
    """
    key = (build, id(value))
    entry = _PREPARED.get(key)
    if entry is None or entry[0] is not value:
        if len(_PREPARED) >= _PREPARED_MAX:
            _PREPARED.clear()
        entry = _PREPARED[key] = (value, build(value))
    return entry[1]


# A pack holds a few hundred option values at most; a hostile one with more only refills
# the cache, it cannot grow it.
_PREPARED_MAX = 1024
_PREPARED: dict[tuple, tuple] = {}
