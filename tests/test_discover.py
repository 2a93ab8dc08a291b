"""Which files a run reads: deep trees, links that leave the tree, FIFOs and devices, odd names."""

from __future__ import annotations

import json
import os
import subprocess
import sys

import pytest

from lint.discover import discover
from tests.cli_helpers import jxlint

TARGET = "单位: 东莞市妇女联合会\n年度: 2025\n项目:\n  - 项目名称: 家庭工作经费\n    预算金额: 1元\n    预算金额: 2元\n"
SECRET = "https://user:ghp_0123456789abcdefSECRET@github.com\n"


def findings(*args, cwd=None):
    result = jxlint("check", "--format", "json", "--select", "JX0", *args, cwd=cwd)
    assert result.exit_code in (0, 1), result.output
    return [(os.path.basename(f["file"]), f["rule"], f["message"]) for f in json.loads(result.stdout)], result.stdout


def test_1100_nested_folders_are_walked_without_recursion_error(tmp_path):
    descriptor = os.open(tmp_path, os.O_RDONLY)
    for _ in range(1100):  # one level at a time: pathlib's and os's makedirs recurse too
        os.mkdir("d", dir_fd=descriptor)
        deeper = os.open("d", os.O_RDONLY, dir_fd=descriptor)
        os.close(descriptor)
        descriptor = deeper
    with open(os.open("deep.yaml", os.O_WRONLY | os.O_CREAT, 0o644, dir_fd=descriptor), "w", encoding="utf-8") as handle:
        handle.write(TARGET)
    os.close(descriptor)
    folder = os.path.join(tmp_path, *["d"] * 1100)
    try:
        found = [path for path, named, refused in discover([str(tmp_path)])]
        assert found == [os.path.join(folder, "deep.yaml")]
        assert [rule for _, rule, _ in findings(str(tmp_path))[0]] == ["JX002"]
    finally:
        _remove_deep_tree(str(tmp_path), depth=1100)


def _remove_deep_tree(root: str, depth: int) -> None:
    """Remove the chain bottom-up: pytest's later clean-up of old tmp folders uses a recursive
    rmtree that would raise RecursionError on a tree this deep and fail the whole run."""
    for level in range(depth, 0, -1):
        folder = os.path.join(root, *["d"] * level)
        descriptor = os.open(os.path.join(root, *["d"] * (level - 1)) if level > 1 else root, os.O_RDONLY)
        try:
            for name in os.listdir(folder) if level == depth else ():
                os.unlink(os.path.join(folder, name))
            os.rmdir("d", dir_fd=descriptor)
        finally:
            os.close(descriptor)


def test_a_folder_s_files_come_before_its_subfolders_each_sorted(tmp_path):
    for name in ("b/z.yaml", "a/c/w.yaml", "a/y.yaml", "x.yaml", ".hidden/h.yaml", "a/.h.yaml", "node_modules/n.yaml"):
        (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / name).write_text("", encoding="utf-8")
    found = [os.path.relpath(path, tmp_path) for path, _, _ in discover([str(tmp_path)])]
    assert found == ["x.yaml", "a/y.yaml", "a/c/w.yaml", "b/z.yaml"]


def test_a_link_that_leaves_the_repository_is_reported_and_never_read(tmp_path):
    home = tmp_path / "home"
    home.mkdir()
    (home / ".git-credentials").write_text(SECRET, encoding="utf-8")
    repo = tmp_path / "repo"
    (repo / ".git").mkdir(parents=True)
    (repo / "units").mkdir()
    (repo / "units" / "creds.yaml").symlink_to(home / ".git-credentials")
    (repo / "shared.yaml").write_text(TARGET, encoding="utf-8")
    (repo / "units" / "inside.yaml").symlink_to(repo / "shared.yaml")  # inside the work tree: followed
    for args in ((str(repo),), (str(repo / "units"),), (str(repo / "units" / "creds.yaml"),)):
        found, output = findings(*args)
        assert "ghp_" not in output and "SECRET" not in output
        assert ("creds.yaml", "JX014", "无法读取这个文件：符号链接指向仓库之外，未读取") in found
        if args[0] != str(repo / "units" / "creds.yaml"):
            assert ("inside.yaml", "JX002") in [(name, rule) for name, rule, _ in found]


def test_a_named_folder_link_that_leaves_the_tree_is_not_walked(tmp_path):
    outside = tmp_path / "outside"
    outside.mkdir()
    (outside / "private.yaml").write_text(TARGET, encoding="utf-8")
    repo = tmp_path / "repo"
    (repo / ".git").mkdir(parents=True)
    (repo / "linked").symlink_to(outside, target_is_directory=True)
    found, _ = findings(str(repo / "linked"))
    assert [(name, rule) for name, rule, _ in found] == [("linked", "JX014")]


@pytest.mark.parametrize("named", [False, True], ids=["in a folder", "named"])
def test_a_fifo_named_yaml_is_a_finding_not_a_hang(tmp_path, named):
    os.mkfifo(tmp_path / "pipe.yaml")
    (tmp_path / "a.yaml").write_text(TARGET, encoding="utf-8")
    paths = [str(tmp_path / "pipe.yaml"), str(tmp_path / "a.yaml")] if named else [str(tmp_path)]
    completed = subprocess.run([sys.executable, "-m", "lint", "check", "--format", "json", "--select", "JX0", "--no-cache",
                                *paths], capture_output=True, text=True, timeout=60)
    assert completed.returncode == 1, completed.stderr
    found = [(os.path.basename(f["file"]), f["rule"], f["message"]) for f in json.loads(completed.stdout)]
    assert ("pipe.yaml", "JX014", "无法读取这个文件：不是普通文件（命名管道），未读取") in found
    assert ("a.yaml", "JX002") in [(name, rule) for name, rule, _ in found]


def test_a_device_named_on_the_command_line_is_a_finding(tmp_path):
    completed = subprocess.run([sys.executable, "-m", "lint", "check", "--format", "json", "--lang", "en", "--no-cache",
                                "/dev/zero"], capture_output=True, text=True, timeout=60)
    assert completed.returncode == 1, completed.stderr
    (finding,) = json.loads(completed.stdout)
    assert finding["rule"] == "JX014" and "not a regular file (a character device)" in finding["message"]


@pytest.mark.parametrize("output_format", ["json", "sarif", "gitlab", "html", "text", "junit", "github"])
def test_a_file_name_that_is_not_utf8_never_crashes_any_format(tmp_path, output_format):
    folder = os.fsencode(tmp_path)
    with open(os.path.join(folder, b"\xff\xfe-unit.yaml"), "w", encoding="utf-8") as handle:
        handle.write(TARGET)
    report = tmp_path / "report.out"
    for run in range(2):  # the second run answers from the cache
        result = jxlint("check", "--format", output_format, "--select", "JX0", str(tmp_path), "-o", str(report))
        assert result.exit_code == 1, result.output
        text = report.read_text(encoding="utf-8")
        assert "xff" in text and "xfe-unit.yaml" in text, text[:500]


def test_upper_case_extensions_are_checked(tmp_path):
    (tmp_path / "UPPER.YAML").write_text(TARGET, encoding="utf-8")
    (tmp_path / "Mixed.Yml").write_text(TARGET, encoding="utf-8")
    (tmp_path / "notes.TXT").write_text(TARGET, encoding="utf-8")
    assert sorted(name for name, _, _ in findings(str(tmp_path))[0]) == ["Mixed.Yml", "UPPER.YAML"]
