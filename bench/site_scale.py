"""The scale figures the README quotes: import a whole localized repository, build it, measure.

usage: python bench/site_scale.py [CORPUS]   (`make bench-site`)

Prints the build's wall time, the size of the whole site, and the HTML weight of the
article pages (and of their navigation), each against the issue's target for a 2-core machine;
exits 1 when one is missed. A benchmark, not a test: its figures depend on the machine.
"""

from __future__ import annotations

import os
import statistics
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from scratch_site import CORPUS, build, scratch_site  # noqa: E402

MAX_BUILD_SECONDS = 60
MAX_SITE_MB = 150
MAX_ARTICLE_KB = 60


def folder_bytes(folder: Path) -> int:
    return sum(f.stat().st_size for f in folder.rglob("*") if f.is_file())


def navigation_bytes(page: Path) -> int:
    """The bytes of a page's navigation sidebar (Material's primary sidebar, up to the secondary one)."""
    html = page.read_bytes()
    start = html.find(b'<div class="md-sidebar md-sidebar--primary"')
    end = html.find(b'<div class="md-sidebar md-sidebar--secondary"', start)
    return end - start if 0 <= start < end else 0


def article_pages(site: Path) -> list[Path]:
    """Every article's HTML page, in every language (an article `index` is its folder's page)."""
    return [p for top in (site / "articles", *site.glob("*/articles")) for p in top.rglob("index.html")]


def main(argv: list[str]) -> int:
    corpus = Path(argv[0]) if argv else CORPUS
    with scratch_site(corpus) as root:
        sources = len(list((root / "docs" / "articles").rglob("*.md")))
        site, seconds = build(root)
        pages = article_pages(site)
        sizes = sorted(p.stat().st_size for p in pages)
        total_mb = folder_bytes(site) / 1e6
        largest = max(pages, key=lambda p: p.stat().st_size)
        print(f"corpus           {corpus}")
        print(f"cpus             {os.cpu_count()}")
        print(f"article files    {sources} ({len(pages)} article pages)")
        rows = [
            ("build", f"{seconds:.1f} s", seconds <= MAX_BUILD_SECONDS, f"<= {MAX_BUILD_SECONDS} s"),
            ("site size", f"{total_mb:.1f} MB", total_mb <= MAX_SITE_MB, f"<= {MAX_SITE_MB} MB"),
            ("article median", f"{statistics.median(sizes) / 1e3:.1f} KB", True, ""),
            (
                "its navigation",
                f"{statistics.median(map(navigation_bytes, pages)) / 1e3:.1f} KB",
                True,
                "(median)",
            ),
            (
                "article largest",
                f"{sizes[-1] / 1e3:.1f} KB",
                sizes[-1] <= MAX_ARTICLE_KB * 1e3,
                f"<= {MAX_ARTICLE_KB} KB ({largest.relative_to(site).parent})",
            ),
        ]
        for name, value, ok, target in rows:
            print(f"{name:<16} {value:>10}  {'ok  ' if ok else 'MISS'} {target}")
        return 0 if all(ok for _, _, ok, _ in rows) else 1


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
