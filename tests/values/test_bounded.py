"""The grammar reads hostile cells in bounded time: long whitespace runs, digit runs and
unit chains. Bounded by a subprocess timeout, never measured: a regression fails instead
of stalling CI."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from lint.values import ValueKind, parse_value

# Each took from 17 s to minutes before the patterns were possessive and cells bounded.
def hostile() -> list[str]:
    """Built by each process that needs them: a command line cannot hold them."""
    return [
        "2020" + " " * 30_000 + "x",
        "5" + "\u3000" * 20_000 + "个x",
        "≥" + " " * 30_000 + "2025年" + " " * 30_000 + "12月",
        "2020年" + " " * 30_000 + "-" + " " * 30_000 + "x",
        "1" * 30_000 + "x",
        "5千" + " " * 30_000 + "x",
        "5元" + "/人" * 1_000,
    ]


def _bounded(script: str, timeout: int = 30) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, timeout=timeout,
                          cwd=Path(__file__).resolve().parents[2])


def test_hostile_cells_are_read_in_bounded_time():
    script = (
        "from lint.values import parse_value, parse_amount, quantities_in, without_dates\n"
        "from tests.values.test_bounded import hostile\n"
        "for cell in hostile():\n"
        "    for text in (cell, cell[:2000], cell[:1000]):\n"
        "        parse_value(text).format(); parse_amount(text); quantities_in(text); without_dates(text)\n"
        "print('ok')\n"
    )
    completed = _bounded(script)
    assert completed.returncode == 0 and completed.stdout.strip() == "ok", completed.stderr


def test_a_cell_over_the_bound_is_overlong_not_parsed():
    for cell in hostile():
        assert parse_value(cell).kind is ValueKind.OVERLONG


def test_the_unit_chain_within_the_bound_never_reaches_pint_whole():
    value = parse_value("5元" + "/人" * 900)
    assert value.unit.count("/") == 3
    assert value.quantity is not None
