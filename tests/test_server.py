"""``jxlint server`` driven by pygls's own language client over stdio, as an editor would."""

from __future__ import annotations

import asyncio
import json
import sys
from urllib.parse import unquote

import pytest
from lsprotocol import types
from pygls.lsp.client import LanguageClient

from lint.server import explain_uri
from tests.conftest import EXAMPLES, ROOT

SEED = next(EXAMPLES.glob("001_*.yaml"))
TIMEOUT = 60  # seconds for a whole session: a hung server fails the test instead of the run


async def _session(documents: dict[str, str], steps):
    client = LanguageClient("jxlint-test", "1")
    published: dict[str, asyncio.Queue] = {uri: asyncio.Queue() for uri in documents}

    @client.feature(types.TEXT_DOCUMENT_PUBLISH_DIAGNOSTICS)
    def diagnostics(params: types.PublishDiagnosticsParams) -> None:
        published.setdefault(params.uri, asyncio.Queue()).put_nowait(params.diagnostics)

    await client.start_io(sys.executable, "-m", "lint", "server", cwd=str(ROOT))
    try:
        await client.initialize_async(types.InitializeParams(
            capabilities=types.ClientCapabilities(),
            workspace_folders=[types.WorkspaceFolder(ROOT.as_uri(), "jxlint")],
        ))
        client.initialized(types.InitializedParams())
        for uri, text in documents.items():
            client.text_document_did_open(types.DidOpenTextDocumentParams(
                types.TextDocumentItem(uri=uri, language_id="yaml", version=1, text=text)))
        result = await steps(client, published)
        await client.shutdown_async(None)
        client.exit(None)
        return result
    finally:
        process = getattr(client, "_server", None)
        if process is not None and process.returncode is None:
            process.kill()
            await process.wait()
        await client.stop()


def _run(documents, steps):
    return asyncio.run(asyncio.wait_for(_session(documents, steps), TIMEOUT))


def test_diagnostics_and_code_actions_for_a_seed_example():
    uri = SEED.as_uri()
    text = SEED.read_text(encoding="utf-8")

    async def steps(client, published):
        diagnostics = await published[uri].get()
        cap = next(d for d in diagnostics if d.code == "JX301")
        actions = await client.text_document_code_action_async(types.CodeActionParams(
            types.TextDocumentIdentifier(uri), cap.range, types.CodeActionContext(diagnostics=[cap])))
        return diagnostics, cap, actions

    diagnostics, cap, actions = _run({uri: text}, steps)
    expected = json.loads(_cli_json(SEED))
    assert sorted((d.code, d.range.start.line + 1) for d in diagnostics) == sorted((f["rule"], f["line"]) for f in expected)
    assert cap.source == "jxlint" and cap.severity == types.DiagnosticSeverity.Error
    assert unquote(cap.code_description.href) == unquote(explain_uri("JX301"))
    line = text.splitlines()[cap.range.start.line]
    fix = next(a for a in actions if a.title.startswith("JX301:") and "unsafe" in a.title)
    (edit,) = fix.edit.changes[uri]
    fixed_line = line[: edit.range.start.character] + edit.new_text + line[edit.range.end.character:]
    assert "年度指标值: ≤954112元" in fixed_line and not fix.is_preferred
    suppress = next(a for a in actions if "disable=JX301" in a.title)
    (edit,) = suppress.edit.changes[uri]
    assert edit.new_text.startswith(line) and edit.new_text.endswith("# jxlint: disable=JX301")


def _cli_json(path) -> str:
    from tests.cli_helpers import jxlint

    return jxlint("check", "--format", "json", "--no-cache", str(path)).stdout


def test_typing_is_debounced_into_one_check_and_an_astral_character_counts_two_units(tmp_path):
    uri = (tmp_path / "t.yaml").as_uri()
    head = "单位: 东莞市妇女联合会\n年度: 2025\n项目:\n  - 项目名称: 项目\n    预算金额: {𠀀金额: 700,000.00元}\n"

    async def steps(client, published):
        first = await published[uri].get()
        for version, tail in enumerate(["# a\n", "# ab\n", "# abc\n"], start=2):
            client.text_document_did_change(types.DidChangeTextDocumentParams(
                types.VersionedTextDocumentIdentifier(uri=uri, version=version),
                [types.TextDocumentContentChangeWholeDocument(text=head + tail)]))
        after = await asyncio.wait_for(published[uri].get(), 20)
        await asyncio.sleep(1)  # any further publication for the earlier keystrokes would be queued by now
        return first, after, published[uri].qsize()

    first, after, more = _run({uri: head}, steps)
    assert more == 0
    split = next(d for d in first if d.code == "JX003")
    assert (split.range.start.line, split.range.start.character) == (4, 17)  # 𠀀 is two UTF-16 units
    assert [d.code for d in after] == [d.code for d in first]


@pytest.mark.parametrize("broken", ["单位: [\n", "\x00\x01"])
def test_a_broken_document_gets_a_diagnostic_not_a_crash(tmp_path, broken):
    uri = (tmp_path / "t.yaml").as_uri()

    async def steps(client, published):
        return await published[uri].get()

    assert [d.code for d in _run({uri: broken}, steps)]


def test_the_explanation_link_runs_the_explain_command():
    uri = SEED.as_uri()

    async def steps(client, published):
        await published[uri].get()
        return await client.workspace_execute_command_async(types.ExecuteCommandParams("jxlint.explain", ["JX301"]))

    from lint.explain import explain_rule
    from lint.rulepack import load_rules

    assert _run({uri: SEED.read_text(encoding="utf-8")}, steps) == explain_rule(load_rules().rules["JX301"])


def test_each_workspace_folder_gets_its_own_config_and_a_saved_config_is_read_again(tmp_path):
    text = "单位: 东莞市妇女联合会\n年度: 2025\n项目:\n  - 项目名称: 项目\n    预算金额: {金额: 700,000.00元}\n"
    for folder, config in (("a", "ignore: [JX003]\n"), ("b", "select: [JX003]\n")):
        (tmp_path / folder).mkdir()
        (tmp_path / folder / ".jxlint.yaml").write_text(config, encoding="utf-8")
        (tmp_path / folder / "t.yaml").write_text(text, encoding="utf-8")
    a, b = ((tmp_path / folder / "t.yaml").as_uri() for folder in "ab")

    async def steps(client, published):
        first = {uri: [d.code for d in await published[uri].get()] for uri in (a, b)}
        (tmp_path / "a" / ".jxlint.yaml").write_text("select: [JX003]\n", encoding="utf-8")
        client.text_document_did_save(types.DidSaveTextDocumentParams(
            types.TextDocumentIdentifier((tmp_path / "a" / ".jxlint.yaml").as_uri())))
        return first, [d.code for d in await published[a].get()]

    first, after_save = _run({a: text, b: text}, steps)
    assert "JX003" not in first[a] and first[a]
    assert first[b] == ["JX003"]
    assert after_save == ["JX003"]


def test_a_config_created_outside_the_editor_applies_at_the_next_check(tmp_path):
    """A branch checked out, or a .jxlint.yaml copied in: the server looks the config up again
    for every check (it keeps loaded settings, not which folder has which config)."""
    text = "单位: 东莞市妇女联合会\n年度: 2025\n项目:\n  - 项目名称: 项目\n    预算金额: {金额: 700,000.00元}\n"
    (tmp_path / "t.yaml").write_text(text, encoding="utf-8")
    uri = (tmp_path / "t.yaml").as_uri()

    async def steps(client, published):
        first = [d.code for d in await published[uri].get()]
        (tmp_path / ".jxlint.yaml").write_text("select: [JX003]\n", encoding="utf-8")
        client.text_document_did_save(types.DidSaveTextDocumentParams(types.TextDocumentIdentifier(uri)))
        return first, [d.code for d in await published[uri].get()]

    first, after = _run({uri: text}, steps)
    assert len(first) > 1
    assert after == ["JX003"]
