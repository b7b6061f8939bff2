"""MkDocs plugin `sxs`: a thin adapter that hands MkDocs' events to the site's features.

Each feature is a small class in its own module of this package (`not_found.py`, ...) with
handlers named like MkDocs' events (`on_page_markdown(markdown, page, config, files)`, ...);
the plugin calls, for every event, the features that handle it, in the order of FEATURES.

mkdocs-static-i18n builds the default language first and then, from inside its own
`on_post_build` (priority -100), one more full build per other language into `site/<lang>/`.
Every handler therefore runs once per language: `Build.language(config)` tells which, and
`on_build_done` runs once, after every language was built; `on_files_localized` gets the files
once static-i18n has given them their language's URLs.
"""

from __future__ import annotations

import gc
import logging
from typing import Any

from mkdocs.config import base
from mkdocs.config import config_options as opt
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.plugins import BasePlugin, CombinedEvent, event_priority

from . import highlighting, languages, preview
from .bilingual import BilingualReading
from .build import Build
from .categories import Categories
from .compress import CompressedCopies
from .error_codes import ErrorCodeFinder
from .fragments import CachedFragments
from .navigation import SiteNavigation
from .navigation_html import NavigationHtml
from .not_found import NotFoundPages
from .notices import ArticleNotices
from .page_render import SharedMarkdown
from .page_source import CatalogFrontMatter
from .raw_links import RawHtmlLinks
from .redirects import Redirects
from .search.feature import SearchIndexes
from .security import SecurityPolicy
from .site_pages import SitePages
from .spf_texts import SpfCheckerTexts
from .status import TranslationStatus
from .theme_texts import ThemeTexts

log = logging.getLogger(f"mkdocs.plugins.{__name__}")


class SiteConfig(base.Config):
    enabled = opt.Type(bool, default=True)
    """Switch the whole plugin off (for comparing builds)."""
    categories = opt.Type(str, default="data/categories.yml")
    """The category rules contributors review, relative to mkdocs.yml."""
    search_index = opt.Type(bool, default=True)
    """Build the site's own search index per language (search/feature.py); false leaves Material's search
    as static-i18n sets it up, for bench/search_recall.py's comparison."""
    compress = opt.Type(bool, default=True)
    """Write a .gz and a .br copy of the built site's text files, for nginx (compress.py)."""
    serve = opt.Type(bool, default=False)
    """Set by `mkdocs serve` (on_startup): the pages' policy lets its live-reload script run
    (security.py), and no compressed copies are written (compress.py)."""


FEATURES: list[type] = [
    SitePages,  # first: the site's own pages get their words before other features read them
    ThemeTexts,
    CachedFragments,
    SharedMarkdown,
    CatalogFrontMatter,
    NotFoundPages,
    Redirects,
    RawHtmlLinks,
    Categories,
    SiteNavigation,
    ArticleNotices,
    ErrorCodeFinder,
    SpfCheckerTexts,
    BilingualReading,
    SearchIndexes,
    TranslationStatus,
    preview.Preview,
    NavigationHtml,
    SecurityPolicy,
    CompressedCopies,  # last: after every file is written
]


class SitePlugin(BasePlugin[SiteConfig]):
    def __init__(self) -> None:
        self.features: list[Any] = []

    def _dispatch(self, event: str, *args: Any) -> Any:
        """Call `event` on each feature that handles it; a returned value replaces the first argument."""
        value = args[0] if args else None
        for feature in self.features:
            handler = getattr(feature, event, None)
            if handler is not None:
                result = handler(value, *args[1:]) if args else handler()
                if result is not None:
                    value = result
        return value

    def on_startup(self, *, command: str, dirty: bool) -> None:
        self.config["serve"] = command == "serve"
        # A build makes millions of short-lived objects (Markdown trees, template contexts), and the
        # collector's default, a look at the young ones every 700, took 2.8 s of a language's 75 s
        # build of the four shared repositories; every 10,000, 1.0 s, with the same peak memory.
        gc.set_threshold(10_000, 50, 50)

    def on_serve(self, server: Any, config: MkDocsConfig, builder: Any) -> Any:
        return self._dispatch("on_serve", server, config, builder)

    def on_config(self, config: MkDocsConfig) -> MkDocsConfig | None:
        if self.config.enabled and not Build.in_inner_build(config):
            languages.configure(config)  # each build's (mkdocs serve reloads mkdocs.yml's list)
        if not self.features:  # once: static-i18n runs on_config again for no language
            self.features = [feature(self.config) for feature in FEATURES] if self.config.enabled else []
            Build.start_with_only_language(config)
            highlighting.install()
        return self._dispatch("on_config", config)  # type: ignore[no-any-return]

    def _files(self, files: Any, config: MkDocsConfig) -> Any:
        return self._dispatch("on_files", files, config)

    @event_priority(-150)  # after static-i18n has made this language's files (priority -100)
    def _files_localized(self, files: Any, config: MkDocsConfig) -> Any:
        return self._dispatch("on_files_localized", files, config)

    on_files = CombinedEvent(_files, _files_localized)

    def on_env(self, env: Any, config: MkDocsConfig, files: Any) -> Any:
        return self._dispatch("on_env", env, config, files)

    def on_nav(self, nav: Any, config: MkDocsConfig, files: Any) -> Any:
        return self._dispatch("on_nav", nav, config, files)

    def on_pre_page(self, page: Any, config: MkDocsConfig, files: Any) -> Any:
        return self._dispatch("on_pre_page", page, config, files)

    @event_priority(-50)  # after static-i18n has settled the page's language
    def on_page_markdown(self, markdown: str, page: Any, config: MkDocsConfig, files: Any) -> str | None:
        return self._dispatch("on_page_markdown", markdown, page, config, files)  # type: ignore[no-any-return]

    def on_page_content(self, html: str, page: Any, config: MkDocsConfig, files: Any) -> str | None:
        return self._dispatch("on_page_content", html, page, config, files)  # type: ignore[no-any-return]

    def on_page_context(self, context: Any, page: Any, config: MkDocsConfig, nav: Any) -> Any:
        return self._dispatch("on_page_context", context, page, config, nav)

    def on_template_context(self, context: Any, template_name: str, config: MkDocsConfig) -> Any:
        return self._dispatch("on_template_context", context, template_name, config)

    def on_post_page(self, output: str, page: Any, config: MkDocsConfig) -> str | None:
        return self._dispatch("on_post_page", output, page, config)  # type: ignore[no-any-return]

    @event_priority(0)  # before static-i18n starts the other languages' builds
    def _post_build(self, config: MkDocsConfig) -> None:
        self._dispatch("on_post_build", config)
        Build.hold_other_languages(config, True)

    @event_priority(-200)  # after static-i18n has built every language
    def _build_done(self, config: MkDocsConfig) -> None:
        Build.hold_other_languages(config, False)
        if not Build.in_inner_build(config):
            self._dispatch("on_build_done", config)

    on_post_build = CombinedEvent(_post_build, _build_done)
