"""The site's Markdown with and without the inline prefilter (tools/sxs/site/inline_prefilter.py),
for the tests that render the same pages both ways (tests/site/, tests/corpus/)."""

from __future__ import annotations

import markdown
from sxs.pages.htmlcheck import site_extensions

PREFILTER = "sxs.site.inline_prefilter"


def renderers() -> tuple[markdown.Markdown, markdown.Markdown]:
    """The site's Markdown, and the same without the prefilter."""
    names, settings = site_extensions()
    assert PREFILTER in names, "mkdocs.yml no longer lists the prefilter"
    plain = [name for name in names if name != PREFILTER]
    return (
        markdown.Markdown(extensions=list(names), extension_configs=settings),
        markdown.Markdown(extensions=plain, extension_configs=settings),
    )
