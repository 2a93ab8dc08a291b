"""The labels a 项目支出绩效目标表 prints, and what each one means.

The importer recognises the form by these labels, never by fixed column positions: budget
systems shift cells left and right, and different years' exports put the same label in
different columns. Labels are compared without spaces ("经济效益 指标" = "经济效益指标")
and with full-width brackets and colons folded to ASCII.
"""

from __future__ import annotations

import re

from lint.loading import labels as levels

# Field rows of the form's head: label → key in the target file.
FIELDS = {
    "项目名称": "项目名称",
    "项目编码": "项目编码",
    "项目编号": "项目编码",
    "项目类型": "项目类型",
    "项目类别": "项目类型",
    "项目等级": "项目等级",
    "项目级次": "项目等级",
    "主管部门": "主管部门",
    "主管部门及代码": "主管部门",
    "用款单位": "用款单位",
    "实施单位": "用款单位",
    "项目负责人": "项目负责人",
}

PERIOD = "实施周期"
START_YEAR = "起始年度"
END_YEAR = "到期年度"

# "2025年预算金额(元)", "2024年预算金额", "预算金额（万元）", "年度资金总额", "项目总金额（万元）".
BUDGET = re.compile(r"^(?:(?P<year>\d{4})年度?)?(?:项目)?(?:预算金额|年度资金总额|资金总额|总金额)(?:\((?P<unit>万元|元)\))?$")
# The standard form's funds block: "项目资金（元） | 年度资金总额 | 3200000", the unit in the block's label.
FUNDS = re.compile(r"^(?:项目)?资金(?:\((?P<unit>万元|元)\))?$")
# Amounts the target file has no key for: the whole period's total, and the sources below it
# ("其中：财政拨款 | 3200000").
CYCLE_FUNDS = re.compile(r"^实施(?:周)?期(?:资金总额|预算金额|总金额)(?:\((?:万元|元)\))?$")
FUNDS_DETAIL = re.compile(r"^其中(?::|$)")

GOALS = "总体绩效目标"
# The goal block's label: 总体绩效目标, or 总体目标 as the standard form prints it.
GOAL_HEADS = frozenset({"总体绩效目标", "总体目标", "项目总体目标", "项目绩效目标"})
GOAL_LABELS = re.compile(r"^(?:总体)?(?:绩效)?(?:(?P<cycle>实施周期总目标|实施周期目标|实施期总目标|实施期目标|中长期目标)"
                         r"|(?P<annual>(?:(?P<year>\d{4})年?|当)?年度(?:总体)?(?:绩效)?目标))$")

INDICATORS = "绩效指标"
HEADER_LEVELS = {"一级指标": 1, "二级指标": 2, "三级指标": 3}

# Value columns of the indicator table → the key the target file uses (the form's own).
VALUE_COLUMNS = (
    (re.compile(r"^实施(?:周)?期(?:指标值|目标值)$"), "实施周期指标值"),
    (re.compile(r"^当年度(?:指标值|目标值)$"), "当年度指标值"),
    (re.compile(r"^(?:\d{4}年?)?年度(?:指标值|目标值)$"), "年度指标值"),
    (re.compile(r"^(?:指标值|指标目标值)$"), "指标值"),
    (re.compile(r"^目标值$"), "目标值"),
)

APPROVAL = re.compile(r"^\s*(?P<office>.*?)\s*(?:审核|批复)意见\s*[:：]?\s*$")
REMARK = "备注"

# A title row: "项目绩效目标表", "望牛墩镇财政项目支出绩效目标批复表", "2025年项目支出绩效目标申报表".
TITLE = re.compile(r"绩效目标.{0,4}表$")
YEAR_IN_TITLE = re.compile(r"(\d{4})\s*年")
DEPARTMENT = re.compile(r"部门整体|部门名称|整体支出")
# Compared after key(): no spaces, ASCII colon. "单位：元" names the amounts' unit, not the unit.
AMOUNT_UNIT_LINE = re.compile(r"^(?:金额)?单位:(?P<unit>万元|元)$")
UNIT_LINE = re.compile(r"^(?:填报|申报|预算)?单位(?:名称)?:(?!(?:万元|元)$)(?P<unit>.+)$")
# A header column with the 计量单位 of the single value column ("≥24" | "场").
MEASURE_COLUMNS = ("计量单位", "度量单位", "单位")

_FOLD = str.maketrans({"（": "(", "）": ")", "：": ":", "\u3000": " "})
_SPACES = re.compile(r"\s+")


def key(text: str) -> str:
    """A label as compared: no spaces, ASCII brackets and colons."""
    return _SPACES.sub("", text.translate(_FOLD))


def field_key(text: str) -> str | None:
    return FIELDS.get(key(text))


def value_column(text: str) -> str | None:
    """The target-file key of a value column header, or None."""
    label = key(text)
    for pattern, column in VALUE_COLUMNS:
        if pattern.match(label):
            return column
    return None


def level1(text: str) -> str | None:
    """Canonical 一级指标 for a label cell, or None."""
    return levels.level1(key(text))


def level2(text: str) -> str | None:
    """Canonical 二级指标 for a label cell, or None."""
    return levels.level2(key(text))


def is_title(text: str) -> bool:
    return bool(TITLE.search(key(text)))
