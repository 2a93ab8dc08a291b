"""Running the CLI in-process, the way a user would from a shell."""

from __future__ import annotations

import json
import os
from contextlib import contextmanager
from pathlib import Path

from click.testing import CliRunner

from lint.cli import main


def jxlint(*args: str, input: bytes | str | None = None, env: dict | None = None, cwd: Path | None = None):
    runner = CliRunner()
    with _cwd(cwd):
        return runner.invoke(main, list(args), input=input, env={"GITHUB_ACTIONS": None, "JXLINT_OUTPUT_FORMAT": None, **(env or {})},
                             catch_exceptions=False)


def findings_json(*args: str, **kwargs) -> list[dict]:
    result = jxlint("check", "--format", "json", *args, **kwargs)
    assert result.exit_code in (0, 1), result.output
    return json.loads(result.stdout)


@contextmanager
def _cwd(path: Path | None):
    if path is None:
        yield
        return
    before = os.getcwd()
    os.chdir(path)
    try:
        yield
    finally:
        os.chdir(before)
