"""A scratch git repository holding the seed article, imported and committed, for the contributor tools."""

from __future__ import annotations

from pathlib import Path

import pytest
from contrib_helpers import ARTICLE, SEED, Run, git
from sxs.cli import main


@pytest.fixture
def repo(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """tmp/repo: `sxs import` of the seed into docs/articles, committed; the current folder."""
    root = tmp_path / "repo"
    root.mkdir()
    git(root, "init", "-q", "-b", "main")
    monkeypatch.chdir(root)
    assert main(["import", str(SEED), "--out", "docs/articles", "--progress", "never"]) == 0
    git(root, "add", "-A")
    git(root, "commit", "-q", "-m", "import the seed")
    return root


@pytest.fixture
def pages(repo: Path) -> tuple[Path, Path]:
    """The seed's (Korean, English) pages in the scratch repository."""
    folder = repo / "docs" / "articles"
    return folder / f"{ARTICLE}.ko.md", folder / f"{ARTICLE}.en.md"


@pytest.fixture
def sxs(capsys: pytest.CaptureFixture[str]) -> Run:
    """Run `sxs ARGS...` in-process: (exit status, stdout, stderr)."""

    def run(*args: str) -> tuple[int, str, str]:
        capsys.readouterr()
        status = main(list(args))
        out, err = capsys.readouterr()
        return status, out, err

    return run
