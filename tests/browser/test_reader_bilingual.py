"""Bilingual reading in a real browser: the other language in place or side by side, by button."""

from __future__ import annotations

from urllib.parse import urlsplit

import pytest
from playwright.sync_api import Browser, Page, expect

MT = "/articles/mt-ndr-550-5-7-501/"
HT = "/articles/ht-teams-0x80070005/"
KO_ONLY = "/articles/ko-only-outlook/"


@pytest.fixture
def base(reader_server: str) -> str:
    return reader_server


def test_korean_page_shows_english_of_every_segment_in_place(page: Page, base: str) -> None:
    requests: list[str] = []
    page.on("request", lambda request: requests.append(request.url))
    page.goto(base + MT)
    show = page.get_by_role("button", name="영어 원문 표시")
    expect(show).to_have_attribute("aria-pressed", "false")
    expect(page.locator(".sxs-alt")).to_have_count(0)
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
    expect(first.locator(".sxs-alt a")).to_have_attribute("href", "../../spf-checker/")
    expect(page.locator("article li .sxs-alt")).to_have_text(
        ["First, check the mailbox.", "Second, check the connector."]
    )
    expect(page.locator("article td .sxs-alt")).to_have_text(["Reply URL", "Must match"])
    expect(page.locator("article pre .sxs-alt")).to_have_count(0)
    expect(page.locator(".sxs-alt:not([lang='en'])")).to_have_count(0)
    # the heading's permalink stays last, outside the pair
    expect(page.locator("article h1 > a.headerlink")).to_have_count(1)
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
