"""The site's own pages (home, SPF checker, translation status, categories) in every language.

Each is one file in docs/ without a language suffix (`index.md`, `categories/teams.md`): its
layout, with `{{ key }}` where a text goes. The texts are the `pages` section of the locale files
(`{{ home.title }}`), or their `site` section (`{{ site.codes_heading }}`), in the language being
built; `{language}` in a text is the name of the site's translated language (its default). So a
locale's file gives the site its pages, and static-i18n uses the one file for every language.
"""

from __future__ import annotations

import re
from typing import Any

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError

from sxs import locales

from .build import Build
from .catalog import article_of

PLACEHOLDER = re.compile(r"\{\{ *([\w.-]+) *\}\}")
SECTION = "pages"


def page_text(lang: str, key: str, default: str) -> str:
    """The text `key` (`home.title`, `site.codes_heading`) in `lang`; KeyError for an unknown key."""
    section, name = ("site", key[5:]) if key.startswith("site.") else (SECTION, key)
    value = locales.texts(lang, section)[name]
    return str(value).replace("{language}", locales.language_name(default, lang))


class SitePages:
    def __init__(self, options: Any) -> None:
        pass

    def on_page_markdown(self, markdown: str, page: Any, config: MkDocsConfig, files: Any) -> str | None:
        if article_of(page) is not None:
            return None  # an article's text is its own, braces and all
        lang, default = Build.language(config), Build.default_language(config)

        def fill(match: re.Match[str]) -> str:
            try:
                return page_text(lang, match[1], default)
            except KeyError:
                raise PluginError(
                    f"{page.file.src_uri}: no text `{match[1]}` in the locale files ({locales.FOLDER})"
                ) from None

        title = page.meta.get("title")
        if isinstance(title, str):
            page.meta["title"] = PLACEHOLDER.sub(fill, title)
        return PLACEHOLDER.sub(fill, markdown)
