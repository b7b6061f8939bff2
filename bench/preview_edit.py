"""Benchmark: edit to preview, from the write of an article's page to the browser showing it.

usage: python bench/preview_edit.py [CORPUS] [--edits N]   (`make bench-preview`)

Starts the dev server `make serve` runs (`mkdocs serve`) on a scratch copy of the site holding
the four shared Korean repositories (or CORPUS), waits for its first build, and opens an article
of the largest table of contents in Chromium (Debian's, through Playwright), where MkDocs' live
reload script reloads it when the site changes. Then, N times for each language, it changes one
line of that article's Korean (or English) page on disk and measures the time from the write to
the page in the browser showing the new text. Target: 3 s.
"""

from __future__ import annotations

import argparse
import os
import socket
import statistics
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

from playwright.sync_api import sync_playwright

sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(1, str(Path(__file__).resolve().parents[1] / "tests"))  # Chromium as the tests launch it
import chromium  # noqa: E402
from scratch_site import BIN, FOUR, scratch_site  # noqa: E402

TARGET_S = 3.0
# An article under the largest table of contents (mdop's), and a line of its body to change.
ARTICLE = "articles/mdop/appv-v5/about-app-v-50-sp1"


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def wait_up(url: str, server: subprocess.Popen[bytes], timeout: float) -> float:
    started = time.perf_counter()
    while time.perf_counter() - started < timeout:
        if server.poll() is not None:
            sys.exit("the dev server stopped before it served the site")
        try:
            with urllib.request.urlopen(url, timeout=5) as response:
                if response.status == 200:
                    return time.perf_counter() - started
        except OSError:
            time.sleep(1)
    sys.exit(f"the dev server did not serve {url} within {timeout:.0f} s")


def body_line(path: Path) -> int:
    """The index of the first paragraph line after the front matter and the title."""
    lines = path.read_text(encoding="utf-8").split("\n")
    ends = [i for i, line in enumerate(lines) if line == "---"]
    for i in range(ends[1] + 1, len(lines)):
        text = lines[i].strip()
        if text and not text.startswith(("#", "-", "*", "|", ">", "!", "<", "`", "[", "1.")):
            return i
    raise SystemExit(f"{path}: no paragraph line to change")


def main(argv: list[str]) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("corpus", nargs="?", type=Path)
    ap.add_argument("--edits", type=int, default=5)
    args = ap.parse_args(argv)
    corpus: Path | dict[str, Path] = args.corpus or FOUR
    article = ARTICLE if args.corpus is None else None
    times: dict[str, list[float]] = {"ko": [], "en": []}
    with scratch_site(corpus) as root:
        if article is None:  # the first article of the repository given
            first = next((root / "docs" / "articles").rglob("*.ko.md"))
            article = first.relative_to(root / "docs").as_posix()[: -len(".ko.md")]
        port = free_port()
        base = f"http://127.0.0.1:{port}"
        server = subprocess.Popen(
            [str(BIN / "mkdocs"), "serve", "--dev-addr", f"127.0.0.1:{port}"],
            cwd=root,
            env={**os.environ, "NO_MKDOCS_2_WARNING": "1"},
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        try:
            first_build = wait_up(f"{base}/{article}/", server, timeout=3600)
            with sync_playwright() as playwright:
                browser = chromium.launch(playwright)
                for lang, prefix in (("ko", ""), ("en", "/en")):
                    page = browser.new_page()
                    page.goto(f"{base}{prefix}/{article}/")
                    source = root / "docs" / f"{article}.{lang}.md"
                    index = body_line(source)
                    for n in range(args.edits):
                        lines = source.read_text(encoding="utf-8").split("\n")
                        token = f"preview{lang}{n}x{int(time.time())}"
                        lines[index] = lines[index].rstrip() + f" {token}"
                        written = time.perf_counter()
                        source.write_text("\n".join(lines), encoding="utf-8")
                        page.wait_for_function(
                            # (no body for a moment while the reloaded page comes in)
                            "token => document.body?.innerText.includes(token)",
                            arg=token,
                            timeout=600_000,
                        )
                        times[lang].append(time.perf_counter() - written)
                    page.close()
                browser.close()
        finally:
            server.terminate()
            server.wait(timeout=60)
    print(f"site             {', '.join(corpus) if isinstance(corpus, dict) else corpus}")
    print(f"first build      {first_build:.1f} s (mkdocs serve, before the first page is served)")
    ok = True
    for lang, seconds in times.items():
        worst = max(seconds)
        ok = ok and worst <= TARGET_S
        print(
            f"edit {lang} page    median {statistics.median(seconds):.2f} s, worst {worst:.2f} s over "
            f"{len(seconds)} edits  {'ok  ' if worst <= TARGET_S else 'MISS'} <= {TARGET_S:.0f} s ({article})"
        )
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
