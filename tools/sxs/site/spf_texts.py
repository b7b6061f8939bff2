"""The SPF checker's words on the pages that hold it.

A page with a checker (`<div data-spf-checker></div>`, in any page's Markdown) gets, after its
content, the `spf` section of the locale file of the language being built, as data the checker
reads (docs/assets/spf/widget.js `pageTexts`):

    <div hidden data-sxs-texts="spf" data-texts='{"lang": "ko", "texts": {...}}'></div>

An attribute, not a `<script type="application/json">`: Material's instant navigation swaps the
content with the page but makes every inline script of it a new, plain one (attributes dropped),
which would run the JSON as code. Other pages carry nothing.
"""

from __future__ import annotations

import html
import json
from typing import Any

from mkdocs.config.defaults import MkDocsConfig

from sxs import locales

from .build import Build

MARKER = "data-spf-checker"
SECTION = "spf"


def texts_element(lang: str) -> str:
    """The checker's texts in `lang`, as JSON in an attribute of a hidden element."""
    data = {"lang": locales.locale(lang).code, "texts": dict(locales.texts(lang, SECTION))}
    encoded = html.escape(json.dumps(data, ensure_ascii=False, sort_keys=True), quote=True)
    return f'<div hidden data-sxs-texts="{SECTION}" data-texts="{encoded}"></div>'


class SpfCheckerTexts:
    def __init__(self, options: Any) -> None:
        pass

    def on_page_content(self, content: str, page: Any, config: MkDocsConfig, files: Any) -> str | None:
        if MARKER not in content:
            return None
        return f"{content}\n{texts_element(Build.language(config))}"
