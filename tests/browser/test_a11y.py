"""axe-core (vendored in axe-playwright-python, injected into the page: nothing fetched) finds no
serious or critical violation on the site's kinds of pages, in the light and the dark palette."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any
from urllib.parse import urlsplit

import pytest
from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import Browser, Page

PAGES = {
    "home ko": "/",
    "home en": "/en/",
    "category ko": "/categories/mail-flow/",
    "category en": "/en/categories/outlook/",
    "article ko": "/articles/mt-ndr-550-5-7-501/",
    "article en": "/en/articles/mt-ndr-550-5-7-501/",
    "fallback copy en": "/en/articles/ko-only-outlook/",
    "spf checker ko": "/spf-checker/",
    "spf checker en": "/en/spf-checker/",
}
AXE = Axe()


@pytest.fixture
def base(reader_server: str) -> str:
    return reader_server


@pytest.fixture(params=["light", "dark"])
def palette_page(request: pytest.FixtureRequest, browser: Browser) -> Iterator[Page]:
    # The palettes follow prefers-color-scheme until the reader picks one (mkdocs.yml).
    context = browser.new_context(color_scheme=request.param)
    yield context.new_page()
    context.close()


def serious(page: Page) -> list[dict[str, Any]]:
    violations = AXE.run(page).response["violations"]
    return [
        {"id": v["id"], "impact": v["impact"], "nodes": [n["target"] for n in v["nodes"]][:5]}
        for v in violations
        if v["impact"] in ("serious", "critical")
    ]


@pytest.mark.parametrize("name", PAGES)
def test_no_serious_violation(palette_page: Page, base: str, name: str) -> None:
    requests: list[str] = []
    palette_page.on("request", lambda request: requests.append(request.url))
    palette_page.goto(base + PAGES[name])
    palette_page.wait_for_load_state("networkidle")
    expected = (
        "slate" if palette_page.evaluate("matchMedia('(prefers-color-scheme: dark)').matches") else "default"
    )
    assert palette_page.locator("body").get_attribute("data-md-color-scheme") == expected
    assert serious(palette_page) == []
    local = urlsplit(base).netloc
    assert [u for u in requests if urlsplit(u).netloc != local and not u.startswith("data:")] == []


@pytest.mark.parametrize("mode", ["inline", "side"])
def test_no_serious_violation_while_reading_both_languages(palette_page: Page, base: str, mode: str) -> None:
    palette_page.set_viewport_size({"width": 1400, "height": 900})
    palette_page.goto(base + PAGES["article ko"])
    palette_page.locator(f"[data-sxs-mode='{mode}']").click()
    palette_page.locator(".sxs-alt").first.wait_for()  # fetched from the English page, then shown
    assert serious(palette_page) == []


def test_no_serious_violation_when_the_other_language_cannot_be_loaded(palette_page: Page, base: str) -> None:
    palette_page.route(base + "/en" + PAGES["article ko"], lambda route: route.fulfill(status=404))
    palette_page.goto(base + PAGES["article ko"])
    palette_page.locator("[data-sxs-mode='inline']").click()
    palette_page.locator("[data-sxs-status]").filter(has_text="(HTTP 404)").wait_for()
    assert serious(palette_page) == []


def test_home_page_finder_with_results_has_no_serious_violation(palette_page: Page, base: str) -> None:
    palette_page.goto(base + "/")
    palette_page.locator("#sxs-codes-input").fill("550 5.7.501 Access denied")
    palette_page.locator(".sxs-codes__matches li").first.wait_for()
    assert serious(palette_page) == []
