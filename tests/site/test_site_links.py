"""A built site of an imported documentation set: links, raw HTML links and redirect pages lead to
pages of the reader's language, and `mkdocs build --strict` passes.

The articles are what `sxs import` wrote for the golden case tests/fixtures/converter/docset-links
(two sets under /windows/demo/, a redirection file, cross references, raw HTML, an include).
"""

from __future__ import annotations

import functools
import re
from pathlib import Path
from urllib.parse import urljoin, urlsplit

from bs4 import BeautifulSoup
from sites import ROOT, site_with_articles

ARTICLES = ROOT / "tests" / "fixtures" / "converter" / "docset-links" / "expected"
START = "articles/demo/develop/unity/start/index.html"
# What a browser fetches on its own: scripts, images, frames, media, styles, icons.
LOADS = re.compile(
    r"<(?:script|img|iframe|source|audio|video|embed)\b[^>]*\bsrc=\"(?:https?:)?//"
    r"|<link\b(?=[^>]*\brel=\"(?:stylesheet|preload|preconnect|icon|modulepreload)\")[^>]*\bhref=\"(?:https?:)?//"
)
REFRESH = re.compile(r'<meta http-equiv="refresh" content="0; url=([^"]*)">')


@functools.cache
def site() -> Path:
    return site_with_articles(ARTICLES, "sxs-links-")  # raises BuildFailed if --strict fails


def soup(path: Path) -> BeautifulSoup:
    return BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")


def lands_on(page: str, href: str) -> str:
    """The file a relative link on the page at `page` (path under the site) opens."""
    path = urlsplit(urljoin("/" + page, href)).path.lstrip("/")
    return path + "index.html" if path.endswith("/") or not path else path


def h1(path: Path) -> str:
    heading = soup(path).h1
    assert heading is not None, path
    return heading.get_text(strip=True).rstrip("¶")


def redirect(old: str) -> str:
    """Where the redirect page at `old` (a folder under the site) sends the reader."""
    text = (site() / old / "index.html").read_text(encoding="utf-8")
    found = REFRESH.search(text)
    assert found is not None, text
    return found.group(1)


def test_redirect_pages_lead_to_the_page_of_their_language() -> None:
    for prefix, title in (("", "데모 개요"), ("en/", "Demo overview")):
        old = f"{prefix}articles/demo/old-overview/"
        href = redirect(old)
        assert href == "../develop/overview/"
        assert h1(site() / lands_on(old, href)) == title
        # A chain of redirections leads to the same page, not to another redirect.
        assert redirect(f"{prefix}articles/demo/older-overview/") == "../develop/overview/"


def test_redirect_keeps_its_fragment_and_relative_target() -> None:
    for prefix, title in (("", "Unity 시작"), ("en/", "Start with Unity")):
        old = f"{prefix}articles/demo/develop/old-start/"
        href = redirect(old)
        assert href == "../unity/start/#first-steps"
        assert h1(site() / lands_on(old, href.split("#")[0])) == title


def test_redirect_elsewhere_and_nothing_loaded_from_another_host() -> None:
    for prefix in ("", "en/"):
        assert redirect(f"{prefix}articles/demo/hololens-setup/") == (
            "https://learn.microsoft.com/hololens/hololens-setup"
        )
        assert redirect(f"{prefix}articles/extra/partner/") == "https://partner.microsoft.com/dashboard"
        page = (site() / prefix / "articles/demo/hololens-setup/index.html").read_text(encoding="utf-8")
        assert not LOADS.search(page), page


def test_a_page_still_there_is_not_replaced_by_its_redirect() -> None:
    assert h1(site() / "articles/extra/guide/index.html") == "추가 가이드"
    assert h1(site() / "en/articles/extra/guide/index.html") == "Extra guide"


def test_links_from_absolute_paths_and_xrefs_reach_pages_of_the_same_language() -> None:
    for prefix, overview in (("", "데모 개요"), ("en/", "Demo overview")):
        page = prefix + START
        links = {
            a.get_text(strip=True): str(a["href"]) for a in soup(site() / page).select("article a[href]")
        }
        english = prefix == "en/"
        for text in (
            ("Overview" if english else "개요"),
            ("Set root" if english else "집합 루트"),
            ("Old overview" if english else "이전 개요"),
            overview,  # <xref:demo.overview> shows the page's title in this language
        ):
            assert h1(site() / lands_on(page, links[text])) == overview, text
        assert links["Full address" if english else "전체 주소"].endswith("overview/#part")
        assert links["HoloLens setup" if english else "HoloLens 설정"] == (
            "https://learn.microsoft.com/hololens/hololens-setup?tabs=a#step"
        )


def test_raw_html_links_and_images_resolve_in_both_languages() -> None:
    for prefix, overview in (("", "데모 개요"), ("en/", "Demo overview")):
        page = prefix + START
        html = soup(site() / page)
        img = html.find("img", alt="Shot")
        assert img is not None
        assert (site() / lands_on(page, str(img["src"]))).read_bytes() == b"PNG"
        anchor = html.find("a", string="HTML link")
        assert anchor is not None
        assert h1(site() / lands_on(page, str(anchor["href"]).split("#")[0])) == overview
        # Markdown images, the one from the include fragment too, were fine already and stay so.
        for image in html.select("article img"):
            assert (site() / lands_on(page, str(image["src"]))).is_file(), image


def test_every_internal_link_of_the_imported_pages_opens_a_file() -> None:
    for page in (site() / "articles").rglob("index.html"):
        rel = page.relative_to(site()).as_posix()
        for a in soup(page).select("article a[href], article img[src]"):
            url = str(a.get("href") or a.get("src"))
            if urlsplit(url).scheme or url.startswith("#"):
                continue
            assert (site() / lands_on(rel, url.split("#")[0])).is_file(), (rel, url)
