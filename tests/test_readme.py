"""The README's snippets work as written: the commands, the config, the target-file sample
and the CI jobs' jxlint commands (run against examples/ instead of targets/)."""

from __future__ import annotations

import json
import re
import shlex
from pathlib import Path
from xml.etree import ElementTree as ET

import yaml

from lint.config import load_settings
from lint.loading import load_target
from tests.cli_helpers import jxlint
from tests.conftest import EXAMPLES, ROOT

README = (ROOT / "README.md").read_text(encoding="utf-8")
BLOCKS = re.findall(r"```(\w+)\n(.*?)```", README, re.S)


def _block(language: str, containing: str) -> str:
    return next(body for lang, body in BLOCKS if lang == language and containing in body)


def test_readme_opens_with_the_install_and_the_test_command_and_ci_runs_the_latter():
    install, test = BLOCKS[0][1].strip(), BLOCKS[1][1].strip()
    assert "pip install ." in install and install.endswith("jxlint check examples/")
    assert "pip install '.[test]'" in test and test.endswith("python -m pytest")
    ci = (ROOT / ".ci" / "run").read_text(encoding="utf-8")
    assert re.search(r"pip\"? install --quiet '\.\[test\]'", ci) and "-m pytest" in ci


def test_the_sample_target_file_is_a_valid_target_file():
    sample = _block("yaml", "项目名称: 购买白玉兰家庭服务项目")
    assert load_target("sample.yaml", sample.encode("utf-8")).problems == []


def test_the_sample_config_is_valid_and_builds_its_rules(tmp_path):
    config = _block("yaml", "per-file-ignores")
    (tmp_path / "province-pack.yaml").write_text("pack: province\nextends: [default]\n", encoding="utf-8")
    (tmp_path / ".jxlint.yaml").write_text(config, encoding="utf-8")
    settings = load_settings(tmp_path / ".jxlint.yaml")
    rules = settings.ruleset().rules
    assert "JX104" not in rules and rules["JX401"].severity.name == "ERROR" and rules["JX404"].options["floor"] == 95


def _ci_commands(containing: str) -> list[list[str]]:
    commands = []
    for line in _block("yaml", containing).splitlines():
        text = line.strip().removeprefix("- ").removeprefix("run: ")
        text = text.split("  #")[0].strip()
        if text.startswith("jxlint check"):
            commands.append(shlex.split(text.replace("targets/", str(EXAMPLES) + "/"))[1:])
    assert commands
    return commands


def test_github_actions_job_commands(tmp_path):
    for args in _ci_commands("upload-sarif"):
        result = jxlint(*args, env={"GITHUB_ACTIONS": "true"}, cwd=tmp_path)
        assert result.exit_code in (0, 1), result.output
    assert json.loads((tmp_path / "jxlint.sarif").read_text(encoding="utf-8"))["version"] == "2.1.0"
    annotations = jxlint("check", str(EXAMPLES), env={"GITHUB_ACTIONS": "true"}).stdout
    assert annotations.startswith("::")


def test_gitlab_ci_job_commands(tmp_path):
    for args in _ci_commands("codequality"):
        result = jxlint(*args, cwd=tmp_path)
        assert result.exit_code in (0, 1), result.output
    report = json.loads((tmp_path / "gl-code-quality-report.json").read_text(encoding="utf-8"))
    assert report and {"description", "fingerprint", "severity", "location"} <= set(report[0])


def test_baseline_commands(tmp_path):
    commands = [shlex.split(line.split("#")[0].replace("targets/", str(EXAMPLES) + "/"))[1:]
                for line in _block("sh", "--write-baseline").strip().splitlines()]
    assert jxlint(*commands[0], cwd=tmp_path).exit_code == 0
    assert jxlint(*commands[1], cwd=tmp_path).exit_code == 0  # everything is in the baseline


def test_local_commands():
    for line in _block("sh", "jxlint explain JX301").strip().splitlines():
        args = shlex.split(line.split("  #")[0].replace("targets/", str(EXAMPLES) + "/"))[1:]
        result = jxlint(*args)
        assert result.exit_code in (0, 1), (args, result.output)
        assert result.stdout.strip()


def test_pre_commit_snippet_names_the_hook_this_repository_defines():
    snippet = yaml.safe_load(_block("yaml", "hooks:\n      - id: jxlint"))
    hooks = yaml.safe_load((ROOT / ".pre-commit-hooks.yaml").read_text(encoding="utf-8"))
    assert snippet["repos"][0]["hooks"][0]["id"] in {hook["id"] for hook in hooks}


def test_the_junit_format_the_readme_lists_is_valid_xml():
    assert "`junit`" in README
    ET.fromstring(jxlint("check", str(EXAMPLES), "--format", "junit").stdout)


def test_every_rule_id_the_readme_names_exists():
    from lint.rulepack import load_rules

    rules = load_rules().rules
    named = set(re.findall(r"\bJX\d{3}\b", README))
    assert named and named <= set(rules), named - set(rules)
    assert Path(ROOT / "benchmarks" / "bench.py").exists() and "benchmarks/bench.py" in README
