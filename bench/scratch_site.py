"""A scratch copy of the site with whole localized repositories imported, for benchmarks.

usage (as a module): `with scratch_site(corpus) as root: ...` gives a folder holding the
project's site files (mkdocs.yml, overrides/, data/, docs/ without its articles) and the
corpus imported into docs/articles/ by `sxs import`; `scratch_site(FOUR)` imports each of the
four shared Korean repositories into a folder of its own under docs/articles/, as a site of
several repositories is published; `scratch_site(corpus, language="zh-CN")` adds the corpus's
language to the site. The folder is deleted afterwards.
"""

from __future__ import annotations

import contextlib
import re
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
def scratch_site(corpus: Path | dict[str, Path] = CORPUS, language: str | None = None) -> Iterator[Path]:
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
        if language:
            add_language(root, language)
        yield root


# TEMPORARY (branch search-locales), to remove when the `locales` branch lands: its import writes
# `<slug>.<code>.md` with the locale file's code (zh-CN) and its site takes its languages from the
# imported pages. Until then `sxs import` writes `<slug>.zh.md` and mkdocs.yml lists ko and en, so
# the scratch copy renames the pages and lists the language itself (after ko and en), gives it the
# site's English category pages (the site requires them in each language), gives
# Material the language's texts under the code (Material has `zh.html`, not `zh-CN.html`), gives
# the site's texts (which name ko and en only) the language's name through a hook, and turns strict
# off (the articles' check wants a Korean page beside each English one).
def add_language(root: Path, code: str) -> None:
    base = code.split("-")[0]
    docs = root / "docs"
    if base != code:
        for page in (docs / "articles").rglob(f"*.{base}.md"):
            page.rename(page.with_name(page.name.removesuffix(f".{base}.md") + f".{code}.md"))
    for page in (docs / "categories").glob("*.en.md"):
        shutil.copy2(page, page.with_name(page.name.removesuffix(".en.md") + f".{code}.md"))
    config = root / "mkdocs.yml"
    text, count = re.subn(
        r"(?m)^(  - redirects)",
        f"        - locale: {code}\n          name: {code}\n          build: true\n\\1",
        config.read_text(encoding="utf-8"),
    )
    if count != 1:
        sys.exit("mkdocs.yml: could not add a language (expected a `  - redirects` entry after i18n)")
    hook = root / "language_name_hook.py"
    hook.write_text(
        "from sxs.site import texts\n"
        f"for table in texts.TEXTS.values():\n    table.setdefault('language.{code}', {code!r})\n",
        encoding="utf-8",
    )
    text = text.replace("\nstrict: true\n", "\nstrict: false\n")
    config.write_text(f"{text}\nhooks:\n  - {hook.name}\n", encoding="utf-8")
    import material

    languages = Path(material.__file__).parent / "templates" / "partials" / "languages"
    if not (languages / f"{code}.html").exists():
        (root / "overrides" / "partials" / "languages").mkdir(parents=True, exist_ok=True)
        shutil.copy2(
            languages / f"{base}.html", root / "overrides" / "partials" / "languages" / f"{code}.html"
        )


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
