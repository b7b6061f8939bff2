"""Bilingual reading in a real browser: the other language in place or side by side, by button,
fetched from the other language's page when the reader asks."""

from __future__ import annotations

import re
from collections.abc import Callable
from urllib.parse import urlsplit

import pytest
from playwright.sync_api import Browser, Locator, Page, Route, expect

MT = "/articles/mt-ndr-550-5-7-501/"
HT = "/articles/ht-teams-0x80070005/"
KO_ONLY = "/articles/ko-only-outlook/"
SCREENS = "/articles/guides/teams-screens/"  # an image, a link to a heading and to another page


@pytest.fixture
def base(reader_server: str) -> str:
    return reader_server


def test_korean_page_shows_english_of_every_segment_in_place(page: Page, base: str) -> None:
    requests: list[str] = []
    page.on("request", lambda request: requests.append(request.url))
    page.goto(base + MT)
    page.wait_for_load_state("networkidle")
    show = page.get_by_role("button", name="영어 원문 표시")
    expect(show).to_have_attribute("aria-pressed", "false")
    expect(page.locator(".sxs-alt")).to_have_count(0)
    loaded = len(requests)
    assert [u for u in requests if "/en/" in u or u.endswith("/segments.js")] == []  # nothing until asked
    show.click()
    expect(show).to_have_attribute("aria-pressed", "true")
    heading = page.locator("article h1 .sxs-alt")
    expect(heading).to_have_text("Fix the 550 5.7.501 access denied bounce message")
    expect(heading).to_have_attribute("lang", "en")
    expect(heading).to_be_visible()
    first = page.locator("article p").first
    expect(first.locator(".sxs-own")).to_have_text(
        "보낸 사람이 스팸 전송 때문에 차단되었습니다. SPF 검사기에서 v=spf1 레코드를 확인하세요."
    )
    expect(first.locator(".sxs-alt strong")).to_have_text("sending spam")  # inline Markdown rendered
    expect(first.locator(".sxs-alt code")).to_have_text("v=spf1")
    expect(first.locator(".sxs-alt a")).to_have_attribute("href", "/en/spf-checker/")  # as on its own page
    expect(page.locator("article li .sxs-alt")).to_have_text(
        ["First, check the mailbox.", "Second, check the connector."]
    )
    expect(page.locator("article td .sxs-alt")).to_have_text(["Reply URL", "Must match"])
    expect(page.locator("article pre .sxs-alt")).to_have_count(0)
    expect(page.locator(".sxs-alt:not([lang='en'])")).to_have_count(0)
    # the heading's permalink stays last, outside the pair
    expect(page.locator("article h1 > a.headerlink")).to_have_count(1)
    expect(page.locator("article h1 > :last-child")).to_have_class("headerlink")
    # the English page and the pairing module, once each, from this site and no other host
    assert sorted(requests[loaded:]) == [base + "/assets/reader/segments.js", base + "/en" + MT]
    local = urlsplit(base).netloc
    assert [u for u in requests if urlsplit(u).netloc != local and not u.startswith("data:")] == []


def test_choice_is_remembered_across_pages_and_can_be_undone(page: Page, base: str) -> None:
    page.goto(base + MT)
    page.get_by_role("button", name="영어 원문 표시").click()
    page.goto(base + HT)
    expect(page.get_by_role("button", name="영어 원문 표시")).to_have_attribute("aria-pressed", "true")
    expect(page.locator("article p .sxs-alt")).to_have_text("Restart Teams.")
    page.get_by_role("button", name="영어 원문 표시").click()
    expect(page.locator("article p .sxs-alt")).to_be_hidden()
    page.goto(base + MT)
    expect(page.get_by_role("button", name="영어 원문 표시")).to_have_attribute("aria-pressed", "false")
    expect(page.locator(".sxs-alt")).to_have_count(0)


def test_keyboard_alone_turns_it_on_and_off(page: Page, base: str) -> None:
    page.goto(base + MT)
    show = page.get_by_role("button", name="영어 원문 표시")
    show.focus()
    page.keyboard.press("Enter")
    expect(show).to_have_attribute("aria-pressed", "true")
    expect(page.locator("article h1 .sxs-alt")).to_be_visible()
    page.keyboard.press("Space")
    expect(show).to_have_attribute("aria-pressed", "false")
    expect(page.locator("article h1 .sxs-alt")).to_be_hidden()


def test_side_by_side_on_wide_screens_puts_each_pair_on_one_row(page: Page, base: str) -> None:
    page.set_viewport_size({"width": 1400, "height": 900})
    page.goto(base + MT)
    side = page.get_by_role("button", name="나란히 보기")
    side.click()
    expect(side).to_have_attribute("aria-pressed", "true")
    expect(page.get_by_role("button", name="영어 원문 표시")).to_have_attribute("aria-pressed", "true")
    for selector in ("article h1", "article p", "article li"):
        own = page.locator(f"{selector} .sxs-own").first.bounding_box()
        alt = page.locator(f"{selector} .sxs-alt").first.bounding_box()
        assert own is not None and alt is not None
        assert alt["x"] >= own["x"] + own["width"], selector  # English to the right ...
        assert abs(alt["y"] - own["y"]) < 1, selector  # ... on the same row
    own = page.locator("article td .sxs-own").first.bounding_box()
    alt = page.locator("article td .sxs-alt").first.bounding_box()
    assert own is not None and alt is not None and alt["y"] >= own["y"] + own["height"] - 1  # cells: stacked
    # rows stay aligned: the second list item starts below the taller of the first pair
    first, second = (page.locator("article li").nth(i).bounding_box() for i in (0, 1))
    assert first is not None and second is not None and second["y"] >= first["y"] + first["height"] - 1
    side.click()  # back to in place
    expect(side).to_have_attribute("aria-pressed", "false")
    own = page.locator("article p .sxs-own").first.bounding_box()
    alt = page.locator("article p .sxs-alt").first.bounding_box()
    assert own is not None and alt is not None and alt["y"] >= own["y"] + own["height"] - 1  # under


def test_side_by_side_is_offered_on_wide_screens_only(page: Page, base: str) -> None:
    page.set_viewport_size({"width": 700, "height": 900})
    page.goto(base + MT)
    expect(page.get_by_role("button", name="영어 원문 표시")).to_be_visible()
    expect(page.get_by_role("button", name="나란히 보기")).to_be_hidden()


def test_english_page_shows_the_korean_text(page: Page, base: str) -> None:
    page.goto(base + "/en" + MT)
    page.get_by_role("button", name="Show Korean text").click()
    heading = page.locator("article h1 .sxs-alt")
    expect(heading).to_have_text("550 5.7.501 액세스 거부 반송 메시지 해결")
    expect(heading).to_have_attribute("lang", "ko")
    expect(page.locator("article p .sxs-alt em")).to_have_count(0)
    expect(page.locator("article li .sxs-alt em")).to_have_text("커넥터")


def loaded(image: Locator) -> None:
    """Waits until the image has loaded: the 4 by 4 pixels of the fixture's PNG."""
    image.page.wait_for_function("img => img.complete && img.naturalWidth === 4", arg=image.element_handle())


def test_links_and_images_of_the_other_language_lead_where_they_do_on_its_page(page: Page, base: str) -> None:
    page.goto(base + SCREENS)
    page.get_by_role("button", name="영어 원문 표시").click()
    alt = page.locator("article p .sxs-alt").first
    expect(alt).to_have_text("The error screen looks like this. See error codes and Fixing Teams errors.")
    image = alt.locator("img")
    expect(image).to_have_attribute(
        "src", "/articles/guides/media/teams-error.png"
    )  # the one copy of the image
    expect(image).to_have_attribute("alt", "Teams error screen")
    loaded(image)
    links = alt.locator("a")
    expect(links).to_have_count(2)
    expect(links.nth(0)).to_have_attribute("href", "#error-codes")  # the heading has that id on this page too
    expect(links.nth(1)).to_have_attribute("href", "/en/articles/ht-teams-0x80070005/")
    # ids of the other language's page are dropped: the page's own stay unique
    assert page.evaluate("document.querySelectorAll('[id=\"codes-link\"]').length") == 1
    expect(page.locator(".sxs-alt [id], .sxs-alt [name]")).to_have_count(0)
    page.goto(base + "/en" + SCREENS)  # the choice is remembered: the Korean text comes at once
    image = page.locator("article p .sxs-alt img")
    expect(image).to_have_attribute("src", "/articles/guides/media/teams-error.png")
    loaded(image)
    expect(page.locator("article p .sxs-alt a").nth(1)).to_have_attribute(
        "href", "/articles/ht-teams-0x80070005/"
    )


def fail(how: str) -> Callable[[Route], None]:
    """A route handler: the page is not found, or the network is gone."""
    if how == "404":
        return lambda route: route.fulfill(status=404, body="not here")
    return lambda route: route.abort("internetdisconnected")


@pytest.mark.parametrize(
    ("how", "notice"),
    [
        ("404", "영어 원문을 불러오지 못했습니다 (HTTP 404)"),
        ("offline", "영어 원문을 불러오지 못했습니다 (오프라인)"),
    ],
)
def test_failed_fetch_says_so_and_leaves_the_page_as_it_was(
    page: Page, base: str, how: str, notice: str
) -> None:
    page.route(base + "/en" + MT, fail(how))
    page.goto(base + MT)
    show = page.get_by_role("button", name="영어 원문 표시")
    show.click()
    status = page.locator(".sxs-reader-bar").get_by_role("status")
    expect(status).to_have_text(notice)
    expect(show).to_have_attribute("aria-pressed", "false")
    expect(page.locator("article")).not_to_have_class(re.compile(r"\bsxs-bilingual\b"))
    expect(page.locator(".sxs-alt, .sxs-seg, .sxs-own")).to_have_count(0)
    expect(page.locator("article p").first).to_have_text(
        "보낸 사람이 스팸 전송 때문에 차단되었습니다. SPF 검사기에서 v=spf1 레코드를 확인하세요."
    )
    page.unroute(base + "/en" + MT)
    show.click()  # the next click tries again
    expect(show).to_have_attribute("aria-pressed", "true")
    expect(page.locator("article h1 .sxs-alt")).to_have_text(
        "Fix the 550 5.7.501 access denied bounce message"
    )
    expect(status).to_have_text("")


def test_english_page_failing_says_so_in_english(page: Page, base: str) -> None:
    page.route(base + MT, fail("404"))
    page.goto(base + "/en" + MT)
    page.get_by_role("button", name="Show Korean text").click()
    expect(page.locator(".sxs-reader-bar").get_by_role("status")).to_have_text(
        "Could not load the Korean text (HTTP 404)"
    )


def test_fallback_copy_offers_no_translation(page: Page, base: str) -> None:
    page.goto(base + "/en" + KO_ONLY)
    expect(page.locator(".sxs-notice--only-in")).to_have_text("This article is available in Korean only.")
    expect(page.locator("[data-sxs-reader]")).to_have_count(0)
    expect(page.locator("article [lang='ko'] h1")).to_have_count(1)


def test_without_javascript_no_button_that_cannot_work(browser: Browser, base: str) -> None:
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(base + MT)
    expect(page.locator("[data-sxs-reader]")).to_be_hidden()
    expect(page.locator(".sxs-notice--mt")).to_be_visible()  # the notices need no script
    page.goto(base + "/")
    expect(page.locator("form[data-sxs-home-search]")).to_be_hidden()
    context.close()
