"""The scale figures the README quotes: import whole localized repositories, build them, measure.

usage: python bench/site_scale.py [CORPUS]   (`make bench-site`)

By default the site holds the four shared Korean repositories, each imported into a folder of
its own under docs/articles/ (bench/scratch_site.py FOUR); with CORPUS, that one repository.
The site is built twice, in one run: as MkDocs builds it (static-i18n's languages one after the
other) and as `sxs build` does (one process per language, merged). Prints the time per page of
each and their ratio, the peak memory, the size of the site, and the weight of the article
pages: whole, and without the article and its headings (what every page carries: header, navigation,
footer), each against the issue's target for a 2-core machine; exits 1 when one is missed.
A benchmark, not a test: its figures depend on the machine.
"""

from __future__ import annotations

import os
import re
import resource
import statistics
import subprocess
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from scratch_site import BIN, FOUR, scratch_site  # noqa: E402

MAX_MS_PER_PAGE = 8
MAX_SITE_MB = 300
MAX_CHROME_KB = 60
ARTICLE = re.compile(rb"<article\b.*?</article>", re.S)


COMPRESSED = (".gz", ".br")
PAGE_TOC = b'<nav class="md-nav md-nav--secondary"'


def folder_bytes(folder: Path, compressed: bool) -> int:
    """The bytes of the site's files, or of their compressed copies (site/compress.py)."""
    return sum(
        f.stat().st_size
        for f in folder.rglob("*")
        if f.is_file() and f.name.endswith(COMPRESSED) == compressed
    )


def page_toc_bytes(html: bytes) -> int:
    """The bytes of the page's own table of contents (its headings), wherever Material shows it:
    in the secondary sidebar, and inside the primary one for small screens."""
    total, start = 0, html.find(PAGE_TOC)
    while start >= 0:
        depth, at = 0, start
        while True:  # to the </nav> that closes it (its headings' lists are <nav>s too)
            opening, closing = html.find(b"<nav", at + 1), html.find(b"</nav>", at + 1)
            if closing < 0:
                return total
            if 0 <= opening < closing:
                depth, at = depth + 1, opening
            elif depth:
                depth, at = depth - 1, closing
            else:
                end = closing + len(b"</nav>")
                break
        total += end - start
        start = html.find(PAGE_TOC, end)
    return total


def navigation_bytes(html: bytes) -> int:
    """The bytes of a page's navigation sidebar (Material's primary sidebar, up to the secondary one)."""
    start = html.find(b'<div class="md-sidebar md-sidebar--primary"')
    end = html.find(b'<div class="md-sidebar md-sidebar--secondary"', start)
    return end - start if 0 <= start < end else 0


def pages_of(site: Path) -> list[Path]:
    """Every page MkDocs rendered from Markdown, in every language (not redirects, not assets)."""
    return [p for p in site.rglob("*.html") if b'class="md-content"' in p.read_bytes()]


def article_pages(site: Path) -> list[Path]:
    """Every article's HTML page, in every language (an article `index` is its folder's page)."""
    return [p for top in (site / "articles", *site.glob("*/articles")) for p in top.rglob("index.html")]


def timed(command: list[str], cwd: Path) -> tuple[float, str]:
    os.sync()  # the files of what ran before are on disk: no build waits for another's writes
    started = time.perf_counter()
    done = subprocess.run(
        command, cwd=cwd, capture_output=True, text=True, env={**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    )
    if done.returncode != 0:
        sys.exit(f"{' '.join(command)} failed:\n{done.stderr[-3000:]}")
    return time.perf_counter() - started, done.stdout


def main(argv: list[str]) -> int:
    corpus: Path | dict[str, Path] = Path(argv[0]) if argv else FOUR
    with scratch_site(corpus) as root:
        sources = len(list((root / "docs" / "articles").rglob("*.md")))
        sequential, _ = timed([str(BIN / "mkdocs"), "build", "--site-dir", "site-mkdocs"], root)
        peak_sequential = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
        parallel, out = timed([str(BIN / "sxs"), "build", "--site-dir", "site"], root)
        peak = re.search(r"peak memory (\d+) MB", out)
        reading = re.search(r"reading the articles ([\d.]+) s", out)
        merging = re.search(r"merging ([\d.]+) s", out)
        site = root / "site"
        pages = pages_of(site)
        articles = article_pages(site)
        htmls = [p.read_bytes() for p in articles]
        sizes = sorted(len(h) for h in htmls)
        # What every page carries: the page without its article and the article's headings.
        chrome = sorted(len(ARTICLE.sub(b"", h)) - page_toc_bytes(h) for h in htmls)
        per_page = parallel * 1000 / len(pages)
        total_mb = folder_bytes(site, compressed=False) / 1e6
        copies_mb = folder_bytes(site, compressed=True) / 1e6
        print(f"corpus           {', '.join(corpus) if isinstance(corpus, dict) else corpus}")
        print(f"cpus             {os.cpu_count()}, load average {os.getloadavg()[0]:.2f}")
        print(f"article files    {sources} ({len(articles)} article pages, {len(pages)} pages in all)")
        rows = [
            (
                "mkdocs build",
                f"{sequential:.1f} s",
                True,
                f"{sequential * 1000 / len(pages):.1f} ms per page",
            ),
            (
                "sxs build",
                f"{parallel:.1f} s",
                per_page <= MAX_MS_PER_PAGE,
                f"{per_page:.1f} ms per page (<= {MAX_MS_PER_PAGE})",
            ),
            (
                "of which reading",
                f"{float(reading.group(1)) if reading else 0:.1f} s",
                True,
                "reading the articles once for every language's process, on every core",
            ),
            (
                "of which merge",
                f"{float(merging.group(1)) if merging else 0:.1f} s",
                True,
                "merging the language parts (each compressed by its process)",
            ),
            ("speed-up", f"{sequential / parallel:.2f} x", True, "mkdocs build / sxs build, same run"),
            (
                "peak memory",
                f"{float(peak.group(1)) if peak else 0:.0f} MB",
                True,
                f"per language process (mkdocs build: {peak_sequential:.0f} MB)",
            ),
            (
                "site size",
                f"{total_mb:.1f} MB",
                total_mb <= MAX_SITE_MB,
                f"<= {MAX_SITE_MB} MB; and {copies_mb:.1f} MB of .gz/.br copies",
            ),
            (
                "article median",
                f"{statistics.median(sizes) / 1e3:.1f} KB",
                True,
                f"largest {sizes[-1] / 1e3:.1f} KB",
            ),
            (
                "its navigation",
                f"{statistics.median(navigation_bytes(h) for h in htmls) / 1e3:.1f} KB",
                True,
                f"median, largest {max(navigation_bytes(h) for h in htmls) / 1e3:.1f} KB",
            ),
            (
                "page w/o article",  # and without the article's headings
                f"{statistics.median(chrome) / 1e3:.1f} KB",
                chrome[-1] <= MAX_CHROME_KB * 1e3,
                f"median, largest {chrome[-1] / 1e3:.1f} KB (<= {MAX_CHROME_KB} KB)",
            ),
        ]
        for name, value, ok, target in rows:
            print(f"{name:<16} {value:>10}  {'ok  ' if ok else 'MISS'} {target}")
        return 0 if all(ok for _, _, ok, _ in rows) else 1


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
