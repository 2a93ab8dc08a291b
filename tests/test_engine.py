"""The engine: rules run where they apply, and one broken check does not stop the others."""

from __future__ import annotations

import types
from dataclasses import replace

from lint import checks
from lint.engine import Linter
from lint.rulepack import RuleSet, load_rules
from tests.conftest import EXAMPLES


def test_a_crashing_check_is_a_located_finding_and_the_others_still_run(monkeypatch):
    def explode(rule, subject):
        if subject.cell.text == "5场":
            raise ZeroDivisionError("division by zero")
        return iter(())

    broken = types.SimpleNamespace(SCOPE="value", OPTIONS={}, check=explode)
    real_load = checks.load
    monkeypatch.setattr(checks, "load", lambda kind: broken if kind == "explodes" else real_load(kind))
    rules = load_rules()
    crashing = replace(rules.rules["JX002"], id="XX001", slug="explodes", check="explodes")
    ruleset = RuleSet({"XX001": crashing, "JX015": rules.rules["JX015"], "JX002": rules.rules["JX002"]})
    path = next(EXAMPLES.glob("001_*.yaml"))
    text = path.read_text(encoding="utf-8") + "单位: 重复\n"
    result = Linter(ruleset).check_bytes(str(path), text.encode("utf-8"))
    crashed = [f for f in result.findings if f.rule == "JX015"]
    assert [(f.project, f.indicator, f.value) for f in crashed] == [("购买白玉兰家庭服务项目", "社区活动数(场次)", "XX001")]
    line = next(n for n, l in enumerate(text.splitlines(), 1) if "社区活动数(场次)" in l and "5场}" in l)
    assert crashed[0].span.line == line
    assert "ZeroDivisionError" in crashed[0].message and "XX001" in crashed[0].message
    assert [f.rule for f in result.findings if f.rule == "JX002"] == ["JX002"]


def test_every_default_rule_names_a_real_check_kind_and_scope():
    for rule in load_rules():
        assert rule.scope in checks.SCOPES
        assert checks.load(rule.check).__doc__.strip(), rule.check
