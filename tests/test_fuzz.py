"""Fuzzing the whole pipeline with mutated seed tables.

Hypothesis mutates real tables the way broken exports and hand edits do — keys dropped,
duplicated, retyped and reordered, cell text mangled with the characters real tables use —
and every generated file goes through the loader, the value parser, every check and the
json, sarif and concise reporters. Nothing may crash (a crashing check would show up as
JX015), and the three formats must report the same findings.

CI runs 2,000 generated files; set JXLINT_FUZZ_EXAMPLES to try more.
"""

from __future__ import annotations

import copy
import io
import json
import os
import re

import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from lint.engine import Linter
from lint.reporters import ReportContext, load
from lint.rulepack import load_rules
from tests.conftest import EXAMPLES

RULES = load_rules()
LINTER = Linter(RULES)
CONTEXT = ReportContext(lang="zh", color=False, rules=RULES.rules)
EXAMPLES_TRIED = int(os.environ.get("JXLINT_FUZZ_EXAMPLES", "2000"))

# What real cells are made of: digits of both widths, Chinese numerals, comparisons, units,
# brackets, separators, the words around targets, and YAML's own special characters.
TABLE_TEXT = st.text(
    alphabet=st.sampled_from(list(
        "0123456789０１２３.,，、%％‰≥≤><=＞＜≧≦~～-—至"
        "一二两三十百千万亿元场次个人户期条篇宗件项年月日天前以上下内及或不低于超过"
        "良好提高满意及时是否（）()[]{}「」：:;；#&*!|'\" \n\t"
    )),
    max_size=24,
)


def _tables():
    for path in sorted(EXAMPLES.glob("*.yaml")):
        document = yaml.safe_load(path.read_text(encoding="utf-8"))
        head = {key: document[key] for key in ("单位", "年度")}
        for project in document.get("项目", []):
            yield {**head, "项目": [project]}
        if "部门整体" in document:
            yield {**head, "部门整体": document["部门整体"]}


BASES = list(_tables())


def _containers(node, path=()):
    if isinstance(node, (dict, list)):
        yield path, node
        children = node.items() if isinstance(node, dict) else enumerate(node)
        for key, value in children:
            yield from _containers(value, path + (key,))


def _mutate(document, data) -> None:
    containers = [(p, c) for p, c in _containers(document) if c]
    if not containers:
        return
    _, container = data.draw(st.sampled_from(containers))
    keys = list(container) if isinstance(container, dict) else list(range(len(container)))
    key = data.draw(st.sampled_from(keys))
    operation = data.draw(st.sampled_from(["drop", "retype", "reorder", "text", "copy"]))
    if operation == "drop":
        del container[key]
    elif operation == "retype":
        container[key] = data.draw(st.one_of(
            st.integers(-10**12, 10**12), st.floats(allow_nan=False), st.booleans(), st.none(),
            TABLE_TEXT, st.lists(TABLE_TEXT, max_size=3), st.dictionaries(TABLE_TEXT, TABLE_TEXT, max_size=2),
        ))
    elif operation == "reorder" and isinstance(container, dict):
        order = data.draw(st.permutations(keys))
        items = [(k, container.pop(k)) for k in order]
        container.update(items)
    elif operation == "text" and isinstance(container[key], str):
        text = container[key]
        at = data.draw(st.integers(0, len(text)))
        container[key] = text[:at] + data.draw(TABLE_TEXT) + text[at + data.draw(st.integers(0, 3)):]
    elif operation == "copy" and isinstance(container, list):
        container.append(copy.deepcopy(container[key]))


def _text_level(text: str, data) -> str:
    lines = text.splitlines(keepends=True)
    if not lines:
        return text
    index = data.draw(st.integers(0, len(lines) - 1))
    operation = data.draw(st.sampled_from(["none", "duplicate-line", "drop-line", "insert", "crlf", "truncate"]))
    if operation == "duplicate-line":  # duplicate keys, duplicate rows
        lines.insert(index, lines[index])
    elif operation == "drop-line":
        del lines[index]
    elif operation == "insert":
        line = lines[index]
        at = data.draw(st.integers(0, len(line)))
        lines[index] = line[:at] + data.draw(TABLE_TEXT) + line[at:]
    elif operation == "crlf":
        return text.replace("\n", "\r\n")
    elif operation == "truncate":
        return "".join(lines[:index])
    return "".join(lines)


def _render(fmt: str, result) -> str:
    out = io.StringIO()
    load(fmt).render(iter([result]), out, CONTEXT)
    return out.getvalue()


_CONCISE = re.compile(r"^(?P<path>.+?):(?P<line>\d+):(?P<column>\d+): (?P<rule>\S+) \[(?P<severity>\w+)\] ")


@settings(max_examples=EXAMPLES_TRIED, deadline=None, database=None,
          suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
@given(st.data())
def test_mutated_tables_never_crash_and_every_format_agrees(data):
    document = copy.deepcopy(data.draw(st.sampled_from(BASES)))
    for _ in range(data.draw(st.integers(0, 5))):
        _mutate(document, data)
    flow = data.draw(st.sampled_from([False, None]))
    text = yaml.safe_dump(document, allow_unicode=True, sort_keys=False, default_flow_style=flow, width=200)
    text = _text_level(text, data)
    encoding = data.draw(st.sampled_from(["utf-8", "utf-8", "utf-8", "gb18030", "utf-16"]))
    try:
        raw = text.encode(encoding)
    except UnicodeEncodeError:
        raw = text.encode("utf-8")

    result = LINTER.check_bytes("fuzz.yaml", raw)
    assert not [f.message for f in result.findings if f.rule == "JX015"]

    expected = [(f.rule, f.span.line, f.span.column) for f in result.findings]
    from_json = [(f["rule"], f["line"], f["column"]) for f in json.loads(_render("json", result))]
    concise = [_CONCISE.match(line) for line in _render("concise", result).splitlines() if _CONCISE.match(line)]
    from_concise = [(m["rule"], int(m["line"]), int(m["column"])) for m in concise]
    sarif = json.loads(_render("sarif", result))["runs"][0]["results"]
    from_sarif = [(r["ruleId"], r["locations"][0]["physicalLocation"]["region"]["startLine"],
                   r["locations"][0]["physicalLocation"]["region"]["startColumn"]) for r in sarif]
    assert from_json == expected
    assert from_sarif == expected
    assert from_concise == expected
