"""Bilingual reading: an article page names its page in the other language, for the reader bar.

Each language's page is built from its own language only. Its reader bar (overrides/partials/
sxs/article-header.html) carries the other language's page, relative, and that language; when
the reader turns the aid on, docs/assets/reader/bilingual.js fetches that page and pairs its
segments with this page's (docs/assets/reader/segments.js). static-i18n's fallback copy of a
page (an article in one language only) and an article with no page in the other language get
no bar: there is nothing to show beside them.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.utils import get_relative_url

from sxs import locales

from .build import Build
from .catalog import article_of
from .texts import set_page_texts


@dataclass(frozen=True)
class OtherLanguage:
    lang: str
    url: str  # the other language's page, relative to this page
    dir: str  # its writing direction (its locale file's): ltr or rtl


def other_language(page: Any, config: MkDocsConfig) -> OtherLanguage | None:
    """The article's page in the other language, when both languages have one."""
    lang = Build.language(config)
    if article_of(page) is None or getattr(page.file, "locale", lang) != lang:
        return None  # not an article, or static-i18n's fallback copy of the other language's page
    other_lang = next((other for other in Build.languages(config) if other != lang), None)
    other = getattr(page.file, "alternates", {}).get(other_lang)
    if other_lang is None or other is None or other.locale != other_lang:
        return None  # no translation: static-i18n's fallback stands in for it
    return OtherLanguage(
        other_lang, get_relative_url(other.url, page.url), locales.locale(other_lang).direction
    )


class BilingualReading:
    def __init__(self, options: Any) -> None:
        pass

    def on_page_context(self, context: Any, page: Any, config: MkDocsConfig, nav: Any) -> Any:
        other = other_language(page, config)
        context["sxs_other_language"] = other
        set_page_texts(context, Build.language(config), other.lang if other else None)
        return context
