"""The YAML writer: whatever a cell holds, the target file reads it back as the same text."""

from __future__ import annotations

import yaml
from hypothesis import given, settings
from hypothesis import strategies as st

from lint.importer.emit import amount, scalar, write_target
from lint.importer.model import SourceIndicator, Level1, Level2, Project
from lint.loading.clean import clean, invisible_at
from tests.importer.workbooks import loaded

LOADERS = [yaml.SafeLoader] + ([yaml.CSafeLoader] if hasattr(yaml, "CSafeLoader") else [])
cells = st.text(st.characters(blacklist_categories=("Cs",)), max_size=40)
likely = st.sampled_from(["12", "1080", "2,480,691.00元", "≥85%", "yes", "null", "~", "2025-12-31", "0x1F", "1e3",
                          "目标1: 支援", "a #b", "- x", "[1]", "{x}", "'q'", '"q"', "*a", "&a", "!t", "%p", "@", "`",
                          "|", ">", "?", ":", "a,b", " lead", "trail ", "两\n行", "tab\there", "\ufeff", "\u2028",
                          "\x85", "\x7f", "", "合格及以上", "<p>目标1. 通过</p>"])


@given(st.one_of(likely, cells))
@settings(max_examples=300)
def test_block_and_flow_scalars_read_back(text):
    for loader in LOADERS:
        assert yaml.load("k: " + scalar(text), Loader=loader) == {"k": text}
        assert yaml.load("{k: " + scalar(text, flow=True) + "}", Loader=loader) == {"k": text}


# The loader removes invisible characters and folds compatibility forms (² → 2) before any
# check, and reports what it removed: the whole-file round trip is about text it keeps as is.
kept = st.one_of(likely, cells).filter(lambda text: clean(text) == text and not invisible_at(text))


@given(name=kept, cycle=kept, annual=kept, goal=kept)
@settings(max_examples=150, deadline=None)
def test_a_whole_target_file_loads_with_no_problem_and_the_same_text(name, cycle, annual, goal):
    project = Project(None, 1, 9, fields={"项目名称": "项目" + name}, start_year=2021, end_year=2099,
                      budget="954,112.00元", annual_goal=goal, value_columns=["实施周期指标值", "年度指标值"],
                      has_indicator_table=True)
    group = Level2("数量指标", [SourceIndicator(name, {"实施周期指标值": cycle, "年度指标值": annual}, 5)])
    project.tree["产出指标"] = Level1("产出指标", {"数量指标": group})
    text = write_target(header=["来源: t.txt"], unit="东莞市妇女联合会", year=2025,
                        projects=[("来源: t.txt 第1–9行", project)])
    table = loaded(text).projects[0]
    row = table.indicators[0]
    assert (row.name.text, row.cycle_value.text, row.annual_value.text) == (name, cycle, annual)
    assert table.title.text == "项目" + name and table.annual_goal.text == goal


def test_what_must_be_quoted_is_quoted():
    assert scalar("12", flow=True) == '"12"'
    assert scalar("5场", flow=True) == "5场"
    assert scalar("≤954100元", flow=True) == "≤954100元"
    assert scalar("700,000.00元", flow=True) == '"700,000.00元"'
    assert amount("954,112.00元") == '"954,112.00元"'
    assert amount(190000) == "190000"
    assert scalar("目标1: 支援") == '"目标1: 支援"'
    assert scalar("两\n行") == '"两\\n行"'
    assert scalar(None) == "null"
