"""Importing the seed tables as users paste them gives the hand-made examples back."""

from __future__ import annotations

import re

import pytest

from lint.engine import Linter
from lint.importer import import_table
from tests.importer.workbooks import (
    EXAMPLE_001,
    EXAMPLE_002,
    SEED_001,
    SEED_002,
    loaded,
    model,
)

SEEDS = [(SEED_001, EXAMPLE_001), (SEED_002, EXAMPLE_002)]


def _import(path, data: bytes | None = None):
    result = import_table(path.read_bytes() if data is None else data, name=str(path))
    assert result.notes == [] and result.skipped_rows == 0, result.notes
    return result


def _findings(linter: Linter, text: bytes) -> set[tuple]:
    return {(f.rule, f.project, f.indicator, f.value) for f in linter.check_bytes("t.yaml", text).findings}


@pytest.mark.parametrize(("seed", "example"), SEEDS, ids=["001", "002"])
def test_seed_lints_like_its_example(seed, example, default_rules):
    linter = Linter(default_rules)
    imported = _findings(linter, _import(seed).text.encode("utf-8"))
    expected = _findings(linter, example.read_bytes())
    assert imported == expected
    assert expected, "the example should have findings to compare"


@pytest.mark.parametrize(("seed", "example"), SEEDS, ids=["001", "002"])
def test_seed_loads_to_the_examples_model(seed, example):
    text = _import(seed).text
    assert model(loaded(text)) == model(loaded(example.read_bytes()))
    # The value columns keep the form's own key (当年度指标值 in seed 002).
    keys = lambda source: set(re.findall(r"(\S*指标值):", source))  # noqa: E731
    assert keys(text) == keys(example.read_text(encoding="utf-8"))


def test_seed_001_has_17_projects_with_their_source_rows():
    text = _import(SEED_001).text
    sources = re.findall(r"^  # 来源: (\S+) 第(\d+)–(\d+)行$", text, flags=re.M)
    assert len(sources) == 17
    assert sources[0] == (SEED_001.name, "5", "31")
    assert sources[1] == (SEED_001.name, "35", "60")
    assert sources[-1] == (SEED_001.name, "430", "459")
    assert text.startswith(f"# 来源: {SEED_001.name} — 东莞市妇女联合会 2025年项目绩效目标表（17个项目）\n")


def test_canonical_output_quotes_what_yaml_would_misread():
    text = _import(SEED_001).text
    assert '预算金额: "2,480,691.00元"' in text
    assert '{指标: 小组服务指标数, 实施周期指标值: 12个, 年度指标值: "12"}' in text
    assert '{指标: 咨询服务数（宗）, 实施周期指标值: "1080", 年度指标值: "360"}' in text
    assert "{指标: 社区活动数(场次), 实施周期指标值: 55场, 年度指标值: 5场}" in text
    assert "        社会成本指标: []\n" in text
    text_002 = _import(SEED_002).text
    assert "    预算金额: 190000\n" in text_002
    assert "    批复机关: 东莞市财政局望牛墩分局\n" in text_002


def test_shifted_cells_are_commented_with_their_source_row():
    text = _import(SEED_001).text
    line = next(line for line in text.splitlines() if "指标: 服务对象满意度(%)" in line)
    assert line.endswith("# 原表第31行三级指标在第1列")
    assert "        时效指标:" in text
    assert "单人单月专业服务时长差异率小于等于0}  # 原表第26行整行左移1列\n" in text
    assert "法治宣传服务覆盖人次≥21800}  # 原表第455行“社会效益”在第1列，三级指标在二级指标列\n" in text


def test_import_is_stable():
    assert _import(SEED_001).text == _import(SEED_001).text


@pytest.mark.parametrize("encoding", ["gb18030", "utf-8-sig"])
def test_other_encodings_import_identically(encoding):
    text = SEED_001.read_text(encoding="utf-8")
    again = _import(SEED_001, text.encode(encoding))
    assert again.text == _import(SEED_001).text


def test_windows_line_ends_import_identically():
    data = SEED_002.read_bytes().replace(b"\n", b"\r\n")
    assert _import(SEED_002, data).text == _import(SEED_002).text
