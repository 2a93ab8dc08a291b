"""--targets / --previous (lint/references.py): other files a check compares with, in the CLI,
the config, the result cache and parallel runs."""

from __future__ import annotations

import json
import shutil

from lint.references import References, ReferenceError, load_references
from tests.cli_helpers import jxlint
from tests.conftest import EXAMPLES

SELF = next(EXAMPLES.glob("101_*.yaml"))
APPROVED = ("单位: 永德县明朗中学\n年度: 2022\n项目:\n  - 项目名称: 义务教育营养改善计划专项资金\n    绩效指标:\n"
            "      产出指标:\n        数量指标:\n          - {指标: 学生受资助人数, 年度指标值: %s}\n")


def _rules(result) -> list[tuple[str, int]]:
    return [(f["rule"], f["line"]) for f in json.loads(result.stdout)]


def test_a_referenced_file_that_cannot_be_used_is_a_usage_error_naming_it(tmp_path):
    (tmp_path / "notes.yaml").write_text("title: notes\n", encoding="utf-8")
    for bad, words in ((tmp_path / "missing.yaml", "cannot read the approved targets"),
                       (tmp_path / "notes.yaml", "is not a target file")):
        try:
            load_references([str(bad)])
        except ReferenceError as error:
            assert words in str(error) and bad.name in error.text("zh")
        else:
            raise AssertionError(bad)
    result = jxlint("check", "--isolated", str(SELF), "--targets", str(tmp_path / "missing.yaml"))
    assert result.exit_code == 2 and "无法读取批复的绩效目标" in result.output


def test_the_digest_changes_with_the_content_and_the_role_of_a_file(tmp_path):
    path = tmp_path / "目标.yaml"
    path.write_text(APPROVED % "≥735人次", encoding="utf-8")
    first = load_references([str(path)]).digest
    assert load_references(previous=[str(path)]).digest != first
    path.write_text(APPROVED % "≥800人次", encoding="utf-8")
    assert load_references([str(path)]).digest != first
    assert not References() and load_references([str(path)])


def test_targets_on_the_command_line_and_a_cached_result_that_a_changed_target_file_renews(tmp_path):
    path = tmp_path / "目标.yaml"
    path.write_text(APPROVED % "≥735人次", encoding="utf-8")
    args = ("check", "--isolated", "--format", "json", "--select", "JX720", str(SELF), "--targets", str(path),
            "--cache-dir", str(tmp_path / "cache"))
    assert _rules(jxlint(*args)) == []
    path.write_text(APPROVED % "≥800人次", encoding="utf-8")
    assert _rules(jxlint(*args)) == [("JX720", 27)]
    assert _rules(jxlint(*args[:-4], "--cache-dir", str(tmp_path / "cache"))) == []  # no --targets: not compared


def test_the_config_keys_are_relative_to_the_config_file(tmp_path):
    (tmp_path / "approved").mkdir()
    (tmp_path / "approved" / "目标.yaml").write_text(APPROVED % "≥800人次", encoding="utf-8")
    shutil.copy(SELF, tmp_path / "自评.yaml")
    (tmp_path / ".jxlint.yaml").write_text("select: [JX720]\ntargets: [approved/目标.yaml]\n", encoding="utf-8")
    result = jxlint("check", "--format", "json", "--no-cache", str(tmp_path / "自评.yaml"))
    assert _rules(result) == [("JX720", 27)]


def test_workers_load_the_references_themselves(tmp_path):
    path = tmp_path / "目标.yaml"
    path.write_text(APPROVED % "≥800人次", encoding="utf-8")
    for number in range(16):
        shutil.copy(SELF, tmp_path / f"自评{number:02}.yaml")
    result = jxlint("check", "--isolated", "--format", "json", "--no-cache", "--select", "JX720", "--jobs", "2",
                    *sorted(str(p) for p in tmp_path.glob("自评*.yaml")), "--targets", str(path))
    assert _rules(result) == [("JX720", 27)] * 16


def test_previous_on_the_command_line_reports_this_years_target_below_last_years_result(tmp_path):
    (tmp_path / "2023.yaml").write_text(APPROVED.replace("2022", "2023") % "≥700人次", encoding="utf-8")
    last = SELF.read_text(encoding="utf-8").replace('实际完成值: "735"', '实际完成值: "760"')
    (tmp_path / "上年自评.yaml").write_text(last, encoding="utf-8")
    result = jxlint("check", "--isolated", "--no-cache", "--format", "json", "--select", "JX724", str(tmp_path / "2023.yaml"),
                    "--previous", str(tmp_path / "上年自评.yaml"))
    findings = json.loads(result.stdout)
    assert [(f["rule"], f["line"]) for f in findings] == [("JX724", 8)]
    assert "≥700人次 低于上年实际完成值 760" in findings[0]["message"]
