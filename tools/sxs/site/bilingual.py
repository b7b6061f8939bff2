"""Bilingual reading: each article page carries the other language's text of its segments.

The page's own HTML only gains `data-sxs-seg="N"` on its segments (its text, headings and
table of contents stay as they are, for search and for readers who never ask for the other
language). The other language's segments go into a <template> after the article
(`sxs_alternate` in the template context): inert, not rendered, not in the page's text.
docs/assets/reader/bilingual.js shows them in place or side by side when the reader asks.

The other language's file is rendered with the page's own Markdown setup (a copy of the
page, so links and inline Markdown render as faithfully as the page itself). Pages built
earlier in the same build (the default language's, before static-i18n builds the others)
are reused instead: every language mirrors the same folders, so their links to pages hold;
links to files (images under media/, which exist once, at the default language's place) are
rebased from that page's address to this one's.
"""

from __future__ import annotations

import copy
import html
import logging
import posixpath
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from mkdocs.config.defaults import MkDocsConfig

from sxs.pages.frontmatter import body_of

from .build import Build
from .catalog import article_of
from .segments import Segment, mark, pair, segments

log = logging.getLogger(f"mkdocs.plugins.{__name__}")
ID_ATTRIBUTE = re.compile(r'(<[a-zA-Z][^>]*?)\s(?:id|name)="[^"]*"')  # ids must stay unique once shown
# A relative link to a file (not to a page: page addresses end in "/"), in an href or a src.
FILE_URL = re.compile(r'(\s(?:href|src)=")(?![a-zA-Z][a-zA-Z0-9+.-]*:|/|#|\?)([^"?#]*[^"?#/])([?#][^"]*)?"')


@dataclass(frozen=True)
class Alternate:
    lang: str
    template: str  # the <template> element holding the other language's segments


class BilingualReading:
    def __init__(self, options: Any) -> None:
        self.alternates: dict[str, Alternate] = {}
        # (article path, lang) -> (HTML, the page's URL), for the next language's build
        self.rendered: dict[tuple[str, str], tuple[str, str]] = {}

    def on_config(self, config: MkDocsConfig) -> None:
        if not Build.in_inner_build(config):
            self.rendered.clear()  # a new build of the whole site starts

    def on_page_content(self, content: str, page: Any, config: MkDocsConfig, files: Any) -> str | None:
        self.alternates.pop(page.file.src_uri, None)
        lang = Build.language(config)
        article = article_of(page)
        if article is None or getattr(page.file, "locale", lang) != lang:
            return None  # not an article, or static-i18n's fallback page (no translation to show)
        self.rendered[(article.path, lang)] = (content, page.url)
        other_lang = next((other for other in Build.languages(config) if other != lang), None)
        source = Path(page.file.abs_src_path or "")
        if other_lang is None:
            return None
        other_path = source.with_name(article.other(other_lang).file.rsplit("/", 1)[-1])
        if not other_path.is_file():
            return None
        earlier = self.rendered.get((article.path, other_lang))
        if earlier is None:
            other_html = self._render(page, other_path.read_text(encoding="utf-8"), config, files)
        else:
            other_html = rebase_files(earlier[0], earlier[1], page.url)
        mine, theirs = segments(content), segments(other_html)
        pairs = pair(mine, theirs)
        log.debug(
            "%s: %d of %d segments paired with %s", page.file.src_uri, len(pairs), len(mine), other_lang
        )
        if not pairs:
            return None
        template = self._template(other_lang, [theirs[b] for _, b in pairs])
        self.alternates[page.file.src_uri] = Alternate(other_lang, template)
        return mark(content, [mine[a] for a, _ in pairs])

    @staticmethod
    def _render(page: Any, text: str, config: MkDocsConfig, files: Any) -> str:
        other = copy.copy(page)
        other.markdown = body_of(text)
        other.render(config, files)
        return str(other.content)

    @staticmethod
    def _template(lang: str, theirs: list[Segment]) -> str:
        bodies = [ID_ATTRIBUTE.sub(r"\1", s.html) for s in theirs]
        items = "".join(f'<div data-sxs-alt="{n}">{body}</div>' for n, body in enumerate(bodies))
        return f'<template id="sxs-alt" data-lang="{html.escape(lang)}">{items}</template>'

    def on_page_context(self, context: Any, page: Any, config: MkDocsConfig, nav: Any) -> Any:
        context["sxs_alternate"] = self.alternates.pop(page.file.src_uri, None)
        return context


def rebase_files(html_text: str, from_url: str, to_url: str) -> str:
    """Relative links to files in HTML made for the page at `from_url`, for the page at `to_url`."""
    if from_url == to_url:
        return html_text
    from_dir = posixpath.dirname("/" + from_url)
    to_dir = posixpath.dirname("/" + to_url)

    def rebase(m: re.Match[str]) -> str:
        target = posixpath.normpath(posixpath.join(from_dir, m.group(2)))
        return f'{m.group(1)}{posixpath.relpath(target, to_dir)}{m.group(3) or ""}"'

    return FILE_URL.sub(rebase, html_text)
