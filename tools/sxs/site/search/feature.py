"""The plugin feature that builds each language's search index (registered in plugin.FEATURES).

Material's search plugin stays in mkdocs.yml because its header template shows the search box
only when the plugin is on, but every page is excluded from its index with the front matter
Material documents for that (`search: exclude: true`), so it writes an empty index that nothing
fetches: overrides/partials/search.html mounts docs/assets/search/ instead.
"""

from __future__ import annotations

import logging
import re
from pathlib import Path
from typing import Any

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError

from ... import locales
from ..build import Build
from . import synonyms
from .index import IndexBuilder, written
from .page_text import page_text
from .tokenize import Tokenizer, TokenizerError, locale_path

log = logging.getLogger(f"mkdocs.plugins.{__name__}")

LISTINGS = re.compile(r"^(index|translation-status|categories/.*)\.md$")
"""Pages that list other pages' titles (the home page, the categories, the translation status):
they would match nearly every query and bury the articles. Matched against the source path
without its language; any other page leaves search with `search: exclude: true` in its front
matter."""


def index_folder(config: MkDocsConfig, language: str) -> Path:
    """Where a language's index files go; overrides/partials/search.html points at its docs.json."""
    return Build.site_root(config) / "assets" / "search" / language


class SearchIndexes:
    def __init__(self, options: Any) -> None:
        self.enabled: bool = options.search_index
        self.builders: dict[str, IndexBuilder] = {}
        self.indexed: set[str] = set()  # src_uri of the pages of the language being built

    def on_config(self, config: MkDocsConfig) -> None:
        if self.enabled:
            self._builder(config)  # a mistake in a locale's search section stops the build at once

    def _builder(self, config: MkDocsConfig) -> IndexBuilder:
        """The language's index: its tokenizer and synonyms from the locale files (the site's
        other languages' scripts too, for their words in its pages)."""
        language = Build.language(config)
        if language not in self.builders:
            try:
                tokenizer = Tokenizer.of(language, Build.languages(config))
                groups = locales.locale(language).section("search").get("synonyms")
                found = synonyms.parse(groups, tokenizer, locale_path(language))
            except (locales.UnknownLocale, TokenizerError, synonyms.SynonymError) as error:
                raise PluginError(str(error)) from error
            self.builders[language] = IndexBuilder(language, tokenizer, found)
        return self.builders[language]

    def on_page_markdown(self, markdown: str, page: Any, config: MkDocsConfig, files: Any) -> None:
        if not self.enabled:
            return
        search = page.meta.get("search")
        wanted = not (isinstance(search, dict) and search.get("exclude"))
        # A fallback page (an article not translated yet) is not in this language.
        language = Build.language(config)
        source = getattr(page.file, "norm_src_uri", page.file.src_uri)
        if wanted and not LISTINGS.match(source) and getattr(page.file, "locale", language) == language:
            self.indexed.add(page.file.src_uri)
        page.meta["search"] = {**(search if isinstance(search, dict) else {}), "exclude": True}

    def on_page_content(self, html: str, page: Any, config: MkDocsConfig, files: Any) -> None:
        if page.file.src_uri in self.indexed:
            self._builder(config).add(page.url, page.title or "", page_text(html))

    def on_post_build(self, config: MkDocsConfig) -> None:
        if not self.enabled:
            return
        language = Build.language(config)
        builder = self._builder(config)
        folder = index_folder(config, language)
        folder.mkdir(parents=True, exist_ok=True)
        sizes: dict[str, int] = {}
        for name, data in written(builder.files()).items():
            (folder / name).write_bytes(data)
            sizes[name] = len(data)
        shards = [size for name, size in sizes.items() if name != "docs.json"]
        log.info(
            f"search: {len(builder.docs)} pages in {folder.relative_to(Build.site_root(config))}/, "
            f"docs.json {sizes['docs.json'] // 1024} KiB, {len(shards)} postings files of "
            f"{sum(shards) // len(shards) // 1024} KiB on average, {max(shards) // 1024} KiB at most"
        )
        del self.builders[language]
        self.indexed.clear()
