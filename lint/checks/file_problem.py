"""Problems found in reading a file, before any rule sees the model.

Reading a file can go wrong in ways no table-level rule can see: it is not UTF-8, not
YAML, not a target file, or YAML that a plain ``safe_load`` would silently misread
(duplicate keys, a comma splitting a flow-style amount). The loader records each such
problem with its location and a problem name; a rule of this kind claims one problem name
and gives it an id, severity and message. Disabling the rule silences the problem. (The kind
was called ``loader``, beside :func:`lint.checks.load`; a pack that still names it is told
the new name when it loads.)

Options:
    problem: the loader problem this rule reports — one of ``yaml-syntax``,
        ``duplicate-key``, ``flow-comma-split``, ``unsafe-tag``, ``complex-key``,
        ``too-large``, ``too-deep``, ``file-too-big``, ``empty-file``, ``binary-file``, ``undecodable``,
        ``encoding-not-utf8``, ``not-target-file``, ``schema``, ``invisible-character``,
        ``bad-scalar`` (a value its YAML tag cannot read), ``column-conflict`` (one row
        filling a column under two names), and ``unused-suppression``
        (found by :mod:`lint.suppress` after the checks ran), ``unreadable`` (the file
        could not be read at all).

Message parameters: ``detail`` (schema and syntax problems), ``key``, ``first_line``
(duplicate keys and column conflicts, with ``first``), ``tag`` and ``reason`` (unsafe tags and
unreadable values), ``char`` (invisible characters), ``encoding``, ``bytes``, ``limit``,
``offset`` (binary files), ``rule``, ``kind`` and ``reason`` (unused suppressions), ``rule`` and
``error`` (check-crashed).
"""

from __future__ import annotations

from typing import Iterator

from lint.checks._options import Choice
from lint.findings import Hit

SCOPE = "file"
OPTIONS = {"problem": ""}
# Every problem name the loader, the engine and lint.suppress report: a rule naming any
# other would never fire.
PROBLEMS = (
    "bad-scalar", "binary-file", "check-crashed", "column-conflict", "complex-key", "duplicate-key",
    "empty-file", "encoding-not-utf8", "file-too-big", "flow-comma-split", "invisible-character",
    "not-target-file", "schema", "too-deep", "too-large", "undecodable", "unreadable", "unsafe-tag",
    "unused-suppression", "yaml-syntax",
)
ALLOWED = {"problem": Choice(PROBLEMS)}


def check(rule, problems: list[Hit]) -> Iterator[Hit]:
    wanted = rule.options["problem"]
    return (hit for hit in problems if hit.problem == wanted)
