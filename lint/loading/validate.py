"""JSON Schema validation of a located tree, with every error on its own key or value.

jsonschema reports paths; we turn each into the span of the offending scalar, and its
message into a sentence in the form's words (the schema's Chinese titles), in both
languages so the engine can pick one.
"""

from __future__ import annotations

import dataclasses
import functools
import re
from typing import Iterator

from lint import fixes
from lint.findings import Hit, Span
from lint.loading import labels
from lint.loading.fastschema import is_valid
from lint.loading.slips import colon_slip
from lint.loading.tree import MapNode, Node, follow, locate, to_plain
from lint.resources import schema

_TYPE_NAMES = {
    "string": ("文本", "text"),
    "integer": ("整数", "a whole number"),
    "number": ("数字", "a number"),
    "object": ("键值表", "a mapping"),
    "array": ("列表", "a list"),
    "null": ("空", "empty"),
    "boolean": ("是/否", "true/false"),
}


@functools.cache
def _validator(name: str):
    import jsonschema  # deferred: only files that reach validation pay for the import

    return jsonschema.Draft202012Validator(schema(name))


def validate(tree: Node, schema_name: str = "target-file", quote: bool = True) -> list[Hit]:
    """Schema problems of ``tree``, each located on its key or value.

    ``quote=False`` for configs and rule packs: a file named as one may be anything (a
    committed ``packs: [~/.git-credentials]``), and its content must never reach a CI log, so
    a wrong value is described by its type only."""
    instance = to_plain(tree)
    if is_valid(schema_name, instance):
        return []
    errors = _validator(schema_name).iter_errors(instance)
    hits = [hit for error in errors for hit in _hits(tree, error, quote)]
    return sorted(hits, key=lambda hit: hit.span)


def _label(error) -> str:
    title = error.schema.get("title") if isinstance(error.schema, dict) else None
    path = list(error.absolute_path)
    if path and isinstance(path[-1], str):
        return path[-1]
    return title or (str(path[-1]) if path else "文件")


def _type_names(types) -> tuple[str, str]:
    types = [types] if isinstance(types, str) else list(types)
    zh = "或".join(_TYPE_NAMES.get(t, (t, t))[0] for t in types if t != "null")
    en = " or ".join(_TYPE_NAMES.get(t, (t, t))[1] for t in types if t != "null")
    return zh, en


def _hits(tree: Node, error, quote: bool = True) -> Iterator[Hit]:
    path = tuple(error.absolute_path)
    where = locate(tree, path)
    key = _label(error)
    kind = error.validator
    if kind == "additionalProperties":
        node = _node_at(tree, path)
        allowed = sorted(error.schema.get("properties", {}))
        for extra in _extra_keys(error):
            span = node.items[extra][0].span if isinstance(node, MapNode) and extra in node.items else where
            if not quote and not _SETTING_NAME.fullmatch(extra):
                yield _hit(span, "?", f"未知栏目（不是设置项）；可用的栏目：{'、'.join(allowed)}",
                           f"an unknown key (not a setting); known keys: {', '.join(allowed)}")
                continue
            typed = _KEY_AND_VALUE.match(extra)
            if typed and typed["label"] in allowed:  # {指标:社区活动数}: in flow style one key, not two
                colon = span._replace(column=span.column + typed.start("colon"), end_column=span.column + typed.end("colon"))
                yield _hit(colon if span.line == span.end_line else span, extra,
                           *colon_slip(typed["label"], typed["value"], full_width=typed["colon"] == "："))
                continue
            yield _hit(span, extra, f"未知栏目「{extra}」，可用的栏目：{'、'.join(allowed)}",
                       f"unknown key '{extra}'; known keys: {', '.join(allowed)}")
        return
    if "propertyNames" in error.schema_path:
        # jsonschema checks each key against the propertyNames schema without extending
        # the path: the key is the instance, its mapping is at the path.
        node = _node_at(tree, path)
        name = str(error.instance)
        span = node.items[name][0].span if isinstance(node, MapNode) and name in node.items else where
        level = error.schema.get("title", "标签")
        close = labels.nearest(name, 1 if level == "一级指标" else 2) if level in ("一级指标", "二级指标") else None
        if close is None:
            yield _hit(span, name, f"「{name}」不是{level}", f"'{name}' is not a known {level} label")
        else:
            hit = _hit(span, name, f"「{name}」不是{level}；最接近的是「{close}」", f"'{name}' is not a known {level} label; did you mean '{close}'?")
            yield dataclasses.replace(hit, fix=_relabel(node, name, close, level))
        return
    if kind == "required":
        missing = re.findall(r"'([^']+)' is a required property", error.message) or [str(error.message)]
        span = locate(tree, path, key=True) if path else Span.point(1, 1)
        node = _node_at(tree, path)
        # A key typed as {指标:社区活动数} is reported as the slip it is, not as missing too.
        typed = {m["label"] for k in (node.items if isinstance(node, MapNode) else ()) if (m := _KEY_AND_VALUE.match(k))}
        for name in missing:
            if name not in typed:
                yield _hit(span, name, f"缺少栏目「{name}」", f"missing key '{name}'")
        return
    if kind == "anyOf" and not path:
        yield _hit(Span.point(1, 1), "项目", "文件中既没有「项目」也没有「部门整体」：不是绩效目标文件",
                   "neither 项目 nor 部门整体: this is not a target file")
        return
    if kind == "type":
        zh, en = _type_names(error.validator_value)
        if quote:
            yield _hit(where, key, f"「{key}」应为{zh}，这里是「{_shown(error.instance)}」",
                       f"'{key}' should be {en}, not '{_shown(error.instance)}'")
        else:
            found_zh, found_en = _type_names(_json_type(error.instance))
            yield _hit(where, key, f"「{key}」应为{zh}，这里是{found_zh}", f"'{key}' should be {en}, not {found_en}")
        return
    if kind in ("minimum", "maximum"):
        yield _hit(where, key, f"「{key}」的值 {error.instance} 超出范围", f"'{key}' value {error.instance} is out of range")
        return
    if kind == "minLength":
        yield _hit(where, key, f"「{key}」不能为空", f"'{key}' must not be empty")
        return
    if kind == "enum":
        choices = [str(v) for v in error.validator_value if v is not None]
        yield _hit(where, key, f"「{key}」只能是：{'、'.join(choices)}", f"'{key}' must be one of: {', '.join(choices)}")
        return
    yield _hit(where, key, f"「{key}」：{error.message}", f"'{key}': {error.message}")


_KEY_AND_VALUE = re.compile(r"(?P<label>[^:：\s]+)\s*(?P<colon>[:：])\s*(?P<value>.*)", re.DOTALL)


def _relabel(node, name: str, close: str, level: str):
    """The misspelt label replaced by the known one, unless the mapping already has that label
    (the rename would make a duplicate key and lose one block)."""
    normalise = labels.level1 if level == "一级指标" else labels.level2
    if not isinstance(node, MapNode) or name not in node.items or any(normalise(other) == close for other in node.items if other != name):
        return None
    return fixes.fix({"zh": f"改为「{close}」", "en": f"rename to '{close}'"},
                     [fixes.replace_cell(node.items[name][0], close)])


def _hit(span: Span, key: str, zh: str, en: str) -> Hit:
    return Hit(span, {"key": key, "detail": {"zh": zh, "en": en}}, value=key, problem="schema")


# With quote=False only a key that looks like a setting's name is named back (a typo such as
# "selct"); anything else in a file that is not a config or pack at all may be a secret.
_SETTING_NAME = re.compile(r"[A-Za-z][A-Za-z0-9_-]{0,39}")


def _json_type(instance) -> str:
    for name, kinds in (("boolean", bool), ("integer", int), ("number", float), ("string", str), ("array", list),
                        ("object", dict)):
        if isinstance(instance, kinds):
            return name
    return "null"


def _shown(instance) -> str:
    text = str(instance)
    return text if len(text) <= 30 else text[:29] + "…"


def _node_at(tree: Node, path: tuple) -> Node | None:
    node, _, whole = follow(tree, path)
    return node if whole else None


def _extra_keys(error) -> list[str]:
    properties = error.schema.get("properties", {})
    patterns = [re.compile(p) for p in error.schema.get("patternProperties", {})]
    return [key for key in error.instance if key not in properties and not any(p.search(key) for p in patterns)]
