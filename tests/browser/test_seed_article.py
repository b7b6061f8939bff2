"""A reader opens the seed article in Korean, switches to English, and nothing leaves the local server."""

from __future__ import annotations

from urllib.parse import urlsplit

from playwright.sync_api import Page, expect

KO_TITLE = "오류 코드 5.7.23에 대 한 전자 메일 배달 문제 해결"
EN_TITLE = "Fix email delivery issues for error code 5.7.23"
KO_FIRST = (
    "공개적으로 사용 가능한 SPF 또는 웹의 DNS 레코드 검사기에서 도메인에 대 한 SPF DNS 레코드를 확인 합니다."
)
PERMALINK = "¶"  # the heading's anchor link (toc permalink)
EN_FIRST = (
    "Verify the SPF DNS record for your domain at a publicly available SPF or DNS record checker on the web."
)


def test_read_switch_language_and_stay_local(page: Page, site_server: str) -> None:
    requests: list[str] = []
    page.on("request", lambda request: requests.append(request.url))

    page.goto(f"{site_server}/articles/antispam-5-7-23/")
    expect(page.locator("html")).to_have_attribute("lang", "ko")
    expect(page).to_have_title(f"{KO_TITLE} - 메일 흐름 문제 해결 지식 베이스")
    expect(page.locator("article h1")).to_have_text(KO_TITLE + PERMALINK)
    expect(page.locator("article p").first).to_have_text(KO_FIRST)

    # Material's language switcher: a button whose menu opens on hover or focus.
    page.get_by_role("button", name="언어설정").hover()
    page.get_by_role("link", name="English").click()
    expect(page).to_have_url(f"{site_server}/en/articles/antispam-5-7-23/")
    expect(page.locator("html")).to_have_attribute("lang", "en")
    expect(page).to_have_title(f"{EN_TITLE} - Mail flow troubleshooting knowledge base")
    expect(page.locator("article h1")).to_have_text(EN_TITLE + PERMALINK)
    expect(page.locator("article p").first).to_have_text(EN_FIRST)

    page.get_by_role("button", name="Select language").hover()
    page.get_by_role("link", name="한국어").click()
    expect(page).to_have_url(f"{site_server}/articles/antispam-5-7-23/")
    page.wait_for_load_state("networkidle")

    local = urlsplit(site_server).netloc
    assert requests, "the browser recorded no request at all"
    foreign = [url for url in requests if urlsplit(url).netloc != local and not url.startswith("data:")]
    assert foreign == []
