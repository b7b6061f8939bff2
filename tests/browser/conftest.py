"""A real headless Chromium (Debian's package, never a downloaded build) against the built site."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import chromium
import doh_server
import pytest
import sites
from playwright.sync_api import Browser, Page, sync_playwright
from sites import reader_site, serve


@pytest.fixture(scope="session")
def site_server(built_site: Path) -> Iterator[str]:
    """Base URL of a local HTTP server serving the built site."""
    server, url = serve(built_site)
    yield url
    server.shutdown()


@pytest.fixture(scope="session")
def reader_server() -> Iterator[str]:
    """Base URL of a local HTTP server serving the reader fixture site (sites.reader_site)."""
    server, url = serve(reader_site())
    yield url
    server.shutdown()


@pytest.fixture(scope="session")
def browser() -> Iterator[Browser]:
    if not chromium.installed():
        pytest.fail("Debian's chromium is not installed: run `make test`, which installs it")
    with sync_playwright() as playwright:
        browser = chromium.launch(playwright)
        yield browser
        browser.close()


@pytest.fixture
def page(browser: Browser) -> Iterator[Page]:
    context = browser.new_context()
    page = context.new_page()
    yield page
    context.close()


@pytest.fixture(scope="session")
def publish_doh() -> Iterator[doh_server.DohServer]:
    """The local DNS-over-HTTPS resolver the published site's SPF checker asks."""
    server = doh_server.start()
    yield server
    doh_server.stop(server)


@pytest.fixture(scope="session")
def publish_site(tmp_path_factory: pytest.TempPathFactory, publish_doh: doh_server.DohServer) -> Path:
    """sites.publish_site, its checker's resolver the local one."""
    try:
        return sites.publish_site(tmp_path_factory.mktemp("publish"), {"SXS_DOH_URL": publish_doh.url})
    except sites.BuildFailed as failure:
        pytest.fail(str(failure))


@pytest.fixture(scope="session")
def nginx(publish_site: Path) -> Iterator[str]:
    """Base URL of Debian's nginx serving the published site, configured by `sxs nginx-config`."""
    if not Path(sites.NGINX).exists():
        pytest.fail("Debian's nginx is not installed: run `make test`, which installs it")
    with sites.nginx_server(publish_site) as url:
        yield url
