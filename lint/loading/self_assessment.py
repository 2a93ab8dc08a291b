"""Located tree → :class:`~lint.loading.model.SelfAssessmentTable` (一项 ``自评:``).

The three published layouts name the same columns differently (central 公开 form:
年初预算数 | 全年预算数 | 全年执行数 | 分值 | 执行率 | 得分; Sichuan: 年初预算 | 调整后预算数 |
预算执行数 | 预算执行率 | 权重 | 得分 | 原因; Hubei county form: 预算数(A) | 执行数(B) |
执行率 | 得分). A file keeps the form's own label and the model reads each column under
any of its names, so a rule never asks which form it is looking at.
"""

from __future__ import annotations

from lint.findings import Hit
from lint.loading.build import _cell, _column, _fields, _first, _indicator_tree, _map
from lint.loading.model import (SELF_ASSESSMENT_FIELDS, SELF_ASSESSMENT_SIGNERS, BudgetLine, SelfAssessmentTable,
                                SelfIndicator)
from lint.loading.tree import Cell, MapNode, Node

BUDGET_KEYS = ("项目资金", "预算执行情况")
TEXT_KEYS = ("其他需要说明事项", "项目实施内容及过程概述", "评价结论", "存在问题", "改进措施")
# The keys of the budget block that are not budget lines: its printed points and unit.
BLOCK_KEYS = ("分值", "金额单位")

LINE_COLUMNS = {
    "initial": ("年初预算数", "年初预算"),
    "budget": ("全年预算数", "调整后预算数", "预算数"),
    "spent": ("全年执行数", "预算执行数", "执行数"),
    "rate": ("执行率", "预算执行率"),
    "weight": ("分值", "权重"),
    "score": ("得分",),
    "reason": ("原因", "说明"),
}
ROW_COLUMNS = {
    "direction": ("指标性质",),
    "measure_unit": ("度量单位",),
    "actual": ("实际完成值", "完成值"),
    "weight": ("分值", "权重"),
    "score": ("得分",),
    "reason": ("偏差原因分析及改进措施", "偏差原因", "未完成原因分析", "原因"),
}
_ANNUAL_KEYS = ("年度指标值", "年初目标值")
GOAL_KEYS = ("年度总体目标", "项目年度目标完成情况")
_GOAL_COLUMNS = {"goal": ("预期目标", "项目年度目标"), "achieved": ("实际完成情况", "年度目标完成情况")}
TOTAL_KEYS = ("总分", "合计")


def build_self_assessment(node: MapNode, problems: list[Hit]) -> SelfAssessmentTable:
    table = SelfAssessmentTable(title=_cell(node.get("项目名称")), span=node.span)
    table.fields = _fields(node, SELF_ASSESSMENT_FIELDS + SELF_ASSESSMENT_SIGNERS)
    _budget(table, node, problems)
    goals = _map(_first_node(node, GOAL_KEYS))
    if goals is not None:
        table.goal = _first(goals, _GOAL_COLUMNS["goal"])
        table.achieved = _first(goals, _GOAL_COLUMNS["achieved"])
    total = _map(_first_node(node, TOTAL_KEYS))
    if total is not None:
        table.total_weight = _first(total, LINE_COLUMNS["weight"])
        table.total_score = _cell(total.get("得分"))
    table.grade = _cell(node.get("评价等级"))
    table.texts = {key: cell for key in TEXT_KEYS if (cell := _cell(node.get(key))) is not None}
    _indicator_tree(table, node, problems, make_row=_row)
    return table


def _first_node(mapping: MapNode, keys: tuple[str, ...]) -> Node | None:
    return next((found for key in keys if (found := mapping.get(key)) is not None), None)


def _budget(table: SelfAssessmentTable, node: MapNode, problems: list[Hit]) -> None:
    for key in BUDGET_KEYS:
        block = _map(node.get(key))
        if block is None:
            continue
        table.budget_cell = node.key_cell(key)
        table.budget_weight = _cell(block.get("分值"))
        table.money_unit = _cell(block.get("金额单位"))
        for label_text, (label, line) in block.items.items():
            if label_text in BLOCK_KEYS or not isinstance(line, MapNode):
                continue
            columns = {name: _column(line, keys, problems) for name, keys in LINE_COLUMNS.items()}
            table.budget_lines.append(BudgetLine(label=label, span=line.span, **columns))
        return


def _row(mapping: MapNode, place: dict, problems: list[Hit]) -> SelfIndicator:
    columns = {name: _column(mapping, keys, problems) for name, keys in ROW_COLUMNS.items()}
    figure = _cell(mapping.get("指标值"))
    return SelfIndicator(
        annual_value=_column(mapping, _ANNUAL_KEYS, problems),
        target_value=_joined(figure, columns["direction"], columns["measure_unit"]),
        figure=figure,
        **place,
        **columns,
    )


def _joined(figure: Cell | None, direction: Cell | None, unit: Cell | None) -> Cell | None:
    """The split target (指标性质 | 指标值 | 度量单位) as one cell on the 指标值 cell: "≧" "735"
    "人次" → "≧735人次". 定性 is the form's word for a qualitative target, not a sign; a unit
    the figure already carries is not added twice."""
    if figure is None or figure.is_blank:
        return figure
    sign = direction.text.strip() if direction is not None and not _qualitative_sign(direction.text) else ""
    text = figure.text.strip()
    measure = unit.text.strip() if unit is not None else ""
    if measure and not text.endswith(measure):
        text += measure
    if not sign and not measure:
        return figure
    return Cell(sign + text, figure.span, figure.value, figure.quoted)


def _qualitative_sign(text: str) -> bool:
    return not text.strip() or "定性" in text
