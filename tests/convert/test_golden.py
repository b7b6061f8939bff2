"""Golden cases: each folder of tests/fixtures/converter is a small repository.

<case>/src/          the side-by-side input, modelled on the shared corpus
<case>/expected/     the pages and assets `sxs import` must write
<case>/messages.txt  its diagnostics and summary (timing masked), then the exit status

Regenerate deliberately after a reviewed change with:
    SXS_REGENERATE=1 .venv/bin/pytest tests/convert/test_golden.py
and read the diff before committing it.
"""

from __future__ import annotations

import difflib
import os
import re
import shutil
from pathlib import Path

import pytest
from sxs.cli import main

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "converter"
CASES = sorted(p.name for p in FIXTURES.iterdir() if (p / "src").is_dir())
REGENERATE = os.environ.get("SXS_REGENERATE") == "1"


def _tree(root: Path) -> dict[str, bytes]:
    return {p.relative_to(root).as_posix(): p.read_bytes() for p in sorted(root.rglob("*")) if p.is_file()}


def _run(case: Path, out: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch) -> str:
    monkeypatch.chdir(case)
    status = main(["import", "src", "--out", str(out), "--progress", "never"])
    captured = capsys.readouterr()
    text = captured.err + captured.out + f"exit status {status}\n"
    return re.sub(r"in \d+\.\d+ s", "in N s", text).replace(str(out), "OUT")


@pytest.mark.parametrize("name", CASES)
def test_golden(
    name: str, tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    case = FIXTURES / name
    out = tmp_path / "out"
    messages = _run(case, out, capsys, monkeypatch)
    got = _tree(out) if out.exists() else {}
    if REGENERATE:
        shutil.rmtree(case / "expected", ignore_errors=True)
        for rel, data in got.items():
            dest = case / "expected" / rel
            dest.parent.mkdir(parents=True, exist_ok=True)
            dest.write_bytes(data)
        (case / "messages.txt").write_text(messages, encoding="utf-8")
        pytest.skip("regenerated")
    want = _tree(case / "expected") if (case / "expected").exists() else {}
    assert sorted(got) == sorted(want), "different set of output files"
    for rel in want:
        if got[rel] != want[rel]:
            diff = difflib.unified_diff(
                want[rel].decode("utf-8", "replace").splitlines(),
                got[rel].decode("utf-8", "replace").splitlines(),
                f"expected/{rel}",
                f"got/{rel}",
                lineterm="",
            )
            pytest.fail("\n".join(diff))
    assert messages == (case / "messages.txt").read_text(encoding="utf-8")
