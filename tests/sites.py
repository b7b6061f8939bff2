"""Built copies of the site for tests, and a local HTTP server to show them to a browser.

`build_site` builds the project as it is (optionally through another config and with extra
environment); `reader_site` builds a small copy whose articles are the reader fixtures
(tests/fixtures/reader: machine and human translated, one language only, error codes, inline
Markdown in every kind of block), since docs/articles holds whatever `sxs import` wrote.
"""

from __future__ import annotations

import atexit
import functools
import http.server
import os
import shutil
import subprocess
import sys
import tempfile
import threading
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
FIXTURES = ROOT / "tests" / "fixtures" / "reader"
MKDOCS = Path(sys.executable).with_name("mkdocs")


class BuildFailed(RuntimeError):
    pass


def build_site(
    dest: Path,
    env: dict[str, str] | None = None,
    *,
    root: Path = ROOT,
    config: Path | None = None,
    strict: bool = True,
) -> Path:
    """`mkdocs build` the site at `root` into `dest`; raises BuildFailed with the build's log."""
    command = [str(MKDOCS), "build", "--site-dir", str(dest), *(["--strict"] if strict else [])]
    if config is not None:
        command += ["--config-file", str(config)]
    result = subprocess.run(
        command,
        cwd=root,
        env={**os.environ, "NO_MKDOCS_2_WARNING": "1", **(env or {})},
        capture_output=True,
        text=True,
    )
    if result.returncode != 0:
        raise BuildFailed(f"mkdocs build failed:\n{result.stderr[-4000:]}")
    return dest


@functools.cache
def reader_site() -> Path:
    """The site with the reader fixtures as its articles, built once per test session."""
    return site_with_articles(FIXTURES, "sxs-reader-")


def site_with_articles(articles: Path, prefix: str) -> Path:
    """A copy of the site whose docs/articles is `articles` (what an import wrote), built."""
    root = Path(tempfile.mkdtemp(prefix=prefix))
    atexit.register(shutil.rmtree, root, ignore_errors=True)
    for name in ("mkdocs.yml", "overrides", "data"):
        source = ROOT / name
        (shutil.copytree if source.is_dir() else shutil.copy2)(source, root / name)
    shutil.copytree(ROOT / "docs", root / "docs", ignore=shutil.ignore_patterns("articles"))
    shutil.copytree(articles, root / "docs" / "articles")
    return build_site(root / "site", root=root)


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: object) -> None:
        pass


def serve(directory: Path) -> tuple[http.server.ThreadingHTTPServer, str]:
    """Serve `directory` on a free loopback port; returns the server and its base URL."""
    handler = functools.partial(_QuietHandler, directory=str(directory))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server, f"http://127.0.0.1:{server.server_address[1]}"
