#!/usr/bin/env python3
"""Benchmark: the header search over the whole shared corpus, typed in a real browser, against
Material's default search as mkdocs-static-i18n sets it up.

usage: .venv/bin/python bench/search_recall.py [--corpus DIR] [--queries FILE] [--only ours|default]
                                              [--keep DIR] [--languages CODE ...]

Builds a scratch copy of the site with the corpus imported (bench/scratch_site.py) twice: as it
is, and with the site's search switched off (`sxs: search_index: false`, static-i18n's
`reconfigure_search: true`, Material's own search partial); Korean and English queries search the
Korean corpus (--corpus), the queries of another language (zh-CN, ar) the same set in that
language (CORPORA), a site of its own. In Debian's Chromium, for each language, opens the home
page and types each query of bench/search-queries.yml into the header box, then reports:
- recall: queries with one of their articles in the top five results;
- cross-language: queries with a page of the other language in the top five;
- bytes the first search downloads (the index files, the search scripts, from page load to the
  first query's results, every key typed: ours fetches the table of pages and the postings
  shards of each prefix typed), as served here (uncompressed) and gzip-compressed as most hosts
  serve them, with the number of requests; and bytes a page view downloads for search without
  searching;
- time to results: on the first search from the first keystroke (the index loads meanwhile),
  on the others from the last keystroke (median).
"""

from __future__ import annotations

import argparse
import functools
import gzip
import http.server
import math
import re
import statistics
import sys
import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlsplit

import yaml
from playwright.sync_api import Browser, Page, Request, sync_playwright

sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(1, str(Path(__file__).resolve().parents[1] / "tests"))  # Chromium as the tests launch it
import chromium  # noqa: E402
from scratch_site import CORPUS, ROOT, SHARED, build, scratch_site  # noqa: E402

# What a search downloads: the site's index and scripts, or Material's index, worker and lunr.
SEARCH_URL = re.compile(
    r"/assets/search/|/search/search_index\.js|/assets/javascripts/workers/|"
    r"/assets/javascripts/lunr/"
)
CORPORA = {"zh-CN": SHARED / "alchemy-zh-cn-2021", "ar": SHARED / "alchemy-ar-sa-2021"}
"""The corpus of each language but Korean and English (which search --corpus), added to the site."""
TOP = 5
IDLE_MS = 3000
QUIET_MS = 400  # results count as shown once the list has not changed for this long
UNCHANGED_MS = 5000  # results that have not changed this long after the last key never will
# Times the first and last keystrokes of a query and the last change of the results.
TIMING = """
window.__sxs = { first: 0, input: 0, last: 0 };
document.addEventListener("input", () => {
  const now = performance.now();
  if (!window.__sxs.first) window.__sxs.first = now;
  window.__sxs.input = now;
}, true);
document.addEventListener("DOMContentLoaded", () => {
  const observer = new MutationObserver(() => { window.__sxs.last = performance.now() });
  for (const el of document.querySelectorAll(".md-search-result__list, .md-search-result__meta"))
    observer.observe(el, { childList: true, subtree: true, characterData: true });
});
"""
TOP_RESULTS = f"""() => [...document.querySelectorAll(".md-search-result__list > li")].slice(0, {TOP})
  .map(li => li.querySelector("a")?.href).filter(Boolean)"""


@dataclass(frozen=True)
class Query:
    query: str
    expect: list[str]
    case: str


Queries = dict[str, list[Query]]


def load_queries(path: Path) -> Queries:
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    return {
        language: [
            Query(str(item["query"]), [str(slug) for slug in item["expect"]], str(item["case"]))
            for item in items
        ]
        for language, items in data.items()
    }


@dataclass
class Run:
    found: dict[str, list[str]] = field(default_factory=dict)  # language -> queries found
    missed: dict[str, list[str]] = field(default_factory=dict)
    crossed: list[str] = field(default_factory=list)
    first_bytes: dict[str, int] = field(default_factory=dict)
    first_gzip: dict[str, int] = field(default_factory=dict)  # the same files, gzip-compressed
    first_requests: dict[str, int] = field(default_factory=dict)
    view_bytes: dict[str, int] = field(default_factory=dict)
    first_ms: dict[str, float] = field(default_factory=dict)
    later_ms: list[float] = field(default_factory=list)


@contextmanager
def served(directory: Path) -> Iterator[str]:
    class Quiet(http.server.SimpleHTTPRequestHandler):
        def log_message(self, format: str, *args: object) -> None:
            pass

    server = http.server.ThreadingHTTPServer(
        ("127.0.0.1", 0), functools.partial(Quiet, directory=str(directory))
    )
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}"
    finally:
        server.shutdown()


def make_default(root: Path) -> None:
    """The scratch site with Material's own search, as static-i18n configures it."""
    config = root / "mkdocs.yml"
    text = config.read_text(encoding="utf-8").replace("reconfigure_search: false", "reconfigure_search: true")
    text, count = re.subn(r"(?m)^  - sxs:?[ \t]*$", "  - sxs:\n      search_index: false", text)
    if count != 1:
        sys.exit("mkdocs.yml: could not switch the site's search off (expected an `  - sxs` entry)")
    config.write_text(text, encoding="utf-8")
    (root / "overrides" / "partials" / "search.html").unlink()


@dataclass(frozen=True)
class Layout:
    """Where a built site puts its languages: the default one at the root, the others under
    /<code>/ (which is the default is the site's choice: read from the folders it wrote)."""

    prefixed: frozenset[str]
    default: str

    @classmethod
    def of(cls, site: Path, languages: list[str]) -> Layout:
        prefixed = frozenset(code for code in {"en", *languages} if (site / code / "index.html").exists())
        return cls(prefixed, next((code for code in languages if code not in prefixed), ""))

    def home(self, language: str) -> str:
        return f"/{language}/" if language in self.prefixed else "/"

    def slug_and_language(self, url: str) -> tuple[str, str]:
        parts = [part for part in urlsplit(url).path.split("/") if part]
        language = parts[0] if parts[:1] and parts[0] in self.prefixed else self.default
        return (parts[-1] if parts else ""), language


def type_query(page: Page, query: str) -> tuple[list[str], float | None, float | None]:
    """Type `query` into the header box as a reader would; the top results' addresses, and the
    ms from the first and from the last keystroke to the last change of the results (0 when the
    results were already right before the last key; None when they never changed: Material's
    search ignores a query its word splitting leaves no word of, a Chinese or Arabic one)."""
    box = page.locator(".md-search__input")
    box.click()
    box.fill("")
    quiet = f"performance.now() - Math.max(window.__sxs.last, window.__sxs.input) > {QUIET_MS}"
    page.wait_for_function(f"() => {quiet}")
    page.evaluate("() => { window.__sxs.first = 0; window.__sxs.reset = performance.now() }")
    page.keyboard.type(query)
    changed = "window.__sxs.last > window.__sxs.reset"
    page.wait_for_function(
        f"() => ({changed} || performance.now() - window.__sxs.input > {UNCHANGED_MS}) && {quiet}",
        timeout=60_000,
    )
    if not page.evaluate(f"() => {changed}"):
        return page.evaluate(TOP_RESULTS), None, None
    first, last = page.evaluate(
        "() => [window.__sxs.last - window.__sxs.first, window.__sxs.last - window.__sxs.input]"
    )
    return page.evaluate(TOP_RESULTS), first, max(0.0, last)


def record_transfers(page: Page) -> list[tuple[str, int, int]]:
    """The search's responses to the page as they finish: url, bytes as served (body and headers),
    and bytes if the body were gzip-compressed (headers as served)."""
    transfers: list[tuple[str, int, int]] = []

    def finished(request: Request) -> None:
        if not SEARCH_URL.search(request.url):
            return
        sizes = request.sizes()
        response = request.response()
        body = response.body() if response else b""
        headers = sizes["responseHeadersSize"]
        transfers.append(
            (request.url, sizes["responseBodySize"] + headers, len(gzip.compress(body)) + headers)
        )

    page.on("requestfinished", finished)
    return transfers


def measure(name: str, browser: Browser, base: str, layout: Layout, queries: Queries, run: Run) -> None:
    """Adds the queries' results and figures to `run`."""
    for language, items in queries.items():
        context = browser.new_context()
        page = context.new_page()
        transfers = record_transfers(page)
        page.add_init_script(TIMING)
        page.goto(base + layout.home(language))
        page.wait_for_load_state("networkidle")
        page.wait_for_timeout(IDLE_MS)  # Material sets its search up a moment after the page is idle
        run.view_bytes[language] = sum(size for _, size, _ in transfers)
        run.found[language], run.missed[language] = [], []
        for number, item in enumerate(items):
            query, expected = item.query, item.expect
            urls, from_first_key, from_last_key = type_query(page, query)
            if number == 0:
                page.wait_for_timeout(QUIET_MS)  # a shard of an earlier prefix may still be on its way
                run.first_bytes[language] = sum(size for _, size, _ in transfers)
                run.first_gzip[language] = sum(size for _, _, size in transfers)
                run.first_requests[language] = len(transfers)
                run.first_ms[language] = math.nan if from_first_key is None else from_first_key
            elif from_last_key is not None:
                run.later_ms.append(from_last_key)
            top = [layout.slug_and_language(url) for url in urls]
            hit = any(slug in expected and lang == language for slug, lang in top)
            (run.found if hit else run.missed)[language].append(query)
            if any(lang != language for _, lang in top):
                run.crossed.append(f"{language}: {query}")
            if not hit:
                print(
                    f"  {name} missed ({language}) {query!r}: {' '.join(slug for slug, _ in top)}",
                    file=sys.stderr,
                )
        context.close()


def report(runs: dict[str, Run], queries: Queries) -> None:
    def percent(run: Run, language: str) -> str:
        found, total = len(run.found[language]), len(queries[language])
        return f"{found}/{total} ({100 * found / total:.0f}%)"

    def each(
        values: Callable[[Run], dict[str, float]], unit: str, scale: float = 1.0
    ) -> Callable[[Run], str]:
        return lambda r: "/".join(f"{values(r)[language] / scale:.0f}" for language in queries) + unit

    codes = "/".join(queries)
    rows: list[tuple[str, Callable[[Run], str]]] = [
        *(
            (f"{language} queries, article in top 5", lambda r, language=language: percent(r, language))
            for language in queries
        ),
        ("queries with other-language pages in top 5", lambda r: str(len(r.crossed))),
        (f"first search downloads ({codes})", each(lambda r: r.first_bytes, " KiB", 1024)),
        ("the same, gzip-compressed", each(lambda r: r.first_gzip, " KiB", 1024)),
        ("requests of the first search", each(lambda r: r.first_requests, "")),
        ("search downloads of a page view, no search", each(lambda r: r.view_bytes, " KiB", 1024)),
        ("first key to results, first search", each(lambda r: r.first_ms, " ms")),
        (
            "last key to results, median of the others",
            lambda r: f"{statistics.median(r.later_ms or [math.nan]):.0f} ms",
        ),
    ]
    names = list(runs)
    print(f"{'':46}" + "".join(f"{name:>26}" for name in names))
    for label, cell in rows:
        print(f"{label:46}" + "".join(f"{cell(runs[name]):>26}" for name in names))
    if "ours" in runs and "default" in runs:
        ours, default = runs["ours"], runs["default"]
        for language in queries:
            print(
                f"first {language} search downloads "
                f"{ours.first_bytes[language] / default.first_bytes[language]:.0%} of the default's "
                f"({ours.first_gzip[language] / default.first_gzip[language]:.0%} gzip-compressed)"
            )


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--corpus", type=Path, default=CORPUS)
    parser.add_argument("--queries", type=Path, default=ROOT / "bench" / "search-queries.yml")
    parser.add_argument("--only", choices=["ours", "default"])
    parser.add_argument("--languages", nargs="+", help="the queries' languages to run (default: all)")
    parser.add_argument(
        "--keep",
        type=Path,
        help="build the sites into DIR/<language added, or ko>/ours and .../default and keep them; "
        "a site already there is measured without building it again",
    )
    args = parser.parse_args(argv)
    every = load_queries(args.queries)
    queries = {language: every[language] for language in args.languages or every}
    names = [name for name in ("ours", "default") if args.only in (None, name)]
    sites: dict[tuple[Path, str | None], list[str]] = {}  # (corpus, language added) -> query languages
    for language in queries:
        key = (CORPORA[language], language) if language in CORPORA else (args.corpus, None)
        sites.setdefault(key, []).append(language)
    runs = {name: Run() for name in names}
    with sync_playwright() as playwright:
        browser = chromium.launch(playwright)
        for (corpus, added), languages in sites.items():
            label = added or "ko"  # the folder of its sites under --keep
            with scratch_site(corpus) as root:
                for name in names:
                    site = (args.keep / label if args.keep else root) / name
                    if name == "default":
                        make_default(root)
                    if not (site / "index.html").exists():
                        _, seconds = build(root, site)
                        print(
                            f"built the {label} site ({name} search) in {seconds:.0f} s",
                            file=sys.stderr,
                        )
                    with served(site) as base:
                        measure(
                            name,
                            browser,
                            base,
                            Layout.of(site, languages),
                            {language: queries[language] for language in languages},
                            runs[name],
                        )
        browser.close()
    report(runs, queries)
    return 0


if __name__ == "__main__":
    sys.exit(main())
