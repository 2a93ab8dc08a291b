"""What a check reports, and where.

A :class:`Finding` is the only thing that flows from the engine to the reporters. Its
location is a :class:`Span` on the offending scalar itself (a value cell, a name, an
amount, a goal text), never on its parent mapping.
"""

from __future__ import annotations

import enum
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Iterable, NamedTuple

if TYPE_CHECKING:
    from lint.fixes import Fix


class Severity(enum.IntEnum):
    """Ordered so that ``severity >= fail_level`` decides the exit code."""

    INFO = 1
    WARNING = 2
    ERROR = 3

    @classmethod
    def parse(cls, text: str) -> "Severity":
        try:
            return cls[text.strip().upper()]
        except KeyError:
            raise ValueError(f"unknown severity {text!r} (use error, warning or info)") from None

    def __str__(self) -> str:
        return self.name.lower()

    @classmethod
    def most_severe_first(cls) -> tuple["Severity", ...]:
        """The order every summary, legend and filter lists severities in."""
        return tuple(sorted(cls, reverse=True))

    @classmethod
    def worst(cls, severities: Iterable["Severity"]) -> "Severity | None":
        """What a group of findings (a cell, a file, a test case) is marked with; None for none."""
        return max(severities, default=None)


class Span(NamedTuple):
    """1-based line and column of a scalar; ``end_column`` is exclusive (as in SARIF).

    A named tuple rather than a dataclass: the loader makes one for every node of every
    file, and tuples are built in C and order like the positions they are.
    """

    line: int
    column: int
    end_line: int
    end_column: int

    @classmethod
    def point(cls, line: int, column: int) -> "Span":
        return cls(line, column, line, column + 1)

    def contains(self, other: "Span") -> bool:
        return (self.line, self.column) <= (other.line, other.column) < (self.end_line, self.end_column)




@dataclass(frozen=True, slots=True)
class Finding:
    rule: str
    slug: str
    severity: Severity
    message: str
    path: str
    span: Span
    hint: str = ""
    project: str | None = None
    indicator: str | None = None
    value: str | None = None
    family: str = ""
    fix: "Fix | None" = None  # lint.fixes.Fix, its description in the finding's language

    def sort_key(self) -> tuple:
        return (self.path, self.span, self.rule, self.message)


@dataclass(slots=True)
class FileResult:
    """The findings of one checked file, with its text for reporters that quote lines."""

    path: str
    findings: list[Finding] = field(default_factory=list)
    text: str | None = None
    _lines: list[str] | None = field(default=None, repr=False, compare=False)

    def line(self, number: int) -> str | None:
        if self.text is None:
            return None
        if self._lines is None:  # split once: a file may have thousands of findings
            self._lines = self.text.splitlines()
        return self._lines[number - 1] if 0 < number <= len(self._lines) else None


@dataclass(frozen=True, slots=True)
class Hit:
    """What a check (or the loader) yields: where, and the facts its message needs.

    The engine turns a hit into a :class:`Finding` by rendering the rule's message
    template with ``params`` in the user's language. ``problem`` names the kind of
    loader problem (``duplicate-key``, ``yaml-syntax`` …) so that a rule can claim it;
    checks leave it empty.
    """

    span: Span
    params: dict = field(default_factory=dict)
    project: str | None = None
    indicator: str | None = None
    value: str | None = None
    problem: str = ""
    fix: "Fix | None" = None  # lint.fixes.Fix: the one correct rewrite, when there is one


def identity(finding: Finding, path: str | None = None) -> tuple[str, str, str, str, str]:
    """What a finding is about, independent of line numbers: file, project, indicator, rule, value.

    Baselines and CI fingerprints key on this, so that editing another part of a file does
    not make old findings look new (or hide new ones).
    """
    return (
        path if path is not None else finding.path,
        finding.project or "",
        finding.indicator or "",
        finding.rule,
        finding.value or "",
    )


def fingerprints(findings: list[Finding], path: str | None = None) -> list[str]:
    """A stable, unique fingerprint per finding of one file, for CI systems that track findings.

    Built from :func:`identity` plus its occurrence number, since one cell text can be
    flagged twice in a row (实施周期指标值 and 年度指标值 both "良好").
    """
    import hashlib

    seen: dict[tuple, int] = {}
    result = []
    for finding in findings:
        key = identity(finding, path)
        seen[key] = seen.get(key, 0) + 1
        text = "\x1f".join((*key, str(seen[key])))
        result.append(hashlib.sha256(text.encode("utf-8")).hexdigest())
    return result
