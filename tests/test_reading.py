"""Configs, rule packs, baselines and import sources: regular files only, bounded, never quoted."""

from __future__ import annotations

import os
import subprocess
import sys

import pytest

from lint.reading import MAX_SETTINGS_BYTES, NotRegularFile, read_regular

TARGET = "单位: 东莞市妇女联合会\n年度: 2025\n项目: []\n"
SECRET = "https://user:ghp_0123456789abcdefSECRET@github.com"


def jxlint(*args, cwd):
    """In a subprocess with a time bound: the failures tested here used to hang."""
    return subprocess.run([sys.executable, "-m", "lint", *args], capture_output=True, text=True, timeout=60, cwd=cwd,
                          stdin=subprocess.DEVNULL, env={**os.environ, "JXLINT_CACHE_DIR": str(cwd / "cache"), "JXLINT_LANG": "en"})


@pytest.fixture
def folder(tmp_path):
    (tmp_path / "a.yaml").write_text(TARGET, encoding="utf-8")
    return tmp_path


@pytest.mark.parametrize("pack", ["/dev/zero", "pipe"])
def test_a_pack_that_is_a_device_or_fifo_is_a_one_line_error(folder, pack):
    if pack == "pipe":
        os.mkfifo(folder / "pipe")
    (folder / ".jxlint.yaml").write_text(f"packs: [{pack}]\n", encoding="utf-8")
    completed = jxlint("check", "a.yaml", cwd=folder)
    assert completed.returncode == 2
    (line,) = completed.stderr.splitlines()
    assert "not a regular file" in line


@pytest.mark.parametrize("how", ["--config", "found"])
def test_a_config_that_is_a_fifo_is_a_one_line_error(folder, how):
    os.mkfifo(folder / ".jxlint.yaml")
    completed = jxlint("check", "a.yaml", *(("--config", ".jxlint.yaml") if how == "--config" else ()), cwd=folder)
    if how == "found":  # a FIFO is not a config file, so none applies
        assert completed.returncode in (0, 1), completed.stderr
    else:
        assert completed.returncode == 2 and "not a regular file (a named pipe)" in completed.stderr


def test_an_oversized_pack_is_refused_without_reading_it_all(folder):
    with open(folder / "big.yaml", "wb") as handle:
        handle.truncate(MAX_SETTINGS_BYTES * 50)  # sparse: costs no disk
    (folder / ".jxlint.yaml").write_text("packs: [big.yaml]\n", encoding="utf-8")
    completed = jxlint("check", "a.yaml", cwd=folder)
    assert completed.returncode == 2 and "larger than 4 MB" in completed.stderr


@pytest.mark.parametrize("content", [SECRET + "\n", f"- {SECRET}\n", f"pack: x\nrules: {SECRET}\n", f"{SECRET}: 1\n"])
@pytest.mark.parametrize("as_what", ["pack", "config"])
def test_a_file_that_fails_to_load_as_pack_or_config_is_never_quoted(folder, content, as_what):
    (folder / "credentials").write_text(content, encoding="utf-8")
    if as_what == "pack":
        (folder / ".jxlint.yaml").write_text("packs: [credentials]\n", encoding="utf-8")
        completed = jxlint("check", "a.yaml", cwd=folder)
    else:
        completed = jxlint("check", "--config", "credentials", "a.yaml", cwd=folder)
    assert completed.returncode == 2
    assert "ghp_" not in completed.stderr and "SECRET" not in completed.stderr and "0123456789" not in completed.stderr
    assert len(completed.stderr.splitlines()) == 1


@pytest.mark.parametrize("source", ["/dev/zero", "pipe"])
def test_import_of_a_device_or_fifo_is_refused(folder, source):
    if source == "pipe":
        os.mkfifo(folder / "pipe")
    completed = jxlint("import", source, cwd=folder)
    assert completed.returncode == 2 and "not a regular file" in completed.stderr
    assert len(completed.stderr.splitlines()) == 1


def test_import_of_an_oversized_input_is_refused(folder):
    with open(folder / "huge.txt", "wb") as handle:
        handle.truncate(64 * 1024 * 1024)
    completed = jxlint("import", "huge.txt", cwd=folder)
    assert completed.returncode == 2 and "larger than 16 MB" in completed.stderr


def test_read_regular_reads_at_most_one_byte_past_the_limit(tmp_path):
    (tmp_path / "f").write_bytes(b"x" * 100)
    assert read_regular(tmp_path / "f", 10) == b"x" * 11
    os.mkfifo(tmp_path / "p")
    with pytest.raises(NotRegularFile) as raised:
        read_regular(tmp_path / "p", 10)
    assert raised.value.kind == "a named pipe"
    with pytest.raises(NotRegularFile):
        read_regular(tmp_path, 10)
