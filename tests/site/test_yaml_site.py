"""YAML pages in the built site: a Landing and a Hub page imported, built with --strict, both languages."""

from __future__ import annotations

import shutil
from pathlib import Path
from urllib.parse import urljoin

import pytest
from bs4 import BeautifulSoup, Tag
from reading import paired
from sites import ROOT, BuildFailed, build_site
from sxs.cli import main

FIXTURES = ROOT / "tests" / "fixtures" / "converter"
LANDING = "articles/landing/index.html"
HUB = "articles/hub/index.html"


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The site with two small repositories imported: a Landing page's and a Hub page's."""
    root = tmp_path_factory.mktemp("yaml-site")
    for name in ("mkdocs.yml", "overrides", "data"):
        source = ROOT / name
        (shutil.copytree if source.is_dir() else shutil.copy2)(source, root / name)
    shutil.copytree(ROOT / "docs", root / "docs", ignore=shutil.ignore_patterns("articles"))
    for case, folder in (("yaml-landing", "landing"), ("yaml-hub", "hub")):
        out = root / "docs" / "articles" / folder
        assert main(["import", str(FIXTURES / case / "src"), "--out", str(out), "--progress", "never"]) == 0
    try:
        return build_site(root / "site", root=root)
    except BuildFailed as failure:
        pytest.fail(str(failure))


def soup(path: Path) -> BeautifulSoup:
    return BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")


def content(site: Path, page: str) -> Tag:
    article = soup(site / page).select_one("article")
    assert article is not None
    return article


def text(tag: Tag | None) -> str:
    assert tag is not None
    return tag.get_text(" ", strip=True).removesuffix("¶").strip()


def cards(article: Tag) -> list[Tag]:
    return article.select("div.grid > div.card")


def links(card: Tag) -> list[tuple[str, str, str | None]]:
    return [(text(a), str(a["href"]), a.get("lang")) for a in card.select("li > a")]  # type: ignore[misc]


def test_landing_page_in_korean(site: Path) -> None:
    page = soup(site / LANDING)
    assert page.html is not None and page.html.get("lang") == "ko"
    article = content(site, LANDING)
    assert text(article.h1) == "파트너 센터 설명서" and article.h1 is not None and not article.h1.get("lang")
    first, second = cards(article)
    assert text(first.h2) == "파트너 센터 시작"
    assert text(first.strong) == "시작"
    assert links(first) == [
        ("파트너 센터란?", "overview/", None),
        ("파트너 센터 공지", "announcements/#this-month", None),
    ]
    assert [text(s) for s in second.select("p > strong")] == ["개념", "training-path"]
    assert links(second) == [
        ("상용 마켓플레이스 설명서", "https://learn.microsoft.com/azure/marketplace", None),
        ("Microsoft Learn 교육", "https://docs.microsoft.com/learn/", None),
    ]


def test_landing_page_in_english(site: Path) -> None:
    page = soup(site / "en" / LANDING)
    assert page.html is not None and page.html.get("lang") == "en"
    article = content(site, "en/" + LANDING)
    # Known only in Korean: shown in Korean, marked so.
    assert (
        text(article.h1) == "파트너 센터 설명서" and article.h1 is not None and article.h1.get("lang") == "ko"
    )
    summary = article.select_one("h1 + div")
    assert summary is not None and summary.get("lang") == "ko" and text(summary).startswith("파트너 센터는")
    first, second = cards(article)
    assert first.h2 is not None and first.h2.get("lang") == "ko" and text(first.h2) == "파트너 센터 시작"
    # The converter's labels, and links to imported articles under their English titles.
    assert text(first.strong) == "Get started"
    assert links(first) == [
        ("What is Partner Center?", "overview/", None),
        ("Partner Center announcements", "announcements/#this-month", None),
    ]
    assert links(second) == [
        ("상용 마켓플레이스 설명서", "https://learn.microsoft.com/azure/marketplace", "ko"),
        ("Microsoft Learn 교육", "https://docs.microsoft.com/learn/", "ko"),
    ]


def test_links_between_yaml_pages_and_articles_resolve(site: Path) -> None:
    for prefix in ("", "en/"):
        landing_url = f"http://site/{prefix}articles/landing/"
        for card in cards(content(site, prefix + LANDING)):
            for _, href, _ in links(card):
                if not href.startswith(("/", "http")):
                    target = urljoin(landing_url, href).split("#")[0].removeprefix("http://site/")
                    assert (site / target / "index.html").is_file(), href
        overview = content(site, f"{prefix}articles/landing/overview/index.html")
        back = [a for a in overview.select("p a") if "index" not in str(a["href"])]
        assert [urljoin(f"{landing_url}overview/", str(a["href"])) for a in back] == [landing_url]


def test_reading_aid_pairs_the_link_titles(site: Path) -> None:
    """ "Show English text" on the Korean page offers the English link titles, not Korean twice."""
    bar = soup(site / LANDING).select_one("[data-sxs-reader]")
    assert bar is not None and bar["data-sxs-other"] == "../../en/articles/landing/"
    shown = [theirs for _, _, theirs in paired(site / LANDING, site / "en" / LANDING)]
    assert shown == [
        "<strong>Get started</strong>",
        '<a href="overview/">What is Partner Center?</a>',
        '<a href="announcements/#this-month">Partner Center announcements</a>',
        "<strong>Concept</strong>",
    ]


def test_hub_page_cards_icons_and_summary(site: Path) -> None:
    ko, en = content(site, HUB), content(site, "en/" + HUB)
    assert text(ko.select_one("h1 + p")) == "짜릿한 가상 현실 게임을 경험하세요."
    assert text(en.select_one("h1 + p")) == "Experience thrilling virtual reality games."
    for article, page in ((ko, HUB), (en, "en/" + HUB)):
        icons = article.select("div.card img")
        assert len(icons) == 1 and icons[0].get("width") == "48" and icons[0].get("alt") == ""
        src = urljoin(f"http://site/{page}", str(icons[0]["src"])).removeprefix("http://site/")
        assert (site / src).is_file()
    assert [text(h) for h in en.select("h2")] == [
        "Windows Mixed Reality 시작",
        "개발 환경",
        "SDK 및 API",
        "추가 리소스",
    ]
    assert [h.get("lang") for h in en.select("h2")] == ["ko"] * 4
    # Written in Latin letters upstream, on a Korean page: English as it is, not marked Korean.
    footer = en.find_all("p", recursive=False)[-1]
    assert text(footer) == "Found a problem on our site? Let us know!" and not footer.get("lang")
