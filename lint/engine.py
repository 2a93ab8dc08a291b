"""Rule set → configured checks → findings, one file at a time.

Data flows one way: bytes → :func:`lint.loading.load_target` → model → each rule's check
→ hits → :class:`~lint.findings.Finding` (message rendered in the user's language) →
sorted :class:`~lint.findings.FileResult` for the reporters.
"""

from __future__ import annotations

import bisect
import dataclasses
import enum
import functools
import hashlib
import json
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Iterator

from lint import checks, suppress
from lint.checks._context import CrossTable, IndicatorRow, ValueCell
from lint.findings import FileResult, Finding, Hit, Span
from lint.loading import load_target
from lint.loading.model import COLUMN_LABELS, Table, TargetFile
from lint.references import References
from lint.rulepack import Rule, RuleSet
from lint.values import parse_value

_COLUMN_NAMES = {
    "zh": COLUMN_LABELS,
    "en": {"cycle": "cycle value", "annual": "annual value", "target": "target value"},
}


class _Params(dict):
    """Message parameters: a missing one renders as itself instead of raising."""

    def __missing__(self, key: str) -> str:
        return "{" + key + "}"


@dataclass(frozen=True, slots=True)
class _Context:
    project: str | None = None
    indicator: str | None = None
    value: str | None = None
    column: str | None = None


class Linter:
    def __init__(self, ruleset: RuleSet, lang: str = "zh", suppressions: bool = True,
                 references: References | None = None) -> None:
        self.lang = lang
        self.references = references or References()  # files the "cross" rules compare with
        self.ruleset = ruleset
        self.suppressions = suppressions
        self.by_scope: dict[str, list[Rule]] = {scope: [] for scope in checks.SCOPES}
        for rule in ruleset:
            self.by_scope[rule.scope].append(rule)
        self._functions = {rule.id: checks.load(rule.check).check for rule in ruleset}
        self._name_sensitive = {scope: any(r.where.names for r in rules) for scope, rules in self.by_scope.items()}
        self._applicable_rules: dict[tuple, list[Rule]] = {}

    @functools.cached_property
    def fingerprint(self) -> str:
        """Everything about this linter that can change a finding, for the result cache."""
        state = [self.lang, self.suppressions, _code_signature(), [_canonical(rule) for rule in self.ruleset],
                 self.references.digest if self.references else None]
        return hashlib.sha256(json.dumps(state, ensure_ascii=False, sort_keys=True).encode()).hexdigest()

    def check_bytes(self, path: str, data: bytes) -> FileResult:
        loaded = load_target(path, data)
        findings = self._file_findings(loaded.problems, path, loaded.target)
        if loaded.target is not None:
            findings.extend(self.check_target(loaded.target))
        if self.suppressions and loaded.text:
            findings, unused = suppress.apply(findings, suppress.parse(loaded.text), enabled=self.ruleset.rules)
            findings.extend(self._file_findings(unused, path, loaded.target))
        return FileResult(path, sorted(findings, key=Finding.sort_key), loaded.text)

    def check_unreadable(self, path: str, error: OSError) -> FileResult:
        """A file that exists but cannot be read (permissions, a symlink loop, a folder named *.yaml)."""
        reason = error.strerror or type(error).__name__
        hit = Hit(Span.point(1, 1), {"reason": reason}, problem="unreadable")
        return FileResult(path, self._file_findings([hit], path), None)

    def _file_findings(self, problems: list[Hit], path: str, target: TargetFile | None = None,
                       context: _Context | None = None) -> list[Finding]:
        findings = []
        enclosing = _Enclosing(target) if context is None else None
        for rule in self.by_scope["file"]:
            for hit in checks.load(rule.check).check(rule, problems):
                findings.append(self._finding(rule, hit, context or enclosing(hit.span), path))
        return findings

    def check_target(self, target: TargetFile) -> Iterator[Finding]:
        for table in target.tables():
            for rule in self.by_scope["table"]:
                if rule.where.table(table.kind):
                    yield from self._run(rule, table, _Context(project=table.name), target.path)
            if self.references:
                for rule in self.by_scope["cross"]:
                    if rule.where.table(table.kind):
                        yield from self._run(rule, CrossTable(table, target, self.references), _Context(project=table.name),
                                             target.path)
            for indicator in table.indicators:
                context = _Context(project=table.name, indicator=indicator.name.text)
                row_rules = self._applicable("indicator", table.kind, indicator)
                if row_rules:
                    row = IndicatorRow(table, indicator)
                    for rule in row_rules:
                        yield from self._run(rule, row, context, target.path)
                for column, cell in indicator.values():
                    value_rules = self._applicable("value", table.kind, indicator, column)
                    if not value_rules:
                        continue
                    subject = ValueCell(table, indicator, column, cell, parse_value(cell.text))
                    cell_context = _Context(table.name, indicator.name.text, cell.text, column)
                    for rule in value_rules:
                        yield from self._run(rule, subject, cell_context, target.path)

    def _applicable(self, scope: str, kind: str, indicator, column: str | None = None) -> list[Rule]:
        """The rules of ``scope`` whose ``where`` admits this row (and column), memoised:
        a file has thousands of cells but only a few dozen distinct (一级, 二级, column)."""
        named = self._name_sensitive[scope]
        key = (scope, kind, indicator.level1, indicator.level2, indicator.name.text if named else None, column)
        rules = self._applicable_rules.get(key)
        if rules is None:
            rules = [
                rule for rule in self.by_scope[scope]
                if rule.where.table(kind) and rule.where.indicator(indicator) and (column is None or rule.where.column(column))
            ]
            self._applicable_rules[key] = rules
        return rules

    def _run(self, rule: Rule, subject, context: _Context, path: str) -> Iterator[Finding]:
        try:
            # Materialised so that a check failing half-way reports no partial results.
            hits = list(self._functions[rule.id](rule, subject))
        except Exception as error:  # noqa: BLE001 - one broken check must not stop the others
            crash = Hit(_anchor(subject), {"rule": rule.id, "error": f"{type(error).__name__}: {error}"},
                        value=rule.id, problem="check-crashed")
            yield from self._file_findings([crash], path, context=context)
            return
        for hit in hits:
            yield self._finding(rule, hit, context, path)

    def _finding(self, rule: Rule, hit: Hit, context: _Context, path: str) -> Finding:
        column = hit.params.get("column", context.column)
        params = _Params(
            value=hit.value if hit.value is not None else (context.value or ""),
            indicator=hit.indicator or context.indicator or "",
            project=hit.project or context.project or "",
            column=_COLUMN_NAMES[self.lang].get(column, column or "") if column else "",
        )
        for key, raw in hit.params.items():
            if key != "column":
                params[key] = raw.get(self.lang, raw.get("zh")) if isinstance(raw, dict) else raw
        return Finding(
            rule=rule.id,
            slug=rule.slug,
            severity=rule.severity,
            message=_render(rule.text("message", self.lang), params),
            path=path,
            span=hit.span,
            hint=_render(rule.text("hint", self.lang), params),
            project=hit.project or context.project,
            indicator=hit.indicator or context.indicator,
            value=hit.value if hit.value is not None else context.value,
            family=rule.family,
            fix=hit.fix.rendered(self.lang) if hit.fix is not None else None,
        )


@functools.cache
def _code_signature() -> list:
    """The size and modification time of every module of jxlint: a development checkout (or an
    upgrade that keeps the version number) must not be answered from a stale cache."""
    package = Path(__file__).resolve().parent
    return sorted((str(path.relative_to(package)), stat.st_size, stat.st_mtime_ns)
                  for path in package.rglob("*") if path.suffix in (".py", ".txt", ".json") and (stat := path.stat()))


def _canonical(value):
    """A JSON-able form that is the same in every process (frozensets have no stable order)."""
    if dataclasses.is_dataclass(value):
        return {f.name: _canonical(getattr(value, f.name)) for f in dataclasses.fields(value)}
    if isinstance(value, (frozenset, set)):
        return sorted(_canonical(v) for v in value)
    if isinstance(value, (list, tuple)):
        return [_canonical(v) for v in value]
    if isinstance(value, dict):
        return {str(k): _canonical(v) for k, v in value.items()}
    if isinstance(value, re.Pattern):
        return value.pattern
    if isinstance(value, enum.Enum):
        return value.value
    return value


def _anchor(subject) -> Span:
    """Where to report a check that crashed on ``subject``."""
    if isinstance(subject, ValueCell):
        return subject.cell.span
    if isinstance(subject, IndicatorRow):
        return subject.indicator.name.span
    if isinstance(subject, Table):
        return subject.anchor
    if isinstance(subject, CrossTable):
        return subject.table.anchor
    return Span.point(1, 1)


class _Enclosing:
    """The project and indicator a loader problem sits in, so baselines can key on them.

    Found by bisection over the tables' and rows' spans: a file can hold thousands of
    problems (unused suppressions) and thousands of rows, and each problem must not walk them all.
    """

    def __init__(self, target: TargetFile | None) -> None:
        tables = [] if target is None else sorted(target.tables(), key=lambda t: _start(t.span))
        self._tables = (tables, [_start(t.span) for t in tables])
        self._rows: dict[int, tuple[list, list]] = {}

    def __call__(self, span: Span) -> _Context:
        table = _containing(*self._tables, span)
        if table is None:
            return _Context()
        if id(table) not in self._rows:
            rows = sorted((i for i in table.indicators if i.span), key=lambda i: _start(i.span))
            self._rows[id(table)] = (rows, [_start(i.span) for i in rows])
        indicator = _containing(*self._rows[id(table)], span)
        return _Context(table.name, indicator.name.text) if indicator else _Context(table.name)


def _start(span: Span) -> tuple[int, int]:
    return span.line, span.column


def _containing(items: list, starts: list[tuple[int, int]], span: Span):
    """The last of ``items`` (sorted by start) that starts at or before ``span`` if it contains it."""
    index = bisect.bisect_right(starts, _start(span)) - 1
    return items[index] if index >= 0 and items[index].span.contains(span) else None


def _render(template: str, params: _Params) -> str:
    return template.format_map(params)
