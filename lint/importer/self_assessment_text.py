"""Self-assessment text without cell boundaries, and which cell of a row is which.

A document's text layer may run a form's cells together: with a space between cells (a
sheet's text layer: "项目名称 国家基本公共卫生服务 主管部门 …") or with nothing at all (a
.docx text layer: "项目名称东津院区建设补助主管部门襄阳市卫生健康委…"). The form's own labels
are known, so the text is cut at them (:func:`split_run`); what stands between two labels is
split further only where the text shows it: at spaces when spaces separate the cells, else
not at all — a run such as "成本控制不超过预算不超过预算10" stays one ``fused`` piece, and
nothing reads a name or a target out of it.

:func:`place` says which value belongs to which column when a row has fewer values than
columns, or when amounts are printed without a break ("10001000100%20"): every reading that
keeps the values in their printed order is tried against what each column can hold (a 指标性质
is a sign, 分值 a number, 执行率 a percentage equal to 执行数 ÷ 预算数 to its printed precision);
a reading is taken only when it is the only one, else the row is refused.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation
from itertools import combinations

from lint.importer import vocabulary as words
from lint.loading import labels as levels

__all__ = ["AMOUNTS", "OPTIONAL", "Piece", "first_before", "parent", "place", "split_run", "value_like"]

# Labels looked for inside running text, as compared (key(): no spaces). 原因/说明 are left out:
# they are budget columns of one form, but also words of any remark.
_LABELS = sorted({
    *words.SELF_FIELDS, "单位名称", "项目资金", "预算执行情况", "年度预算数",
    *(name for name in words.SELF_BUDGET_COLUMNS if name not in ("原因", "说明")),
    "年度财政资金总额", "年度资金总额", "其中:当年财政拨款", "当年财政拨款", "财政专户管理资金", "单位资金",
    "上年结转资金", "其他资金", *words.SELF_GOAL_BLOCKS, *words.SELF_GOAL_COLUMNS, *words.SELF_TEXTS,
    *words.HEADER_LEVELS, *words.SELF_ROW_COLUMNS, *words.SELF_TOTALS, "绩效指标", "年度绩效目标",
    *levels.LEVEL1, *levels.LEVEL2,
}, key=len, reverse=True)
_BY_FIRST: dict[str, list[str]] = {}
for _label in _LABELS:
    _BY_FIRST.setdefault(_label[0], []).append(_label)  # longest first, as _LABELS
# "(A)", "(B/A)", "(万元)", "(20 分)", "(20分*执行率)" after a label; a text layer may lose the
# closing bracket ("执行率(B/A1").
_SUFFIX = re.compile(r"\s*[(（](?:[^()（）]{0,12}[)）]|[A-Za-z/\d]+)")
_CLOSED = re.compile(r"[)）]$")
_UNIT_LABEL = ("单位名称",)  # its value is the unit the file is for: kept with it as "单位名称:…"
_YEAR = re.compile(r"\(\d{4}年度?\)")  # "(2021年度)" after the title

_SIGNS = frozenset("≥≤><=≧≦═＞＜＝")
_DASHES = frozenset({"—", "–", "-", "——", "－", "/", "／"})
_NUMBER = re.compile(r"[+-]?\d+(?:\.\d+)?")
_PERCENT = re.compile(r"(\d+(?:\.(\d+))?)\s*[%％]")
# A value cell of a row: a number with an optional sign or words of comparison and a unit
# ("38508人", "不少于12 种", "97.30%", "≥95%"), or the form's dash.
_COMPARED = r"(?:[≥≤><=≧≦═＞＜＝]|不少于|不低于|不高于|不超过|不多于|大于|小于|高于|低于|达到)?\s*\d[\d,.]*"
_QUANTITY = re.compile(_COMPARED + r"\s*(?:[%％‰]|[^\d\s%％‰]{1,3})?")
_BARE_NUMBER = re.compile(_COMPARED)
# Units a sheet's text layer prints apart from their number ("不少于12 种").
_UNITS = frozenset({"种", "人", "次", "个", "项", "家", "户", "元", "万元", "亿元", "天", "日", "月", "年", "例", "所",
                    "台", "套", "份", "篇", "场", "期", "批", "株", "亩", "人次", "户次", "公里", "米", "吨", "册",
                    "间", "辆", "座", "处", "张", "件", "%", "％", "‰"})
_NUMBER_RUN = re.compile(r"[\d.,%％]+")  # amounts printed without a break between them
AMOUNTS = re.compile(r"\d[\d.,%％]*")  # the figures that open running text
_PERCENT_SIGN = re.compile(r"[%％]")
_MAX_TRIED = 20_000  # readings of one row tried at most
_MAX_FOUND = 16  # readings that fit, at most, before 得分 may still single one out
_MAX_RUN = 20  # digits of one such run: beyond, the readings are too many to try (refused)


@dataclass(frozen=True, slots=True)
class Piece:
    """A cell cut out of running text."""

    text: str  # as printed
    key: str  # as compared: a label's key (with its "(A)"/"(万元)" suffix), or the text's
    label: bool
    fused: bool = False  # no separator told its cells apart: it may hold several


def split_run(text: str) -> list[Piece]:
    """Running text cut at the form's labels; between labels, at spaces only when spaces
    separate the cells (most labels stand between spaces)."""
    compact, where = [], []  # the text without blanks, and each character's place in ``text``
    for index, char in enumerate(text.translate(_FOLD).translate(words.SELF_TRADITIONAL)):
        if not char.isspace():
            compact.append(char)
            where.append(index)
    flat = "".join(compact)
    found: list[tuple[int, int, str]] = []  # (start, end) in ``text``, and the label
    at = 0
    while at < len(flat):
        label = next((name for name in _BY_FIRST.get(flat[at], ()) if flat.startswith(name, at)), None)
        if label is None:
            at += 1
            continue
        start, end = where[at], where[at + len(label) - 1] + 1
        suffix = ""
        while match := _SUFFIX.match(text, end):  # read as part of the label: "得分(20分*执行率)"
            suffix += match[0]
            end = match.end()
        found.append((start, end, label + (words.key(suffix) if _CLOSED.search(suffix.strip()) else "")))
        at += len(label)
        while at < len(flat) and where[at] < end:
            at += 1
    spaced = _spaced(text, found)
    found = _standing(text, found, spaced)
    pieces: list[Piece] = []
    last = 0
    for start, end, key in found:
        pieces += _between(text[last:start], spaced)
        pieces.append(Piece(text[start:end].strip(), key, True))
        last = end
    pieces += _between(text[last:], spaced)
    # A form that prints 度量单位 as a column of its own keeps its units apart.
    apart = spaced and not any(piece.label and piece.key == "度量单位" for piece in pieces)
    return _joined_headers(_units_kept(pieces, apart))


_FOLD = str.maketrans({"（": "(", "）": ")", "：": ":", "\u3000": " "})


def _spaced(text: str, found: list[tuple[int, int, str]]) -> bool:
    """Whether spaces separate the cells: most labels have a blank (or the text's end) on both sides."""
    if not found:
        return False
    bounded = sum(1 for start, end, _ in found
                  if (start == 0 or text[start - 1].isspace()) and (end >= len(text) or text[end].isspace()))
    return bounded >= 0.6 * len(found)


def _standing(text: str, found: list[tuple[int, int, str]], spaced: bool) -> list[tuple[int, int, str]]:
    """The labels that stand as cells, not words inside one: with spaces between cells, a label
    has a blank or another label on each side ("指标3:项目资金到位率" holds no label); without,
    a budget block label stands only before its column labels ("项目资金补助" is a name)."""
    kept = []
    for index, (start, end, key) in enumerate(found):
        before = found[index - 1][1] if index else None
        after = found[index + 1] if index + 1 < len(found) else None
        if spaced:
            opens = start == 0 or text[start - 1].isspace() or before == start
            closes = end >= len(text) or text[end].isspace() or (after is not None and after[0] == end)
            if not (opens and closes):
                continue
        elif words.SELF_BUDGET_BLOCK.match(key) and not (
                after is not None and not text[end:after[0]].strip() and (
                    words.SELF_AMOUNT_LABEL.match(after[2]) or _COLUMN.sub("", after[2]) in words.SELF_BUDGET_COLUMNS)):
            continue
        kept.append((start, end, key))
    return kept


_COLUMN = re.compile(r"\(.*\)$")  # "预算数(A)" → 预算数


def _between(text: str, spaced: bool) -> list[Piece]:
    text = text.strip().lstrip(":：").strip()
    if not text:
        return []
    if spaced:
        return [Piece(part, words.key(part), False) for part in text.split()]
    return [Piece(text, words.key(text), False, fused=True)]


def _units_kept(pieces: list[Piece], glue: bool) -> list[Piece]:
    """A unit printed apart from its number joins it ("不少于12" "种" → "不少于12 种"), the
    year in brackets its title, and the value after a unit label ("单位名称" "襄阳市中心医院")
    the label."""
    out: list[Piece] = []
    for piece in pieces:
        before = out[-1] if out else None
        if (glue and before is not None and not piece.label and not before.label and piece.text in _UNITS
                and _BARE_NUMBER.fullmatch(before.text)):
            out[-1] = Piece(f"{before.text} {piece.text}", before.key + piece.key, False)
        elif (before is not None and not piece.label and words.SELF_TITLE.search(before.key)
              and _YEAR.fullmatch(piece.key)):
            out[-1] = Piece(f"{before.text} {piece.text}", before.key + piece.key, False)  # "…自评表 (2021年度)"
        elif before is not None and before.label and before.key in _UNIT_LABEL and not piece.label:
            out[-1] = Piece(f"{before.text}:{piece.text}", f"{before.key}:{piece.key}", True)
        else:
            out.append(piece)
    return out


def _joined_headers(pieces: list[Piece]) -> list[Piece]:
    """Header cells printed on two lines come out line by line: "年度 实际 指标值 完成值" is
    年度指标值 | 实际完成值. A run of k words followed by k labels is read so when each word
    and its label make a column label."""
    columns = set(words.SELF_ROW_COLUMNS)
    out: list[Piece] = []
    index = 0
    while index < len(pieces):
        if pieces[index].label:
            out.append(pieces[index])
            index += 1
            continue
        end = index
        while end < len(pieces) and not pieces[end].label:
            end += 1
        words_ = pieces[index:end]  # a run of words; its last k may be the first lines of k labels
        for count in range(min(len(words_), _MAX_HEADER), 1, -1):
            heads, tails = words_[-count:], pieces[end:end + count]
            if len(tails) == count and all(tail.label for tail in tails) and all(
                    head.key + tail.key in columns for head, tail in zip(heads, tails)):
                out += words_[:-count]
                out += [Piece(f"{head.text}{tail.text}", head.key + tail.key, True) for head, tail in zip(heads, tails)]
                index = end + count
                break
        else:
            out += words_
            index = end
    return out


_MAX_HEADER = 8  # header cells printed line by line, at most


def value_like(text: str) -> bool:
    """A cell that can only be a value (a number, a quantity, a percentage, the dash; a sign or a
    unit of the split columns), never a name."""
    text = text.strip()
    return text in _DASHES or text in _UNITS or (bool(text) and set(text) <= _SIGNS) or bool(_QUANTITY.fullmatch(text))


# -- which value is which column --------------------------------------------------------------


def _is_number(text: str) -> bool:
    return bool(_NUMBER.fullmatch(text.replace(",", "")))


def _is_unit(text: str) -> bool:
    return text in _UNITS or (len(text) <= 4 and not any(char.isdigit() for char in text)
                              and not set(text) & _SIGNS and text not in _DASHES)


def _fits(column: str, text: str) -> bool:
    """Whether ``text`` can stand in ``column`` (blank cells are decided by the caller)."""
    if column in words.SELF_REMARK_COLUMNS:
        return True
    if column == "指标性质":
        return bool(text) and set(text) <= _SIGNS
    if column == "度量单位":
        return _is_unit(text)
    if column in ("分值", "权重", "得分"):
        return _is_number(text) or text in _DASHES
    if column in ("执行率", "预算执行率"):
        return bool(_PERCENT.fullmatch(text)) or text in _DASHES
    if column in _AMOUNTS:
        return _is_number(text) or text in _DASHES
    return not set(text) <= _SIGNS  # a target or a result: anything but a bare sign


_AMOUNTS = frozenset({"年初预算数", "年初预算", "全年预算数", "调整后预算数", "预算数", "全年执行数", "预算执行数", "执行数"})
_BUDGETS = ("全年预算数", "调整后预算数", "预算数")
_SPENT = ("全年执行数", "预算执行数", "执行数")
_TARGETS = ("年度指标值", "年初目标值", "指标值")
_ACTUALS = ("实际完成值", "完成值")
OPTIONAL = frozenset({"指标性质", "度量单位"}) | words.SELF_REMARK_COLUMNS  # an indicator may leave these blank


def _consistent(values: dict[str, str], budget: bool) -> bool:
    """The reading agrees with the form: a budget line's rate is its amounts' division (to the
    printed precision); an indicator's target and result are both numbers or both words, and
    a 度量单位 stands only beside a number."""
    if budget:
        rate = next((values[name] for name in ("执行率", "预算执行率") if values.get(name)), "")
        match = _PERCENT.fullmatch(rate)
        if match is None:
            return True
        amount = next((values[name] for name in _BUDGETS if name in values), "")
        spent = next((values[name] for name in _SPENT if name in values), "")
        if not (_is_number(amount) and _is_number(spent)):
            return False
        try:
            whole, done, printed = Decimal(amount.replace(",", "")), Decimal(spent.replace(",", "")), Decimal(match[1])
        except InvalidOperation:
            return False
        if whole <= 0:
            return False
        return abs(done / whole * 100 - printed) <= Decimal(1).scaleb(-len(match[2] or "")) / 2
    goal = next((values[name] for name in _TARGETS if values.get(name)), "")
    result = next((values[name] for name in _ACTUALS if values.get(name)), "")
    digits = lambda text: any(char.isdigit() for char in text)  # noqa: E731
    if goal and result and digits(goal) != digits(result):
        return False
    return not values.get("度量单位") or digits(goal)


def _readings(cells: list[tuple[str, bool]], most: int):
    """The cell lists a row's printed cells can stand for: a fused run of amounts may be any
    split of it into numbers (and a percentage), each split a reading."""
    if not cells:
        yield []
        return
    (text, fused), rest = cells[0], cells[1:]
    if not fused:
        for tail in _readings(rest, most - 1):
            yield [text, *tail]
        return
    for head in _splits(text, most):
        for tail in _readings(rest, most - len(head)):
            yield [*head, *tail]


_SPLIT_PIECE = re.compile(r"(?:0|[1-9]\d*)(?:\.\d+)?%?")


def _splits(text: str, most: int):
    """``text`` cut into at most ``most`` well-formed numbers ("1000" "1000" "100%"), in order."""
    if not text:
        yield []
        return
    if most <= 0:
        return
    for end in range(1, len(text) + 1):
        head = text[:end]
        if _SPLIT_PIECE.fullmatch(head) and not (end < len(text) and text[end] in ".%"):
            for tail in _splits(text[end:], most - 1):
                yield [head, *tail]


def place(columns: list[str], cells: list[tuple[str, bool]], budget: bool,
          points: str | None = None) -> dict[str, str] | None:
    """The one reading of a row's cells (text, fused) under its columns, keeping their order
    and leaving the other columns blank; None when no reading or more than one fits.

    A budget line's blank column is written "" (the form's empty cell); an indicator may
    leave out only its 指标性质, 度量单位 and remark (a word target has no sign or unit).
    Between budget readings whose rates all divide, the one whose 得分 is its points (the
    line's 分值, else the block's ``points``) times the rate is taken, if it is one."""
    if len(cells) > len(columns) or any(fused and (len(text) > _MAX_RUN or not _NUMBER_RUN.fullmatch(text)
                                                   or not _PERCENT_SIGN.search(text)) for text, fused in cells):
        return None  # amounts run together with no rate to divide by: any split would be a guess
    found: list[dict[str, str]] = []
    tried = 0
    for reading in _readings(cells, len(columns)):
        for used in combinations(range(len(columns)), len(reading)):
            tried += 1
            if tried > _MAX_TRIED or len(found) > _MAX_FOUND:
                return None  # so many readings that none can be the only one
            if not budget and any(index not in used and columns[index] not in OPTIONAL
                                  for index in range(len(columns))):
                continue
            values = dict(zip((columns[index] for index in used), reading))
            if not all(_fits(column, text) for column, text in values.items()) or not _consistent(values, budget):
                continue
            if budget:
                values = {column: values.get(column, "") for column in columns}
            else:
                values = {column: values[column] for column in columns if column in values}
            if values not in found:
                found.append(values)
    if len(found) > 1 and budget:
        found = [values for values in found if _scored(values, points)]
    return found[0] if len(found) == 1 else None


def _scored(values: dict[str, str], points: str | None) -> bool:
    """得分 = points × 执行率, to the precision both are printed with."""
    weight = next((values[name] for name in ("分值", "权重") if _is_number(values.get(name, ""))), points or "")
    rate = _PERCENT.fullmatch(next((values[name] for name in ("执行率", "预算执行率") if values.get(name)), ""))
    score = values.get("得分", "")
    if rate is None or not _is_number(weight) or not _is_number(score):
        return False
    expected = Decimal(weight) * Decimal(rate[1]) / 100
    places = len(score.partition(".")[2])
    slack = Decimal(1).scaleb(-places) / 2 + Decimal(weight) * Decimal(1).scaleb(-len(rate[2] or "")) / 200
    return abs(Decimal(score) - expected) <= slack


# The 二级 labels of each 一级, in the order the forms print them (财预〔2020〕10号).
_ORDER = {
    "产出指标": ("数量指标", "质量指标", "时效指标", "成本指标"),
    "效益指标": ("经济效益指标", "社会效益指标", "生态效益指标", "可持续影响指标"),
}


def parent(level2: str) -> str | None:
    """The 一级 a 二级 label belongs to, when only one prints it."""
    owners = [level1 for level1, order in _ORDER.items() if level2 in order]
    return owners[0] if len(owners) == 1 else None


def first_before(level2: str) -> str | None:
    """The 二级 printed first in its 一级, when ``level2`` is the one printed second."""
    owner = parent(level2)
    order = _ORDER.get(owner or "", ())
    return order[0] if len(order) > 1 and order[1] == level2 else None
