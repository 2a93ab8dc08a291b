"""The compiled fast path accepts exactly what jsonschema accepts."""

from __future__ import annotations

import copy

import jsonschema
import pytest
import yaml

from lint.loading import fastschema
from lint.resources import schema
from tests.conftest import EXAMPLES


def _mutations(document: dict):
    """Invalid variants of a real target file: one wrong thing each."""
    project = document["项目"][0]
    row_path = next(iter(project["绩效指标"].values()))
    changes = {
        "unknown top key": lambda d: d.update({"单 位": "x"}),
        "year as text": lambda d: d.update({"年度": "2025年"}),
        "no name": lambda d: d["项目"][0].pop("项目名称"),
        "unknown project key": lambda d: d["项目"][0].update({"预算金额单位": "元"}),
        "bad level label": lambda d: d["项目"][0]["绩效指标"].update({"产量指标": {}}),
        "row without 指标": lambda d: next(iter(next(iter(d["项目"][0]["绩效指标"].values())).values())).append({"年度指标值": "5场"}),
        "value as list": lambda d: next(iter(next(iter(d["项目"][0]["绩效指标"].values())).values()))[0].update({"年度指标值": ["5场"]}),
        "period as text": lambda d: d["项目"][0].update({"实施周期": "2021-2029"}),
    }
    assert row_path
    for name, change in changes.items():
        mutated = copy.deepcopy(document)
        change(mutated)
        yield name, mutated


@pytest.mark.parametrize("path", sorted(EXAMPLES.glob("*.yaml")), ids=lambda p: p.name)
def test_fast_and_full_validators_agree_on_examples_and_their_mutations(path):
    document = yaml.safe_load(path.read_text(encoding="utf-8"))
    full = jsonschema.Draft202012Validator(schema("target-file"))
    assert fastschema.is_valid("target-file", document) and full.is_valid(document)
    if "项目" not in document:
        return
    for name, mutated in _mutations(document):
        assert not full.is_valid(mutated), name
        assert not fastschema.is_valid("target-file", mutated), name


def test_compiled_validator_is_cached_and_reused(tmp_path, monkeypatch):
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    fastschema.fast_validator.cache_clear()
    try:
        assert fastschema.is_valid("target-file", {"单位": "x", "年度": 2025, "项目": []})
        (written,) = tmp_path.rglob("schema_target_file_*.marshal")
        fastschema.fast_validator.cache_clear()
        written.write_bytes(b"damaged")
        assert not fastschema.is_valid("target-file", {"单位": "x"})  # a damaged entry is rebuilt
    finally:
        fastschema.fast_validator.cache_clear()


def _planted_marshal(folder, marker):
    """A compiled-validator entry in the old, unchecked format whose code writes ``marker``."""
    import json
    import marshal
    import sys

    from lint import __version__, usercache

    digest = usercache.digest(json.dumps(schema("target-file"), sort_keys=True), sys.implementation.cache_tag or "")
    code = compile(f"open({str(marker)!r}, 'w').write('ran')\ndef validate(data):\n    return data\n", "<planted>", "exec")
    entry = folder / "jxlint" / __version__ / f"schema_target_file_{digest}.marshal"
    entry.parent.mkdir(parents=True)
    entry.write_bytes(marshal.dumps(("validate", code)))
    return entry


def test_no_code_is_loaded_from_a_relative_home_inside_the_checkout(tmp_path, monkeypatch):
    """HOME unset and no passwd entry (arbitrary-uid containers): ``~`` stays literal, and the
    repository's committed ``./~/.cache/jxlint/…/*.marshal`` must not run."""
    import pwd

    def no_entry(uid):
        raise KeyError(uid)

    marker = tmp_path / "planted-code-ran"
    _planted_marshal(tmp_path / "~" / ".cache", marker)
    before = sorted(p.relative_to(tmp_path) for p in tmp_path.rglob("*"))
    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv("HOME", raising=False)
    monkeypatch.delenv("XDG_CACHE_HOME", raising=False)
    monkeypatch.setattr(pwd, "getpwuid", no_entry)
    fastschema.fast_validator.cache_clear()
    try:
        assert fastschema.is_valid("target-file", {"单位": "x", "年度": 2025, "项目": []})
        assert not fastschema.is_valid("target-file", {"单位": "x"})
    finally:
        fastschema.fast_validator.cache_clear()
    assert not marker.exists()
    assert sorted(p.relative_to(tmp_path) for p in tmp_path.rglob("*")) == before  # built in memory


@pytest.mark.parametrize("mode", [0o777, 0o1777, 0o775])
def test_a_cache_folder_others_can_write_is_not_trusted(tmp_path, monkeypatch, mode):
    import os

    marker = tmp_path / "planted-code-ran"
    home = tmp_path / "xdg"
    entry = _planted_marshal(home, marker)
    shared = entry.parent
    # what another user planted: the folder is made writable for them
    os.chmod(shared, mode)
    if mode == 0o775:  # ours, only group-writable by an old umask: tightened, then its entries are checked
        os.chown(entry, 12345, -1) if os.geteuid() == 0 else None
    else:
        os.chown(shared, 12345, -1) if os.geteuid() == 0 else pytest.skip("needs root to give the folder away")
    monkeypatch.setenv("XDG_CACHE_HOME", str(home))
    fastschema.fast_validator.cache_clear()
    try:
        assert fastschema.is_valid("target-file", {"单位": "x", "年度": 2025, "项目": []})
    finally:
        fastschema.fast_validator.cache_clear()
    assert not marker.exists()


def test_corrupted_entries_are_detected_and_rewritten_never_executed(tmp_path):
    """1-4 random byte changes to a compiled entry, 120 times: never a crash (a SIGSEGV would
    kill the subprocess), never a wrong answer, and the entry is good again after each run."""
    import subprocess
    import sys
    import textwrap

    script = textwrap.dedent(f"""
        import os, random
        os.environ["XDG_CACHE_HOME"] = {str(tmp_path)!r}
        from lint import usercache
        from lint.loading import fastschema
        assert fastschema.is_valid("target-file", {{"单位": "x", "年度": 2025, "项目": []}})
        (entry,) = [p for p in usercache.folder().iterdir() if p.name.startswith("schema_target_file_")]
        good = entry.read_bytes()
        rng = random.Random(11)
        for attempt in range(120):
            damaged = bytearray(good)
            for _ in range(rng.randint(1, 4)):
                damaged[rng.randrange(len(damaged))] = rng.randrange(256)
            entry.write_bytes(bytes(damaged))
            fastschema.fast_validator.cache_clear()
            assert fastschema.is_valid("target-file", {{"单位": "x", "年度": 2025, "项目": []}})
            assert not fastschema.is_valid("target-file", {{"单位": "x"}})
            assert usercache.read(entry.name) is not None, attempt
        print("ok")
    """)
    completed = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, timeout=300)
    assert completed.returncode == 0, completed.stderr
    assert completed.stdout.strip() == "ok"


@pytest.fixture
def without_fastjsonschema(monkeypatch):
    """An install that lacks fastjsonschema: importing it fails, and the decision is made anew."""
    attempts = []
    real_import = __builtins__["__import__"] if isinstance(__builtins__, dict) else __builtins__.__import__

    def guarded(name, *args, **kwargs):
        if name == "fastjsonschema":
            attempts.append(name)
            raise ImportError("No module named 'fastjsonschema'")
        return real_import(name, *args, **kwargs)

    monkeypatch.setattr("builtins.__import__", guarded)
    fastschema.available.cache_clear()
    yield attempts
    fastschema.available.cache_clear()


def test_without_the_fast_path_the_import_is_tried_once_and_validation_still_works(without_fastjsonschema):
    from lint.loading.validate import validate
    from lint.loading.tree import build_tree

    good = yaml.compose((EXAMPLES / "001_dongguan_fulian_2025_projects.yaml").read_text(encoding="utf-8"))
    bad = yaml.compose("单位: 某单位\n年度: 二〇二五\n项目: []\n")
    assert validate(build_tree(good, None, clean=False)[0]) == []
    assert [hit.problem for hit in validate(build_tree(bad, None, clean=False)[0])]
    assert validate(build_tree(good, None, clean=False)[0]) == []
    assert fastschema.available() is False
    assert without_fastjsonschema == ["fastjsonschema"]


def test_verbose_says_when_the_fast_path_is_missing(without_fastjsonschema):
    from tests.cli_helpers import jxlint

    result = jxlint("check", "-v", str(EXAMPLES / "000_dongguan_fulian_2023_department.yaml"), env={"JXLINT_LANG": "en"})
    assert "fastjsonschema is not installed" in result.stderr
    fastschema.available.cache_clear()
    quiet = jxlint("check", str(EXAMPLES / "000_dongguan_fulian_2023_department.yaml"), env={"JXLINT_LANG": "en"})
    assert "fastjsonschema" not in quiet.stderr
