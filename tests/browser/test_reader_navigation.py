"""A reader finds an article from the home page, by search or category, in each language; the
article's header leads to its category and, when machine translated, to the English original."""

from __future__ import annotations

import pytest
from playwright.sync_api import Page, expect

MT = "/articles/mt-ndr-550-5-7-501/"
CASES = {
    "ko": (
        "",
        "메일 흐름 및 Exchange",
        "550 5.7.501 액세스 거부 반송 메시지 해결",
        "증상이나 오류 메시지로 검색",
        "검색",
    ),
    "en": (
        "/en",
        "Mail flow and Exchange",
        "Fix the 550 5.7.501 access denied bounce message",
        "Search by symptom or error message",
        "Search",
    ),
}


@pytest.fixture
def base(reader_server: str) -> str:
    return reader_server


@pytest.mark.parametrize("lang", CASES)
def test_home_category_article_and_back(page: Page, base: str, lang: str) -> None:
    prefix, category, title, _, _ = CASES[lang]
    page.goto(f"{base}{prefix}/")
    page.locator("article .sxs-categories").get_by_role("link", name=category).click()
    expect(page).to_have_url(f"{base}{prefix}/categories/mail-flow/")
    expect(page.locator("article h1")).to_have_text(category + "¶")
    page.locator("article").get_by_role("link", name=title).click()
    expect(page).to_have_url(f"{base}{prefix}{MT}")
    page.locator("nav.sxs-crumb").get_by_role("link", name=category).click()
    expect(page).to_have_url(f"{base}{prefix}/categories/mail-flow/")


@pytest.mark.parametrize("lang", CASES)
def test_navigation_lists_the_categories(page: Page, base: str, lang: str) -> None:
    page.set_viewport_size({"width": 1400, "height": 900})
    prefix, category, _, _, _ = CASES[lang]
    page.goto(f"{base}{prefix}{MT}")
    primary = page.locator("nav.md-nav--primary")
    expect(primary.get_by_role("link", name=category)).to_be_visible()
    expect(primary.locator("a[href*='articles/']")).to_have_count(0)


@pytest.mark.parametrize("lang", CASES)
def test_home_search_field_hands_over_to_the_site_search(page: Page, base: str, lang: str) -> None:
    prefix, _, title, label, button = CASES[lang]
    page.goto(f"{base}{prefix}/")
    page.get_by_label(label).fill("5.7.501")
    page.locator("form[data-sxs-home-search]").get_by_role("button", name=button).click()
    header = page.locator("form[data-sxs-search] input[name=query]")
    expect(header).to_have_value("5.7.501")
    expect(header).to_be_focused()
    expect(page.locator("#sxs-search-results a h2")).to_have_text([title])


def test_machine_translation_notice_leads_to_the_english_original(page: Page, base: str) -> None:
    page.goto(base + MT)
    notice = page.locator(".sxs-notice--mt")
    expect(notice).to_contain_text("이 문서는 기계 번역되었습니다.")
    expect(page.locator(".sxs-handoff")).to_have_text("번역 전달일: 2020년 2월 26일")
    notice.get_by_role("link", name="영어 원문 보기").click()
    expect(page).to_have_url(f"{base}/en{MT}")
    expect(page.locator("html")).to_have_attribute("lang", "en")
    expect(page.locator(".sxs-notice")).to_have_count(0)
    expect(page.locator(".sxs-handoff")).to_have_text("Translation handed off: February 26, 2020")


def test_english_only_article_is_reached_from_the_korean_category(page: Page, base: str) -> None:
    page.goto(base + "/categories/sharepoint-onedrive/")
    expect(page.locator("article li")).to_have_text(["Fix SharePoint sync stalls (영어만)"])
    page.locator("article").get_by_role("link", name="Fix SharePoint sync stalls").click()
    expect(page).to_have_url(base + "/en/articles/en-only-sharepoint-sync/")
    expect(page.locator("html")).to_have_attribute("lang", "en")
