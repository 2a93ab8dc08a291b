"""Every rule's own examples (shown by ``jxlint explain``) behave as the rule pack says.

A failing example must produce the rule's finding — at the ``at`` location when the
example gives one — and a passing example must produce none.
"""

from __future__ import annotations

import pytest

from lint.explain import run_example
from lint.rulepack import load_rules

RULES = list(load_rules())


def _cases(kind: str):
    for rule in RULES:
        for index, snippet in enumerate(rule.examples[kind]):
            yield pytest.param(rule, snippet, id=f"{rule.id}-{rule.slug}-{kind}{index}")


@pytest.mark.parametrize("rule, snippet", list(_cases("fail")))
def test_failing_example_is_flagged(rule, snippet):
    findings = [f for f in run_example(rule, snippet).findings if f.rule == rule.id]
    assert findings, f"{rule.id} did not flag its failing example"
    if "at" in snippet:
        assert snippet["at"] in [[x.span.line, x.span.column] for x in findings], [
            (x.span.line, x.span.column, x.message) for x in findings
        ]
    for lang, message in snippet.get("message", {}).items():
        assert message in [f.message for f in run_example(rule, snippet, lang).findings if f.rule == rule.id]


@pytest.mark.parametrize("rule, snippet", list(_cases("pass")))
def test_passing_example_is_not_flagged(rule, snippet):
    findings = [f for f in run_example(rule, snippet).findings if f.rule == rule.id]
    assert findings == [], [(f.span.line, f.span.column, f.message) for f in findings]


@pytest.mark.parametrize("rule", RULES, ids=lambda r: r.id)
def test_messages_render_in_both_languages_without_unfilled_placeholders(rule):
    for lang in ("zh", "en"):
        for snippet in rule.examples["fail"]:
            for finding in run_example(rule, snippet, lang).findings:
                assert "{" not in finding.message, finding.message
                assert "{" not in finding.hint, finding.hint
