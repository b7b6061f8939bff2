"""Bytes a reader downloads from the published site, served by Debian's nginx as deploy/nginx.conf
configures it: for a first view of an article (empty cache) and for the first search from it.

usage: python bench/transfer.py [CORPUS]   (`make bench-site`)

Builds a scratch copy of the site with the corpus imported (bench/scratch_site.py), serves it with
nginx (tests/sites.py `nginx_server`: the configuration `sxs nginx-config` writes), and opens it in
Debian's Chromium through Playwright (never a downloaded browser). Bytes are what went over the
wire: response bodies as sent plus response headers, for every request the page made, with the
browser accepting no compression, gzip, and Brotli or gzip (as it does over HTTPS). The article is
the median article page by HTML size; the searches are the queries of bench/search-queries.yml,
each typed key by key into the header's box of that article in a fresh browser, and the figures
are their median and largest. A benchmark, not a test: its figures depend on the corpus, not on
the machine.
"""

from __future__ import annotations

import statistics
import sys
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

import yaml
from playwright.sync_api import Browser, Page, Request, sync_playwright

sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(1, str(Path(__file__).resolve().parents[1] / "tests"))
import chromium  # noqa: E402
from scratch_site import CORPUS, ROOT, build, scratch_site  # noqa: E402
from sites import nginx_server  # noqa: E402

ENCODINGS = {"none": "identity", "gzip": "gzip", "br, gzip": "br, gzip"}
"""What the browser accepts. Chromium asks for Brotli over HTTPS only (and then for gzip too): each
figure sets Accept-Encoding itself. Pages have no Brotli copy (site/compress.py): they go gzipped."""
SEARCH_LABELS = {"ko": "검색", "en": "Search"}
QUERIES = ROOT / "bench" / "search-queries.yml"


@dataclass
class Transfer:
    bytes: int = 0
    requests: int = 0

    def add(self, request: Request) -> None:
        sizes = request.sizes()
        self.bytes += sizes["responseBodySize"] + sizes["responseHeadersSize"]
        self.requests += 1


@contextmanager
def counting(page: Page) -> Iterator[Transfer]:
    """What the page downloads until the block ends (and the network is idle)."""
    transfer = Transfer()
    finished: list[Request] = []

    def done(request: Request) -> None:
        finished.append(request)

    page.on("requestfinished", done)
    yield transfer
    page.wait_for_load_state("networkidle")
    page.remove_listener("requestfinished", done)
    for request in finished:
        transfer.add(request)


def median_article(site: Path, language: str) -> str:
    """The address of the article page of median HTML size in `language`."""
    top = site / "articles" if language == "ko" else site / language / "articles"
    pages = sorted(top.rglob("index.html"), key=lambda p: (p.stat().st_size, str(p)))
    return "/" + pages[len(pages) // 2].parent.relative_to(site).as_posix() + "/"


def first_view(browser: Browser, url: str, encoding: str) -> Transfer:
    context = browser.new_context(extra_http_headers={"Accept-Encoding": encoding})
    page = context.new_page()
    with counting(page) as transfer:
        page.goto(url)
    context.close()
    return transfer


def first_search(browser: Browser, url: str, encoding: str, query: str, label: str) -> Transfer:
    context = browser.new_context(extra_http_headers={"Accept-Encoding": encoding})
    page = context.new_page()
    page.goto(url)
    page.wait_for_load_state("networkidle")
    with counting(page) as transfer:
        page.get_by_role("textbox", name=label).click()
        page.keyboard.type(query)
        page.locator("#sxs-search-results li").first.wait_for(timeout=15000)
    context.close()
    return transfer


def row(label: str, figures: Iterable[Transfer | float]) -> None:
    cells = [f.bytes if isinstance(f, Transfer) else f for f in figures]
    print(f"{label:<40}" + "".join(f"{cell / 1024:>6,.0f} KiB" for cell in cells))


def main(argv: list[str]) -> int:
    corpus = Path(argv[0]) if argv else CORPUS
    queries = yaml.safe_load(QUERIES.read_text(encoding="utf-8"))
    with scratch_site(corpus) as root:
        site, _ = build(root)
        with nginx_server(site) as base, sync_playwright() as playwright:
            browser = chromium.launch(playwright)
            print(f"corpus           {corpus}")
            print(f"{'bytes downloaded, accepting':<40}" + "".join(f"{name:>10}" for name in ENCODINGS))
            for language in ("ko", "en"):
                article = median_article(site, language)
                views = {name: first_view(browser, base + article, e) for name, e in ENCODINGS.items()}
                row(f"first article view, {language} ({views['gzip'].requests} requests)", views.values())
                typed = [q["query"] for q in queries.get(language, [])]
                searches = [
                    [
                        first_search(browser, base + article, e, q, SEARCH_LABELS[language]).bytes
                        for q in typed
                    ]
                    for e in ENCODINGS.values()
                ]
                row(f"first search, {language} (median of {len(typed)})", map(statistics.median, searches))
                row(f"first search, {language} (largest)", map(max, searches))
                print(f"  the article: {article}")
            browser.close()
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
