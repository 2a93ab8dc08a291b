"""Fuzzing the whole pipeline with mutated seed tables.

Hypothesis mutates real tables the way broken exports and hand edits do — keys dropped,
duplicated, retyped and reordered, cell text mangled with the characters real tables use —
and the way an attacker would: control and invisible format characters, long runs of
whitespace, integers far past any amount (and past Python's 4,300-digit limit as text), odd
YAML tags, anchors and merge keys. Every generated file goes through the loader, the value
parser, every check and the json, sarif and concise reporters. Nothing may crash (a crashing
check would show up as JX015), and the three formats must report the same findings. A second
property: an invisible character added to a cell never takes a finding away.

CI runs 2,000 generated files between the two; set JXLINT_FUZZ_EXAMPLES to try more.
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
INVISIBLE_TRIED = EXAMPLES_TRIED // 5  # of the budget, for the invisible-character property

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


# Format characters (Unicode Cf) and the combining grapheme joiner: what copied text carries.
INVISIBLE = st.sampled_from(list("\u200b\u200c\u200d\u2060\ufeff\u00ad\u200e\u200f\u202a\u202e\u2066\u2069\u034f\u061c"))
# C0/C1 controls (YAML refuses most: a syntax finding, never a crash), line separators.
CONTROL = st.sampled_from(list("\x00\x01\x07\x08\x0b\x0c\x1b\x7f\x85\x9b\u2028\u2029\r"))
WHITESPACE_RUN = st.builds(lambda char, count: char * count, st.sampled_from([" ", "\u3000", "\t", "\n", " \n"]),
                           st.integers(50, 600))
HUGE_NUMBER_TEXT = st.one_of(
    st.builds(lambda n: "0x" + "f" * n, st.integers(30, 5000)),
    st.builds(lambda n: ":".join(["59"] * n), st.integers(20, 3000)),  # sexagesimal
    st.builds(lambda n: "9" * n, st.integers(40, 5000)),  # past 4,300 digits: no int at all
    st.builds(lambda n: "1." + "0" * n + "e+999", st.integers(0, 400)),
)
ODD_TAGS = st.sampled_from([
    "!!bool ", "!!int ", "!!float ", "!!null ", "!!binary ", "!!timestamp ", "!!str ", "!!set ", "!!omap ",
    "!!python/object/apply:os.system ", "!foo ", "! ", "!<tag:yaml.org,2002:int> ", "&a ", "*a ", "<<: ", "? ",
])
# What the attack text is made of: mixed into cells and lines with the table's own characters.
HOSTILE_TEXT = st.lists(st.one_of(TABLE_TEXT, INVISIBLE, CONTROL, WHITESPACE_RUN, HUGE_NUMBER_TEXT, ODD_TAGS),
                        min_size=1, max_size=4).map("".join)
HUGE_INTEGERS = st.one_of(st.integers(10**39, 10**4000), st.integers(-(10**4000), -(10**39)))


def _tables():
    for path in sorted(EXAMPLES.glob("*.yaml")):
        document = yaml.safe_load(path.read_text(encoding="utf-8"))
        head = {key: document[key] for key in ("单位", "年度")}
        for kind in ("项目", "自评"):  # project tables and self-assessment tables: lists of tables
            for table in document.get(kind, []):
                yield {**head, kind: [table]}
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
            HUGE_INTEGERS, HOSTILE_TEXT,
        ))
    elif operation == "reorder" and isinstance(container, dict):
        order = data.draw(st.permutations(keys))
        items = [(k, container.pop(k)) for k in order]
        container.update(items)
    elif operation == "text" and isinstance(container[key], str):
        text = container[key]
        at = data.draw(st.integers(0, len(text)))
        container[key] = text[:at] + data.draw(st.one_of(TABLE_TEXT, HOSTILE_TEXT)) + text[at + data.draw(st.integers(0, 3)):]
    elif operation == "copy" and isinstance(container, list):
        container.append(copy.deepcopy(container[key]))


def _text_level(text: str, data) -> str:
    lines = text.splitlines(keepends=True)
    if not lines:
        return text
    index = data.draw(st.integers(0, len(lines) - 1))
    operation = data.draw(st.sampled_from(["none", "duplicate-line", "drop-line", "insert", "crlf", "truncate", "tag"]))
    if operation == "duplicate-line":  # duplicate keys, duplicate rows
        lines.insert(index, lines[index])
    elif operation == "drop-line":
        del lines[index]
    elif operation == "insert":
        line = lines[index]
        at = data.draw(st.integers(0, len(line)))
        lines[index] = line[:at] + data.draw(st.one_of(TABLE_TEXT, HOSTILE_TEXT)) + line[at:]
    elif operation == "tag" and ": " in lines[index]:  # a tag, anchor, alias or merge before a value
        key, _, value = lines[index].partition(": ")
        lines[index] = f"{key}: {data.draw(ODD_TAGS)}{value}"
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


@settings(max_examples=EXAMPLES_TRIED - INVISIBLE_TRIED, deadline=None, database=None,
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


def _strings(node, path=()):
    if isinstance(node, dict):
        for key, value in node.items():
            yield from _strings(value, path + (key,))
    elif isinstance(node, list):
        for index, value in enumerate(node):
            yield from _strings(value, path + (index,))
    elif isinstance(node, str) and node.strip():
        yield path


@settings(max_examples=INVISIBLE_TRIED, deadline=None, database=None,
          suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
@given(st.data())
def test_an_invisible_character_in_a_cell_never_takes_a_finding_away(data):
    document = copy.deepcopy(data.draw(st.sampled_from(BASES)))
    paths = list(_strings(document))
    path = data.draw(st.sampled_from(paths))
    target = document
    for part in path[:-1]:
        target = target[part]
    text = target[path[-1]]
    at = data.draw(st.integers(0, len(text)))
    flow = data.draw(st.sampled_from([False, None]))

    def findings(doc) -> set[tuple[str, int]]:
        # No line wrapping: the added character must not move any other cell to another line.
        dumped = yaml.safe_dump(doc, allow_unicode=True, sort_keys=False, default_flow_style=flow, width=10**9)
        return {(f.rule, f.span.line) for f in LINTER.check_bytes("fuzz.yaml", dumped.encode()).findings}

    before = findings(document)
    target[path[-1]] = text[:at] + data.draw(INVISIBLE) + text[at:]
    after = findings(document)
    assert before <= after, before - after
    assert any(rule == "JX021" for rule, _ in after)
