"""The loading pipeline: bytes → decoded text → located tree → schema → model."""

from __future__ import annotations

from dataclasses import dataclass, field

from lint.findings import Hit, Span
from lint.loading.build import build_target
from lint.loading.model import TargetFile
from lint.loading.source import decode
from lint.loading.tree import MapNode, build_tree, compose
from lint.loading.validate import validate

_TOP_KEYS = ("单位", "年度", "项目", "部门整体", "自评")
# A province's largest unit-year file is well under 1 MiB; anything past this is not a
# target file someone typed, and parsing it would hold a CI gate for minutes.
MAX_FILE_BYTES = 16 * 1024 * 1024


@dataclass(slots=True)
class LoadResult:
    target: TargetFile | None
    problems: list[Hit] = field(default_factory=list)
    text: str | None = None

_CUT_SHORT = frozenset({"too-large", "too-deep"})


def load_target(path: str, data: bytes) -> LoadResult:
    if len(data) > MAX_FILE_BYTES:
        return LoadResult(None, [Hit(Span.point(1, 1), {"limit": MAX_FILE_BYTES // (1024 * 1024)}, problem="file-too-big")])
    decoded = decode(data)
    problems = list(decoded.problems)
    text = decoded.text
    if text is None:
        return LoadResult(None, problems)
    text = text.removeprefix("\ufeff")
    root, syntax = compose(text)
    if syntax:
        return LoadResult(None, problems + syntax, text)
    if root is None:
        return LoadResult(None, problems + [Hit(Span.point(1, 1), {}, problem="empty-file")], text)
    tree, tree_problems = build_tree(root, text, clean=True)
    problems += tree_problems
    if any(problem.problem in _CUT_SHORT for problem in tree_problems):
        # The tree past the limit is blanked: validating or checking it would only report the
        # blanks (one "not a mapping" per cut row), so the one limit finding stands alone.
        return LoadResult(None, problems, text)
    if not isinstance(tree, MapNode) or not any(key in tree.items for key in _TOP_KEYS):
        # A YAML file of another kind: one finding, not one per unknown key.
        return LoadResult(None, problems + [Hit(tree.span, {}, problem="not-target-file")], text)
    problems += validate(tree)
    target = build_target(path, tree, problems)
    return LoadResult(target, problems, text)
