"""The Arabic site in a real browser: written right to left, side-by-side reading mirrored and still
row by row, the reader in Arabic, and no serious or critical axe violation (articles of the shared
corpus's alchemy-ar-sa-2021, imported and built as a new user would)."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from playwright.sync_api import Page, expect
from sites import corpus_site, serve
from test_a11y import serious

ARTICLES = ("antispam-5-7-23", "5-7-750-service-unavailable-client-blocked-from-sending-from-unregistered-d")


@pytest.fixture(scope="module")
def base() -> Iterator[str]:
    server, url = serve(corpus_site("alchemy-ar-sa-2021", ARTICLES))
    yield url
    server.shutdown()


def test_the_arabic_pages_are_right_to_left_and_the_english_ones_left_to_right(page: Page, base: str) -> None:
    page.goto(base + "/articles/antispam-5-7-23/")
    assert page.locator("body").get_attribute("dir") == "rtl"
    assert page.evaluate("getComputedStyle(document.querySelector('article')).direction") == "rtl"
    page.goto(base + "/en/articles/antispam-5-7-23/")
    assert page.locator("body").get_attribute("dir") == "ltr"


def test_side_by_side_is_mirrored_and_aligned(page: Page, base: str) -> None:
    page.set_viewport_size({"width": 1400, "height": 900})
    page.goto(base + "/articles/antispam-5-7-23/")
    page.get_by_role("button", name="جنبًا إلى جنب").click()
    expect(page.get_by_role("button", name="إظهار النص باللغة الإنجليزية")).to_have_attribute(
        "aria-pressed", "true"
    )
    for selector in ("article h1", "article p"):
        own = page.locator(f"{selector} .sxs-own").first.bounding_box()
        alt = page.locator(f"{selector} .sxs-alt").first.bounding_box()
        assert own is not None and alt is not None
        assert alt["x"] + alt["width"] <= own["x"], selector  # English to the left of the Arabic ...
        assert abs(alt["y"] - own["y"]) < 1, selector  # ... on the same row
    alt = page.locator("article p .sxs-alt").first
    assert alt.get_attribute("lang") == "en" and alt.evaluate("e => getComputedStyle(e).direction") == "ltr"


@pytest.mark.parametrize(
    "path", ["/", "/en/", "/articles/antispam-5-7-23/", "/spf-checker/", "/categories/mail-flow/"]
)
def test_no_serious_violation_on_the_arabic_site(page: Page, base: str, path: str) -> None:
    page.goto(base + path)
    page.wait_for_load_state("networkidle")
    assert serious(page) == []


def test_the_error_code_finder_takes_arabic_words(page: Page, base: str) -> None:
    page.goto(base + "/")
    page.locator("#sxs-codes-input").fill("رمز الخطأ: 5.7.750")
    assert page.evaluate("window.sxsFindCodes('خطأ 550')") == ["550"]
    assert page.evaluate("window.sxsFindCodes('错误代码 0x80070005 و 오류 404')") == ["0x80070005", "404"]


def test_the_spf_checker_speaks_arabic(page: Page, base: str) -> None:
    page.goto(base + "/spf-checker/")
    expect(page.get_by_role("region", name="نتيجة SPF")).to_have_attribute("aria-live", "polite")
    page.get_by_label("المجال", exact=True).fill("")
    page.get_by_role("button", name="تحقق", exact=True).click()
    expect(page.locator(".sxs-spf__error")).to_have_text("أدخل مجالاً للتحقق منه.")
    page.goto(base + "/en/spf-checker/")
    expect(page.get_by_role("region", name="SPF result")).to_be_attached()
