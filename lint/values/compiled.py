"""Regular expressions compiled once per installation instead of once per process.

Python parses and compiles a pattern in Python code; the grammar's patterns cost ~15 ms of
every start-up, a tenth of a one-file pre-commit run. What ``re`` hands its C engine — the
code words and group tables — depends only on the pattern, its flags and the Python build,
so it is kept in the user cache (:mod:`lint.usercache`: a folder only the user can write,
every entry digest-checked) and given straight to the engine, which validates the code
itself before using it. Any entry that is missing, damaged or of another shape is a miss:
the patterns are compiled the ordinary way and the entry rewritten.
"""

from __future__ import annotations

import marshal
import re
import sys

# Stable for one Python build only; the build is part of the entry's key.
import _sre
from re import _compiler, _parser


def compile_all(name: str, specs: dict[str, tuple[str, int]]) -> dict[str, re.Pattern]:
    """``{key: re.compile(pattern, flags)}`` for ``specs`` (``{key: (pattern, flags)}``),
    through the user-cache entry ``name``."""
    from lint import usercache

    ordered = sorted(specs.items())
    entry = f"{name}_{usercache.digest(sys.version, str(_sre.MAGIC), repr(ordered))}.marshal"
    tables = _load(usercache.read_marshalled(entry), [pattern for _, (pattern, _) in ordered])
    if tables is not None:
        try:
            return {key: _sre.compile(*table) for (key, _), table in zip(ordered, tables)}
        except (TypeError, ValueError, RuntimeError):
            pass  # not code this engine accepts: compile afresh and replace it
    tables = [_tables(pattern, flags) for _, (pattern, flags) in ordered]
    usercache.write(entry, marshal.dumps(tables))
    return {key: _sre.compile(*table) for (key, _), table in zip(ordered, tables)}


def _tables(pattern: str, flags: int) -> tuple:
    """What :func:`re._compiler.compile` gives the engine, as plain data."""
    parsed = _parser.parse(pattern, flags)
    code = [int(word) for word in _compiler._code(parsed, flags)]  # opcodes are int subclasses marshal refuses
    groupindex = dict(parsed.state.groupdict)
    indexgroup = [None] * parsed.state.groups
    for key, index in groupindex.items():
        indexgroup[index] = key
    return pattern, int(flags | parsed.state.flags), code, parsed.state.groups - 1, groupindex, tuple(indexgroup)


def _load(tables: object, patterns: list[str]) -> list | None:
    """The entry's tables, or None when it holds something of another shape (its payload's
    digest was checked by :func:`lint.usercache.read`)."""
    if not isinstance(tables, list) or len(tables) != len(patterns) or not all(
            isinstance(table, tuple) and len(table) == 6 and table[0] == pattern and isinstance(table[1], int)
            and isinstance(table[2], list) and isinstance(table[3], int) and isinstance(table[4], dict)
            and isinstance(table[5], tuple) for table, pattern in zip(tables, patterns)):
        return None
    return tables
