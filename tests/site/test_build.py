"""The built site: both languages at their addresses, the right <html lang>, nothing from other hosts."""

from __future__ import annotations

import re
from pathlib import Path
from urllib.parse import urljoin

from bs4 import BeautifulSoup

KO_TITLE = "오류 코드 5.7.23에 대 한 전자 메일 배달 문제 해결"
EN_TITLE = "Fix email delivery issues for error code 5.7.23"
SEED = "articles/antispam-5-7-23/index.html"


def soup(path: Path) -> BeautifulSoup:
    return BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")


def test_seed_article_in_both_languages(built_site: Path) -> None:
    ko, en = soup(built_site / SEED), soup(built_site / "en" / SEED)
    assert ko.h1 is not None and ko.h1.get_text(strip=True).rstrip("¶") == KO_TITLE
    assert en.h1 is not None and en.h1.get_text(strip=True).rstrip("¶") == EN_TITLE
    assert ko.title is not None and ko.title.get_text().startswith(KO_TITLE)
    assert en.title is not None and en.title.get_text().startswith(EN_TITLE)


def test_old_anchor_survives_as_heading_id(built_site: Path) -> None:
    for page in (built_site / SEED, built_site / "en" / SEED):
        assert soup(page).find(id="fix-email-delivery-issues-for-error-code-5723") is not None


def test_html_lang_on_every_page(built_site: Path) -> None:
    pages = list(built_site.rglob("*.html"))
    assert len(pages) >= 4
    for page in pages:
        english = page.relative_to(built_site).parts[0] == "en"
        html = soup(page).html
        assert html is not None and html.get("lang") == ("en" if english else "ko"), page


def test_language_switcher_leads_to_the_same_article(built_site: Path) -> None:
    def switcher(page: Path) -> dict[str, str]:
        return {str(a["hreflang"]): str(a["href"]) for a in soup(page).select("a.md-select__link")}

    assert switcher(built_site / SEED)["en"] == "../../en/articles/antispam-5-7-23/"
    assert switcher(built_site / "en" / SEED)["ko"] == "../../../articles/antispam-5-7-23/"


def test_no_resource_from_another_host(built_site: Path) -> None:
    """Scripts, styles, images and frames all come from the site itself (links to read elsewhere are fine)."""
    loads = re.compile(
        r"<(?:script|img|iframe|source|audio|video|embed)\b[^>]*\bsrc=\"(https?:)?//"
        r"|<link\b(?=[^>]*\brel=\"(?:stylesheet|preload|preconnect|icon|modulepreload)\")"
        r"[^>]*\bhref=\"(https?:)?//"
    )
    for page in built_site.rglob("*.html"):
        assert not loads.search(page.read_text(encoding="utf-8")), page
    for css in built_site.rglob("*.css"):
        assert not re.search(
            r"@import\s+url\(\s*[\"']?(https?:)?//|url\(\s*[\"']?https?://", css.read_text(encoding="utf-8")
        ), css


def test_not_found_page_in_each_language(built_site: Path) -> None:
    ko, en = soup(built_site / "404.html"), soup(built_site / "en" / "404.html")
    assert ko.html is not None and ko.html.get("lang") == "ko"
    assert en.html is not None and en.html.get("lang") == "en"
    # Material's own 404 says "404 - Not found" in every language
    assert ko.h1 is not None and ko.h1.get_text(strip=True) == "404 - 페이지를 찾을 수 없습니다"
    assert en.h1 is not None and en.h1.get_text(strip=True) == "404 - Page not found"
    # a link home that works from any missing address
    deep = "http://example.org/no/such/page/"
    assert [urljoin(deep, str(a["href"])) for a in ko.select("article a")] == ["http://example.org/"]
    assert [urljoin(deep, str(a["href"])) for a in en.select("article a")] == ["http://example.org/en/"]


def test_theme_labels_in_the_page_language(built_site: Path) -> None:
    """Palette toggles and heading permalinks speak the page's language (no "Dark mode" in Korean)."""
    expected = {
        "ko": ({"다크 모드로 전환", "라이트 모드로 전환"}, "제목 링크"),
        "en": ({"Switch to dark mode", "Switch to light mode"}, "Permanent link"),
    }
    for lang, root in (("ko", built_site / SEED), ("en", built_site / "en" / SEED)):
        page = soup(root)
        toggles = {str(i["aria-label"]) for i in page.select("input[name=__palette]")}
        toggles |= {str(label["title"]) for label in page.select("label[for^=__palette]")}
        permalinks = {str(a["title"]) for a in page.select("a.headerlink")}
        assert (toggles, permalinks) == (expected[lang][0], {expected[lang][1]}), lang


def test_published_address_comes_from_the_environment(tmp_path: Path) -> None:
    """Canonical links and the sitemap name the address the site is published at, not the dev server."""
    from sites import build_site

    site = build_site(tmp_path / "site", {"SXS_SITE_URL": "https://kb.example.org/"})
    canonical = soup(site / SEED).select_one('link[rel="canonical"]')
    assert canonical is not None and canonical["href"] == "https://kb.example.org/articles/antispam-5-7-23/"
    sitemap = (site / "sitemap.xml").read_text(encoding="utf-8")
    assert (
        "127.0.0.1" not in sitemap
        and "<loc>https://kb.example.org/en/articles/antispam-5-7-23/</loc>" in sitemap
    )
