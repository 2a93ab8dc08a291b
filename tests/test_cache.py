"""The result cache trusts nothing a repository can commit, and clean removes only jxlint's own folder."""

from __future__ import annotations

import json
import shutil
import subprocess

import pytest

from lint import __version__
from lint.cache import Cache, content
from tests.cli_helpers import jxlint

TARGET = "单位: 东莞市妇女联合会\n年度: 2025\n项目:\n  - 项目名称: 家庭工作经费\n    预算金额: 1元\n    预算金额: 2元\n"


@pytest.fixture
def repo(tmp_path):
    folder = tmp_path / "repo"
    (folder / "targets").mkdir(parents=True)
    (folder / "targets" / "a.yaml").write_text(TARGET, encoding="utf-8")
    return folder


def check(repo, *args, env=None):
    return jxlint("check", "--format", "json", "--select", "JX0", "targets", *args, cwd=repo,
                  env={"JXLINT_CACHE_DIR": None, "JXLINT_LANG": "en", **(env or {})})


def rules(result) -> list[str]:
    return [f["rule"] for f in json.loads(result.stdout)]


def test_the_cache_folder_is_tagged_and_ignored_by_git(repo):
    assert check(repo).exit_code == 1
    cache = repo / ".jxlint_cache"
    assert (cache / "CACHEDIR.TAG").read_text().startswith("Signature: 8a477f597d28d172789f06886806bc55")
    assert (cache / ".gitignore").read_text().splitlines()[-1] == "*"


@pytest.mark.parametrize("forged", ["[]", '{"format": 2, "findings": []}', "unsigned"])
def test_a_committed_cache_entry_cannot_hide_findings(repo, forged):
    assert rules(check(repo)) == ["JX002"]
    (entry,) = (repo / ".jxlint_cache").rglob("*.json")
    if forged == "unsigned":  # the real entry's own payload, findings emptied, signature kept
        signature, payload = entry.read_text().split("\n", 1)
        document = json.loads(payload)
        document["findings"] = []
        forged = signature + "\n" + json.dumps(document, separators=(",", ":"))
    entry.write_text(forged, encoding="utf-8")
    result = check(repo)
    assert result.exit_code == 1 and rules(result) == ["JX002"]


def test_an_entry_signed_with_another_machines_key_does_not_verify(repo, monkeypatch, tmp_path):
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "attacker-home"))
    from lint import usercache

    usercache._key.cache_clear()
    try:
        check(repo, env={"XDG_CACHE_HOME": str(tmp_path / "attacker-home")})
        (entry,) = (repo / ".jxlint_cache").rglob("*.json")
        signature, payload = entry.read_text().split("\n", 1)
        document = json.loads(payload)
        document["findings"] = []
        cache = Cache(repo / ".jxlint_cache")
        from lint.cache import _sign

        key = entry.stem
        body = json.dumps(document, separators=(",", ":")).encode()
        entry.write_bytes(_sign(usercache.result_cache_key(), key, body).encode() + b"\n" + body)
        assert cache.get(key, document["fingerprint"], content(TARGET.encode())) == []  # valid for the attacker's key …
        monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "our-home"))
        result = check(repo, env={"XDG_CACHE_HOME": str(tmp_path / "our-home")})
        assert rules(result) == ["JX002"]  # … not for ours
    finally:
        usercache._key.cache_clear()


def test_a_committed_cachedir_tag_symlink_does_not_make_check_write_outside(repo, tmp_path):
    outside = tmp_path / "outside"
    outside.mkdir()
    cache = repo / ".jxlint_cache"
    cache.mkdir()
    (cache / "CACHEDIR.TAG").symlink_to(outside / "planted.txt")
    (cache / __version__).symlink_to(outside, target_is_directory=True)
    result = check(repo)
    assert rules(result) == ["JX002"]
    assert list(outside.iterdir()) == []
    assert "not a cache folder made by jxlint" in result.stderr


def test_a_version_folder_symlink_in_a_real_cache_is_not_written_through(repo, tmp_path):
    check(repo)
    cache = repo / ".jxlint_cache"
    shutil.rmtree(cache / __version__)
    outside = tmp_path / "outside"
    outside.mkdir()
    (cache / __version__).symlink_to(outside, target_is_directory=True)
    assert rules(check(repo)) == ["JX002"]
    assert list(outside.iterdir()) == []


def test_a_folder_jxlint_did_not_create_is_not_written_into(repo):
    assert check(repo, "--cache-dir", "targets").exit_code == 1
    assert sorted(p.name for p in (repo / "targets").iterdir()) == ["a.yaml"]


def test_entries_of_the_wrong_shape_are_misses(repo):
    from lint import usercache
    from lint.cache import _sign

    assert rules(check(repo)) == ["JX002"]
    (entry,) = (repo / ".jxlint_cache").rglob("*.json")
    document = json.loads(entry.read_text().split("\n", 1)[1])
    shapes = [None, "x", [None], [["JX002"]], [[1] * 11], [document["findings"][0][:4] + [5] + document["findings"][0][5:]],
              [document["findings"][0][:5] + [[1, 2, 3]] + document["findings"][0][6:]],
              [document["findings"][0][:2] + [99] + document["findings"][0][3:]]]
    for findings in shapes:
        body = json.dumps({**document, "findings": findings}).encode()
        entry.write_bytes(_sign(usercache.result_cache_key(), entry.stem, body).encode() + b"\n" + body)
        result = check(repo)
        assert result.exit_code == 1 and rules(result) == ["JX002"], findings


@pytest.mark.skipif(shutil.which("git") is None, reason="needs git")
def test_a_cache_folder_tracked_by_git_is_warned_about(repo):
    git = ["git", "-c", "user.name=t", "-c", "user.email=t@example.org"]
    subprocess.run([*git, "init", "-q"], cwd=repo, check=True)
    check(repo)
    assert "tracked by git" not in check(repo).stderr
    subprocess.run([*git, "add", "-f", ".jxlint_cache"], cwd=repo, check=True)
    subprocess.run([*git, "commit", "-qm", "oops"], cwd=repo, check=True)
    assert "tracked by git" in check(repo).stderr


# -- clean ---------------------------------------------------------------------------------------


def clean(cwd, cache_dir=None):
    return jxlint("clean", cwd=cwd, env={"JXLINT_CACHE_DIR": cache_dir, "JXLINT_LANG": "en"})


def test_clean_removes_jxlint_s_cache(repo):
    check(repo)
    result = clean(repo)
    assert result.exit_code == 0 and "removed" in result.stdout
    assert not (repo / ".jxlint_cache").exists()
    assert "no cache" in clean(repo).stdout


def test_clean_refuses_the_working_folder(repo):
    result = clean(repo, ".")
    assert result.exit_code == 2 and "CACHEDIR.TAG" in result.stderr
    assert (repo / "targets" / "a.yaml").read_text(encoding="utf-8") == TARGET


def test_a_committed_cache_symlink_is_neither_deleted_through_nor_a_crash(repo):
    (repo / ".jxlint_cache").symlink_to("targets", target_is_directory=True)
    result = clean(repo)
    assert result.exit_code == 2 and "symbolic link" in result.stderr
    assert (repo / "targets" / "a.yaml").exists() and (repo / ".jxlint_cache").is_symlink()
    assert rules(check(repo)) == ["JX002"]  # check neither crashes nor writes into targets/
    assert sorted(p.name for p in (repo / "targets").iterdir()) == ["a.yaml"]


@pytest.mark.parametrize("stranger", ["notes.txt", f"{__version__}/ab/mine.yaml", "link"])
def test_clean_refuses_a_tagged_folder_that_holds_anything_but_cache_entries(repo, stranger):
    check(repo)
    cache = repo / ".jxlint_cache"
    if stranger == "link":
        (cache / __version__ / "ab").mkdir(parents=True, exist_ok=True)
        (cache / __version__ / "ab" / ("0" * 64 + ".json")).symlink_to(repo / "targets" / "a.yaml")
    else:
        (cache / stranger).parent.mkdir(parents=True, exist_ok=True)
        (cache / stranger).write_text("mine", encoding="utf-8")
    result = clean(repo)
    assert result.exit_code == 2 and "not a jxlint cache entry" in result.stderr
    assert cache.exists() and (repo / "targets" / "a.yaml").exists()


def test_without_a_trusted_user_folder_there_is_no_result_cache(repo, monkeypatch):
    import pwd

    from lint import usercache

    def no_entry(uid):
        raise KeyError(uid)

    monkeypatch.delenv("HOME", raising=False)
    monkeypatch.delenv("XDG_CACHE_HOME", raising=False)
    monkeypatch.setattr(pwd, "getpwuid", no_entry)
    usercache._key.cache_clear()
    try:
        assert rules(check(repo)) == ["JX002"]
        assert not (repo / ".jxlint_cache").exists() and not (repo / "~").exists()
    finally:
        usercache._key.cache_clear()


def test_a_cache_made_before_the_gitignore_gets_one_and_old_temporaries_are_entries(repo):
    check(repo)
    cache = repo / ".jxlint_cache"
    (cache / ".gitignore").unlink()
    (entry,) = cache.rglob("*.json")
    (entry.parent / "tmpab12_cd.tmp").write_text("torn", encoding="utf-8")  # an older jxlint's interrupted write
    check(repo)
    assert (cache / ".gitignore").read_text().splitlines()[-1] == "*"
    assert clean(repo).exit_code == 0 and not cache.exists()
