"""Each CI format, checked against its consumer's schema or parser."""

from __future__ import annotations

import json
from pathlib import Path
from xml.etree import ElementTree as ET

import jsonschema
import pytest

from tests.cli_helpers import jxlint
from tests.conftest import EXAMPLES

SARIF_SCHEMA = json.loads((Path(__file__).parent.parent / "data" / "sarif-schema-2.1.0.json").read_text(encoding="utf-8"))


def report(fmt: str, *args: str, cwd=None) -> str:
    result = jxlint("check", *args, "--format", fmt, cwd=cwd)
    assert result.exit_code in (0, 1), result.output
    return result.stdout


@pytest.fixture(scope="module")
def expected():
    return json.loads(report("json", str(EXAMPLES)))


def test_examples_have_findings_to_report(expected):
    assert len(expected) > 10


def test_sarif_is_valid_2_1_0_with_rules_relative_uris_and_fingerprints(expected):
    document = json.loads(report("sarif", "examples", cwd=EXAMPLES.parent))
    jsonschema.validate(document, SARIF_SCHEMA)
    run = document["runs"][0]
    rules = {rule["id"]: rule for rule in run["tool"]["driver"]["rules"]}
    assert len(run["results"]) == len(expected)
    for result, finding in zip(run["results"], expected):
        assert result["ruleId"] == finding["rule"] and rules[result["ruleId"]]["help"]["text"]
        assert run["tool"]["driver"]["rules"][result["ruleIndex"]]["id"] == result["ruleId"]
        location = result["locations"][0]["physicalLocation"]
        assert location["artifactLocation"]["uri"].startswith("examples/")
        assert location["region"]["startLine"] == finding["line"] and location["region"]["startColumn"] == finding["column"]
        assert len(result["partialFingerprints"]["jxlintIdentity/v1"]) == 64


def test_github_annotations(expected):
    lines = report("github", str(EXAMPLES)).splitlines()
    assert len(lines) == len(expected)
    for line, finding in zip(lines, expected):
        command = {"error": "error", "warning": "warning", "info": "notice"}[finding["severity"]]
        assert line.startswith(f"::{command} file={finding['file']},line={finding['line']},col={finding['column']},")
        assert "\n" not in line and finding["rule"] in line


def test_github_escapes_newlines_and_percent():
    from lint.reporters.github import _data, _property

    assert _data("a%b\nc") == "a%25b%0Ac"
    assert _property("x: y, z") == "x%3A y%2C z"


def test_gitlab_code_quality(expected):
    issues = json.loads(report("gitlab", str(EXAMPLES)))
    assert len(issues) == len(expected)
    assert len({issue["fingerprint"] for issue in issues}) == len(issues)
    for issue, finding in zip(issues, expected):
        assert set(issue) >= {"description", "check_name", "fingerprint", "severity", "location"}
        assert issue["severity"] in {"info", "minor", "major", "critical", "blocker"}
        assert issue["location"]["path"] == finding["file"] and issue["location"]["lines"]["begin"] == finding["line"]


def test_junit_one_testcase_per_file_and_rule(expected):
    root = ET.fromstring(report("junit", str(EXAMPLES)))
    cases = root.findall("./testsuite/testcase")
    pairs = {(f["file"], f["rule"]) for f in expected}
    failing = [case for case in cases if case.find("failure") is not None]
    assert len(failing) == len(pairs)
    assert {(case.get("classname"), case.get("name").split()[0]) for case in failing} == pairs
    assert root.get("failures") == str(len(pairs))


def test_json_lines_agrees_with_json(expected):
    lines = report("json-lines", str(EXAMPLES)).splitlines()
    assert [json.loads(line) for line in lines] == expected


def test_concise_agrees_with_json(expected):
    lines = report("concise", str(EXAMPLES), "--max-per-rule", "0").splitlines()
    label = {"error": "错误", "warning": "警告", "info": "提示"}
    assert lines == [f"{f['file']}:{f['line']}:{f['column']}: {f['rule']} [{label[f['severity']]}] {f['message']}"
                     for f in expected]


def test_text_shows_the_source_line_and_a_caret(tmp_path):
    (tmp_path / "a.yaml").write_text(
        "单位: 东莞市妇女联合会\n年度: 2025\n项目:\n  - 项目名称: 家庭工作经费\n    预算金额: 1元\n    预算金额: 2元\n", encoding="utf-8"
    )
    out = report("text", str(tmp_path / "a.yaml"), "--select", "JX0", "--no-color")
    lines = out.splitlines()
    source = next(i for i, line in enumerate(lines) if line.strip().startswith("6 |"))
    assert lines[source].endswith("预算金额: 2元")
    caret = lines[source + 1]
    # 预算金额 is four wide characters: eight columns of carets under it.
    assert caret.strip() == "^" * 8
    assert caret.index("^") == lines[source].index("预")


def test_sarif_fixes_are_schema_valid_replacements(expected):
    document = json.loads(report("sarif", "examples", cwd=EXAMPLES.parent))
    jsonschema.validate(document, SARIF_SCHEMA)
    fixed = [(result, finding) for result, finding in zip(document["runs"][0]["results"], expected) if finding["fix"]]
    assert fixed and all("fixes" not in result for result, finding in zip(document["runs"][0]["results"], expected)
                         if not finding["fix"])
    for result, finding in fixed:
        (change,) = result["fixes"][0]["artifactChanges"]
        assert change["artifactLocation"]["uri"] == result["locations"][0]["physicalLocation"]["artifactLocation"]["uri"]
        edits = [{"line": r["deletedRegion"]["startLine"], "column": r["deletedRegion"]["startColumn"],
                  "end_line": r["deletedRegion"]["endLine"], "end_column": r["deletedRegion"]["endColumn"],
                  "text": r["insertedContent"]["text"]} for r in change["replacements"]]
        assert edits == finding["fix"]["edits"]
        assert result["fixes"][0]["description"]["text"] == finding["fix"]["description"]
        assert result["fixes"][0]["properties"]["applicability"] == finding["fix"]["applicability"]


def test_json_lines_carry_the_fix_objects_of_json(expected):
    lines = [json.loads(line) for line in report("json-lines", str(EXAMPLES)).splitlines()]
    assert [line["fix"] for line in lines] == [finding["fix"] for finding in expected]
    assert any(finding["fix"] for finding in expected)


FIXABLE = ("单位: 东莞市妇女联合会\n年度: 2025\n项目:\n  - 项目名称: 购买白玉兰家庭服务项目\n"
           "    预算金额: {金额: 700,000.00元}\n    绩效指标:\n      产出指标:\n        质量指标:\n"
           "          - {指标: 信息终端测评率, 年度指标值: ≥100%}\n")


@pytest.mark.parametrize(("lang", "safe", "unsafe"),
                         [("zh", '建议修改：给金额加上引号："700,000.00元" [可自动修复]', "建议修改：改为「=100%」 [可自动修复：需 --unsafe-fixes]"),
                          ("en", 'fix: quote the amount: "700,000.00元" [fixable]', "fix: write '=100%' [fixable with --unsafe-fixes]")])
def test_text_shows_the_fix_and_whether_it_applies_automatically(lang, safe, unsafe, tmp_path):
    (tmp_path / "t.yaml").write_text(FIXABLE, encoding="utf-8")
    lines = [line.strip() for line in report("text", "--lang", lang, "--no-color", "t.yaml", cwd=tmp_path).splitlines()]
    assert safe in lines and unsafe in lines
