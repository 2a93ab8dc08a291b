"""The benchmark's corpora: a province's target files, generated deterministically from real tables.

``varied`` (the default) draws every table from a real one — the seed examples (examples/*.yaml)
and the development tables (tests/data/corpus/*/*/table.yaml): project tables, department
tables and self-assessments — and varies each copy the way another unit's table of the same
kind differs from it, so that most (indicator, column, value) cells are new:

- numbers: one draw per table scales its money (预算金额, caps, task amounts, 万元 and 元 alike;
  a department's by a whole factor, so its totals still add up), another its counts, and a
  third stretches its percentages (on the odds, so 100% stays 100%, small shares stay small
  and order is kept). Each number keeps its precision (387664.62 to the cent, 954100 to the
  hundred) and its thousands separators. Because a draw applies to the whole table, the
  relations the rules read survive: a cap equal to the budget, a cycle value n × the annual
  one (55场 against 5场 too), the numbers quoted in the goal text, target against actual. Years
  move with the file's year (dates, periods, 实施周期, 〔2019〕); months, days, ages, list
  markers, codes, scores and execution rates are left alone, so self-assessment arithmetic
  still adds up;
- units: some tables write their 元 amounts in 万元 (95.41万元), some 场 as 场次;
- comparators: a table may spell a comparison its own way, drawn from the value grammar
  (lint/values/grammar.py: ≥ ≧ >= 不低于 大于等于 达到 … 以上, ≤ 不超过 … 以内, ＝ 等于 …), before or
  after the number; cells without a comparison stay without one;
- names: an indicator name keeps its measure (…及时率, …满意度, …人数) and may take the object
  of another real name with the same measure (伙食补助 + 及时率, drawn as often as the real
  tables use it), a place or its scope (井研县…, 全县…) and the year. Stock names (used word for
  word by several real tables) and cost rows take only a place and the year; inputs and
  generic work measures (资金到位率, 工作完成及时率), sentences and 不适用 stay as written, and a
  cell that restates its row's or project's name restates the new one. Units are a real place
  joined to a real body (石嘴山市 + 妇女联合会); project names get a place or the year.

Everything else is copied cell for cell, so the mix of defects stays a real one: vague values,
missing units and comparisons, caps, dates, template placeholders, misplaced rows, generic
indicators. (Checked while writing this: jxlint's findings per rule on 1,500 varied tables
are within a quarter of those on the same tables unvaried, most of them equal.) A file is a
self-assessment file (``自评``) with probability ``SELF_ASSESSMENT_SHARE``; otherwise it holds
project tables and, with probability ``DEPARTMENT_SHARE``, the unit's department table too.

``seed-only`` is the corpus of issue #7: the seed projects with value cells swapped among the
seeds' own cells (most cells repeat). Both are deterministic for a seed; file N of a corpus
does not depend on how many files are generated, so a small corpus is a prefix of a larger one.
"""

from __future__ import annotations

import math
import random
import re
from collections.abc import Iterator
from decimal import ROUND_HALF_UP, Decimal
from functools import cache
from pathlib import Path

import yaml

from lint.values.grammar import (
    AREA_UNITS,
    COUNT_UNITS,
    FOLD,
    MONEY_UNITS,
    PREFIX_COMPARISONS,
    QUALITATIVE_WORDS,
    RATIO_UNITS,
    SUFFIX_COMPARISONS,
    TIME_UNITS,
)

ROOT = Path(__file__).resolve().parent.parent
EXAMPLES = ROOT / "examples"
REAL_TABLES = ROOT / "tests" / "data" / "corpus"
SEED = 20251123
CORPORA = ("varied", "seed-only")

# A province files its self-assessments apart from its targets; the rest of the units' files
# hold project tables, and a third of them the department table as well.
SELF_ASSESSMENT_SHARE = 0.2
DEPARTMENT_SHARE = 1 / 3
FIRST_YEAR, LAST_YEAR = 2018, 2026

# How far one table's numbers move from the real table's (log-uniform factors).
MONEY_RANGE = (0.2, 5.0)
DEPARTMENT_MONEY_FACTORS = (1, 4)
COUNT_RANGE = (0.5, 2.0)
PERCENT_ODDS_RANGE = (0.6, 1.8)
# Chances that a table spells comparisons its own way, writes 元 as 万元, 场 as 场次; that a
# name takes another object, a place, the year; that a project name takes a place or the year.
COMPARATOR_CHANCE = 0.5
WAN_CHANCE = 0.25
SYNONYM_CHANCE = 0.5
OBJECT_CHANCE = 0.7
NAME_PLACE_CHANCE = 0.4
NAME_SCOPE_CHANCE = 0.3
NAME_YEAR_CHANCE = 0.5
PROJECT_PLACE_CHANCE = 0.35
PROJECT_YEAR_CHANCE = 0.2


# ── seed-only (the corpus of issue #7, kept byte for byte) ──────────────────────────────

def _seed_projects() -> list[dict]:
    projects = []
    for path in sorted(EXAMPLES.glob("*.yaml")):
        data = yaml.load(path.read_text(encoding="utf-8"), Loader=yaml.CSafeLoader)
        projects.extend(data.get("项目", []))
    return projects


def _indicator_cells(projects: list[dict]) -> list[str]:
    cells = []
    for project in projects:
        for level2 in (project.get("绩效指标") or {}).values():
            for rows in (level2 or {}).values():
                for row in rows or []:
                    cells.extend(str(v) for k, v in row.items() if k != "指标" and v not in (None, ""))
    return cells


def generate_seed_only(folder: Path, files: int, projects_per_file: int, seed: int, count: CellCount) -> None:
    """Files of ``projects_per_file`` projects, each a seed project with some cells swapped.

    Swapping value cells among real cells keeps the mix realistic (vague values, missing
    units, caps, percentages) while making every project different.
    """
    rng = random.Random(seed)
    projects = _seed_projects()
    cells = _indicator_cells(projects)
    folder.mkdir(parents=True, exist_ok=True)
    for number in range(files):
        chosen = []
        for index in range(projects_per_file):
            project = yaml.load(yaml.dump(rng.choice(projects), allow_unicode=True), Loader=yaml.CSafeLoader)
            project["项目名称"] = f"{project['项目名称']}（{number:04}-{index:02}）"
            for level2 in (project.get("绩效指标") or {}).values():
                for rows in (level2 or {}).values():
                    for row in rows or []:
                        for key in row:
                            if key != "指标" and rng.random() < 0.2:
                                row[key] = rng.choice(cells)
            chosen.append(project)
        document = {"单位": f"示例单位{number % 97:02}", "年度": 2025, "项目": chosen}
        count.add(document)
        text = yaml.dump(document, allow_unicode=True, sort_keys=False, width=1000)
        (folder / f"unit{number:04}.yaml").write_text(text, encoding="utf-8")


# ── counting cells ──────────────────────────────────────────────────────────────────────

def indicator_cells(document: dict) -> Iterator[tuple[str, str, str]]:
    """(indicator, column, value) of every filled value cell of a target file's tables."""
    tables = [*(document.get("项目") or []), *(document.get("自评") or [])]
    if isinstance(document.get("部门整体"), dict):
        tables.append(document["部门整体"])
    for table in tables:
        for row in _rows(table.get("绩效指标")):
            name = str(row.get("指标"))
            for key, value in row.items():
                if key != "指标" and value not in (None, ""):
                    yield name, key, str(value)


def _rows(tree, with_costs: bool = True) -> Iterator[dict]:
    for level1, block in tree.items() if isinstance(tree, dict) else ():
        for level2, rows in block.items() if isinstance(block, dict) else [(level1, block)]:
            if with_costs or not _is_cost(level1, level2):
                yield from (row for row in rows or [] if isinstance(row, dict))


def _is_input(subject: str) -> bool:
    # 资金到位率, 预算执行率, 工作完成及时率 measure the money or the work itself, not the
    # project's output; every table words them alike, so they neither give nor take objects.
    return any(word in subject for word in _INPUT_WORDS)


def _is_cost(level1: str, level2: str) -> bool:
    # A cost row's name says what is paid for (预算控制数, 车辆购置成本): its object is not
    # another row's, nor another row's object its.
    return "成本" in f"{level1}{level2}"


class CellCount:
    """How many value cells a corpus has and how many are distinct, counted file by file.

    Cells are remembered by hash: a 4,000-file corpus has over a million of them. After the
    file counts in ``checkpoints``, ``at`` keeps (cells, distinct) for the corpus so far: the
    first N files of a corpus are the corpus of N files.
    """

    def __init__(self, checkpoints=()) -> None:
        self.files = self.total = 0
        self._seen: set[int] = set()
        self._checkpoints = frozenset(checkpoints)
        self.at: dict[int, tuple[int, int]] = {}

    def add(self, document: dict) -> None:
        for cell in indicator_cells(document):
            self.total += 1
            self._seen.add(hash(cell))
        self.files += 1
        if self.files in self._checkpoints:
            self.at[self.files] = (self.total, self.distinct)

    @property
    def distinct(self) -> int:
        return len(self._seen)

    @property
    def share(self) -> float:
        return self.distinct / self.total if self.total else 0.0

    def line(self) -> str:
        return f"cells: {self.total:,} (indicator, column, value), {self.share:.0%} distinct"


def count_cells(folder: Path, checkpoints=()) -> CellCount:
    """The cells of a corpus already on disk (a kept one)."""
    count = CellCount(checkpoints)
    for path in sorted(folder.glob("*.yaml")):
        document = yaml.load(path.read_text(encoding="utf-8"), Loader=yaml.CSafeLoader)
        if isinstance(document, dict):
            count.add(document)
    return count


# ── the real tables ─────────────────────────────────────────────────────────────────────

# A unit name is a place and a body: 石嘴山市 + 疾病预防控制中心. 城市 is not a place (嘉峪关城市博物馆).
_PLACE = re.compile(r"(?P<place>[\u4e00-\u9fff]{2,}?(?:省|(?<!城)市|州|盟|县|区|旗|镇|乡))(?P<body>[\u4e00-\u9fff]{3,})")
_CODE = re.compile(r"^(?:\d+[-_]|中共)")

# The measure that ends an indicator name (…及时率, …人数, …健全性). The object before it can be
# another real name's object with the same measure: the value still fits the name.
MEASURES = (
    "满意度", "认可度", "认同度", "知晓度",
    "及时率", "合格率", "完成率", "覆盖率", "达标率", "执行率", "到位率", "发放率", "使用率", "办结率",
    "出勤率", "持有率", "参与率", "知晓率", "支付率", "接种率", "签约率", "入学率", "成活率", "采购率",
    "审稿率", "测评率", "负担率",
    "人次", "人数", "户数", "场次", "次数", "天数", "期数", "篇数", "条数", "数量", "数",
    "完成时间", "时间", "日期", "时效", "成本", "标准",
    "质量", "水平", "成效", "效果", "等级", "情况", "程度", "性", "意识", "能力", "影响", "环境", "氛围",
    "需求", "功能", "效率", "产值", "收入",
)
_MEASURE_WORDS = sorted(MEASURES, key=len, reverse=True)
# An object: words, digits and list marks (0-6岁儿童健康管理), at least two characters of words.
_SUBJECT = re.compile(r"(?=(?:[^\u4e00-\u9fff]*[\u4e00-\u9fff]){2})[\u4e00-\u9fff0-9\-、]+")
# 指标1: before the name; (宗), （%）, (≥**%), % after it.
_NAME = re.compile(r"(?P<marker>指标\d+[:：])?(?P<body>.*?)(?P<tail>(?:[(（][^()（）]*[)）]|%)*)", re.DOTALL)
_OBJECT_LENGTH = (2, 12)
_INPUT_WORDS = ("资金", "预算", "经费", "工作", "任务", "项目完成", "按时")
# A longer name is a sentence (通过注射疫苗,可以有效降低…): it takes no place or year.
_QUALIFIED_NAME = 16
_YEAR_WORDS = ("年", "年度")  # 2023年服务对象满意度, 2023年度服务对象满意度
# The scope word of a place: 井研县 → 全县.
_SCOPES = {"市": "全市", "县": "全县", "区": "全区", "镇": "全镇", "旗": "全旗", "州": "全州", "乡": "全乡", "省": "全省"}


def _split_name(name: str) -> tuple[str, str, str, str] | None:
    """(marker, object, measure, tail) of a name that ends in a known measure, else None."""
    parts = _NAME.fullmatch(name)
    body = parts["body"]
    for measure in _MEASURE_WORDS:
        subject = body.removesuffix(measure)
        if subject != body and _OBJECT_LENGTH[0] <= len(subject) <= _OBJECT_LENGTH[1] and _SUBJECT.fullmatch(subject):
            return parts["marker"] or "", subject, measure, parts["tail"]
    return None


class Vocabulary:
    """The real tables by kind, with the places, bodies and name objects they contain."""

    def __init__(self, paths: list[Path]) -> None:
        self.tables: dict[str, list[tuple[int, dict]]] = {"项目": [], "部门整体": [], "自评": []}
        self.objects: dict[str, list[str]] = {}
        tables_naming: dict[str, int] = {}
        places, bodies, seen = set(), set(), set()
        for path in paths:
            document = yaml.load(path.read_text(encoding="utf-8"), Loader=yaml.CSafeLoader)
            year = document["年度"]
            found = [(kind, table) for kind in ("项目", "自评") for table in document.get(kind) or []]
            if document.get("部门整体"):
                found.append(("部门整体", document["部门整体"]))
            for kind, table in found:
                # The development set repeats some seed examples: each real table counts once.
                key = yaml.dump(table, Dumper=yaml.CSafeDumper, allow_unicode=True, sort_keys=True)
                if key in seen:
                    continue
                seen.add(key)
                self.tables[kind].append((year, table))
                for name in {str(row.get("指标")) for row in _rows(table.get("绩效指标"))}:
                    tables_naming[name] = tables_naming.get(name, 0) + 1
                for row in _rows(table.get("绩效指标"), with_costs=False):
                    if (split := _split_name(str(row.get("指标")))) is not None and not _is_input(split[1]):
                        self.objects.setdefault(split[2], []).append(split[1])
                for field in ("用款单位", "实施单位", "主管部门", "部门名称"):
                    if isinstance(table.get(field), str):
                        self._unit(table[field], places, bodies)
            self._unit(str(document["单位"]), places, bodies)
        self.places, self.bodies = sorted(places), sorted(bodies)
        # By measure and with repeats: 合格率 takes an object as often as real 合格率 rows have
        # it (设备验收 as often as 教师培训), so acceptance and payout rows keep their share.
        self.objects = {measure: sorted(objects) for measure, objects in self.objects.items()
                        if len(set(objects)) > 1}
        # Names several units use word for word (服务对象满意度, 预算执行率, 工作完成及时率) are
        # stock names: every province copies them as they are.
        self.stock_names = frozenset(name for name, count in tables_naming.items() if count > 1)

    @staticmethod
    def _unit(name: str, places: set[str], bodies: set[str]) -> None:
        if (parts := _PLACE.fullmatch(_CODE.sub("", name))) is not None:
            places.add(parts["place"])
            body = parts["body"]
            if (inner := _PLACE.fullmatch(body)) is not None:
                places.add(inner["place"])  # 龙岗区 of 深圳市龙岗区妇女联合会
                body = inner["body"]
            # 宁德市 + 委党史和地方志研究室 is not a body another place could have.
            if not body.startswith("委"):
                bodies.add(body)


@cache
def vocabulary() -> Vocabulary:
    return Vocabulary([*sorted(EXAMPLES.glob("*.yaml")), *sorted(REAL_TABLES.glob("*/*/table.yaml"))])


# ── varying one table ───────────────────────────────────────────────────────────────────

def _alternation(words) -> str:
    return "|".join(re.escape(word) for word in sorted(set(words), key=len, reverse=True))


# Spellings of each comparison the grammar reads: its words, and the full-width and
# look-alike signs it folds (＞ ≧ ﹦ …).
_PREFIXES = {
    **PREFIX_COMPARISONS,
    **{chr(code): PREFIX_COMPARISONS[sign] for code, sign in FOLD.items() if sign in PREFIX_COMPARISONS},
}
_SPELLINGS = {
    comparison: sorted([(word, False) for word, c in _PREFIXES.items() if c == comparison]
                       + [(word, True) for word, c in SUFFIX_COMPARISONS.items() if c == comparison])
    for comparison in sorted(set(_PREFIXES.values()))
}
_MONEY = frozenset(MONEY_UNITS)
_RATIOS = frozenset((*RATIO_UNITS, "百分比"))
_COUNTS = frozenset((*COUNT_UNITS, "株", "种", "例", "批次"))
# Numbers before these are not amounts: months, days, ages, durations, quarters.
_FIXED_UNITS = frozenset({"月", "日", "号", "岁", "周岁", "月龄", "季度", "个月", "年", "周", "小时"})
_UNIT_SYNONYMS = (("场", "场次"),)
_UNITS = _alternation((*COUNT_UNITS, *TIME_UNITS, *MONEY_UNITS, *AREA_UNITS, *_RATIOS, *_COUNTS, *_FIXED_UNITS))
# A number as written (1,030,700.00 or 17 or 28.40), an optional 千/万/亿 and its unit; or a
# numeric date (2025-12-31, 2023.07), whose year moves and whose month and day stay.
_QUANTITY = re.compile(rf"""
    (?P<date>(?<!\d)(?:19|20)\d{{2}}[-/.]\d{{1,2}}(?:[-/.]\d{{1,2}})?(?!\d))
  | (?<![\d.,])(?P<number>\d{{1,3}}(?:,\d{{3}})+(?:\.\d+)?|\d+(?:\.\d+)?)(?!\d|,\d)
    (?P<space>\s?)(?P<times>[千万亿](?!元))?(?P<unit>{_UNITS})?
""", re.VERBOSE)
_YEAR_AFTER = re.compile(r"\s*(?:年|[-~至到]\s*(?:19|20)\d{2})")
_YEAR_BEFORE = re.compile(r"(?:19|20)\d{2}\s*年?度?\s*[-~至到]\s*$")
_LIST_BEFORE = re.compile(r"(?:^|[\s，,；;。:：]|目标|指标)$")
_LIST_AFTER = re.compile(r"[、:：)）]|\.(?!\d)")
_LEADING = re.compile(rf"(?P<word>{_alternation(_PREFIXES)})\s*(?=\d)")
_TRAILING = re.compile(rf"(?<=[\d%‰\w])(?P<word>{_alternation(SUFFIX_COMPARISONS)})$")
_PLAIN_QUANTITY = re.compile(rf"\d[\d,.]*\s?(?:[千万亿](?!元))?(?:(?:{_UNITS})(?:/(?:{_UNITS}))*)?")
_CODE_DIGITS = 8  # a run of this many digits is a code (部门预算编码), not an amount
_LAST_SHIFTED_YEAR = 2060  # 到期年度 2099 means "open-ended": it stays

# Where each cell of a table gets which variation.
_MONEY_KEYS = frozenset({"预算金额", "金额", "合计", "小计", "财政拨款", "其他资金"})
_MONEY_BLOCKS = frozenset({"收入", "支出", "按预算级次划分", "项目资金", "预算执行情况"})
_TEXT_KEYS = frozenset({"总体绩效目标", "年度总体目标", "项目年度目标完成情况", "实施周期总目标", "年度目标",
                        "主要内容", "主要实施内容", "期望达到的目标", "偏差原因", "未完成原因分析",
                        "偏差原因分析及改进措施"})
# Scores, weights, rates and headers are read against each other: they stay as they are.
_FIXED_KEYS = frozenset({"分值", "得分", "权重", "执行率", "预算执行率", "总分", "评价等级", "金额单位",
                         "表号", "报表编号", "原因", "基本信息", "主管部门", "项目名称"})
_UNIT_KEYS = frozenset({"用款单位", "实施单位", "部门名称"})
_YEAR_KEYS = frozenset({"起始年度", "到期年度"})
_LINE_CELL = 40
_PERCENT_NAME = re.compile(r"率|满意度|%")


def _name_key(name: str) -> str:
    # Names that differ only in brackets, marks or spaces are one name to a reader.
    return re.sub(r"[^\u4e00-\u9fff0-9]", "", name)


def _is_line(mapping: dict) -> bool:
    """A mapping the real files write on one line: a budget line, 实施周期, 总分."""
    return bool(mapping) and all(isinstance(value, (str, int, float)) and len(str(value)) <= _LINE_CELL
                                 for value in mapping.values())


def _moved(unit: str, place: str) -> str:
    """A unit name in another place: 永德县教育体育局 in 襄阳市 is 襄阳市教育体育局."""
    parts = _PLACE.fullmatch(unit)
    return place + parts["body"] if parts else unit


def _log_uniform(rng: random.Random, bounds: tuple[float, float]) -> Decimal:
    low, high = bounds
    return Decimal(f"{math.exp(rng.uniform(math.log(low), math.log(high))):.3f}")


def _places(token: str) -> int:
    return len(token.partition(".")[2])


def _written(value: Decimal, places: int, grouped: bool) -> str:
    return f"{value:,.{places}f}" if grouped else f"{value:.{places}f}"


class Variation:
    """One table's draw: how its numbers, units, comparators and names differ from the real one."""

    def __init__(self, rng: random.Random, words: Vocabulary, year_shift: int, year: int, place: str,
                 whole_money: bool = False) -> None:
        self.rng, self.words, self.year_shift, self.year, self.place = rng, words, year_shift, year, place
        self.scope = _SCOPES.get(place[-1], "全" + place[-1])
        self.money = _log_uniform(rng, MONEY_RANGE)
        if whole_money:
            # A department's 收入, 支出 and 合计 must still add up to the cent: a whole factor
            # scales every amount exactly.
            self.money = Decimal(rng.randint(*DEPARTMENT_MONEY_FACTORS))
        self.count = _log_uniform(rng, COUNT_RANGE)
        self.odds = _log_uniform(rng, PERCENT_ODDS_RANGE)
        self.comparators = {comparison: rng.choice(spellings) if rng.random() < COMPARATOR_CHANCE else None
                            for comparison, spellings in _SPELLINGS.items()}
        self.in_wan = rng.random() < WAN_CHANCE
        self.units = {}
        for group in _UNIT_SYNONYMS:
            if rng.random() < SYNONYM_CHANCE:
                self.units.update(dict.fromkeys(group, rng.choice(group)))
        self._names: dict[str, str] = {}
        self._pinned: dict[Decimal, Decimal] = {}
        # (old, new) names that cells may restate: the project's, and the row's while in a row.
        self._renamed_here: list[tuple[str, str]] = []
        self._taken: set[str] = set()

    # numbers

    def text(self, text: str, context: str) -> str:
        """``text`` with its numbers varied; ``context`` says what a number without a unit is:
        value, text (a count), money, percent, name (left alone), or years (only years move)."""
        if context in ("value", "money", "percent"):
            text = self._comparison(text)
        return _QUANTITY.sub(lambda match: self._quantity(match, context), text)

    def _quantity(self, match: re.Match, context: str) -> str:
        whole = match.group(0)
        if match["date"]:
            return f"{self._year(int(whole[:4]))}{whole[4:]}"
        number, unit = match["number"], match["unit"] or ""
        rest = whole[len(number):]
        digits = number.replace(",", "")
        text, start, end = match.string, match.start(), match.end("number")
        if len(digits) >= _CODE_DIGITS and "." not in digits:
            return whole
        # A year is followed by 年 or is one end of a span; in running text a bare one is a
        # year too (深妇通〔2019〕12号).
        if (len(digits) == 4 and "." not in digits and 1990 <= int(digits) <= _LAST_SHIFTED_YEAR
                and (_YEAR_AFTER.match(text, end) or _YEAR_BEFORE.search(text[:start])
                     or (not unit and context in ("text", "name", "years")))):
            return f"{self._year(int(digits))}{rest}"
        if (context == "years" or unit in _FIXED_UNITS or text[:start].endswith("第")
                or (_LIST_BEFORE.search(text[:start]) and _LIST_AFTER.match(text, end))):
            return whole
        if unit in _RATIOS or (not unit and context == "percent"):
            number = self._percent(number)
        elif unit in _MONEY or (not unit and context == "money"):
            if self.in_wan and unit == "元" and not text.startswith("/", match.end()):
                return f"{self._wan(number)}{match['space']}万元"
            number = self._scaled(number, self.money)
        elif context == "name" and unit not in _COUNTS:
            return whole
        elif unit == "天":
            scaled = self._counted(number)
            number = scaled if Decimal(scaled.replace(",", "")) <= 365 else number
        else:
            number = self._counted(number)
        if context == "value":
            unit = self.units.get(unit, unit)
        return f"{number}{match['space']}{match['times'] or ''}{unit}"

    def _year(self, year: int) -> int:
        return year + self.year_shift if year <= _LAST_SHIFTED_YEAR else year

    @staticmethod
    def _scaled(token: str, factor: Decimal) -> str:
        """``token`` × ``factor``, rounded as the number was: 954100 to the hundred, 387664.62
        to the cent, a round 100000 to the ten thousand. The rounding depends on the value,
        not on how it is written, so equal amounts stay equal (预算金额 "2,480,691.00元" and its
        cap "≤2480691元")."""
        digits = token.replace(",", "")
        value = Decimal(digits)
        if value == 0:
            return token
        digits_of_value = value.normalize().as_tuple()
        exponent = digits_of_value.exponent
        if len(digits_of_value.digits) == 1 and exponent > 0:
            exponent -= 1  # 100000 varies as 130000, not only as 100000 or 200000
        quantum = Decimal(1).scaleb(exponent)
        scaled = (value * factor / quantum).to_integral_value(ROUND_HALF_UP) * quantum
        return _written(max(scaled, quantum), _places(digits), "," in token)

    def _counted(self, token: str) -> str:
        pinned = self._pinned.get(Decimal(token.replace(",", "")))
        return self._scaled(token, self.count) if pinned is None else _written(pinned, 0, "," in token)

    def _ratio_pins(self, cycle, annual) -> dict[Decimal, Decimal]:
        """A cycle value that is n × the annual value stays n × it (55场 against 5场 too)."""
        numbers = []
        for cell in (cycle, annual):
            match = _QUANTITY.search(str(cell)) if isinstance(cell, (str, int)) else None
            if match is None or not match["number"] or "." in match["number"] or (match["unit"] or "") in (
                    _RATIOS | _MONEY | _FIXED_UNITS):
                return {}
            numbers.append(Decimal(match["number"].replace(",", "")))
        whole, part = numbers
        if part <= 0 or whole == part or whole % part:
            return {}
        return {whole: whole / part * Decimal(self._scaled(str(part), self.count))}

    def _percent(self, token: str) -> str:
        value, places = Decimal(token), _places(token)
        if not 0 < value < 100:
            return token  # 0%, 100% and bounds such as 200% stay what they are
        share = value / 100
        stretched = 100 * self.odds * share / (1 - share + self.odds * share)
        stretched = stretched.quantize(Decimal(1).scaleb(-places), ROUND_HALF_UP)
        return _written(stretched, places, False) if 0 < stretched < 100 else token

    def _wan(self, token: str) -> str:
        yuan = Decimal(self._scaled(token, self.money).replace(",", ""))
        wan = (yuan / 10000).quantize(Decimal("0.01"), ROUND_HALF_UP)
        return _written(wan, 0 if wan == wan.to_integral_value() else 2, False) if wan else token

    # comparators

    def _comparison(self, text: str) -> str:
        if (leading := _LEADING.match(text)) is not None:
            comparison, rest = _PREFIXES[leading["word"]], text[leading.end():]
        elif (trailing := _TRAILING.search(text)) is not None:
            comparison, rest = SUFFIX_COMPARISONS[trailing["word"]], text[:trailing.start()]
        else:
            return text
        spelling = self.comparators[comparison]
        if spelling is None or not _PLAIN_QUANTITY.fullmatch(rest):
            return text
        word, after = spelling
        return f"{rest}{word}" if after else f"{word}{rest}"

    def comparison_cell(self, text: str) -> str:
        """A cell that holds only the comparison (指标性质 of the split forms)."""
        comparison = _PREFIXES.get(text.strip())
        spelling = self.comparators.get(comparison) if comparison else None
        return spelling[0] if spelling and not spelling[1] else text

    # names

    def name(self, name: str, cost: bool = False) -> str:
        """An indicator name, the same for the same name within the table (duplicates stay duplicates).

        Inputs stay as they are. A stock name or a cost row may take a place or scope
        (井研县…, 全县…) and the year; any other name another object for its measure too.
        """
        if name not in self._names:
            self._names[name] = self._renamed(name, cost) or self.text(name, "name")
        return self._names[name]

    def _renamed(self, name: str, cost: bool) -> str | None:
        rng = self.rng
        marker, body, tail = _NAME.fullmatch(name).group("marker", "body", "tail")
        split = None if cost or name in self.words.stock_names else _split_name(name)
        if _is_input(body) or not 2 <= len(body) <= _QUALIFIED_NAME or body in QUALITATIVE_WORDS:
            return None  # an input, a sentence, a bare 指标3, or 不适用 marking an empty row
        if split is not None and split[2] in self.words.objects and rng.random() < OBJECT_CHANCE:
            body = rng.choice(self.words.objects[split[2]]) + split[2]
        qualifier = rng.random()
        if qualifier < NAME_PLACE_CHANCE:
            body = self.place + body
        elif qualifier < NAME_PLACE_CHANCE + NAME_SCOPE_CHANCE:
            body = self.scope + body
        body = self.text(body + tail, "name")
        if rng.random() < NAME_YEAR_CHANCE:
            body = f"{self.year}{rng.choice(_YEAR_WORDS)}{body}"
        renamed = (marker or "") + body
        if _name_key(renamed) in self._taken:
            return None  # two rows of one name would be a duplicate the real table does not have
        self._taken.add(_name_key(renamed))
        return renamed

    def project_name(self, name: str) -> str:
        name = self.text(name, "years")
        if self.rng.random() < PROJECT_PLACE_CHANCE and not any(place in name for place in self.words.places):
            name = self.place + name
        if self.rng.random() < PROJECT_YEAR_CHANCE and not re.match(r"\d{4}年", name):
            name = f"{self.year}年{name}"
        return name

    # tables

    def table(self, table: dict, unit: str) -> dict:
        self._taken = {_name_key(str(row.get("指标"))) for row in _rows(table.get("绩效指标"))}
        varied = {}
        for key, value in table.items():
            if key == "绩效指标":
                varied[key] = self._indicators(value)
            elif key == "项目名称" and isinstance(value, str):
                varied[key] = self.project_name(value)
                self._renamed_here = [(value, varied[key])]
            elif key in _UNIT_KEYS and isinstance(value, str):
                varied[key] = unit
            elif key == "主管部门" and isinstance(value, str):
                varied[key] = _moved(value, self.place)
            else:
                varied[key] = self._block(value, self._context(key, "years"))
        return varied

    @staticmethod
    def _context(key: str, inherited: str) -> str:
        if key in _FIXED_KEYS:
            return "fixed"
        if key in _YEAR_KEYS:
            return "year"
        if key in _MONEY_KEYS or key in _MONEY_BLOCKS:
            return "money"
        if key in _TEXT_KEYS:
            return "text"
        return inherited

    def _block(self, value, context: str, line: bool = True):
        """``value`` varied in ``context``; a short mapping (``line``) is written on one line."""
        if context == "fixed":
            return Row(value) if line and isinstance(value, dict) and _is_line(value) else value
        if isinstance(value, dict):
            varied = {key: self._block(item, self._context(key, context)) for key, item in value.items()}
            return Row(varied) if line and _is_line(varied) else varied
        if isinstance(value, list):
            return [self._block(item, context, line=False) for item in value]
        if isinstance(value, str):
            context = "years" if context == "year" else context
            for old, new in self._renamed_here:
                if old and old != new and old in value:
                    # A goal or value that restates the project's or row's name restates the new one.
                    return self.text(value.replace(old, "\0"), context).replace("\0", new)
            return self.text(value, context)
        if isinstance(value, int) and not isinstance(value, bool):
            return self._year(value) if context == "year" else int(self.text(str(value), context))
        return value

    def _indicators(self, tree):
        if not isinstance(tree, dict):
            return tree
        varied = {}
        for level1, block in tree.items():
            if isinstance(block, dict):
                varied[level1] = {level2: self._row_list(rows, _is_cost(level1, level2)) for level2, rows in block.items()}
            else:
                varied[level1] = self._row_list(block, _is_cost(level1, level1))
        return varied

    def _row_list(self, rows, cost: bool):
        if not isinstance(rows, list):
            return rows
        return [self._row(row, cost) if isinstance(row, dict) else row for row in rows]

    def _row(self, row: dict, cost: bool) -> Row:
        unit = str(row.get("度量单位") or "").strip()
        name = str(row.get("指标") or "")
        # A number without a unit in a rate's row (预算执行率（%）: "100") is a percentage.
        percent = unit in _RATIOS or (not unit and _PERCENT_NAME.search(name))
        context = "percent" if percent else "money" if unit in _MONEY else "value"
        self._pinned = self._ratio_pins(row.get("实施周期指标值"), row.get("年度指标值"))
        renamed = self.name(name, cost)
        project = self._renamed_here[:1]
        self._renamed_here = [*project, (name, renamed)]
        varied = Row()
        for key, value in row.items():
            if not isinstance(value, (str, int)) or isinstance(value, bool) or key in _FIXED_KEYS:
                varied[key] = value
            elif key == "指标":
                varied[key] = renamed
            elif key == "指标性质":
                varied[key] = self.comparison_cell(str(value))
            elif key == "度量单位":
                varied[key] = self.units.get(str(value), value)
            elif key in _TEXT_KEYS:
                varied[key] = self.text(str(value), "text")
            else:
                varied[key] = self._block(value, context)
        self._pinned, self._renamed_here = {}, project
        return varied


# ── files ───────────────────────────────────────────────────────────────────────────────

class Row(dict):
    """An indicator row, written on one line as the real files write it."""


class _Dumper(yaml.CSafeDumper):
    def ignore_aliases(self, data) -> bool:
        # Tables copy cells of one real table; the files write each cell out, never an alias.
        return True


_Dumper.add_representer(Row, lambda dumper, row: dumper.represent_mapping("tag:yaml.org,2002:map", row, flow_style=True))


def varied_document(number: int, projects_per_file: int, seed: int = SEED) -> dict:
    """File ``number`` of the varied corpus: one unit's tables for one year."""
    rng = random.Random(f"{seed}:{number}")
    words = vocabulary()
    place = rng.choice(words.places)
    unit = place + rng.choice(words.bodies)
    year = rng.randint(FIRST_YEAR, LAST_YEAR)
    kind = "自评" if rng.random() < SELF_ASSESSMENT_SHARE else "项目"
    document: dict = {"单位": unit, "年度": year}
    tables, names = [], set()
    for _ in range(projects_per_file):
        template_year, template = rng.choice(words.tables[kind])
        table = Variation(random.Random(rng.getrandbits(64)), words, year - template_year, year, place).table(template, unit)
        if isinstance(table.get("项目名称"), str):
            table["项目名称"] = _unique(table["项目名称"], names)
        tables.append(table)
    document[kind] = tables
    if kind == "项目" and rng.random() < DEPARTMENT_SHARE:
        template_year, template = rng.choice(words.tables["部门整体"])
        variation = Variation(random.Random(rng.getrandbits(64)), words, year - template_year, year, place,
                              whole_money=True)
        document["部门整体"] = variation.table(template, unit)
    return document


def _unique(name: str, taken: set[str]) -> str:
    # Two copies of one real project in a file are two phases of it, as units name them.
    candidate, phase = name, 1
    while candidate in taken:
        phase += 1
        candidate = f"{name}（{phase}期）"
    taken.add(candidate)
    return candidate


def write(document: dict, path: Path) -> None:
    text = yaml.dump(document, Dumper=_Dumper, allow_unicode=True, sort_keys=False, width=1000)
    path.write_text(text, encoding="utf-8")


def generate_varied(folder: Path, files: int, projects_per_file: int, seed: int, count: CellCount) -> None:
    folder.mkdir(parents=True, exist_ok=True)
    for number in range(files):
        document = varied_document(number, projects_per_file, seed)
        count.add(document)
        write(document, folder / f"unit{number:04}.yaml")


def generate(folder: Path, files: int, projects_per_file: int, corpus: str = "varied", seed: int = SEED,
             checkpoints=()) -> CellCount:
    """Write the corpus into ``folder`` (unit0000.yaml …) and count its cells."""
    count = CellCount(checkpoints)
    {"varied": generate_varied, "seed-only": generate_seed_only}[corpus](folder, files, projects_per_file, seed, count)
    return count
