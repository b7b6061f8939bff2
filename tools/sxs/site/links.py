"""Links to articles from generated lists (category pages, the error-code index), in HTML.

Raw HTML is not rewritten by MkDocs, so the URL is worked out here from the build's files.
An article without a page in the reader's language is linked in the language it has and
marked "(English only)": static-i18n makes a fallback copy for the default language only.
"""

from __future__ import annotations

import html
from dataclasses import dataclass
from typing import Any

from mkdocs.utils import get_relative_url

from .catalog import ARTICLES, Article
from .texts import language, text


@dataclass(frozen=True)
class ArticleLink:
    href: str
    title: str
    only_in: str | None  # the language the article exists in, when it is not the reader's

    def html(self, lang: str) -> str:
        # The title is in the language the article exists in, and so is the page it leads to.
        attributes = f' hreflang="{self.only_in}" lang="{self.only_in}"' if self.only_in else ""
        anchor = f'<a href="{html.escape(self.href)}"{attributes}>{html.escape(self.title)}</a>'
        if self.only_in is None:
            return anchor
        mark = text(lang, "only_in_short", language=language(self.only_in, lang))
        return f'{anchor} <span class="sxs-only-in">({html.escape(mark)})</span>'


def article_link(article: Article, lang: str, default: str, page: Any, files: Any) -> ArticleLink:
    only = None if article.version(lang) is not None else next(iter(article.versions))
    file = files.get_file_from_path(article.src_uri)
    if file is not None:
        return ArticleLink(get_relative_url(file.url, page.url), article.title(lang, default), only)
    assert only is not None
    prefix = "" if only == default else f"{only}/"  # no page in this language: the other one's
    href = get_relative_url(f"{prefix}{ARTICLES}/{article.path}/", page.url)
    return ArticleLink(href, article.title(lang, default), only)
