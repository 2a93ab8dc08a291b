"""Parallel, cached and serial runs give identical findings."""

from __future__ import annotations

import shutil
from collections import Counter

import pytest

from tests.cli_helpers import jxlint
from tests.conftest import EXAMPLES


@pytest.fixture
def corpus(tmp_path):
    """Enough files (12 copies of every example) for the run to use several workers."""
    folder = tmp_path / "targets"
    for index in range(12):
        for example in sorted(EXAMPLES.glob("*.yaml")):
            target = folder / f"unit{index:02}" / example.name
            target.parent.mkdir(parents=True, exist_ok=True)
            shutil.copy(example, target)
    return folder


def run(*args, env=None):
    result = jxlint("check", "--format", "json", *args, env=env)
    assert result.exit_code in (0, 1), result.output
    return result.stdout


def test_parallel_and_serial_runs_are_identical(corpus):
    serial = run(str(corpus), "--jobs", "1", "--no-cache")
    assert run(str(corpus), "--jobs", "2", "--no-cache") == serial
    assert run(str(corpus), "--jobs", "4", "--no-cache") == serial


def test_cached_runs_are_identical_and_write_a_tagged_cache(corpus, tmp_path):
    cache = tmp_path / "cache"
    env = {"JXLINT_CACHE_DIR": str(cache)}
    fresh = run(str(corpus), "--no-cache")
    assert run(str(corpus), env=env) == fresh  # fills the cache
    entries = list(cache.rglob("*.json"))
    assert len(entries) == 12 * len(list(EXAMPLES.glob("*.yaml")))
    assert (cache / "CACHEDIR.TAG").read_text().startswith("Signature: 8a477f597d28d172789f06886806bc55")
    assert run(str(corpus), "--jobs", "2", env=env) == fresh  # read from the cache
    assert sorted(cache.rglob("*.json")) == sorted(entries)


def test_cache_misses_when_the_file_or_the_rules_change(corpus, tmp_path):
    env = {"JXLINT_CACHE_DIR": str(tmp_path / "cache")}
    first = next(corpus.rglob("001_*.yaml"))
    run(str(first), env=env)
    first.write_text(first.read_text(encoding="utf-8").replace("5场}", "55场}"), encoding="utf-8")
    assert run(str(first), env=env) == run(str(first), "--no-cache")
    assert run(str(first), "--lang", "en", env=env) == run(str(first), "--lang", "en", "--no-cache")
    (corpus / ".jxlint.yaml").write_text("severity: {JX301: info}\n", encoding="utf-8")
    assert run(str(first), env=env) == run(str(first), "--no-cache")
    assert '"severity": "info"' in run(str(first), "--select", "JX301", env=env)


def test_a_corrupt_cache_entry_is_a_miss(corpus, tmp_path):
    env = {"JXLINT_CACHE_DIR": str(tmp_path / "cache")}
    fresh = run(str(corpus), env=env)
    for entry in (tmp_path / "cache").rglob("*.json"):
        entry.write_text("{torn", encoding="utf-8")
    assert run(str(corpus), env=env) == fresh


def test_clean_removes_the_cache(corpus, tmp_path):
    env = {"JXLINT_CACHE_DIR": str(tmp_path / "cache"), "JXLINT_LANG": "en"}  # the messages are read below
    run(str(corpus), env=env)
    assert (tmp_path / "cache").is_dir()
    assert "removed" in jxlint("clean", env=env).stdout
    assert not (tmp_path / "cache").exists()
    assert "no cache" in jxlint("clean", env=env).stdout


def test_cache_misses_when_jxlint_itself_changes(corpus, tmp_path, monkeypatch):
    """A development checkout edits the code without bumping the version: no stale answers."""
    from lint import engine

    env = {"JXLINT_CACHE_DIR": str(tmp_path / "cache")}
    first = next(corpus.rglob("001_*.yaml"))
    run(str(first), env=env)
    entries = set((tmp_path / "cache").rglob("*.json"))
    monkeypatch.setattr(engine, "_code_signature", lambda: [("checks/new_rule.py", 1, 1)])
    run(str(first), env=env)
    assert set((tmp_path / "cache").rglob("*.json")) > entries


@pytest.mark.parametrize("jobs", [1, 2])
def test_a_cached_run_reads_and_hashes_each_file_once(corpus, tmp_path, monkeypatch, jobs):
    """Cold and warm: the bytes read to look the file up in the cache are the bytes checked
    (with the cache on, files are read in this process and handed to the workers)."""
    from lint import runner

    reads, digests = Counter(), Counter()
    read, digest = runner.read_regular, runner.content
    monkeypatch.setattr(runner, "read_regular", lambda path, limit: reads.update([path]) or read(path, limit))
    monkeypatch.setattr(runner, "content", lambda data: digests.update([data]) or digest(data))
    for _ in ("cold", "warm"):
        reads.clear(), digests.clear()
        run = runner.Run(cache_root=tmp_path / "cache", keep_text=False)
        files = run.files([str(corpus)])
        assert len(list(run.results(files, jobs=jobs))) == len(files)
        assert sorted(reads) == sorted(files) and set(reads.values()) == {1}
        assert sum(digests.values()) == len(files)


def test_a_forked_worker_checks_with_the_run_it_inherited_a_spawned_one_rebuilds_it(monkeypatch):
    from lint import runner

    inherited = runner.Run(cli={"lang": "en"}, keep_text=False)
    monkeypatch.setattr(runner, "_worker_run", inherited)
    runner._start_worker(inherited.description())
    assert runner._worker_run is inherited  # its settings and rule packs already loaded
    other = runner.Run(cli={"lang": "zh"}, keep_text=False)
    runner._start_worker(other.description())
    assert runner._worker_run is not inherited and runner._worker_run.description() == other.description()
