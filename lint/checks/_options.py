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
from typing import Protocol

from lint.values.grammar import MAX_CELL

# Pattern searches see at most this much of a text: with the load-time refusal of patterns
# that backtrack without end (lint.rulepack), it bounds the time any search can take.
SEARCH_LIMIT = MAX_CELL


class Allowed(Protocol):
    """One option's allowed values; ``problem(value)`` says what is wrong, or None."""

    def problem(self, value: object) -> str | None: ...


@dataclass(frozen=True, slots=True)
class Number:
    minimum: float | None = None
    maximum: float | None = None
    integer: bool = False

    def problem(self, value: object) -> str | None:
        if isinstance(value, bool) or not isinstance(value, (int, float)):
            return f"should be a number, not {_kind(value)}"
        if not math.isfinite(value):
            return f"should be a finite number, not {value}"
        if self.integer and value != int(value):
            return f"should be a whole number, not {value}"
        if self.minimum is not None and value < self.minimum or self.maximum is not None and value > self.maximum:
            return f"should be {self.describe()}, not {value}"
        return None

    def describe(self) -> str:
        what = "a whole number" if self.integer else "a number"
        if self.minimum is not None and self.maximum is not None:
            return f"{what} from {_plain(self.minimum)} to {_plain(self.maximum)}"
        if self.minimum is not None:
            return f"{what} of at least {_plain(self.minimum)}"
        if self.maximum is not None:
            return f"{what} of at most {_plain(self.maximum)}"
        return what


@dataclass(frozen=True, slots=True)
class Flag:
    def problem(self, value: object) -> str | None:
        return None if isinstance(value, bool) else f"should be true or false, not {_kind(value)}"


@dataclass(frozen=True, slots=True)
class Choice:
    """One of ``values`` (``many``: a list of them)."""

    values: tuple[str, ...]
    many: bool = False

    def problem(self, value: object) -> str | None:
        items = value if self.many else [value]
        if self.many and not isinstance(value, list):
            return f"should be a list, not {_kind(value)}"
        for item in items:
            if not isinstance(item, str) or item not in self.values:
                return f"{item!r} is not one of: {', '.join(self.values)}"
        return None


@dataclass(frozen=True, slots=True)
class Words:
    """A list of non-empty strings (placeholders, terms compared as written)."""

    def problem(self, value: object) -> str | None:
        if not isinstance(value, list):
            return f"should be a list of strings, not {_kind(value)}"
        for index, item in enumerate(value):
            if not isinstance(item, str):
                return f"item {index + 1} should be a string, not {_kind(item)}"
            if not item.strip():
                return f"item {index + 1} is empty"
        return None


@dataclass(frozen=True, slots=True)
class Patterns:
    """A list of regular expressions (compiled and checked by the rule pack)."""

    def problem(self, value: object) -> str | None:
        if not isinstance(value, list):
            return f"should be a list of regular expressions, not {_kind(value)}"
        for index, item in enumerate(value):
            if not isinstance(item, str):
                return f"item {index + 1} should be a regular expression (a string), not {_kind(item)}"
        return None


@dataclass(frozen=True, slots=True)
class Like:
    """What the default holds, for an option with no declaration of its own."""

    default: object

    def problem(self, value: object) -> str | None:
        return _like(self.default, value)


def allowed(module, name: str) -> Allowed:
    """The declaration for option ``name`` of check ``module``."""
    declared = getattr(module, "ALLOWED", {}).get(name)
    if declared is not None:
        return declared
    if name in getattr(module, "PATTERN_OPTIONS", ()):
        return Patterns()
    return Like(module.OPTIONS[name])


def _like(default: object, value: object) -> str | None:
    if isinstance(default, bool):
        return Flag().problem(value)
    if isinstance(default, (int, float)):
        return Number().problem(value)
    if isinstance(default, str):
        return None if isinstance(value, str) else f"should be a string, not {_kind(value)}"
    if isinstance(default, list):
        if not isinstance(value, list):
            return f"should be a list, not {_kind(value)}"
        model = default[0] if default else ""
        for index, item in enumerate(value):
            found = _like(model, item)
            if found:
                return f"item {index + 1} {found}"
        return None
    if isinstance(default, dict):
        if not isinstance(value, dict):
            return f"should be a mapping, not {_kind(value)}"
        model = next(iter(default.values()), "")
        for key, item in value.items():
            found = None if isinstance(key, str) else "keys should be strings"
            found = found or _like(model, item)
            if found:
                return f"'{key}': {found}"
        return None
    return None


def _kind(value: object) -> str:
    if value is None:
        return "null"
    return {bool: "true/false", int: "a number", float: "a number", str: "a string", list: "a list",
            dict: "a mapping"}.get(type(value), type(value).__name__)


def _plain(number: float) -> str:
    return str(int(number)) if number == int(number) else str(number)


class AnyPattern(list):
    """A rule's list of regular expressions, searched as one alternation compiled once.

    Still the list the pack wrote, for ``jxlint explain`` and the cache fingerprint.
    """

    def __init__(self, patterns: list[str]) -> None:
        super().__init__(patterns)
        self.compiled = re.compile("|".join(f"(?:{pattern})" for pattern in patterns) or "(?!)")

    def search(self, text: str) -> re.Match | None:
        return self.compiled.search(text[:SEARCH_LIMIT])
