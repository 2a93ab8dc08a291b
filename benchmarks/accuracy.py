"""How right jxlint is on real tables: recall, wrong diagnoses and false positives, per cell.

    python benchmarks/accuracy.py              # every expectations file under tests/data/
    python benchmarks/accuracy.py --missed     # also list each labelled defect not found
    python benchmarks/accuracy.py FILE…        # only these expectations files

An expectations file (``tests/data/corpus/*/*/expected.yaml`` beside a corpus table, and
``tests/data/examples/*.expected.yaml`` for the seed examples) names a target file and lists,
from a reviewer's labels, each defect as the cell it sits on, its class and the rule family (or
rule id) that must report it there; each trap as a cell that must get no finding; findings that
are not scored (artefacts of a truncated page); and the labels left out, with the reason.

A cell is written as a mapping: ``table`` (the project's 项目名称; omit it when the file holds one
table; ``部门整体`` for the department table), then either ``field`` (a table field by its key,
matched on the last part of its path: ``预算金额``, ``年度目标``, ``合计``, ``收入/市财政拨款``, or
``table`` for the table's own anchor), or ``indicator`` (the 三级 name; ``level1``/``level2``
to tell apart rows of the same name) with ``column`` (``name``, ``cycle``, ``annual``,
``target``, ``value`` = any value column, ``row`` = any cell of the row, ``key`` for a level
label; a self-assessment row's other columns by their key: ``实际完成值``, ``得分`` …), or ``task`` (a 年度重点工作任务 by 名称 or 1-based number) with ``column`` (its key, or
``row``). ``cells:`` gives alternatives: the defect is found at any of them, and a trap holds
for all of them.

A defect may name ``waits``: the later rule family that is to report it (the tests mark it
``xfail``). A file may name ``waits`` for all its defects — the self-assessment tables, whose
family comes later — and is then reported apart from the totals.

A finding belongs to the innermost cell whose span holds its position. It is *explained* when a
defect at that cell names its family or rule; on a trap cell it is a *false positive*; on a
labelled cell from another family it is a *wrong diagnosis*; anywhere else it is *unexplained*
and is listed with file:line, rule and message so a person can judge it.

The exit status is non-zero only when something crashed (this script, or a jxlint check,
JX015), never because of a score.
"""

from __future__ import annotations

import argparse
import sys
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from lint.engine import Linter  # noqa: E402
from lint.findings import Finding, Span  # noqa: E402
from lint.loading import labels  # noqa: E402
from lint.loading.tree import Cell, MapNode, SeqNode, build_tree, compose  # noqa: E402
from lint.rulepack import load_rules  # noqa: E402

DATA = ROOT / "tests" / "data"
CRASH_RULES = {"JX015"}
_COLUMNS = {"指标": "name", "实施周期指标值": "cycle", "年度指标值": "annual", "当年度指标值": "annual",
            "指标值": "target", "目标值": "target"}
_VALUE_COLUMNS = {"cycle", "annual", "target"}
_ANCHOR_FIELDS = {"项目名称", "部门名称", "绩效指标"}
_TABLE_LISTS = ("项目", "自评")  # project tables, and 项目支出绩效自评表 laid out like them


def expectation_files(root: Path = DATA) -> list[Path]:
    return sorted({*root.glob("**/expected.yaml"), *root.glob("**/*.expected.yaml")})


# ── cells of a target file ──────────────────────────────────────────────────────────────


@dataclass(frozen=True)
class Address:
    """Where a scalar sits in the form, in the reviewer's terms."""

    table: str | None = None
    field: str | None = None
    level1: str | None = None
    level2: str | None = None
    indicator: str | None = None
    column: str | None = None
    task: str | None = None
    task_no: int | None = None

    def describe(self) -> str:
        parts = [self.table or ""]
        if self.field:
            parts.append(self.field)
        if self.task_no:
            parts.append(f"任务{self.task_no}「{self.task or ''}」")
        if self.level1:
            parts.append("/".join(p for p in (self.level1, self.level2, self.indicator) if p))
        if self.column and not self.field:
            parts.append(self.column)
        return " · ".join(p for p in parts if p)


def _level1(text: str) -> str:
    return labels.level1(text) or text.strip()


def _level2(text: str) -> str:
    return labels.level2(text) or text.strip()


def located_cells(text: str) -> tuple[list[tuple[Span, Address]], list[tuple[Span, str]]]:
    """Every scalar of the file with its address, and the span of each table."""
    root, problems = compose(text)
    if root is None:
        return [], []
    tree, _ = build_tree(root)
    cells: list[tuple[Span, Address]] = []
    tables: list[tuple[Span, str]] = []
    if not isinstance(tree, MapNode):
        return cells, tables
    for key, (key_cell, node) in tree.items.items():
        if key in _TABLE_LISTS and isinstance(node, SeqNode):
            for item in node.items:
                if isinstance(item, MapNode):
                    title = item.get("项目名称")
                    name = title.text if isinstance(title, Cell) else ""
                    tables.append((item.span, name))
                    _table_cells(item, name, cells)
        elif key == "部门整体" and isinstance(node, MapNode):
            tables.append((node.span, "部门整体"))
            _table_cells(node, "部门整体", cells)
        elif isinstance(node, Cell):
            cells.append((node.span, Address(field=key)))
    return cells, tables


def _table_cells(node: MapNode, table: str, out: list) -> None:
    for key, (key_cell, value) in node.items.items():
        if key == "绩效指标":
            out.append((key_cell.span, Address(table, field="绩效指标")))
            if isinstance(value, MapNode):
                _indicator_cells(value, table, out)
        elif key == "年度重点工作任务" and isinstance(value, SeqNode):
            for number, task in enumerate(value.items, start=1):
                if not isinstance(task, MapNode):
                    continue
                name = task.get("名称")
                name_text = name.text if isinstance(name, Cell) else ""
                for column, (_, cell) in task.items.items():
                    if isinstance(cell, Cell):
                        out.append((cell.span, Address(table, task=name_text, task_no=number, column=column)))
        else:
            _field_cells(value, table, key, out)


def _field_cells(node, table: str, path: str, out: list) -> None:
    if isinstance(node, Cell):
        out.append((node.span, Address(table, field=path)))
    elif isinstance(node, MapNode):
        for key, (_, child) in node.items.items():
            _field_cells(child, table, f"{path}/{key}", out)
    elif isinstance(node, SeqNode):
        for child in node.items:
            _field_cells(child, table, path, out)


def _indicator_cells(tree: MapNode, table: str, out: list) -> None:
    for level1_text, (level1_cell, level2_node) in tree.items.items():
        level1 = _level1(level1_text)
        out.append((level1_cell.span, Address(table, level1=level1, column="key")))
        if not isinstance(level2_node, MapNode):
            continue
        for level2_text, (level2_cell, rows) in level2_node.items.items():
            level2 = _level2(level2_text)
            out.append((level2_cell.span, Address(table, level1=level1, level2=level2, column="key")))
            for row in rows.items if isinstance(rows, SeqNode) else ():
                if not isinstance(row, MapNode):
                    continue
                name = row.get("指标")
                indicator = name.text if isinstance(name, Cell) else None
                for key, (_, cell) in row.items.items():
                    if isinstance(cell, Cell):
                        out.append((cell.span, Address(table, level1=level1, level2=level2, indicator=indicator,
                                                       column=_COLUMNS.get(key, key))))


def address_of(span: Span, cells: list[tuple[Span, Address]], tables: list[tuple[Span, str]]) -> Address:
    point = Span.point(span.line, span.column)
    holding = [(cell_span, address) for cell_span, address in cells if cell_span.contains(point)]
    if holding:
        return min(holding, key=lambda item: (item[0].end_line - item[0].line, item[0].end_column - item[0].column))[1]
    for table_span, name in tables:
        if table_span.contains(point):
            return Address(name, field="table")
    return Address(field="file")


# ── expectations ────────────────────────────────────────────────────────────────────────


@dataclass
class Expectation:
    label: str
    cells: list[dict]
    klass: str = ""
    families: frozenset[str] = frozenset()
    rules: frozenset[str] = frozenset()
    waits: str | None = None

    def names(self, finding: Finding) -> bool:
        """Whether ``finding`` is of a family or rule this expectation names (any, when it names none)."""
        if not self.families and not self.rules:
            return True
        return finding.family in self.families or finding.rule in self.rules


def _as_set(value) -> frozenset[str]:
    if value is None:
        return frozenset()
    return frozenset([value] if isinstance(value, str) else value)


def _expectation(raw: dict, waits: str | None = None) -> Expectation:
    cells = raw.get("cells") or [raw["cell"]]
    return Expectation(label=str(raw.get("label", "")), cells=cells, klass=str(raw.get("class", "")),
                       families=_as_set(raw.get("family")), rules=_as_set(raw.get("rule")),
                       waits=raw.get("waits") or waits)


def _matches(address: Address, where: dict, single_table: str | None) -> bool:
    table = where.get("table", single_table)
    if table is not None and address.table != table:
        return False
    if where.get("field") == "table" and address.column == "key" and address.field is None:
        return True  # a finding about the table as a whole may sit on a 一级/二级 label
    if "field" in where:
        wanted = where["field"]
        if wanted == "table":
            # a finding about the table as a whole may sit on its name, its 绩效指标 key or a level label
            return address.field in _ANCHOR_FIELDS or address.field == "table"
        return address.field is not None and (address.field == wanted or address.field.endswith("/" + wanted))
    if "task" in where:
        task = where["task"]
        if (address.task_no != task) if isinstance(task, int) else (address.task != task):
            return False
        column = where.get("column", "row")
        return column == "row" or address.column == column
    if address.field is not None or address.task_no is not None:
        return False
    for key, normalise in (("level1", _level1), ("level2", _level2)):
        if key in where and getattr(address, key) != normalise(where[key]):
            return False
    if "indicator" in where and address.indicator != where["indicator"]:
        return False
    column = where.get("column", "row")
    if column == "value":
        return address.column in _VALUE_COLUMNS
    if column == "row":
        return address.column is not None and address.column != "key"
    return address.column == column


@dataclass
class Outcome:
    """One labelled defect and what jxlint said at its cells."""

    expectation: Expectation
    found: list[Finding] = field(default_factory=list)
    other: list[Finding] = field(default_factory=list)  # on its cells, from families it does not name

    @property
    def is_found(self) -> bool:
        return bool(self.found)


@dataclass
class TableReport:
    expectations: Path
    target: Path
    tables: int
    outcomes: list[Outcome]
    trap_violations: list[tuple[Expectation, Finding]]
    wrong_diagnosis: list[Finding]
    unexplained: list[Finding]
    not_scored: list[Finding]
    crashes: list[Finding]
    traps: list[Expectation]
    left_out: list[dict]
    trap_hits: dict[int, list[Finding]] = field(default_factory=dict)
    waits: str | None = None  # the whole file waits for a later family (self-assessment tables)

    @property
    def found(self) -> int:
        return sum(outcome.is_found for outcome in self.outcomes)

    @property
    def wrong(self) -> int:
        return sum(not outcome.is_found and bool(outcome.other) for outcome in self.outcomes)


_LINTER: Linter | None = None


def _linter() -> Linter:
    global _LINTER
    if _LINTER is None:
        _LINTER = Linter(load_rules())
    return _LINTER


def evaluate(expectations_path: Path, linter: Linter | None = None) -> TableReport:
    spec = yaml.safe_load(expectations_path.read_text(encoding="utf-8")) or {}
    target = (expectations_path.parent / spec.get("table", "table.yaml")).resolve()
    data = target.read_bytes()
    result = (linter or _linter()).check_bytes(str(target), data)
    text = data.decode("utf-8-sig")
    cells, tables = located_cells(text)
    single = tables[0][1] if len(tables) == 1 else None
    placed = [(finding, address_of(finding.span, cells, tables)) for finding in result.findings]

    waits = spec.get("waits")
    defects = [_expectation(raw, waits) for raw in spec.get("defects") or []]
    traps = [_expectation(raw) for raw in spec.get("traps") or []]
    ignored = [_expectation(raw) for raw in spec.get("not_scored") or []]

    def at(expectation: Expectation, address: Address) -> bool:
        return any(_matches(address, where, single) for where in expectation.cells)

    outcomes = [Outcome(defect) for defect in defects]
    report = TableReport(expectations_path, target, len(tables), outcomes, [], [], [], [], [], traps,
                         list(spec.get("left_out") or []), waits=waits)
    explained_findings: set[int] = set()
    for finding, address in placed:
        if finding.rule in CRASH_RULES:
            report.crashes.append(finding)
        explained = on_defect = False
        for outcome in outcomes:
            if at(outcome.expectation, address):
                on_defect = True
                if outcome.expectation.names(finding):
                    outcome.found.append(finding)
                    explained = True
                else:
                    outcome.other.append(finding)
        if explained:
            explained_findings.add(id(finding))
            continue
        trap = next((t for t in traps if at(t, address) and t.names(finding)), None)
        if trap is not None:
            report.trap_violations.append((trap, finding))
            report.trap_hits.setdefault(id(trap), []).append(finding)
        elif any(at(skip, address) and skip.names(finding) for skip in ignored):
            report.not_scored.append(finding)
            explained_findings.add(id(finding))
        elif on_defect:
            report.wrong_diagnosis.append(finding)
        else:
            report.unexplained.append(finding)
    # A finding another label on the same cell explains (or one not scored) is no wrong diagnosis of this one.
    for outcome in outcomes:
        outcome.other = [finding for finding in outcome.other if id(finding) not in explained_findings]
    return report


# ── report ──────────────────────────────────────────────────────────────────────────────


def _where(report: TableReport, finding: Finding) -> str:
    try:
        path = report.target.relative_to(ROOT)
    except ValueError:
        path = report.target
    return f"{path}:{finding.span.line}:{finding.span.column}"


def _percent(part: int, whole: int) -> str:
    return f"{100 * part / whole:.0f}%" if whole else "n/a"


def _print_finding(prefix: str, report: TableReport, finding: Finding, out) -> None:
    print(f"    {prefix} {_where(report, finding)} {finding.rule} [{finding.severity}] {finding.message}", file=out)


def _totals(reports: list[TableReport]) -> dict[str, int]:
    totals: dict[str, int] = defaultdict(int)
    for report in reports:
        current = [o for o in report.outcomes if not o.expectation.waits]
        totals["tables"] += report.tables
        totals["defects"] += len(report.outcomes)
        totals["found"] += report.found
        totals["current"] += len(current)
        totals["current_found"] += sum(o.is_found for o in current)
        totals["wrong"] += report.wrong
        totals["traps"] += len(report.traps)
        totals["trap_fp"] += len(report.trap_violations)
        totals["unexplained"] += len(report.unexplained)
        totals["crashes"] += len(report.crashes)
        totals["left_out"] += len(report.left_out)
    return totals


def _summary(name: str, count: int, t: dict[str, int]) -> str:
    per_ten = 10 * t["unexplained"] / t["tables"] if t["tables"] else 0.0
    return (f"{name} files {count}, tables {t['tables']}: "
            f"recall {t['found']}/{t['defects']} ({_percent(t['found'], t['defects'])}); "
            f"current rules {t['current_found']}/{t['current']} ({_percent(t['current_found'], t['current'])}); "
            f"wrong-diagnosis {t['wrong']}; trap FP {t['trap_fp']} on {t['traps']} traps; "
            f"unexplained {t['unexplained']} ({per_ten:.1f} per ten tables); "
            f"labels left out {t['left_out']}; crashes {t['crashes']}")


def _group(report: TableReport) -> str:
    """corpus/projects, corpus/department, corpus/self-assessment, examples …"""
    try:
        parts = report.expectations.relative_to(DATA).parts
    except ValueError:
        return "other"
    return "/".join(parts[:2]) if parts[0] == "corpus" and len(parts) > 2 else parts[0]


def scored(reports: list[TableReport]) -> list[TableReport]:
    """The reports the totals count: a file whose whole table kind waits for a later family is shown apart."""
    return [report for report in reports if not report.waits]


def print_report(reports: list[TableReport], missed: bool = False, out=None) -> None:
    out = out or sys.stdout
    by_class: dict[str, list[int]] = defaultdict(lambda: [0, 0])
    for report in reports:
        current = [o for o in report.outcomes if not o.expectation.waits]
        try:
            name = report.expectations.relative_to(ROOT)
        except ValueError:
            name = report.expectations
        print(f"{name}: tables {report.tables}, "
              f"recall {report.found}/{len(report.outcomes)} ({_percent(report.found, len(report.outcomes))}), "
              f"current rules {sum(o.is_found for o in current)}/{len(current)}, "
              f"wrong-diagnosis {report.wrong}, trap FP {len(report.trap_violations)}, "
              f"unexplained {len(report.unexplained)}", file=out)
        for trap, finding in report.trap_violations:
            _print_finding(f"TRAP «{trap.label}»", report, finding, out)
        for finding in report.wrong_diagnosis:
            _print_finding("WRONG-DIAGNOSIS", report, finding, out)
        for finding in report.unexplained:
            _print_finding("UNEXPLAINED", report, finding, out)
        for finding in report.crashes:
            _print_finding("CRASH", report, finding, out)
        if missed:
            for outcome in report.outcomes:
                if not outcome.is_found:
                    waits = f" (waits: {outcome.expectation.waits})" if outcome.expectation.waits else ""
                    print(f"    MISSED [{outcome.expectation.klass}] {outcome.expectation.label}{waits}", file=out)
        for outcome in report.outcomes if not report.waits else ():
            counts = by_class[outcome.expectation.klass or "?"]
            counts[0] += outcome.is_found
            counts[1] += 1
    print("\nrecall per defect class:", file=out)
    for klass, (found, total) in sorted(by_class.items(), key=lambda item: (-item[1][1], item[0])):
        print(f"  {klass:<28} {found:>3}/{total:<3} {_percent(found, total):>5}", file=out)
    print(file=out)
    groups: dict[str, list[TableReport]] = defaultdict(list)
    for report in scored(reports):
        groups[_group(report)].append(report)
    if len(groups) > 1:
        for name, members in sorted(groups.items()):
            print(_summary(f"  {name}:", len(members), _totals(members)), file=out)
    later = [report for report in reports if report.waits]
    if later:
        print(_summary(f"  not in the total (waiting for {', '.join(sorted({r.waits for r in later}))}):",
                       len(later), _totals(later)), file=out)
    print(_summary("TOTAL", len(scored(reports)), _totals(scored(reports))), file=out)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("files", nargs="*", type=Path, help="expectations files (default: all under tests/data/)")
    parser.add_argument("--missed", action="store_true", help="list every labelled defect that was not found")
    args = parser.parse_args(argv)
    files = [path.resolve() for path in args.files] or expectation_files()
    reports = [evaluate(path) for path in files]
    print_report(reports, missed=args.missed)
    return 1 if any(report.crashes for report in reports) else 0


if __name__ == "__main__":
    sys.exit(main())
