"""YAML text → a located tree: every scalar keeps its line and column.

PyYAML's composer (the C one when present) gives nodes with marks; we never let PyYAML
construct objects. Scalars are resolved here, to the plain YAML types only, so no tag can
run code, and the walk reports what a plain ``yaml.safe_load`` would silently swallow:
duplicate keys (PyYAML keeps the last one and loses data), a comma that split a flow
mapping value (``{金额: 700,000.00元}``), tags that would construct objects, and alias
bombs (billion laughs) that expand a small file into gigabytes.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Union

import yaml

from lint.findings import Hit, Span

try:  # the C loader is ~10x faster; fall back where libyaml is missing
    from yaml import CSafeLoader as _Loader
except ImportError:  # pragma: no cover - depends on the platform's wheel
    from yaml import SafeLoader as _Loader  # type: ignore[assignment]

MAX_NODES = 200_000  # far above any real table (a city's file is < 20k scalars)
MAX_DEPTH = 64  # a target file nests 6 levels; deeper is hostile or broken

_TAG = "tag:yaml.org,2002:"
_SCALAR_TAGS = {_TAG + t for t in ("str", "int", "float", "bool", "null", "timestamp", "binary")}
_STR, _NULL = _TAG + "str", _TAG + "null"
_QUOTES = ("'", '"')
_constructor = yaml.constructor.SafeConstructor()
# The type constructors alone: SafeConstructor.construct_object would also remember every
# node it saw, for the life of the process.
_CONSTRUCTORS = {_TAG + name: yaml.constructor.SafeConstructor.yaml_constructors[_TAG + name] for name in ("int", "float", "bool")}


@dataclass(slots=True)
class Cell:
    """A located scalar. ``text`` is the scalar as written (``""`` for null)."""

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
    try:
        return yaml.compose(text, Loader=_Loader), []
    except yaml.MarkedYAMLError as error:
        mark = error.problem_mark or error.context_mark
        span = _within(text, mark.line + 1, mark.column + 1) if mark else Span.point(1, 1)
        detail = " ".join(part for part in (error.context, error.problem) if part)
        return None, [Hit(span, {"detail": detail}, problem="yaml-syntax")]
    except yaml.YAMLError as error:  # reader errors: control characters and the like
        return None, [Hit(Span.point(1, 1), {"detail": str(error)}, problem="yaml-syntax")]


def _within(text: str, line: int, column: int) -> Span:
    """libyaml reports an unexpected end of input one line past the last: point at the end
    of the last line instead, where a reporter can show it."""
    lines = text.splitlines() or [""]
    if line > len(lines):
        return Span.point(len(lines), len(lines[-1]) + 1)
    return Span.point(line, column)


class _Walker:
    def __init__(self) -> None:
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
        tag = node.tag
        if tag == _STR:  # nearly every cell: no more work
            return Cell(node.value, span, node.value, quoted)
        if not self.check_tag(node, "scalar"):
            return Cell("", span, None, quoted)
        if tag == _NULL:
            return Cell("", span, None, quoted)
        construct = _CONSTRUCTORS.get(tag)
        if construct is not None:
            try:
                value = construct(_constructor, node)
            except (ValueError, yaml.YAMLError):  # e.g. an int too large for the resolver's regex
                value = node.value
            return Cell(node.value, span, value, quoted)
        # timestamps and binary kept as text: "2025-12-31" is a cell, not a date object
        return Cell(node.value, span, node.value, quoted)

    def mapping(self, node: yaml.MappingNode, depth: int) -> MapNode:
        result = MapNode(span_of(node))
        previous: tuple[Cell, Node] | None = None
        for key_node, value_node in node.value:
            if not isinstance(key_node, yaml.ScalarNode):
                self.problems.append(Hit(span_of(key_node), {}, problem="complex-key"))
                continue
            key = self.scalar(key_node)
            if depth == 0:
                self.top_key = key
            value = self.walk(value_node, depth + 1)
            if node.flow_style and previous is not None and _split_by_comma(previous[1], key, value):
                whole = f"{previous[1].text},{key.text}"  # type: ignore[union-attr]
                self.problems.append(
                    Hit(previous[1].span, {"key": previous[0].text, "value": whole}, value=whole, problem="flow-comma-split")
                )
                previous = None
                continue
            if key.text in result.items:
                first = result.items[key.text][0]
                self.problems.append(
                    Hit(key.span, {"key": key.text, "first_line": first.span.line}, value=key.text, problem="duplicate-key")
                )
                continue
            result.items[key.text] = (key, value)
            previous = (key, value)
        return result


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


def build_tree(root: yaml.Node) -> tuple[Node, list[Hit]]:
    walker = _Walker()
    tree = walker.walk(root)
    return tree, walker.problems


def to_plain(node: Node) -> object:
    """The tree as plain Python data, for JSON Schema validation."""
    if isinstance(node, Cell):
        return node.value
    if isinstance(node, SeqNode):
        return [to_plain(child) for child in node.items]
    return {key: to_plain(child) for key, (_, child) in node.items.items()}


def locate(root: Node, path: tuple, *, key: bool = False) -> Span:
    """The span of the node at ``path``; with ``key=True`` the span of its key."""
    node: Node = root
    span = root.span
    for part in path:
        if isinstance(node, MapNode) and part in node.items:
            key_cell, node = node.items[part]
            span = key_cell.span if key else node.span
        elif isinstance(node, SeqNode) and isinstance(part, int) and part < len(node.items):
            node = node.items[part]
            span = node.span
        else:
            break
    return span
