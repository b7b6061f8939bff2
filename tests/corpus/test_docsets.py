"""Import each shared DocFX documentation set whole and check that nothing is lost.

The repositories live outside the project, in ../shared/corpus; the tests skip, saying so,
when they are absent. Each import goes into a folder of its own (as several repositories are
published side by side under docs/articles/), and ../shared/checks/conservation.py finds every
article's pages there by their folder path and counts every segment, includes expanded.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
from sxs.cli import main

REPO = Path(__file__).resolve().parents[2]
SHARED = (REPO / ".." / "shared").resolve()
CONSERVATION = SHARED / "checks" / "conservation.py"
# repository -> the folder it is imported into; mdop's only set is published at that folder's
# root, so the folder is named like the set's folder for its root index.md to be found there
REPOSITORIES = {
    "mixed-reality-ko-2021": "mixed-reality",
    "mdop-ko-2021": "mdop",
    "partner-center-ko-2021": "partner-center",
}


def _corpus(name: str) -> Path:
    path = SHARED / "corpus" / name
    if not path.is_dir():
        pytest.skip(f"shared corpus not found at {path}: clone shared/ beside the repository")
    return path


@pytest.mark.parametrize("name", sorted(REPOSITORIES))
def test_import_keeps_every_segment(name: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    source = _corpus(name)
    status = main(["import", str(source), "--out", str(tmp_path / REPOSITORIES[name]), "--progress", "never"])
    out, err = capsys.readouterr()
    assert " 0 failed" in out, err[-3000:]
    assert status == 0
    checked = subprocess.run(
        [sys.executable, str(CONSERVATION), str(source), str(tmp_path), "--json"],
        capture_output=True,
        text=True,
    )
    figure = checked.stdout.strip().splitlines()[-1]
    assert checked.returncode == 0, checked.stdout[-3000:]
    assert ", 0 pages missing, 0 articles short" in figure
