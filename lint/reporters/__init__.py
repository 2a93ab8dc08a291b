"""Reporters: one module per output format, each with ``render(results, out, context)``.

A reporter receives the :class:`~lint.findings.FileResult` of every checked file as an
iterator, in a deterministic order, and must go through it once: results stream from the
workers, so a province-sized run never holds them all. It never re-reads files: the result
carries the source text for the formats that quote lines (the CLI's ``SOURCE_FORMATS``).
"""

from __future__ import annotations

import importlib
from dataclasses import dataclass, field
from types import ModuleType

FORMATS = ("text", "concise", "json", "json-lines", "sarif", "github", "gitlab", "junit", "html")


@dataclass(slots=True)
class ReportContext:
    """What a reporter may need beyond the findings."""

    lang: str = "zh"
    color: bool | None = None  # None: let the terminal decide
    rules: dict = field(default_factory=dict)  # id → Rule, for formats that describe rules
    show_hints: bool = True


def load(name: str) -> ModuleType:
    if name not in FORMATS:
        raise KeyError(name)
    return importlib.import_module(f"{__name__}.{name.replace('-', '_')}")
