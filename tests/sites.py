"""A small copy of the site with the reader fixtures (tests/fixtures/reader) as its articles.

The project's own docs/articles holds whatever `sxs import` wrote; the reader tests need
articles with known facts (machine and human translated, one language only, error codes,
inline Markdown in every kind of block), so they build the site around these instead.
"""

from __future__ import annotations

import atexit
import functools
import http.server
import shutil
import subprocess
import sys
import tempfile
import threading
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
FIXTURES = ROOT / "tests" / "fixtures" / "reader"
MKDOCS = Path(sys.executable).with_name("mkdocs")


@functools.cache
def reader_site() -> Path:
    """Build once per test session; returns the built site's folder."""
    root = Path(tempfile.mkdtemp(prefix="sxs-reader-"))
    atexit.register(shutil.rmtree, root, ignore_errors=True)
    for name in ("mkdocs.yml", "overrides", "data"):
        source = ROOT / name
        (shutil.copytree if source.is_dir() else shutil.copy2)(source, root / name)
    shutil.copytree(ROOT / "docs", root / "docs", ignore=shutil.ignore_patterns("articles"))
    shutil.copytree(FIXTURES, root / "docs" / "articles")
    result = subprocess.run(
        [str(MKDOCS), "build", "--strict", "--site-dir", str(root / "site")],
        cwd=root,
        capture_output=True,
        text=True,
    )
    if result.returncode != 0:
        raise RuntimeError(f"mkdocs build --strict failed:\n{result.stderr[-4000:]}")
    return root / "site"


def serve(directory: Path) -> tuple[http.server.ThreadingHTTPServer, str]:
    """Serve `directory` on a free loopback port; returns the server and its base URL."""

    class Quiet(http.server.SimpleHTTPRequestHandler):
        def log_message(self, format: str, *args: object) -> None:
            pass

    server = http.server.ThreadingHTTPServer(
        ("127.0.0.1", 0), functools.partial(Quiet, directory=str(directory))
    )
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server, f"http://127.0.0.1:{server.server_address[1]}"
