"""A reader types into the header's search box: pages of their language only, words marked, the
table of pages fetched when they start to search and not before, then only the postings files
(shards) their words are in, each once; keyboard use, no serious axe issue."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Literal
from urllib.parse import urlsplit

import pytest
from playwright.sync_api import Browser, Page, expect
from sxs import locales
from sxs.site.search import synonyms
from sxs.site.search.index import shard
from sxs.site.search.tokenize import Tokenizer, locale_path, normalize

ROOT = Path(__file__).resolve().parents[2]
AXE = ROOT / "node_modules" / "axe-core" / "axe.min.js"
TOKENIZERS = {language: Tokenizer.of(language, ["ko", "en"]) for language in ("ko", "en")}
SYNONYMS = {
    language: synonyms.parse(
        locales.locale(language).section("search").get("synonyms"), tokenizer, locale_path(language)
    )
    for language, tokenizer in TOKENIZERS.items()
}
LATIN_END = re.compile(r"[a-z0-9]{2,}$")
SHARD_NAME = re.compile(r"(terms-[0-9]+)\.[0-9a-f]{8}\.json$")
SEED = "/articles/antispam-5-7-23/"
KO_TITLE = "오류 코드 5.7.23에 대 한 전자 메일 배달 문제 해결"
EN_TITLE = "Fix email delivery issues for error code 5.7.23"


def search_requests(page: Page) -> list[str]:
    """Paths of the search's files the page requests, as they are requested; a postings file as
    `terms-N.json`, without the hash of its content that its name holds (test_search_index.py)."""
    requests: list[str] = []
    page.on(
        "request",
        lambda request: (
            requests.append(SHARD_NAME.sub(r"\1.json", urlsplit(request.url).path))
            if "/assets/search/" in request.url
            else None
        ),
    )
    return requests


def index_files(query: str, language: str) -> list[str]:
    """The index files that typing `query` key by key fetches, sorted: the table of pages, and the
    shards of each typed prefix's terms, of their synonyms' terms, and of the Latin word being
    typed (its completions share the shard of its first two characters)."""
    numbers: set[int] = set()
    for end in range(1, len(query) + 1):
        typed = query[:end]
        words = TOKENIZERS[language].words
        for word in words(typed):
            numbers |= {shard(term) for term in word.terms}
            for group in SYNONYMS.get(language, []):
                if word.stem in (key for key, _ in group):
                    numbers |= {shard(term) for key, terms in group if key != word.stem for term in terms}
        if (latin := LATIN_END.search(normalize(typed))) and words(typed):
            numbers.add(shard(latin.group()))
    folder = f"/assets/search/{language}/"
    return sorted([f"{folder}docs.json", *(f"{folder}terms-{number}.json" for number in numbers)])


def search(page: Page, query: str, label: str) -> None:
    box = page.get_by_role("textbox", name=label)
    box.click()
    page.keyboard.type(query)


def results(page: Page) -> list[tuple[str, str]]:
    """(title, address path) of each result shown."""
    links = page.locator("#sxs-search-results a")
    return [(link.locator("h2").inner_text(), link.get_attribute("href") or "") for link in links.all()]


def test_korean_page_searches_korean_pages_with_particles_and_compounds(page: Page, site_server: str) -> None:
    requests = search_requests(page)
    page.goto(f"{site_server}/")
    page.wait_for_load_state("networkidle")
    assert sorted(requests) == ["/assets/search/search.css", "/assets/search/ui.js"], (
        "the index or the engine was fetched before the reader started to search"
    )
    requests.clear()

    search(page, "전자메일이 배달되지 않아요", "검색")
    expect(page.locator("#sxs-search-results a").first).to_contain_text(KO_TITLE)
    assert [(title, href.removeprefix(site_server)) for title, href in results(page)] == [(KO_TITLE, SEED)]
    expect(page.locator("[data-sxs-search-meta]")).to_have_text("1개의 일치하는 문서")
    marks = page.locator("#sxs-search-results h2 mark").all_inner_texts()
    assert marks == ["전자", "메일", "배달"]
    assert sorted(path for path in requests if path.endswith(".json")) == index_files(
        "전자메일이 배달되지 않아요", "ko"
    ), "each shard once, and only those of the words typed"
    assert "/assets/search/engine.js" in requests


def test_english_page_searches_english_pages_with_stemming(page: Page, site_server: str) -> None:
    requests = search_requests(page)
    page.goto(f"{site_server}/en{SEED}")
    search(page, "email deliveries", "Search")
    expect(page.locator("#sxs-search-results a").first).to_contain_text(EN_TITLE)
    assert [(title, href.removeprefix(site_server)) for title, href in results(page)] == [
        (EN_TITLE, f"/en{SEED}")
    ]
    assert page.locator("#sxs-search-results h2 mark").all_inner_texts() == ["email", "delivery"]
    assert sorted(path for path in requests if path.endswith(".json")) == index_files(
        "email deliveries", "en"
    )


@pytest.mark.parametrize(
    "path,label,query,title",
    [
        ("/", "검색", "5.7.23", KO_TITLE),
        ("/", "검색", "5.7.23에", KO_TITLE),
        ("/en/", "Search", "5.7.23", EN_TITLE),
        ("/en/", "Search", "error code 5.7.23", EN_TITLE),
    ],
)
def test_error_code_as_typed(
    page: Page, site_server: str, path: str, label: str, query: str, title: str
) -> None:
    page.goto(f"{site_server}{path}")
    search(page, query, label)
    expect(page.locator("#sxs-search-results a").first).to_contain_text(title)
    assert [title for title, _ in results(page)][0] == title


@pytest.mark.parametrize(
    "path,label,query,message",
    [
        ("/", "검색", "5.7.501", "검색어와 일치하는 문서가 없습니다"),
        ("/en/", "Search", "배달", "No matching documents"),  # Korean words are not on English pages
        (
            "/",
            "검색",
            "delivery",
            "검색어와 일치하는 문서가 없습니다",
        ),  # nor English-only words on Korean ones
    ],
)
def test_no_match_says_so_in_the_page_language(
    page: Page, site_server: str, path: str, label: str, query: str, message: str
) -> None:
    page.goto(f"{site_server}{path}")
    search(page, query, label)
    expect(page.locator("[data-sxs-search-meta]")).to_have_text(message)
    assert results(page) == []


def test_keyboard_only(page: Page, site_server: str) -> None:
    page.goto(f"{site_server}/en/")
    page.keyboard.press("/")
    expect(page.get_by_role("textbox", name="Search")).to_be_focused()
    page.keyboard.type("spf record")
    first = page.locator("#sxs-search-results a").first
    expect(first).to_be_visible()
    page.keyboard.press("ArrowDown")
    expect(first).to_be_focused()
    page.keyboard.press("ArrowUp")
    expect(page.get_by_role("textbox", name="Search")).to_be_focused()
    page.keyboard.press("Escape")
    assert page.locator("#__search").is_checked() is False
    page.keyboard.press("/")
    page.keyboard.press("Enter")  # the first result
    expect(page).to_have_url(re.compile(rf"^{re.escape(site_server)}/en/.+/$"))


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_search_has_no_serious_accessibility_violations(
    page: Page, site_server: str, scheme: Literal["light", "dark"]
) -> None:
    if not AXE.exists():
        pytest.skip("axe-core is not installed: run `npm ci` first")
    page.emulate_media(color_scheme=scheme)
    page.goto(f"{site_server}/")
    search(page, "메일 배달", "검색")
    expect(page.locator("#sxs-search-results mark").first).to_be_visible()
    # evaluated, not added as a <script>: the site's security policy runs no inline script
    page.evaluate(AXE.read_text(encoding="utf-8"))
    violations = page.evaluate(
        "async () => (await axe.run({ include: [['.md-search']] }, { resultTypes: ['violations'] }))"
        ".violations"
        ".filter(v => v.impact === 'serious' || v.impact === 'critical')"
        ".map(v => ({ id: v.id, nodes: v.nodes.map(n => n.target.join(' ') + ' ' + n.failureSummary) }))"
    )
    assert violations == []


@pytest.mark.parametrize("failing", ["docs.json", "terms-*.json"])
def test_an_index_that_fails_to_load_says_so_and_is_tried_again(
    page: Page, site_server: str, failing: str
) -> None:
    page.route(f"**/assets/search/ko/{failing}", lambda route: route.fulfill(status=503, body="busy"))
    page.goto(f"{site_server}/")
    box = page.get_by_role("textbox", name="검색")
    box.click()  # focus loads the table of pages
    if failing != "docs.json":
        box.fill("5.7.23")  # one input event, so one search and nothing left in flight to fail later
    meta = page.locator("[data-sxs-search-meta]")
    expect(meta).to_contain_text("검색 색인을 불러오지 못했습니다 (503")
    page.unroute(f"**/assets/search/ko/{failing}")
    page.keyboard.type("5.7.23" if failing == "docs.json" else "에")
    expect(page.locator("#sxs-search-results a").first).to_contain_text(KO_TITLE)


def test_escape_from_a_result_closes_the_search(page: Page, site_server: str) -> None:
    page.goto(f"{site_server}/")
    search(page, "5.7.23", "검색")
    first = page.locator("#sxs-search-results a").first
    expect(first).to_be_visible()
    page.keyboard.press("ArrowDown")
    expect(first).to_be_focused()
    page.keyboard.press("Escape")
    expect(first).not_to_be_focused()
    assert page.locator("#__search").is_checked() is False
    expect(first).to_be_hidden()


def test_small_screen_opens_the_search_from_the_header_button(browser: Browser, site_server: str) -> None:
    context = browser.new_context(viewport={"width": 390, "height": 800}, has_touch=True)
    try:
        page = context.new_page()
        page.goto(f"{site_server}/en/")
        box = page.get_by_role("textbox", name="Search")
        page.locator('label.md-header__button[for="__search"]').click()
        expect(box).to_be_focused()
        page.keyboard.type("5.7.23")
        first = page.locator("#sxs-search-results a").first
        expect(first).to_contain_text(EN_TITLE)
        first.click()
        expect(page).to_have_url(f"{site_server}/en{SEED}")
    finally:
        context.close()
