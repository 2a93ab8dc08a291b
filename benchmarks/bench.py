"""Benchmark jxlint at the scale of a province, against the parsing floor and yamllint.

    python benchmarks/bench.py                       # 1,000 files × 10 projects, varied corpus
    python benchmarks/bench.py --corpus seed-only    # the corpus of issue #7, for comparison
    python benchmarks/bench.py --files 200 --projects 5 --keep /tmp/corpus --skip-yamllint
    python benchmarks/bench.py --scale 250,1000,4000 # how time and memory grow (no yamllint)

It generates a deterministic corpus of target files (``--seed``; see benchmarks/corpus.py):
``varied`` (the default) recombines the seed examples and the real tables of tests/data/corpus/
with varied numbers, units, comparators and names, so that most cells are distinct, as in a
real province; ``seed-only`` swaps the seed projects' cells among themselves (most repeat).
It prints the corpus's cells and the share of distinct (indicator, column, value) cells, then
reports, from one run each, side by side:

  (a) the floor: PyYAML's C loader composing every file (``yaml.compose`` + ``CSafeLoader``)
      in one process;
  (b) ``jxlint check`` on the corpus (all cores, no cache), and again with a warm cache;
  (c) ``yamllint -d relaxed`` on the same files (a peer that only checks YAML style);

with wall time and peak memory (summed over the process tree), the ratios b/a and c/b, and
the single-file time of ``jxlint check examples/<one file>`` against yamllint on that file
(median of repeated runs). yamllint must be installed (``pip install yamllint``) unless
``--skip-yamllint`` leaves (c) out.

``--scale N,M,…`` runs only (b) without the cache, on the first N, M, … files of one corpus
(× ``--projects``), and prints for each size the wall time, the time per file and the peak
memory; then whether time grows linearly (time per file within ±25% of the smallest size's)
and memory stays flat (peak within +25% of the smallest size's).
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from dataclasses import dataclass
from pathlib import Path

import yaml

from corpus import CORPORA, SEED, count_cells, generate

ROOT = Path(__file__).resolve().parent.parent
EXAMPLES = ROOT / "examples"
# The measured tools run as installed, with their bytecode cached: pip compiles it when it
# installs a package, but an editable install under PYTHONDONTWRITEBYTECODE (set in some
# sandboxes) would compile every module from source on every run (~100 ms of a one-file run).
_ENV = {name: value for name, value in os.environ.items() if name != "PYTHONDONTWRITEBYTECODE"}
# How far a larger run's time per file and peak memory may stray from the smallest run's
# and still count as linear and flat.
SCALE_TOLERANCE = 0.25


# ── measuring ───────────────────────────────────────────────────────────────────────────

class _PeakMemory:
    """Peak resident memory of a process and all its children, sampled from /proc."""

    def __init__(self, pid: int) -> None:
        self.pid, self.peak, self._stop = pid, 0, threading.Event()
        self._thread = threading.Thread(target=self._sample, daemon=True)
        self._thread.start()

    def _tree(self) -> list[int]:
        pids, frontier = [], [self.pid]
        while frontier:
            pid = frontier.pop()
            pids.append(pid)
            try:
                with open(f"/proc/{pid}/task/{pid}/children") as handle:
                    frontier.extend(int(child) for child in handle.read().split())
            except OSError:
                pass
        return pids

    def _sample(self) -> None:
        while not self._stop.is_set():
            total = 0
            for pid in self._tree():
                try:
                    with open(f"/proc/{pid}/statm") as handle:
                        total += int(handle.read().split()[1]) * os.sysconf("SC_PAGE_SIZE")
                except OSError:
                    pass
            self.peak = max(self.peak, total)
            time.sleep(0.02)

    def stop(self) -> int:
        self._stop.set()
        self._thread.join()
        return self.peak


def measure(command: list[str], cwd: Path | None = None) -> tuple[float, int, int]:
    """(wall seconds, peak bytes, exit code) of ``command``."""
    start = time.perf_counter()
    process = subprocess.Popen(command, cwd=cwd, env=_ENV, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    memory = _PeakMemory(process.pid)
    _, stderr = process.communicate()
    wall = time.perf_counter() - start
    peak = memory.stop()
    if process.returncode not in (0, 1):
        sys.exit(f"{' '.join(command)} failed ({process.returncode}):\n{stderr.decode(errors='replace')}")
    return wall, peak, process.returncode


def floor(folder: Path) -> float:
    """Composing every file with the C loader, in this process: the cost of reading YAML at all."""
    start = time.perf_counter()
    for path in sorted(folder.glob("*.yaml")):
        yaml.compose(path.read_text(encoding="utf-8"), Loader=yaml.CSafeLoader)
    return time.perf_counter() - start


def median_time(command: list[str], repeat: int) -> float:
    """The median of ``repeat`` timed runs, after one untimed run that writes the bytecode and
    the user cache, as any run after the first finds them."""
    times = []
    for run in range(repeat + 1):
        start = time.perf_counter()
        subprocess.run(command, env=_ENV, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        times.append(time.perf_counter() - start)
    return statistics.median(times[1:])


def _tool(name: str) -> str:
    beside = Path(sys.executable).parent / name
    found = str(beside) if beside.exists() else shutil.which(name)
    if not found:
        sys.exit(f"{name} not found: pip install {'.' if name == 'jxlint' else name}")
    return found


# ── scale ───────────────────────────────────────────────────────────────────────────────

@dataclass(frozen=True)
class ScaleRun:
    files: int
    wall: float  # seconds
    peak: int  # bytes

    @property
    def per_file(self) -> float:
        return self.wall / self.files


@dataclass(frozen=True)
class ScaleVerdict:
    linear: bool  # every run's time per file within ±SCALE_TOLERANCE of the smallest run's
    flat: bool  # every run's peak memory at most (1 + SCALE_TOLERANCE) × the smallest run's
    lines: tuple[str, ...]


def scale_verdict(runs: list[ScaleRun], tolerance: float = SCALE_TOLERANCE) -> ScaleVerdict:
    """Whether time grows linearly with the number of files and memory stays flat.

    Each run is compared with the smallest one: its time per file may differ from the
    smallest run's by ``tolerance`` either way, and its peak memory may exceed it by as much.
    """
    base, *larger = sorted(runs, key=lambda run: run.files)
    time_off = [(run, run.per_file / base.per_file - 1) for run in larger]
    memory_off = [(run, run.peak / max(base.peak, 1) - 1) for run in larger]  # 0: exited before a sample
    linear = all(abs(off) <= tolerance for _, off in time_off)
    flat = all(off <= tolerance for _, off in memory_off)
    band = f"{tolerance:.0%}"
    return ScaleVerdict(linear, flat, (
        f"time: {'linear' if linear else 'NOT linear'} — time per file against {base.files:,} files' "
        f"{base.per_file * 1000:.1f} ms (±{band}): " + _offsets(time_off),
        f"memory: {'flat' if flat else 'NOT flat'} — peak against {base.files:,} files' "
        f"{base.peak / 2**20:.0f} MB (+{band}): " + _offsets(memory_off),
    ))


def _offsets(offsets: list[tuple[ScaleRun, float]]) -> str:
    return ", ".join(f"{run.files:,} files {off:+.0%}" for run, off in offsets) or "one size only"


def _sizes(text: str) -> list[int]:
    try:
        sizes = sorted({int(part) for part in text.split(",") if part.strip()})
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a list of file counts: {text!r} (e.g. 250,1000,4000)") from None
    if len(sizes) < 2 or sizes[0] < 1:
        raise argparse.ArgumentTypeError(f"give two or more positive file counts: {text!r}")
    return sizes


def _prefix(corpus: Path, files: int, folder: Path) -> Path:
    """A folder holding the first ``files`` files of ``corpus`` (hard links where possible)."""
    folder.mkdir(parents=True)
    for path in sorted(corpus.glob("*.yaml"))[:files]:
        try:
            os.link(path, folder / path.name)
        except OSError:
            shutil.copyfile(path, folder / path.name)
    return folder


def run_scale(args, jxlint: str, work: Path, corpus: Path) -> None:
    sizes = args.scale
    if corpus.exists():
        if len(list(corpus.glob("*.yaml"))) < sizes[-1]:
            sys.exit(f"{corpus} holds fewer than {sizes[-1]:,} files: remove it or give another --keep")
        cells = count_cells(corpus, checkpoints=sizes)
    else:
        cells = generate(corpus, sizes[-1], args.projects, args.corpus, args.seed, checkpoints=sizes)
    print(f"scale: {args.corpus} corpus, × {args.projects} projects per file, jxlint --no-cache --jobs {args.jobs}")
    print()
    print(f"{'files':>8}{'MB':>8}{'cells':>12}{'distinct':>10}{'wall':>10}{'per file':>11}{'peak memory':>14}")
    runs = []
    for files in sizes:
        folder = _prefix(corpus, files, work / f"scale-{files}")
        size = sum(path.stat().st_size for path in folder.glob("*.yaml"))
        wall, peak, _ = measure([jxlint, "check", str(folder), "--format", "json",
                                 "--no-cache", "--jobs", str(args.jobs)])
        runs.append(ScaleRun(files, wall, peak))
        total, distinct = cells.at[files]
        print(f"{files:>8,}{size / 1e6:>8.1f}{total:>12,}{distinct / total:>10.0%}{wall:>9.2f}s"
              f"{wall / files * 1000:>8.1f} ms{peak / 2**20:>11.0f} MB")
        shutil.rmtree(folder, ignore_errors=True)
    print()
    for line in scale_verdict(runs).lines:
        print(line)


# ── the benchmark ───────────────────────────────────────────────────────────────────────

def run_comparison(args, jxlint: str, yamllint: str | None, work: Path, corpus: Path) -> None:
    if corpus.exists():
        cells = count_cells(corpus)
    else:
        cells = generate(corpus, args.files, args.projects, args.corpus, args.seed)
    size = sum(p.stat().st_size for p in corpus.glob("*.yaml"))
    print(f"corpus: {args.corpus}, {cells.files:,} files × {args.projects} projects, {size / 1e6:.1f} MB, "
          f"{args.jobs} jobs")
    print(cells.line())

    a = floor(corpus)
    cache = work / "cache"
    b, b_mem, _ = measure([jxlint, "check", str(corpus), "--format", "json",
                           "--no-cache", "--jobs", str(args.jobs)])
    measure([jxlint, "check", str(corpus), "--format", "json", "--cache-dir", str(cache),
             "--jobs", str(args.jobs)])
    warm, warm_mem, _ = measure([jxlint, "check", str(corpus), "--format", "json",
                                 "--cache-dir", str(cache), "--jobs", str(args.jobs)])
    if yamllint:
        c, c_mem, _ = measure([yamllint, "-d", "relaxed", "-f", "parsable", str(corpus)])

    print()
    print(f"{'':34}{'wall':>10}{'peak memory':>14}")
    print(f"{'(a) floor: CSafeLoader compose':34}{a:>9.2f}s{'—':>14}")
    print(f"{'(b) jxlint check (no cache)':34}{b:>9.2f}s{b_mem / 2**20:>11.0f} MB")
    print(f"{'    jxlint check (warm cache)':34}{warm:>9.2f}s{warm_mem / 2**20:>11.0f} MB")
    if yamllint:
        print(f"{'(c) yamllint -d relaxed':34}{c:>9.2f}s{c_mem / 2**20:>11.0f} MB")
    print()
    print(f"b/a = {b / a:.2f}   (target ≤ 1.5)")
    if yamllint:
        print(f"c/b = {c / b:.1f}   (target ≥ 15)")
    print(f"warm/cold = {warm / b:.2f}   (target ≤ 0.2)")

    one = next(EXAMPLES.glob("001_*.yaml"))
    jx_one = median_time([jxlint, "check", str(one), "--no-cache", "--format", "concise"], args.repeat)
    if yamllint:
        yl_one = median_time([yamllint, "-d", "relaxed", str(one)], args.repeat)
        print(f"single file ({one.name}): jxlint {jx_one * 1000:.0f} ms, yamllint {yl_one * 1000:.0f} ms "
              f"(median of {args.repeat}; target: jxlint ≤ yamllint)")
    else:
        print(f"single file ({one.name}): jxlint {jx_one * 1000:.0f} ms (median of {args.repeat})")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--files", type=int, default=1000)
    parser.add_argument("--projects", type=int, default=10, help="projects per file")
    parser.add_argument("--corpus", choices=CORPORA, default="varied", help="which corpus to generate (default varied)")
    parser.add_argument("--seed", type=int, default=SEED, help="the corpus's random seed")
    parser.add_argument("--jobs", type=int, default=os.cpu_count())
    parser.add_argument("--repeat", type=int, default=10, help="runs of the single-file timing")
    parser.add_argument("--keep", type=Path, help="generate the corpus here and keep it (reused if it exists)")
    parser.add_argument("--skip-yamllint", action="store_true", help="leave out (c) and yamllint's single-file time")
    parser.add_argument("--scale", type=_sizes, metavar="N,M,…",
                        help="run jxlint (no cache) on the first N, M, … files and report how time and memory grow")
    args = parser.parse_args()
    jxlint = _tool("jxlint")
    yamllint = None if args.scale or args.skip_yamllint else _tool("yamllint")

    work = Path(tempfile.mkdtemp(prefix="jxlint-bench-"))
    corpus = args.keep or work / "corpus"
    try:
        if args.scale:
            run_scale(args, jxlint, work, corpus)
        else:
            run_comparison(args, jxlint, yamllint, work, corpus)
    finally:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
