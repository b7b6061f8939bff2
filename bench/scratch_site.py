"""A scratch copy of the site with whole localized repositories imported, for benchmarks.

usage (as a module): `with scratch_site(corpus) as root: ...` gives a folder holding the
project's site files (mkdocs.yml, overrides/, data/, docs/ without its articles) and the
corpus imported into docs/articles/ by `sxs import`; `scratch_site(FOUR)` imports each of the
four shared Korean repositories into a folder of its own under docs/articles/, as a site of
several repositories is published. The site's languages are those of the imported pages
(tools/sxs/site/languages.py). The folder is deleted afterwards.
"""

from __future__ import annotations

import contextlib
import shutil
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared" / "corpus"
CORPUS = SHARED / "alchemy-ko-2020" / "AlchemyInsights"
FOUR = {
    "alchemy": CORPUS,
    "mixed-reality": SHARED / "mixed-reality-ko-2021",
    "mdop": SHARED / "mdop-ko-2021",
    "partner-center": SHARED / "partner-center-ko-2021",
}
BIN = Path(sys.executable).parent
SITE_FILES = ("mkdocs.yml", "overrides", "data")


@contextlib.contextmanager
def scratch_site(corpus: Path | dict[str, Path] = CORPUS) -> Iterator[Path]:
    with tempfile.TemporaryDirectory(prefix="sxs-bench-") as tmp:
        root = Path(tmp)
        for name in SITE_FILES:
            source = ROOT / name
            if source.is_dir():
                shutil.copytree(source, root / name)
            elif source.exists():
                shutil.copy2(source, root / name)
        shutil.copytree(ROOT / "docs", root / "docs", ignore=shutil.ignore_patterns("articles"))
        articles = root / "docs" / "articles"
        articles.mkdir()
        for folder, source in corpus.items() if isinstance(corpus, dict) else [("", corpus)]:
            run([str(BIN / "sxs"), "import", str(source), "--out", str(articles / folder)], check=False)
        yield root


def run(command: list[str], cwd: Path | None = None, check: bool = True) -> float:
    """Run a command quietly; return its wall time in seconds."""
    start = time.perf_counter()
    result = subprocess.run(command, cwd=cwd, capture_output=True, text=True)
    if check and result.returncode != 0:
        sys.exit(f"{' '.join(command)} failed:\n{result.stderr[-3000:]}")
    return time.perf_counter() - start


def build(root: Path, site_dir: Path | None = None, parallel: bool = False) -> tuple[Path, float]:
    """Build the scratch site (`mkdocs build`, or `sxs build`: one process per language); returns
    the site folder and the build's wall time."""
    site = site_dir or root / "site"
    command = [str(BIN / "sxs")] if parallel else [str(BIN / "mkdocs")]
    seconds = run([*command, "build", "--site-dir", str(site)], cwd=root)
    return site, seconds
