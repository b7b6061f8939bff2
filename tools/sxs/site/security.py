"""The site's Content-Security-Policy, in every page the build writes.

A `<meta http-equiv="Content-Security-Policy">` at the top of every page (overrides/main.html
writes `sxs_csp`, which this feature gives the templates), so that a static host without header
control enforces it too; a server sends the same policy as a header (`sxs nginx-config` reads it
from the built site) plus what only a header can carry (`frame-ancestors`). Both are enforced
together, so the page's own policy stays the one that matters.

What a page may load: scripts, styles, fonts and images from the site itself (images also as
`data:` URIs, which Material's stylesheet uses for its icons: nothing is fetched); connections
to the site and the SPF checker's DNS-over-HTTPS resolvers (`extra.doh`, `SXS_DOH_URL`); frames
from the video players of pages/videos.py, which docs/assets/video.js creates only when the
reader presses play; nothing else (`default-src 'none'`). No inline script runs: Material's own
inline scripts are files (overrides/partials/javascripts/, docs/assets/theme/), and the redirect
pages mkdocs-redirects writes get theirs swapped for docs/assets/redirect.js here. Under
`mkdocs serve` inline scripts are allowed, since its live reload injects one into every page.

The build also says when a page holds markup the policy would block (an inline script, an
event handler attribute, a style attribute or element): in strict mode that fails the build,
rather than leaving a page that misbehaves only in the reader's browser.
"""

from __future__ import annotations

import logging
import os
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError

from sxs.pages.videos import PLAYERS

from .build import Build

log = logging.getLogger(f"mkdocs.plugins.{__name__}")

HEADER_ONLY = ("frame-ancestors 'none'",)
"""Directives a browser ignores (with a console error) in a <meta> policy: the header adds them."""
REDIRECT_SCRIPT = "assets/redirect.js"
"""Takes the place of the inline script of mkdocs-redirects' pages, relative to the site root."""


@dataclass(frozen=True)
class Policy:
    resolvers: tuple[str, ...]
    """connect-src sources besides the site: the DNS-over-HTTPS endpoints."""
    frames: tuple[str, ...] = PLAYERS
    inline_scripts: bool = False
    """Only under `mkdocs serve`."""

    def directives(self) -> list[str]:
        script = "'self' 'unsafe-inline'" if self.inline_scripts else "'self'"
        return [
            "default-src 'none'",
            f"script-src {script}",
            "style-src 'self'",
            "img-src 'self' data:",
            "font-src 'self'",
            " ".join(["connect-src 'self'", *self.resolvers]),
            " ".join(["frame-src", *self.frames]) if self.frames else "frame-src 'none'",
            "base-uri 'self'",
            "form-action 'self'",
        ]

    @property
    def meta(self) -> str:
        return "; ".join(self.directives())


def header_policy(meta: str) -> str:
    """The header a server sends for pages whose <meta> policy is `meta`."""
    return "; ".join([meta, *HEADER_ONLY])


def resolver_sources(doh: str) -> tuple[str, ...]:
    """CSP sources for the space-separated DoH endpoints: each URL without its query (CSP matches
    scheme, host, port and path)."""
    sources: list[str] = []
    for url in doh.split():
        parts = urlsplit(url)
        if parts.scheme not in ("https", "http") or not parts.netloc or re.search(r"[\s;,'\"&<>]", url):
            raise PluginError(f"extra.doh: {url!r} is not an http(s) address (a DNS-over-HTTPS endpoint)")
        sources.append(f"{parts.scheme}://{parts.netloc}{parts.path or '/'}")
    return tuple(dict.fromkeys(sources))


# What a page may not hold under the policy. Each is found by a search for its own literal text,
# in lower case as MkDocs, its extensions and templates write markup (authored HTML is sanitized by
# the import and checked by `sxs check` in any case), then checked to stand inside a tag: text that
# only mentions `onclick=` is escaped, or outside any tag. Literal searches keep it cheap: Python's
# regular expressions scan for a literal prefix quickly, for a character class slowly.
SCRIPT = re.compile(r"<script\b([^>]*)>")
SCRIPT_SRC = re.compile(r"\ssrc\s*=")
DATA_SCRIPT = re.compile(r"\stype\s*=\s*[\"']?application/(?:ld\+)?json\b")
STYLE_ELEMENT = re.compile(r"<style\b")
HANDLER = re.compile(r"on[a-z]+\s*=")
STYLE_ATTRIBUTE = re.compile(r"style\s*=")
JAVASCRIPT_URL = re.compile(r"javascript:")
URL_VALUE = re.compile(r"=\s*[\"']?\s*\Z")
TAG_NAME = re.compile(r"<([a-z][a-z0-9-]*)")


def _in_comment(page: str, position: int) -> bool:
    """Whether `position` lies inside an HTML comment (authors comment out markup: it never runs)."""
    start = page.rfind("<!--", 0, position)
    return start >= 0 and page.find("-->", start + 4, position) < 0


def _open_tag(page: str, position: int) -> str | None:
    """The name of the tag whose attributes hold `position`, or None outside any tag."""
    if _in_comment(page, position):
        return None
    start = page.rfind("<", 0, position)
    if start < 0 or page.rfind(">", start, position) >= 0:
        return None
    name = TAG_NAME.match(page, start)
    return name.group(1) if name else None


def _attribute_tag(page: str, position: int) -> str | None:
    """The tag of the attribute whose name starts at `position`, or None."""
    return _open_tag(page, position) if position > 0 and page[position - 1].isspace() else None


def inline_scripts(html: str) -> list[str]:
    """The inline scripts and style elements of `html` (a whole page), each described."""
    found: list[str] = []
    # Most pages have no comment: then no script needs a look back over the page for one.
    commented = "<!--" in html
    for script in SCRIPT.finditer(html):
        attributes = script.group(1)
        if commented and _in_comment(html, script.start()):
            continue
        if not SCRIPT_SRC.search(attributes) and not DATA_SCRIPT.search(attributes):
            found.append(f"an inline <script> ({html[script.end() : script.end() + 40]!r}...)")
    found.extend(
        "a <style> element"
        for style in STYLE_ELEMENT.finditer(html)
        if not (commented and _in_comment(html, style.start()))
    )
    return found


def blocked_attributes(html: str) -> list[str]:
    """The event handler and style attributes and javascript: addresses in `html`, each described."""
    found: list[str] = []
    for handler in HANDLER.finditer(html):
        if tag := _attribute_tag(html, handler.start()):
            found.append(f"an event handler attribute ({handler.group().rstrip('= ')}= on <{tag}>)")
    for style in STYLE_ATTRIBUTE.finditer(html):
        if tag := _attribute_tag(html, style.start()):
            found.append(f"a style attribute (on <{tag}>)")
    for url in JAVASCRIPT_URL.finditer(html):
        value = URL_VALUE.search(html, max(0, url.start() - 16), url.start())
        if value and (tag := _open_tag(html, url.start())):
            found.append(f"a javascript: address (on <{tag}>)")
    return found


def blocked_markup(html: str) -> list[str]:
    """Everything in `html` the policy blocks."""
    return inline_scripts(html) + blocked_attributes(html)


class SecurityPolicy:
    def __init__(self, options: Any) -> None:
        self.serving: bool = options.serve
        self.policy: Policy | None = None

    def on_config(self, config: MkDocsConfig) -> None:
        self.policy = Policy(resolver_sources(str(config.extra.get("doh", ""))), inline_scripts=self.serving)

    def on_env(self, env: Any, config: MkDocsConfig, files: Any) -> None:
        env.globals["sxs_csp"] = self.policy.meta if self.policy else ""

    def on_page_content(self, html: str, page: Any, config: MkDocsConfig, files: Any) -> None:
        """The page's own content: where Markdown and its raw HTML land."""
        self._report(page, blocked_attributes(html))

    def on_post_page(self, output: str, page: Any, config: MkDocsConfig) -> None:
        """The whole page: templates and plugins add scripts (their attributes are the same on every
        page, which the browser tests go through)."""
        self._report(page, inline_scripts(output))

    def _report(self, page: Any, blocked: list[str]) -> None:
        for what in blocked:
            log.warning("%s: %s, which the site's security policy blocks", page.file.src_uri, what)

    def on_post_build(self, config: MkDocsConfig) -> None:
        plugin = config.plugins.get("redirects")
        if plugin is None or self.policy is None:
            return
        from mkdocs_redirects.plugin import get_html_path  # type: ignore[import-untyped]

        root = Build.site_root(config)
        for old in plugin.config.get("redirect_maps", {}):
            page = root / get_html_path(old, config.use_directory_urls)
            if page.is_file():
                self._redirect_page(page, root)

    def _redirect_page(self, page: Path, root: Path) -> None:
        """mkdocs-redirects' page with its inline script replaced by a file and the policy added."""
        assert self.policy is not None
        html = page.read_text(encoding="utf-8")
        script = re.search(r"<script>[^<]*</script>", html)
        if script is None or 'rel="canonical"' not in html:
            log.warning("%s: not a redirect page as mkdocs-redirects writes them; left as it is", page)
            return
        src = Path(os.path.relpath(root / REDIRECT_SCRIPT, page.parent)).as_posix()
        policy = f'<meta http-equiv="Content-Security-Policy" content="{self.policy.meta}">'
        html = html[: script.start()] + f'<script src="{src}"></script>' + html[script.end() :]
        html = html.replace('<meta charset="utf-8">', f'<meta charset="utf-8">\n    {policy}', 1)
        page.write_text(html, encoding="utf-8")
