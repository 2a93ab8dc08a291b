"""Write the target file: canonical, stable YAML in the style of ``examples/``.

A small emitter of our own rather than ``yaml.safe_dump``: the examples' layout (one flow
mapping per 三级指标, comments naming the source rows, ``[]`` for empty 二级 groups) is what
finance officers read and diff, and PyYAML cannot write comments. Scalars are written plain
when YAML reads them back as the same text, and double-quoted otherwise — always for
amounts with commas, and for numbers that must stay text ("12", "1080") so that the file
says exactly what the form said.
"""

from __future__ import annotations

import yaml

from lint.importer.model import SourceIndicator, Level1, Level2, Project
from lint.loading.model import APPROVAL_FIELDS, PROJECT_FIELDS, PROJECT_TITLE

# A plain scalar must read back the same through libyaml and through pure-Python PyYAML: the
# two disagree on corner cases ("{k: 0?}"), and a user's machine may have either.
_LOADERS = [yaml.SafeLoader] + ([yaml.CSafeLoader] if hasattr(yaml, "CSafeLoader") else [])

_INDICATOR_INDENT = " " * 10
FIELD_ORDER = (PROJECT_TITLE, *PROJECT_FIELDS)

# Characters YAML treats as line breaks or will not read raw inside a double-quoted scalar.
_ESCAPES = {"\\": "\\\\", '"': '\\"', "\n": "\\n", "\t": "\\t", "\r": "\\r", "\x85": "\\N",
            "\u2028": "\\L", "\u2029": "\\P", "\ufeff": "\\uFEFF"}


def scalar(value: str | int | None, *, flow: bool = False, force_quotes: bool = False) -> str:
    """One scalar as YAML text: plain when that reads back as the same value, else quoted."""
    if value is None:
        return "null"
    if isinstance(value, int):
        return str(value)
    if not force_quotes and _reads_back(value, flow):
        return value
    return _double_quoted(value)


def _reads_back(text: str, flow: bool) -> bool:
    if not text or text != text.strip() or any(char in _ESCAPES or char < " " for char in text):
        return False
    if flow and any(char in ",[]{}" for char in text):
        return False  # inside {…} a comma would end the value: {金额: 700,000.00元} is two keys
    document = "{k: " + text + "}" if flow else "k: " + text
    try:
        return all(yaml.load(document, Loader=loader) == {"k": text} for loader in _LOADERS)
    except yaml.YAMLError:
        return False


def _double_quoted(text: str) -> str:
    out = []
    for char in text:
        if char in _ESCAPES:
            out.append(_ESCAPES[char])
        elif char < " " or "\x7f" <= char <= "\x9f" or "\ud800" <= char <= "\udfff" or char in "\ufffe\uffff":
            out.append(f"\\x{ord(char):02x}" if ord(char) < 0x100 else f"\\u{ord(char):04x}")
        else:
            out.append(char)
    return '"' + "".join(out) + '"'


def amount(value: str | int | None) -> str:
    """预算金额: a bare number stays a number; any text with a comma is quoted."""
    if isinstance(value, str) and "," in value:
        return scalar(value, force_quotes=True)
    return scalar(value)


class Writer:
    """Lines of YAML with trailing comments; indentation is spelled out by each caller."""

    def __init__(self) -> None:
        self.lines: list[str] = []

    def comment(self, indent: str, text: str) -> None:
        for line in text.splitlines() or [""]:
            self.lines.append(f"{indent}# {line}".rstrip())

    def line(self, text: str, comments: list[str] | None = None) -> None:
        self.lines.append(text + (f"  # {'；'.join(comments)}" if comments else ""))

    def text(self) -> str:
        return "\n".join(self.lines) + "\n"


def head(header: list[str], unit: str | None, year: int | None, *, quote_unit: bool = False) -> Writer:
    """A new file's top, shared by every kind of table: header comments, 单位 and 年度 — a missing
    one as a commented line to fill in rather than ``年度: null``, which a check reports as a
    value of the wrong type."""
    out = Writer()
    for text in header:
        out.comment("", text)
    if unit is None:
        out.comment("", "单位:   ← 原表没有写单位：请填写单位名称，并删去行首的“# ”")
    else:
        out.line(f"单位: {scalar(unit, force_quotes=quote_unit)}")
    if year is None:
        out.comment("", "年度:   ← 原表没有写预算年度：请填写四位数字的年度（如 2025），并删去行首的“# ”")
    else:
        out.line(f"年度: {year}")
    return out


def write_target(*, header: list[str], unit: str | None, year: int | None, projects: list[tuple[str, Project]]) -> str:
    """The whole file: header comments, 单位, 年度, then each project under its source comment."""
    out = head(header, unit, year)
    out.line("项目:")
    for source, project in projects:
        out.comment("  ", source)
        _project(out, project)
    return out.text()


def _project(out: Writer, project: Project) -> None:
    # The form's head in one fixed order, whatever order this export printed it in.
    keys = sorted(project.fields, key=FIELD_ORDER.index)
    for index, key in enumerate(keys):
        out.line(("  - " if index == 0 else "    ") + f"{key}: {scalar(project.fields[key])}")
    if project.start_year is not None and project.end_year is not None:
        out.line(f"    实施周期: {{起始年度: {project.start_year}, 到期年度: {project.end_year}}}")
    if project.budget is not None:
        out.line(f"    预算金额: {amount(project.budget)}")
    if project.cycle_goal is not None or project.annual_goal is not None:
        out.line("    总体绩效目标:", project.goal_comments)
        if project.cycle_goal is not None:
            out.line(f"      实施周期总目标: {scalar(project.cycle_goal)}")
        if project.annual_goal is not None:
            out.line(f"      年度目标: {scalar(project.annual_goal)}")
    if project.has_indicator_table:
        _indicators(out, project)
    tail = dict(zip(APPROVAL_FIELDS, (project.approval, project.approval_office)), 备注=project.remark)
    for key, value in tail.items():
        if value is not None:
            out.line(f"    {key}: {scalar(value)}")


def _indicators(out: Writer, project: Project) -> None:
    if not project.tree:
        out.line("    绩效指标: {}")
        return
    out.line("    绩效指标:")
    for level1 in project.tree.values():
        _level1(out, level1, project.value_columns)


def _level1(out: Writer, level1: Level1, columns: list[str]) -> None:
    if not level1.groups:
        out.line(f"      {scalar(level1.label)}: {{}}", level1.comments)
        return
    out.line(f"      {scalar(level1.label)}:", level1.comments)
    for group in level1.groups.values():
        _level2(out, group, columns)


def _level2(out: Writer, group: Level2, columns: list[str]) -> None:
    if not group.rows:
        out.line(f"        {scalar(group.label)}: []", group.comments)
        return
    out.line(f"        {scalar(group.label)}:", group.comments)
    for row in group.rows:
        out.line(_INDICATOR_INDENT + "- " + _indicator(row, columns), row.comments)


def _indicator(row: SourceIndicator, columns: list[str]) -> str:
    """``{指标: 社区活动数(场次), 实施周期指标值: 55场, 年度指标值: 5场}``"""
    parts = [f"指标: {scalar(row.name, flow=True)}"]
    parts += [f"{column}: {scalar(row.values.get(column, ''), flow=True)}" for column in columns]
    return "{" + ", ".join(parts) + "}"
