"""The 绩效指标 table: header row, then one row per 三级指标 under carried 一级/二级 labels.

Exports shift cells: the 一级/二级 labels are blank under merged cells (carry them down),
a 二级 label turns up in the 一级 column ("时效指标") or in column 0 ("生态效益",
"可持续影响 指标"), a 三级 name sits in the 二级 column or in column 0 ("服务对象满意度(%)"
after the 满意度 block), and values drift one column right. So a row is read by what its
cells *are*: left of the 三级指标 column, a cell that spells a level label is that label;
the first other cell is the indicator's name and the cells after it its values. Values are
placed by the header's columns when the row lines up with them, else in order when there
are exactly as many as the header has value columns. Anything else is a note, not a guess.
"""

from __future__ import annotations

from dataclasses import dataclass

from lint.importer import vocabulary as words
from lint.importer.grid import Piece, Row
from lint.importer.model import Level1, Level2, Note, Project, SourceIndicator, preview


@dataclass(slots=True)
class Header:
    """Where the header row put its labels: level columns and value columns (0-based)."""

    level_columns: dict[int, int]  # 1/2/3 → column
    values: list[tuple[str, int]]  # (target-file key, column), left to right
    row: int
    ignored: frozenset[int] = frozenset()  # columns the target file has no key for (权重, 指标方向 …)
    measure: int | None = None  # a 计量单位 column: its text is joined to the values ("≥24" + "场")

    @property
    def name_column(self) -> int:
        return self.level_columns[3]

    def column_name(self, column: int) -> str:
        """How a comment names a column: by its header label, else by its number."""
        for level, at in self.level_columns.items():
            if at == column:
                return ("一级指标", "二级指标", "三级指标")[level - 1] + "列"
        for label, at in self.values:
            if at == column:
                return label + "列"
        return f"第{column + 1}列"


def read_header(row: Row) -> tuple[Header | None, list[str]]:
    """A header row (一级指标 … 三级指标 … value columns), and labels it did not know."""
    levels: dict[int, int] = {}
    values: list[tuple[str, int]] = []
    unknown: list[Piece] = []
    measure: int | None = None
    for piece in row.own():
        label = words.key(piece.text)
        if label in words.HEADER_LEVELS:
            levels.setdefault(words.HEADER_LEVELS[label], piece.first)
        elif label in ("指标名称", "指标内容") and 3 not in levels:
            levels[3] = piece.first
        elif (column := words.value_column(piece.text)) is not None:
            if column not in (key for key, _ in values):
                values.append((column, piece.first))
        elif label in words.MEASURE_COLUMNS and measure is None:
            measure = piece.first
        elif label != words.INDICATORS:
            unknown.append(piece)
    names = [piece.text for piece in unknown]
    if 3 not in levels or not values:
        return None, names
    levels.setdefault(2, levels[3] - 1)
    levels.setdefault(1, levels[2] - 1)
    ignored = frozenset(piece.first for piece in unknown if piece.first > levels[3])
    return Header(levels, values, row.number, ignored, measure), names


def header_notes(header: Header | None, unknown: list[str]) -> list[tuple[str, str, bool]]:
    """What a note tells of a 绩效指标 header read by :func:`read_header`: (English, Chinese,
    whether the table is skipped)."""
    if header is None:
        return [("绩效指标 header without value columns (实施周期指标值/年度指标值/指标值); table not imported",
                 "绩效指标表头没有指标值列（实施周期指标值、年度指标值或指标值）；这张表未导入", True)]
    if unknown:
        return [(f"绩效指标 header columns {preview(unknown)} have no key in a target file; their cells are not imported",
                 f"绩效指标表头的{preview(unknown)}列在目标文件里没有对应栏目；这些列的内容未导入", False)]
    return []


def is_header(row: Row) -> bool:
    """The 绩效指标 header row: 一级指标 | 二级指标 | 三级指标 (or 指标名称) | value columns."""
    labels = {words.key(text) for text in row.texts()}
    return bool(labels & {"三级指标", "指标名称", "指标内容"}) and ("一级指标" in labels or "二级指标" in labels)


class TableReader:
    """Reads the rows after a header into ``project.tree``, carrying 一级/二级 down."""

    def __init__(self, project: Project, header: Header, sheet: str | None) -> None:
        self.project = project
        self.header = header
        self.sheet = sheet
        self.level1: str | None = None  # canonical labels currently in force
        self.level2: str | None = None
        self.notes: list[Note] = []
        # Per row: the cells placed (with the header's column for each), and the deepest key written.
        self.placed: list[tuple[Piece, int, str]] = []
        self.touched: Level1 | Level2 | None = None
        project.value_columns = [key for key, _ in header.values]
        project.measure_column = project.measure_column or header.measure is not None
        project.has_indicator_table = True

    def note(self, row: Row, message: str, zh: str) -> None:
        self.notes.append(Note(row.number, message, self.sheet, zh=zh))

    def read(self, row: Row) -> None:
        pieces = [piece for piece in row.pieces if not self._is_filler(piece)]
        labels = [piece for piece in pieces if piece.first < self.header.name_column and _is_level_label(piece)]
        content = [piece for piece in pieces if piece not in labels]
        if all(piece.continued for piece in content):
            content = []  # only the lower part of cells merged down from the row above: nothing new
        else:
            # A name or value merged down from above belongs to this row too; a stray cell in the
            # label columns merged down does not make a new indicator.
            content = [piece for piece in content if not piece.continued or piece.first >= self.header.name_column]
        self.placed, self.touched = [], None
        if not self._apply_labels(row, labels):
            return
        target = self._indicator(row, content) if content else self.touched
        if target is not None and (comment := self._shift_comment(row)):
            target.comments.append(comment)

    def _shift_comment(self, row: Row) -> str | None:
        """Say where a row's labels or name sat when not under their header: the reader checks the form."""
        shifts = {piece.first - column for piece, column, _ in self.placed}
        if not shifts or shifts == {0}:
            return None
        if len(shifts) == 1 and len(self.placed) > 1:
            shift = shifts.pop()
            return f"原表第{row.number}行整行{'左' if shift < 0 else '右'}移{abs(shift)}列"
        moved = [f"{what}在{self.header.column_name(piece.first)}" for piece, column, what in self.placed
                 if piece.first != column]
        return f"原表第{row.number}行" + "，".join(moved)

    def _is_filler(self, piece: Piece) -> bool:
        """The 绩效指标 label merged down the table's left edge, and similar repeats of the header."""
        label = words.key(piece.text)
        return piece.first < self.header.name_column and (label == words.INDICATORS or label in words.HEADER_LEVELS)

    # -- 一级 / 二级 labels -------------------------------------------------------------

    def _apply_labels(self, row: Row, labels: list[Piece]) -> bool:
        """Set the 一级/二级 in force from this row's labels; False when they contradict each other."""
        own = [piece for piece in labels if not piece.continued]
        found1, found2 = self._resolve(own)
        if found1 is None and found2 is None and len(own) > 0:
            self.note(row, f"cannot tell which 一级/二级指标 the labels {_quote(own)} are; row not imported",
                      f"看不出标签{_quote(own)}是哪个一级/二级指标；这一行未导入")
            return False
        # A label merged down from above spans this row, unless the row writes its own.
        merged1, merged2 = self._resolve([piece for piece in labels if piece.continued])
        level1 = found1 or (merged1 if merged1 and merged1[0] != self.level1 else None)
        level2 = found2 or (merged2 if found1 is None and merged2 and merged2[0] != self.level2 else None)
        if level1:
            self._enter_level1(row, *level1)
        if level2:
            if self.level1 is None:
                self.note(row, f"二级指标 “{level2[1].text}” comes before any 一级指标; row not imported",
                          f"二级指标“{level2[1].text}”前面没有一级指标；这一行未导入")
                return False
            self._enter_level2(row, *level2)
        return True

    def _resolve(self, labels: list[Piece]) -> tuple[tuple[str, Piece] | None, tuple[str, Piece] | None]:
        """Which pieces are the 一级 and which the 二级 label (None, None when ambiguous)."""
        level1 = level2 = None
        for index, piece in enumerate(labels):
            as1, as2 = words.level1(piece.text), words.level2(piece.text)
            if as1 and as2:
                # 成本指标 / 满意度指标 are both: a 一级 when a 二级 follows it in the row, or
                # when it stands left of the 二级 column; else a 二级 (older forms).
                followed = index + 1 < len(labels)
                as1, as2 = (as1, None) if followed or piece.first < self.header.level_columns[2] else (None, as2)
            if as1:
                if level1 is not None:
                    return None, None
                level1 = (as1, piece)
            elif as2:
                if level2 is not None:
                    return None, None
                level2 = (as2, piece)
        return level1, level2

    def _enter_level1(self, row: Row, canonical: str, piece: Piece) -> None:
        if canonical != self.level1:
            self.level1, self.level2 = canonical, None
        self.touched = self.project.tree.setdefault(canonical, Level1(piece.text))
        if not piece.continued:
            self.placed.append((piece, self.header.level_columns[1], f"“{piece.text}”"))

    def _enter_level2(self, row: Row, canonical: str, piece: Piece) -> None:
        self.level2 = canonical
        level1 = self.project.tree[self.level1]
        fresh = canonical not in level1.groups
        self.touched = level1.groups.setdefault(canonical, Level2(piece.text))
        if piece.continued:
            return
        self.placed.append((piece, self.header.level_columns[2], f"“{piece.text}”"))
        if canonical == "成本指标" and self.level1 != "成本指标" and fresh:
            self.touched.comments.append("旧式表样：成本指标为产出指标下的二级指标")

    # -- 三级指标 ---------------------------------------------------------------------------

    def _indicator(self, row: Row, content: list[Piece]) -> SourceIndicator | None:
        name, *rest = content
        unit = next((piece for piece in rest if piece.first == self.header.measure), None)
        rest = [piece for piece in rest if piece is not unit]
        values = self._by_position(name, rest) or self._in_order(rest)
        if values is None:
            count = len(self.header.values)
            columns = "/".join(key for key, _ in self.header.values)
            self.note(row, f"三级指标 “{name.text}” has {len(rest)} value cells ({_quote(rest)}) for {count} value "
                           f"column{'s' if count > 1 else ''} ({columns}); cannot tell which is which; row not imported",
                      f"三级指标“{name.text}”有{len(rest)}个值（{_quote(rest)}），而指标值有{count}列（{columns}）："
                      "分不清哪个值属于哪一列；这一行未导入")
            return None
        if name.first != self.header.name_column and not rest:
            # A lone cell away from the 三级指标 column could be a shifted name with blank values,
            # or a remark typed under the table: do not make an indicator of it.
            self.note(row, f"lone cell “{name.text}” in {self.header.column_name(name.first)}, with no values; "
                           "not read as a 三级指标; row not imported",
                      f"{self.header.column_name(name.first)}里单独一格“{name.text}”，没有指标值：不当作三级指标；"
                      "这一行未导入")
            return None
        if self.level1 is None or self.level2 is None:
            missing = "一级" if self.level1 is None else "二级"
            self.note(row, f"三级指标 “{name.text}” has no {missing}指标 above it; row not imported",
                      f"三级指标“{name.text}”上面没有{missing}指标；这一行未导入")
            return None
        if unit is not None:
            values = {key: _with_unit(value, unit.text) for key, value in values.items()}
        indicator = SourceIndicator(name.text, values, row.number)
        self.placed.append((name, self.header.name_column, "三级指标"))
        if all(not value for value in values.values()):
            indicator.comments.append(f"原表第{row.number}行指标值为空")
        self.project.tree[self.level1].groups[self.level2].rows.append(indicator)
        return indicator

    def _by_position(self, name: Piece, rest: list[Piece]) -> dict[str, str] | None:
        """Values placed by the header's columns, when the row lines up with the header."""
        if name.first != self.header.name_column:
            return None
        values = {key: "" for key, _ in self.header.values}
        for piece in rest:
            if piece.first in self.header.ignored:
                continue  # under a header column the target file has no key for; the header note says so
            keys = [key for key, column in self.header.values if piece.first <= column <= piece.last]
            if not keys or piece.first not in (column for _, column in self.header.values):
                return None
            for key in keys:
                if values[key]:
                    return None
                values[key] = piece.text
        return values

    def _in_order(self, rest: list[Piece]) -> dict[str, str] | None:
        """Values in order, when the row has exactly one per value column (or none at all)."""
        keys = [key for key, _ in self.header.values]
        texts = [text for piece in rest for text in [piece.text] * self._columns_covered(piece)]
        if not texts:
            return {key: "" for key in keys}
        if len(texts) != len(keys):
            return None
        return dict(zip(keys, texts))

    def _columns_covered(self, piece: Piece) -> int:
        """A value merged across both value columns counts for each of them."""
        return max(1, sum(1 for _, column in self.header.values if piece.first <= column <= piece.last))


def _with_unit(value: str, unit: str) -> str:
    """``≥24`` and 计量单位 ``场`` → ``≥24场``; a value that already ends with its unit stays as it is."""
    return value if not value or value.endswith(unit) else value + unit


def _is_level_label(piece: Piece) -> bool:
    return bool(words.level1(piece.text) or words.level2(piece.text))


def _quote(pieces: list[Piece]) -> str:
    return "、".join(f"“{piece.text}”" for piece in pieces)
