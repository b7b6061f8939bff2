"""What the reader features write into the built pages (the reader fixture site, tests/sites.py)."""

from __future__ import annotations

from pathlib import Path
from xml.etree import ElementTree

import pytest
from bs4 import BeautifulSoup, Tag
from reading import paired
from sites import reader_site

MT = "articles/mt-ndr-550-5-7-501/index.html"
HT = "articles/ht-teams-0x80070005/index.html"
KO_ONLY = "articles/ko-only-outlook/index.html"
SCREENS = "articles/guides/teams-screens/index.html"


@pytest.fixture(scope="module")
def site() -> Path:
    return reader_site()


def soup(path: Path) -> BeautifulSoup:
    return BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")


def header(page: BeautifulSoup) -> Tag:
    found = page.select_one("article .sxs-article-header")
    assert found is not None
    return found


def test_machine_translated_korean_page_says_so_and_links_the_english_page(site: Path) -> None:
    notice = header(soup(site / MT)).select_one(".sxs-notice--mt")
    assert notice is not None and notice.get("role") == "note"
    assert notice.get_text(" ", strip=True) == "이 문서는 기계 번역되었습니다. 영어 원문 보기"
    link = notice.a
    assert (
        link is not None
        and link["href"] == "../../en/articles/mt-ndr-550-5-7-501/"
        and link["hreflang"] == "en"
    )
    assert (site / MT).parent.joinpath(str(link["href"]), "index.html").resolve() == (
        site / "en" / MT
    ).resolve()


def test_machine_translation_without_an_english_page_says_so_without_a_link(site: Path) -> None:
    notice = header(soup(site / "articles/ko-only-mt-billing/index.html")).select_one(".sxs-notice--mt")
    assert notice is not None and notice.get_text(" ", strip=True) == "이 문서는 기계 번역되었습니다."
    assert notice.a is None


def test_english_original_and_human_translations_carry_no_machine_notice(site: Path) -> None:
    for page in (site / "en" / MT, site / HT, site / "en" / HT):
        assert header(soup(page)).select(".sxs-notice") == [], page


def test_hand_off_date_in_the_readers_language(site: Path) -> None:
    def handoff(page: Path) -> tuple[str, str]:
        time = header(soup(page)).select_one(".sxs-handoff time")
        assert time is not None
        return str(time["datetime"]), time.get_text()

    assert handoff(site / MT) == ("2020-02-26", "2020년 2월 26일")
    assert handoff(site / "en" / MT) == ("2020-02-26", "February 26, 2020")
    assert handoff(site / HT) == ("2019-11-05", "2019년 11월 5일")
    assert header(soup(site / KO_ONLY)).select(".sxs-handoff") == []  # no ms.lasthandoff


def test_fallback_page_says_the_article_is_korean_only_and_marks_its_language(site: Path) -> None:
    page = soup(site / "en" / KO_ONLY)
    assert page.html is not None and page.html["lang"] == "en"
    notice = header(page).select_one(".sxs-notice--only-in")
    assert notice is not None and notice.get_text(strip=True) == "This article is available in Korean only."
    content = page.select_one('article > div[lang="ko"]')
    assert content is not None and content.h1 is not None
    assert content.h1.get_text(strip=True).rstrip("¶") == "Outlook 프로필 다시 만들기"
    assert page.select("[data-sxs-reader]") == []
    # the Korean page itself is an ordinary article
    assert header(soup(site / KO_ONLY)).select(".sxs-notice") == []


def test_category_crumb_leads_to_the_articles_category(site: Path) -> None:
    crumb = header(soup(site / "en" / HT)).select_one("nav.sxs-crumb a")
    assert crumb is not None and crumb["href"] == "../../categories/teams/" and crumb.get_text() == "Teams"


def test_reader_bar_names_the_other_languages_page_and_nothing_else_is_marked(site: Path) -> None:
    pages = {
        MT: ("../../en/articles/mt-ndr-550-5-7-501/", "en", "en/" + MT),
        "en/" + MT: ("../../../articles/mt-ndr-550-5-7-501/", "ko", MT),
        SCREENS: ("../../../en/articles/guides/teams-screens/", "en", "en/" + SCREENS),
        "en/" + SCREENS: ("../../../../articles/guides/teams-screens/", "ko", SCREENS),
    }
    for page, (url, lang, other) in pages.items():
        bar = header(soup(site / page)).select_one("[data-sxs-reader]")
        assert bar is not None and bar.has_attr("hidden"), page  # until the script makes it work
        assert (bar["data-sxs-other"], bar["data-sxs-other-lang"]) == (url, lang), page
        assert (site / page).parent.joinpath(url, "index.html").resolve() == (site / other).resolve()
        html = (site / page).read_text(encoding="utf-8")
        assert "data-sxs-seg" not in html and "<template" not in html and "sxs-alt" not in html, page
    assert [b.get_text() for b in soup(site / MT).select("[data-sxs-reader] button")] == [
        "영어 원문 표시",
        "나란히 보기",
    ]
    bar = header(soup(site / MT)).select_one("[data-sxs-reader]")
    assert bar is not None and (bar["data-sxs-failed"], bar["data-sxs-offline"]) == (
        "영어 원문을 불러오지 못했습니다",
        "오프라인",
    )
    status = bar.select_one("[data-sxs-status]")
    assert status is not None and status["role"] == "status" and status.get_text() == ""
    bar = header(soup(site / "en" / MT)).select_one("[data-sxs-reader]")
    assert bar is not None and (bar["data-sxs-failed"], bar["data-sxs-offline"]) == (
        "Could not load the Korean text",
        "offline",
    )
    # each language's page is built from its own language only
    assert "sending spam" not in (site / MT).read_text(encoding="utf-8")
    assert "스팸 전송" not in (site / "en" / MT).read_text(encoding="utf-8")


def test_pages_without_the_other_language_offer_no_reading_aid(site: Path) -> None:
    for page in (
        KO_ONLY,  # no English page
        "en/" + KO_ONLY,  # static-i18n's fallback copy of the Korean page
        "articles/ko-only-mt-billing/index.html",
        "en/articles/en-only-sharepoint-sync/index.html",  # no Korean page
        "categories/teams/index.html",
        "index.html",
    ):
        assert soup(site / page).select("[data-sxs-reader]") == [], page


def test_reading_aid_pairs_each_segment_with_its_translation(site: Path) -> None:
    """What bilingual.js shows beside each segment, segments.js pairing the two built pages."""
    assert paired(site / MT, site / "en" / MT) == [
        (
            "h1",
            "550 5.7.501 액세스 거부 반송 메시지 해결",
            "Fix the 550 5.7.501 access denied bounce message",
        ),
        (
            "p",
            "보낸 사람이 <strong>스팸 전송</strong> 때문에 차단되었습니다. "
            '<a href="../../spf-checker/">SPF 검사기</a>에서 '
            "<code>v=spf1</code> 레코드를 확인하세요.",
            "The sender was blocked for <strong>sending spam</strong>. Check the <code>v=spf1</code> "
            'record in the <a href="../../spf-checker/">SPF checker</a>.',
        ),
        ("li", "첫째, 사서함을 확인합니다.", "First, check the mailbox."),
        ("li", "둘째, <em>커넥터</em>를 확인합니다.", "Second, check the <em>connector</em>."),
        ("h2", "AADSTS50011 오류가 표시되는 경우", "If you see error AADSTS50011"),
        ("th", "설정", "Setting"),
        ("th", "값", "Value"),
        ("td", "회신 URL", "Reply URL"),
        ("td", "일치해야 함", "Must match"),
    ]  # nothing from the code block, the same in both
    assert paired(site / "en" / MT, site / MT)[0] == (
        "h1",
        "Fix the 550 5.7.501 access denied bounce message",
        "550 5.7.501 액세스 거부 반송 메시지 해결",
    )


def test_category_pages_list_their_articles_in_each_language(site: Path) -> None:
    def listed(page: Path) -> list[tuple[str, str]]:
        items = soup(page).select("article li")
        return [(li.a.get_text(), str(li.a["href"])) for li in items if li.a is not None]

    assert listed(site / "categories/mail-flow/index.html") == [
        ("550 5.7.501 액세스 거부 반송 메시지 해결", "../../articles/mt-ndr-550-5-7-501/")
    ]
    assert listed(site / "en/categories/mail-flow/index.html") == [
        ("Fix the 550 5.7.501 access denied bounce message", "../../articles/mt-ndr-550-5-7-501/")
    ]
    outlook = soup(site / "en/categories/outlook/index.html").select_one("article li")
    assert (
        outlook is not None
        and outlook.get_text(" ", strip=True) == "Outlook 프로필 다시 만들기 (Korean only)"
    )
    assert outlook.a is not None and (outlook.a["href"], outlook.a["lang"]) == (
        "../../articles/ko-only-outlook/",
        "ko",
    )
    count = soup(site / "en/categories/outlook/index.html").select_one("article .sxs-count")
    assert count is not None and count.get_text() == "Articles: 1"


def test_article_in_english_only_is_listed_in_korean_with_a_link_to_the_english_page(site: Path) -> None:
    # static-i18n falls back to the default language only: there is no Korean page to mark
    assert not (site / "articles/en-only-sharepoint-sync").exists()
    item = soup(site / "categories/sharepoint-onedrive/index.html").select_one("article li")
    assert item is not None and item.a is not None
    assert item.get_text(" ", strip=True) == "Fix SharePoint sync stalls (영어만)"
    assert (item.a["href"], item.a["hreflang"], item.a["lang"]) == (
        "../../en/articles/en-only-sharepoint-sync/",
        "en",
        "en",
    )
    assert (site / "en/articles/en-only-sharepoint-sync/index.html").exists()


def test_navigation_shows_categories_not_articles(site: Path) -> None:
    links = [str(a["href"]) for a in soup(site / HT).select("nav.md-nav--primary a.md-nav__link")]
    assert [h for h in links if "articles/" in h] == []
    assert [h for h in links if "categories/" in h] == [
        f"../../categories/{c}/"
        for c in (
            "mail-flow",
            "outlook",
            "teams",
            "sharepoint-onedrive",
            "identity",
            "billing",
            "devices",
            "security",
            "other",
        )
    ]


def test_home_page_lists_error_codes_and_categories(site: Path) -> None:
    for home, article_href in (
        (site / "index.html", "articles/mt-ndr-550-5-7-501/"),
        (site / "en/index.html", "articles/mt-ndr-550-5-7-501/"),
    ):
        page = soup(home)
        codes = [
            (str(li["data-sxs-code"]), li.code.get_text() if li.code else "")
            for li in page.select(".sxs-codes__list > li")
        ]
        assert codes == [
            ("5.7.501", "550 5.7.501"),
            ("AADSTS50011", "AADSTS50011"),
            ("0x80070005", "0x80070005"),
        ]
        first = page.select_one(".sxs-codes__list > li a")
        assert first is not None and first["href"] == article_href
        assert len(page.select(".sxs-categories > li")) == 9
    label = soup(site / "index.html").select_one('label[for="sxs-codes-input"]')
    assert label is not None and label.get_text() == "반송 메시지 또는 오류 메시지"


def test_sitemap_has_hreflang_alternates_and_pages_have_canonical_links(site: Path) -> None:
    ns = {"s": "http://www.sitemaps.org/schemas/sitemap/0.9", "x": "http://www.w3.org/1999/xhtml"}
    urls = ElementTree.parse(site / "sitemap.xml").getroot().findall("s:url", ns)
    entries = {
        u.findtext("s:loc", namespaces=ns): {
            link.get("hreflang"): link.get("href") for link in u.findall("x:link", ns)
        }
        for u in urls
    }
    base = "http://127.0.0.1:8000/"
    assert entries[f"{base}articles/mt-ndr-550-5-7-501/"] == {
        "ko": f"{base}articles/mt-ndr-550-5-7-501/",
        "x-default": f"{base}articles/mt-ndr-550-5-7-501/",
        "en": f"{base}en/articles/mt-ndr-550-5-7-501/",
    }
    assert entries[f"{base}en/categories/teams/"] == {
        "ko": f"{base}categories/teams/",
        "x-default": f"{base}categories/teams/",
        "en": f"{base}en/categories/teams/",
    }
    # the fallback copy is not a translation: neither listed nor offered as one
    assert f"{base}en/articles/ko-only-outlook/" not in entries
    assert entries[f"{base}articles/ko-only-outlook/"] == {
        "ko": f"{base}articles/ko-only-outlook/",
        "x-default": f"{base}articles/ko-only-outlook/",
    }
    canonical = soup(site / "en" / MT).select_one('link[rel="canonical"]')
    assert canonical is not None and canonical["href"] == f"{base}en/articles/mt-ndr-550-5-7-501/"


def test_fallback_copy_is_not_for_search_engines_and_heads_name_no_alternates(site: Path) -> None:
    robots = soup(site / "en" / KO_ONLY).select_one('meta[name="robots"]')
    assert robots is not None and robots["content"] == "noindex"
    assert soup(site / KO_ONLY).select('meta[name="robots"]') == []
    for page in (site / HT, site / "en" / HT, site / "en" / KO_ONLY, site / "index.html"):
        assert soup(page).select('link[rel="alternate"][hreflang]') == [], page  # the sitemap has them


def description(path: Path) -> str:
    meta = soup(path).select_one('meta[name="description"]')
    assert meta is not None
    return str(meta["content"])


def test_english_page_does_not_describe_itself_in_the_translations_language(site: Path) -> None:
    """Upstream's description is in Korean unless the translation tool tagged it (each page has its own)."""
    assert description(site / MT) == '반송 메시지 "550 5.7.501"을 해결합니다.'
    assert description(site / "en" / MT) == "Korean/English troubleshooting articles for Microsoft 365 admins"
    assert description(site / HT) == "Teams 오류를 해결합니다."
    assert description(site / "en" / HT) == "Fix the Teams error."
