"""A real documentation set, imported and built as the site: strict, and no DocFX syntax left.

mixed-reality-ko-2021 holds nearly everything DocFX writes (tables of contents in every folder,
includes, tabs, rows and columns, [!div], xref links, redirections, YAML landing and FAQ pages).
`sxs import` then `mkdocs build --strict`, with no other step, must give a site whose every
article page, in both languages, shows none of DocFX's syntax as text. It skips, saying so, when
the shared corpus is absent.
"""

from __future__ import annotations

import html
import re
from pathlib import Path

import pytest
from sites import site_with_articles
from sxs.cli import main

CORPUS = (
    Path(__file__).resolve().parents[2] / ".." / "shared" / "corpus" / "mixed-reality-ko-2021"
).resolve()
LEFTOVERS = re.compile(
    r"\[!div|:::image|:::row|:::column|:::[ ]?zone|:::[ ]?moniker|\[!INCLUDE|(?<!!)!!! ", re.I
)
ARTICLE = re.compile(r"<article\b.*?</article>", re.S)
TEMPLATE = re.compile(r"<template\b.*?</template>", re.S)  # the other language, checked on its own page
TAG = re.compile(r"<[^>]*>")


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    if not CORPUS.is_dir():
        pytest.skip(f"shared corpus not found at {CORPUS}: clone shared/ beside the repository")
    articles = tmp_path_factory.mktemp("imported") / "articles"
    status = main(["import", str(CORPUS), "--out", str(articles / "mixed-reality"), "--progress", "never"])
    assert status == 0
    return site_with_articles(articles, "sxs-mixed-reality-")  # built with --strict


def test_no_page_shows_docfx_syntax(site: Path) -> None:
    pages = sorted((site / "articles").rglob("index.html")) + sorted(
        (site / "en" / "articles").rglob("index.html")
    )
    assert len(pages) > 1000
    found = []
    for page in pages:
        found_article = ARTICLE.search(page.read_text(encoding="utf-8"))
        if found_article is None:
            continue  # a redirect page
        article = TEMPLATE.sub("", found_article.group(0))
        text = html.unescape(TAG.sub("", article))
        hits = LEFTOVERS.findall(text) + (["#tab/"] if "#tab/" in article else [])
        if hits:
            found.append(f"{page.relative_to(site)}: {sorted(set(hits))}")
    assert not found, "\n".join(found[:20])


def test_navigation_comes_from_the_tables_of_contents(site: Path) -> None:
    page = (site / "articles" / "mixed-reality" / "mrtk-unity" / "index.html").read_text(encoding="utf-8")
    nav = re.search(r'<nav class="md-nav md-nav--primary".*?</nav>\s*</div>', page, re.S)
    assert nav is not None
    links = re.findall(r'href="([^"]*)"', nav.group(0))
    # the set's own tree (its toc.yml), and the other sets of the repository beside it
    assert {"./", "running-examples-hub/", "architecture/overview/"} <= set(links)
    assert {"../enthusiast-guide/", "../mixed-reality-docs/mr-dev-docs/", "../mrtk-unreal/"} <= set(links)


def test_redirections_lead_to_the_page_in_each_language(site: Path) -> None:
    """mixed-reality-docs/mr-dev-docs/accounts-on-hololens.md moved to another site upstream; pages
    moved within the set lead to their new page."""
    redirects = [
        p
        for p in (site / "articles" / "mixed-reality").rglob("index.html")
        if b'http-equiv="refresh"' in p.read_bytes()[:1500]
    ]
    assert redirects
    english = site / "en" / redirects[0].relative_to(site)
    assert b'http-equiv="refresh"' in english.read_bytes()
