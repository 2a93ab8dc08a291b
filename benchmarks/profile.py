"""Where one process spends its time checking a corpus, stage by stage.

    python benchmarks/profile.py /tmp/bench/seedonly-1000            # every file
    python benchmarks/profile.py /tmp/corpus --limit 100 --top 30     # the first 100, 30 functions

Runs ``jxlint check`` serially in this process (no cache, JSON output to nowhere) and prints
the time per stage, in total, per file and as a share of the run:

  start-up   settings, the rule pack, the linter (once per run)
  read       reading and decoding each file's bytes
  parse      composing the YAML text into nodes (libyaml)
  model      the located tree, schema validation, the typed model
  rules      the checks themselves (dispatch, value parsing, suppressions)
  findings   turning hits into findings: message rendering
  output     the reporter writing the findings

Times are this process's CPU time (other sessions on a shared machine do not count), and each
stage is charged only the time spent in it and not in a stage it calls, so the shares add up
to the whole. Then, unless ``--top 0``, the run again under cProfile, with its functions of
most own time. The timing wrappers cost a few percent; compare stages of one run.
"""

from __future__ import annotations

import sys
from pathlib import Path

# This file's folder comes first on the path, and its name would hide the standard library's
# profile module, which cProfile imports: put the repository there instead.
sys.path[0] = str(Path(__file__).resolve().parent.parent)

import argparse  # noqa: E402
import cProfile
import functools  # noqa: E402
import io  # noqa: E402
import os  # noqa: E402
import pstats  # noqa: E402
import time  # noqa: E402

from lint import engine, runner  # noqa: E402
from lint.loading import load  # noqa: E402
from lint.reporters import ReportContext  # noqa: E402
from lint.reporters import json as json_report  # noqa: E402

STAGES = ("start-up", "read", "parse", "model", "rules", "findings", "output")

# (module, attribute, stage): the functions whose time is charged to a stage.
_TIMED = (
    (runner, "read_regular", "read"),
    (load, "decode", "read"),
    (load, "compose", "parse"),
    (load, "build_tree", "model"),
    (load, "validate", "model"),
    (load, "build_target", "model"),
    (engine.Linter, "check_bytes", "rules"),
    (engine.Linter, "_finding", "findings"),
)


class Clock:
    """Exclusive time per stage: a stack of the stages entered, each charged until it calls
    into another stage or returns."""

    def __init__(self) -> None:
        self.spent = dict.fromkeys(STAGES, 0.0)
        self.stack: list[str] = []
        self.last = time.process_time()

    def enter(self, stage: str) -> None:
        self._charge()
        self.stack.append(stage)

    def leave(self) -> None:
        self._charge()
        self.stack.pop()

    def _charge(self) -> None:
        now = time.process_time()
        if self.stack:
            self.spent[self.stack[-1]] += now - self.last
        self.last = now

    def timed(self, function, stage: str):
        @functools.wraps(function)
        def wrapper(*args, **kwargs):
            self.enter(stage)
            try:
                return function(*args, **kwargs)
            finally:
                self.leave()
        return wrapper


def files_of(corpus: Path, limit: int | None) -> list[str]:
    found = sorted(str(path) for path in corpus.rglob("*.yaml"))
    return found[:limit] if limit else found


def check(files: list[str], clock: Clock | None = None, memo: bool = False) -> int:
    """One serial run over ``files``, JSON written to nowhere; the number of findings."""
    if clock:
        clock.enter("start-up")
    run = runner.Run(cli={}, keep_text=False, memo=memo)
    for path in files:
        run.linter(run.settings_for(path))
    if clock:
        clock.leave()
        clock.enter("output")
    counted = []

    def counting(results):
        for result in results:
            counted.append(len(result.findings))
            yield result

    with open(os.devnull, "w", encoding="utf-8") as nowhere:
        json_report.render(counting(run.results(files, jobs=1)), nowhere, ReportContext())
    if clock:
        clock.leave()
    return sum(counted)


def timed_run(files: list[str], memo: bool = False) -> tuple[Clock, int, float]:
    clock = Clock()
    originals = [(owner, name, getattr(owner, name)) for owner, name, _ in _TIMED]
    for owner, name, stage in _TIMED:
        setattr(owner, name, clock.timed(getattr(owner, name), stage))
    started = time.process_time()
    try:
        findings = check(files, clock, memo)
    finally:
        for owner, name, original in originals:
            setattr(owner, name, original)
    return clock, findings, time.process_time() - started


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("corpus", type=Path, help="a folder of target files (benchmarks/bench.py --keep)")
    parser.add_argument("--limit", type=int, default=None, help="check only the first N files")
    parser.add_argument("--top", type=int, default=25, help="cProfile's N functions of most own time (0: none)")
    parser.add_argument("--memo", action="store_true", help="reuse the verdicts of checks that declare READS (to see what the memo gives)")
    args = parser.parse_args()
    files = files_of(args.corpus, args.limit)
    if not files:
        sys.exit(f"no *.yaml under {args.corpus}")
    size = sum(os.path.getsize(path) for path in files)
    clock, findings, wall = timed_run(files, memo=args.memo)
    print(f"{len(files)} files, {size / 2**20:.1f} MB, {findings:,} findings, {wall:.2f} s CPU in one process"
          f"{' (memo)' if args.memo else ''}\n")
    print(f"{'stage':10}{'total s':>10}{'ms/file':>10}{'share':>8}")
    total = sum(clock.spent.values())
    for stage in STAGES:
        spent = clock.spent[stage]
        print(f"{stage:10}{spent:>10.2f}{spent * 1000 / len(files):>10.2f}{spent / total:>8.1%}")
    print(f"{'all':10}{total:>10.2f}{total * 1000 / len(files):>10.2f}{1:>8.0%}")
    if args.top:
        profiler = cProfile.Profile()
        profiler.runcall(check, files, None, args.memo)
        shown = io.StringIO()
        pstats.Stats(profiler, stream=shown).sort_stats("tottime").print_stats(args.top)
        print("\n" + shown.getvalue().split("\n", 4)[-1].rstrip())  # without pstats' own header lines


if __name__ == "__main__":
    main()
