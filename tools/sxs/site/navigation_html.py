"""The navigation's HTML without the white space of Material's templates.

Material's nav partials indent every item over many lines: on a page of a large table of
contents more than half of the navigation's bytes were blanks (26 of 49 KB on mixed reality).
Between tags they mean nothing, and inside the items' labels a run of them reads as one space,
so both go; the sidebar holds no `<pre>` or `<textarea>` where they would count.
"""

from __future__ import annotations

import re
from typing import Any

from mkdocs.config.defaults import MkDocsConfig

START = '<div class="md-sidebar md-sidebar--primary"'
END = '<div class="md-sidebar md-sidebar--secondary"'
BETWEEN_TAGS = re.compile(r">\s+<")
RUN = re.compile(r"\s{2,}")


def squeezed(html: str) -> str:
    """The page with its primary sidebar's blanks squeezed out."""
    start = html.find(START)
    end = html.find(END, start)
    if start < 0 or end < 0:
        return html
    nav = RUN.sub(" ", BETWEEN_TAGS.sub("><", html[start:end]))
    return html[:start] + nav + html[end:]


class NavigationHtml:
    def __init__(self, options: Any) -> None:
        pass

    def on_post_page(self, output: str, page: Any, config: MkDocsConfig) -> str:
        return squeezed(output)
