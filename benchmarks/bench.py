"""Benchmark jxlint at the scale of a province, against the parsing floor and yamllint.

    python benchmarks/bench.py                   # 1,000 files × 10 projects (the default corpus)
    python benchmarks/bench.py --files 200 --projects 5 --keep /tmp/corpus

It generates a deterministic corpus in the target format from the seed examples' cells,
then reports, from one run each, side by side:

  (a) the floor: PyYAML's C loader composing every file (``yaml.compose`` + ``CSafeLoader``)
      in one process;
  (b) ``jxlint check`` on the corpus (all cores, no cache), and again with a warm cache;
  (c) ``yamllint -d relaxed`` on the same files (a peer that only checks YAML style);

with wall time and peak memory (summed over the process tree), the ratios b/a and c/b, and
the single-file time of ``jxlint check examples/<one file>`` against yamllint on that file
(median of repeated runs). yamllint must be installed (``pip install yamllint``).
"""

from __future__ import annotations

import argparse
import os
import random
import shutil
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent
EXAMPLES = ROOT / "examples"


# ── corpus ──────────────────────────────────────────────────────────────────────────────

def _seed_projects() -> list[dict]:
    projects = []
    for path in sorted(EXAMPLES.glob("*.yaml")):
        data = yaml.load(path.read_text(encoding="utf-8"), Loader=yaml.CSafeLoader)
        projects.extend(data.get("项目", []))
    return projects


def _indicator_cells(projects: list[dict]) -> list[str]:
    cells = []
    for project in projects:
        for level2 in (project.get("绩效指标") or {}).values():
            for rows in (level2 or {}).values():
                for row in rows or []:
                    cells.extend(str(v) for k, v in row.items() if k != "指标" and v not in (None, ""))
    return cells


def generate(folder: Path, files: int, projects_per_file: int, seed: int = 20251123) -> None:
    """Files of ``projects_per_file`` projects, each a seed project with some cells swapped.

    Swapping value cells among real cells keeps the mix realistic (vague values, missing
    units, caps, percentages) while making every project different.
    """
    rng = random.Random(seed)
    projects = _seed_projects()
    cells = _indicator_cells(projects)
    folder.mkdir(parents=True, exist_ok=True)
    for number in range(files):
        chosen = []
        for index in range(projects_per_file):
            project = yaml.load(yaml.dump(rng.choice(projects), allow_unicode=True), Loader=yaml.CSafeLoader)
            project["项目名称"] = f"{project['项目名称']}（{number:04}-{index:02}）"
            for level2 in (project.get("绩效指标") or {}).values():
                for rows in (level2 or {}).values():
                    for row in rows or []:
                        for key in row:
                            if key != "指标" and rng.random() < 0.2:
                                row[key] = rng.choice(cells)
            chosen.append(project)
        document = {"单位": f"示例单位{number % 97:02}", "年度": 2025, "项目": chosen}
        text = yaml.dump(document, allow_unicode=True, sort_keys=False, width=1000)
        (folder / f"unit{number:04}.yaml").write_text(text, encoding="utf-8")


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
    process = subprocess.Popen(command, cwd=cwd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
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
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        subprocess.run(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def _tool(name: str) -> str:
    beside = Path(sys.executable).parent / name
    found = str(beside) if beside.exists() else shutil.which(name)
    if not found:
        sys.exit(f"{name} not found: pip install {'.' if name == 'jxlint' else name}")
    return found


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--files", type=int, default=1000)
    parser.add_argument("--projects", type=int, default=10, help="projects per file")
    parser.add_argument("--jobs", type=int, default=os.cpu_count())
    parser.add_argument("--repeat", type=int, default=10, help="runs of the single-file timing")
    parser.add_argument("--keep", type=Path, help="generate the corpus here and keep it")
    args = parser.parse_args()
    jxlint, yamllint = _tool("jxlint"), _tool("yamllint")

    work = Path(tempfile.mkdtemp(prefix="jxlint-bench-"))
    corpus = args.keep or work / "corpus"
    try:
        if not corpus.exists():
            generate(corpus, args.files, args.projects)
        size = sum(p.stat().st_size for p in corpus.glob("*.yaml"))
        print(f"corpus: {args.files} files × {args.projects} projects, {size / 1e6:.1f} MB, {args.jobs} jobs")

        a = floor(corpus)
        cache = work / "cache"
        b, b_mem, _ = measure([jxlint, "check", str(corpus), "--format", "json", "-o", os.devnull,
                               "--no-cache", "--jobs", str(args.jobs)])
        measure([jxlint, "check", str(corpus), "--format", "json", "-o", os.devnull, "--cache-dir", str(cache),
                 "--jobs", str(args.jobs)])
        warm, warm_mem, _ = measure([jxlint, "check", str(corpus), "--format", "json", "-o", os.devnull,
                                     "--cache-dir", str(cache), "--jobs", str(args.jobs)])
        c, c_mem, _ = measure([yamllint, "-d", "relaxed", "-f", "parsable", str(corpus)])

        print()
        print(f"{'':34}{'wall':>10}{'peak memory':>14}")
        print(f"{'(a) floor: CSafeLoader compose':34}{a:>9.2f}s{'—':>14}")
        print(f"{'(b) jxlint check (no cache)':34}{b:>9.2f}s{b_mem / 2**20:>11.0f} MB")
        print(f"{'    jxlint check (warm cache)':34}{warm:>9.2f}s{warm_mem / 2**20:>11.0f} MB")
        print(f"{'(c) yamllint -d relaxed':34}{c:>9.2f}s{c_mem / 2**20:>11.0f} MB")
        print()
        print(f"b/a = {b / a:.2f}   (target ≤ 1.5)")
        print(f"c/b = {c / b:.1f}   (target ≥ 15)")
        print(f"warm/cold = {warm / b:.2f}   (target ≤ 0.2)")

        one = next(EXAMPLES.glob("001_*.yaml"))
        jx_one = median_time([jxlint, "check", str(one), "--no-cache", "--format", "concise"], args.repeat)
        yl_one = median_time([yamllint, "-d", "relaxed", str(one)], args.repeat)
        print(f"single file ({one.name}): jxlint {jx_one * 1000:.0f} ms, yamllint {yl_one * 1000:.0f} ms "
              f"(median of {args.repeat}; target: jxlint ≤ yamllint)")
    finally:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
