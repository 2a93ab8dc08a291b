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
from lint.fixes import Edit, Fix
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
                 references: References | None = None, memo: bool = False) -> None:
        self.lang = lang
        self.references = references or References()  # files the "cross" rules compare with
        self.ruleset = ruleset
        self.suppressions = suppressions
        self.by_scope: dict[str, list[Rule]] = {scope: [] for scope in checks.SCOPES}
        for rule in ruleset:
            self.by_scope[rule.scope].append(rule)
        self._functions = {rule.id: checks.load(rule.check).check for rule in ruleset}
        self._name_sensitive = {scope: any(r.where.names for r in rules) for scope, rules in self.by_scope.items()}
        self._plans: dict[tuple, _Plan] = {}
        # Hits of memoised checks by what they read (lint.checks READS), reused across cells,
        # tables and files, where most (name, column, value) cells repeat one seen before.
        # ``memo=False`` runs every check on every cell (to compare, and to measure the memo).
        self._memo: dict[tuple, tuple] = {}
        self._memoised = memo

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
        path = target.path
        for table in target.tables():
            for rule in self.by_scope["table"]:
                if rule.where.table(table.kind):
                    yield from self._run(rule, table, _Context(project=table.name), path)
            if self.references:
                for rule in self.by_scope["cross"]:
                    if rule.where.table(table.kind):
                        yield from self._run(rule, CrossTable(table, target, self.references), _Context(project=table.name),
                                             path)
            for indicator in table.indicators:
                plan = self._plan("indicator", table.kind, indicator)
                if plan.rules:
                    context = _Context(project=table.name, indicator=indicator.name.text)
                    yield from self._dispatch(plan, _Row(table, indicator), context, path)
                for column, cell in indicator.values():
                    plan = self._plan("value", table.kind, indicator, column)
                    if plan.rules:
                        context = _Context(table.name, indicator.name.text, cell.text, column)
                        yield from self._dispatch(plan, _Row(table, indicator, column, cell), context, path)

    def _plan(self, scope: str, kind: str, indicator, column: str | None = None) -> "_Plan":
        """The rules of ``scope`` whose ``where`` admits this row (and column), grouped for the
        memo, and kept: a file has thousands of cells but only a few dozen distinct (一级, 二级, column)."""
        named = self._name_sensitive[scope]
        key = (scope, kind, indicator.level1, indicator.level2, indicator.name.text if named else None, column)
        plan = self._plans.get(key)
        if plan is None:
            if len(self._plans) >= _PLAN_LIMIT:
                self._plans.clear()  # keyed by indicator name where a rule's where names some: bounded
            rules = [
                rule for rule in self.by_scope[scope]
                if rule.where.table(kind) and rule.where.indicator(indicator) and (column is None or rule.where.column(column))
            ]
            plan = self._plans[key] = _Plan(key, rules, self._memoised)
        return plan

    def _dispatch(self, plan: "_Plan", row: "_Row", context: _Context, path: str) -> Iterator[Finding]:
        """Every rule of ``plan`` on one cell or row: memoised groups answered from the memo
        when a cell with the same facts was checked before, the other rules run."""
        for group, (facts, rules) in enumerate(plan.groups):
            key = (plan.key, group, *(row.fact(fact) for fact in facts))
            stored = self._memo.get(key)
            if stored is None:
                stored = self._verdicts(rules, row, facts)
                if stored is None:  # a check crashed, or a hit points outside what it reads
                    for rule in rules:
                        yield from self._run(rule, row.subject(), context, path)
                    continue
                if len(self._memo) >= _MEMO_LIMIT:
                    self._memo.clear()  # bounded: a worker checking a province keeps flat memory
                self._memo[key] = stored
            for rule, relative in stored:
                yield self._finding(rule, row.anchored(relative, facts), context, path)
        if plan.others:
            subject = row.subject()
            for rule in plan.others:
                found = self._run(rule, subject, context, path)
                if found:
                    yield from found

    def _verdicts(self, rules: tuple, row: "_Row", facts: tuple) -> tuple | None:
        """The hits of ``rules`` on ``row``, each with its spans relative to the cells it read;
        None when they cannot be reused."""
        found = []
        for rule in rules:
            try:
                hits = list(self._functions[rule.id](rule, row.subject()))
            except Exception:  # noqa: BLE001 - reported by _run, which runs it again
                return None
            for hit in hits:
                relative = row.relative(hit, facts)
                if relative is None:
                    return None
                found.append((rule, relative))
        return tuple(found)

    def _run(self, rule: Rule, subject, context: _Context, path: str) -> list[Finding]:
        """The findings of one rule on one subject: a list, not a generator, because it runs
        ~2,700 times per file and most runs find nothing."""
        try:
            # Materialised so that a check failing half-way reports no partial results.
            hits = list(self._functions[rule.id](rule, subject))
        except Exception as error:  # noqa: BLE001 - one broken check must not stop the others
            crash = Hit(_anchor(subject), {"rule": rule.id, "error": f"{type(error).__name__}: {error}"},
                        value=rule.id, problem="check-crashed")
            return self._file_findings([crash], path, context=context)
        return [self._finding(rule, hit, context, path) for hit in hits] if hits else hits

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


# Verdicts kept per linter before the memo starts afresh: an entry (its key holds the texts it
# read) takes ~0.7 KB, so a worker keeps at most ~14 MB of them.
_MEMO_LIMIT = 20_000
# Plans kept per linter: one per (scope, table kind, 一级, 二级, column), and per indicator name
# for a scope with a rule whose ``where`` names indicators, so a province's distinct names
# (hundreds of thousands) would otherwise grow a worker's memory without end.
_PLAN_LIMIT = 4_096
_WHOLE = None  # a relative span that is the whole anchor cell


class _Plan:
    """The rules that apply to a row (or one of its value cells) of one (table kind, 一级, 二级,
    column), fused: memoised checks in groups by what they read, one memo lookup per group;
    the others run on every cell."""

    __slots__ = ("key", "rules", "groups", "others")

    def __init__(self, key: tuple, rules: list[Rule], memoised: bool = True) -> None:
        self.key = key
        self.rules = rules
        grouped: dict[tuple, list[Rule]] = {}
        self.others = []
        for rule in rules:
            facts = checks.reads(rule.check) if memoised else None
            if facts is None:
                self.others.append(rule)
            else:
                # Table kind, labels and column are in the plan's key: only the rest varies.
                grouped.setdefault(tuple(sorted(facts & _VARYING)), []).append(rule)
        self.groups = [(facts, tuple(members)) for facts, members in grouped.items()]


_VARYING = frozenset({"text", "name", "values"})


class _Row:
    """One indicator row, or one value cell of it, as the memo sees it: the facts a check may
    read, the subject the check gets (built only when a check runs), and the cells its hits
    may point at, to store those spans relative to them and re-anchor them on another row."""

    __slots__ = ("table", "indicator", "column", "cell", "_subject")

    def __init__(self, table: Table, indicator, column: str | None = None, cell=None) -> None:
        self.table, self.indicator, self.column, self.cell = table, indicator, column, cell
        self._subject = None

    def subject(self):
        if self._subject is None:
            if self.cell is None:
                self._subject = IndicatorRow(self.table, self.indicator)
            else:
                self._subject = ValueCell(self.table, self.indicator, self.column, self.cell, parse_value(self.cell.text))
        return self._subject

    def fact(self, fact: str):
        if fact == "text":
            return _written(self.cell)
        if fact == "name":
            return _written(self.indicator.name)
        return tuple((column, _written(cell)) for column, cell in self.indicator.values())

    def anchors(self, facts: tuple) -> list:
        """(anchor, cell) for every cell ``facts`` cover: the key holds how each is written."""
        found = []
        if "text" in facts:
            found.append(("cell", self.cell))
        if "name" in facts:
            found.append(("name", self.indicator.name))
        if "values" in facts:
            found.extend((column, cell) for column, cell in self.indicator.values()
                         if not (cell is self.cell and "text" in facts))
        return found

    def relative(self, hit: Hit, facts: tuple):
        anchors = self.anchors(facts)
        span = _relative(hit.span, anchors)
        if span is None:
            return None
        if hit.fix is None:
            return hit, span, None
        edits = tuple(_relative(edit.span, anchors) for edit in hit.fix.edits)
        return None if None in edits else (hit, span, edits)

    def anchored(self, relative, facts: tuple) -> Hit:
        hit, span, edits = relative
        anchors = dict(self.anchors(facts))
        fix = hit.fix
        if edits is not None:
            fix = Fix(fix.description, tuple(Edit(_absolute(where, anchors), edit.text)
                                             for where, edit in zip(edits, fix.edits)), fix.applicability)
        return Hit(_absolute(span, anchors), hit.params, hit.project, hit.indicator, hit.value, hit.problem, fix)


def _written(cell) -> tuple:
    """A cell as a memo key: its text, and how it is written — quotes, type, the shape of its
    span — which is all a fix and a re-anchored span depend on besides the text."""
    span = cell.span
    lines = span.end_line - span.line
    return cell.text, cell.quoted, type(cell.value), lines, span.end_column - span.column if not lines else None


def _relative(span: Span, anchors: list):
    """``span`` as (anchor, offsets) inside exactly one of the anchor cells; None if it is in
    none (the check read something else) or in two (aliased cells: which one is not known)."""
    found = None
    for name, cell in anchors:
        where = cell.span
        if span == where:
            offsets = _WHOLE
        elif where.line == where.end_line == span.line == span.end_line and where.column <= span.column <= span.end_column <= where.end_column:
            offsets = (span.column - where.column, span.end_column - where.column)
        else:
            continue
        if found is not None:
            return None
        found = (name, offsets)
    return found


def _absolute(relative, anchors: dict) -> Span:
    name, offsets = relative
    where = anchors[name].span
    if offsets is _WHOLE:
        return where
    return Span(where.line, where.column + offsets[0], where.line, where.column + offsets[1])


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
