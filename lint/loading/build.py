"""Located tree → typed model.

Runs after schema validation and is tolerant: a part of the tree with the wrong shape was
already reported, so it is skipped here, and the rest of the file is still checked. What
the schema cannot see is reported here: one row filling a column under two of its names.
"""

from __future__ import annotations

from lint.findings import Hit
from lint.loading import labels
from lint.loading.model import (
    APPROVAL_FIELDS,
    DEPARTMENT_FIELDS,
    DEPARTMENT_TITLE,
    PROJECT_FIELDS,
    PROJECT_TITLE,
    DepartmentTable,
    Indicator,
    ProjectTable,
    TargetFile,
    Task,
)
from lint.loading.tree import Cell, MapNode, Node, SeqNode

_CYCLE_KEYS = ("实施周期指标值",)
_ANNUAL_KEYS = ("年度指标值", "当年度指标值")
_TARGET_KEYS = ("指标值", "目标值")


def _cell(node: Node | None) -> Cell | None:
    return node if isinstance(node, Cell) else None


def _map(node: Node | None) -> MapNode | None:
    return node if isinstance(node, MapNode) else None


def _seq(node: Node | None) -> list[Node]:
    return node.items if isinstance(node, SeqNode) else []


def _first(mapping: MapNode, keys: tuple[str, ...]) -> Cell | None:
    for key in keys:
        cell = _cell(mapping.get(key))
        if cell is not None:
            return cell
    return None


def _fields(mapping: MapNode, keys: tuple[str, ...]) -> dict[str, Cell]:
    """The head fields of a table the file fills, in the form's order."""
    return {key: cell for key in keys if (cell := _cell(mapping.get(key))) is not None}


def build_target(path: str, root: MapNode, problems: list[Hit] | None = None) -> TargetFile:
    """The model of ``root``; problems found on the way are appended to ``problems``."""
    found = problems if problems is not None else []
    target = TargetFile(path, unit=_cell(root.get("单位")), year=_cell(root.get("年度")))
    target.projects = [_project(node, found) for node in _seq(root.get("项目")) if isinstance(node, MapNode)]
    department = _map(root.get("部门整体"))
    if department is not None:
        target.department = _department(department, found)
    from lint.loading.self_assessment import build_self_assessment  # it builds on this module's helpers

    target.self_assessments = [build_self_assessment(node, found) for node in _seq(root.get("自评"))
                               if isinstance(node, MapNode)]
    return target


def _project(node: MapNode, problems: list[Hit]) -> ProjectTable:
    table = ProjectTable(title=_cell(node.get(PROJECT_TITLE)), span=node.span)
    table.fields = _fields(node, PROJECT_FIELDS + APPROVAL_FIELDS)
    cycle = _map(node.get("实施周期"))
    if cycle is not None:
        table.start_year = _cell(cycle.get("起始年度"))
        table.end_year = _cell(cycle.get("到期年度"))
    table.budget_amount = _cell(node.get("预算金额"))
    goals = _map(node.get("总体绩效目标"))
    if goals is not None:
        table.cycle_goal = _cell(goals.get("实施周期总目标"))
        table.annual_goal = _cell(goals.get("年度目标"))
    _indicator_tree(table, node, problems)
    return table


def _department(node: MapNode, problems: list[Hit]) -> DepartmentTable:
    table = DepartmentTable(title=_cell(node.get(DEPARTMENT_TITLE)), span=node.span)
    table.fields = _fields(node, DEPARTMENT_FIELDS)
    table.income = _amount_lines(node.get("收入"))
    table.expenditure = _amount_lines(node.get("支出"))
    table.total = _cell(node.get("合计"))
    table.goal = _first(node, ("总体绩效目标", "年度总体目标"))
    table.tasks = [_task(item) for item in _seq(node.get("年度重点工作任务")) if isinstance(item, MapNode)]
    _indicator_tree(table, node, problems)
    return table


def _amount_lines(node: Node | None) -> list[tuple[Cell, Cell]]:
    mapping = _map(node)
    if mapping is None:
        return []
    return [(key, value) for key, value in mapping.items.values() if isinstance(value, Cell)]


def _task(node: MapNode) -> Task:
    return Task(
        name=_cell(node.get("名称")),
        content=_first(node, ("主要实施内容", "主要内容")),
        amount=_cell(node.get("金额")),
        fiscal=_cell(node.get("财政拨款")),
        other=_cell(node.get("其他资金")),
        expected=_cell(node.get("期望达到的目标")),
    )


def _indicator_tree(table, node: MapNode, problems: list[Hit], make_row=None) -> None:
    """Flatten 一级 → 二级 → [三级] into rows; unknown labels were reported by the schema.
    ``make_row`` builds one row from its mapping and its place (指标 cell, levels, span): a
    self-assessment's rows carry more columns."""
    make_row = make_row or _indicator
    tree = _map(node.get("绩效指标"))
    if tree is None:
        return
    table.indicators_cell = node.key_cell("绩效指标")
    for level1_key, level2_node in tree.items.values():
        level1 = labels.level1(level1_key.text)
        if level1 is None:
            continue
        table.level1_cells.setdefault(level1, level1_key)
        for level2_key, rows in (_map(level2_node).items.values() if _map(level2_node) else ()):
            level2 = labels.level2(level2_key.text)
            if level2 is None:
                continue
            table.level2_cells.append((level1, level2, level2_key))
            for row in _seq(rows):
                mapping = _map(row)
                name = _cell(mapping.get("指标")) if mapping else None
                if mapping is not None and name is not None:  # a row without 指标 was reported by the schema
                    place = {"name": name, "level1": level1, "level2": level2, "level1_cell": level1_key,
                             "level2_cell": level2_key, "span": mapping.span}
                    table.indicators.append(make_row(mapping, place, problems))


def _indicator(mapping: MapNode, place: dict, problems: list[Hit]) -> Indicator:
    return Indicator(
        cycle_value=_column(mapping, _CYCLE_KEYS, problems),
        annual_value=_column(mapping, _ANNUAL_KEYS, problems),
        target_value=_column(mapping, _TARGET_KEYS, problems),
        **place,
    )


def _column(mapping: MapNode, names: tuple[str, ...], problems: list[Hit]) -> Cell | None:
    """The value of the first of ``names`` the row fills; every other name filled on the
    same row is a conflict (a plain lookup would drop its value without a word)."""
    filled = [(name, cell) for name in names if (cell := _cell(mapping.get(name))) is not None]
    if not filled:
        return None
    (first, kept), *others = filled
    first_key = mapping.key_cell(first)
    for name, cell in others:
        key = mapping.key_cell(name)
        problems.append(Hit(key.span, {"key": name, "first": first, "first_line": first_key.span.line},
                            value=cell.text, problem="column-conflict"))
    return kept
