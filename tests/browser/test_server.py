"""The built site behind Debian's nginx, configured by `sxs nginx-config` (deploy/nginx.conf): the
security headers on every response, content types, the precompressed copies sent to clients that
accept them, cache lifetimes that stay right after a rebuild, and a 404 page in each language.

Plain HTTP requests (the browser tests in test_publish_csp.py use the same server)."""

from __future__ import annotations

import gzip
import hashlib
import json
import urllib.error
import urllib.request
from email.message import Message
from pathlib import Path

import brotli
import pytest
from bs4 import BeautifulSoup
from sites import BROTLI_MODULE

IMMUTABLE = "public, max-age=31536000, immutable"
SECURITY_HEADERS = {
    "X-Content-Type-Options": "nosniff",
    "X-Frame-Options": "DENY",
    "Referrer-Policy": "same-origin",
    "Cross-Origin-Opener-Policy": "same-origin",
    "Cross-Origin-Resource-Policy": "same-origin",
}


def get(url: str, encoding: str = "") -> tuple[int, Message, bytes]:
    """Status, headers and body (as sent: not decompressed) of a GET, redirects not followed."""

    class NoRedirect(urllib.request.HTTPRedirectHandler):
        def redirect_request(self, *args: object, **kwargs: object) -> None:
            return None

    request = urllib.request.Request(url, headers={"Accept-Encoding": encoding} if encoding else {})
    try:
        with urllib.request.build_opener(NoRedirect).open(request) as response:
            return response.status, response.headers, response.read()
    except urllib.error.HTTPError as error:
        return error.code, error.headers, error.read()


def page_policy(html: bytes) -> str:
    meta = BeautifulSoup(html, "html.parser").select_one('meta[http-equiv="Content-Security-Policy"]')
    assert meta is not None
    return str(meta["content"])


def shard_name(site: Path) -> str:
    docs = json.loads((site / "assets" / "search" / "ko" / "docs.json").read_text(encoding="utf-8"))
    return str(docs["files"][0])


@pytest.mark.parametrize(
    "path,status,content_type",
    [
        ("/", 200, "text/html; charset=utf-8"),
        ("/en/articles/antispam-5-7-23/", 200, "text/html; charset=utf-8"),
        ("/no-such-page/", 404, "text/html; charset=utf-8"),
        ("/assets/javascripts/bundle.a5f9d56c.min.js", 200, "application/javascript; charset=utf-8"),
        ("/assets/stylesheets/main.57a0d79d.min.css", 200, "text/css; charset=utf-8"),
        ("/assets/search/ui.js", 200, "application/javascript; charset=utf-8"),
        ("/assets/search/ko/docs.json", 200, "application/json; charset=utf-8"),
        ("/sitemap.xml", 200, "text/xml; charset=utf-8"),
        ("/assets/images/favicon.png", 200, "image/png"),
    ],
)
def test_every_response_carries_the_security_headers(
    nginx: str, publish_site: Path, path: str, status: int, content_type: str
) -> None:
    code, headers, _ = get(nginx + path)
    assert (code, headers["Content-Type"]) == (status, content_type)
    for name, value in SECURITY_HEADERS.items():
        assert headers[name] == value, name
    assert "camera=()" in headers["Permissions-Policy"] and "microphone=()" in headers["Permissions-Policy"]
    # The header is the pages' own policy, plus what a <meta> policy cannot say.
    _, _, home = get(nginx + "/")
    assert headers["Content-Security-Policy"] == page_policy(home) + "; frame-ancestors 'none'"
    assert "Server" not in headers or headers["Server"] == "nginx"  # no version


def test_every_page_carries_the_policy_the_header_sends(nginx: str, publish_site: Path) -> None:
    policies = {page_policy(page.read_bytes()) for page in publish_site.rglob("*.html")}
    assert len(policies) == 1
    assert get(nginx + "/")[1]["Content-Security-Policy"].startswith(policies.pop())


@pytest.mark.parametrize(
    "path", ["/articles/antispam-5-7-23/", "/assets/search/ko/docs.json", "/sitemap.xml"]
)
def test_precompressed_copies_go_to_clients_that_accept_them(
    nginx: str, publish_site: Path, path: str
) -> None:
    _, plain_headers, plain = get(nginx + path)
    assert plain_headers["Content-Encoding"] is None
    _, gz_headers, gz = get(nginx + path, "gzip")
    assert gz_headers["Content-Encoding"] == "gzip" and gzip.decompress(gz) == plain
    assert len(gz) < len(plain) / 2
    for headers in (plain_headers, gz_headers):
        assert headers["Vary"] == "Accept-Encoding"
    if not BROTLI_MODULE.exists():
        pytest.skip("no Brotli: Debian's libnginx-mod-http-brotli-static is not installed")
    _, br_headers, br = get(nginx + path, "br, gzip")
    if path.endswith("/"):  # a page has no Brotli copy (site/compress.py): gzip it is
        assert (br_headers["Content-Encoding"], br) == ("gzip", gz)
    else:
        assert br_headers["Content-Encoding"] == "br" and brotli.decompress(br) == plain
        assert len(br) < len(gz)


def test_fingerprinted_files_are_kept_for_good_and_the_rest_revalidated(
    nginx: str, publish_site: Path
) -> None:
    def cache(path: str) -> str | None:
        status, headers, _ = get(nginx + path)
        assert status in (200, 404), path
        return headers["Cache-Control"]

    # Named by their content: a rebuild that changes them changes their name.
    assert cache("/assets/javascripts/bundle.a5f9d56c.min.js") == IMMUTABLE
    assert cache("/assets/stylesheets/main.57a0d79d.min.css") == IMMUTABLE
    assert cache(f"/assets/search/ko/{shard_name(publish_site)}") == IMMUTABLE
    # Same name after a rebuild: asked again every time (a 304 when unchanged).
    for path in (
        "/",
        "/articles/antispam-5-7-23/",
        "/assets/search/ko/docs.json",
        "/assets/search/ui.js",
        "/assets/reader/reader.css",
        "/no-such-page/",
        "/en/no-such-page/",
    ):
        assert cache(path) == "no-cache", path


def test_an_unchanged_page_costs_a_304(nginx: str) -> None:
    _, headers, _ = get(nginx + "/articles/antispam-5-7-23/")
    request = urllib.request.Request(
        nginx + "/articles/antispam-5-7-23/", headers={"If-None-Match": str(headers["ETag"])}
    )
    with pytest.raises(urllib.error.HTTPError) as answer:
        urllib.request.urlopen(request)
    assert answer.value.code == 304


def test_a_rebuilt_shard_has_another_name(publish_site: Path) -> None:
    """What the long cache lifetime of postings files rests on: each name is its content's hash."""
    folder = publish_site / "assets" / "search" / "ko"
    docs = json.loads((folder / "docs.json").read_text(encoding="utf-8"))
    for number, name in enumerate(docs["files"]):
        digest = hashlib.sha256((folder / name).read_bytes()).hexdigest()[:8]
        assert name == f"terms-{number}.{digest}.json"


@pytest.mark.parametrize(
    "path,lang,heading",
    [
        ("/no-such-page/", "ko", "404 - 페이지를 찾을 수 없습니다"),
        ("/articles/no-such-page/", "ko", "404 - 페이지를 찾을 수 없습니다"),
        ("/en/no-such-page/", "en", "404 - Page not found"),
        ("/en/articles/no/such/page", "en", "404 - Page not found"),
    ],
)
def test_a_404_page_in_the_readers_language(nginx: str, path: str, lang: str, heading: str) -> None:
    status, _, body = get(nginx + path)
    assert status == 404
    soup = BeautifulSoup(body, "html.parser")
    assert soup.html is not None and soup.html["lang"] == lang
    assert soup.h1 is not None and soup.h1.get_text(strip=True) == heading


def test_a_folder_without_its_slash_is_redirected_relatively(nginx: str) -> None:
    status, headers, _ = get(nginx + "/en/articles/antispam-5-7-23")
    assert (status, headers["Location"]) == (301, "/en/articles/antispam-5-7-23/")


def test_nothing_with_a_leading_dot_is_served(nginx: str, publish_site: Path) -> None:
    (publish_site / ".hidden").write_text("secret", encoding="utf-8")
    assert get(nginx + "/.hidden")[0] == 404
