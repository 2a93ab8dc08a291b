"""部门整体支出绩效目标表 from the text layer of a PDF or web page: lines with no cell boundaries.

Such text comes out line by line, without tabs. The cells of a row that fit on one line are
separated by blanks ("基本支出 3,139.95 财政拨款 7,272.70"); a label that wraps in its narrow
cell comes out a piece a line ("年度" "预算" "安排" "(万元)"); a row whose cells wrap comes
out cell after cell, each cell's lines together, left to right. This module puts the cells
back into rows the way a careful reader does, and hands the rows to the department reader
(:mod:`lint.importer.department`) as if they came from a sheet:

* labels are the form's own (:mod:`lint.importer.vocabulary`): short lines that together
  spell one are that label; they also say where the goal, the tasks and the indicator
  table begin;
* in the head, a label owns the text up to the next label; a number is a cell of its own;
* a line that splits at its blanks into exactly a row's cells is that row, unless its first
  cell may be the rest of a wrapped line above (a task line of text cells only is a task
  without its amount, unless the next line may hold it);
* cells printed one after another are told apart by their columns' widths. A cell's text
  wraps only where the next character would not fit, so every line but a cell's last fills
  its column, and a line that filled its column goes on in the same cell (CJK characters and
  marks count two, others one; a mark that may not end or start a line moves down with its
  neighbour); a cell closes the brackets it opens; a line holding several cells is one row's
  line. The widths are learnt from the cells that cut only one way. Bare numbers are the
  tasks' amounts and cut the task block into the text cells between them;
* a 二级 label whose 一级 the text does not print (a merged cell) gets the one 一级 the form
  gives it, said in the file and in a note.

Lines that cut more than one way, or none, are never guessed: they are a note naming their
lines and what to fill in by hand, and the rest imports.
"""

from __future__ import annotations

import functools
import re
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass, field

from lint.importer import vocabulary as words
from lint.importer.department import AMOUNT, inline_field, line_kind
from lint.importer.model import preview
from lint.importer.grid import Piece, Row, Sheet
from lint.importer.model import Note
from lint.loading import labels as levels

_MAX_LABEL_LINES = 6  # "年度" "重点" "工作" "任务" …: a label wraps over a few lines at most
_MAX_LABEL_CHARS = 24  # the longest label is shorter ("社会公众或服务对象满意度指标", "其他需完成的任务（可选填）")
# A run of lines longer than this is not split (the count of ways to split grows with it).
MAX_RUN_LINES = 40
MAX_LINES_TRIED = 20_000  # seed 000 looks at about a thousand
_MAX_ROUNDS = 20  # widths settle in two or three; a text built to keep them moving stops here
# A numbered item of a goal or list starts a line of its own: "目标2:", "2.", "（2）", "二、".
_ITEM = re.compile(r"^(?:目标\s*\d+|\d+[.、．]|[（(]\d+[）)]|[一二三四五六七八九十]+、)")
_OPENING = "（(“‘《〈【〔「『["
_CLOSING = "）)”’》〉】〕」』]，。、；：！？,.;:!?"
_PAIRS = {"（": "）", "(": ")", "“": "”", "‘": "’", "《": "》", "〈": "〉", "【": "】", "〔": "〕", "「": "」",
          "『": "』", "[": "]"}


@dataclass(frozen=True, slots=True)
class Line:
    """A line of the text, or one blank-separated piece of it (``opens``/``closes``: the piece
    begins/ends its line)."""

    number: int  # the source line it starts on
    text: str
    last: int  # the source line it ends on (a label joined from several)
    opens: bool = True
    closes: bool = True

    @property
    def whole(self) -> bool:
        return self.opens and self.closes

    def pieces(self) -> list[Line]:
        tokens = self.tokens
        if len(tokens) == 1:
            return [self]
        return [Line(self.number, token, self.last, index == 0, index == len(tokens) - 1)
                for index, token in enumerate(tokens)]

    @property
    def tokens(self) -> list[str]:
        return self.text.split()


@dataclass(slots=True)
class PageText:
    """The rows rebuilt from the text, the notes on lines not placed, and the 一级 labels the
    text did not print but the form's structure gives (canonical 一级 → comment)."""

    sheet: Sheet
    notes: list[Note] = field(default_factory=list)
    supplied: dict[str, str] = field(default_factory=dict)


def looks_like_page_text(sheet: Sheet) -> bool:
    """Pasted text with a line that starts with the 部门名称 label (not a cell of its own: then
    the department reader reads the text as it is)."""
    return sheet.name is None and any(
        words.DEPARTMENT_FIELDS.get(words.key(line.tokens[0])) == "部门名称" for line in _lines(sheet))


def read_page_text(sheet: Sheet) -> PageText:
    return _Builder(_join_labels(_lines(sheet))).build()


# -- lines ---------------------------------------------------------------------------------------


def _lines(sheet: Sheet) -> list[Line]:
    lines = []
    for row in sheet.rows:
        text = " ".join(piece.text for piece in row.pieces).strip()
        if text:
            lines.append(Line(row.number, text, row.number))
    return lines


def _join_labels(lines: list[Line]) -> list[Line]:
    """Short lines that together spell a form label, as one line ("年度重点工作任" "务")."""
    out: list[Line] = []
    index = 0
    while index < len(lines):
        found: tuple[str, list[str], int] | None = None
        text = ""
        for at in range(index, min(index + _MAX_LABEL_LINES, len(lines))):
            first, *rest = lines[at].tokens
            if len(text) + len(first) > _MAX_LABEL_CHARS:
                break
            if at > index and is_label(text + first):
                found = (text + first, rest, at)
            if rest:
                break
            text += first
        if found is None:
            out.append(lines[index])
            index += 1
            continue
        label, rest, at = found
        out.append(Line(lines[index].number, " ".join([label, *rest]), lines[at].number))
        index = at + 1
    return out


@functools.lru_cache(maxsize=4096)
def is_label(text: str) -> bool:
    """Whether the text spells one of the form's labels."""
    label = words.key(text)
    return bool(label in words.DEPARTMENT_FIELDS or label == words.BASIC_INFO or label in words.BASIC_INFO_FIELDS
                or label in words.HEADER_LEVELS or label == words.REMARK or line_kind(label)
                or words.BUDGET_BLOCK_LABELS.match(label) or words.DEPARTMENT_GOALS.match(label)
                or words.TASK_BLOCK.fullmatch(label) or words.INDICATOR_BLOCK.match(label)
                or any(pattern.match(label) for pattern, _ in (*words.TASK_COLUMNS, *words.VALUE_COLUMNS))
                or levels.level1(label) or levels.level2(label))


def _is_amount(text: str) -> bool:
    return bool(AMOUNT.match(text))


# -- widths: how a line fills its column ---------------------------------------------------------


@functools.lru_cache(maxsize=4096)
def width(text: str) -> int:
    """Printed width in half-width units: CJK characters and marks two, others one."""
    return sum(2 if unicodedata.east_asian_width(char) in "WFA" else 1 for char in text)


def _carried(following: str) -> str:
    """What must have gone onto the next line together: its first character, and the one after
    it when a mark forbids the break between them (an opening bracket does not end a line, a
    closing mark or comma does not start one)."""
    if len(following) > 1 and (following[0] in _OPENING or following[1] in _CLOSING):
        return following[:2]
    return following[:1]


def _fills(line: str, following: str, column_width: int) -> bool:
    """Whether ``line`` ends because ``following``'s first character no longer fitted."""
    return width(line) + width(_carried(following)) > column_width


def _balanced(text: str) -> bool:
    """A cell closes the brackets and quotes it opens, and closes none it did not open."""
    closers = {closing: opening for opening, closing in _PAIRS.items()}
    stack: list[str] = []
    for char in text:
        if char in _PAIRS and not (char in closers and stack and stack[-1] == closers[char]):
            stack.append(char)
        elif char in closers:
            if not stack or stack[-1] != closers[char]:
                return False
            stack.pop()
    return not stack


def join_wrapped(lines: list[str]) -> str:
    """One text box's lines: a line that filled the box goes on without a break; a line that
    ended short of it, or before a numbered item ("目标2:"), was broken by its writer: one blank."""
    full = max(width(line) for line in lines)
    text = lines[0]
    for before, after in zip(lines, lines[1:]):
        text += ("" if _fills(before, after, full) and not _ITEM.match(after) else " ") + after
    return text


@dataclass(slots=True)
class Widths:
    """What the cells that split only one way say about each column's width (half-width
    units): at least ``low`` (a line that wide sits in it), at most ``high`` (a line that
    wrapped there would have kept its next character otherwise)."""

    low: dict[object, int] = field(default_factory=dict)
    high: dict[object, int] = field(default_factory=dict)
    # Lines looked at in trying cells, for all the runs of a table together: a text built so
    # that its lines cut countless ways stops being read here (its runs are refused), not minutes on.
    budget: int = MAX_LINES_TRIED

    def fits(self, column: object, cell: list[Line], following: Line | None) -> bool | None:
        """Whether these pieces can be one cell of the column: a cell goes on only from a whole
        line that filled the column to the start of the next line (a line holding several cells
        is one row's line); once the column's width is known, a cell does not end at a line that
        filled it (the line went on: the next line is the rest of the cell) unless nothing
        follows; brackets close. None when no longer cell can fit either."""
        self.budget -= len(cell)
        if self.budget < 0 or any(not before.whole or not after.opens for before, after in zip(cell, cell[1:])):
            return None
        lines = [piece.text for piece in cell if piece.whole]
        if any(width(line) > self.high.get(column, _UNBOUNDED) for line in lines):
            return None
        box = max([self.low.get(column, 0), *(width(line) for line in lines)])
        if not all(_fills(before.text, after.text, box) for before, after in zip(cell, cell[1:]) if before.whole):
            return None
        last = cell[-1]
        if (following is not None and column in self.low and last.whole and following.opens
                and _fills(last.text, following.text, box)):
            return False
        return _balanced("".join(piece.text for piece in cell))

    def learn(self, column: object, cell: list[Line]) -> bool:
        """Take in a cell placed for certain; whether that told anything new."""
        changed = any([self.learn_width(column, piece.text) for piece in cell if piece.whole])
        for before, after in zip(cell, cell[1:]):
            high = width(before.text) + width(_carried(after.text)) - 1
            if before.whole and high < self.high.get(column, _UNBOUNDED):
                self.high[column], changed = high, True
        return changed

    def learn_width(self, column: object, text: str) -> bool:
        """A text that sits on one line of the column: the column is at least that wide."""
        if width(text) > self.low.get(column, 0):
            self.low[column] = width(text)
            return True
        return False


_UNBOUNDED = 1 << 30
Cells = list[tuple[object, list[Line]]]  # (column, the cell's lines), in order


def split_cells(lines: list[Line], column_at: Callable[[int], object | None], done: Callable[[int], bool],
                widths: Widths) -> list[Cells]:
    """The ways to cut ``lines`` into cells of the columns ``column_at(0)``, ``column_at(1)`` …
    (None: no further cell), ending after a count of cells for which ``done`` holds; each
    cell fits its column (:meth:`Widths.fits`). At most two ways are returned: enough to know
    there is not exactly one."""
    if len(lines) > MAX_RUN_LINES:
        return []
    memo: dict[tuple[int, int], list[Cells]] = {}

    def ways(start: int, cell: int) -> list[Cells]:
        if start == len(lines):
            return [[]] if done(cell) else []
        if (start, cell) not in memo:
            memo[(start, cell)] = found = []
            column = column_at(cell)
            end = start
            while column is not None and end < len(lines) and len(found) < 2:
                end += 1
                fits = widths.fits(column, lines[start:end], lines[end] if end < len(lines) else None)
                if fits is None:
                    break
                if fits:
                    found += [[(column, lines[start:end]), *rest] for rest in ways(end, cell + 1)][: 2 - len(found)]
        return memo[(start, cell)]

    return ways(0, 0)


@dataclass(slots=True)
class Run:
    """Lines whose cells were printed one after another, to be cut into cells of the columns
    ``column_at(0)``, ``column_at(1)`` … (see :func:`split_cells`), and the ways found."""

    lines: list[Line]
    column_at: Callable[[int], object | None]
    done: Callable[[int], bool]
    ways: list[Cells] = field(default_factory=list)

    @property
    def cells(self) -> Cells | None:
        """The cells, when exactly one way to cut the lines fits."""
        return self.ways[0] if len(self.ways) == 1 else None


def solve(runs: list[Run], widths: Widths) -> None:
    """Cut every run; the runs that cut one way only teach the columns' widths, which may
    settle others: repeat until the widths stop changing."""
    changed, rounds = True, 0
    while changed and rounds < _MAX_ROUNDS:
        changed, rounds = False, rounds + 1
        for run in runs:
            run.ways = split_cells(run.lines, run.column_at, run.done, widths)
            if len(run.ways) == 1:
                for column, lines in run.ways[0]:
                    changed |= widths.learn(column, lines)


def cell_text(lines: list[Line]) -> str:
    """A cell's wrapped lines, joined: each filled its column, so no break was the writer's."""
    return "".join(line.text for line in lines)


# -- rebuilding the rows ---------------------------------------------------------------------------


class _Builder:
    def __init__(self, lines: list[Line]) -> None:
        self.lines = lines
        self.at = 0
        self.rows: list[Row] = []
        self.notes: list[Note] = []
        self.supplied: dict[str, str] = {}

    def build(self) -> PageText:
        while self.at < len(self.lines):
            line = self.lines[self.at]
            if _indicator_start(line):
                self._indicators()
            elif _task_start(line):
                self._tasks()
            elif _goal_labels(line) is not None:
                self._goal()
            else:
                self.row(line.number, list(enumerate(_head_cells(line.tokens))))
                self.at += 1
        return PageText(Sheet(None, self.rows), self.notes, self.supplied)

    def row(self, number: int, cells: list[tuple[int, str]]) -> None:
        self.rows.append(Row(number, [Piece(text, column, column) for column, text in cells]))

    def refuse(self, lines: list[Line], message: str, zh: str) -> None:
        self.notes.append(Note(lines[0].number, message, rows=lines[-1].last - lines[0].number + 1, zh=zh))

    # -- the goal ----------------------------------------------------------------------------------

    def _goal(self) -> None:
        line = self.lines[self.at]
        labels, rest = _goal_labels(line)
        texts = [(line.number, " ".join(rest))] if rest else []
        self.at += 1
        while self.at < len(self.lines) and not _part_start(self.lines[self.at]):
            texts.append((self.lines[self.at].number, self.lines[self.at].text))
            self.at += 1
        if len(labels) > 1:
            # 总体目标 | 中期目标 | 年度目标 side by side: a line does not say which box it is in;
            # the department reader says so for each of them.
            self.row(line.number, list(enumerate(labels)))
            for number, text in texts:
                self.row(number, [(0, text)])
            return
        goal = [join_wrapped([text for _, text in texts])] if texts else []
        self.row(line.number, list(enumerate(labels + goal)))

    # -- 年度重点工作任务 ----------------------------------------------------------------------------

    def _tasks(self) -> None:
        header: list[str] = []
        body: list[Line] = []
        start = self.at
        while self.at < len(self.lines):
            line = self.lines[self.at]
            tokens = line.tokens
            if _task_block(tokens[0]):
                if words.OPTIONAL_TASKS.match(words.key(tokens[0])) and header:
                    break  # 其他需完成的任务（可选填）closes the block
                if not header:
                    self.row(line.number, [(0, tokens[0])])
                tokens = tokens[1:]  # after the header: the block's label repeated on a new page
            columns = [words.task_column(token) for token in tokens]
            if tokens and all(columns):
                if not body and not set(columns) & {words.task_column(text) for text in header}:
                    if not header:
                        number = line.number
                    header += tokens  # the header, or the rest of it on the next line
            elif tokens:
                if not header or (_part_start(line) and self.at > start):
                    if self.at == start:  # a label with words after it that are not a header
                        self.row(line.number, list(enumerate(tokens, start=1)))
                        self.at += 1
                    break
                body.append(Line(line.number, " ".join(tokens), line.last))
            self.at += 1
        if header:
            self.row(number, list(enumerate(header, start=1)))
            _TaskRows(self, [words.task_column(text) for text in header]).read(body)

    # -- 绩效指标 -----------------------------------------------------------------------------------

    def _indicators(self) -> None:
        header: list[str] = []
        number = self.lines[self.at].number
        while self.at < len(self.lines):
            tokens = self.lines[self.at].tokens
            labels = [words.key(token) for token in tokens]
            if not header and len(tokens) == 1 and words.INDICATOR_BLOCK.fullmatch(labels[0]):
                header += tokens
            elif not _is_header_line(header) and _is_header_line(tokens):
                header += tokens
            elif _is_header_line(header) and all(words.value_column(label) or label in words.MEASURE_COLUMNS
                                                 for label in labels):
                header += tokens  # a header cell printed below the others ("实施周期指标值" "年度指标值")
            else:
                break
            self.at += 1
        first = self.at
        body = []
        while self.at < len(self.lines) and not _table_end(self.lines[self.at]):
            body.append(self.lines[self.at])
            self.at += 1
        if _is_header_line(header) and _name_at(header) < len(header) - 1:  # a value column after the names
            self.row(number, list(enumerate(header)))
            _IndicatorRows(self, header).read(body, at_end=self.at == len(self.lines))
        else:
            self.refuse(self.lines[first - 1 : self.at], "the 绩效指标 table has no header line (一级指标 二级指标 三级指标 and a value column); "
                        "its rows are not imported, fill them in by hand",
                        "绩效指标表没有表头行（一级指标、二级指标、三级指标和指标值列）；表中各行未导入，请对照原表补录")


@dataclass(slots=True)
class _Task:
    """A task printed cell after cell: its amount lines, and the two runs of text lines around
    them (``before`` ends with its cells before the amounts, ``after`` starts with the rest)."""

    amounts: list[Line]
    before: Run
    after: Run
    theirs: int  # the cells at the start of ``before`` that belong to the task above
    mine: int  # the cells at the start of ``after`` that are this task's


class _TaskRows:
    """The task block below its header: a task on one line, or its cells one after another."""

    def __init__(self, builder: _Builder, columns: list[str]) -> None:
        self.builder = builder
        self.columns = columns
        self.amounts = [index for index, column in enumerate(columns) if column in ("金额", "财政拨款", "其他资金")]
        self.texts = [index for index in range(len(columns)) if index not in self.amounts]
        self.widths = Widths()

    def read(self, body: list[Line]) -> None:
        items: list[tuple[int, list[tuple[int, str]]] | _Task | Run] = []
        shapes = [self._whole_row(line.tokens) for line in body]
        run: list[Line] = []
        for index, (line, cells) in enumerate(zip(body, shapes)):
            # A task on one line, unless its first cell may be the rest of a wrapped line above,
            # or it has no amount and the next line, no task by itself, may hold it.
            amountless = cells is not None and not any(column in self.amounts for column, _ in cells)
            if (cells is None or (run and run[-1].whole)
                    or (amountless and index + 1 < len(body) and shapes[index + 1] is None)):
                run += line.pieces()
                continue
            if run:
                items += self._cell_after_cell(run)
                run = []
            for column, text in cells:
                self.widths.learn_width(column, text)
            items.append((line.number, [(column + 1, text) for column, text in cells]))
        if run:
            items += self._cell_after_cell(run)
        runs = [run for item in items if not isinstance(item, tuple)
                for run in ((item.before, item.after) if isinstance(item, _Task) else (item,))]
        solve(list({id(run): run for run in runs}.values()), self.widths)
        for item in items:
            if isinstance(item, tuple):
                self.builder.row(*item)
            elif isinstance(item, _Task):
                self._task(item)
            else:
                self._tasks_without_amounts(item)

    def _whole_row(self, tokens: list[str]) -> list[tuple[int, str]] | None:
        """A line that splits at its blanks into the task's cells: all of them, or all the text
        cells of a task printed without its amount."""
        numbers = [_is_amount(token) for token in tokens]
        if len(tokens) == len(self.columns) and numbers == [index in self.amounts for index in range(len(tokens))]:
            return list(enumerate(tokens))
        if self.amounts and len(tokens) == len(self.texts) and not any(numbers):
            return list(zip(self.texts, tokens))
        return None

    def _cell_after_cell(self, run: list[Line]) -> list[_Task | Run]:
        """A bare number is an amount (a text cell's line is not one), so the amounts cut the run:
        between one task's amounts and the next one's lie the text cells after the first and
        before the second, read on their own."""
        amounts = self.amounts
        if not amounts or amounts != list(range(amounts[0], amounts[-1] + 1)) or not any(
                _is_amount(line.text) for line in run):
            return [self._cycle(run)]
        before = [index for index in self.texts if index < amounts[0]]
        after = [index for index in self.texts if index > amounts[-1]]
        segments: list[list[Line]] = [[]]
        groups: list[list[Line]] = []
        for line in run:
            if not _is_amount(line.text):
                segments[-1].append(line)
                continue
            if segments[-1] or not groups:
                groups.append([])
                segments.append([])
            groups[-1].append(line)
        runs = [self._segment(lines, (after if index else []) + (before if index < len(groups) else []))
                for index, lines in enumerate(segments)]
        return [_Task(group, runs[index], runs[index + 1], len(after) if index else 0, len(after))
                for index, group in enumerate(groups)]

    def _segment(self, lines: list[Line], columns: list[int]) -> Run:
        return Run(lines, lambda cell: columns[cell] if cell < len(columns) else None, lambda cell: cell == len(columns))

    def _cycle(self, run: list[Line]) -> Run:
        """Tasks of text cells only, one after another (no amounts printed)."""
        texts = self.texts
        return Run(run, lambda cell: texts[cell % len(texts)], lambda cell: cell > 0 and cell % len(texts) == 0)

    def _task(self, task: _Task) -> None:
        problems = []
        if len(task.amounts) != len(self.amounts):
            shown = preview([line.text for line in task.amounts])
            problems.append((f"{len(task.amounts)} amounts ({shown}) for {len(self.amounts)} amount columns",
                             f"{len(task.amounts)}个金额（{shown}）而金额有{len(self.amounts)}列"))
        for run, side, side_zh in ((task.before, "before", "之前"), (task.after, "after", "之后")):
            if run.cells is None:
                problems.append(self._cannot_cut(run, f"the lines {side} it", f"金额{side_zh}的各行"))
        own_before = task.before.cells[task.theirs:] if task.before.cells is not None else None
        own_after = task.after.cells[: task.mine] if task.after.cells is not None else None
        amounts = "、".join(line.text for line in task.amounts)
        if problems:
            lines = [*(task.before.lines if own_before is None else [line for _, cell in own_before for line in cell]),
                     *task.amounts,
                     *(task.after.lines if own_after is None else [line for _, cell in own_after for line in cell])]
            self.builder.refuse(lines, f"年度重点工作任务, the task with the amount {amounts}: "
                                + "; ".join(english for english, _ in problems)
                                + "; the task is not imported, fill it in by hand",
                                f"年度重点工作任务中金额为{amounts}的任务：" + "；".join(chinese for _, chinese in problems)
                                + "；这项任务未导入，请对照原表补录")
            return
        cells = [(column + 1, cell_text(lines)) for column, lines in own_before]
        cells += [(column + 1, line.text) for column, line in zip(self.amounts, task.amounts)]
        cells += [(column + 1, cell_text(lines)) for column, lines in own_after]
        first = own_before[0][1][0] if own_before else task.amounts[0]
        self.builder.row(first.number, sorted(cells))

    def _tasks_without_amounts(self, run: Run) -> None:
        if run.cells is None:
            english, chinese = self._cannot_cut(run, "the lines", "这些行")
            self.builder.refuse(run.lines, f"年度重点工作任务: {english}; these tasks are not imported, fill them in "
                                "by hand", f"年度重点工作任务：{chinese}；这些任务未导入，请对照原表补录")
            return
        count = len(self.texts)
        for start in range(0, len(run.cells), count):
            task = run.cells[start : start + count]
            self.builder.row(task[0][1][0].number, [(column + 1, cell_text(lines)) for column, lines in task])

    def _cannot_cut(self, run: Run, what: str, what_zh: str) -> tuple[str, str]:
        return cannot_cut(run, [self.columns[column] for column in _columns_named(run)], what, what_zh)


def _columns_named(run: Run) -> list[object]:
    """The columns a run's lines are to be cut into, in order (one round of a cycle)."""
    columns: list[object] = []
    while (column := run.column_at(len(columns))) is not None and not (columns and run.done(len(columns))):
        columns.append(column)
    return columns


def cannot_cut(run: Run, columns: list[str], what: str, what_zh: str) -> tuple[str, str]:
    """Why a run was not read: its lines, the columns, and whether no cut or several fit."""
    shown = preview([line.text for line in run.lines])
    names = " | ".join(columns)
    if run.ways:
        return (f"{what} ({shown}) can be cut into {names} in more than one way",
                f"{what_zh}（{shown}）切分为{names}不止一种分法")
    return f"{what} ({shown}) cannot be cut into {names}", f"{what_zh}（{shown}）无法切分为{names}"


@dataclass(slots=True)
class _Labels:
    """The 一级/二级 labels a line starts with, for the row they head."""

    number: int
    texts: list[str]


class _IndicatorRows:
    """The 绩效指标 table below its header: 一级/二级 labels, then for each 三级指标 its name and
    values, on one line or cell after cell."""

    def __init__(self, builder: _Builder, header: list[str]) -> None:
        self.builder = builder
        keys = [words.key(text) for text in header]
        self.name = _name_at(header)
        self.level_columns = {level: keys.index(label) if label in keys else self.name - 3 + level
                              for label, level in words.HEADER_LEVELS.items() if level < 3}
        self.columns = header[self.name :]  # the name and the columns after it
        self.cells = len(self.columns)
        self.widths = Widths()
        self.level1: str | None = None

    def read(self, body: list[Line], at_end: bool) -> None:
        items: list[tuple[_Labels | None, Run | tuple[int, list[str]] | None]] = []
        parts = [self._labels_first(line) for line in body]
        labels: _Labels | None = None  # of the run being gathered
        run: list[Line] = []

        for line, (heads, rest) in zip(body, parts):
            # A row on one line, unless its first cell may be the rest of a wrapped line above.
            whole = len(rest) == self.cells and (heads or not run or not run[-1].whole)
            if (heads or whole) and run:
                items.append((labels, self._run(run)))
                run, labels = [], None
            if not rest:
                items.append((_Labels(line.number, heads), None))
            elif whole:
                for offset, text in enumerate(rest):
                    self.widths.learn_width(offset, text)
                items.append((_Labels(line.number, heads) if heads else None, (line.number, rest)))
            else:
                if not run and heads:
                    labels = _Labels(line.number, heads)
                run += Line(line.number, " ".join(rest), line.last).pieces()
        if run:
            items.append((labels, self._run(run)))
        solve([item for _, item in items if isinstance(item, Run)], self.widths)
        for index, (heads, item) in enumerate(items):
            following = items[index + 1][0] if index + 1 < len(items) else None
            if isinstance(item, Run):
                self._emit_run(heads, item, following, index == len(items) - 1, at_end)
            else:
                self._emit(heads, item, following)

    def _labels_first(self, line: Line) -> tuple[list[str], list[str]]:
        """The 一级/二级 labels a line starts with, and the rest of it."""
        tokens = line.tokens
        count = 0
        while count < len(tokens) and _is_level_label(tokens[count]):
            count += 1
        return tokens[:count], tokens[count:]

    def _run(self, pieces: list[Line]) -> Run:
        """Rows whose cells follow one another: 三级指标, then its values, then the next row's."""
        cells = self.cells
        return Run(pieces, lambda cell: cell % cells, lambda cell: cell > 0 and cell % cells == 0)

    def _emit(self, heads: _Labels | None, item: tuple[int, list[str]] | None, following: _Labels | None) -> None:
        number = item[0] if item else heads.number
        cells = self._label_cells(heads, following, bool(item), number) if heads else []
        if item:
            cells += [(self.name + offset, text) for offset, text in enumerate(item[1])]
        self.builder.row(number, cells)

    def _emit_run(self, heads: _Labels | None, run: Run, following: _Labels | None, last: bool, at_end: bool) -> None:
        if run.cells is None:
            self._refuse(heads, run, last and at_end)
            if heads and not last:
                self._emit(heads, None, following)  # the labels still head the rows below
            return
        cells = run.cells
        for start in range(0, len(cells), self.cells):
            row = cells[start : start + self.cells]
            number = row[0][1][0].number
            placed = self._label_cells(heads, following, True, number) if heads and start == 0 else []
            placed += [(self.name + offset, cell_text(lines)) for offset, (_, lines) in enumerate(row)]
            self.builder.row(number, placed)

    def _label_cells(self, heads: _Labels, following: _Labels | None, has_row: bool, number: int) -> list[tuple[int, str]]:
        """Each label in its column: 一级 or 二级 by what it spells; 成本指标 and 满意度指标 spell
        both, and are the 一级 when a 二级 label follows them. A 二级 under another 一级 than
        the one the form gives it starts that 一级 (the text did not print it: a merged cell)."""
        cells = []
        texts = heads.texts
        for index, text in enumerate(texts):
            as1, as2 = words.level1(text), words.level2(text)
            if as1 and as2:
                then = texts[index + 1] if index + 1 < len(texts) else (
                    following.texts[0] if following is not None and not has_row else None)
                as1, as2 = (as1, None) if then is not None and words.level2(then) else (None, as2)
            if as1:
                self.level1 = as1
                cells.append((self.level_columns[1], text))
                continue
            parent = words.LEVEL1_OF.get(as2)
            if parent and parent != self.level1 and not any(column == self.level_columns[1] for column, _ in cells):
                self.level1 = parent
                cells.append((self.level_columns[1], parent))
                self.builder.supplied[parent] = f"原表第{number}行只印出二级指标“{text}”，没有印出一级指标；按表样补“{parent}”"
                self.builder.notes.append(Note(number, f"二级指标 “{text}” has no 一级指标 printed above it; put under "
                                               f"{parent}, the 一级 the form gives it; check against the original",
                                               skipped=False, zh=f"二级指标“{text}”上面没有印出一级指标：按表样放在“{parent}”"
                                               "下，请对照原表核对"))
            cells.append((self.level_columns[2], text))
        return cells

    def _refuse(self, heads: _Labels | None, run: Run, at_end: bool) -> None:
        lines = run.lines
        under = f"{' '.join(heads.texts)} " if heads else ""
        shown = preview([line.text for line in lines])
        if at_end and not run.ways:
            self.builder.refuse(lines, f"the text ends inside the 绩效指标 table: {under}{shown} has no values, and any "
                                "rows after it are not in the text (cut off); fill them in from the original",
                                f"文本在绩效指标表中途结束：{under}{shown}没有指标值，其后各行也不在文本中（被截断）；"
                                "请对照原表补录")
            return
        english, chinese = cannot_cut(run, self.columns, "the lines", "这些行")
        self.builder.refuse(lines, f"绩效指标 {under}{english}; these indicators are not imported, fill them in by hand",
                            f"绩效指标{under}{chinese}；这些指标未导入，请对照原表补录")



def _is_level_label(token: str) -> bool:
    return bool(words.level1(token) or words.level2(token))


def _table_end(line: Line) -> bool:
    """What follows the 绩效指标 table: 备注, or the title of another table."""
    return words.key(line.tokens[0]) == words.REMARK or (len(line.tokens) == 1 and words.is_title(line.text))


# -- what a line is ----------------------------------------------------------------------------------


def _head_cells(tokens: list[str]) -> list[str]:
    """A head line's cells: each label and each number its own cell, the words between labels one."""
    cells: list[str] = []
    words_between: list[str] = []
    for token in tokens:
        if is_label(token) or _is_amount(token) or inline_field(token) is not None:
            if words_between:
                cells.append(" ".join(words_between))
                words_between = []
            cells.append(token)
        else:
            words_between.append(token)
    if words_between:
        cells.append(" ".join(words_between))
    return cells


def _goal_labels(line: Line) -> tuple[list[str], list[str]] | None:
    """The goal labels a line starts with, and the text after them."""
    tokens = line.tokens
    count = 0
    while count < len(tokens) and words.DEPARTMENT_GOALS.match(words.key(tokens[count])):
        count += 1
    return (tokens[:count], tokens[count:]) if count else None


def _task_block(token: str) -> bool:
    return bool(words.TASK_BLOCK.fullmatch(words.key(token)))


def _task_start(line: Line) -> bool:
    tokens = line.tokens
    return _task_block(tokens[0]) or (len(tokens) > 1 and all(words.task_column(token) for token in tokens)
                                       and "名称" in {words.task_column(token) for token in tokens})


_NAME_HEADERS = ("三级指标", "指标名称", "指标内容")


def _name_at(header: list[str]) -> int:
    return next(index for index, text in enumerate(header) if words.key(text) in _NAME_HEADERS)


def _is_header_line(tokens: list[str]) -> bool:
    labels = {words.key(token) for token in tokens}
    return bool(labels & set(_NAME_HEADERS)) and bool(labels & {"一级指标", "二级指标"})


def _indicator_start(line: Line) -> bool:
    tokens = line.tokens
    return _is_header_line(tokens) or (len(tokens) == 1 and bool(words.INDICATOR_BLOCK.fullmatch(words.key(tokens[0])))
                                       and words.key(tokens[0]) != "指标")


def _part_start(line: Line) -> bool:
    """A line that begins another part of the form: goals, tasks, the indicator table."""
    return _goal_labels(line) is not None or _task_start(line) or _indicator_start(line)
