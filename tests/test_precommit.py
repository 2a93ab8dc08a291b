"""The pre-commit hook works the way a finance office repository would use it.

This runs the real ``pre-commit try-repo`` against this checkout: pre-commit builds the hook's
own virtual environment with ``pip install`` of this repository, so it also proves that the
package installs with its rule pack.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import EXAMPLES, ROOT

pytestmark = pytest.mark.skipif(shutil.which("git") is None, reason="pre-commit needs git")


def _run(*args: str, cwd: Path, env: dict | None = None) -> subprocess.CompletedProcess:
    return subprocess.run(args, cwd=cwd, env=env, capture_output=True, text=True, timeout=900)


def _pre_commit() -> list[str]:
    pytest.importorskip("pre_commit")
    return [sys.executable, "-m", "pre_commit"]


@pytest.fixture
def finance_repo(tmp_path: Path) -> Path:
    repo = tmp_path / "targets"
    repo.mkdir()
    _run("git", "init", "-q", cwd=repo)
    shutil.copy(next(EXAMPLES.glob("001_*.yaml")), repo / "dongguan-2025.yaml")
    (repo / "clean.yaml").write_text("单位: 东莞市妇女联合会\n年度: 2025\n项目: []\n", encoding="utf-8")
    _run("git", "add", ".", cwd=repo)
    return repo


def test_try_repo_flags_a_seed_example_and_passes_a_clean_file(finance_repo: Path, tmp_path: Path):
    env = {**os.environ, "PRE_COMMIT_HOME": str(tmp_path / "cache"), "PIP_DISABLE_PIP_VERSION_CHECK": "1"}
    failing = _run(*_pre_commit(), "try-repo", str(ROOT), "jxlint", "--files", "dongguan-2025.yaml",
                   cwd=finance_repo, env=env)
    assert failing.returncode == 1, failing.stdout + failing.stderr
    assert "dongguan-2025.yaml:" in failing.stdout and "JX" in failing.stdout
    passing = _run(*_pre_commit(), "try-repo", str(ROOT), "jxlint", "--files", "clean.yaml",
                   cwd=finance_repo, env=env)
    assert passing.returncode == 0, passing.stdout + passing.stderr
    assert "jxlint" in passing.stdout
