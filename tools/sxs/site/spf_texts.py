"""The SPF checker's words on the pages that hold it.

A page with a checker (`<div data-spf-checker></div>`, in any page's Markdown) gets, after its
content, the `spf` section of the locale file of the language being built, as data the checker
reads (docs/assets/spf/widget.js `pageTexts`):

    <script type="application/json" data-sxs-texts="spf">{"lang": "ko", "texts": {...}}</script>

A JSON script is data, never run, so the site's policy allows it (security.py); it sits in the
content, which Material's instant navigation swaps with the page. Other pages carry nothing.
"""

from __future__ import annotations

import json
from typing import Any

from mkdocs.config.defaults import MkDocsConfig

from sxs import locales

from .build import Build

MARKER = "data-spf-checker"
SECTION = "spf"


def texts_script(lang: str) -> str:
    """The checker's texts in `lang` as a JSON script element; `<`, `>` and `&` escaped so no text
    can close the element."""
    data = {"lang": locales.locale(lang).code, "texts": dict(locales.texts(lang, SECTION))}
    encoded = json.dumps(data, ensure_ascii=False, sort_keys=True)
    for char in "<>&":
        encoded = encoded.replace(char, f"\\u{ord(char):04x}")
    return f'<script type="application/json" data-sxs-texts="{SECTION}">{encoded}</script>'


class SpfCheckerTexts:
    def __init__(self, options: Any) -> None:
        pass

    def on_page_content(self, html: str, page: Any, config: MkDocsConfig, files: Any) -> str | None:
        if MARKER not in html:
            return None
        return f"{html}\n{texts_script(Build.language(config))}"
