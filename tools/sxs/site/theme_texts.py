"""Theme words MkDocs' extensions write into every page, in the language being built.

The toc extension's permalink title ("Permanent link") comes from `mdx_configs`, which
static-i18n does not localize: set it from texts.py before each language's pages render.
"""

from __future__ import annotations

from typing import Any

from mkdocs.config.defaults import MkDocsConfig

from .build import Build
from .texts import text


class ThemeTexts:
    def __init__(self, options: Any) -> None:
        pass

    def on_config(self, config: MkDocsConfig) -> None:
        toc = config.mdx_configs.get("toc")
        if toc is not None and toc.get("permalink"):
            toc["permalink_title"] = text(Build.language(config), "permalink")
