"""Fuzzing what a checkout can hold: generated folder trees with links, FIFOs and odd names.

Each example builds a tree — target files, broken ones, FIFOs, links inside the tree, out of
it, to folders, in loops and dangling, names that are not UTF-8 or have upper-case
extensions, a committed ``.jxlint_cache`` (a real folder or a link) — beside a folder that
stands for the rest of the machine, and runs ``check`` (with the cache, into ``-o`` inside the
tree, in a random format) and ``clean``. Nothing may crash or hang, the report must hold
nothing of the outside folder, and the outside folder must be exactly as it was.

CI runs 30 trees; set JXLINT_FS_FUZZ_EXAMPLES to try more.
"""

from __future__ import annotations

import os
import shutil
import signal
import tempfile
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests.cli_helpers import jxlint

EXAMPLES_TRIED = int(os.environ.get("JXLINT_FS_FUZZ_EXAMPLES", "30"))
TARGET = "单位: 东莞市妇女联合会\n年度: 2025\n项目:\n  - 项目名称: 家庭工作经费\n    预算金额: 1元\n    预算金额: 2元\n"
SECRET = "ghp_OUTSIDE_SECRET_0123456789"

NAME = st.builds(
    lambda stem, extension: stem + extension,
    st.lists(st.sampled_from([b"a", b"Z", b" ", b"-", b"\xff", b"\xe4\xb8\xad", b"\n", b".", b"\xc3"]), min_size=1, max_size=6)
    .map(b"".join).filter(lambda stem: stem not in (b".", b"..")),
    st.sampled_from([b".yaml", b".YAML", b".yml", b".Yml", b".txt", b""]),
)
KINDS = ["target", "garbage", "fifo", "link-inside", "link-outside", "link-outside-folder", "link-loop", "link-dangling",
         "folder", "cache-folder", "cache-link"]
ENTRY = st.tuples(st.sampled_from(KINDS), st.lists(st.sampled_from([b"d", b"\xfe", b"UP"]), max_size=3), NAME)
FORMATS = st.sampled_from(["json", "sarif", "gitlab", "junit", "text", "concise", "html", "json-lines", "github"])


def _snapshot(folder: Path) -> dict:
    return {path.relative_to(folder): (path.read_bytes() if path.is_file() and not path.is_symlink() else path.is_dir())
            for path in folder.rglob("*")}


def _build(root: bytes, outside: bytes, entries) -> None:
    for kind, parts, name in entries:
        folder = os.path.join(root, *parts)
        os.makedirs(folder, exist_ok=True)
        path = os.path.join(folder, name)
        if os.path.lexists(path):
            continue
        if kind == "target":
            with open(path, "w", encoding="utf-8") as handle:
                handle.write(TARGET)
        elif kind == "garbage":
            with open(path, "wb") as handle:
                handle.write(b"\x00\xff{[: " + name)
        elif kind == "fifo":
            os.mkfifo(path)
        elif kind == "link-inside":
            os.symlink(os.path.join(root, b"anchor.yaml"), path)
        elif kind == "link-outside":
            os.symlink(os.path.join(outside, b"secret.yaml"), path)
        elif kind == "link-outside-folder":
            os.symlink(outside, path)
        elif kind == "link-loop":
            os.symlink(path, path)
        elif kind == "link-dangling":
            os.symlink(os.path.join(outside, b"missing", name), path)
        elif kind == "folder":
            os.makedirs(path, exist_ok=True)
        elif kind == "cache-folder":
            os.makedirs(os.path.join(root, b".jxlint_cache", b"0.1.0"), exist_ok=True)
            if not os.path.lexists(os.path.join(root, b".jxlint_cache", b"CACHEDIR.TAG")):
                os.symlink(os.path.join(outside, b"tag"), os.path.join(root, b".jxlint_cache", b"CACHEDIR.TAG"))
        elif kind == "cache-link" and not os.path.lexists(os.path.join(root, b".jxlint_cache")):
            os.symlink(outside, os.path.join(root, b".jxlint_cache"))


def _alarm(signum, frame):
    raise TimeoutError("jxlint hung on a generated tree")


@settings(max_examples=EXAMPLES_TRIED, deadline=None, derandomize=True,
          suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture])
@given(entries=st.lists(ENTRY, min_size=1, max_size=12), output_format=FORMATS)
def test_generated_trees_never_crash_hang_leak_or_write_outside(entries, output_format):
    base = Path(tempfile.mkdtemp(prefix="jxlint-fs-fuzz-"))
    try:
        outside, root = base / "outside", base / "repo"
        outside.mkdir()
        (outside / "secret.yaml").write_text(f"单位: {SECRET}\n年度: 2025\n项目: []\n", encoding="utf-8")
        (root / ".git").mkdir(parents=True)
        (root / "anchor.yaml").write_text(TARGET, encoding="utf-8")
        _build(os.fsencode(root), os.fsencode(outside), entries)
        before = _snapshot(outside)
        report = root / "report.out"
        previous = signal.signal(signal.SIGALRM, _alarm)
        signal.alarm(60)
        try:
            for _ in range(2):  # the second run may answer from the cache
                result = jxlint("check", "--format", output_format, "-o", str(report), str(root), cwd=root,
                                env={"JXLINT_CACHE_DIR": None})
                assert result.exit_code == 1, result.output  # anchor.yaml has a JX002 at least
                assert SECRET not in report.read_text(encoding="utf-8")
            cleaned = jxlint("clean", cwd=root, env={"JXLINT_CACHE_DIR": None})
            assert cleaned.exit_code in (0, 2), cleaned.output
        finally:
            signal.alarm(0)
            signal.signal(signal.SIGALRM, previous)
        assert _snapshot(outside) == before
    finally:
        shutil.rmtree(base, ignore_errors=True)
