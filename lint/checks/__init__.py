"""Check kinds: one module each, like yamllint's rules.

A check module has a docstring that documents what it checks and its options, and:

``SCOPE``
    What the engine hands it: ``"value"`` (one value cell of one indicator row, with its
    parsed :class:`~lint.values.TargetValue`), ``"indicator"`` (one 三级指标 row),
    ``"table"`` (a whole project or department table), ``"file"`` (the problems the
    loader found in the file: syntax, encoding, schema …) or ``"cross"`` (a table with the
    other files it is compared with, :class:`~lint.checks._context.CrossTable`: run only
    when the run names such files, ``--targets`` or ``--previous``).
``OPTIONS``
    The options it takes, with their defaults. A rule may set only these.
``PATTERN_OPTIONS`` (optional)
    The options that are lists of regular expressions. The rule pack compiles each into
    one alternation when it loads (a bad expression is reported with its file and line),
    so the check receives a :class:`~lint.checks._options.AnyPattern` and calls ``.search``.
``ALLOWED`` (optional)
    What each option may hold beyond its default's type (:mod:`lint.checks._options`):
    ranges, choices, word lists. The pack loader reports a bad value at its file:line.
``WHERE`` (optional)
    The ``where`` keys the check applies itself (through ``rule.where``), beyond those the
    engine applies for its scope: all of them for ``value`` rules; tables and indicator
    labels and names for ``indicator`` rules; only ``tables`` for ``table`` and ``cross``
    rules. A rule that sets any other key is refused when the pack loads, so no setting
    silently does nothing.
``TABLES`` (optional)
    The kinds of table the check reads (``"project"``, ``"department"``,
    ``"self-assessment"``). The pack loader narrows each rule's ``where: tables`` to them
    and refuses a rule that names another kind, so the check itself never tests the kind.
``READS`` (optional, ``value`` and ``indicator`` checks)
    What the check's hits depend on besides the rule, from :data:`FACTS`: ``"text"`` (the
    value cell), ``"name"`` (the 三级指标 name), ``"values"`` (every value cell of the row),
    ``"level1"``, ``"level2"``, ``"column"``, ``"kind"`` (of table). A check that declares
    it is memoised: its hits for one set of those facts are reused for every other cell or
    row with the same facts (re-anchored to that cell), across tables and files. A check that
    reads anything else — the table's budget or period, other rows — must not declare it.
``TEXTS`` (optional)
    The named texts the check picks from by what it finds, each with the ``{fields}`` it
    fills in: every rule of the kind words them in its ``texts:`` (the pack loader refuses
    a missing or unknown one) and the check renders them with :func:`lint.checks._texts.text`.
``check(rule, subject)``
    Yields :class:`~lint.findings.Hit` for each problem; ``rule.options`` holds the
    defaults merged with the rule's own options.

Rules (``rules/*.yaml``) name a check kind and configure it; a new rule that reuses a kind
needs no Python.
"""

from __future__ import annotations

import functools
import importlib
import pkgutil
from types import ModuleType

SCOPES = ("file", "table", "indicator", "value", "cross")
# What a memoised check of each scope may read (see READS above).
FACTS = {
    "value": frozenset({"text", "name", "values", "level1", "level2", "column", "kind"}),
    "indicator": frozenset({"name", "values", "level1", "level2", "kind"}),
}


@functools.cache
def kinds() -> tuple[str, ...]:
    return tuple(sorted(m.name for m in pkgutil.iter_modules(__path__) if not m.name.startswith("_")))


@functools.cache
def reads(kind: str) -> frozenset[str] | None:
    """What the check kind's hits depend on (its ``READS``), or None: it is not memoised."""
    module = load(kind)
    declared = getattr(module, "READS", None)
    if declared is None:
        return None
    unknown = set(declared) - FACTS.get(module.SCOPE, frozenset())
    if unknown:
        raise ValueError(f"{module.__name__}.READS names facts a {module.SCOPE} check cannot be keyed by: {sorted(unknown)}")
    return frozenset(declared)


@functools.cache
def load(kind: str) -> ModuleType:
    """The check module for ``kind``; KeyError when there is none."""
    if kind not in kinds():
        raise KeyError(kind)
    return importlib.import_module(f"{__name__}.{kind}")
