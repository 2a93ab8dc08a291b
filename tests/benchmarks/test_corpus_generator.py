"""benchmarks/corpus.py: the benchmark's corpora are deterministic, varied and valid target files."""

from __future__ import annotations

import hashlib
import os
import random
import subprocess
import sys
from decimal import Decimal
from pathlib import Path

import pytest

from lint.loading import load_target
from lint.values.parser import parse_value
from tests.conftest import ROOT

BENCHMARKS = str(ROOT / "benchmarks")
if BENCHMARKS not in sys.path:
    sys.path.insert(0, BENCHMARKS)

import corpus  # noqa: E402

# sha256 over (name, bytes) of every file the issue #7 generator wrote for 4 files × 3 projects,
# taken from that generator before the varied corpus replaced it as the default.
SEED_ONLY_DIGESTS = {
    corpus.SEED: "c45e799ab1f453250fb3c2ead7989bf19d697b05f6d193609c88c185ada3dcc8",
    7: "802e520a7ef9a8284088a7395a4635f3cbbaab374d1635cfa7a3f115cb6c670a",
}


def _digest(folder: Path) -> str:
    digest = hashlib.sha256()
    for path in sorted(folder.glob("*.yaml")):
        digest.update(path.name.encode())
        digest.update(path.read_bytes())
    return digest.hexdigest()


@pytest.fixture(scope="module")
def varied(tmp_path_factory) -> tuple[Path, corpus.CellCount]:
    folder = tmp_path_factory.mktemp("varied")
    return folder, corpus.generate(folder, 40, 10)


@pytest.mark.parametrize("seed", sorted(SEED_ONLY_DIGESTS))
def test_the_seed_only_corpus_is_the_one_of_issue_7(tmp_path, seed):
    corpus.generate(tmp_path, 4, 3, "seed-only", seed)
    assert _digest(tmp_path) == SEED_ONLY_DIGESTS[seed]


def test_the_varied_corpus_is_the_same_for_a_seed_in_every_process(tmp_path, varied):
    folder, _ = varied
    again = tmp_path / "again"
    corpus.generate(again, 40, 10)
    assert _digest(again) == _digest(folder)
    # str hashing is salted per process: nothing in the corpus may depend on it.
    script = (f"import sys; sys.path.insert(0, {BENCHMARKS!r}); import corpus; from pathlib import Path; "
              f"corpus.generate(Path({str(tmp_path / 'other')!r}), 40, 10)")
    subprocess.run([sys.executable, "-c", script], check=True, cwd=ROOT,
                   env={**os.environ, "PYTHONHASHSEED": "12345", "PYTHONPATH": str(ROOT)})
    assert _digest(tmp_path / "other") == _digest(folder)
    corpus.generate(tmp_path / "seeded", 5, 10, seed=7)
    assert _digest(tmp_path / "seeded") != _digest(tmp_path / "other")


def test_a_small_corpus_is_the_start_of_a_larger_one(tmp_path, varied):
    folder, _ = varied
    corpus.generate(tmp_path, 6, 10)
    assert [p.read_bytes() for p in sorted(tmp_path.glob("*.yaml"))] == \
        [p.read_bytes() for p in sorted(folder.glob("*.yaml"))[:6]]


def test_at_least_half_the_varied_cells_are_distinct_and_far_fewer_of_the_seed_only(tmp_path, varied):
    _, cells = varied
    assert cells.total > 5000
    assert cells.share >= 0.5, cells.line()
    seed_only = corpus.generate(tmp_path, 40, 10, "seed-only")
    assert seed_only.share < 0.5, seed_only.line()
    assert cells.line() == f"cells: {cells.total:,} (indicator, column, value), {cells.share:.0%} distinct"


def test_cells_are_counted_alike_from_the_files_and_while_generating(tmp_path, varied):
    folder, cells = varied
    counted = corpus.count_cells(folder, checkpoints=[10])
    assert (counted.files, counted.total, counted.distinct) == (40, cells.total, cells.distinct)
    first_ten = corpus.generate(tmp_path, 10, 10)
    assert counted.at[10] == (first_ten.total, first_ten.distinct) != (cells.total, cells.distinct)


def test_every_file_is_a_valid_target_file_and_all_table_kinds_appear(varied):
    folder, _ = varied
    kinds = set()
    for path in sorted(folder.glob("*.yaml")):
        loaded = load_target(str(path), path.read_bytes())
        assert loaded.target is not None and loaded.problems == [], (path.name, loaded.problems)
        text = path.read_text(encoding="utf-8")
        kinds |= {kind for kind in ("项目:", "部门整体:", "自评:") if f"\n{kind}" in text}
        assert "&id" not in text and "*id" not in text  # every cell written out, no YAML aliases
    assert kinds == {"项目:", "部门整体:", "自评:"}


# ── the variation keeps what the rules read ─────────────────────────────────────────────

PROJECT = {
    "项目名称": "社区服务项目",
    "实施周期": {"起始年度": 2021, "到期年度": 2023},
    "预算金额": "2,480,691.00元",
    "总体绩效目标": {"年度目标": "开展社区活动15场，办好社区服务项目"},
    "绩效指标": {
        "成本指标": {"经济成本指标": [{"指标": "预算控制数", "实施周期指标值": "≤2480691元", "年度指标值": "≤2480691元"}]},
        "产出指标": {
            "数量指标": [{"指标": "社区活动数(场次)", "实施周期指标值": "45场", "年度指标值": "15场"}],
            "质量指标": [{"指标": "社工证持有率", "实施周期指标值": "100%", "年度指标值": "100%"},
                         {"指标": "评估达标率", "实施周期指标值": "≥85%", "年度指标值": "≥85%"}],
            "时效指标": [{"指标": "完成时间", "实施周期指标值": "2023年12月31日前", "年度指标值": "2023年12月31日前"}],
        },
    },
}


def _variations(count: int = 60):
    words = corpus.vocabulary()
    for number in range(count):
        rng = random.Random(number)
        yield corpus.Variation(rng, words, 2, 2025, words.places[number % len(words.places)]).table(PROJECT, "某单位")


def _number(cell: str, unit_money: bool = False) -> Decimal:
    value = parse_value(cell)
    return value.number * (10000 if value.unit == "万元" else 1) if unit_money else value.number


def test_a_varied_table_keeps_its_cap_cycle_ratio_goal_numbers_and_dates():
    changed = set()
    for table in _variations():
        indicators = table["绩效指标"]
        budget = _number(table["预算金额"], unit_money=True)
        cap = indicators["成本指标"]["经济成本指标"][0]
        assert _number(cap["年度指标值"], unit_money=True) == budget
        activities = indicators["产出指标"]["数量指标"][0]
        cycle, annual = _number(activities["实施周期指标值"]), _number(activities["年度指标值"])
        assert cycle == 3 * annual
        assert f"{annual}场" in table["总体绩效目标"]["年度目标"]  # the goal quotes the indicator's number
        quality = indicators["产出指标"]["质量指标"]
        assert quality[0]["年度指标值"] == "100%"
        assert 0 < _number(quality[1]["年度指标值"]) < 100
        deadline = indicators["产出指标"]["时效指标"][0]
        assert deadline["年度指标值"].startswith("2025年12月31日")
        assert table["实施周期"] == {"起始年度": 2023, "到期年度": 2025}
        changed.add((budget, annual, quality[1]["年度指标值"], activities["指标"], quality[1]["指标"]))
    assert len(changed) > 40  # and yet the tables differ


def test_every_comparison_the_corpus_writes_reads_as_the_one_it_replaces():
    for comparison, spellings in corpus._SPELLINGS.items():
        for word, after in spellings:
            cell = f"90%{word}" if after else f"{word}90%"
            assert parse_value(cell).comparison == comparison, cell
