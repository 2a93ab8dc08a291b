"""benchmarks/bench.py --scale: the verdict on how time and memory grow with the corpus."""

from __future__ import annotations

import argparse
import sys

import pytest

from tests.conftest import ROOT

BENCHMARKS = str(ROOT / "benchmarks")
if BENCHMARKS not in sys.path:
    sys.path.insert(0, BENCHMARKS)

import bench  # noqa: E402
from bench import ScaleRun, scale_verdict  # noqa: E402

MB = 2**20


def test_time_per_file_within_a_quarter_of_the_smallest_run_is_linear():
    verdict = scale_verdict([ScaleRun(250, 25.0, 200 * MB), ScaleRun(1000, 120.0, 210 * MB),
                             ScaleRun(4000, 340.0, 240 * MB)])
    assert verdict.linear and verdict.flat
    assert verdict.lines[0].startswith("time: linear")
    assert "1,000 files +20%" in verdict.lines[0] and "4,000 files -15%" in verdict.lines[0]
    assert verdict.lines[1].startswith("memory: flat") and "4,000 files +20%" in verdict.lines[1]


@pytest.mark.parametrize("wall", [126.0, 74.0])
def test_a_run_slower_or_faster_per_file_by_more_than_a_quarter_is_not_linear(wall):
    verdict = scale_verdict([ScaleRun(250, 25.0, 200 * MB), ScaleRun(1000, wall, 200 * MB)])
    assert not verdict.linear and verdict.flat
    assert verdict.lines[0].startswith("time: NOT linear")


def test_memory_that_grows_by_more_than_a_quarter_is_not_flat_and_less_memory_is_flat():
    grows = scale_verdict([ScaleRun(250, 25.0, 200 * MB), ScaleRun(4000, 400.0, 251 * MB)])
    assert grows.linear and not grows.flat
    assert grows.lines[1].startswith("memory: NOT flat")
    assert scale_verdict([ScaleRun(250, 25.0, 200 * MB), ScaleRun(4000, 400.0, 120 * MB)]).flat


def test_runs_are_compared_with_the_smallest_whatever_their_order():
    runs = [ScaleRun(4000, 400.0, 200 * MB), ScaleRun(250, 25.0, 200 * MB), ScaleRun(1000, 200.0, 200 * MB)]
    verdict = scale_verdict(runs)
    assert not verdict.linear  # 1,000 files at 200 ms a file against 100 ms
    assert "against 250 files' 100.0 ms" in verdict.lines[0]
    assert scale_verdict(runs, tolerance=1.0).linear


@pytest.mark.parametrize("text, sizes", [("250,1000,4000", [250, 1000, 4000]), ("4000, 250", [250, 4000])])
def test_scale_sizes_are_read_sorted(text, sizes):
    assert bench._sizes(text) == sizes


@pytest.mark.parametrize("text", ["1000", "250,x", "0,10", "10,10"])
def test_scale_sizes_need_two_positive_counts(text):
    with pytest.raises(argparse.ArgumentTypeError):
        bench._sizes(text)
