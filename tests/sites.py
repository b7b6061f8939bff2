"""Built copies of the site for tests, and a local HTTP server to show them to a browser.

`build_site` builds the project as it is (optionally through another config and with extra
environment); `reader_site` builds a small copy whose articles are the reader fixtures
(tests/fixtures/reader: machine and human translated, one language only, error codes, inline
Markdown in every kind of block), since docs/articles holds whatever `sxs import` wrote.
"""

from __future__ import annotations

import atexit
import contextlib
import functools
import http.server
import os
import shutil
import socket
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Iterator
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
    return build_site(root / "site", root=site_copy(root, articles))


def site_copy(root: Path, articles: Path, with_seed: bool = False) -> Path:
    """A copy of the project's site in `root` (mkdocs.yml, overrides/, data/, docs/) whose
    docs/articles is a copy of `articles`, and of the seed article if `with_seed`; not built, so
    that a test can change it first."""
    root.mkdir(parents=True, exist_ok=True)
    for name in ("mkdocs.yml", "overrides", "data"):
        source = ROOT / name
        (shutil.copytree if source.is_dir() else shutil.copy2)(source, root / name)
    shutil.copytree(ROOT / "docs", root / "docs", ignore=shutil.ignore_patterns("articles"))
    shutil.copytree(articles, root / "docs" / "articles")
    if with_seed:
        for page in (ROOT / "docs" / "articles").glob("antispam-5-7-23.*.md"):
            shutil.copy2(page, root / "docs" / "articles" / page.name)
    return root


def site_files(site: Path) -> dict[str, bytes]:
    """Every file of a built site by its path in it: what byte-for-byte comparisons compare."""
    return {p.relative_to(site).as_posix(): p.read_bytes() for p in sorted(site.rglob("*")) if p.is_file()}


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: object) -> None:
        pass


def serve(directory: Path) -> tuple[http.server.ThreadingHTTPServer, str]:
    """Serve `directory` on a free loopback port; returns the server and its base URL."""
    handler = functools.partial(_QuietHandler, directory=str(directory))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server, f"http://127.0.0.1:{server.server_address[1]}"


NGINX = shutil.which("nginx") or "/usr/sbin/nginx"
BROTLI_MODULE = Path("/usr/lib/nginx/modules/ngx_http_brotli_static_module.so")
"""Debian's libnginx-mod-http-brotli-static, which .ci/system-deps installs with nginx."""
MIME_TYPES = Path("/etc/nginx/mime.types")


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


@contextlib.contextmanager
def nginx_server(site: Path) -> Iterator[str]:
    """Debian's nginx serving `site` on a free loopback port, configured as `sxs nginx-config`
    writes it for a server (deploy/nginx.conf), inside a main configuration of its own in a
    scratch folder: run as the current user, no file outside that folder written. Yields the
    base URL; stops nginx afterwards."""
    from sxs.cli import main

    if not Path(NGINX).exists():
        raise RuntimeError("Debian's nginx is not installed: run `make test`, which installs it")
    with tempfile.TemporaryDirectory(prefix="sxs-nginx-") as scratch:
        folder = Path(scratch)
        port = _free_port()
        server = folder / "sxs.conf"
        brotli = BROTLI_MODULE.exists()
        options = [
            "--listen",
            f"127.0.0.1:{port}",
            "--out",
            str(server),
            *([] if brotli else ["--no-brotli"]),
        ]
        template = ["--template", str(ROOT / "deploy" / "nginx.conf")]
        if main(["nginx-config", str(site), *options, *template]) != 0:
            raise RuntimeError("sxs nginx-config failed")
        temp = "\n".join(
            f"    {kind}_temp_path {folder / kind};"
            for kind in ("client_body", "proxy", "fastcgi", "uwsgi", "scgi")
        )
        (folder / "nginx.conf").write_text(
            f"""{f"load_module {BROTLI_MODULE};" if brotli else ""}
{"user root;" if os.geteuid() == 0 else ""}
worker_processes 1;
pid {folder / "nginx.pid"};
error_log {folder / "error.log"} warn;
events {{ worker_connections 64; }}
http {{
    include {MIME_TYPES};
    default_type application/octet-stream;
    access_log off;
{temp}
    include {server};
}}
""",
            encoding="utf-8",
        )
        process = subprocess.Popen(
            [NGINX, "-p", str(folder), "-c", str(folder / "nginx.conf"), "-g", "daemon off;"],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.PIPE,
            text=True,
        )
        try:
            deadline = time.monotonic() + 10
            while True:
                if process.poll() is not None:
                    raise RuntimeError(
                        f"nginx stopped at once:\n{process.stderr.read() if process.stderr else ''}"
                    )
                try:
                    socket.create_connection(("127.0.0.1", port), timeout=0.2).close()
                    break
                except OSError:
                    if time.monotonic() > deadline:
                        raise
                    time.sleep(0.05)
            yield f"http://127.0.0.1:{port}"
        finally:
            process.terminate()
            process.wait(timeout=10)


def publish_site(dest: Path, env: dict[str, str] | None = None) -> Path:
    """A built copy of the site with every kind of page it can have: besides the project's own
    (home, the seed article, categories, the SPF checker, the translation status, 404 pages), an
    imported documentation set with redirect pages (tests/fixtures/converter/docset-links, under
    articles/links/) and a YAML landing page (yaml-landing, under articles/landing/)."""
    root = dest / "project"
    root.mkdir(parents=True)
    for name in ("mkdocs.yml", "overrides", "data", "docs"):
        source = ROOT / name
        (shutil.copytree if source.is_dir() else shutil.copy2)(source, root / name)
    converter = ROOT / "tests" / "fixtures" / "converter"
    shutil.copytree(converter / "docset-links" / "expected", root / "docs" / "articles" / "links")
    shutil.copytree(converter / "yaml-landing" / "expected", root / "docs" / "articles" / "landing")
    return build_site(dest / "site", env, root=root)


CORPUS = (ROOT / ".." / "shared" / "corpus").resolve()


@functools.cache
def corpus_site(name: str, articles: tuple[str, ...] = ()) -> Path:
    """The site built from a repository of the shared corpus, imported by `sxs import` as a new user
    would; with `articles`, from those of its articles only (AlchemyInsights/<name>.md, copied with
    its publish configuration into a scratch repository). Skips when the corpus is absent."""
    import pytest
    from sxs.cli import main

    source = CORPUS / name
    if not source.is_dir():
        pytest.skip(f"shared corpus not found at {source}: clone shared/ beside the repository")
    if articles:
        scratch = Path(tempfile.mkdtemp(prefix="sxs-corpus-"))
        atexit.register(shutil.rmtree, scratch, ignore_errors=True)
        (scratch / "AlchemyInsights").mkdir()
        shutil.copy2(source / ".openpublishing.publish.config.json", scratch)
        for article in articles:
            shutil.copy2(source / "AlchemyInsights" / f"{article}.md", scratch / "AlchemyInsights")
        source = scratch
    out = Path(tempfile.mkdtemp(prefix="sxs-import-")) / "articles"
    atexit.register(shutil.rmtree, out.parent, ignore_errors=True)
    # The whole sets hold one file the translation tool damaged beyond repair (exit status 1, the
    # file named): the import goes on without it, as for a user.
    if (
        main(["import", str(source), "--out", str(out), "--progress", "never"]) not in (0, 1)
        or not out.is_dir()
    ):
        raise BuildFailed(f"sxs import {source} failed")
    return site_with_articles(out, f"sxs-{name}-")
