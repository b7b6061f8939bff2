"""The home page's error-code finder in a real browser: paste a bounce message, get the articles."""

from __future__ import annotations

from urllib.parse import urlsplit

import pytest
from playwright.sync_api import Page, expect
from sxs.site.error_codes import find_codes

NDR = """Delivery has failed to these recipients or groups:
user@contoso.com
Remote Server returned '550 5.7.501 Access denied, spam abuse detected. AS(1234)'
Diagnostic information: 4.4.7; Sign-in failed: AADSTS50011."""
MT_KO = "550 5.7.501 액세스 거부 반송 메시지 해결"
MT_EN = "Fix the 550 5.7.501 access denied bounce message"


@pytest.fixture
def base(reader_server: str) -> str:
    return reader_server


def test_pasted_bounce_message_lists_the_articles_for_its_codes(page: Page, base: str) -> None:
    requests: list[str] = []
    page.on("request", lambda request: requests.append(request.url))
    page.goto(base + "/")
    field = page.get_by_label("반송 메시지 또는 오류 메시지")
    field.fill(NDR)
    # 4.4.7 is in the message but no article is about it
    expect(page.locator(".sxs-codes__result")).to_have_text("찾은 오류 코드: 5.7.501, AADSTS50011")
    matches = page.locator(".sxs-codes__matches > li")
    expect(matches).to_have_count(2)
    expect(matches.locator("code")).to_have_text(["550 5.7.501", "AADSTS50011"])
    expect(matches.first.get_by_role("link")).to_have_text(MT_KO)
    matches.first.get_by_role("link").click()
    expect(page).to_have_url(base + "/articles/mt-ndr-550-5-7-501/")
    local = urlsplit(base).netloc
    assert [u for u in requests if urlsplit(u).netloc != local and not u.startswith("data:")] == []
    assert [
        u for u in requests if urlsplit(u).path.endswith((".json", "/search"))
    ] == []  # nothing fetched for it


def test_no_known_code_says_so_and_clearing_resets(page: Page, base: str) -> None:
    page.goto(base + "/")
    field = page.get_by_label("반송 메시지 또는 오류 메시지")
    field.fill("Your message couldn't be delivered: 5.1.10 recipient not found")
    expect(page.locator(".sxs-codes__result")).to_have_text("알려진 오류 코드를 찾지 못했습니다.")
    expect(page.locator(".sxs-codes__matches")).to_be_hidden()
    field.fill("")
    expect(page.locator(".sxs-codes__result")).to_have_text("")


def test_english_home_page_finds_the_same_in_english(page: Page, base: str) -> None:
    page.goto(base + "/en/")
    page.get_by_label("Bounce message or error message").fill("Error 0x80070005 and 550-5.7.501")
    expect(page.locator(".sxs-codes__result")).to_have_text("Error codes found: 0x80070005, 5.7.501")
    expect(page.locator(".sxs-codes__matches a")).to_have_text(["Fix Teams error 0x80070005", MT_EN])


def test_every_code_articles_are_about_is_listed(page: Page, base: str) -> None:
    page.goto(base + "/en/")
    expect(page.get_by_text("3 error codes covered by articles")).to_be_visible()
    expect(page.locator(".sxs-codes__list > li code")).to_have_text(
        ["550 5.7.501", "AADSTS50011", "0x80070005"]
    )


@pytest.mark.parametrize(
    "text",
    [
        NDR,
        "Fix email delivery issues for error code 5.7.23",
        "550-5.4.1 Relay Access Denied",
        "오류 코드 5.7.23에 대 한 전자 메일",
        "error aadsts9000411.",
        "Windows 10.0.19041, TLS 1.2, version 2.0.1.5, 5.7.5011, v5.1.1",
        "0x80070005 and 0X80070005 then 0xZZ12 and 0x123",
        "코드5.7.23 and x5.7.23 and 5.7.23a",
        "Error code 30125-4 or 30125-1011; 오류 코드: 30088-4; released 2020-02-26; error 30015-25-7",
        "1554 Winsock error 10061; Error 404, 오류 404를; Error 550/553; 오류 코드 0x15; error code: 0x0a",
        "오류 코드 550 5.7.705; Error: 550-5.4.1; error 451 4.4.62; Error 0-1036; error 0x12345",
        "port 443, HTTP 404, build 19041; error 1 of 3, code 42, error 10.0.19041, error 404.3, 오류 1,234",
        "error 12:30, error 2020-02-26, code 2020/02/26, error 550/5, barcode 12345, errors 500",
        "error 128bit, code 123_4, error 12345678901, 오류 코드 0x1G, error 0x12345678901",
    ],
)
def test_browser_finds_the_codes_the_build_finds(page: Page, base: str, text: str) -> None:
    page.goto(base + "/")
    assert page.evaluate("text => window.sxsFindCodes(text)", text) == [c.key for c in find_codes(text)]
