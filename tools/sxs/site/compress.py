"""Compressed copies of the built site's text files, for a server to send as they are.

After every language is built, each text file of the site (pages, scripts, styles, the search
index, the sitemap) of at least MIN_BYTES gets a gzip copy (`page.html.gz`) beside it, and each
such file but the pages a Brotli copy too (`docs.json.br`), each written only when smaller:
nginx's `gzip_static` and `brotli_static` (deploy/nginx.conf) send them to browsers that accept
them, at no cost per request; a page has no .br, so it goes out gzipped. A static host that
compresses on its own ignores them.

What it costs and saves, measured on the Alchemy Insights site (3,284 pages, 67 MB; 293 other
files, 4.3 MB), one core of the shared 2-core machine: gzip 6 makes the pages 17.5 MB in about
1.5 s (level 9 saves 0.1 % for 70 % more time). The gzip copies are zlib-ng's: on the four shared
repositories' site (277 MB of text) 4.0 s of CPU against zlib's 6.1 at the same level, for 0.7 %
more bytes (62.6 MB against 62.1). Brotli would make the pages 16.3 MB (7 % less, some
0.3 KB of a page) for 2.5 s more: not worth it for a page read once. The other files (Material's
bundles, the search index, the site's scripts) are fetched by every reader: Brotli 7 makes them
919 KB against gzip's 1,004 KB in 0.15 s (quality 9 saves 2 % more for three times the time, 11
another 10 % for eighty times). Files are compressed on a few threads (zlib and Brotli release the
interpreter's lock). Nothing is written under `mkdocs serve`, which sends files as they are, nor
with `compress: false` (SXS_COMPRESS=false, mkdocs.yml). A build of one language (split.py) writes
none: `sxs build` has each language's process compress its own part once built (the first done
while the others still build), and `sxs build --merge` of parts built apart compresses the merge.
"""

from __future__ import annotations

import logging
import os
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import Any

import brotli
from mkdocs.config.defaults import MkDocsConfig
from zlib_ng import gzip_ng

from .build import Build

log = logging.getLogger(f"mkdocs.plugins.{__name__}")

TEXT_SUFFIXES = frozenset({".html", ".css", ".js", ".json", ".xml", ".svg", ".txt"})
"""What a browser fetches as text. Source maps (.map) are left out: only a developer's tools ask."""
BROTLI_SUFFIXES = TEXT_SUFFIXES - {".html"}
MIN_BYTES = 256
"""Smaller files gain less than a packet's headers."""
GZIP_LEVEL = 6
BROTLI_QUALITY = 7
ENCODINGS = (".gz", ".br")


def compressed(data: bytes, suffix: str) -> dict[str, bytes]:
    """The copies worth writing of a file's `data`, by the suffix they add; `suffix` is the file's."""
    gz: bytes = gzip_ng.compress(data, GZIP_LEVEL, mtime=0)  # type: ignore[no-untyped-call]
    copies = {".gz": gz}
    if suffix in BROTLI_SUFFIXES:
        # A window no larger than the file: Brotli's default (4 MiB) costs most of the time on small files.
        window = min(22, max(10, len(data).bit_length() + 1))
        copies[".br"] = brotli.compress(data, quality=BROTLI_QUALITY, lgwin=window)
    return {added: copy for added, copy in copies.items() if len(copy) < len(data)}


def compress_file(path: Path) -> tuple[int, dict[str, int]]:
    """Write `path`'s compressed copies; returns its size and the copies' sizes."""
    data = path.read_bytes()
    sizes: dict[str, int] = {}
    for suffix, copy in compressed(data, path.suffix).items():
        path.with_name(path.name + suffix).write_bytes(copy)
        sizes[suffix] = len(copy)
    return len(data), sizes


def worth_a_copy(path: str) -> bool:
    return os.path.splitext(path)[1] in TEXT_SUFFIXES and os.path.getsize(path) >= MIN_BYTES


def text_files(site: Path) -> list[Path]:
    return [
        Path(folder) / name
        for folder, _dirs, names in os.walk(site)
        for name in names
        if worth_a_copy(os.path.join(folder, name))
    ]


def compress_files(files: list[Path]) -> None:
    """Write the compressed copies of `files` (text files worth a copy), on a few threads."""
    start = time.perf_counter()
    with ThreadPoolExecutor(max_workers=min(4, os.cpu_count() or 1)) as pool:
        results = list(pool.map(compress_file, files))
    total = sum(size for size, _ in results)
    gz = sum(sizes.get(".gz", size) for size, sizes in results)
    brotli_files = sum(1 for _, sizes in results if ".br" in sizes)
    log.info(
        f"compress: {len(files)} files, {total / 1e6:.1f} MB, gzip {gz / 1e6:.1f} MB; "
        f"{brotli_files} of them also Brotli; in {time.perf_counter() - start:.2f} s"
    )


def compress_site(site: Path) -> None:
    """Write the compressed copies of every text file of the built site in `site`."""
    compress_files(text_files(site))


class CompressedCopies:
    def __init__(self, options: Any) -> None:
        # A build of one language is a part of a site: `sxs build` compresses it (split.py).
        self.enabled: bool = options.compress and not options.serve and Build.only_language() is None

    def on_build_done(self, config: MkDocsConfig) -> None:
        if self.enabled:
            compress_site(Build.site_root(config))
