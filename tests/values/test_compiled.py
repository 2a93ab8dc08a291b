"""Patterns from the user cache are the patterns ``re.compile`` makes."""

from __future__ import annotations

import re

from lint.values import compiled, grammar

SPECS = {"quantity": (grammar._SPECS["QUANTITY_WHOLE"][0], re.VERBOSE), "named": (r"(?P<a>x)(?P<b>y)?", 0)}


def _same(pattern: re.Pattern, expected: re.Pattern) -> None:
    assert pattern == expected
    assert (pattern.flags, pattern.groups, pattern.groupindex) == (expected.flags, expected.groups, expected.groupindex)


def test_every_grammar_pattern_is_what_re_compiles():
    for name, (pattern, flags) in grammar._SPECS.items():
        _same(getattr(grammar, name), re.compile(pattern, flags))


def test_a_cached_pattern_is_what_re_compiles(tmp_path, monkeypatch):
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    fresh = compiled.compile_all("test", SPECS)
    assert len(list(tmp_path.glob("jxlint/*/test_*.marshal"))) == 1
    cached = compiled.compile_all("test", SPECS)
    for key, (pattern, flags) in SPECS.items():
        _same(fresh[key], re.compile(pattern, flags))
        _same(cached[key], re.compile(pattern, flags))
    assert cached["named"].fullmatch("xy").groupdict() == {"a": "x", "b": "y"}


def test_a_damaged_entry_is_compiled_afresh(tmp_path, monkeypatch):
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    compiled.compile_all("test", SPECS)
    [entry] = tmp_path.glob("jxlint/*/test_*.marshal")
    entry.write_bytes(entry.read_bytes()[:-3] + b"\0\0\0")
    _same(compiled.compile_all("test", SPECS)["named"], re.compile(*SPECS["named"]))
