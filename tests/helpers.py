"""Small builders for test target files (cells come from the seed tables)."""

from __future__ import annotations

from lint.engine import Linter
from lint.findings import FileResult
from lint.rulepack import RuleSet, load_rules

HEADER = "单位: 东莞市妇女联合会\n年度: 2025\n项目:\n"


def project(body: str) -> str:
    """A one-project target file; ``body`` is the project's mapping, indented by 4."""
    return HEADER + "  - 项目名称: 购买白玉兰家庭服务项目\n" + body


def check_text(text: str, select: list[str] | None = None, lang: str = "zh", ruleset: RuleSet | None = None) -> FileResult:
    rules = (ruleset or load_rules()).select(select)
    return Linter(rules, lang=lang).check_bytes("t.yaml", text.encode("utf-8"))


def located(result: FileResult, rule: str | None = None) -> list[tuple[str, int, int]]:
    return [(f.rule, f.span.line, f.span.column) for f in result.findings if rule is None or f.rule == rule]


def configured(rule_id: str, **options) -> RuleSet:
    """The default pack's ``rule_id`` alone, with ``options`` set the way a pack or config sets them."""
    from lint.findings import Span
    from lint.rulepack import Origin, configure

    rules = load_rules().select([rule_id])
    rules.rules = {rule_id: rules.rules[rule_id]}
    configure(rules, rule_id, {"options": options}, Origin("test", lambda keys, key=False: Span.point(1, 1)), ("options",))
    return rules
