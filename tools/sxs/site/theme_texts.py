"""Theme words MkDocs' extensions write into every page, in the language being built.

The toc extension's permalink title ("Permanent link") comes from `mdx_configs`, which
static-i18n does not localize: set it from texts.py before each page renders (the toc extension
reads it when the page's Markdown is converted), in the page's build's language.
"""

from __future__ import annotations

from typing import Any

from mkdocs.config.defaults import MkDocsConfig

from .build import Build
from .texts import text


class ThemeTexts:
    def __init__(self, options: Any) -> None:
        pass

    def on_page_markdown(self, markdown: str, page: Any, config: MkDocsConfig, files: Any) -> None:
        toc = config.mdx_configs.get("toc")
        if toc is not None and toc.get("permalink"):
            toc["permalink_title"] = text(Build.language(config), "permalink")
