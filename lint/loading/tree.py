"""YAML text → a located tree: every scalar keeps its line and column.

PyYAML's composer (the C one when present) gives nodes with marks; we never let PyYAML
construct objects. Scalars are resolved here, to the plain YAML types only, so no tag can
run code, and the walk reports what a plain ``yaml.safe_load`` would silently swallow:
duplicate keys (PyYAML keeps the last one and loses data), a comma that split a flow
mapping value (``{金额: 700,000.00元}``), tags that would construct objects, values their
tag cannot read, and alias bombs (billion laughs) that expand a small file into gigabytes.
Merge keys (``<<: *defaults``) are plain YAML and are merged, each merged cell keeping the
location where it is written.

Target files are cleaned as they are walked (:mod:`lint.loading.clean`): every check sees
text without invisible characters, while each cell's span still points into the file.
"""

from __future__ import annotations

import os
import re
from dataclasses import dataclass, field
from typing import Union

import yaml

from lint import fixes
from lint.findings import Hit, Span
from lint.loading import clean as cleaning
from lint.loading import slips

try:  # the C loader is ~10x faster; fall back where libyaml is missing
    from yaml import CSafeLoader as _CLoader
except ImportError:  # pragma: no cover - depends on the platform's wheel
    _CLoader = None  # type: ignore[assignment,misc]

MAX_NODES = 200_000  # far above any real table (a city's file is < 20k scalars)
MAX_DEPTH = 64  # a target file nests 6 levels; deeper is hostile or broken
# No number on a form has 40 digits; longer ones are refused before they are built: a
# sexagesimal int of thousands of parts costs quadratic time, and a huge int cannot even be
# printed (Python's 4,300-digit limit).
MAX_NUMBER_CHARS = 40

_TAG = "tag:yaml.org,2002:"
_SCALAR_TAGS = {_TAG + t for t in ("str", "int", "float", "bool", "null", "timestamp", "binary")}
_STR, _NULL, _MERGE, _INT = _TAG + "str", _TAG + "null", _TAG + "merge", _TAG + "int"
_QUOTES = ("'", '"')
_constructor = yaml.constructor.SafeConstructor()
# The type constructors alone: SafeConstructor.construct_object would also remember every
# node it saw, for the life of the process.
_CONSTRUCTORS = {_TAG + name: yaml.constructor.SafeConstructor.yaml_constructors[_TAG + name] for name in ("int", "float", "bool")}
_RESOLVER = yaml.resolver.Resolver()


def yaml_loader():
    """The C loader, unless it is missing or ``JXLINT_YAML_LOADER=pure`` asks for PyYAML's
    pure-Python one, which is what a platform without libyaml gets (the tests run both)."""
    if _CLoader is None or os.environ.get("JXLINT_YAML_LOADER") == "pure":
        return yaml.SafeLoader
    return _CLoader


@dataclass(slots=True)
class Cell:
    """A located scalar. ``text`` is the scalar as written (``""`` for null); in target files
    cleaned by :func:`lint.loading.clean.clean`, while ``span`` still points into the file."""

    text: str
    span: Span
    value: object = None  # the plain YAML value: str, int, float, bool or None
    quoted: bool = False

    @property
    def is_blank(self) -> bool:
        return not self.text.strip()


@dataclass(slots=True)
class MapNode:
    span: Span
    items: dict[str, tuple[Cell, "Node"]] = field(default_factory=dict)

    def get(self, key: str) -> "Node | None":
        item = self.items.get(key)
        return item[1] if item else None

    def key_cell(self, key: str) -> Cell | None:
        item = self.items.get(key)
        return item[0] if item else None


@dataclass(slots=True)
class SeqNode:
    span: Span
    items: list["Node"] = field(default_factory=list)


Node = Union[Cell, MapNode, SeqNode]


def span_of(node: yaml.Node) -> Span:
    start, end = node.start_mark, node.end_mark
    return Span(start.line + 1, start.column + 1, end.line + 1, end.column + 1)


def compose(text: str) -> tuple[yaml.Node | None, list[Hit]]:
    """Parse ``text`` into a node graph, or return one located syntax problem."""
    loader = yaml_loader()
    try:
        return yaml.compose(text, Loader=loader), []
    except RecursionError:  # the pure-Python composer recurses once per level
        error = None
    except yaml.MarkedYAMLError as marked:
        error = marked
    except yaml.YAMLError as other:  # reader errors: control characters and the like
        return None, [Hit(Span.point(1, 1), {"detail": str(other)}, problem="yaml-syntax")]
    if _may_nest_deeper_than_limit(text):
        # libyaml refuses nesting past its own limit (1,000 levels since 0.2.5, none before),
        # and the pure-Python composer recurses into a RecursionError; our limit is far
        # lower, so a file this deep is read the same with every version and loader.
        shallower = _blank_deep_brackets(text)
        attempts = [lambda: _compose_bounded(shallower)]
        if shallower != text:  # the loader has failed on the text as it is
            attempts.insert(0, lambda: yaml.compose(shallower, Loader=loader))
        for attempt in attempts:
            try:
                return attempt(), []
            except (yaml.YAMLError, RecursionError):
                pass
    if error is None:
        return None, [Hit(Span.point(1, 1), {"limit": MAX_DEPTH}, problem="too-deep")]
    return None, [slips.explain(text, error, _reparses)]


def _reparses(text: str) -> yaml.MarkedYAMLError | None:
    """The syntax error of ``text``, or None: how a suspected slip is confirmed."""
    try:
        yaml.compose(text, Loader=yaml_loader())
    except yaml.MarkedYAMLError as error:
        return error
    except (yaml.YAMLError, RecursionError):
        return None
    return None


_BRACKET = re.compile(r"[\[\]{}]")
_INDENT = re.compile(r"^[ \t-]*", re.MULTILINE)


def _may_nest_deeper_than_limit(text: str) -> bool:
    """A cheap over-estimate, so that only a file that may be this deep pays for being
    composed by the pure-Python parser: open brackets (quotes ignored), or indentation."""
    depth = deepest = 0
    for bracket in _BRACKET.findall(text):
        depth = depth + 1 if bracket in "[{" else max(depth - 1, 0)
        deepest = max(deepest, depth)
    return deepest > MAX_DEPTH or max(map(len, _INDENT.findall(text)), default=0) > MAX_DEPTH


def _blank_deep_brackets(text: str) -> str:
    """``text`` with every bracketed collection nested past the depth the walker looks at
    overwritten by spaces (line breaks kept, so every position stays where it was): what the
    walker reports is unchanged, and no parser has to work through thousands of levels (the
    pure-Python scanner takes quadratic time on them)."""
    keep = MAX_DEPTH + 1  # the walker stops at this depth: nothing deeper is ever read
    depth, start, pieces, done = 0, -1, [], 0
    for match in _BRACKET.finditer(text):
        opening = match.group() in "[{"
        depth = depth + 1 if opening else max(depth - 1, 0)
        if opening and depth == keep + 1:
            start = match.start()
        elif not opening and depth == keep and start >= 0:
            pieces += [text[done:start], _LINE_CONTENT.sub(" ", text[start : match.end()])]
            done, start = match.end(), -1
    if start >= 0:  # never closed: blank to the end; the parser then reports the open bracket
        pieces += [text[done:start], _LINE_CONTENT.sub(" ", text[start:])]
        done = len(text)
    return "".join(pieces) + text[done:]


_LINE_CONTENT = re.compile("[^\r\n\x85\u2028\u2029]")


def _compose_bounded(text: str) -> yaml.Node | None:
    """Compose from the pure-Python parser's events (it has no nesting limit and no
    recursion), dropping the content of collections nested past :data:`MAX_DEPTH`: the
    walker reports the first dropped one, as it does for any file that deep."""
    anchors: dict[str, yaml.Node] = {}
    stack: list[yaml.Node] = []
    keys: list[yaml.Node | None] = []  # per open mapping: the key waiting for its value
    skipped = 0  # levels of collections being dropped
    root = None

    def attach(node: yaml.Node) -> None:
        nonlocal root
        if not stack:
            root = node
        elif isinstance(stack[-1], yaml.SequenceNode):
            stack[-1].value.append(node)
        elif keys[-1] is None:
            keys[-1] = node
        else:
            stack[-1].value.append((keys[-1], node))
            keys[-1] = None

    for event in yaml.parse(text, Loader=yaml.SafeLoader):
        if isinstance(event, yaml.CollectionStartEvent) and (skipped or len(stack) > MAX_DEPTH + 1):
            skipped += 1
            continue
        if skipped:
            skipped -= isinstance(event, yaml.CollectionEndEvent)
            continue
        if isinstance(event, yaml.AliasEvent):
            attach(anchors.get(event.anchor) or yaml.ScalarNode(_NULL, "", event.start_mark, event.end_mark))
        elif isinstance(event, yaml.ScalarEvent):
            tag = event.tag if event.tag not in (None, "!") else _RESOLVER.resolve(yaml.ScalarNode, event.value, event.implicit)
            node = yaml.ScalarNode(tag, event.value, event.start_mark, event.end_mark, style=event.style)
            anchors.update({event.anchor: node} if event.anchor else {})
            attach(node)
        elif isinstance(event, yaml.CollectionStartEvent):
            kind = yaml.SequenceNode if isinstance(event, yaml.SequenceStartEvent) else yaml.MappingNode
            tag = event.tag if event.tag not in (None, "!") else _RESOLVER.resolve(kind, None, event.implicit)
            node = kind(tag, [], event.start_mark, None, flow_style=event.flow_style)
            anchors.update({event.anchor: node} if event.anchor else {})
            attach(node)
            stack.append(node)
            keys.append(None)
        elif isinstance(event, yaml.CollectionEndEvent):
            stack.pop().end_mark = event.end_mark
            keys.pop()
    return root


# Cleaned texts without invisible characters (those are reported where they stand, so never
# kept): a province's files repeat the same labels and values tens of thousands of times.
# Small enough to fill within the first files a worker checks: at 100,000 texts it grew a
# worker by ~10 MB over 1,000 files of distinct cells, for no measurable time.
_CLEANED: dict[str, str] = {}
_CLEANED_LIMIT = 8_192


class _Walker:
    def __init__(self, text: str | None, clean: bool) -> None:
        self.text = text
        self.clean = clean
        self.problems: list[Hit] = []
        self.nodes = 0
        self.truncated = False
        self.top_key: Cell | None = None  # the top-level key being expanded, to blame for a bomb

    def walk(self, node: yaml.Node, depth: int = 0) -> Node:
        self.nodes += 1
        if self.nodes > MAX_NODES or depth > MAX_DEPTH:
            if not self.truncated:
                self.truncated = True
                if depth > MAX_DEPTH:
                    self.problems.append(Hit(span_of(node), {"limit": MAX_DEPTH}, problem="too-deep"))
                else:
                    # The node where the count trips is arbitrary; the key whose value expands is not.
                    span = self.top_key.span if self.top_key else span_of(node)
                    self.problems.append(Hit(span, {"limit": MAX_NODES}, problem="too-large"))
            return Cell("", span_of(node))
        if isinstance(node, yaml.ScalarNode):
            return self.scalar(node)
        expected = _TAG + ("seq" if isinstance(node, yaml.SequenceNode) else "map")
        if not self.check_tag(node, expected):
            return Cell("", span_of(node))  # reported; its content is not trusted as data
        if isinstance(node, yaml.SequenceNode):
            return SeqNode(span_of(node), [self.walk(child, depth + 1) for child in node.value])
        return self.mapping(node, depth)

    def check_tag(self, node: yaml.Node, expected: str) -> bool:
        if node.tag == expected or (expected == "scalar" and node.tag in _SCALAR_TAGS):
            return True
        self.problems.append(Hit(span_of(node), {"tag": node.tag}, problem="unsafe-tag"))
        return False

    def scalar(self, node: yaml.ScalarNode) -> Cell:
        span = span_of(node)
        quoted = node.style in _QUOTES
        text, tag = node.value, node.tag
        if tag == _MERGE:  # "<<" outside a mapping key is just text
            tag = _STR
        if self.clean and not text.isascii():
            text = self.cleaned(text, span, quoted)
            if text != node.value and not node.style:  # plain: None from PyYAML, "" from libyaml
                tag = _RESOLVER.resolve(yaml.ScalarNode, text, (True, False))  # "2025\u200b" is the year 2025
        if tag == _STR:  # nearly every cell: no more work
            return Cell(text, span, text, quoted)
        if not self.check_tag(node, "scalar"):
            return Cell("", span, None, quoted)
        if tag == _NULL:
            return Cell("", span, None, quoted)
        construct = _CONSTRUCTORS.get(tag)
        if construct is None:
            # timestamps and binary kept as text: "2025-12-31" is a cell, not a date object
            return Cell(text, span, text, quoted)
        if tag == _INT and len(text) > MAX_NUMBER_CHARS:
            return self.unreadable(text, span, quoted, tag, "too-long")
        try:
            value = construct(_constructor, yaml.ScalarNode(tag, text, node.start_mark, node.end_mark))
        except Exception:  # noqa: BLE001 - !!bool maybe raises KeyError, !!int x ValueError …
            return self.unreadable(text, span, quoted, tag, "not-" + tag.removeprefix(_TAG))
        return Cell(text, span, value, quoted)

    def unreadable(self, text: str, span: Span, quoted: bool, tag: str, reason: str) -> Cell:
        """A value its tag cannot read: reported, and kept as the text it is."""
        shown = text if len(text) <= 30 else text[:29] + "…"
        self.problems.append(Hit(span, {"tag": "!!" + tag.removeprefix(_TAG), "reason": _REASONS[reason]},
                                 value=shown, problem="bad-scalar"))
        return Cell(text, span, text, quoted)

    def cleaned(self, text: str, span: Span, quoted: bool) -> str:
        known = _CLEANED.get(text)
        if known is not None:
            return known
        invisible = cleaning.invisible_at(text)
        result = cleaning.clean(text, invisible)
        if not invisible:
            if len(_CLEANED) >= _CLEANED_LIMIT:
                _CLEANED.clear()
            _CLEANED[text] = result
        else:
            char = text[invisible[0]]
            written = Cell(text, span, text, quoted)
            removal = fixes.fix({"zh": "删除看不见的字符", "en": "remove the invisible characters"},
                                (fixes.replace_in_cell(written, index, index + 1, "") for index in invisible))
            self.problems.append(Hit(self.char_span(span, quoted, text, invisible[0]),
                                     {"char": cleaning.describe(char), "count": len(invisible)},
                                     value=result, problem="invisible-character", fix=removal))
        return result

    def char_span(self, span: Span, quoted: bool, text: str, index: int) -> Span:
        """The column of ``text[index]`` in the file when the scalar is written as is on one
        line; else the scalar's start (escapes and folding break the correspondence)."""
        # PyYAML's pure-Python reader does not count U+FEFF in a column (libyaml does): the cell
        # is as written when its width fits either way, and its start is right in both.
        width = span.end_column - span.column - 2 * quoted
        if span.line == span.end_line and width in (len(text), len(text) - text.count("\ufeff")):
            return Span.point(span.line, span.column + quoted + index)
        return Span.point(span.line, span.column)

    def mapping(self, node: yaml.MappingNode, depth: int) -> MapNode:
        result = MapNode(span_of(node))
        previous: tuple[Cell, Node, int] | None = None  # key, value, where the value starts in the text
        split: int | None = None  # index in self.problems of the split being joined
        merges: list[yaml.Node] = []
        for key_node, value_node in node.value:
            if not isinstance(key_node, yaml.ScalarNode):
                self.problems.append(Hit(span_of(key_node), {}, problem="complex-key"))
                continue
            if key_node.tag == _MERGE:
                merges.append(value_node)
                previous = None
                continue
            key = self.scalar(key_node)
            if depth == 0:
                self.top_key = key
            value = self.walk(value_node, depth + 1)
            if node.flow_style and previous is not None and _split_by_comma(previous[1], key, value):
                first_key, first_value, start = previous
                whole = self.source(start, key_node.end_mark.index) or f"{first_value.text},{key.text}"  # type: ignore[union-attr]
                joined = Cell(whole, first_value.span._replace(end_line=key.span.end_line, end_column=key.span.end_column), whole)
                result.items[first_key.text] = (first_key, joined)
                written = self.text[start:key_node.end_mark.index] if self.text is not None else None
                quoting = None if written is None or "\n" in written else fixes.fix(
                    {"zh": f"给金额加上引号：{fixes.quoted(written)}", "en": f"quote the amount: {fixes.quoted(written)}"},
                    [fixes.Edit(joined.span, fixes.quoted(written))])
                hit = Hit(joined.span, {"key": first_key.text, "value": whole}, value=whole, problem="flow-comma-split",
                          fix=quoting)
                if split is None:
                    split = len(self.problems)
                    self.problems.append(hit)
                else:  # a third and later piece of the same amount: still one split
                    self.problems[split] = hit
                previous = (first_key, joined, start)
                continue
            split = None
            if key.text in result.items:
                first = result.items[key.text][0]
                self.problems.append(
                    Hit(key.span, {"key": key.text, "first_line": first.span.line}, value=key.text, problem="duplicate-key")
                )
                previous = None
                continue
            result.items[key.text] = (key, value)
            previous = (key, value, value_node.start_mark.index)
        for merged in merges:
            self.merge(result, merged, depth)
        return result

    def merge(self, result: MapNode, source: yaml.Node, depth: int) -> None:
        """``<<: *a`` or ``<<: [*a, *b]``: keys written in the mapping win, then earlier sources."""
        sources = source.value if isinstance(source, yaml.SequenceNode) else [source]
        for item in sources:
            if not isinstance(item, yaml.MappingNode):
                self.problems.append(Hit(span_of(item), {"tag": "<<", "reason": _REASONS["not-merge"]},
                                         value="<<", problem="bad-scalar"))
                continue
            merged = self.walk(item, depth)
            if isinstance(merged, MapNode):
                for key, entry in merged.items.items():
                    result.items.setdefault(key, entry)

    def source(self, start: int, end: int) -> str | None:
        """The text between two stream positions, when it is one line as written."""
        if self.text is None:
            return None
        piece = self.text[start:end]
        if "\n" in piece:
            return None
        return cleaning.clean(piece) if self.clean else piece


_REASONS = {
    "too-long": {"zh": f"超过 {MAX_NUMBER_CHARS} 位的数字不是表上的数字，按文本处理",
                 "en": f"a number longer than {MAX_NUMBER_CHARS} characters is no number on a form; read as text"},
    "not-bool": {"zh": "!!bool 只能是 true 或 false", "en": "!!bool must be true or false"},
    "not-int": {"zh": "这不是整数", "en": "this is not a whole number"},
    "not-float": {"zh": "这不是数字", "en": "this is not a number"},
    "not-merge": {"zh": "「<<」合并的必须是键值表（如 <<: *默认值）", "en": "'<<' must merge a mapping (such as <<: *defaults)"},
}


_THOUSANDS_TAIL = re.compile(r"^\d{3}(?:[,.]\d+)*\D*$")


def _split_by_comma(previous_value: Node, key: Cell, value: Node) -> bool:
    """``{金额: 700,000.00元}`` parses as ``{金额: "700", "000.00元": null}``."""
    return (
        isinstance(previous_value, Cell)
        and not previous_value.quoted
        and previous_value.text[-1:].isdigit()
        and not key.quoted
        and _THOUSANDS_TAIL.match(key.text) is not None
        and isinstance(value, Cell)
        and value.value is None
    )


def build_tree(root: yaml.Node, text: str | None = None, *, clean: bool = False) -> tuple[Node, list[Hit]]:
    """The located tree of ``root``. ``text`` (the parsed text) lets a split amount be quoted
    exactly as written; ``clean`` strips invisible characters (target files, not packs,
    whose messages keep their full-width punctuation)."""
    walker = _Walker(text, clean)
    tree = walker.walk(root)
    # An anchored mapping merged or aliased twice would report its problems twice.
    problems = list({(hit.problem, hit.span, hit.value): hit for hit in walker.problems}.values())
    return tree, problems


def to_plain(node: Node) -> object:
    """The tree as plain Python data, for JSON Schema validation."""
    if isinstance(node, Cell):
        return node.value
    if isinstance(node, SeqNode):
        return [to_plain(child) for child in node.items]
    return {key: to_plain(child) for key, (_, child) in node.items.items()}


def follow(root: Node, path: tuple) -> tuple[Node, Cell | None, bool]:
    """The node at ``path`` (a schema error's path of keys and list indices): the deepest node
    the path reaches, the key it sits under (None for a list item or the root), and whether
    the whole path was followed."""
    node, key_cell = root, None
    for part in path:
        if isinstance(node, MapNode) and part in node.items:
            key_cell, node = node.items[part]
        elif isinstance(node, SeqNode) and isinstance(part, int) and part < len(node.items):
            key_cell, node = None, node.items[part]
        else:
            return node, key_cell, False
    return node, key_cell, True


def locate(root: Node, path: tuple, *, key: bool = False) -> Span:
    """The span of the node at ``path``, or of the deepest one reached; with ``key=True`` the
    span of its key."""
    node, key_cell, _ = follow(root, path)
    return key_cell.span if key and key_cell is not None else node.span
