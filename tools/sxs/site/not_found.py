"""A 404 page in each language.

Every language's build writes its 404.html at the site root, the last one winning: keep each
language's own under its folder, and put the default language's back at the root at the end.
Its language switcher leads to each language's home page: static-i18n points it at the pages of
the last article rendered before it.
"""

from __future__ import annotations

import copy
from typing import Any

from mkdocs.config.defaults import MkDocsConfig

from .build import Build
from .texts import set_page_texts


class NotFoundPages:
    def __init__(self, options: Any) -> None:
        self.default_page: bytes | None = None

    def on_post_build(self, config: MkDocsConfig) -> None:
        page = Build.site_root(config) / "404.html"
        if not page.exists():
            return
        language = Build.language(config)
        if language == Build.default_language(config):
            self.default_page = page.read_bytes()
        else:
            (Build.language_dir(config, language) / "404.html").write_bytes(page.read_bytes())

    def on_template_context(self, context: Any, template_name: str, config: MkDocsConfig) -> None:
        if template_name == "404.html":
            set_page_texts(context, Build.language(config))
        i18n = Build.i18n(config)
        if template_name == "404.html" and i18n is not None and i18n.extra_alternate:
            extra: Any = config.extra  # static-i18n sets the switcher's links as an attribute
            extra.alternate = copy.deepcopy(i18n.extra_alternate)

    def on_build_done(self, config: MkDocsConfig) -> None:
        if self.default_page is not None:
            (Build.site_root(config) / "404.html").write_bytes(self.default_page)
