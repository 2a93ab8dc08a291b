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


def _column(text: str, columns: tuple[tuple[re.Pattern, str], ...]) -> str | None:
    label = key(text)
    return next((column for pattern, column in columns if pattern.match(label)), None)


def value_column(text: str) -> str | None:
    """The target-file key of a value column header, or None."""
    return _column(text, VALUE_COLUMNS)


def level1(text: str) -> str | None:
    """Canonical 一级指标 for a label cell, or None."""
    return levels.level1(key(text))


def level2(text: str) -> str | None:
    """Canonical 二级指标 for a label cell, or None."""
    return levels.level2(key(text))


def is_title(text: str) -> bool:
    return bool(TITLE.search(key(text)))


# -- 部门整体支出绩效目标表 (read by lint/importer/department.py) ---------------------------------

# The department's name and the head's other fields: label → key in the target file.
DEPARTMENT_FIELDS = {
    "部门名称": "部门名称",
    "部门(单位)名称": "部门名称",
    "单位名称": "部门名称",
    "预算单位名称": "部门名称",
    "主管部门": "主管部门",
    "主管部门及代码": "主管部门",
}
BASIC_INFO = "基本信息"
# 基本信息 entries (kept as the form names them): counts and codes, no amounts.
BASIC_INFO_FIELDS = frozenset({"财政供养人员数", "下属二级单位数", "部门预算编码", "单位编码", "编制人数", "实有人数",
                               "在职人数", "离退休人数"})
# Budget block lines → the target file's section. Labels are kept as the form spells them.
INCOME_LINES = re.compile(r"^(?:其中:)?(?:(?:市|区|县|省)?(?:本级)?财政拨款|一般公共预算(?:拨款|收入)?|政府性基金(?:预算)?(?:拨款|收入)?"
                          r"|财政专户管理资金|事业收入|经营收入|上级补助收入|附属单位上缴收入|其他(?:资金|收入))$")
EXPENDITURE_LINES = re.compile(r"^(?:其中:)?(?:基本支出|项目支出|财政专项资金|其他事业发展性支出|人员(?:经费|支出)|(?:日常)?公用(?:经费|支出))$")
LEVEL_LINES = re.compile(r"^(?:(?:市|区|县|省)本级使用资金|本级使用资金|拟用于对下转移支付资金|对下转移支付资金)$")
TOTAL_LINES = re.compile(r"^(?:金额合计|合计|总计|资金总额|预算总额|收入合计|支出合计)$")
# Labels of the budget block that only name columns or groups; "(万元)" in them is the amounts' unit.
BUDGET_BLOCK_LABELS = re.compile(r"^(?:预算整体情况|部门预算支出|收入来源|事业发展性支出|按预算级次划分|年度预算安排|年度预算"
                                 r"|预算金额|年度预算金额|金额)(?:\((?P<unit>万元|元)\))?$")
UNIT_IN_LABEL = re.compile(r"\((?P<unit>万元|元)\)")
# The goal: 总体绩效目标 (or 总体目标, 中期目标) and the year's own (年度总体目标, 年度目标).
DEPARTMENT_GOALS = re.compile(r"^(?:(?P<whole>(?:部门)?总体(?:绩效)?目标|中期(?:滚动)?目标(?:\(.*\))?)"
                              r"|(?P<annual>年度(?:总体)?(?:绩效)?目标))$")
# The tasks block: its label (merged down its rows, sometimes printed in the first task's cell).
TASK_BLOCK = re.compile(r"^(?:年度(?:重点|主要)?(?:工作)?任务|年度履职目标|其他需完成的任务(?:\(可选填\))?)")
OPTIONAL_TASKS = re.compile(r"^其他需完成的任务")
# Task table columns → key in the target file.
TASK_COLUMNS = (
    (re.compile(r"^(?:任务名称|名称|支出项目名称|项目名称)$"), "名称"),
    (re.compile(r"^主要实施内容$"), "主要实施内容"),
    (re.compile(r"^(?:主要内容|部门职能)$"), "主要内容"),
    (re.compile(r"^(?:拟投入的?资金|预算金额|年度预算金额|总额|小计|金额)(?:\((?:万元|元)\))?$"), "金额"),
    (re.compile(r"^(?:其中:)?(?:(?:市|区|县|省)?财政拨款)$"), "财政拨款"),
    (re.compile(r"^(?:其中:)?其他资金$"), "其他资金"),
    (re.compile(r"^(?:期望达到的目标(?:\(概述\))?|年度目标任务|预期目标)$"), "期望达到的目标"),
)
# The 一级 each 二级 belongs to in the form (成本指标 has two: 产出指标 in older forms, its own 一级 in
# newer ones). A text layer that lost a merged 一级 cell still prints the 二级 under it.
LEVEL1_OF = {
    "数量指标": "产出指标", "质量指标": "产出指标", "时效指标": "产出指标",
    "经济成本指标": "成本指标", "社会成本指标": "成本指标", "生态环境成本指标": "成本指标",
    "经济效益指标": "效益指标", "社会效益指标": "效益指标", "生态效益指标": "效益指标", "可持续影响指标": "效益指标",
    "服务对象满意度指标": "满意度指标", "其他满意度指标": "满意度指标",
}
# The indicator table's own label in the left column ("绩效指标", "年度绩效指标").
INDICATOR_BLOCK = re.compile(r"^(?:年度)?(?:绩效)?指标$|^年度绩效指标$")


def task_column(text: str) -> str | None:
    """The target-file key of a 年度重点工作任务 column header, or None."""
    return _column(text, TASK_COLUMNS)


# -- 项目支出绩效自评表 (self-assessment) labels: lint/importer/self_assessment.py ------------------

# A form is a self-assessment when a cell says so, or its indicator header has a 实际完成值 column.
SELF_TITLE = re.compile(r"自评表")
# Head fields → the key the 自评 format uses (after key(), trailing "(盖章)" and ":" removed).
SELF_FIELDS = {
    "项目名称": "项目名称", "主管部门": "主管部门", "实施单位": "实施单位", "项目实施单位": "实施单位",
    "报表编号": "报表编号", "表号": "表号", "项目类别": "项目类别", "项目属性": "项目属性", "项目类型": "项目类型",
    "填报日期": "填报日期", "项目负责人": "项目负责人", "财务负责人": "财务负责人",
}
SELF_FORM_NUMBER = re.compile(r"^公开\d+表$")  # "公开14表" printed in the head → 表号
SELF_UNIT_NAME = re.compile(r"^(?:部门|单位名称|单位):(?P<unit>.+)$")
SELF_YEAR = re.compile(r"(\d{4})年度?")
# The budget block: 项目资金(元), 预算执行情况(10分), 预算执行情况(万元)(20分).
SELF_BUDGET_BLOCK = re.compile(r"^(?P<key>项目资金|预算执行情况)(?:\((?:万元|元)\)|\(\d+(?:\.\d+)?分\))*$")
SELF_POINTS = re.compile(r"\((\d+(?:\.\d+)?)分\)")
SELF_MONEY_UNIT = re.compile(r"[(（]\s*([万萬]?元)\s*[)）]")  # on the raw text: the unit as printed
SELF_AMOUNT_LABEL = re.compile(r"^年度预算数(?:\((?:万元|元)\))?$")  # "年度预算数(万元)" over the amount columns
# Columns of a budget line, as printed; "(A)", "(B/A)", "(20分*执行率)" after them are dropped.
SELF_BUDGET_COLUMNS = ("年初预算数", "年初预算", "全年预算数", "调整后预算数", "预算数", "全年执行数", "预算执行数",
                       "执行数", "分值", "执行率", "预算执行率", "权重", "得分", "原因", "说明")
# Budget lines (rows of the block), compared after key().
SELF_BUDGET_LINE = re.compile(r"^(?:其中:)?(?:年度(?:财政)?资金总额|总额|当年财政拨款|财政资金|财政专户管理资金|单位资金"
                              r"|上年结转资金|其他资金)$")
# The goals block and its two columns.
SELF_GOAL_BLOCKS = ("年度总体目标", "项目年度目标完成情况")
SELF_GOAL_COLUMNS = ("预期目标", "实际完成情况", "项目年度目标", "年度目标完成情况")
# Text boxes: label → key.
SELF_TEXTS = ("其他需要说明事项", "项目实施内容及过程概述", "评价结论", "存在问题", "改进措施")
SELF_SECTIONS = ("项目基本情况",)  # a label over other labels, with no cell of its own
SELF_INDICATORS = re.compile(r"^(?:年度)?绩效(?:指标|目标)(?:\(\d+(?:\.\d+)?分\))?$")  # 年度绩效目标(80分): county form
# Indicator columns as printed (after dropping "(A)"/"(B)").
SELF_ROW_COLUMNS = ("年度指标值", "年初目标值", "指标性质", "指标值", "度量单位", "实际完成值", "完成值", "分值",
                    "权重", "得分", "偏差原因分析及改进措施", "偏差原因", "未完成原因分析")
SELF_SPANNING = "年度指标值"  # printed over 指标性质 | 指标值 | 度量单位 when the form splits the value
SELF_SPLIT = ("指标性质", "指标值", "度量单位")
# Columns a text layer may leave out at a row's end (remarks, often blank or merged).
SELF_REMARK_COLUMNS = frozenset({"原因", "说明", "偏差原因分析及改进措施", "偏差原因", "未完成原因分析"})
SELF_TOTALS = ("总分", "合计")
SELF_GRADES = frozenset({"优", "良", "中", "差", "优秀", "良好", "合格", "不合格"})
SELF_NUMBERING = re.compile(r"^\d+[.、]")  # "1.项目年度目标完成情况"
SELF_SUFFIX = re.compile(r"\((?:[A-Z/\d]+|盖章|[^()]*\*[^()]*)\)$")  # "(A)", "(B/A)", "(盖章)", "(20分*执行率)"
# Transcribed pages put the pinyin of traditional characters in brackets: "項(xiàng)目".
SELF_PINYIN = re.compile(r"\([a-zāáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜüńňǹ]+\)")
# Traditional → simplified, for comparing labels only (cells keep their own characters).
SELF_TRADITIONAL = str.maketrans(dict(zip(
    "項稱門實單資萬預數執總額當財撥結轉體標際況績級質產時會滿對務進評態環續響經濟計價論問題達類屬開號負責說明務",
    "项称门实单资万预数执总额当财拨结转体标际况绩级质产时会满对务进评态环续响经济计价论问题达类属开号负责说明务")))
# A value cell holding several targets in a run ("≥400 人次 ≥50 个 ≥10 个"): split before each sign.
RUN_OF_TARGETS = re.compile(r"\s+(?=[≥≤><＞＜])")
# "预算单位:东莞展览馆" names the unit the file is for; "批复单位:…" is kept as 备注.
DEPARTMENT_UNIT_LABELS = frozenset({"预算单位", "填报单位", "申报单位"})
DEPARTMENT_REMARK_LABELS = frozenset({"批复单位", "审核单位"})
