"""Fixtures shared by every test folder: where things are, and a built site."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
MKDOCS = Path(sys.executable).with_name("mkdocs")


def build_site(dest: Path, env: dict[str, str] | None = None) -> Path:
    """Build the project's site into `dest` with `mkdocs build --strict`; fail the test with its log."""
    result = subprocess.run(
        [str(MKDOCS), "build", "--strict", "--site-dir", str(dest)],
        cwd=ROOT,
        env={**os.environ, **(env or {})},
        capture_output=True,
        text=True,
    )
    if result.returncode != 0:
        pytest.fail(f"mkdocs build --strict failed:\n{result.stderr[-4000:]}")
    return dest


@pytest.fixture(scope="session")
def built_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The site as `make build` makes it, built once per test session."""
    return build_site(tmp_path_factory.mktemp("site"))
