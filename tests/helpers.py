"""Small builders for test target files (cells come from the seed tables)."""

from __future__ import annotations

import re

from lint.engine import Linter
from lint.findings import FileResult
from lint.rulepack import RuleSet, load_rules

HEADER = "单位: 东莞市妇女联合会\n年度: 2025\n项目:\n"
# Another unit's head (seed tables of 井研县马踏镇, 2023), for table_rows(head=…).
MATUO = "单位: 井研县马踏镇人民政府\n年度: 2023\n项目:\n"


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


def value_cell(text: str, project: str, indicator: str, column: str = "年度指标值") -> tuple[int, int]:
    """Line and column of ``indicator``'s value in ``column`` (年度指标值 also finds 当年度指标值)
    within ``project`` of a target file's text."""
    lines = text.splitlines()
    start = next(i for i, line in enumerate(lines) if line.strip() == f"- 项目名称: {project}")
    number, line = next((n, line) for n, line in enumerate(lines[start:], start + 1) if f"{{指标: {indicator}," in line)
    return number, line.index(f"{column}: ") + len(f"{column}: ") + 1


def quantity_rows(project: str, *rows: str, start: int, end: int) -> str:
    """A one-project file whose 数量指标 are ``rows`` (flow mappings), with its 实施周期."""
    body = "".join(f"          - {row}\n" for row in rows)
    return (HEADER + f"  - 项目名称: {project}\n    实施周期: {{起始年度: {start}, 到期年度: {end}}}\n"
            "    绩效指标:\n      产出指标:\n        数量指标:\n" + body)


SELF_HEADER = "单位: 永德县明朗中学\n年度: 2022\n自评:\n  - 项目名称: 义务教育营养改善计划专项资金\n"


def self_assessment(body: str = "", rows: str = "", level2: str = "数量指标", level1: str = "产出指标") -> str:
    """A one-table self-assessment file: ``body`` is the table's own keys (indented by 4),
    ``rows`` its indicator rows (flow mappings, one a line) under ``level1``/``level2``."""
    tree = ""
    if rows:
        tree = f"    绩效指标:\n      {level1}:\n        {level2}:\n" + "".join(f"          - {row}\n" for row in rows.splitlines())
    return SELF_HEADER + body + tree


def cell_at(text: str, marker: str, key: str) -> tuple[int, int]:
    """Line and column of the value after ``key: `` on the first line that contains ``marker``."""
    for number, line in enumerate(text.splitlines(), start=1):
        if marker in line:
            return number, line.index(f"{key}: ", line.index(marker)) + len(f"{key}: ") + 1
    raise AssertionError(f"no line with {marker!r}")


def table_rows(*rows: str, level1: str = "产出指标", level2: str = "数量指标", head: str = HEADER,
               name: str = "购买白玉兰家庭服务项目") -> str:
    """A one-project file whose ``level1``/``level2`` holds ``rows`` (flow mappings, one a line);
    ``head`` is the file's 单位, 年度 and 项目 lines, ``name`` the project's."""
    return (head + f"  - 项目名称: {name}\n    绩效指标:\n      {level1}:\n        {level2}:\n"
            + "".join(f"          - {row}\n" for row in rows))


def name_cell(text: str, name: str, project: str | None = None) -> tuple[int, int]:
    """Line and column of the 三级指标 ``name`` (in ``project``) of a target file's text."""
    lines = text.splitlines()
    start = 0 if project is None else next(i for i, line in enumerate(lines) if line.strip() == f"- 项目名称: {project}")
    for number, line in enumerate(lines[start:], start + 1):
        if f"{{指标: {name}," in line or f"{{指标: {name}}}" in line:
            return number, line.index(name) + 1
    raise AssertionError(f"no row {name} after {project}")


def seed(number: str) -> str:
    """The text of example seed ``number`` ("001")."""
    from tests.conftest import EXAMPLES

    return next(EXAMPLES.glob(f"{number}_*.yaml")).read_text("utf-8")


_VALUE_KEY = re.compile(r"(?:实施周期指标值|当年度指标值|(?<!当)年度指标值|目标值): ")


def cells(text: str, indicator: str, project_name: str | None = None) -> list[tuple[int, int]]:
    """Line and column of each value cell of the row ``{指标: indicator, …}`` (in ``project_name``)."""
    lines = text.splitlines()
    start = 0 if project_name is None else next(i for i, line in enumerate(lines) if line.strip() == f"- 项目名称: {project_name}")
    for number, line in enumerate(lines[start:], start + 1):
        if f"{{指标: {indicator}," in line:
            return [(number, match.end() + 1) for match in _VALUE_KEY.finditer(line)]
    raise AssertionError(f"no row {indicator} after {project_name}")


def seed_cells(rule: str, number: str, rows: list[tuple[str | None, str]]) -> list[tuple[str, int, int]]:
    """``rule`` located on every value cell of ``rows`` ((project or None, indicator)) in seed ``number``."""
    text = seed(number)
    return sorted((rule, *cell) for project_name, indicator in rows for cell in cells(text, indicator, project_name))


def quality_row(row: str) -> str:
    """A one-project file with the one 质量指标 ``row``."""
    return table_rows(row, level2="质量指标")
