"""Every file jxlint writes: never over an input, never through a link (but into a stream), never half, the umask's mode."""

from __future__ import annotations

import json
import os
import stat
import subprocess
import sys
import threading

import pytest

from lint import writing
from tests.cli_helpers import jxlint as _jxlint

def jxlint(*args):
    """The command in English: these tests read its one-line messages."""
    return _jxlint(*args, env={"JXLINT_LANG": "en"})


TARGET = "单位: 东莞市妇女联合会\n年度: 2025\n项目:\n  - 项目名称: 家庭工作经费\n    预算金额: 1元\n    预算金额: 2元\n"


@pytest.fixture
def target(tmp_path):
    path = tmp_path / "t.yaml"
    path.write_text(TARGET, encoding="utf-8")
    return path


@pytest.mark.parametrize("option", [("--format", "json", "-o"), ("--write-baseline",)], ids=["-o", "--write-baseline"])
@pytest.mark.parametrize("how", ["same path", "hard link", "symlink"])
def test_an_output_that_is_an_input_is_refused_and_the_input_kept(target, tmp_path, option, how):
    output = {"same path": target, "hard link": tmp_path / "hard.json", "symlink": tmp_path / "link.json"}[how]
    if how == "hard link":
        os.link(target, output)
    elif how == "symlink":
        output.symlink_to(target)
    result = jxlint("check", str(target), *option, str(output))
    assert result.exit_code == 2
    assert "refusing to overwrite an input" in result.stderr
    assert target.read_text(encoding="utf-8") == TARGET


def test_a_config_or_baseline_the_run_reads_is_not_overwritten_either(target, tmp_path):
    config = tmp_path / ".jxlint.yaml"
    config.write_text("lang: en\n", encoding="utf-8")
    assert jxlint("check", str(target), "-o", str(config)).exit_code == 2
    assert config.read_text(encoding="utf-8") == "lang: en\n"
    base = tmp_path / "base.json"
    assert jxlint("check", str(target), "--write-baseline", str(base)).exit_code == 0
    kept = base.read_bytes()
    assert jxlint("check", str(target), "--baseline", str(base), "-o", str(base)).exit_code == 2
    assert base.read_bytes() == kept


def test_a_committed_symlink_at_the_output_is_replaced_not_written_through(target, tmp_path):
    outside = tmp_path / "outside" / "precious.txt"
    outside.parent.mkdir()
    outside.write_text("keep me\n", encoding="utf-8")
    repo = tmp_path / "repo"
    repo.mkdir()
    (repo / "jxlint.sarif").symlink_to(outside)
    result = jxlint("check", str(target), "--format", "sarif", "-o", str(repo / "jxlint.sarif"))
    assert result.exit_code == 1
    assert outside.read_text(encoding="utf-8") == "keep me\n"
    assert not (repo / "jxlint.sarif").is_symlink()
    assert json.loads((repo / "jxlint.sarif").read_text(encoding="utf-8"))["version"] == "2.1.0"


def test_a_run_that_fails_while_writing_leaves_the_old_report(target, tmp_path, monkeypatch):
    from lint.reporters import json as json_reporter

    report = tmp_path / "report.json"
    report.write_text("old report\n", encoding="utf-8")

    def half_then_disk_full(results, out, context):
        out.write("[{\"half\": ")
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(json_reporter, "render", half_then_disk_full)
    result = jxlint("check", str(target), "--format", "json", "-o", str(report))
    assert result.exit_code == 2 and "No space left on device" in result.stderr
    assert report.read_text(encoding="utf-8") == "old report\n"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["report.json", "t.yaml"]  # no temporary left


@pytest.fixture
def umask_022():
    before = os.umask(0o022)
    yield
    os.umask(before)


def test_outputs_get_the_umasks_mode_not_0600(target, tmp_path, umask_022):
    base, report, imported = tmp_path / "base.json", tmp_path / "r.json", tmp_path / "imported.yaml"
    assert jxlint("check", str(target), "--write-baseline", str(base)).exit_code == 0
    assert jxlint("check", str(target), "--format", "json", "-o", str(report)).exit_code == 1
    table = tmp_path / "table.txt"
    table.write_text("项目名称\t家庭工作经费\n", encoding="utf-8")
    jxlint("import", str(table), "-o", str(imported))
    for path in (base, report) + ((imported,) if imported.exists() else ()):
        assert stat.S_IMODE(path.stat().st_mode) == 0o644, path
    writing.write_atomically(tmp_path / "plain.txt", "x")
    assert stat.S_IMODE((tmp_path / "plain.txt").stat().st_mode) == 0o644


def test_a_replaced_file_keeps_its_mode(tmp_path, umask_022):
    path = tmp_path / "report.txt"
    path.write_text("old", encoding="utf-8")
    path.chmod(0o640)
    writing.write_atomically(path, "new", force=True)
    assert path.read_text(encoding="utf-8") == "new" and stat.S_IMODE(path.stat().st_mode) == 0o640


def test_import_never_overwrites_its_own_source(tmp_path):
    table = tmp_path / "table.txt"
    table.write_text("项目名称\t家庭工作经费\n", encoding="utf-8")
    result = jxlint("import", str(table), "-o", str(table), "--force")
    assert result.exit_code == 2 and "refusing to overwrite an input" in result.stderr
    assert table.read_text(encoding="utf-8") == "项目名称\t家庭工作经费\n"


@pytest.mark.skipif(not os.path.exists("/dev/full"), reason="needs /dev/full")
@pytest.mark.parametrize("args", [("check", "--format", "json"), ("check", "--format", "text"), ("rules",)])
def test_a_full_disk_on_standard_output_is_one_clean_line(target, args):
    command = [sys.executable, "-m", "lint", *args] + ([str(target)] if args[0] == "check" else [])
    with open("/dev/full", "w") as full:
        completed = subprocess.run(command, stdout=full, stderr=subprocess.PIPE, text=True, timeout=120,
                                   env={**os.environ, "JXLINT_LANG": "en"})
    assert completed.returncode == 2, completed.stderr
    assert completed.stderr.strip().splitlines() == ["jxlint: cannot write the output: No space left on device"]


def test_an_output_folder_that_is_a_link_out_of_the_repository_is_refused(target, tmp_path):
    outside = tmp_path / "outside"
    outside.mkdir()
    repo = tmp_path / "repo"
    (repo / ".git").mkdir(parents=True)
    (repo / "reports").symlink_to(outside, target_is_directory=True)
    (repo / "real").mkdir()
    (repo / "inside").symlink_to(repo / "real", target_is_directory=True)
    result = jxlint("check", str(target), "--format", "sarif", "-o", str(repo / "reports" / "jxlint.sarif"))
    assert result.exit_code == 2 and "symbolic link out of the repository" in result.stderr
    assert list(outside.iterdir()) == []
    assert jxlint("check", str(target), "--write-baseline", str(repo / "reports" / "b.json")).exit_code == 2
    assert list(outside.iterdir()) == []
    assert jxlint("check", str(target), "-o", str(repo / "inside" / "r.txt")).exit_code == 1  # a link within: fine
    assert (repo / "real" / "r.txt").exists()


def test_dev_null_as_the_output_is_written_into_not_replaced(target, tmp_path):
    """Renaming the report over /dev/null (as root) made it a regular file for every later
    program on the machine. A null device of the test's own stands in for it."""
    null = tmp_path / "null"
    try:
        os.mknod(null, 0o666 | stat.S_IFCHR, os.makedev(1, 3))
    except PermissionError:
        pytest.skip("making a device node needs root (and without root the rename fails anyway)")
    result = jxlint("check", str(target), "--format", "json", "-o", str(null))
    assert result.exit_code == 1, result.output
    assert stat.S_ISCHR(os.lstat(null).st_mode)


def test_a_fifo_as_the_output_gets_the_report_and_stays_a_fifo(target, tmp_path):
    fifo = tmp_path / "report.fifo"
    os.mkfifo(fifo)
    received = []
    reader = threading.Thread(target=lambda: received.append(fifo.read_bytes()))
    reader.start()
    result = jxlint("check", str(target), "--format", "json", "-o", str(fifo))
    reader.join(timeout=60)
    assert result.exit_code == 1, result.output
    assert stat.S_ISFIFO(os.lstat(fifo).st_mode)
    assert json.loads(received[0])[0]["rule"]


def test_a_committed_link_to_dev_null_is_written_through_and_kept(target, tmp_path):
    (tmp_path / "jxlint.sarif").symlink_to(os.devnull)
    result = jxlint("check", str(target), "--format", "sarif", "-o", str(tmp_path / "jxlint.sarif"))
    assert result.exit_code == 1, result.output
    assert (tmp_path / "jxlint.sarif").is_symlink() and stat.S_ISCHR(os.stat(os.devnull).st_mode)


def test_a_socket_as_the_output_is_refused(target, tmp_path):
    import socket

    path = tmp_path / "s.sock"
    server = socket.socket(socket.AF_UNIX)
    server.bind(str(path))
    try:
        result = jxlint("check", str(target), "--format", "json", "-o", str(path))
    finally:
        server.close()
    assert result.exit_code == 2
    assert "not a regular file" in result.output
    assert stat.S_ISSOCK(os.lstat(path).st_mode)


def test_a_committed_link_to_another_device_is_replaced_not_written_through(target, tmp_path):
    """Only /dev/null, the terminal and this process's own output are streams to write into;
    a link a repository commits to any other device gets the report in its place."""
    (tmp_path / "jxlint.sarif").symlink_to("/dev/full")
    result = jxlint("check", str(target), "--format", "sarif", "-o", str(tmp_path / "jxlint.sarif"))
    assert result.exit_code == 1, result.output
    assert not (tmp_path / "jxlint.sarif").is_symlink()
    assert json.loads((tmp_path / "jxlint.sarif").read_text(encoding="utf-8"))["version"] == "2.1.0"
    assert stat.S_ISCHR(os.stat("/dev/full").st_mode)
