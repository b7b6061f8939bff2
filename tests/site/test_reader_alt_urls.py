"""An article page names its page in the other language, and what the reading aid takes from that page
(tested in Chromium by tests/browser/test_reader_bilingual.py) resolves from there: the converter's own
output, images with spaces in their names under media/ included."""

from __future__ import annotations

import shutil
from pathlib import Path
from urllib.parse import unquote, urljoin, urlsplit

import pytest
from bs4 import BeautifulSoup
from reading import article_html
from sites import ROOT, build_site

GOLDEN = ROOT / "tests" / "fixtures" / "converter" / "blocks" / "expected"  # converter output, with media/


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("alt-urls")
    for name in ("mkdocs.yml", "overrides", "data"):
        source = ROOT / name
        (shutil.copytree if source.is_dir() else shutil.copy2)(source, root / name)
    shutil.copytree(ROOT / "docs", root / "docs", ignore=shutil.ignore_patterns("articles"))
    articles = shutil.copytree(GOLDEN, root / "docs" / "articles")
    for page in articles.glob("*.md"):  # an include fragment that is no page of this site
        text = page.read_text(encoding="utf-8").replace("[!INCLUDE [note](../includes/note.md)]", "")
        page.write_text(text, encoding="utf-8")
    return build_site(root / "site", root=root)


@pytest.mark.parametrize("page", ["articles/blocks/index.html", "en/articles/blocks/index.html"])
def test_other_language_page_and_its_images_resolve(site: Path, page: str) -> None:
    html = BeautifulSoup((site / page).read_text(encoding="utf-8"), "html.parser")
    bar = html.select_one("[data-sxs-reader]")
    assert bar is not None
    base = "http://site.test/" + page.removesuffix("index.html")
    other = urljoin(base, str(bar["data-sxs-other"]))
    assert other != base and (site / urlsplit(other).path.lstrip("/") / "index.html").is_file()
    images = BeautifulSoup(
        article_html(site / urlsplit(other).path.lstrip("/") / "index.html"), "html.parser"
    )
    sources = [str(img["src"]) for img in images.select("p img")]
    assert len(sources) == 2, "the fixture has two images inside paragraphs"
    for src in sources:  # bilingual.js resolves them from the other page's address
        target = urlsplit(urljoin(other, src))
        assert target.netloc == "site.test"
        assert (site / unquote(target.path.lstrip("/"))).is_file(), f"{src} on {other}"
