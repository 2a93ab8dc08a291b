from __future__ import annotations

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
EXAMPLES = ROOT / "examples"
# Everything the tests read is inside the repository: a clone with nothing beside it must pass.
DATA = ROOT / "tests" / "data"
SEEDS = DATA / "seeds"


@pytest.fixture(scope="session")
def default_rules():
    from lint.rulepack import load_rules

    return load_rules()


@pytest.fixture(scope="session")
def example_paths() -> list[Path]:
    return sorted(EXAMPLES.glob("*.yaml"))


@pytest.fixture(autouse=True)
def _cache_outside_the_repository(tmp_path, monkeypatch):
    """The result cache is on by default; tests keep it in their own folder."""
    monkeypatch.setenv("JXLINT_CACHE_DIR", str(tmp_path / "jxlint-cache"))
