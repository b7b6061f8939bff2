"""`sxs stale` on a scratch repository: exactly the translated line whose English line changed later."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from contrib_helpers import ROOT, Run, find_line, git, replace_line

KO = "docs/articles/antispam-5-7-23.ko.md"


def test_fresh_import_has_no_stale_line(repo: Path, sxs: Run) -> None:
    status, out, err = sxs("stale")
    assert status == 0 and err == ""
    assert out == (
        "1 articles (1 machine translated, 0 human translated, 0 unknown); 7 translatable lines: "
        "0 stale (0.0%) in 0 articles, 0 edited since import (0.0%)\n"
    )


def test_changed_english_line_is_named(repo: Path, pages: tuple[Path, Path], sxs: Run) -> None:
    ko, en = pages
    n = find_line(en, "Make note of the detailed external error")
    replace_line(en, n, "Write down the detailed external error available in the bounce message.")
    git(repo, "commit", "-q", "-am", "upstream: English line 34 changed")
    head = git(repo, "rev-parse", "HEAD").strip()
    status, out, _ = sxs("stale")
    assert status == 0
    lines = out.splitlines()
    assert lines[0].startswith(f"{KO}:{n}: stale: English line {n} changed in {head[:10]} ")
    assert lines[1:] == [
        f"{KO}: 1 stale line(s) of 7",
        "1 articles (1 machine translated, 0 human translated, 0 unknown); 7 translatable lines: "
        "1 stale (14.3%) in 1 articles, 0 edited since import (0.0%)",
    ]
    data = json.loads(sxs("stale", "--format", "json")[1])
    assert [s["line"] for s in data["articles"][0]["stale"]] == [n]
    assert data["articles"][0]["stale"][0]["source_commit"] == head

    # Fixing the translation afterwards, even uncommitted, makes the line current again.
    replace_line(ko, n, "반송 메시지에 있는 자세한 외부 오류를 적어 두세요.")
    assert "0 stale (0.0%) in 0 articles, 1 edited since import (14.3%)" in sxs("stale")[1]


def test_same_second_commits_are_ordered_by_history(repo: Path, pages: tuple[Path, Path], sxs: Run) -> None:
    ko, en = pages
    n = find_line(en, "If the problem persists")
    replace_line(ko, n, "문제가 계속되면 메일 호스트 관리자에게 문의하세요.")
    git(repo, "commit", "-q", "-am", "translator fixes the line")
    replace_line(en, n, "If the problem persists, contact the admin of the mail host.")
    git(repo, "commit", "-q", "-am", "upstream changes the same line, within the same second")
    out = sxs("stale")[1]
    assert out.startswith(f"{KO}:{n}: stale: English line {n} changed in ")
    assert "1 stale (14.3%) in 1 articles, 1 edited since import (14.3%)" in out


def test_shallow_clone_says_history_is_missing(
    repo: Path, tmp_path: Path, sxs: Run, monkeypatch: pytest.MonkeyPatch
) -> None:
    clone = tmp_path / "clone"
    git(tmp_path, "clone", "-q", "--depth", "1", f"file://{repo}", str(clone))
    monkeypatch.chdir(clone)
    status, out, err = sxs("stale")
    assert status == 0
    assert out == (
        "1 articles (1 machine translated, 0 human translated, 0 unknown); 7 translatable lines; "
        "stale lines unknown: shallow clone: git history is missing (run `git fetch --unshallow`)\n"
    )
    assert err == "sxs stale: shallow clone: git history is missing (run `git fetch --unshallow`)\n"


def test_outside_git(tmp_path: Path, sxs: Run, monkeypatch: pytest.MonkeyPatch) -> None:
    shutil.copytree(ROOT / "docs" / "articles", tmp_path / "docs" / "articles")
    monkeypatch.chdir(tmp_path)
    status, out, err = sxs("stale")
    assert status == 0
    assert err == "sxs stale: not in a git repository: stale lines need git history\n"
