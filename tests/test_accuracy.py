"""jxlint on real tables, cell by cell: the labelled defects are found, the trap cells are left alone.

The expectations are ``tests/data/corpus/*/*/expected.yaml`` (from each corpus table's reviewer
labels) and ``tests/data/examples/*.expected.yaml`` (the seed examples' known defects); the
matching of findings to cells is ``benchmarks/accuracy.py``'s, so this test and the benchmark
cannot disagree. A defect whose rule family is still to come is ``xfail`` with that family named.
"""

from __future__ import annotations

import importlib.util
import sys

import pytest
import yaml

from tests.conftest import ROOT

_spec = importlib.util.spec_from_file_location("accuracy", ROOT / "benchmarks" / "accuracy.py")
accuracy = importlib.util.module_from_spec(_spec)
sys.modules.setdefault("accuracy", accuracy)
_spec.loader.exec_module(accuracy)

FILES = accuracy.expectation_files()


def _entries(kind: str):
    for path in FILES:
        spec = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
        for index, raw in enumerate(spec.get(kind) or []):
            name = f"{path.parent.name if path.name == 'expected.yaml' else path.name.split('.')[0]}#{index}"
            # a file-level ``waits`` (the self-assessment tables) holds for each of its defects
            yield path, index, {"waits": spec.get("waits"), **{k: v for k, v in raw.items() if v is not None}}, name


def _defect_params():
    for path, index, raw, name in _entries("defects"):
        marks = [pytest.mark.xfail(reason=raw["waits"], strict=False)] if raw.get("waits") else []
        yield pytest.param(path, index, id=name, marks=marks)


@pytest.fixture(scope="module")
def reports():
    return {path: accuracy.evaluate(path) for path in FILES}


def test_every_corpus_table_and_seed_example_has_expectations():
    corpus = ROOT / "tests" / "data" / "corpus"
    # self-assessment tables are a later issue's: their expectations are optional here
    tables = sorted(p.parent for kind in ("projects", "department") for p in corpus.glob(f"{kind}/*/table.yaml"))
    assert tables and all((table / "expected.yaml") in FILES for table in tables)
    examples = sorted((ROOT / "examples").glob("*.yaml"))
    assert all(ROOT / "tests" / "data" / "examples" / f"{e.stem}.expected.yaml" in FILES for e in examples)


@pytest.mark.parametrize("path, index", [pytest.param(p, i, id=n) for p, i, _, n in _entries("traps")])
def test_trap_cell_gets_no_finding(reports, path, index):
    report = reports[path]
    trap = report.traps[index]
    hits = report.trap_hits.get(id(trap), [])
    assert not hits, [f"{f.rule} {f.span.line}:{f.span.column} {f.message}" for f in hits]


@pytest.mark.parametrize("path, index", list(_defect_params()))
def test_labelled_defect_is_found_at_its_cell(reports, path, index):
    outcome = reports[path].outcomes[index]
    other = [f"{f.rule} ({f.family})" for f in outcome.other]
    assert outcome.is_found, f"{outcome.expectation.label}; other findings there: {other}"


def test_no_check_crashed_on_any_table(reports):
    assert not [f for report in reports.values() for f in report.crashes]
