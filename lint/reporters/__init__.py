"""Reporters: one module per output format, each with ``render(results, out, context)``.

A reporter receives the :class:`~lint.findings.FileResult` of every checked file as an
iterator, in a deterministic order, and must go through it once: results stream from the
workers, so a province-sized run never holds them all. It never re-reads files: the result
carries the source text for the formats that quote lines (the CLI's ``SOURCE_FORMATS``).
"""

from __future__ import annotations

import importlib
import os
from dataclasses import dataclass, field
from types import ModuleType
from typing import TextIO

from lint.findings import Severity

FORMATS = ("text", "concise", "json", "json-lines", "sarif", "github", "gitlab", "junit", "html")
HUMAN_FORMATS = ("text", "concise")  # read by people: capped per rule (machine formats keep every finding)


@dataclass(slots=True)
class ReportContext:
    """What a reporter may need beyond the findings."""

    lang: str = "zh"
    color: bool | None = None  # None: let the terminal decide
    rules: dict = field(default_factory=dict)  # id → Rule, for formats that describe rules
    show_hints: bool = True
    # Human formats (text, concise) show at most this many findings per file and rule, then
    # one line with the rest's count: one long generated file must not bury the others. 0 = all.
    max_per_rule: int = 0
    # What decides the exit code, for the summary line to say why the run fails or passes.
    fail_level: Severity | None = None
    exit_zero: bool = False
    quiet: bool = False  # -q: findings only, no summary


DEFAULT_MAX_PER_RULE = 20

SEVERITY_LABELS = {
    "zh": {Severity.ERROR: "错误", Severity.WARNING: "警告", Severity.INFO: "提示"},
    "en": {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.INFO: "info"},
}

# The default pack's rule families in words; a pack's own family is shown as it is named.
FAMILY_LABELS = {
    "zh": {
        "file": "文件读取",
        "measurability": "可衡量性",
        "cycle-annual": "周期与年度",
        "cost-budget": "成本与预算",
        "indicator-set": "指标设置",
        "goals": "目标与指标",
        "structure": "指标结构",
        "self-assessment": "绩效自评",
    },
    "en": {
        "file": "file",
        "measurability": "measurability",
        "cycle-annual": "cycle vs annual",
        "cost-budget": "cost vs budget",
        "indicator-set": "indicator set",
        "structure": "indicator structure",
        "self-assessment": "self-assessment",
        "goals": "goals vs indicators",
    },
}


def severity_label(severity: Severity, lang: str) -> str:
    """The one word every human format uses for a severity, so text, concise and statistics agree."""
    return SEVERITY_LABELS[lang][severity]


def use_color(flag: bool | None, stream: TextIO) -> bool:
    """``--color``/``--no-color`` first, then ``NO_COLOR``, then ``FORCE_COLOR`` (the order
    CPython 3.13 uses), then whether ``stream`` is a terminal."""
    if flag is not None:
        return flag
    if os.environ.get("NO_COLOR"):
        return False
    if os.environ.get("FORCE_COLOR"):
        return True
    try:
        return stream.isatty()
    except (AttributeError, ValueError):
        return False


def console(out: TextIO, color: bool | None, width: int | None = None):
    """A rich console that never reads markup or emoji codes in what it prints (``:100:`` in
    ``file:100:35`` is an emoji code to rich, ``[/bold]`` in a summary a markup error):
    reporters pass user text only inside :class:`rich.text.Text`, escaped."""
    from rich.console import Console

    colored = use_color(color, out)
    return Console(file=out, force_terminal=colored, color_system="auto" if colored else None, no_color=not colored,
                   markup=False, emoji=False, highlight=False, soft_wrap=True, width=width)


def load(name: str) -> ModuleType:
    if name not in FORMATS:
        raise KeyError(name)
    return importlib.import_module(f"{__name__}.{name.replace('-', '_')}")


def capped(findings, limit: int):
    """The findings a human format shows (at most ``limit`` per rule, 0 = all) and how many
    of each rule it leaves out, in the order the rules first appeared."""
    if not limit:
        return findings, {}
    seen: dict[str, int] = {}
    shown = []
    for finding in findings:
        seen[finding.rule] = seen.get(finding.rule, 0) + 1
        if seen[finding.rule] <= limit:
            shown.append(finding)
    return shown, {rule: count - limit for rule, count in seen.items() if count > limit}


def more_findings(rule: str, count: int, lang: str) -> str:
    """The line that stands for the findings :func:`capped` left out."""
    from lint.reporters.escape import printable

    rule = printable(rule)
    if lang == "zh":
        return f"… 及另外 {count:,} 条 {rule} 发现（--max-per-rule 0 显示全部）"
    return f"… and {count:,} more {rule} findings in this file (--max-per-rule 0 shows all)"
