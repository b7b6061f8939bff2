"""The published site in Chromium, behind Debian's nginx: every kind of page, used as a reader uses
it, breaks no rule of its Content-Security-Policy (the pages' <meta> and the server's header), and
markup the policy is there for (an inline script, an event handler attribute) does not run, with
the page's own policy as a static host serves it and with the server's header alone.
"""

from __future__ import annotations

import re
import shutil
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

import pytest
from playwright.sync_api import Browser, Page, Route, expect
from sites import serve

KO_TITLE = "오류 코드 5.7.23에 대 한 전자 메일 배달 문제 해결"
REPORT = """
document.addEventListener("securitypolicyviolation", event => {
  const blocked = event.blockedURI || "inline"
  window.sxsViolation(`${event.effectiveDirective} blocked ${blocked} on ${location.pathname}`)
})
"""
PLAYER = "https://www.youtube.com/embed/1nlcdDNOdm8"
VIDEO = (
    '<span class="sxs-video" data-video-src="{src}"><button type="button" class="sxs-video__play">'
    'Play</button> <a class="sxs-video__link" href="{src}">Open</a></span>'
)


@dataclass
class Watch:
    """What the browser reported while the reader went through the site."""

    violations: list[str] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)


@pytest.fixture
def reader(browser: Browser) -> Iterator[tuple[Page, Watch]]:
    """A wide window (so that the side-by-side view is offered) reporting every policy violation
    and every console error, on every page it opens."""
    context = browser.new_context(viewport={"width": 1400, "height": 900})
    watch = Watch()
    context.expose_function("sxsViolation", lambda text: watch.violations.append(text))
    context.add_init_script(REPORT)
    page = context.new_page()
    page.on("console", lambda message: watch.errors.append(message.text) if message.type == "error" else None)
    page.on("pageerror", lambda error: watch.errors.append(str(error)))
    yield page, watch
    context.close()


def not_found_errors(watch: Watch) -> list[str]:
    """Console errors other than the one Chromium logs for a page the server answers with 404."""
    return [e for e in watch.errors if not re.fullmatch(r"Failed to load resource: .*status of 404.*", e)]


def test_every_kind_of_page_breaks_no_rule(reader: tuple[Page, Watch], nginx: str) -> None:
    page, watch = reader
    for path in (
        "/",
        "/en/",
        "/translation-status/",
        "/en/translation-status/",
        "/articles/landing/",
        "/en/articles/landing/",
        "/categories/mail-flow/",
        "/en/spf-checker/",
    ):
        page.goto(nginx + path)
        page.wait_for_load_state("networkidle")

    # An article, the other language under every paragraph, then side by side (remembered on the
    # English page).
    page.goto(nginx + "/articles/antispam-5-7-23/")
    page.get_by_role("button", name="영어 원문 표시").click()
    expect(page.locator("article .sxs-alt").first).to_be_visible()
    page.get_by_role("button", name="나란히 보기").click()
    expect(page.get_by_role("button", name="나란히 보기")).to_have_attribute("aria-pressed", "true")
    page.goto(nginx + "/en/articles/antispam-5-7-23/")
    expect(page.get_by_role("button", name="Side by side")).to_have_attribute("aria-pressed", "true")
    expect(page.locator("article .sxs-alt").first).to_be_visible()

    # The SPF checker asks the resolver (another origin, allowed by connect-src) for a result.
    page.goto(nginx + "/spf-checker/")
    page.get_by_label("도메인", exact=True).fill("pass.test")
    page.locator("details.sxs-spf__more summary").click()
    page.get_by_label("보내는 서버 IP 주소").fill("192.0.2.10")
    page.get_by_role("button", name="검사", exact=True).click()
    region = page.get_by_role("region", name="SPF 결과")
    expect(region.locator('[data-part="verdict"] [data-result="pass"]')).to_be_visible()

    # Search with results: docs.json, then the postings files named by their content.
    page.goto(nginx + "/")
    page.get_by_role("textbox", name="검색").click()
    page.keyboard.type("5.7.23")
    expect(page.locator("#sxs-search-results a").first).to_contain_text(KO_TITLE)

    # A page that moved upstream: its redirect page leads to the page, keeping the fragment.
    page.goto(nginx + "/articles/links/demo/old-overview/#here")
    page.wait_for_url(re.compile(r".*/articles/links/demo/develop/overview/#here$"))
    page.goto(nginx + "/en/articles/links/demo/old-overview/")
    page.wait_for_url(re.compile(r".*/en/articles/links/demo/develop/overview/$"))
    page.wait_for_load_state("networkidle")
    assert watch.violations == [] and watch.errors == []

    for path in ("/no-such-page/", "/en/no/such/page/"):
        page.goto(nginx + path)
        page.wait_for_load_state("networkidle")
    assert watch.violations == []
    assert not_found_errors(watch) == []


def test_a_video_frames_its_player_only_after_the_click(reader: tuple[Page, Watch], nginx: str) -> None:
    page, watch = reader
    fetched: list[str] = []

    def player(route: Route) -> None:
        fetched.append(route.request.url)
        route.fulfill(status=200, content_type="text/html", body="<p>player</p>")

    page.route("https://www.youtube.com/**", player)
    page.goto(nginx + "/articles/antispam-5-7-23/")
    page.locator("article").evaluate(
        "(a, html) => a.insertAdjacentHTML('beforeend', html)", VIDEO.format(src=PLAYER)
    )
    page.wait_for_load_state("networkidle")
    assert fetched == []
    page.locator(".sxs-video__play").click()
    expect(page.frame_locator(".sxs-video iframe").locator("p")).to_have_text("player")
    assert fetched == [PLAYER]
    assert watch.violations == [] and watch.errors == []


def test_a_frame_from_elsewhere_is_blocked(reader: tuple[Page, Watch], nginx: str) -> None:
    page, watch = reader
    page.route("https://videos.example.com/**", lambda route: route.fulfill(status=200, body="<p>x</p>"))
    page.goto(nginx + "/articles/antispam-5-7-23/")
    other = VIDEO.format(src="https://videos.example.com/embed/1")
    page.locator("article").evaluate("(a, html) => a.insertAdjacentHTML('beforeend', html)", other)
    page.locator(".sxs-video__play").click()
    page.wait_for_function("document.querySelector('.sxs-video iframe') !== null")
    page.wait_for_timeout(500)
    # Reported once by each policy (the page's and the header's); a report names the origin only.
    blocked = "frame-src blocked https://videos.example.com on /articles/antispam-5-7-23/"
    assert watch.violations == [blocked, blocked]


INJECTED = (
    "<script>window.sxsInline = 1</script>"
    '<img src="no-such-image.png" alt="" onerror="window.sxsOnerror = 1">'
    '<a id="sxs-injected" href="javascript:window.sxsLink = 1">link</a>'
)


def injected_page(site: Path, name: str, keep_meta: bool) -> str:
    """A built article with markup that got past the sanitizer, written straight into the site."""
    html = (site / "articles" / "antispam-5-7-23" / "index.html").read_text(encoding="utf-8")
    if not keep_meta:
        html, count = re.subn(r'<meta http-equiv="Content-Security-Policy"[^>]*>', "", html)
        assert count == 1
    html = html.replace("</article>", INJECTED + "</article>", 1)
    folder = site / "articles" / name
    folder.mkdir(exist_ok=True)
    (folder / "index.html").write_text(html, encoding="utf-8")
    return f"/articles/{name}/"


@pytest.mark.parametrize(
    "server,keep_meta",
    [("static", True), ("nginx", True), ("nginx", False)],
    ids=["page's policy on a static host", "page's policy and the header", "the header alone"],
)
def test_injected_script_does_not_run(
    reader: tuple[Page, Watch], publish_site: Path, nginx: str, server: str, keep_meta: bool
) -> None:
    page, watch = reader
    path = injected_page(publish_site, f"injected-{server}-{keep_meta}".lower(), keep_meta)
    if server == "static":
        static, base = serve(publish_site)
    else:
        base = nginx
    try:
        page.goto(base + path)
        page.wait_for_load_state("networkidle")
        page.locator("#sxs-injected").click()
        page.wait_for_timeout(200)
        ran = page.evaluate("[window.sxsInline, window.sxsOnerror, window.sxsLink]")
    finally:
        if server == "static":
            static.shutdown()
        # the site is shared by the session's tests, which check every page of it
        shutil.rmtree(publish_site / path.strip("/"))
    assert ran == [None, None, None]
    blocked = sorted({v.split(" blocked ")[0] for v in watch.violations})
    assert blocked == ["script-src-attr", "script-src-elem"]
    # the page's own scripts still ran: the reading buttons are shown
    expect(page.locator("[data-sxs-reader]")).to_be_visible()
