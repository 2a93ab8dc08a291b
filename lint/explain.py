"""``jxlint explain ID``: a rule's rationale, options and its examples, run live.

The examples are the rule's own ``examples.fail`` and ``examples.pass`` snippets (real
cells from the seed tables); the test-suite runs exactly the same snippets, so what the
user reads here is what is tested.
"""

from __future__ import annotations

import json

from lint.engine import Linter
from lint.findings import FileResult
from lint.rulepack import Rule, RuleSet

_HEAD = {
    "zh": {"family": "规则族", "check": "检查类型", "severity": "严重程度", "why": "依据", "source": "出处",
           "options": "选项", "where": "适用范围", "fail": "会报告的写法", "pass": "不会报告的写法", "finding": "发现",
           "hint": "修改建议", "none": "无", "all": "全部"},
    "en": {"family": "family", "check": "check kind", "severity": "severity", "why": "rationale", "source": "source",
           "options": "options", "where": "applies to", "fail": "flagged", "pass": "not flagged", "finding": "finding",
           "hint": "fix hint", "none": "none", "all": "all"},
}


def example_bytes(snippet: dict) -> bytes:
    return snippet["yaml"].encode(snippet.get("encoding", "utf-8"))


def run_example(rule: Rule, snippet: dict, lang: str = "zh") -> FileResult:
    """Check one example snippet with this rule alone."""
    linter = Linter(RuleSet({rule.id: rule}), lang=lang)
    if "read_error" in snippet:
        return linter.check_unreadable("example.yaml", OSError(13, snippet["read_error"]))
    return linter.check_bytes("example.yaml", example_bytes(snippet))


def explain_rule(rule: Rule, lang: str = "zh") -> str:
    head = _HEAD[lang]
    examples = [run_example(rule, snippet, lang).findings for snippet in rule.examples.get("fail", [])]
    # The hint is a template; show it filled in for the first real example when there is one.
    hint = next((f.hint for found in examples for f in found if f.rule == rule.id), rule.text("hint", lang))
    lines = [
        f"{rule.id} ({rule.slug}) — {rule.text('summary', lang)}",
        "",
        f"{head['family']}: {rule.family}    {head['check']}: {rule.check}    {head['severity']}: {rule.severity}",
        "",
        f"{head['why']}: {rule.text('rationale', lang)}",
        f"{head['source']}: {rule.rationale.get('source', '')}",
        f"{head['hint']}: {hint}",
        "",
        f"{head['options']}: " + (json.dumps(rule.options, ensure_ascii=False) if rule.options else head["none"]),
        f"{head['where']}: " + _where(rule, head["all"]),
    ]
    for kind in ("fail", "pass"):
        for index, snippet in enumerate(rule.examples.get(kind, [])):
            lines += ["", f"── {head[kind]}" + (f" ({snippet['source']})" if snippet.get("source") else "")]
            lines += ["    " + line for line in snippet["yaml"].rstrip("\n").splitlines()]
            if kind == "fail":
                for f in examples[index]:
                    lines.append(f"    → {head['finding']} {f.span.line}:{f.span.column}: {f.message}")
    return "\n".join(lines)


def _where(rule: Rule, everything: str) -> str:
    where = rule.where
    parts = []
    for name in ("tables", "level1", "level2", "columns"):
        value = getattr(where, name)
        if value:
            parts.append(f"{name}=" + ",".join(sorted(value)))
    if where.names:
        parts.append("names=" + ",".join(p.pattern for p in where.names))
    return "; ".join(parts) or everything
