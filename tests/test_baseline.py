"""Baselines hide exactly the recorded findings, wherever their lines move."""

from __future__ import annotations

import json

from tests.cli_helpers import jxlint

HEAD = "单位: 东莞市妇女联合会\n年度: 2025\n项目:\n"
PROJECT = "  - 项目名称: {name}\n    预算金额: 560,000.00元\n    预算金额: {amount}\n"


def write(path, *projects):
    path.write_text(HEAD + "".join(PROJECT.format(name=n, amount=a) for n, a in projects), encoding="utf-8")


def check(*args, **kwargs):
    return jxlint("check", "--format", "json", "--select", "JX0", *args, **kwargs)


def test_baseline_hides_old_findings_after_an_unrelated_edit_moves_them(tmp_path):
    target = tmp_path / "a.yaml"
    base = tmp_path / "baseline.json"
    write(target, ("家庭工作经费", "1元"))
    assert jxlint("check", str(target), "--select", "JX0", "--write-baseline", str(base)).exit_code == 0
    recorded = json.loads(base.read_text(encoding="utf-8"))["findings"]
    assert [(e["file"], e["rule"], e["project"], e["value"]) for e in recorded] == [("a.yaml", "JX002", "家庭工作经费", "预算金额")]
    # An unrelated project added above moves the old finding down three lines …
    write(target, ("妇女维权工作经费", "2元"), ("家庭工作经费", "1元"))
    result = check(str(target), "--baseline", str(base))
    assert result.exit_code == 1
    assert [(f["project"], f["line"]) for f in json.loads(result.stdout)] == [("妇女维权工作经费", 6)]


def test_fixed_findings_drop_out_of_the_next_baseline(tmp_path):
    target = tmp_path / "a.yaml"
    base = tmp_path / "baseline.json"
    write(target, ("家庭工作经费", "1元"), ("妇女维权工作经费", "2元"))
    jxlint("check", str(target), "--select", "JX0", "--write-baseline", str(base))
    assert len(json.loads(base.read_text(encoding="utf-8"))["findings"]) == 2
    target.write_text(HEAD + "  - 项目名称: 家庭工作经费\n" + PROJECT.format(name="妇女维权工作经费", amount="2元"), encoding="utf-8")
    jxlint("check", str(target), "--select", "JX0", "--write-baseline", str(base))
    assert [e["project"] for e in json.loads(base.read_text(encoding="utf-8"))["findings"]] == ["妇女维权工作经费"]
    assert check(str(target), "--baseline", str(base)).exit_code == 0


def test_baseline_paths_are_relative_to_the_baseline_file(tmp_path):
    (tmp_path / "units").mkdir()
    target = tmp_path / "units" / "a.yaml"
    write(target, ("家庭工作经费", "1元"))
    base = tmp_path / "baseline.json"
    jxlint("check", str(target), "--select", "JX0", "--write-baseline", str(base))
    assert json.loads(base.read_text(encoding="utf-8"))["findings"][0]["file"] == "units/a.yaml"
    assert check("units/a.yaml", "--baseline", "baseline.json", cwd=tmp_path).exit_code == 0


def test_broken_baseline_is_a_usage_error(tmp_path):
    target = tmp_path / "a.yaml"
    write(target, ("家庭工作经费", "1元"))
    (tmp_path / "b.json").write_text("{not json", encoding="utf-8")
    result = check(str(target), "--baseline", str(tmp_path / "b.json"))
    assert result.exit_code == 2 and "b.json" in result.output


def test_a_baseline_run_says_how_many_findings_it_hid(tmp_path):
    target = tmp_path / "a.yaml"
    base = tmp_path / "baseline.json"
    write(target, ("家庭工作经费", "1元"), ("妇女维权工作经费", "2元"))
    written = jxlint("check", str(target), "--select", "JX0", "--write-baseline", str(base))
    assert written.stderr.strip() == f"jxlint: 已把 2 个发现记入基线 {base}"
    result = check(str(target), "--baseline", str(base))
    assert result.exit_code == 0 and json.loads(result.stdout) == []
    assert result.stderr.strip().splitlines()[-1] == f"jxlint: 基线 {base} 隐藏了 2 个已记录的发现"
    english = check(str(target), "--baseline", str(base), "--lang", "en")
    assert english.stderr.strip().splitlines()[-1] == f"jxlint: the baseline {base} hid 2 recorded findings"


def test_baseline_errors_are_in_the_users_language(tmp_path):
    target = tmp_path / "a.yaml"
    write(target, ("家庭工作经费", "1元"))
    (tmp_path / "b.json").write_text('{"jxlint-baseline": 9}', encoding="utf-8")
    result = check(str(target), "--baseline", str(tmp_path / "b.json"))
    assert result.exit_code == 2 and "不是 jxlint 基线文件" in result.stderr
    result = check(str(target), "--baseline", str(tmp_path / "b.json"), "--lang", "en")
    assert result.exit_code == 2 and "not a jxlint baseline" in result.stderr


def test_a_baseline_that_is_a_fifo_is_refused_not_waited_for(tmp_path):
    import os
    import subprocess
    import sys

    target = tmp_path / "a.yaml"
    write(target, ("家庭工作经费", "1元"))
    os.mkfifo(tmp_path / "b.json")
    completed = subprocess.run([sys.executable, "-m", "lint", "check", str(target), "--baseline", str(tmp_path / "b.json")],
                               capture_output=True, text=True, timeout=60)
    assert completed.returncode == 2 and "无法读取基线文件：不是普通文件（命名管道）" in completed.stderr
