"""Sheets → project tables: find each 项目支出绩效目标表 and read its parts by their labels.

A sheet holds one project or many (the export repeats the whole form, title and header
included, per project). A project starts at its 项目名称 row; its head (项目类型 … 预算金额)
is label–value pairs, then come 总体绩效目标, the 绩效指标 table, and trailing rows such as
the finance bureau's 批复意见. Rows nobody can place become notes.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from lint.importer import vocabulary as words
from lint.importer.grid import Piece, Row, Sheet
from lint.importer.indicators import TableReader, header_notes, is_header, read_header
from lint.importer.model import Note, Project, preview

_YEAR = re.compile(r"^(\d{4})\s*年?$")
_PERIOD_RANGE = re.compile(r"^(\d{4})\s*年?\s*[-—–~～至到]\s*(\d{4})\s*年?$")
_PLAIN_NUMBER = re.compile(r"^\d+$")


@dataclass(slots=True)
class SheetReading:
    """What one sheet gave: its projects, the rows it could not read, and loose facts."""

    projects: list[Project] = field(default_factory=list)
    notes: list[Note] = field(default_factory=list)
    titles: list[str] = field(default_factory=list)
    units: list[str] = field(default_factory=list)  # 单位名称 lines outside the projects
    years: list[int] = field(default_factory=list)  # years in title lines ("（2023年）")
    department_hint: bool = False  # a 部门整体 table, which import does not read
    amount_unit: str | None = None  # the latest "单位：元" line: amounts below it are in 元


def read_sheet(sheet: Sheet) -> SheetReading:
    reading = SheetReading()
    starts = _project_starts(sheet.rows)
    pending_title: list[str] = []  # the title row just above the next project
    _read_loose(sheet.rows[: starts[0]] if starts else sheet.rows, sheet, reading, pending_title)
    for index, start in enumerate(starts):
        end = starts[index + 1] if index + 1 < len(starts) else len(sheet.rows)
        rows = sheet.rows[start:end]
        body_end = _body_end(rows)
        project = Project(sheet.name, rows[0].number, title=pending_title[-1] if pending_title else None,
                          amount_unit=reading.amount_unit)
        reading.notes += _ProjectReader(project, sheet.name).read(rows[:body_end])
        project.last_row = max((row.number for row in rows[:body_end] if not row.is_blank), default=project.first_row)
        if project.name:
            reading.projects.append(project)
        else:
            reading.notes.append(Note(project.first_row, f"项目名称 is blank; the project (rows {project.first_row}–"
                                      f"{project.last_row}) is not imported", sheet.name,
                                      rows=sum(1 for row in rows[:body_end] if not row.is_blank),
                                      zh=f"项目名称为空：这个项目（第{project.first_row}–{project.last_row}行）未导入"))
        pending_title.clear()
        _read_loose(rows[body_end:], sheet, reading, pending_title)
    return reading


def _project_starts(rows: list[Row]) -> list[int]:
    """Indexes of the rows that open a project: its 项目名称 row, or field rows just above it."""
    starts = []
    for index, row in enumerate(rows):
        own = row.own()
        if own and _field_of(own[0])[0] == "项目名称":
            start = index
            while start > 0 and not (starts and start - 1 <= starts[-1]) and _is_field_row(rows[start - 1]):
                start -= 1
            starts.append(start)
    return starts


def _is_field_row(row: Row) -> bool:
    own = row.own()
    return bool(own) and _field_of(own[0])[0] is not None


def _body_end(rows: list[Row]) -> int:
    """Where a project's own rows end: before the blank and title rows that lead to the next one."""
    end = len(rows)
    while end > 1 and (rows[end - 1].is_blank or _is_loose(rows[end - 1])):
        end -= 1
    return end


def _is_loose(row: Row) -> bool:
    """A row outside any project's table: a title, the unit, the amount unit, an 附件 mark."""
    texts = row.texts()
    if len(texts) != 1:
        return False
    text = words.key(texts[0])
    return (words.is_title(text) or bool(words.UNIT_LINE.match(text)) or bool(words.AMOUNT_UNIT_LINE.match(text))
            or bool(re.fullmatch(r"附件\d*|\(?\d{4}年度?\)?", text)))


def _read_loose(rows: list[Row], sheet: Sheet, reading: SheetReading, titles: list[str]) -> None:
    """Rows between projects: titles and unit lines are facts; anything else is a note."""
    for row in rows:
        if row.is_blank:
            continue
        texts = row.texts()
        text = words.key(" ".join(texts))
        if words.DEPARTMENT.search(text):
            reading.department_hint = True
        if _is_loose(row):
            if words.is_title(text):
                titles.append(texts[0])
                reading.titles.append(texts[0])
            if words.UNIT_LINE.match(text):
                reading.units.append(texts[0].split("：" if "：" in texts[0] else ":", 1)[1].strip())
            if match := words.AMOUNT_UNIT_LINE.match(text):
                reading.amount_unit = match["unit"]
            if match := words.YEAR_IN_TITLE.search(text):
                reading.years.append(int(match[1]))
            continue
        if not row.own():
            continue  # only the tail of a merged cell from above
        reading.notes.append(Note(row.number, f"not part of any project table: {preview(texts)}; row not imported",
                                  sheet.name, zh=f"{preview(texts)}不属于任何项目表；这一行未导入"))


def _field_of(piece: Piece) -> tuple[str | None, str | None]:
    """A head label cell → (target-file key, value written in the same cell after a colon)."""
    key = words.field_key(piece.text)
    if key is not None:
        return key, None
    label, colon, value = words.key(piece.text).partition(":")
    if colon and (key := words.field_key(label)) is not None:
        return key, piece.text.split("：" if "：" in piece.text else ":", 1)[1].strip()
    return None, None


class _ProjectReader:
    """Reads one project's rows, section by section: head, goals, indicator table, tail."""

    def __init__(self, project: Project, sheet: str | None) -> None:
        self.project = project
        self.sheet = sheet
        self.notes: list[Note] = []
        self.section = "head"
        self.table: TableReader | None = None
        self.pending_goals: list[tuple[str, Piece]] = []  # goal labels waiting for their text
        self.funds_unit: str | None = None  # 元/万元 from a 项目资金（元） block label
        self.funds_label: str | None = None

    def note(self, row: Row, message: str, zh: str, skipped: bool = True) -> None:
        self.notes.append(Note(row.number, message, self.sheet, skipped=skipped, zh=zh))

    def read(self, rows: list[Row]) -> list[Note]:
        for row in rows:
            if row.is_blank:
                continue
            if is_header(row):
                self._header(row)
            elif self._tail(row):
                self.section = "tail"
            elif self.section == "table":
                self.table.read(row)
            elif self.section in ("head", "goals"):
                self._head_or_goals(row)
            elif row.own():
                self.note(row, f"cannot read {preview(row.texts())} after the 绩效指标 table; row not imported",
                          f"绩效指标表后面的{preview(row.texts())}读不出是什么；这一行未导入")
        if self.table is not None:
            self.notes += self.table.notes
        self._check_goals_done()
        return self.notes

    # -- head -------------------------------------------------------------------------------

    def _head_or_goals(self, row: Row) -> None:
        pieces = [piece for piece in row.pieces if not (piece.continued and self._is_label(piece))]
        if not pieces:
            return
        first = words.key(pieces[0].text)
        if first == words.INDICATORS and len(pieces) == 1:
            pass  # "绩效指标" on a row of its own above the header
        elif first in words.GOAL_HEADS or _goal_label(pieces[0]) or self.section == "goals":
            self.section = "goals"
            self._goals(row, pieces)
        else:
            self._head(row, pieces)

    def _is_label(self, piece: Piece) -> bool:
        label = words.key(piece.text)
        return label in words.GOAL_HEADS or label in (words.INDICATORS, words.PERIOD) or _field_of(piece)[0] is not None

    def _head(self, row: Row, pieces: list[Piece]) -> None:
        """Label–value pairs: 项目类型 | 其他事业发展性支出, 实施周期 | 起始年度 | 2021 | 到期年度 | 2029 …"""
        unread: list[Piece] = []
        index = 0
        while index < len(pieces):
            piece = pieces[index]
            label = words.key(piece.text)
            value = pieces[index + 1] if index + 1 < len(pieces) else None
            key, inline = _field_of(piece)
            if key is not None:
                index += self._field(row, key, inline, value, piece)
            elif label == words.PERIOD:
                index += 1 + self._period_range(value)
            elif label in (words.START_YEAR, words.END_YEAR):
                index += 1 + self._year(row, label, value)
            elif budget := words.BUDGET.match(label):
                index += 1 + self._budget(row, piece, budget, value)
            elif funds := words.FUNDS.match(label):
                # Its unit is the unit of the amounts that follow in the block.
                self.funds_unit = funds["unit"] or self.funds_unit
                self.funds_label = piece.text
                index += 1
            elif words.CYCLE_FUNDS.match(label) or words.FUNDS_DETAIL.match(label):
                used = [piece] + ([value] if value is not None and not self._is_label(value) else [])
                shown = preview([each.text for each in used])
                self.note(row, f"{shown} has no key in a target file (it records the year's 预算金额 only); not imported",
                          f"{shown}在目标文件里没有对应栏目（目标文件只记年度预算金额）；未导入", skipped=False)
                index += len(used)
            else:
                unread.append(piece)
                index += 1
        if unread:
            shown = preview([piece.text for piece in unread])
            self.note(row, f"cannot read {shown}; not imported", f"读不出{shown}是什么；未导入")

    def _field(self, row: Row, key: str, inline: str | None, value: Piece | None, label: Piece) -> int:
        """Take a field's value; return how many pieces were used."""
        if inline is not None:
            self.project.fields.setdefault(key, inline)
            return 1
        if value is None or self._is_label(value) or words.BUDGET.match(words.key(value.text)):
            self.project.fields.setdefault(key, "")  # a blank 项目名称 drops the project (read_sheet says so)
            return 1
        if key in self.project.fields and self.project.fields[key] != value.text:
            self.note(row, f"{label.text} given twice (“{self.project.fields[key]}” and “{value.text}”); kept the first",
                      f"{label.text}写了两次（“{self.project.fields[key]}”和“{value.text}”）；保留第一个")
        self.project.fields.setdefault(key, value.text)
        return 2

    def _period_range(self, value: Piece | None) -> int:
        """实施周期 | 2021-2029 (some forms); the usual form names 起始年度/到期年度 next."""
        if value is not None and (match := _PERIOD_RANGE.match(words.key(value.text))):
            self.project.start_year, self.project.end_year = int(match[1]), int(match[2])
            return 1
        return 0

    def _year(self, row: Row, label: str, value: Piece | None) -> int:
        match = _YEAR.match(words.key(value.text)) if value is not None else None
        if match is None:
            shown = f"“{value.text}”" if value is not None else "blank"
            shown_zh = f"是“{value.text}”" if value is not None else "为空"
            self.note(row, f"{label} is {shown}, not a year; 实施周期 not imported",
                      f"{label}{shown_zh}，不是年份；实施周期未导入")
            return 0 if value is None or words.key(value.text) in (words.START_YEAR, words.END_YEAR) else 1
        if label == words.START_YEAR:
            self.project.start_year = int(match[1])
        else:
            self.project.end_year = int(match[1])
        return 1

    def _budget(self, row: Row, label: Piece, match: re.Match, value: Piece | None) -> int:
        """预算金额: the amount as printed, plus the header's 元/万元 (the examples' convention)."""
        self.project.budget_label = label.text
        if match["year"]:
            self.project.year = self.project.year or int(match["year"])
        if value is None:
            self.project.budget = ""
            return 0
        amount = value.text
        if self.funds_label:
            self.project.budget_label = f"{self.funds_label} {label.text}"
        unit = match["unit"] or self.funds_unit or self.project.amount_unit
        self.project.budget_unit_from_sheet = unit is not None and not match["unit"]
        if unit and not amount.endswith(("元", "万元")):
            self.project.budget = amount + unit
        elif _PLAIN_NUMBER.match(amount):
            self.project.budget = int(amount)  # a bare number, as the form prints it (元 by default)
        else:
            self.project.budget = amount
        return 1

    # -- 总体绩效目标 -----------------------------------------------------------------------------

    def _goals(self, row: Row, pieces: list[Piece]) -> None:
        """Goal labels (实施周期总目标, 2025年度目标) and the texts that follow them."""
        texts: list[Piece] = []
        for piece in pieces:
            label = words.key(piece.text)
            if label in words.GOAL_HEADS:
                continue
            if found := _goal_label(piece):
                match, inline = found
                kind = "cycle" if match["cycle"] else "annual"
                if match["annual"] and match["year"]:
                    self.project.year = self.project.year or int(match["year"])
                if inline:
                    self._set_goal(kind, inline)  # "年度目标：开设课程20门" in one cell
                else:
                    self.pending_goals.append((kind, piece))
            else:
                head, colon, inline = piece.text.replace("：", ":").partition(":")
                texts.append(Piece(inline.strip(), piece.first, piece.last, piece.continued)
                             if colon and words.key(head) in words.GOAL_HEADS and inline.strip() else piece)
        if texts:
            self._goal_texts(row, texts)

    def _goal_texts(self, row: Row, texts: list[Piece]) -> None:
        if not self.pending_goals:
            if self.project.cycle_goal is None and self.project.annual_goal is None and len(texts) == 1:
                # A form with one goal box and no 实施周期/年度 split.
                self.project.cycle_goal = texts[0].text
                self.project.goal_comments.append(f"原表第{row.number}行只有一栏总体绩效目标，未分实施周期与年度")
                return
            shown = preview([piece.text for piece in texts])
            self.note(row, f"goal text {shown} follows no 实施周期总目标/年度目标 label; not imported",
                      f"目标文字{shown}前面没有“实施周期总目标”或“年度目标”标签；未导入")
            return
        if len(texts) == len(self.pending_goals) > 1:
            # Labels side by side (实施周期总目标 | 年度目标), texts below in the same columns.
            pairs = list(zip(self.pending_goals, texts))
            self.pending_goals = []
        else:
            pairs = [(self.pending_goals.pop(0), piece) for piece in texts[:1]]
            if len(texts) > 1:
                shown = preview([piece.text for piece in texts[1:]])
                self.note(row, f"extra goal text {shown}; not imported", f"多出的目标文字{shown}；未导入")
        for (kind, _label), piece in pairs:
            self._set_goal(kind, piece.text)

    def _set_goal(self, kind: str, text: str) -> None:
        attribute = "cycle_goal" if kind == "cycle" else "annual_goal"
        before = getattr(self.project, attribute)
        setattr(self.project, attribute, text if before is None else before + "\n" + text)

    def _check_goals_done(self) -> None:
        for kind, _label in self.pending_goals:
            # The label is there, its box is empty: that is what the form says.
            if getattr(self.project, "cycle_goal" if kind == "cycle" else "annual_goal") is None:
                self._set_goal(kind, "")

    # -- table and tail ---------------------------------------------------------------------

    def _header(self, row: Row) -> None:
        if self.table is not None:
            # A header repeated (a page break in the export): the rows below continue the same table.
            self.notes += self.table.notes
        header, unknown = read_header(row)
        for message, zh, skipped in header_notes(header, unknown if self.table is None else []):
            self.note(row, message, zh, skipped)
        if header is None:
            self.section = "skip-table"
            return
        self._check_goals_done()
        self.pending_goals = []
        self.table = TableReader(self.project, header, self.sheet)
        self.section = "table"

    def _tail(self, row: Row) -> bool:
        """批复意见 (东莞市财政局望牛墩分局批复意见 | …) and 备注 rows: True when the row was one."""
        own = row.own()
        if not own:
            return False
        text = "\n".join(piece.text for piece in own[1:])
        if match := words.APPROVAL.match(own[0].text):
            self.project.approval = text
            if match["office"]:
                self.project.approval_office = match["office"]
            return True
        if words.key(own[0].text) == words.REMARK:
            self.project.remark = text
            return True
        return False


def _goal_label(piece: Piece) -> tuple[re.Match, str] | None:
    """A goal label (实施周期总目标, 2025年度目标), with the text written after a colon in the
    same cell ("年度目标：开设课程20门"), or None."""
    if match := words.GOAL_LABELS.match(words.key(piece.text)):
        return match, ""
    head, colon, inline = piece.text.replace("：", ":").partition(":")
    if colon and (match := words.GOAL_LABELS.match(words.key(head))):
        return match, inline.strip()
    return None


