"""``jxlint server``: the Language Server Protocol over stdio, with pygls.

Diagnostics are published on open, on save and (debounced) while typing; each carries the
rule id as its code, the hint after the message, and a ``command:`` link that runs
``jxlint.explain`` (there is no web site to link to; the command shows ``jxlint explain ID``).
Code actions offer each finding's fix (safe ones marked preferred) and a ``# jxlint:
disable=ID`` comment for its line. Settings are found per file the way ``jxlint check`` finds
them (the closest config from the file's folder up), so each workspace folder gets its own
config and packs; saving a config file re-reads them.
"""

from __future__ import annotations

import asyncio
import json
import os
from urllib.parse import quote

from lsprotocol import types
from pygls.lsp.server import LanguageServer
from pygls.uris import to_fs_path

from lint import __version__
from lint.config import ConfigError, is_config_file
from lint.findings import Finding, Severity
from lint.fixing import with_suppressions
from lint.rulepack import PackError
from lint.runner import Run

# Typing re-checks a file only after this long without a keystroke: a 2,000-line file takes a
# few hundred milliseconds to check, and each keystroke must not queue another check.
DEBOUNCE_SECONDS = 0.3
EXPLAIN = "jxlint.explain"
_SEVERITY = {Severity.ERROR: types.DiagnosticSeverity.Error, Severity.WARNING: types.DiagnosticSeverity.Warning,
             Severity.INFO: types.DiagnosticSeverity.Information}


class JxlintServer(LanguageServer):
    def __init__(self) -> None:
        super().__init__("jxlint", __version__, text_document_sync_kind=types.TextDocumentSyncKind.Full)
        self.run = Run(keep_text=False)
        self.pending: dict[str, asyncio.TimerHandle] = {}
        self.findings: dict[str, list[Finding]] = {}  # uri → the findings last published


server = JxlintServer()


def _path(uri: str) -> str:
    path = to_fs_path(uri) if uri.startswith("file:") else None
    return path or os.path.join(os.getcwd(), "untitled.yaml")


def check_document(ls: JxlintServer, uri: str) -> None:
    ls.pending.pop(uri, None)
    document = ls.workspace.get_text_document(uri)
    path = _path(uri)
    ls.run.forget_config_lookups()  # a config may have been created or removed outside the editor
    try:
        settings = ls.run.settings_for(path)
        linter = ls.run.linter(settings)
    except (ConfigError, PackError) as error:
        text = error.text("en") if isinstance(error, ConfigError) else str(error)
        ls.window_show_message(types.ShowMessageParams(types.MessageType.Error, f"jxlint: {text}"))
        return
    result = linter.check_bytes(path, document.source.encode("utf-8", "surrogatepass"))
    ignored = settings.ignored_for(path)
    findings = [f for f in result.findings if not any(f.rule.startswith(rule) for rule in ignored)]
    ls.findings[uri] = findings
    lines = document.source.splitlines()
    diagnostics = [_diagnostic(f, lines) for f in findings]
    ls.text_document_publish_diagnostics(types.PublishDiagnosticsParams(uri, diagnostics, document.version))


def _utf16(lines: list[str], line: int, column: int) -> types.Position:
    """A loader position (1-based, code points) as LSP's (0-based, UTF-16 code units)."""
    text = lines[line - 1] if 0 < line <= len(lines) else ""
    prefix = text[: column - 1]
    return types.Position(line - 1, len(prefix.encode("utf-16-le")) // 2 + max(0, column - 1 - len(text)))


def _range(span, lines: list[str]) -> types.Range:
    return types.Range(_utf16(lines, span.line, span.column), _utf16(lines, span.end_line, span.end_column))


def explain_uri(rule: str) -> str:
    return f"command:{EXPLAIN}?{quote(json.dumps([rule]))}"


def _diagnostic(f: Finding, lines: list[str]) -> types.Diagnostic:
    return types.Diagnostic(
        range=_range(f.span, lines),
        message=f.message + (f"\n{f.hint}" if f.hint else ""),
        severity=_SEVERITY[f.severity],
        code=f.rule,
        code_description=types.CodeDescription(href=explain_uri(f.rule)),
        source="jxlint",
        data={"slug": f.slug},
    )


@server.feature(types.TEXT_DOCUMENT_DID_OPEN)
def did_open(ls: JxlintServer, params: types.DidOpenTextDocumentParams) -> None:
    check_document(ls, params.text_document.uri)


@server.feature(types.TEXT_DOCUMENT_DID_SAVE)
def did_save(ls: JxlintServer, params: types.DidSaveTextDocumentParams) -> None:
    if is_config_file(_path(params.text_document.uri)) or _path(params.text_document.uri).endswith("pyproject.toml"):
        ls.run = Run(keep_text=False)  # settings and packs are read again
        for uri in list(ls.findings):
            check_document(ls, uri)
        return
    check_document(ls, params.text_document.uri)


def _cancel_pending(ls: JxlintServer, uri: str) -> None:
    waiting = ls.pending.pop(uri, None)
    if waiting is not None:
        waiting.cancel()


@server.feature(types.TEXT_DOCUMENT_DID_CHANGE)
def did_change(ls: JxlintServer, params: types.DidChangeTextDocumentParams) -> None:
    uri = params.text_document.uri
    _cancel_pending(ls, uri)
    ls.pending[uri] = asyncio.get_running_loop().call_later(DEBOUNCE_SECONDS, check_document, ls, uri)


@server.feature(types.TEXT_DOCUMENT_DID_CLOSE)
def did_close(ls: JxlintServer, params: types.DidCloseTextDocumentParams) -> None:
    uri = params.text_document.uri
    _cancel_pending(ls, uri)
    ls.findings.pop(uri, None)
    ls.text_document_publish_diagnostics(types.PublishDiagnosticsParams(uri, []))


@server.feature(types.TEXT_DOCUMENT_CODE_ACTION,
                types.CodeActionOptions(code_action_kinds=[types.CodeActionKind.QuickFix]))
def code_action(ls: JxlintServer, params: types.CodeActionParams) -> list[types.CodeAction]:
    uri = params.text_document.uri
    document = ls.workspace.get_text_document(uri)
    lines = document.source.splitlines()
    wanted = params.range
    actions = []
    for f in ls.findings.get(uri, []):
        where = _range(f.span, lines)
        if (where.end.line, where.end.character) < (wanted.start.line, wanted.start.character) or \
                (where.start.line, where.start.character) > (wanted.end.line, wanted.end.character):
            continue
        diagnostic = _diagnostic(f, lines)
        if f.fix is not None:
            edits = [types.TextEdit(_range(edit.span, lines), edit.text) for edit in f.fix.edits]
            title = f"{f.rule}: {f.fix.description}" + ("" if f.fix.safe else " (unsafe)")
            actions.append(types.CodeAction(title, kind=types.CodeActionKind.QuickFix, diagnostics=[diagnostic],
                                            is_preferred=f.fix.safe, edit=types.WorkspaceEdit(changes={uri: edits})))
        actions.append(_suppression(uri, f, lines, diagnostic))
    return actions


def _suppression(uri: str, f: Finding, lines: list[str], diagnostic) -> types.CodeAction:
    line = lines[f.span.line - 1] if 0 < f.span.line <= len(lines) else ""
    rewritten = with_suppressions(line, {1: [f.rule]})
    end = types.Position(f.span.line - 1, len(line.encode("utf-16-le")) // 2)
    edit = types.TextEdit(types.Range(types.Position(f.span.line - 1, 0), end), rewritten)
    return types.CodeAction(f"{f.rule}: suppress on this line (# jxlint: disable={f.rule})",
                            kind=types.CodeActionKind.QuickFix, diagnostics=[diagnostic],
                            edit=types.WorkspaceEdit(changes={uri: [edit]}))


@server.command(EXPLAIN)
def explain(ls: JxlintServer, rule: str) -> str:
    from lint.explain import explain_rule

    found = ls.run.rules().get(rule)
    if found is None:
        from lint.rulepack import load_rules

        found = load_rules().rules.get(rule)
    text = explain_rule(found) if found is not None else f"unknown rule {rule}"
    ls.window_show_message(types.ShowMessageParams(types.MessageType.Info, text))
    return text


def main() -> None:
    server.start_io()
