"""One self-contained HTML page for finance bureau reviewers: each table drawn as the form.

The page opens offline: its stylesheet, script and chart are inline, it loads nothing (no
CDN, no web fonts, no images), and Chinese uses the reader's system fonts. It has

* a summary: findings per severity, per rule family (with a small SVG bar chart drawn
  here) and per unit / table, linking down to each table;
* every project table (项目支出绩效目标表) and department table (部门整体支出绩效目标表) laid
  out like the printed form, 一级/二级 indicator cells merged with ``rowspan``; every cell
  with a finding is highlighted by its worst severity, with the messages, fix hints and
  ``file:line:col`` of its findings in a note under the cell text;
* findings that belong to no drawn cell (file-level problems, a file that did not load)
  listed under the file's heading;
* filters (severity, rule, "only tables with findings") in a few lines of plain JavaScript,
  and a print stylesheet for A4.

This module lays the tables out (:class:`FormCell` in :class:`Block` in :class:`TableView` in
:class:`FileView`) and counts; the Jinja2 templates beside it (``html_assets/*.html.j2``) write
the markup, streamed. Everything shown comes from user files (cell text, paths) or rule packs
(messages), so every value a template prints goes through :func:`_shown` (the environment's
``finalize``: :func:`~lint.reporters.escape.keeping_layout`, so control characters and bidi
overrides are shown, not obeyed, then :func:`html.escape`); no template escapes by hand or
marks a value safe, and only the page's own stylesheet, script and spooled sections are passed
in as markup. The script reads only ``data-`` attributes and class names and never
writes markup.
"""

from __future__ import annotations

import html
import tempfile
from collections import Counter
from dataclasses import dataclass, field
from importlib import resources
from typing import Iterable, TextIO

import jinja2
import yaml
from markupsafe import Markup

from lint import __version__
from lint.findings import FileResult, Finding, Severity, Span
from lint.loading.model import APPROVAL_FIELDS, DEPARTMENT_FIELDS, DEPARTMENT_TITLE, PROJECT_FIELDS, PROJECT_TITLE
from lint.reporters import FAMILY_LABELS, SEVERITY_LABELS, ReportContext
from lint.reporters.escape import keeping_layout

SEVERITIES = Severity.most_severe_first()
_SPOOL_IN_MEMORY = 16 * 1024 * 1024  # characters of file sections kept in memory before spilling to disk
_SPOOL_CHUNK = 64 * 1024  # characters copied from the spool to the page at a time


def _asset(name: str) -> str:
    return resources.files("lint.reporters").joinpath("html_assets", name).read_text(encoding="utf-8")


# The page's words and the form's labels, per language (html_assets/labels.yaml).
_LABELS = yaml.safe_load(_asset("labels.yaml"))
_PAGE_WORDS, _FORM_LABELS = _LABELS["text"], _LABELS["form"]

_VALUE_ATTRS = {"cycle": "cycle_value", "annual": "annual_value", "target": "target_value"}


def _shown(value: object) -> Markup:
    """Every value a template prints, escaped for element content and double-quoted attributes
    alike (markup the templates made passes as it is). A line break in a cell becomes a
    character reference: the page shows it, but no user text starts a line of the file
    (``cat report.html`` in a CI log would run ``::error …`` lines as commands)."""
    if isinstance(value, Markup):
        return value
    return Markup(html.escape(keeping_layout(value), quote=True).replace("\r", "&#13;").replace("\n", "&#10;"))


_TEMPLATES = jinja2.Environment(
    loader=jinja2.PackageLoader("lint.reporters", "html_assets"), autoescape=True, finalize=_shown,
    undefined=jinja2.StrictUndefined, trim_blocks=True, lstrip_blocks=True, keep_trailing_newline=True,
)


# ---------------------------------------------------------------------------------------------
# Layout: each table becomes blocks of rows of cells, before any markup is written, so that
# findings can be matched against exactly the cells that will be drawn.


@dataclass(slots=True, eq=False)
class FormCell:
    """One cell of a form as drawn: a label the form prints (th) or a value from the file (td)."""

    text: str = ""
    source: object = None  # the located Cell of the file drawn here, if any
    label: bool = False  # a label of the form (th)
    colspan: int = 1
    rowspan: int = 1
    css_class: str = ""
    findings: list[Finding] = field(default_factory=list)
    marks: list[tuple[int, int, Severity]] = field(default_factory=list)  # flagged text inside the cell

    @property
    def worst(self) -> Severity | None:
        return Severity.worst(f.severity for f in self.findings)

    def pieces(self) -> list[tuple[str, Severity | None]]:
        """The text in runs, each marked with its severity or not (overlaps merge into the first)."""
        out, at = [], 0
        for start, end, severity in sorted(self.marks, key=lambda m: (m[0], -m[2])):
            if start < at:
                continue
            out += [(self.text[at:start], None), (self.text[start:end], severity)]
            at = end
        return [*out, (self.text[at:], None)]


@dataclass(slots=True)
class Block:
    css_class: str
    widths: list[str]  # column widths, as CSS lengths
    head: list[list[FormCell]] = field(default_factory=list)
    rows: list[list[FormCell]] = field(default_factory=list)


@dataclass(slots=True)
class TableView:
    anchor: str
    kind: str  # "project" | "department" | "self-assessment"
    name: str
    blocks: list[Block] = field(default_factory=list)

    def form_cells(self) -> Iterable[FormCell]:
        for block in self.blocks:
            for row in (*block.head, *block.rows):
                yield from row

    def findings(self) -> list[Finding]:
        return [f for form_cell in self.form_cells() for f in form_cell.findings]


@dataclass(slots=True)
class FileView:
    anchor: str
    result: FileResult
    loaded: bool
    unit: str = ""
    year: str = ""
    meta: list[FormCell] = field(default_factory=list)  # 单位, 年度
    tables: list[TableView] = field(default_factory=list)
    unmatched: list[Finding] = field(default_factory=list)

    def form_cells(self) -> Iterable[FormCell]:
        yield from self.meta
        for table in self.tables:
            yield from table.form_cells()


def _value(cell, **kwargs) -> FormCell:
    return FormCell(cell.text if cell is not None else "", cell if cell is not None else None, **kwargs)


def _label(text: str, **kwargs) -> FormCell:
    return FormCell(text, None, label=True, **kwargs)


def _load(result: FileResult):
    """The model of the result's own text, rebuilt here.

    Reporters get findings, not models: the engine drops each file's model as soon as it is
    checked, because no other format needs one, results stream from worker processes with
    ``--jobs`` (a model would have to be pickled across), and a province-sized run must not
    hold every model at once. The text the engine checked travels with the result (the CLI
    keeps it for the formats in ``SOURCE_FORMATS``), so loading it again gives the very cells
    and spans the findings point at, without reading the file again: it may have changed
    since, or have been standard input. Without text (an unreadable file), there is no model
    and every finding is listed under the file's heading.
    """
    if result.text is None:
        return None
    from lint.loading import load_target

    try:
        return load_target(result.path, result.text.encode("utf-8")).target
    except Exception:  # pragma: no cover - the loader reports problems, but the report must not fail
        return None


def _form_head(table, labels: dict, title: str, keys: Iterable[str]) -> Block:
    """A form's head: its title, then each of ``keys`` the table fills, in that order (a
    self-assessment's labels the form prints without translation stay as written)."""
    head = Block("form-head", ["16%", "21%", "21%", "21%", "21%"])
    head.rows.append([_label(labels[title]), _value(table.title, colspan=4, css_class="title-cell")])
    head.rows += [[_label(labels.get(key, key)), _value(table.fields[key], colspan=4)]
                  for key in keys if key in table.fields]
    return head


def _project_blocks(table, year: str, lang: str) -> list[Block]:
    labels = _FORM_LABELS[lang]
    head = _form_head(table, labels, PROJECT_TITLE, PROJECT_FIELDS)
    rows = head.rows
    if table.start_year is not None or table.end_year is not None:
        rows.append([_label(labels["实施周期"]), _label(labels["起始年度"]), _value(table.start_year),
                     _label(labels["到期年度"]), _value(table.end_year)])
    # The form prints the year into two labels: "2025年预算金额", "2025年度目标".
    budget = f"{year}年{labels['预算金额']}" if year and lang == "zh" else labels["预算金额"]
    rows.append([_label(budget), _value(table.budget_amount, colspan=4, css_class="amount")])
    annual = f"{year}{labels['年度目标']}" if year and lang == "zh" else labels["年度目标"]
    rows.append([_label(labels["总体绩效目标"], rowspan=4), _label(labels["实施周期总目标"], colspan=4, css_class="sub")])
    rows.append([_value(table.cycle_goal, colspan=4, css_class="goal")])
    rows.append([_label(annual, colspan=4, css_class="sub")])
    rows.append([_value(table.annual_goal, colspan=4, css_class="goal")])
    blocks = [head, _indicator_block(table, ("cycle", "annual"), labels)]
    approval = [key for key in APPROVAL_FIELDS if key in table.fields]
    if approval:
        tail = Block("form-tail", ["16%", "84%"])
        for key in approval:
            tail.rows.append([_label(labels[key]), _value(table.fields[key], css_class="goal")])
        blocks.append(tail)
    return blocks


def _department_blocks(table, lang: str) -> list[Block]:
    labels = _FORM_LABELS[lang]
    head = _form_head(table, labels, DEPARTMENT_TITLE, DEPARTMENT_FIELDS)
    rows = head.rows
    lines = max(len(table.expenditure), len(table.income))
    if lines or table.total is not None:
        span = 1 + lines + (1 if table.total is not None else 0)
        rows.append([_label(labels["预算整体情况"], rowspan=span), _label(labels["支出"]), _label(labels["金额"]),
                     _label(labels["收入"]), _label(labels["金额"])])
        for i in range(lines):
            row: list[FormCell] = []
            for pairs in (table.expenditure, table.income):
                if i < len(pairs):
                    row += [_value(pairs[i][0], css_class="line-label"), _value(pairs[i][1], css_class="amount")]
                else:
                    row += [FormCell(), FormCell()]
            rows.append(row)
        if table.total is not None:
            rows.append([_label(labels["合计"]), _value(table.total, colspan=3, css_class="amount")])
    rows.append([_label(labels["总体绩效目标"]), _value(table.goal, colspan=4, css_class="goal")])
    blocks = [head]
    if table.tasks:
        columns = [("名称", "name"), ("主要实施内容", "content"), ("任务金额", "amount")]
        columns += [(key, attr) for key, attr in (("财政拨款", "fiscal"), ("其他资金", "other"))
                    if any(getattr(task, attr) is not None for task in table.tasks)]
        columns.append(("期望达到的目标", "expected"))
        narrow = {"amount", "fiscal", "other"}
        wide = sum(1 for _, attr in columns if attr not in narrow and attr != "name")
        rest = 100 - 14 - 13 * sum(1 for _, attr in columns if attr in narrow)
        widths = ["14%" if attr == "name" else "13%" if attr in narrow else f"{rest / wide:.1f}%" for _, attr in columns]
        tasks = Block("form-tasks", widths)
        tasks.head.append([_label(labels["年度重点工作任务"], colspan=len(columns), css_class="section")])
        tasks.head.append([_label(labels[key]) for key, _ in columns])
        for task in table.tasks:
            tasks.rows.append([_value(getattr(task, attr), css_class="amount" if attr in narrow else "") for _, attr in columns])
        blocks.append(tasks)
    blocks.append(_indicator_block(table, ("target",), labels))
    return blocks


_SELF_BUDGET = {"initial": "年初预算数", "budget": "全年预算数", "spent": "全年执行数", "weight": "分值",
                "rate": "执行率", "score": "得分", "reason": "原因"}
_SELF_INDICATOR = {**_VALUE_ATTRS, "实际完成值": "actual", "分值": "weight", "得分": "score", "偏差原因": "reason"}
_SELF_TOTALS = (("总分", "total_weight"), ("得分", "total_score"), ("评价等级", "grade"))


def _self_assessment_blocks(table, lang: str) -> list[Block]:
    """项目支出绩效自评表: head, 预算执行情况, 年度总体目标 (预期 / 实际), the indicators with
    their year-end columns, and the totals and conclusions. Labels the form prints that have
    no translation stay as written."""
    labels = _FORM_LABELS[lang]
    head = _form_head(table, labels, PROJECT_TITLE, table.fields)
    blocks = [head]
    columns = [attr for attr in _SELF_BUDGET if any(getattr(line, attr) is not None for line in table.budget_lines)]
    if table.budget_lines:
        budget = Block("form-tasks", ["22%"] + [f"{78 / max(1, len(columns)):.1f}%"] * len(columns))
        title = table.budget_cell.text if table.budget_cell is not None else "预算执行情况"
        unit = f"（{table.money_unit.text}）" if table.money_unit is not None else ""
        budget.head.append([FormCell(title + unit, table.budget_cell, label=True, colspan=1 + len(columns), css_class="section")])
        budget.head.append([FormCell()] + [_label(_SELF_BUDGET[attr]) for attr in columns])
        for line in table.budget_lines:
            budget.rows.append([_value(line.label, css_class="line-label")]
                               + [_value(getattr(line, attr), css_class="amount" if attr != "reason" else "") for attr in columns])
        blocks.append(budget)
    head.rows.append([_label(labels["总体绩效目标"], rowspan=2), _label("预期目标"), _value(table.goal, colspan=3, css_class="goal")])
    head.rows.append([_label("实际完成情况"), _value(table.achieved, colspan=3, css_class="goal")])
    blocks.append(_indicator_block(table, ("target",), labels, _SELF_INDICATOR))
    tail_cells = [(label, getattr(table, attr)) for label, attr in _SELF_TOTALS if getattr(table, attr) is not None]
    if tail_cells or table.texts:
        tail = Block("form-tail", ["16%", "84%"])
        for label, cell in (*tail_cells, *table.texts.items()):
            tail.rows.append([_label(label), _value(cell, css_class="goal")])
        blocks.append(tail)
    return blocks


def _indicator_groups(table) -> list[tuple[object, list[tuple[object, list]]]]:
    """一级 label cells in file order, each with its 二级 label cells and their rows.

    ``level1_cells`` keeps one cell per canonical label, so rows also bring their own 一级
    cell (a file may spell one label twice: 产出 and 产出指标). A 二级 cell belongs to the
    nearest 一级 cell with its label above it: YAML keeps mappings in file order.
    """
    level1: dict[Span, tuple[str, object]] = {cell.span: (label, cell) for label, cell in table.level1_cells.items()}
    for indicator in table.indicators:
        level1.setdefault(indicator.level1_cell.span, (indicator.level1, indicator.level1_cell))
    order = sorted(level1.values(), key=lambda item: item[1].span)
    groups: dict[Span, dict[Span, tuple[object, list]]] = {cell.span: {} for _, cell in order}

    def owner(label: str, span: Span) -> Span | None:
        above = [cell.span for name, cell in order if cell.span < span]
        matching = [cell.span for name, cell in order if cell.span < span and name == label]
        return (matching or above or [None])[-1]

    for label1, _, cell2 in table.level2_cells:
        parent = owner(label1, cell2.span)
        if parent is not None:
            groups[parent].setdefault(cell2.span, (cell2, []))
    for indicator in table.indicators:
        level2 = groups[indicator.level1_cell.span]
        level2.setdefault(indicator.level2_cell.span, (indicator.level2_cell, []))[1].append(indicator)
    return [(cell, [level2 for _, level2 in sorted(groups[cell.span].items())]) for _, cell in order]


def _indicator_block(table, default_columns: tuple[str, ...], labels: dict, attrs: dict[str, str] = _VALUE_ATTRS) -> Block:
    """The indicator tree; ``attrs`` maps each possible value column (a ``labels`` key) to the row
    attribute holding it, and only the columns some row fills are drawn."""
    columns = [c for c in attrs if any(getattr(row, attrs[c], None) is not None for row in table.indicators)]
    columns = columns or list(default_columns)
    value_width = (100 - 12 - 14 - 26) / len(columns)
    block = Block("form-indicators", ["12%", "14%", "26%"] + [f"{value_width:.1f}%"] * len(columns))
    width = 3 + len(columns)
    title = FormCell(labels["绩效指标"], table.indicators_cell, label=True, colspan=width, css_class="section")
    block.head.append([title])
    block.head.append([_label(labels["一级指标"]), _label(labels["二级指标"]), _label(labels["三级指标"])]
                      + [_label(labels.get(c, c)) for c in columns])
    blank = [FormCell() for _ in range(1 + len(columns))]
    for cell1, level2s in _indicator_groups(table):
        height = sum(max(1, len(rows)) for _, rows in level2s) or 1
        first1 = FormCell(cell1.text, cell1, label=True, rowspan=height, css_class="level")
        if not level2s:
            block.rows.append([first1, FormCell(), *[FormCell() for _ in blank]])
            continue
        for i2, (cell2, rows) in enumerate(level2s):
            lead = [first1] if i2 == 0 else []
            second = FormCell(cell2.text, cell2, label=True, rowspan=max(1, len(rows)), css_class="level")
            if not rows:
                block.rows.append([*lead, second, *[FormCell() for _ in blank]])
                continue
            for i3, row in enumerate(rows):
                cells = [_value(row.name, css_class="indicator")]
                cells += [_value(getattr(row, attrs[c], None), css_class="value") for c in columns]
                block.rows.append([*(lead + [second] if i3 == 0 else []), *cells])
                lead = []
    if not block.rows:
        block.rows.append([FormCell(colspan=width)])
    return block


def _file_view(index: int, result: FileResult, lang: str) -> FileView:
    model = _load(result)
    view = FileView(f"f{index}", result, loaded=model is not None)
    if model is not None:
        view.unit = model.unit.text if model.unit is not None else ""
        view.year = model.year.text if model.year is not None else ""
        if model.unit is not None:
            view.meta += [_label(_PAGE_WORDS[lang]["unit"]), _value(model.unit)]
        if model.year is not None:
            view.meta += [_label(_PAGE_WORDS[lang]["year"]), _value(model.year)]
        for number, table in enumerate(model.tables(), 1):
            if table.kind == "department":
                blocks = _department_blocks(table, lang)
            elif table.kind == "self-assessment":
                blocks = _self_assessment_blocks(table, lang)
            else:
                blocks = _project_blocks(table, view.year, lang)
            view.tables.append(TableView(f"t{index}-{number}", table.kind, table.name, blocks))
    _match(view)
    return view


def _match(view: FileView) -> None:
    """Give each finding to the drawn cell it points at, or to the file.

    A finding points at the start of its scalar, so the cell that starts there is it; a finding
    on text inside a cell (a number quoted from a 年度目标) falls within that cell's span, and
    the innermost such cell takes it.
    """
    drawn = [form_cell for form_cell in view.form_cells() if form_cell.source is not None]
    lines = view.result.text.splitlines() if view.result.text else []
    starts: dict[tuple[int, int], FormCell] = {}
    for form_cell in drawn:
        starts.setdefault((form_cell.source.span.line, form_cell.source.span.column), form_cell)
    for finding in view.result.findings:
        form_cell = starts.get((finding.span.line, finding.span.column))
        if form_cell is None:
            inside = [form_cell for form_cell in drawn if form_cell.source.span.contains(finding.span)]
            form_cell = min(inside, key=lambda form_cell: (form_cell.source.span.end_line - form_cell.source.span.line,
                                             form_cell.source.span.end_column - form_cell.source.span.column), default=None)
            if form_cell is not None:
                _mark(form_cell, finding, lines)
        if form_cell is None:
            view.unmatched.append(finding)
        else:
            form_cell.findings.append(finding)


def _mark(form_cell: FormCell, finding: Finding, lines: list[str]) -> None:
    """Mark the flagged words inside a long cell ("社区活动55场" in a 年度目标).

    The words are the source text under the finding's span; they are looked up in the cell's
    text (escapes and folding may shift them), nearest to where the span says they are.
    """
    span, cell = finding.span, form_cell.source
    if span.line != span.end_line or not 0 < span.line <= len(lines):
        return
    words = lines[span.line - 1][span.column - 1:span.end_column - 1]
    if not words.strip():
        return
    found = [i for i in range(len(form_cell.text)) if form_cell.text.startswith(words, i)]
    if not found:
        return
    expected = span.column - cell.span.column - (1 if cell.quoted else 0) if span.line == cell.span.line else 0
    start = min(found, key=lambda i: abs(i - expected))
    form_cell.marks.append((start, start + len(words), finding.severity))


def _severity_counts(findings: Iterable[Finding]) -> Counter:
    return Counter(f.severity for f in findings)


@dataclass(slots=True)
class _SummaryRow:
    """One line of the per-unit/table summary: all the page keeps of a table once it is drawn."""

    name: str
    anchor: str
    kind: str  # "table" | "file"
    counts: Counter


@dataclass(slots=True)
class _Tally:
    """The summary's numbers, gathered while the results stream past once."""

    files: int = 0
    tables: int = 0
    severities: Counter = field(default_factory=Counter)
    families: dict[str, Counter] = field(default_factory=dict)
    rules: Counter = field(default_factory=Counter)
    slugs: dict[str, str] = field(default_factory=dict)
    units: list[tuple[str, str, str, list[_SummaryRow]]] = field(default_factory=list)  # anchor, unit, path, rows

    @property
    def total(self) -> int:
        return sum(self.severities.values())

    def add(self, view: FileView, lang: str) -> None:
        self.files += 1
        self.tables += len(view.tables)
        for f in view.result.findings:
            self.severities[f.severity] += 1
            self.families.setdefault(f.family or "-", Counter())[f.severity] += 1
            self.rules[f.rule] += 1
            self.slugs.setdefault(f.rule, f.slug)
        rows = [_SummaryRow(table.name or _PAGE_WORDS[lang]["unnamed"], table.anchor, "table",
                            _severity_counts(table.findings())) for table in view.tables]
        if view.unmatched or not view.tables:
            rows.insert(0, _SummaryRow(_PAGE_WORDS[lang]["file_level"], view.anchor, "file",
                                       _severity_counts(view.unmatched)))
        unit = " ".join(part for part in (view.unit, view.year) if part)
        self.units.append((view.anchor, unit, view.result.path, rows))

    def family_rows(self, lang: str) -> list[tuple[str, str, Counter, int]]:
        """Family, its label, counts per severity and total; most findings first."""
        rows = [(family, FAMILY_LABELS[lang].get(family, family), counts, sum(counts.values()))
                for family, counts in self.families.items()]
        return sorted(rows, key=lambda row: (-row[3], row[0]))

    def rule_tips(self, rules: dict, lang: str) -> list[tuple[str, str]]:
        """Each rule found, in id order, with its slug and the pack's summary for a tooltip."""
        tips = []
        for rule_id in sorted(self.rules):
            rule = rules.get(rule_id)
            summary = rule.text("summary", lang) if rule is not None else ""
            tips.append((rule_id, " — ".join(part for part in (self.slugs[rule_id], summary) if part)))
        return tips


def render(results: Iterable[FileResult], out: TextIO, context: ReportContext) -> None:
    """Write the page; ``results`` is gone through once, as the reporter protocol asks.

    The summary comes first on the page but is known only at the end, so each file's section
    is written to a spooled temporary file as its result arrives (its model is dropped right
    after), and only the summary's counts stay in memory.
    """
    lang = context.lang if context.lang in _PAGE_WORDS else "zh"
    shared = dict(lang=lang, words=_PAGE_WORDS[lang], severities=SEVERITIES, severity_labels=SEVERITY_LABELS[lang],
                  show_hints=context.show_hints, severity_counts=_severity_counts)
    tally = _Tally()
    with tempfile.SpooledTemporaryFile(max_size=_SPOOL_IN_MEMORY, mode="w+", encoding="utf-8") as sections:
        file_section = _TEMPLATES.get_template("file.html.j2")
        for index, result in enumerate(results, 1):
            view = _file_view(index, result, lang)
            sections.writelines(file_section.generate(view=view, **shared))
            tally.add(view, lang)
        sections.seek(0)
        spooled = (Markup(chunk) for chunk in iter(lambda: sections.read(_SPOOL_CHUNK), ""))
        out.writelines(_TEMPLATES.get_template("page.html.j2").generate(
            tally=tally, families=tally.family_rows(lang), rule_tips=tally.rule_tips(context.rules or {}, lang),
            sections=spooled, version=__version__, stylesheet=Markup(_asset("report.css")),
            script=Markup(_asset("report.js")), **shared))
