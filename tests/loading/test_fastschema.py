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
