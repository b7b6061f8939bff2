"""Click-to-play videos: nothing is fetched from the video host until the reader presses play."""

from __future__ import annotations

from pathlib import Path

import pytest
from playwright.sync_api import Page, Route, expect

ROOT = Path(__file__).resolve().parents[2]
GOLDEN = ROOT / "tests" / "fixtures" / "converter" / "blocks" / "expected"
HOST = "https://www.microsoft.com/"


def player_markup(lang: str) -> str:
    """The converter's own output for `[!VIDEO url]` (a golden file), as the page would hold it."""
    text = (GOLDEN / f"blocks.{lang}.md").read_text(encoding="utf-8")
    return next(line.strip() for line in text.splitlines() if 'class="sxs-video"' in line)


@pytest.mark.parametrize(
    "path,lang,title",
    [("/articles/antispam-5-7-23/", "ko", "동영상"), ("/en/articles/antispam-5-7-23/", "en", "Video")],
)
def test_player_loads_only_on_click(page: Page, site_server: str, path: str, lang: str, title: str) -> None:
    fetched: list[str] = []

    def video_host(route: Route) -> None:
        fetched.append(route.request.url)
        route.fulfill(status=200, content_type="text/html", body="<p>player</p>")

    page.route(f"{HOST}**", video_host)
    page.goto(site_server + path)
    page.locator("article").evaluate(
        "(a, html) => a.insertAdjacentHTML('beforeend', html)", player_markup(lang)
    )
    page.wait_for_load_state("networkidle")
    assert fetched == []
    expect(page.locator(".sxs-video iframe")).to_have_count(0)

    page.locator(".sxs-video__play").click()
    frame = page.locator(".sxs-video iframe")
    expect(frame).to_have_attribute("src", f"{HOST}videoplayer/embed/RE4xyz")
    # the frame's accessible name in the page's language
    expect(frame).to_have_attribute("title", title)
    page.wait_for_load_state("networkidle")
    assert fetched == [f"{HOST}videoplayer/embed/RE4xyz"]


def test_only_https_players(page: Page, site_server: str) -> None:
    page.goto(site_server + "/articles/antispam-5-7-23/")
    markup = player_markup("ko").replace(
        "https://www.microsoft.com/videoplayer/embed/RE4xyz", "javascript:alert(1)"
    )
    page.locator("article").evaluate("(a, html) => a.insertAdjacentHTML('beforeend', html)", markup)
    page.locator(".sxs-video__play").click()
    expect(page.locator(".sxs-video iframe")).to_have_count(0)
