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


# What a page may not hold under the policy. A cheap search finds the pages worth a closer look.
SUSPECT = re.compile(r"<script\b|<style\b|\son[a-z]+\s*=|\sstyle\s*=|javascript:", re.I)
TAG = re.compile(
    r"<([a-zA-Z][a-zA-Z0-9-]*)((?:\s+[^\s=/>]+(?:\s*=\s*(?:\"[^\"]*\"|'[^']*'|[^\s\"'=<>`]+))?)*)\s*/?>"
)
ATTRIBUTE = re.compile(r"\s+([^\s=/>]+)(?:\s*=\s*(\"[^\"]*\"|'[^']*'|[^\s\"'=<>`]+))?")
DATA_SCRIPT = re.compile(r"application/(?:ld\+)?json", re.I)


def blocked_markup(html: str) -> list[str]:
    """What in `html` the policy blocks, each as a short description, in document order."""
    if SUSPECT.search(html) is None:
        return []
    found: list[str] = []
    for tag in TAG.finditer(html):
        name = tag.group(1).lower()
        attributes = {
            a.group(1).lower(): (a.group(2) or "").strip("\"'") for a in ATTRIBUTE.finditer(tag.group(2))
        }
        if (
            name == "script"
            and "src" not in attributes
            and not DATA_SCRIPT.fullmatch(attributes.get("type", ""))
        ):
            found.append(f"an inline <script> ({html[tag.end() : tag.end() + 40]!r}...)")
        elif name == "style":
            found.append("a <style> element")
        for attribute, value in attributes.items():
            if attribute.startswith("on"):
                found.append(f"an event handler attribute ({attribute}= on <{name}>)")
            elif attribute == "style":
                found.append(f"a style attribute (on <{name}>)")
            elif value.strip().lower().startswith("javascript:"):
                found.append(f"a javascript: address ({attribute}= on <{name}>)")
    return found


class SecurityPolicy:
    def __init__(self, options: Any) -> None:
        self.serving: bool = options.serve
        self.policy: Policy | None = None

    def on_config(self, config: MkDocsConfig) -> None:
        self.policy = Policy(resolver_sources(str(config.extra.get("doh", ""))), inline_scripts=self.serving)

    def on_env(self, env: Any, config: MkDocsConfig, files: Any) -> None:
        env.globals["sxs_csp"] = self.policy.meta if self.policy else ""

    def on_post_page(self, output: str, page: Any, config: MkDocsConfig) -> None:
        for what in blocked_markup(output):
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
