"""What an article page says about itself, above its title: category, translation, hand-off date.

- a machine-translated article (`ms.translationtype: MT`) says so in the reader's language,
  with a link to the English original; a human-translated one says nothing;
- static-i18n fills a language's missing article with the other language's page: that page
  says the article exists in that language only, and its content carries that `lang`;
- `ms.lasthandoff` (MM/DD/YYYY) is shown as a date in the reader's language.

The facts go to the template as `sxs_article`; overrides/partials/sxs/article-header.html shows them.
"""

from __future__ import annotations

import datetime
import re
from dataclasses import dataclass
from typing import Any

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.utils import get_relative_url

from sxs import locales
from sxs.pages.identity import neutral

from .build import Build
from .catalog import Catalog
from .categories import Categorizer
from .texts import language, text

HANDOFF = re.compile(r"^(\d{1,2})/(\d{1,2})/(\d{4})$")
ORIGINAL = "en"  # the language Microsoft's articles were written in


@dataclass(frozen=True)
class HandOff:
    iso: str  # for <time datetime>
    shown: str  # in the reader's language


def hand_off(value: str | None, lang: str) -> HandOff | None:
    match = HANDOFF.match(value or "")
    if match is None:
        return None
    month, day, year = (int(g) for g in match.groups())
    try:
        date = datetime.date(year, month, day)
    except ValueError:  # no such day
        return None
    return HandOff(date.isoformat(), locales.long_date(date, lang))


class ArticleNotices:
    def __init__(self, options: Any) -> None:
        self.rules_file: str = options.categories
        self.catalog: Catalog | None = None
        self.categorizer: Categorizer | None = None
        # Each language build's navigation, its pages by language-neutral source path; kept per
        # navigation so that a page re-rendered later (preview.py) finds its own language's.
        self.nav_pages: dict[int, tuple[Any, dict[str, Any]]] = {}  # id -> (the navigation, its pages)

    def on_files(self, files: Any, config: MkDocsConfig) -> None:
        self.catalog = Catalog.of_build(config)
        self.categorizer = Categorizer.for_config(config, self.rules_file)

    def on_nav(self, nav: Any, config: MkDocsConfig, files: Any) -> None:
        self.nav_pages[id(nav)] = (nav, {neutral(item.file.src_uri): item for item in nav.pages})

    def on_page_context(self, context: Any, page: Any, config: MkDocsConfig, nav: Any) -> Any:
        lang = Build.language(config)
        article = self.catalog.of_page(page) if self.catalog else None
        if article is None or self.categorizer is None:
            return context
        shown_lang = getattr(page.file, "locale", lang)
        version = article.version(shown_lang)
        category = self.categorizer.of.get(article.path)  # none for an article a set's tree lists
        pages = self.nav_pages[id(nav)][1] if id(nav) in self.nav_pages else {}
        category_file = _file_of(page, pages, category.src_uri) if category else None
        facts: dict[str, Any] = {
            "path": article.path,
            "lang": shown_lang,
            "dir": locales.locale(shown_lang).direction,
            "only_in": shown_lang if shown_lang != lang else None,
            "only_in_text": text(lang, "only_in", language=language(shown_lang, lang)),
            "category": category_file,
            "machine_translated": False,
            "original_url": None,
            "handed_off": hand_off(version.handed_off if version else None, lang),
        }
        if shown_lang == lang and lang != ORIGINAL and version and version.translation == "MT":
            facts["machine_translated"] = True
            original = getattr(page.file, "alternates", {}).get(ORIGINAL)
            if original is not None and ORIGINAL in article.versions:  # not a fallback copy
                facts["original_url"] = get_relative_url(original.url, page.url)
        context["sxs_article"] = facts
        if shown_lang == ORIGINAL and version and _in_other_language(version.description, article, ORIGINAL):
            # Upstream metadata is written in the translation's language, but for keys the translation
            # tool tagged: the original's page says nothing rather than describe itself in Korean.
            page.meta.pop("description", None)
        return context


def _in_other_language(description: str | None, article: Any, lang: str) -> bool:
    """True when a page's description is the very text another language's page carries."""
    return description is not None and any(
        v.description == description for v in article.versions.values() if v.lang != lang
    )


def _file_of(page: Any, nav_pages: dict[str, Any], src_uri: str) -> dict[str, str] | None:
    """Title and relative URL of the navigation page made from `src_uri` (language suffix aside)."""
    item = nav_pages.get(src_uri)
    if item is None:
        return None
    return {"title": item.title, "url": get_relative_url(item.url, page.url)}
