"""`jxlint import seed -o out.yaml && jxlint check out.yaml`: the seed's known defects, located in out.yaml."""

from __future__ import annotations

import json

from tests.cli_helpers import jxlint
from tests.importer.workbooks import SEED_001, SEED_002, seed_rows, workbook


def _import_then_check(tmp_path, source) -> tuple[list[dict], list[str]]:
    out = tmp_path / "out.yaml"
    imported = jxlint("import", str(source), "-o", str(out))
    assert imported.exit_code == 0, imported.output
    assert imported.stderr == ""
    checked = jxlint("check", str(out), "--format", "json")
    assert checked.exit_code == 1, checked.output
    return json.loads(checked.stdout), out.read_text(encoding="utf-8").splitlines()


def test_import_then_check_finds_the_seed_defects_in_out_yaml(tmp_path):
    findings, lines = _import_then_check(tmp_path, SEED_001)
    assert all(finding["rule"] not in ("JX001", "JX002", "JX003", "JX004") for finding in findings)

    # 社区活动 55场 vs 5场: a dropped digit (JX204), or at least a ratio that fits nothing (JX203).
    digit = [f for f in findings if f["rule"] in ("JX204", "JX203") and f["indicator"] == "社区活动数(场次)"
             and f["project"] == "购买白玉兰家庭服务项目"]
    assert digit, [f["rule"] for f in findings]
    line = lines[digit[0]["line"] - 1]
    assert "{指标: 社区活动数(场次), 实施周期指标值: 55场, 年度指标值: 5场}" in line
    assert line[digit[0]["column"] - 1:].startswith("5场")

    # 预算控制数 against 预算金额: three projects where they differ.
    caps = [f for f in findings if f["rule"] == "JX301"]
    assert {(f["project"], f["value"]) for f in caps} == {
        ("购买白玉兰家庭服务项目", "≤954100元"),
        ("创建儿童友好城市工作", "≤549676元"),
        ("市妇联统筹运维服务项目", "≤208000元"),
    }
    assert len(caps) == 3
    for finding in caps:
        line = lines[finding["line"] - 1]
        assert line.lstrip().startswith("- {指标: 预算控制数") and finding["value"] in line
        assert line[finding["column"] - 1:].startswith(finding["value"])


def test_import_then_check_a_workbook(tmp_path):
    book = tmp_path / "book.xlsx"
    book.write_bytes(workbook([("Sheet1", seed_rows(SEED_002))]))
    findings, lines = _import_then_check(tmp_path, book)
    exceeds = [f for f in findings if f["rule"] == "JX201"]
    assert [(f["indicator"], f["value"]) for f in exceeds] == [("项目活动场次", "20")]
    assert '{指标: 项目活动场次, 实施周期指标值: "15", 当年度指标值: "20"}' in lines[exceeds[0]["line"] - 1]


def test_output_is_not_overwritten_without_force(tmp_path):
    out = tmp_path / "out.yaml"
    out.write_text("# 手工修改过的文件\n", encoding="utf-8")
    refused = jxlint("import", str(SEED_001), "-o", str(out))
    assert refused.exit_code == 2
    assert "已经存在；要覆盖它请加 --force" in refused.stderr
    assert out.read_text(encoding="utf-8") == "# 手工修改过的文件\n"
    forced = jxlint("import", str(SEED_001), "-o", str(out), "--force")
    assert forced.exit_code == 0
    assert out.read_text(encoding="utf-8").startswith("# 来源: 001_4e925c5c83cbca8d.txt")


def test_import_to_stdout_and_from_stdin():
    to_stdout = jxlint("import", str(SEED_002))
    assert to_stdout.exit_code == 0
    from_stdin = jxlint("import", "-", input=SEED_002.read_bytes())
    assert from_stdin.exit_code == 0
    assert from_stdin.stdout == to_stdout.stdout.replace(SEED_002.name, "标准输入")
