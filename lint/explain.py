"""``jxlint explain ID``: a rule's rationale, options and its examples, run live.

The examples are the rule's own ``examples.fail`` and ``examples.pass`` snippets (real
cells from published tables); the test-suite runs exactly the same snippets, so what the
user reads here is what is tested. Option meanings and message placeholders come from the
check module's docstring (its ``Options:`` and ``Message parameters:`` paragraphs), the one
place they are documented; the rule's ``texts`` are listed as the pack words them. Every text from the pack is escaped: a pack is user input.
"""

from __future__ import annotations

import hashlib

import inspect
import re
import string
from dataclasses import replace
from pathlib import Path

from lint import checks
from lint.engine import Linter
from lint.findings import FileResult
from lint.reporters import FAMILY_LABELS, severity_label
from lint.reporters.escape import printable
from lint.rulepack import Rule, RuleSet

_HEAD = {
    "zh": {"lives": "所在", "defined": "规则", "code": "代码", "tests": "测试",
           "family": "规则族", "check": "检查类型", "severity": "严重程度", "why": "依据", "source": "出处",
           "options": "选项", "texts": "文字（检查按所见选用，填入消息）", "where": "适用范围", "fail": "会报告的写法", "pass": "不会报告的写法", "finding": "发现",
           "hint": "修改建议", "placeholders": "其中", "example_hint": "本例建议", "none": "无", "all": "全部",
           "yes": "是", "no": "否", "empty": "（空）"},
    "en": {"lives": "lives in", "defined": "rule", "code": "code", "tests": "tests",
           "family": "family", "check": "check kind", "severity": "severity", "why": "rationale", "source": "source",
           "options": "options", "texts": "texts (the check picks one by what it finds, for the message)",
           "where": "applies to", "fail": "flagged", "pass": "not flagged", "finding": "finding",
           "hint": "fix hint", "placeholders": "where", "example_hint": "hint for this example", "none": "none",
           "all": "all", "yes": "yes", "no": "no", "empty": "(empty)"},
}

# What the engine puts into every message (lint.engine._finding); checks add their own.
_COMMON_PARAMETERS = {
    "zh": {"value": "单元格原文", "indicator": "三级指标名称", "project": "项目名称",
           "column": "所在的栏（实施周期指标值、年度指标值或指标值）"},
    "en": {"value": "the cell as written", "indicator": "the 三级指标 name", "project": "the project name",
           "column": "the value column (实施周期指标值, 年度指标值 or 指标值)"},
}

_WHERE = {
    "zh": {"tables": "表", "level1": "一级指标", "level2": "二级指标", "columns": "栏", "names": "指标名称",
           "project": "项目支出绩效目标表", "department": "部门整体支出绩效目标表"},
    "en": {"tables": "tables", "level1": "一级指标", "level2": "二级指标", "columns": "columns", "names": "names",
           "project": "project", "department": "department"},
}


def example_bytes(snippet: dict) -> bytes:
    return snippet["yaml"].encode(snippet.get("encoding", "utf-8"))


def run_example(rule: Rule, snippet: dict, lang: str = "zh") -> FileResult:
    """Check one example snippet with this rule alone; ``targets`` and ``previous`` hold the
    text of the files a "cross" rule compares it with."""
    if "options" in snippet:
        rule = replace(rule, options={**rule.options, **snippet["options"]})
    linter = Linter(RuleSet({rule.id: rule}), lang=lang, references=_example_references(snippet))
    if "read_error" in snippet:
        return linter.check_unreadable("example.yaml", OSError(13, snippet["read_error"]))
    return linter.check_bytes("example.yaml", example_bytes(snippet))


def _example_references(snippet: dict):
    from lint.loading import load_target
    from lint.references import Reference, References

    def loaded(kind: str, name: str) -> tuple:
        if kind not in snippet:
            return ()
        data = snippet[kind].encode("utf-8")
        return (Reference(name, hashlib.sha256(data).hexdigest(), load_target(name, data).target),)

    return References(loaded("targets", "目标.yaml"), loaded("previous", "上年自评.yaml"))


def whereabouts(rule: Rule) -> list[tuple[str, str]]:
    """Where a newcomer goes from a finding: the pack line that defines the rule, the module of
    its check kind and, in a source checkout, that module's tests (a wheel has none)."""
    module = Path(inspect.getfile(checks.load(rule.check)))
    package_root = Path(checks.__file__).resolve().parent.parent.parent
    places = [("defined", _relative(rule.origin, package_root)), ("code", _relative(str(module), package_root))]
    tests = package_root / "tests" / "checks" / f"test_{rule.check}.py"
    if tests.is_file():
        places.append(("tests", _relative(str(tests), package_root)))
    return places


def _relative(path: str, root: Path) -> str:
    """A path relative to the checkout or install root when it lies there ("rules/x.yaml:12",
    "lint/checks/x.py"); a pack the user wrote stays as given."""
    name, _, line = path.partition(":") if not Path(path).exists() else (path, "", "")
    try:
        shown = Path(name).resolve().relative_to(root).as_posix()
    except ValueError:
        shown = name
    return f"{shown}:{line}" if line else shown


def explain_rule(rule: Rule, lang: str = "zh") -> str:
    head = _HEAD[lang]
    documented = check_documentation(rule.check)
    examples = [run_example(rule, snippet, lang).findings for snippet in rule.examples.get("fail", [])]
    lines = [
        f"{rule.id} ({rule.slug}) — {rule.text('summary', lang)}",
        "",
        f"{head['family']}: {FAMILY_LABELS[lang].get(rule.family, rule.family)}    {head['check']}: {rule.check}    "
        f"{head['severity']}: {severity_label(rule.severity, lang)}",
        f"{head['lives']}: " + "    ".join(f"{head[part]} {where}" for part, where in whereabouts(rule)),
        "",
        f"{head['why']}: {rule.text('rationale', lang)}",
        f"{head['source']}: {rule.rationale.get('source', '')}",
        "",
        f"{head['hint']}: {rule.text('hint', lang)}",
        *_placeholders(rule, documented.parameters, lang),
        "",
        f"{head['options']}:" + ("" if rule.options else f" {head['none']}"),
        *_options(rule.options, documented.options, head),
        *_texts(rule, lang),
        f"{head['where']}: " + _where(rule, lang),
    ]
    for kind in ("fail", "pass"):
        for index, snippet in enumerate(rule.examples.get(kind, [])):
            title = " — ".join(part for part in (snippet.get("title"), snippet.get("source")) if part)
            lines += ["", f"── {head[kind]}" + (f" ({title})" if title else "")]
            if "options" in snippet:
                lines.append(f"    ({head['options']}: " + "; ".join(f"{name}: {_shown(value, head)}" for name, value in snippet["options"].items()) + ")")
            lines += ["    " + line for line in snippet["yaml"].rstrip("\n").splitlines()]
            if kind == "fail":
                for f in examples[index]:
                    lines.append(f"    → {head['finding']} {f.span.line}:{f.span.column}: {f.message}")
                    if f.hint and f.rule == rule.id:
                        lines.append(f"      {head['example_hint']}: {f.hint}")
    return "\n".join(printable(line) for line in lines)


class Documentation:
    """The ``Options:`` and ``Message parameters:`` of a check module's docstring."""

    def __init__(self, options: dict[str, str], parameters: dict[str, str]) -> None:
        self.options = options
        self.parameters = parameters


def check_documentation(kind: str) -> Documentation:
    try:
        doc = inspect.getdoc(checks.load(kind)) or ""
    except KeyError:
        return Documentation({}, {})
    return Documentation(_option_meanings(doc), _parameter_meanings(doc))


def _option_meanings(doc: str) -> dict[str, str]:
    """``name: meaning`` entries indented under ``Options:``; ``a, b: meaning`` names two."""
    meanings: dict[str, str] = {}
    names: list[str] = []
    inside = False
    for line in doc.splitlines():
        if line.strip() == "Options:":
            inside = True
            continue
        if not inside:
            continue
        if line and not line.startswith(" "):
            break
        entry = re.match(r"^ {4}(\w+(?:, \w+)*): (.*)$", line)
        if entry:
            names = entry.group(1).split(", ")
            for name in names:
                meanings[name] = entry.group(2).strip()
        elif line.startswith("        ") and names:
            for name in names:
                meanings[name] += " " + line.strip()
    return {name: _plain(text) for name, text in meanings.items()}


_PARAMETER = re.compile(r"``\{?(\w+)\}?``(?:\s*\(((?:[^()]|\([^()]*\))*)\))?")


def _parameter_meanings(doc: str) -> dict[str, str]:
    start = doc.find("Message parameters:")
    if start < 0:
        return {}
    paragraph = " ".join(doc[start + len("Message parameters:"):].split("\n\n")[0].split())
    meanings: dict[str, str] = {}
    waiting: list[str] = []  # "``start``, ``end`` (the 实施周期)": both share the one meaning
    matches = list(_PARAMETER.finditer(paragraph))
    for match, following in zip(matches, matches[1:] + [None]):
        name, meaning = match.group(1), match.group(2)
        between = paragraph[match.end():following.start()] if following else ""
        if meaning is None and following is not None and between.strip() in (",", "and", ", and"):
            waiting.append(name)
            continue
        for each in (*waiting, name):
            meanings.setdefault(each, _plain(meaning or ""))
        # "``first_line`` (duplicate keys, with ``first``)": a name inside a meaning shares it.
        for inner in re.findall(r"``\{?(\w+)\}?``", meaning or ""):
            meanings.setdefault(inner, _plain(meaning))
        waiting = []
    return meanings


def _plain(text: str) -> str:
    """Docstring text without its reST markup: ``x`` → x, :mod:`y` → y."""
    return re.sub(r":\w+:`~?([^`]*)`", r"\1", text.replace("``", ""))


def _placeholders(rule: Rule, documented: dict[str, str], lang: str) -> list[str]:
    """One line per ``{name}`` of the hint template: what the engine puts there."""
    names = [name for _, name, _, _ in string.Formatter().parse(rule.text("hint", lang)) if name]
    common = _COMMON_PARAMETERS[lang]
    lines = []
    options = check_documentation(rule.check).options
    for name in dict.fromkeys(names):
        # A check may pass an option straight into the message (misplaced's ``belongs``).
        meaning = common.get(name) or documented.get(name) or options.get(name) or ""
        lines.append(f"    {{{name}}}" + (f": {meaning}" if meaning else ""))
    return ([f"  {_HEAD[lang]['placeholders']}:"] + lines) if lines else []


def _options(options: dict, meanings: dict[str, str], head: dict) -> list[str]:
    """Each option as ``name  value``, its meaning under it: a table a reader scans."""
    if not options:
        return []
    width = max(len(name) for name in options)
    lines = []
    for name, value in options.items():
        lines.append(f"  {name:<{width}}  {_shown(value, head)}")
        if meanings.get(name):
            lines.append(f"  {'':<{width}}  {meanings[name]}")
    return lines


def _texts(rule: Rule, lang: str) -> list[str]:
    """Each of the rule's texts as ``key  text``: the words a province edits in its pack."""
    if not rule.texts:
        return []
    width = max(len(key) for key in rule.texts)
    return [f"{_HEAD[lang]['texts']}:"] + [f"  {key:<{width}}  {text.get(lang) or text.get('zh', '')}"
                                            for key, text in rule.texts.items()]


def _shown(value: object, head: dict) -> str:
    if isinstance(value, bool):
        return head["yes"] if value else head["no"]
    if isinstance(value, (list, tuple)):
        return "  ".join(str(item) for item in value) if value else head["empty"]
    if isinstance(value, dict):
        return "; ".join(f"{key}: {_shown(item, head)}" for key, item in value.items()) or head["empty"]
    return str(value)


def _where(rule: Rule, lang: str) -> str:
    words = _WHERE[lang]
    where = rule.where
    parts = []
    for name in ("tables", "level1", "level2", "columns"):
        value = getattr(where, name)
        if value:
            parts.append(f"{words[name]}: " + ", ".join(words.get(item, item) for item in sorted(value)))
    if where.names:
        parts.append(f"{words['names']}: " + "  ".join(p.pattern for p in where.names))
    return "; ".join(parts) or _HEAD[lang]["all"]
