"""PyYAML's pure-Python loader, which a platform without libyaml gets, reads everything the
C loader reads, the same way.

``JXLINT_YAML_LOADER=pure`` forces it. Here the loader tests, the default rule pack and every
rule's examples run under it in-process; CI also runs the rule-pack, loader and example test
modules with it set (``.ci/run``).
"""

import pytest

from lint.explain import run_example
from lint.loading import load_target, tree
from lint.rulepack import load_rules
from tests.conftest import EXAMPLES


@pytest.fixture
def pure(monkeypatch):
    monkeypatch.setenv("JXLINT_YAML_LOADER", "pure")


def test_the_switch_selects_the_pure_python_loader(pure):
    import yaml

    assert tree.yaml_loader() is yaml.SafeLoader


def test_the_default_pack_loads_and_every_example_behaves_under_the_pure_loader(pure):
    assert tree.yaml_loader().__name__ == "SafeLoader"
    rules = list(load_rules())
    assert rules
    for rule in rules:
        for snippet in rule.examples["fail"]:
            found = [f for f in run_example(rule, snippet).findings if f.rule == rule.id]
            assert found, rule.id
            if "at" in snippet:
                assert snippet["at"] in [[f.span.line, f.span.column] for f in found], (rule.id, snippet)
        for snippet in rule.examples["pass"]:
            assert not [f for f in run_example(rule, snippet).findings if f.rule == rule.id], rule.id


def _loaded(path):
    result = load_target(str(path), path.read_bytes())
    cells = [(c.text, c.span, c.value) for t in result.target.tables() for i in t.indicators for _, c in i.values()]
    return result.problems, cells


@pytest.mark.parametrize("path", sorted(EXAMPLES.glob("*.yaml")), ids=lambda p: p.name[:3])
def test_every_example_loads_the_same_under_both_loaders(monkeypatch, path):
    with_c = _loaded(path)
    monkeypatch.setenv("JXLINT_YAML_LOADER", "pure")
    assert tree.yaml_loader().__name__ == "SafeLoader"
    assert _loaded(path) == with_c


@pytest.mark.parametrize("text", [
    "单位: " + "[" * 5000 + "]" * 5000 + "\n",
    "".join(" " * i + f"k{i}:\n" for i in range(1200)),
], ids=["flow", "block"])
@pytest.mark.parametrize("loader", ["c", "pure"])
def test_nesting_past_any_parsers_own_limit_is_too_deep_with_every_loader(monkeypatch, loader, text):
    """libyaml 0.2.5 (PyYAML 6.0.4's wheels) refuses 1,000 levels with a syntax error, older
    ones had no limit, the pure composer runs out of recursion: all must give the same finding."""
    if loader == "pure":
        monkeypatch.setenv("JXLINT_YAML_LOADER", "pure")
    root, problems = tree.compose(text)
    assert problems == []
    built, problems = tree.build_tree(root)
    assert [p.problem for p in problems] == ["too-deep"]
    assert problems[0].params == {"limit": tree.MAX_DEPTH}
