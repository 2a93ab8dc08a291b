"""部门整体支出绩效目标表 → the ``部门整体:`` part of a target file.

The department form is read like the project form (see :mod:`lint.importer.form`): by its
labels, never by column positions. Its parts, in the order forms print them:

* the head: 部门名称 (部门(单位)名称), 主管部门, 基本信息 (财政供养人员数 …);
* the budget block: label–amount pairs (基本支出 | 3,139.95 | 财政拨款 | 7,272.70) sorted into
  收入, 支出 and 按预算级次划分 by the label, and 合计 (金额合计, 资金总额);
* 总体绩效目标 / 年度总体目标;
* 年度重点工作任务: a header row (名称 | 主要实施内容 | 拟投入的资金（元） | 期望达到的目标) and
  one row per task, cells placed under the header's columns;
* the 绩效指标 table, read by :class:`lint.importer.indicators.TableReader`.

A row that fits none of these is a note with its row number; the rest still imports. Amounts
keep their text and get the 元/万元 their column header or the sheet's 单位 line names. Text
copied out of a PDF or a web page, with no cells, is first cut into cells by
:mod:`lint.importer.department_text`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from lint.importer import emit
from lint.importer import vocabulary as words
from lint.importer.grid import Piece, Row, Sheet
from lint.importer.indicators import TableReader, header_notes, is_header, read_header
from lint.importer.model import Note, Project, SourceIndicator, preview

_YEAR = re.compile(r"(\d{4})\s*年")
AMOUNT = re.compile(r"^-?[\d,]+(?:\.\d+)?$")


@dataclass(slots=True)
class Task:
    values: dict[str, str]  # 名称, 主要实施内容 … → cell text
    row: int
    last_row: int
    comments: list[str] = field(default_factory=list)


@dataclass(slots=True)
class Department:
    sheet: str | None
    first_row: int = 0
    last_row: int = 0
    fields: dict[str, str] = field(default_factory=dict)  # 部门名称, 主管部门
    basic: dict[str, str] = field(default_factory=dict)  # 基本信息
    amount_unit: str | None = None  # 单位：万元 above the form (金额单位)
    income: dict[str, str] = field(default_factory=dict)
    expenditure: dict[str, str] = field(default_factory=dict)
    levels: dict[str, str] = field(default_factory=dict)  # 按预算级次划分
    total: str | None = None
    goals: dict[str, str] = field(default_factory=dict)  # 总体绩效目标 / 年度总体目标
    goal_rows: dict[str, list[int]] = field(default_factory=dict)
    tasks: list[Task] = field(default_factory=list)
    task_rows: tuple[int, int] | None = None
    indicators: Project | None = None  # the 绩效指标 tree, read by the project table reader
    remark: str | None = None
    unit: str | None = None  # 预算单位:… — the file's 单位 when the form names it apart from 部门名称
    title: str | None = None
    year: int | None = None
    amount_comments: dict[str, str] = field(default_factory=dict)  # section → comment


def department_start(sheet: Sheet) -> int | None:
    """Index of the row where the sheet's 部门整体 table starts: its title row (部门整体支出绩效目标表)
    when a 部门名称 label follows it, else the first 部门名称 row of a sheet with no title; None
    when the sheet holds no department table. A budget document prints many tables before it."""
    titles: list[int] = []
    names: list[int] = []
    for index, row in enumerate(sheet.rows):
        own = row.own()
        if len(own) == 1 and words.DEPARTMENT.search(text := words.key(own[0].text)) and words.is_title(text):
            titles.append(index)
        elif own and _field_label(words.key(own[0].text)) == "部门名称":
            names.append(index)
    if not names:
        return None
    # The last title with a 部门名称 row below it (a table of contents names the table too).
    titled = [index for index in titles if any(name > index for name in names)]
    return titled[-1] if titled else names[0]


def _field_label(text: str) -> str | None:
    """部门名称 also as "部门名称：某局" in one cell."""
    return words.DEPARTMENT_FIELDS.get(text) or words.DEPARTMENT_FIELDS.get(text.partition(":")[0])


def read_department(sheet: Sheet, start: int = 0) -> tuple[Department, list[Note]]:
    return _Reader(sheet, start).read()


class _Reader:
    def __init__(self, sheet: Sheet, start: int) -> None:
        self.sheet = sheet
        self.start = start
        self.department = Department(sheet.name)
        self.notes: list[Note] = []
        self.section = "head"
        self.block_unit: str | None = None  # "(万元)" from the budget block's column labels
        self.task_columns: list[tuple[int, str]] = []  # (column, key) of the task table
        self.task_unit: str | None = None
        self.tasks_started = False  # the 年度重点工作任务 label seen
        self.goal_columns: list[tuple[int, str]] = []  # goal labels side by side, texts below
        self.pending_goal: str | None = None
        self.table: TableReader | None = None

    def note(self, row: Row, message: str, zh: str, skipped: bool = True) -> None:
        self.notes.append(Note(row.number, message, self.sheet.name, skipped=skipped, zh=zh))

    def read(self) -> tuple[Department, list[Note]]:
        department = self.department
        before = [row for row in self.sheet.rows[: self.start] if not row.is_blank]
        if before:
            self.notes.append(Note(before[0].number, f"rows {before[0].number}–{before[-1].number} come before the "
                                   "部门整体支出绩效目标表 (other tables or text); not imported", self.sheet.name,
                                   skipped=False, zh=f"第{before[0].number}–{before[-1].number}行在部门整体支出绩效目标表"
                                   "之前（其他表格或文字）；未导入"))
        for row in self.sheet.rows[self.start :]:
            if row.is_blank or not row.own():
                continue
            department.first_row = department.first_row or row.number
            department.last_row = row.number
            self._row(row)
        if self.table is not None:
            self.notes += self.table.notes
            _split_runs(department.indicators)
        return department, self.notes

    def _row(self, row: Row) -> None:
        pieces = row.own()
        first = words.key(pieces[0].text)
        if self._loose(row, pieces):
            return
        if words.key(pieces[0].text) == words.REMARK:
            self.department.remark = "\n".join(piece.text for piece in pieces[1:])
            return
        if is_header(row):
            self._indicator_header(row)
            return
        if self.section == "indicators":
            self.table.read(self._without_block_label(row))
            return
        if self._task_header(row, pieces):
            return
        if words.TASK_BLOCK.match(first):
            self._task_block(row, pieces)
            return
        if self.section == "tasks" and not (first in words.DEPARTMENT_FIELDS or words.DEPARTMENT_GOALS.match(first)):
            self._task(row, pieces)
            return
        if self.section == "goal" and not self._is_head_label(pieces[0]):
            self._goal_text(row, pieces)
            return
        self._head(row, pieces)

    # -- rows around the form --------------------------------------------------------------------

    def _loose(self, row: Row, pieces: list[Piece]) -> bool:
        if len(pieces) != 1:
            return False
        text = words.key(pieces[0].text)
        if words.is_title(text) and words.DEPARTMENT.search(text):
            self.department.title = pieces[0].text
            if match := _YEAR.search(text):
                self.department.year = self.department.year or int(match[1])
            return True
        if match := words.AMOUNT_UNIT_LINE.match(text):
            self.department.amount_unit = match["unit"]
            return True
        if re.fullmatch(r"\(?(\d{4})年度?\)?|表\d+|附件\d*", text):
            if match := _YEAR.search(text):
                self.department.year = self.department.year or int(match[1])
            return True
        return False

    # -- head and budget block -------------------------------------------------------------------

    def _is_head_label(self, piece: Piece) -> bool:
        label = words.key(piece.text)
        return (label in words.DEPARTMENT_FIELDS or label == words.BASIC_INFO or bool(words.DEPARTMENT_GOALS.match(label))
                or line_kind(label) is not None or bool(words.BUDGET_BLOCK_LABELS.match(label)))

    def _head(self, row: Row, pieces: list[Piece]) -> None:
        unread: list[Piece] = []
        goals: list[tuple[str, Piece]] = []
        index = 0
        while index < len(pieces):
            piece = pieces[index]
            label = words.key(piece.text)
            value = pieces[index + 1] if index + 1 < len(pieces) else None
            value_text = value.text if value is not None and not self._is_head_label(value) else None
            used = 2 if value_text is not None else 1
            if (inline := inline_field(piece.text)) is not None:
                key, text = inline
                if key == "单位":
                    self.department.unit = self.department.unit or text
                else:
                    self.department.remark = piece.text if self.department.remark is None else self.department.remark
                used = 1
            elif (key := words.DEPARTMENT_FIELDS.get(label)) is not None:
                self._set(row, self.department.fields, key, value_text or "", piece)
            elif label == words.BASIC_INFO:
                used = 1
            elif label in words.BASIC_INFO_FIELDS:
                self._set(row, self.department.basic, piece.text, value_text or "", piece)
            elif (kind := line_kind(label)) is not None:
                self._line(row, kind, piece, value_text)
            elif match := words.BUDGET_BLOCK_LABELS.match(label):
                self.block_unit = match["unit"] or self.block_unit
                self.section = "head"
                used = 1
            elif match := words.DEPARTMENT_GOALS.match(label):
                goals.append(("总体绩效目标" if match["whole"] else "年度总体目标", piece))
                used = 1
            elif goals and index == len(pieces) - 1 and len(goals) == 1:
                self._set_goal(row, goals.pop()[0], piece.text)
            else:
                unread.append(piece)
                used = 1
            index += used
        if len(goals) > 1 and words.key(goals[0][1].text) in words.GOAL_HEADS:
            goals = goals[1:]  # 总体目标 | 中期滚动目标 | 年度目标: the block's label, then its two boxes
        if goals:
            self.section = "goal"
            self.goal_columns = [(piece.first, key) for key, piece in goals]
        elif self.section == "goal":
            self.section = "head"
        if unread:
            shown = preview([piece.text for piece in unread])
            self.note(row, f"cannot read {shown}; not imported", f"读不出{shown}是什么；未导入")

    def _set(self, row: Row, where: dict[str, str], key: str, value: str, label: Piece) -> None:
        if key in where and where[key] != value:
            self.note(row, f"{label.text} given twice (“{where[key]}” and “{value}”); kept the first",
                      f"{label.text}写了两次（“{where[key]}”和“{value}”）；保留第一个")
            return
        where[key] = value

    def _line(self, row: Row, kind: str, label: Piece, value: str | None) -> None:
        amount = "" if value is None else self._amount(value, self.block_unit)
        if kind == "total":
            if self.department.total is not None and self.department.total != amount:
                self.note(row, f"{label.text} given twice; kept the first", f"{label.text}写了两次；保留第一个")
                return
            self.department.total = amount
            return
        where = {"income": self.department.income, "expenditure": self.department.expenditure,
                 "levels": self.department.levels}[kind]
        self._set(row, where, label.text, amount, label)

    def _amount(self, text: str, unit: str | None) -> str:
        unit = unit or self.department.amount_unit
        if unit and AMOUNT.match(text.strip()):
            return text.strip() + unit
        return text

    # -- goals -------------------------------------------------------------------------------------

    def _goal_text(self, row: Row, pieces: list[Piece]) -> None:
        if len(self.goal_columns) > 1:
            if len(pieces) != len(self.goal_columns):
                shown = preview([piece.text for piece in pieces])
                self.note(row, f"goal texts {shown} do not line up with the goal labels; not imported",
                          f"目标文字{shown}与目标标签对不上列；未导入")
                return
            for (_, key), piece in zip(self.goal_columns, pieces):
                self._set_goal(row, key, piece.text)
            return
        self._set_goal(row, self.goal_columns[0][1], "\n".join(piece.text for piece in pieces))

    def _set_goal(self, row: Row, key: str, text: str) -> None:
        goals = self.department.goals
        goals[key] = text if key not in goals else goals[key] + "\n" + text
        self.department.goal_rows.setdefault(key, []).append(row.number)

    # -- 年度重点工作任务 ---------------------------------------------------------------------------

    def _task_header(self, row: Row, pieces: list[Piece]) -> bool:
        """名称 | 主要实施内容 | 拟投入的资金（元） | 期望达到的目标, and the row of 总额 | 其中：财政拨款 … below."""
        start = 1 if words.TASK_BLOCK.match(words.key(pieces[0].text)) else 0
        found = [(piece.first, column, piece) for piece in pieces[start:] if (column := words.task_column(piece.text))]
        if not found or len(found) < len(pieces) - start:
            return False
        keys = {column for _, column, _ in found}
        if "名称" in keys and len(keys) >= 2:
            self.task_columns = [(first, column) for first, column, _ in found]
        elif self.task_columns and keys <= {"金额", "财政拨款", "其他资金"} and self.section == "tasks":
            # The second header row names the amount columns under 预算金额（万元）: its cells must sit
            # under that label, right of the columns already named, or nothing says which is which.
            others = [(first, column) for first, column in self.task_columns if column not in keys]
            amount_at = min((first for first, column in self.task_columns if column == "金额"), default=None)
            if amount_at is None or any(first < amount_at or first in dict(others) for first, _, _ in found):
                shown = preview([piece.text for _, _, piece in found])
                self.note(row, f"amount columns {shown} do not sit under the 预算金额 header; task amounts are read "
                          "by the header above only", f"金额分列{shown}不在“预算金额”表头之下；任务金额只按上面的表头读",
                          skipped=False)
                return True
            self.task_columns = sorted(others + [(first, column) for first, column, _ in found])
        else:
            return False
        for _, _, piece in found:
            if unit := words.UNIT_IN_LABEL.search(words.key(piece.text)):
                self.task_unit = unit["unit"]
        if start:
            self.tasks_started = True
        self.section = "tasks"
        return True

    def _block_label_only(self, piece: Piece) -> bool:
        return bool(words.TASK_BLOCK.fullmatch(words.key(piece.text)))

    def _task_block(self, row: Row, pieces: list[Piece]) -> None:
        self.tasks_started = True
        label = words.key(pieces[0].text)
        if words.OPTIONAL_TASKS.match(label) and len(pieces) == 1:
            return  # 其他需完成的任务（可选填）, left empty
        match = words.TASK_BLOCK.match(label)
        rest = label[match.end():]
        if self.task_columns and rest:
            # The block's label printed in the first task's name cell ("年度 主要任务 妇女儿童 事务").
            name = Piece(_tail_after(pieces[0].text, match.end()), pieces[0].first, pieces[0].last)
            count = len(self.department.tasks)
            self._task(row, [name, *pieces[1:]])
            if len(self.department.tasks) > count:
                self.department.tasks[-1].comments.append(f"原表第{row.number}行任务名称与“{label[:match.end()]}”标签印在同一格")
        elif len(pieces) > 1 and self.task_columns:
            self._task(row, pieces[1:])
        self.section = "tasks" if self.task_columns else self.section

    def _task(self, row: Row, pieces: list[Piece]) -> None:
        if not self.task_columns:
            shown = preview([piece.text for piece in pieces])
            self.note(row, f"{shown} comes before the 年度重点工作任务 header; not imported",
                      f"{shown}在年度重点工作任务表头之前；未导入")
            return
        values: dict[str, str] = {}
        for piece in pieces:
            column = self._task_column(piece)
            if column is None or column in values:
                shown = preview([each.text for each in pieces])
                self.note(row, f"task row {shown}: cell “{piece.text[:20]}” is under no task column; row not imported",
                          f"任务行{shown}：“{piece.text[:20]}”不在任何任务列下；这一行未导入")
                return
            values[column] = piece.text
        name = values.get("名称", "")
        if words.TOTAL_LINES.match(words.key(name)):
            self._total_row(row, values)
            return
        if not name:
            if self.department.tasks and set(values) <= {"主要实施内容", "主要内容", "期望达到的目标"}:
                # A cell broken by a page: the text goes on in the task above.
                task = self.department.tasks[-1]
                for key, text in values.items():
                    task.values[key] = task.values.get(key, "") + text
                task.last_row = row.number
                task.comments.append(f"原表第{row.number}行续接上一任务的{'、'.join(values)}（跨页）")
                return
            shown = preview(list(values.values()))
            self.note(row, f"task row {shown} has no 名称; not imported", f"任务行{shown}没有名称；这一行未导入")
            return
        if not self.tasks_started and words.EXPENDITURE_LINES.match(words.key(name)):
            # 基本支出 printed above the 年度主要任务 block: a budget line, not a task.
            self._set(row, self.department.expenditure, name, self._amount(values.get("金额", ""), self.task_unit), pieces[0])
            return
        for key in ("金额", "财政拨款", "其他资金"):
            if key in values:
                values[key] = self._amount(values[key], self.task_unit)
        self.department.tasks.append(Task(values, row.number, row.number))
        bounds = self.department.task_rows
        self.department.task_rows = (bounds[0] if bounds else row.number, row.number)

    def _task_column(self, piece: Piece) -> str | None:
        columns = self.task_columns
        for first, column in columns:
            if piece.first == first:
                return column
        # A cell merged across columns: the first header column it covers.
        for first, column in columns:
            if piece.first <= first <= piece.last:
                return column
        return None

    def _total_row(self, row: Row, values: dict[str, str]) -> None:
        amount = values.get("金额")
        if amount is not None:
            self.department.total = self._amount(amount, self.task_unit)
        left = {key: text for key, text in values.items() if key not in ("名称", "金额")}
        if left:
            shown = preview([f"{key} {text}" for key, text in left.items()])
            self.note(row, f"{shown} of the total row has no key in a target file (it records 合计 only); not imported",
                      f"合计行的{shown}在目标文件里没有对应栏目（目标文件只记合计）；未导入", skipped=False)

    # -- 绩效指标 -----------------------------------------------------------------------------------

    def _indicator_header(self, row: Row) -> None:
        row = self._without_block_label(row)
        if self.table is not None:
            return  # the header repeated after a page break
        header, unknown = read_header(row)
        for message, zh, skipped in header_notes(header, unknown):
            self.note(row, message, zh, skipped)
        if header is None:
            self.section = "skip"
            return
        self.department.indicators = Project(self.sheet.name, row.number)
        self.table = TableReader(self.department.indicators, header, self.sheet.name)
        self.section = "indicators"

    def _without_block_label(self, row: Row) -> Row:
        """The row without the table's own label on the left edge (绩效指标, 年度绩效指标)."""
        pieces = [piece for piece in row.pieces
                  if not (words.INDICATOR_BLOCK.match(words.key(piece.text)) and piece.first == 0)]
        return Row(row.number, pieces)


def _split_runs(indicators: Project) -> None:
    """A PDF export that printed several rows' names in one cell and their targets in the next
    ("评估建档 个案服务" | "≥50 个 ≥10 个"): split them back into rows, but only when every value
    cell holds a run of targets and the name cell holds exactly as many names."""
    for level1 in indicators.tree.values():
        for group in level1.groups.values():
            rows: list[SourceIndicator] = []
            for row in group.rows:
                rows += _split_run(row)
            group.rows = rows


def _split_run(row: SourceIndicator) -> list[SourceIndicator]:
    names = row.name.split()
    if len(names) < 2 or not row.values:
        return [row]
    runs = {key: words.RUN_OF_TARGETS.split(value.strip()) for key, value in row.values.items()}
    if any(len(parts) != len(names) for parts in runs.values()):
        return [row]
    rows = [SourceIndicator(name, {key: parts[index] for key, parts in runs.items()}, row.row)
            for index, name in enumerate(names)]
    rows[0].comments = [*row.comments, f"原表第{row.row}行{len(names)}个名称与{len(names)}个值各印成一串，按顺序配对"]
    return rows


def inline_field(text: str) -> tuple[str, str] | None:
    """"预算单位:东莞展览馆" (the unit the file is for), "批复单位:东莞市财政局" (kept as 备注)."""
    head, colon, value = text.replace("：", ":").partition(":")
    if not colon or not value.strip():
        return None
    if words.key(head) in words.DEPARTMENT_UNIT_LABELS:
        return "单位", value.strip()
    if words.key(head) in words.DEPARTMENT_REMARK_LABELS:
        return "备注", value.strip()
    return None


def line_kind(label: str) -> str | None:
    if words.TOTAL_LINES.match(label):
        return "total"
    if words.INCOME_LINES.match(label):
        return "income"
    if words.EXPENDITURE_LINES.match(label):
        return "expenditure"
    if words.LEVEL_LINES.match(label):
        return "levels"
    return None


def _tail_after(text: str, folded_end: int) -> str:
    """The text after the first ``folded_end`` non-blank characters (the label), blanks trimmed."""
    seen = 0
    for index, char in enumerate(text):
        if seen == folded_end:
            return "".join(text[index:].split())
        if not char.isspace():
            seen += 1
    return ""


# -- writing -------------------------------------------------------------------------------------

_TASK_ORDER = ("名称", "主要实施内容", "主要内容", "金额", "财政拨款", "其他资金", "期望达到的目标")


def write(department: Department, *, header: list[str], unit: str | None, year: int | None) -> str:
    out = emit.head(header, unit, year)
    where = f"工作表 {department.sheet} " if department.sheet else ""
    out.line("部门整体:", [f"来源: {where}第{department.first_row}–{department.last_row}行"])
    for key in ("部门名称", "主管部门"):
        if key in department.fields:
            out.line(f"  {key}: {emit.scalar(department.fields[key])}")
    if department.basic:
        parts = [f"{emit.scalar(key, flow=True)}: {_basic_value(value)}" for key, value in department.basic.items()]
        out.line("  基本信息: {" + ", ".join(parts) + "}")
    if department.amount_unit:
        out.line(f"  金额单位: {department.amount_unit}")
    for title, lines in (("收入", department.income), ("支出", department.expenditure),
                         ("按预算级次划分", department.levels)):
        if lines:
            out.line(f"  {title}:")
            for label, amount in lines.items():
                out.line(f"    {emit.scalar(label)}: {_amount(amount)}")
    for key in ("总体绩效目标", "年度总体目标"):
        if key in department.goals:
            rows = department.goal_rows.get(key, [])
            comments = [f"原表第{'、'.join(map(str, rows))}行"] if len(rows) > 1 else []
            out.line(f"  {key}: {emit.scalar(department.goals[key])}", comments)
    if department.tasks:
        out.line("  年度重点工作任务:", [f"原表第{department.task_rows[0]}–{department.task_rows[1]}行"])
        for task in department.tasks:
            keys = [key for key in _TASK_ORDER if key in task.values]
            for index, key in enumerate(keys):
                value = task.values[key]
                text = _amount(value) if key in ("金额", "财政拨款", "其他资金") else emit.scalar(value)
                comments = task.comments if index == 0 else None
                out.line(("    - " if index == 0 else "      ") + f"{key}: {text}", comments)
    if department.total is not None:
        out.line(f"  合计: {_amount(department.total)}")
    if department.indicators is not None:
        body = emit.Writer()
        emit._indicators(body, department.indicators)  # noqa: SLF001 - the project writer's own tree layout
        out.lines += [line[2:] for line in body.lines]
    if department.remark is not None:
        out.line(f"  备注: {emit.scalar(department.remark)}")
    return out.text()


def _amount(value: str) -> str:
    """An amount stays text (the file says what the form said): quoted when YAML would read a number."""
    text = emit.amount(value)
    return text if not AMOUNT.match(text) else emit.scalar(value, force_quotes=True)


def _basic_value(value: str) -> str:
    """基本信息 counts are numbers (财政供养人员数: 134); codes with leading zeros stay text."""
    if re.fullmatch(r"[1-9]\d{0,5}|0", value):
        return value
    return emit.scalar(value, flow=True, force_quotes=bool(AMOUNT.match(value)))


# -- the whole import ----------------------------------------------------------------------------


def import_department(sheets: list[Sheet], *, shown: str, lang: str) -> dict | None:
    """The target file for the first sheet holding a department table (``ImportResult``'s
    fields), or None when no sheet looks like one."""
    from lint.importer import department_text  # text without cells: lint/importer/department_text.py

    found = [(sheet, start) for sheet in sheets if (start := department_start(sheet)) is not None]
    page = None
    if not found and len(sheets) == 1 and department_text.looks_like_page_text(sheets[0]):
        # Text copied out of a PDF or a web page: its cells are rebuilt from the lines first.
        page = department_text.read_page_text(sheets[0])
        if (start := department_start(page.sheet)) is not None:
            found = [(page.sheet, start)]
    if not found:
        return None
    chosen, start = found[0]
    department, notes = read_department(chosen, start)
    if "部门名称" not in department.fields or not department.fields["部门名称"]:
        return None
    if page is not None:
        notes += page.notes
        for level1, comment in page.supplied.items():
            if department.indicators is not None and level1 in department.indicators.tree:
                department.indicators.tree[level1].comments.append(comment)
    for sheet in sheets:
        if sheet is not chosen and page is None and any(not row.is_blank for row in sheet.rows):
            notes.append(Note(1, "only one 部门整体 table is read per file; sheet not imported", sheet.name,
                              skipped=False, zh="每个文件只读一张部门整体支出绩效目标表；工作表未导入"))
    notes.sort(key=lambda note: (note.sheet != chosen.name, note.row))
    unit = department.unit or department.fields["部门名称"]
    year = department.year
    if year is None:
        notes.append(Note(department.first_row, "no budget year (（2023年）, 2022 年度) found; fill in 年度 (the line "
                          "“# 年度:” at the top of the file)", chosen.name, skipped=False,
                          zh="原表没有写预算年度（如“（2023年）”“2022 年度”）；请在文件开头的“# 年度:”一行填写年度"))
    text = write(department, header=_header(shown, department, unit, year, notes), unit=unit, year=year)
    return {"text": text, "notes": [note.render(lang) for note in notes], "skipped_rows": _skipped(notes),
            "year_missing": year is None, "unit_missing": False}


def _header(shown: str, department: Department, unit: str, year: int | None, notes: list[Note]) -> list[str]:
    title = department.title or "部门整体支出绩效目标表"
    dated = f"{year}年{''.join(title.split())}" if year and str(year) not in title else "".join(title.split())
    lines = [f"来源: {shown} — {unit} {dated}",
             "由 jxlint import 生成：按原表逐格转录，未作更正；表中的问题正是 jxlint 要发现的。"]
    if department.amount_unit:
        lines.append(f"表上注“单位：{department.amount_unit}”：没有写单位的金额写作“…{department.amount_unit}”。")
    skipped = [note for note in notes if note.skipped]
    if skipped:
        lines.append(f"未能导入的行（{_skipped(notes)}行），请对照原表补录：")
        lines += [f"  {note.render('zh')}" for note in skipped]
    return lines


def _skipped(notes: list[Note]) -> int:
    return len({(note.sheet, note.row) for note in notes if note.skipped})


def refusal(name: str) -> tuple[str, str]:
    """Why a text that mentions a 部门整体 table gave none (English, Chinese): no cell holds the
    label 部门名称 by itself, and no line starts with it for the text reader to find the form."""
    return (f"{name}: looks like a 部门整体支出绩效目标表, but no cell holds the label 部门名称 by itself: text copied "
            "out of a PDF has no cell boundaries (tabs), so its cells cannot be told apart; import the .xlsx export, "
            "or copy the table from Excel (cells separated by tabs)",
            f"{name}：像是部门整体支出绩效目标表，但没有哪一格单独写着“部门名称”：从 PDF 复制出的文字没有单元格边界"
            "（制表符），分不清各格；请导入 .xlsx 工作簿，或从 Excel 复制表格（各格以制表符分隔）")
