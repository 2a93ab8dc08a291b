"""The pre-commit hook works the way a finance office repository would use it.

A snapshot of this working tree becomes a hook repository tagged with the ``rev`` the README's
snippet pins; a throwaway targets repository installs the hook with ``pre-commit install``
and makes real commits. pre-commit builds the hook's own virtual environment with ``pip
install`` of the snapshot, so this also proves that the package installs with its rule pack.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from tests.cli_helpers import jxlint
from tests.conftest import EXAMPLES, ROOT

pytestmark = pytest.mark.skipif(shutil.which("git") is None, reason="pre-commit needs git")

# The rev the README's hook snippet pins; the lead tags the release with it.
TAG = re.search(r"^\s+rev:\s*(\S+)", (ROOT / "README.md").read_text(encoding="utf-8"), re.MULTILINE).group(1)
CLEAN = "单位: 东莞市妇女联合会\n年度: 2025\n项目: []\n"
# A flow mapping split by the comma in 700,000.00元: JX003, an error.
BAD = "单位: 东莞市妇女联合会\n年度: 2025\n部门整体:\n  年度重点工作任务:\n    - {名称: 家庭工作, 金额: 700,000.00元}\n"
# Not made by jxlint, never ours to build or to check.
_NOT_SOURCE = shutil.ignore_patterns(".git", ".venv", "__pycache__", ".hypothesis", ".jxlint_cache", ".pytest_cache",
                                     "*.egg-info", "build", "dist")


def _run(*args: str, cwd: Path, env: dict) -> subprocess.CompletedProcess:
    return subprocess.run(args, cwd=cwd, env=env, capture_output=True, text=True, timeout=900)


@pytest.fixture
def env(tmp_path: Path) -> dict:
    pytest.importorskip("pre_commit")
    return {**os.environ, "PRE_COMMIT_HOME": str(tmp_path / "cache"), "PIP_DISABLE_PIP_VERSION_CHECK": "1",
            "GIT_AUTHOR_NAME": "Finance office", "GIT_AUTHOR_EMAIL": "office@example.org",
            "GIT_COMMITTER_NAME": "Finance office", "GIT_COMMITTER_EMAIL": "office@example.org",
            "GIT_CONFIG_GLOBAL": os.devnull, "GIT_CONFIG_NOSYSTEM": "1"}


@pytest.fixture
def hook_repo(tmp_path: Path, env: dict) -> Path:
    """This working tree as committed and tagged, the way users pin the hook."""
    repo = tmp_path / "jxlint"
    shutil.copytree(ROOT, repo, ignore=_NOT_SOURCE)
    for args in (("init", "-q"), ("add", "."), ("commit", "-q", "-m", "snapshot"), ("tag", TAG)):
        completed = _run("git", *args, cwd=repo, env=env)
        assert completed.returncode == 0, completed.stderr
    return repo


def test_commits_pass_with_config_files_and_clean_targets_and_a_bad_target_is_blocked(hook_repo, tmp_path, env):
    targets = tmp_path / "targets"
    targets.mkdir()
    _run("git", "init", "-q", cwd=targets, env=env)
    (targets / ".pre-commit-config.yaml").write_text(
        f"repos:\n  - repo: {hook_repo.as_uri()}\n    rev: {TAG}\n    hooks:\n      - id: jxlint\n", encoding="utf-8")
    (targets / ".jxlint.yaml").write_text("exclude: [drafts]\n", encoding="utf-8")
    (targets / "ci").mkdir()
    (targets / "ci" / "pipeline.yml").write_text("stages: [check]\ncheck:\n  script: jxlint check .\n", encoding="utf-8")
    (targets / "drafts").mkdir()
    (targets / "drafts" / "unfinished.yaml").write_text(BAD, encoding="utf-8")  # excluded by the config
    (targets / "clean.yaml").write_text(CLEAN, encoding="utf-8")
    installed = _run(sys.executable, "-m", "pre_commit", "install", cwd=targets, env=env)
    assert installed.returncode == 0, installed.stdout + installed.stderr

    _run("git", "add", ".", cwd=targets, env=env)
    first = _run("git", "commit", "-m", "Targets repository", cwd=targets, env=env)
    assert first.returncode == 0, first.stdout + first.stderr
    # git hands the hook's output on to its standard error
    assert "jxlint" in first.stderr and "Passed" in first.stderr

    shutil.copy(next(EXAMPLES.glob("001_*.yaml")), targets / "dongguan-2025.yaml")
    (targets / "bad.yaml").write_text(BAD, encoding="utf-8")
    _run("git", "add", "dongguan-2025.yaml", "bad.yaml", cwd=targets, env=env)
    blocked = _run("git", "commit", "-m", "Two tables", cwd=targets, env=env)
    assert blocked.returncode != 0, blocked.stdout + blocked.stderr
    assert "Failed" in blocked.stderr
    assert "bad.yaml:5:" in blocked.stderr and "JX003" in blocked.stderr
    assert "dongguan-2025.yaml:" in blocked.stderr
    log = _run("git", "log", "--format=%s", cwd=targets, env=env)
    assert log.stdout.split() == ["Targets", "repository"]


def _hook_entry_args() -> list[str]:
    import yaml

    (hook,) = yaml.safe_load((ROOT / ".pre-commit-hooks.yaml").read_text(encoding="utf-8"))
    return hook["entry"].split()[2:]  # after "jxlint check"


def test_the_hook_honours_exclude_for_named_files(tmp_path):
    (tmp_path / ".jxlint.yaml").write_text("exclude: [drafts]\n", encoding="utf-8")
    (tmp_path / "drafts").mkdir()
    (tmp_path / "drafts" / "a.yaml").write_text(BAD, encoding="utf-8")
    (tmp_path / "clean.yaml").write_text(CLEAN, encoding="utf-8")
    assert jxlint("check", "drafts/a.yaml", "clean.yaml", cwd=tmp_path).exit_code == 1  # named: checked
    hook = jxlint("check", *_hook_entry_args(), "drafts/a.yaml", "clean.yaml", cwd=tmp_path)
    assert hook.exit_code == 0, hook.output
    assert "drafts" not in hook.output
    alone = jxlint("check", "--force-exclude", "drafts/a.yaml", cwd=tmp_path)
    assert alone.exit_code == 0, alone.output  # every named file excluded: nothing to do, not a failure


def test_jxlint_config_files_are_never_targets(tmp_path):
    (tmp_path / ".jxlint.yaml").write_text("select: [JX0]\n", encoding="utf-8")
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / ".jxlint.yml").write_text("ignore: [JX002]\n", encoding="utf-8")
    result = jxlint("check", "--format", "concise", ".jxlint.yaml", "sub/.jxlint.yml", "-", input=CLEAN, cwd=tmp_path)
    assert result.exit_code == 0, result.output
    assert "JX005" not in result.output


def test_plainly_non_target_yaml_is_skipped_under_the_hook_only(tmp_path):
    (tmp_path / ".pre-commit-config.yaml").write_text("repos:\n  - repo: local\n", encoding="utf-8")
    (tmp_path / "broken-ci.yml").write_text("on: [push\njobs: {\n", encoding="utf-8")  # not even YAML
    assert "JX005" in jxlint("check", "--format", "concise", ".pre-commit-config.yaml", cwd=tmp_path).output
    hook = jxlint("check", *_hook_entry_args(), ".pre-commit-config.yaml", "broken-ci.yml", cwd=tmp_path)
    assert hook.exit_code == 0, hook.output
    assert "JX" not in hook.output


@pytest.mark.parametrize("text", [
    "年度: 2025\n",  # a target file without its 单位 is still reported
    "- 单位: 东莞市妇女联合会\n  年度: 2025\n",  # a list at the top: JX005, not skipped
    "{单位: 东莞市妇女联合会, 年度: 2025, 项目: [}\n",  # broken flow mapping
    "单位：东莞市妇女联合会\n年度: 2025\n",  # full-width colon
    "name: 项目管理\n项目:\n  - {项目名称: x, 金额: 700,000.00元}\n",
])
def test_a_target_file_with_slips_is_still_checked_under_the_hook(tmp_path, text):
    (tmp_path / "t.yaml").write_text(text, encoding="utf-8")
    hook = jxlint("check", *_hook_entry_args(), "t.yaml", cwd=tmp_path)
    assert hook.exit_code == 1, hook.output
    assert "t.yaml:" in hook.output
