"""The other language's text on an article page links and shows images from where that page is."""

from __future__ import annotations

import shutil
from pathlib import Path
from urllib.parse import unquote, urljoin, urlsplit

import pytest
from bs4 import BeautifulSoup
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
def test_alternate_text_resolves_like_its_own_page(site: Path, page: str) -> None:
    html = BeautifulSoup((site / page).read_text(encoding="utf-8"), "html.parser")
    template = html.select_one("template#sxs-alt")
    assert template is not None
    images = [str(img["src"]) for img in template.select("img")]
    assert images, "the fixture has an image inside a segment"
    base = "http://site.test/" + page
    for src in images:
        target = urlsplit(urljoin(base, src))
        assert target.netloc == "site.test"
        assert (site / unquote(target.path.lstrip("/"))).is_file(), f"{src} on {page}"
