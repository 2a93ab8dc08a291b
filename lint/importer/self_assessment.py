"""Import a 项目支出绩效自评表 (self-assessment) as a ``自评:`` target file.

Three layouts are in use (the central 公开 form 10 + 90, the Sichuan form 预算执行情况(10分) /
绩效指标(90分) with a 权重 column, the county 20 + 80 form); all are read by their labels, in the
order the cells come: head fields (项目名称, 主管部门 …), the budget block (its column labels,
then each line's label and values), the goals block, the 绩效指标 header (its value columns,
the split 指标性质 | 指标值 | 度量单位 in place of a spanning 年度指标值), indicator rows under
their 一级/二级 labels, and the footer (总分/合计, 评价等级, text boxes).

Sources are workbooks, tab-separated text, and the text layer of published pages ("| a | b |"
lines, one cell a line, or cells run together — cut at the form's labels by
:mod:`lint.importer.self_assessment_text`). A page's text layer breaks rows across lines and
sometimes runs cells out of order, so values are taken only when a row gives exactly one per
column (a remark column such as 偏差原因 may be left off at the end), or when only one reading
of them fits the columns (:func:`~lint.importer.self_assessment_text.place`); in running
text a name takes its cells only when everything before it since the last label is accounted
for. Anything else is reported with its row number and left out — a name is never paired
with another row's values.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from lint.importer import emit
from lint.importer import self_assessment_text as running
from lint.importer import vocabulary as words
from lint.importer.grid import Sheet
from lint.importer.model import Note
from lint.loading import labels as levels
from lint.loading.model import PROJECT_TITLE, SELF_ASSESSMENT_FIELDS, SELF_ASSESSMENT_SIGNERS

__all__ = ["is_self_assessment", "read_self_assessment"]


@dataclass(slots=True)
class Token:
    text: str  # the cell as printed
    key: str  # the cell as a label: folded, simplified, pinyin and spaces removed
    row: int
    line_end: bool = False  # the last cell of its source row
    fused: bool = False  # cut out of running text between two labels: may hold several cells


@dataclass(slots=True)
class Line:
    label: str
    values: dict[str, str] | None  # None: not read (a note says why)
    row: int


@dataclass(slots=True)
class Indicator:
    name: str
    values: dict[str, str]
    row: int


@dataclass(slots=True)
class Form:
    fields: dict[str, str] = field(default_factory=dict)
    units: list[str] = field(default_factory=list)
    years: list[int] = field(default_factory=list)
    title: str | None = None
    budget_key: str | None = None
    budget_points: str | None = None
    money_unit: str | None = None
    budget_lines: list[Line] = field(default_factory=list)
    goal_key: str | None = None
    goals: dict[str, str] = field(default_factory=dict)
    tree: dict[str, tuple[str, dict[str, tuple[str, list[Indicator]]]]] = field(default_factory=dict)
    # (一级, 二级 or "" before any) → rows not imported
    refused: dict[tuple[str, str], list[int]] = field(default_factory=dict)
    total_key: str | None = None
    total: dict[str, str] = field(default_factory=dict)
    grade: str | None = None
    texts: dict[str, str] = field(default_factory=dict)
    first_row: int = 0
    last_row: int = 0


def label_key(text: str) -> str:
    """A cell compared as a label: ASCII brackets, simplified characters, no pinyin, no spaces."""
    folded = words.key(text).translate(words.SELF_TRADITIONAL)
    return words.SELF_PINYIN.sub("", folded)


def _tokens(sheet: Sheet) -> tuple[list[Token], bool, bool, bool]:
    """The sheet's cells in reading order, whether rows are real (False: one cell a line),
    whether they are a grid's rows (a workbook or tab-separated text: a cell left off a row's
    end is a blank cell, not a cell the text lost), and whether cells run together (a text
    layer without separators, cut at the form's labels: cells may also be out of order)."""
    grid = sheet.name is not None or any(len(row.own()) > 1 for row in sheet.rows)
    if sheet.name is None and any(len(row.own()) == 1 and _runs_together(row.own()[0].text) for row in sheet.rows):
        return _running_tokens(sheet), False, False, True
    lines: list[tuple[int, list[str]]] = []
    for row in sheet.rows:
        own = row.own()
        if not own:
            continue
        cells: list[str] = []
        column = own[0].first
        for piece in own:
            if sheet.name is None and "|" in piece.text:
                parts = [part.strip() for part in piece.text.split("|")]
                if piece.text.startswith("|"):
                    parts = parts[1:]
                if piece.text.endswith("|") and parts:
                    parts = parts[:-1]
                cells += parts or [""]
            else:
                cells += [""] * max(0, piece.first - column) + [piece.text]
            column = piece.last + 1
        lines.append((row.number, cells))
    single = sum(1 for _, cells in lines if sum(1 for cell in cells if cell) <= 1)
    stream = bool(lines) and single >= 0.8 * len(lines)
    tokens: list[Token] = []
    for number, cells in lines:
        if stream:
            kept = [cell for cell in cells if cell] or [""]
        else:
            while cells and not cells[-1]:
                cells.pop()
            kept = cells
        for cell in kept:
            tokens.append(Token(cell, label_key(cell), number))
        if kept:
            tokens[-1].line_end = True
    return tokens, not stream, grid and not stream, False


def _runs_together(text: str) -> bool:
    """A text layer without cell boundaries: several head labels inside one cell."""
    key = label_key(text)
    return "|" not in text and sum(1 for label in ("项目名称", "主管部门", "实施单位", "预算", "得分") if label in key) >= 3


def _running_tokens(sheet: Sheet) -> list[Token]:
    """Each line a cell, and a line whose cells run together cut at the form's labels."""
    tokens: list[Token] = []
    for row in sheet.rows:
        for piece in row.own():
            if not _runs_together(piece.text):
                tokens.append(Token(piece.text, label_key(piece.text), row.number, line_end=True))
                continue
            for cut in running.split_run(piece.text):
                key = cut.key if cut.label else label_key(cut.text)
                tokens.append(Token(cut.text, key, row.number, fused=cut.fused))
    return tokens


def is_self_assessment(sheets: list[Sheet]) -> bool:
    """A 项目支出绩效自评表: a cell names it, or a header has 实际完成值/完成值 with 得分."""
    for sheet in sheets:
        keys = {label_key(piece.text) for row in sheet.rows for piece in row.own()}
        keys |= {label_key(cut.text) for row in sheet.rows for piece in row.own() if _runs_together(piece.text)
                 for cut in running.split_run(piece.text)}
        # A title-sized cell: prose that mentions 自评表 (a 批复意见) does not make the form one.
        if any(len(key) <= 80 and words.SELF_TITLE.search(key) for key in keys):
            return True
        if keys & {"实际完成值", "完成值"} and "得分" in keys:
            return True
    return False


def _column_name(key: str) -> str:
    """A column label without its "(A)", "(B/A)" or "(盖章)"."""
    return words.SELF_SUFFIX.sub("", key)


class _Reader:
    def __init__(self, tokens: list[Token], rows: bool, sheet: str | None, grid: bool = False,
                 loose: bool = False) -> None:
        self.tokens = tokens
        self.grid = grid  # a workbook's or tab-separated rows: trailing blank cells are blank
        self.rows = rows  # rows are real: a row's values end with its line
        self.loose = loose  # cells cut out of running text: a label's values run to the next label
        self.amounts_follow = False  # the budget lines' amounts stand on the lines after their labels
        self.sheet = sheet
        self.at = 0
        self.form = Form()
        self.notes: list[Note] = []
        self.budget_columns: list[str] = []
        self.columns: list[str] = []
        self.level1: str | None = None
        self.level2: str | None = None
        self.unfiled: list[Indicator] = []  # running text: rows read before any 二级 label
        self.unfiled_refused: list[int] = []  # … and the rows refused there

    def note(self, row: int, message: str, zh: str, skipped: bool = True) -> None:
        if not any(note.row == row and note.message == message for note in self.notes):
            self.notes.append(Note(row, message, self.sheet, skipped=skipped, zh=zh))

    # -- token kinds -------------------------------------------------------------------

    def field_of(self, token: Token) -> tuple[str, str | None] | None:
        key = _column_name(token.key).rstrip(":")
        if key in words.SELF_FIELDS:
            return words.SELF_FIELDS[key], None
        head, colon, value = token.key.partition(":")
        if colon and _column_name(head) in words.SELF_FIELDS:
            return words.SELF_FIELDS[_column_name(head)], token.text.replace("：", ":").split(":", 1)[1].strip()
        return None

    def is_label(self, token: Token, titles: bool = True) -> bool:
        key = token.key
        if not titles and words.SELF_TITLE.search(key) and not self.field_of(token):
            return False
        plain = words.SELF_NUMBERING.sub("", key)
        return bool(
            self.field_of(token) or words.SELF_BUDGET_BLOCK.match(key) or words.SELF_AMOUNT_LABEL.match(key)
            or _column_name(key) in words.SELF_BUDGET_COLUMNS or words.SELF_BUDGET_LINE.match(key)
            or plain in words.SELF_GOAL_BLOCKS or key in words.SELF_GOAL_COLUMNS or plain in words.SELF_TEXTS
            or key in words.SELF_SECTIONS or words.SELF_INDICATORS.match(key) or key in words.HEADER_LEVELS
            or _column_name(key) in words.SELF_ROW_COLUMNS or key in words.SELF_TOTALS or self.level_of(key)
            or words.SELF_TITLE.search(key) or words.SELF_FORM_NUMBER.match(key))

    @staticmethod
    def level_of(key: str) -> tuple[int, str] | None:
        text = key.removesuffix("等")
        if found := levels.level1(text):
            return 1, found
        if found := levels.level2(text):
            return 2, found
        return None

    # -- reading -----------------------------------------------------------------------

    def peek(self) -> Token | None:
        return self.tokens[self.at] if self.at < len(self.tokens) else None

    def values(self, count: int, start: Token) -> list[Token]:
        """The value cells after a label or name: to the end of its row (real rows) or, one cell
        a line, up to ``count``; never past a label."""
        taken: list[Token] = []
        if self.rows and start.line_end:
            return taken
        while (token := self.peek()) is not None and not self.is_label(token):
            if not self.rows and not self.loose and len(taken) >= count:
                break
            taken.append(token)
            self.at += 1
            if self.rows and token.line_end:
                break
        return taken

    def read(self) -> Form:
        while (token := self.peek()) is not None:
            self.at += 1
            self.form.first_row = self.form.first_row or token.row
            if token.text:
                self.form.last_row = token.row
            self.dispatch(token)
        return self.form

    def dispatch(self, token: Token) -> None:
        key = token.key
        plain = words.SELF_NUMBERING.sub("", key)
        if not token.text:
            return
        if words.SELF_TITLE.search(key) and self.field_of(token) is None:
            self.form.title = self.form.title or token.text
            self.form.years += [int(year) for year in words.SELF_YEAR.findall(key)]
        elif words.SELF_UNIT_NAME.match(key):
            self.form.units.append(token.text.replace("：", ":").split(":", 1)[1].strip())
        elif words.SELF_FORM_NUMBER.match(key):
            self.form.fields.setdefault("表号", token.text)
        elif found := self.field_of(token):
            self.head_field(token, *found)
        elif match := words.SELF_BUDGET_BLOCK.match(key):
            self.form.budget_key = match["key"]
            if points := words.SELF_POINTS.search(key):
                self.form.budget_points = points[1]
            if unit := words.SELF_MONEY_UNIT.search(token.text):
                self.form.money_unit = unit[1]
            self.budget_columns = []
        elif words.SELF_AMOUNT_LABEL.match(key):
            if unit := words.SELF_MONEY_UNIT.search(token.text):
                self.form.money_unit = unit[1]
        elif words.SELF_BUDGET_LINE.match(key):
            self.budget_line(token)
        elif plain in words.SELF_GOAL_BLOCKS:
            self.goals(token, plain)
        elif plain in words.SELF_TEXTS:
            self.text_box(token, plain)
        elif key in words.SELF_SECTIONS:
            pass
        elif self.loose and (words.SELF_INDICATORS.match(key) or key in words.HEADER_LEVELS or self.level_of(key) or (
                _column_name(key) in words.SELF_ROW_COLUMNS and _column_name(key) not in words.SELF_BUDGET_COLUMNS)):
            self.at -= 1
            self.running_rows()
        elif words.SELF_INDICATORS.match(key) or key in words.HEADER_LEVELS:
            self.columns = []
            self.header_label(token)
        elif key in words.SELF_TOTALS:
            self.total(token)
        elif (level := self.level_of(key)) and self.columns:
            self.enter_level(token, *level)
        elif self.columns:
            self.indicator(token)
        elif _column_name(key) in words.SELF_BUDGET_COLUMNS:
            name = _column_name(key)
            if name not in self.budget_columns:
                self.budget_columns.append(name)
        else:
            self.orphan(token)

    def orphan(self, token: Token) -> None:
        self.note(token.row, f"cell “{_short(token.text)}” is under no label of the form; not imported",
                  f"单元格“{_short(token.text)}”不在表上任何栏目之下；未导入")

    def head_field(self, token: Token, key: str, inline: str | None) -> None:
        if inline is not None:
            self.form.fields.setdefault(key, inline)
            return
        following = self.peek()
        if following is None or self.is_label(following, titles=False) or not following.text:
            if following is not None and not following.text:
                self.at += 1
            self.form.fields.setdefault(key, "")
            return
        self.at += 1
        self.form.fields.setdefault(key, following.text)

    def budget_line(self, token: Token) -> None:
        columns = self.budget_columns
        before = self.tokens[self.at - 2] if self.at >= 2 else None
        if (self.rows and not self.grid and token.line_end and before is not None and before.row == token.row
                and _column_name(before.key) in words.SELF_BUDGET_COLUMNS):
            # The first line's label closes the column labels' line: its amounts cannot stand
            # before it, so each line's stand after it, on the lines that follow.
            self.amounts_follow = True
        if self.rows and token.line_end and self.amounts_follow:
            taken = self.following()
        else:
            taken = self.values(len(columns), token)
        noise = [cut for cut in taken if cut.fused]
        if noise and columns:
            taken = self.amounts_of(taken)
        if columns and not self.grid and taken and (noise or not _one_each(columns, len(taken))):
            values = running.place(columns, [(cut.text, cut.fused) for cut in taken], budget=True,
                                   points=self.form.budget_points)
            if values is None:
                self.note(token.row, f"“{_short(token.text)}” has the cells {_shown(taken)} for the columns "
                          f"{'/'.join(columns)}: more than one reading or none fits them; row not imported",
                          f"“{_short(token.text)}”的值为{_shown(taken)}，栏目为{'/'.join(columns)}：对不上，或有不止一种"
                          "读法；这一行未导入，请对照原表补录")
        else:
            values = self.fit(token, columns, taken, what=token.text)
        self.form.budget_lines.append(Line(token.key, values, token.row))

    def following(self) -> list[Token]:
        """The cells after a label that ends its line, on the lines below, up to the next label."""
        taken: list[Token] = []
        while (token := self.peek()) is not None and not self.is_label(token):
            self.at += 1
            if token.text:
                taken.append(token)
        return taken

    def amounts_of(self, taken: list[Token]) -> list[Token]:
        """Running text after a budget line: its amounts are the leading run of figures; text
        after them is no amount of the line (reported)."""
        cells: list[Token] = []
        for cut in taken:
            if not cut.fused:
                cells.append(cut)
                continue
            match = running.AMOUNTS.match(cut.text)
            if match:
                cells.append(Token(match[0], match[0], cut.row, fused=True))
            rest = cut.text[match.end() if match else 0:].strip()
            if rest:
                self.orphan(Token(rest, label_key(rest), cut.row))
        return cells

    def fit(self, token: Token, columns: list[str], taken: list[Token], what: str) -> dict[str, str] | None:
        """Values to columns: one each, or a remark column left off at the end; else a note."""
        count = len(taken)
        if not columns:
            self.note(token.row, f"“{_short(what)}” comes before its column labels; row not imported",
                      f"“{_short(what)}”前面没有栏目标签；这一行未导入")
            return None
        if count == 0 and self.rows and not self.followed_by_values():
            return {}
        if self.grid and 0 < count < len(columns):
            taken = taken + [Token("", "", token.row)] * (len(columns) - count)
            count = len(columns)
        if _one_each(columns, count):
            return {column: cell.text for column, cell in zip(columns, taken)}
        shown = "、".join(f"“{cell.text}”" for cell in taken) or "none"
        self.note(token.row, f"“{_short(what)}” has {count} value cells ({shown}) for {len(columns)} columns "
                  f"({'/'.join(columns)}); the text does not say which is which; row not imported",
                  f"“{_short(what)}”有{count}个值（{shown if taken else '无'}），而栏目有{len(columns)}个"
                  f"（{'/'.join(columns)}）：看不出哪个值属于哪一栏；这一行未导入")
        if self.rows:
            self.skip_tail(token.row)
        return None

    def followed_by_values(self) -> bool:
        following = self.peek()
        return following is not None and bool(following.text) and not self.is_label(following)

    def skip_tail(self, row: int) -> None:
        """Real rows: the cells of following lines that start with no label belong to no row we know."""
        while (token := self.peek()) is not None and not self.is_label(token):
            self.at += 1
            if token.text:
                self.note(token.row, f"cell “{_short(token.text)}” may continue row {row} or start another; "
                          "not imported", f"单元格“{_short(token.text)}”可能接第{row}行，也可能另起一行；未导入")

    def goals(self, token: Token, key: str) -> None:
        self.form.goal_key = key
        columns: list[str] = []
        while (following := self.peek()) is not None and (following.key in words.SELF_GOAL_COLUMNS or not following.text):
            self.at += 1
            if following.text:
                columns.append(following.key)
        texts: list[Token] = []
        while len(texts) < len(columns) and (following := self.peek()) is not None and not self.is_label(following):
            self.at += 1
            if following.text:
                texts.append(following)
        if len(texts) != len(columns) or not columns:
            self.note(token.row, f"{token.text}: {len(texts)} texts for {len(columns)} columns; not imported",
                      f"{token.text}：{len(columns)}个栏目却有{len(texts)}段文字；未导入")
            return
        self.form.goals = {column: cell.text for column, cell in zip(columns, texts)}

    def text_box(self, token: Token, key: str) -> None:
        following = self.peek()
        if following is None or self.is_label(following):
            self.form.texts[key] = ""
            return
        self.at += 1
        self.form.texts[key] = following.text

    def header_label(self, token: Token) -> None:
        """The 绩效指标 header: its labels up to the first other cell; the split value columns
        take the place of a spanning 年度指标值."""
        found: list[str] = []
        tokens = [token] if token.key in words.HEADER_LEVELS else []
        while (following := self.peek()) is not None and (
                following.key in words.HEADER_LEVELS or _column_name(following.key) in words.SELF_ROW_COLUMNS
                or not following.text):
            self.at += 1
            tokens.append(following)
        for each in tokens:
            name = _column_name(each.key)
            if each.text and each.key not in words.HEADER_LEVELS and name not in found:
                found.append(name)
        found = _header_columns(found)
        self.columns = found
        self.level1 = self.level2 = None
        if not found:
            self.note(token.row, "绩效指标 header without value columns; table not imported",
                      "绩效指标表头没有指标值列；这张表未导入")

    def enter_level(self, token: Token, level: int, canonical: str) -> None:
        label = token.key.removesuffix("等")
        if level == 1 and self.level_of(label) == (1, canonical):
            following = self.peek()
            second = self.level_of(following.key) if following is not None else None
            if canonical in levels.LEVEL2 and second is None and self.level1 is not None:
                level = 2  # 成本指标 / 满意度指标 as a 二级 under the 一级 in force
        if level == 1:
            self.level1, self.level2 = canonical, None
            self.form.tree.setdefault(canonical, (label, {}))
        else:
            if self.level1 is None:
                self.note(token.row, f"二级指标 “{token.text}” comes before any 一级指标; not imported",
                          f"二级指标“{token.text}”前面没有一级指标；未导入")
                return
            if canonical == "服务对象满意度指标" and levels.level1(label):
                label = canonical
            self.level2 = canonical
            groups = self.form.tree[self.level1][1]
            groups.setdefault(canonical, (label if levels.level2(label) else canonical, []))
            # The cell after a 二级 label is its first 三级指标, even one that spells a label ("满意度").
            following = self.peek()
            if following is not None and following.text and (
                    (self.rows and not token.line_end) or not self.level_of(following.key)):
                if not self.is_label(following) or self.level_of(following.key):
                    self.at += 1
                    self.indicator(following)

    def indicator(self, token: Token) -> None:
        if self.loose:
            self.at -= 1
            self.running_rows()
            return
        taken = self.values(len(self.columns), token)
        if self.level1 is None or self.level2 is None:
            self.note(token.row, f"三级指标 “{_short(token.text)}” has no 一级/二级指标 above it; row not imported",
                      f"三级指标“{_short(token.text)}”上面没有一级/二级指标；这一行未导入")
            if self.rows:
                self.skip_tail(token.row)
            return
        if not taken and self.rows and not self.grid and token.line_end and (values := self.continued()):
            pass
        elif not taken and self.rows and not self.followed_by_values():
            values = None
            self.note(token.row, f"三级指标 “{_short(token.text)}” has no values on its row; row not imported",
                      f"三级指标“{_short(token.text)}”这一行没有值；这一行未导入")
        else:
            values = self.fit(token, self.columns, taken, what=token.text)
        if values is not None:
            self.form.tree[self.level1][1][self.level2][1].append(Indicator(token.text, values, token.row))
        else:
            self.refuse(token.row)

    def refuse(self, row: int) -> None:
        """A 三级 row of the group in force is not imported: the file says so where it stands."""
        if self.level2 is None and self.loose:
            self.unfiled_refused.append(row)
        elif self.level1 is not None:
            self.form.refused.setdefault((self.level1, self.level2 or ""), []).append(row)

    def continued(self) -> dict[str, str] | None:
        """A name that ends its line, its cells on the lines below up to the next label: taken
        when they fill its columns in one way only, and no line of them reads as a row of its
        own (a name with its cells); else nothing is consumed."""
        start = self.at
        cells = self.following()
        lines: dict[int, list[Token]] = {}
        for cell in cells:
            lines.setdefault(cell.row, []).append(cell)
        own_row = any(not running.value_like(line[0].text) and running.place(
            self.columns, [(cell.text, False) for cell in line[1:]], budget=False) for line in lines.values())
        values = None if own_row else running.place(self.columns, [(cell.text, False) for cell in cells], budget=False)
        if values is None:
            self.at = start
        return values

    # -- running text: rows whose cells may be out of order ---------------------------------

    def running_rows(self) -> None:
        """The 绩效指标 block of running text, to its footer. A name takes the value cells that
        follow it up to the next name or label, when they fill the columns in one way only and
        every cell before it is accounted for: since the last label, rows read so, or a stretch
        of rows out of order that holds whole rows' worth of cells, at least what its names
        need (none of its names can be waiting for cells further on). All else is reported."""
        items: list[tuple[str, Token, list[Token]]] = []  # ("row"|"stray"|"level"|"break", token, cells)
        found: list[str] = list(self.columns)
        while (token := self.peek()) is not None:
            plain = words.SELF_NUMBERING.sub("", token.key)
            if token.key in words.SELF_TOTALS or plain in words.SELF_TEXTS:
                break
            self.at += 1
            name = _column_name(token.key)
            if not token.text:
                continue
            following = self.peek()
            # A level label that value cells follow is a 三级 name that spells one ("满意度").
            named = following is not None and not following.fused and running.value_like(following.text)
            if self.level_of(token.key) and named and found:
                items.append(("row", token, []))
            elif self.level_of(token.key):
                items.append(("level", token, []))
            elif (name in words.SELF_ROW_COLUMNS or token.key in words.HEADER_LEVELS
                  or words.SELF_INDICATORS.match(token.key)):
                if name in words.SELF_ROW_COLUMNS and name not in found:
                    found.append(name)
                items.append(("break", token, []))
            elif self.is_label(token):
                self.orphan(token)
                items.append(("break", token, []))
            elif running.value_like(token.text) and not token.fused:
                if items and items[-1][0] == "row":
                    items[-1][2].append(token)
                else:
                    items.append(("stray" if found else "before", token, []))
            else:
                items.append(("row" if found else "before", token, []))  # before the value columns: no row
        self.columns = _header_columns(found)
        width = sum(1 for name in self.columns if name not in running.OPTIONAL)
        chain, names, cells = True, 0, 0  # whether all before is accounted for; the open stretch
        for kind, token, taken in items:
            if kind == "level":
                self.running_level(token)
                chain, names, cells = True, 0, 0
            elif kind == "before":
                self.orphan(token)
            elif kind == "break":
                chain = chain and names == 0
            elif kind == "stray" or not self.columns:
                self.orphan(token)
                chain, cells = False, cells + 1
            elif token.fused:
                self.note(token.row, f"“{_short(token.text, 80)}”: a name and its values run together without "
                          "separators; which is which cannot be told; row not imported",
                          f"“{_short(token.text, 80)}”：指标名称和各栏的值连在一起，没有分隔，分不清哪段是哪一栏；"
                          "这一行未导入，请对照原表补录")
                self.refuse(token.row)
                chain, names = False, names + 1
            else:
                values = running.place(self.columns, [(cell.text, False) for cell in taken], budget=False)
                closed = chain or (width and cells % width == 0 and cells >= names * width)
                if values is not None and closed:
                    row = Indicator(token.text, values, token.row)
                    if self.level2 is None:
                        self.unfiled.append(row)
                    else:
                        self.form.tree[self.level1][1][self.level2][1].append(row)
                    chain, names, cells = True, 0, 0
                    continue
                if not taken:
                    self.note(token.row, f"三级指标 “{_short(token.text)}” is not followed by its cells; row not imported",
                              f"三级指标“{_short(token.text)}”后面没有它的值；这一行未导入，请对照原表补录")
                elif values is None:
                    self.note(token.row, f"三级指标 “{_short(token.text)}” is followed by {_shown(taken)}, which do not "
                              f"fill {'/'.join(self.columns)} in one way; row not imported",
                              f"三级指标“{_short(token.text)}”后面是{_shown(taken)}，填不进{'/'.join(self.columns)}，"
                              "或不止一种填法；这一行未导入，请对照原表补录")
                else:
                    self.note(token.row, f"三级指标 “{_short(token.text)}” follows cells out of order: its cells "
                              f"{_shown(taken)} may be another row's; row not imported",
                              f"三级指标“{_short(token.text)}”前面的单元格次序是乱的，后面的{_shown(taken)}"
                              "可能是别的行的值；这一行未导入，请对照原表补录")
                self.refuse(token.row)
                chain, names, cells = False, names + 1, cells + len(taken)
        self.file_unfiled(None)

    def running_level(self, token: Token) -> None:
        level, canonical = self.level_of(token.key)
        parent = running.parent(canonical)
        if level == 2 and self.level2 is None and parent is not None and self.level1 in (None, parent):
            if self.level1 is None:
                self.level1 = parent
                self.form.tree.setdefault(parent, (parent, {}))
            self.file_unfiled(canonical)
        self.enter_level(token, level, canonical)
        self.file_unfiled(None)

    def file_unfiled(self, following: str | None) -> None:
        """Rows before any 二级 label: under the 二级 the form prints first when the first label
        that comes is its second ("质量指标" after the 数量指标 rows); else reported."""
        first = running.first_before(following) if following else None
        if (self.unfiled or self.unfiled_refused) and first is not None and self.level1 is not None:
            self.form.tree[self.level1][1].setdefault(first, (first, []))[1].extend(self.unfiled)
            if self.unfiled_refused:
                self.form.refused.setdefault((self.level1, first), []).extend(self.unfiled_refused)
            if self.unfiled:
                name = _short(self.unfiled[0].name)
                self.note(self.unfiled[0].row, f"the 二级 label over “{name}” is not in the text; its rows come "
                          f"before {following}, so they are filed under {first}, the form's first", f"“{name}”"
                          f"等行上面的二级指标不在文字里；它们在{following}之前，按表式记在{first}下", skipped=False)
        else:
            for row in self.unfiled:
                self.note(row.row, f"三级指标 “{_short(row.name)}” has no 一级/二级指标 above it; row not imported",
                          f"三级指标“{_short(row.name)}”上面没有一级/二级指标；这一行未导入")
            if self.level1 is not None and (self.unfiled or self.unfiled_refused):
                rows = self.form.refused.setdefault((self.level1, ""), [])
                rows += [row.row for row in self.unfiled] + self.unfiled_refused
        self.unfiled.clear()
        self.unfiled_refused.clear()

    def total(self, token: Token) -> None:
        self.form.total_key = token.key
        taken = self.values(3, token)
        if not self.rows:
            while taken and not taken[-1].text:
                taken.pop()  # blank cells after the total's own (one cell a line)
        grade = taken.pop() if len(taken) == 3 and label_key(taken[-1].text) in words.SELF_GRADES else None
        weight = next((name for name in self.columns if name in ("分值", "权重")), "分值")
        if len(taken) == 1 and not self.rows:
            taken.append(Token("", "", token.row))
        if len(taken) != 2:
            self.note(token.row, f"{token.text}: {len(taken)} cells for {weight}/得分; not imported",
                      f"{token.text}：{weight}/得分两栏却有{len(taken)}个值；未导入")
            return
        self.form.total = {weight: taken[0].text, "得分": taken[1].text}
        if grade is not None:
            self.form.grade = grade.text


def _one_each(columns: list[str], count: int) -> bool:
    """One value a column, or remark columns left off at the end."""
    keep = len(columns)
    while keep > count and columns[keep - 1] in words.SELF_REMARK_COLUMNS:
        keep -= 1
    return count == keep and count > 0


def _header_columns(found: list[str]) -> list[str]:
    """The value columns in their printed order; the split columns stand where 年度指标值,
    printed over them, stands."""
    if all(part in found for part in words.SELF_SPLIT) and words.SELF_SPANNING in found:
        rest = [name for name in found if name not in words.SELF_SPLIT]
        at = rest.index(words.SELF_SPANNING)
        return rest[:at] + list(words.SELF_SPLIT) + rest[at + 1:]
    return found


def _shown(cells: list[Token]) -> str:
    return "、".join(f"“{_short(cell.text, 12)}”" for cell in cells) or "—"


def _short(text: str, limit: int = 30) -> str:
    text = text.replace("\n", " ")
    return text if len(text) <= limit else text[:limit] + "…"


def read_self_assessment(sheets: list[Sheet]) -> tuple[list[tuple[Sheet, Form]], list[Note]]:
    """Each sheet's form, and the notes."""
    forms, notes = [], []
    for sheet in sheets:
        tokens, rows, grid, loose = _tokens(sheet)
        reader = _Reader(tokens, rows, sheet.name, grid, loose)
        form = reader.read()
        notes += reader.notes
        if "项目名称" in form.fields:
            forms.append((sheet, form))
    return forms, notes


# -- writing -----------------------------------------------------------------------------------


def _q(text: str) -> str:
    return emit.scalar(text, force_quotes=True)


def _flow(values: dict[str, str]) -> str:
    return "{" + ", ".join(f"{key}: {_q(value)}" for key, value in values.items()) + "}"




def write(header: list[str], unit: str | None, year: int | None, forms: list[tuple[str, Form]]) -> str:
    out = emit.head(header, unit, year, quote_unit=True)
    out.line("自评:")
    for source, form in forms:
        out.comment("  ", source)
        _form(out, form)
    return out.text()


def _form(out: emit.Writer, form: Form) -> None:
    keys = [key for key in (PROJECT_TITLE, *SELF_ASSESSMENT_FIELDS) if key in form.fields]
    for index, key in enumerate(keys):
        out.line(("  - " if index == 0 else "    ") + f"{key}: {_q(form.fields[key])}")
    if form.goal_key and form.goals and form.goal_key != "年度总体目标":
        _goals(out, form)
    for key in ("项目实施内容及过程概述",):
        if key in form.texts:
            out.line(f"    {key}: {_q(form.texts[key])}")
    if form.budget_key:
        out.line(f"    {form.budget_key}:")
        if form.budget_points is not None:
            out.line(f"      分值: {_q(form.budget_points)}")
        if form.money_unit is not None:
            out.line(f"      金额单位: {_q(form.money_unit)}")
        for line in form.budget_lines:
            if line.values is None:
                out.comment("      ", f"{line.label}：原表第{line.row}行的值未能导入，请对照原表补录")
            else:
                out.line(f"      {emit.scalar(line.label)}: {_flow(line.values)}", [f"原表第{line.row}行"])
    if form.goal_key == "年度总体目标" and form.goals:
        _goals(out, form)
    if form.tree:
        _tree(out, form)
    if form.total_key and form.total:
        out.line(f"    {form.total_key}: {_flow(form.total)}")
    if form.grade is not None:
        out.line(f"    评价等级: {_q(form.grade)}")
    for key in words.SELF_TEXTS:
        if key in form.texts and key != "项目实施内容及过程概述":
            out.line(f"    {key}: {_q(form.texts[key])}")
    for key in SELF_ASSESSMENT_SIGNERS:
        if key in form.fields:
            out.line(f"    {key}: {_q(form.fields[key])}")


def _tree(out: emit.Writer, form: Form) -> None:
    """The indicator tree. A group whose rows were all refused is not written as an empty
    one (the form's group was not empty): a comment stands in its place."""
    def missing(key1: str, key2: str, label: str, indent: str) -> None:
        refused = form.refused[(key1, key2)]
        rows = "、".join(str(row) for row in sorted(set(refused)))
        count = f"{len(refused)}个" if len(refused) > 1 else ""
        out.comment(indent, f"{label}：原表第{rows}行的{count}三级指标未能导入，请对照原表补录")

    def shown(key1: str, groups: dict) -> bool:
        if not groups:
            return (key1, "") not in form.refused
        return any(rows or (key1, key2) not in form.refused for key2, (_, rows) in groups.items())

    if any(shown(key1, groups) for key1, (_, groups) in form.tree.items()):
        out.line("    绩效指标:")
    for key1, (label1, groups) in form.tree.items():
        visible = shown(key1, groups)
        if not groups and visible:
            out.line(f"      {emit.scalar(label1)}: {{}}")
        elif visible:
            out.line(f"      {emit.scalar(label1)}:")
        if (key1, "") in form.refused:
            missing(key1, "", label1, "        " if groups and visible else "      ")
        for key2, (label2, rows) in groups.items():
            refused = (key1, key2) in form.refused
            if rows:
                out.line(f"        {emit.scalar(label2)}:")
                for row in rows:
                    out.line("          - " + _flow({"指标": row.name, **row.values}), [f"原表第{row.row}行"])
            elif not refused:
                out.line(f"        {emit.scalar(label2)}: []")
            if refused:
                missing(key1, key2, label2 if visible else f"{label1}/{label2}", "        " if visible else "      ")


def _goals(out: emit.Writer, form: Form) -> None:
    out.line(f"    {form.goal_key}:")
    for key, value in form.goals.items():
        out.line(f"      {key}: {_q(value)}")


def import_sheets(sheets: list[Sheet], *, shown: str, name: str, lang: str):
    """The ``jxlint import`` result for a self-assessment (called by :func:`lint.importer.import_table`)."""
    from lint.importer import TableImportError, ImportResult, _skipped

    forms, notes = read_self_assessment(sheets)
    if not forms:
        raise TableImportError(f"{name}: a 项目支出绩效自评表 without a 项目名称 cell; nothing imported",
                           f"{name}：项目支出绩效自评表里没有“项目名称”一格；未导入")
    notes.sort(key=lambda note: (next((i for i, each in enumerate(sheets) if each.name == note.sheet), 0), note.row))
    first = forms[0][1]
    unit = first.fields.get("实施单位") or (first.units[0] if first.units else None)
    years = [year for _, form in forms for year in form.years]
    year = years[0] if years else None
    header = [f"来源: {shown} — {first.title or '项目支出绩效自评表'}（{len(forms)}张自评表）",
              "由 jxlint import 生成：按原表逐格转录，未作更正；表中的问题正是 jxlint 要发现的。"]
    skipped = [note for note in notes if note.skipped]
    if skipped:
        header.append(f"未能导入的行（{_skipped(notes)}行），请对照原表补录：")
        header += [f"  {note.render('zh')}" for note in skipped]
    sources = []
    for sheet, form in forms:
        where = f"第{form.first_row}–{form.last_row}行"
        sources.append((f"来源: {shown} {where}" if sheet.name is None else f"来源: {shown} 工作表 {sheet.name} {where}",
                        form))
    text = write(header, unit or None, year, sources)
    return ImportResult(text, [note.render(lang) for note in notes], _skipped(notes), year_missing=year is None,
                        unit_missing=not unit)
