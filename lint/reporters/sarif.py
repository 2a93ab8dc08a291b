"""SARIF 2.1.0, for GitHub code scanning and other SARIF viewers.

Paths are relative URIs against ``%SRCROOT%`` (the working folder); columns count Unicode
code points, as the loader does. ``partialFingerprints`` use the line-independent identity
of a finding, so a viewer tracks it across edits that move it.
"""

from __future__ import annotations

import os
from pathlib import Path, PurePosixPath
from typing import TextIO
from urllib.parse import quote

from lint import __version__
from lint.findings import FileResult, Severity, fingerprints
from lint.reporters import ReportContext
from lint.reporters.escape import json_dumps

LEVELS = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.INFO: "note"}
SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json"


def relative_uri(path: str) -> str:
    if path == "-" or not os.path.isabs(path) and ".." not in PurePosixPath(path).parts:
        relative = PurePosixPath(Path(path)).as_posix()
    else:
        relative = PurePosixPath(Path(os.path.relpath(path))).as_posix()
    return quote(relative)


def _rule_descriptor(rule, lang: str) -> dict:
    return {
        "id": rule.id,
        "name": rule.slug,
        "shortDescription": {"text": rule.text("summary", lang)},
        "fullDescription": {"text": rule.text("rationale", lang)},
        "help": {
            "text": f"{rule.text('hint', lang)}\n\n{rule.text('rationale', lang)} ({rule.rationale.get('source', '')})",
            "markdown": f"{rule.text('hint', lang)}\n\n*{rule.text('rationale', lang)}* — {rule.rationale.get('source', '')}",
        },
        "defaultConfiguration": {"level": LEVELS[rule.severity]},
        "properties": {"tags": [rule.family], "check": rule.check},
    }


def render(results: list[FileResult], out: TextIO, context: ReportContext) -> None:
    descriptors = [_rule_descriptor(context.rules[rule_id], context.lang) for rule_id in sorted(context.rules)]
    index = {descriptor["id"]: position for position, descriptor in enumerate(descriptors)}
    sarif_results = []
    for result in results:
        uri = relative_uri(result.path)
        prints = fingerprints(result.findings, PurePosixPath(Path(result.path)).as_posix())
        for f, print_ in zip(result.findings, prints):
            entry = {
                "ruleId": f.rule,
                "level": LEVELS[f.severity],
                "message": {"text": f.message + (f"\n{f.hint}" if f.hint else "")},
                "locations": [{
                    "physicalLocation": {
                        "artifactLocation": {"uri": uri, "uriBaseId": "%SRCROOT%"},
                        "region": {
                            "startLine": f.span.line,
                            "startColumn": f.span.column,
                            "endLine": f.span.end_line,
                            "endColumn": f.span.end_column,
                        },
                    },
                }],
                "partialFingerprints": {"jxlintIdentity/v1": print_},
            }
            if f.fix is not None:
                entry["fixes"] = [_fix(f.fix, uri)]
            if f.rule in index:
                entry["ruleIndex"] = index[f.rule]
            properties = {key: value for key, value in (("project", f.project), ("indicator", f.indicator)) if value}
            if properties:
                entry["properties"] = properties
            sarif_results.append(entry)
    document = {
        "$schema": SCHEMA,
        "version": "2.1.0",
        "runs": [{
            "tool": {"driver": {"name": "jxlint", "version": __version__, "semanticVersion": _semver(__version__),
                                "rules": descriptors}},
            "originalUriBaseIds": {"%SRCROOT%": {"uri": Path.cwd().as_uri() + "/"}},
            "columnKind": "unicodeCodePoints",
            "results": sarif_results,
        }],
    }
    out.write(json_dumps(document, indent=2))
    out.write("\n")


def _fix(fix, uri: str) -> dict:
    """A SARIF fix: each edit a replacement (an empty deleted region inserts)."""
    return {
        "description": {"text": fix.description},
        "artifactChanges": [{
            "artifactLocation": {"uri": uri, "uriBaseId": "%SRCROOT%"},
            "replacements": [{
                "deletedRegion": {"startLine": e.span.line, "startColumn": e.span.column,
                                  "endLine": e.span.end_line, "endColumn": e.span.end_column},
                "insertedContent": {"text": e.text},
            } for e in fix.edits],
        }],
        "properties": {"applicability": fix.applicability},
    }


def _semver(version: str) -> str:
    """PEP 440 ``0.1.0.dev0`` → SemVer ``0.1.0-dev0``."""
    core, _, rest = version.partition(".dev")
    return f"{core}-dev{rest}" if _ else core
