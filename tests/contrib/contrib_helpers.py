"""Helpers of the contributor-tool tests: git in a scratch repository, line edits, an in-process `sxs`."""

from __future__ import annotations

import os
import subprocess
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
SEED = ROOT / "sources"
ARTICLE = "antispam-5-7-23"
KEY = f"articles/{ARTICLE}"  # the article's path under docs/, as exported units name it
GIT_ENV = {
    "GIT_AUTHOR_NAME": "Test",
    "GIT_AUTHOR_EMAIL": "test@example.org",
    "GIT_COMMITTER_NAME": "Test",
    "GIT_COMMITTER_EMAIL": "test@example.org",
    "GIT_CONFIG_NOSYSTEM": "1",
    "HOME": "/nonexistent",
}


def git(repo: Path, *args: str) -> str:
    done = subprocess.run(
        ["git", "-c", "commit.gpgsign=false", *args],
        cwd=repo,
        capture_output=True,
        text=True,
        env={**os.environ, **GIT_ENV},
        check=True,
    )
    return done.stdout


def replace_line(path: Path, number: int, text: str) -> None:
    lines = path.read_text(encoding="utf-8").split("\n")
    lines[number - 1] = text
    path.write_text("\n".join(lines), encoding="utf-8")


def line(path: Path, number: int) -> str:
    return path.read_text(encoding="utf-8").split("\n")[number - 1]


def find_line(path: Path, start: str) -> int:
    """The 1-based number of the only line starting with `start` (the seed's layout may evolve)."""
    found = [
        n for n, text in enumerate(path.read_text(encoding="utf-8").split("\n"), 1) if text.startswith(start)
    ]
    assert len(found) == 1, f"{path}: {len(found)} lines start with {start!r}"
    return found[0]


Run = Callable[..., tuple[int, str, str]]
