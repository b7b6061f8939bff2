"""The searchable text of a page's rendered content: no tags, no heading permalinks, no H1
(the title is indexed on its own), no scripts, templates or navigation.

lxml's parser, not the standard library's: four times faster on real pages, the same words."""

from __future__ import annotations

import lxml.html  # type: ignore[import-untyped]
from lxml import etree

_SKIPPED = ("h1", "script", "style", "template", "nav")
_SPACED = ("p", "li", "br", "td", "th", "h2", "h3", "h4", "div", "pre")  # a word ends where they start
_DROPPED = etree.XPath(
    "|".join(f"descendant::{tag}" for tag in _SKIPPED) + "|descendant::a[@class='headerlink']"
)
_BLOCKS = etree.XPath("|".join(f"descendant::{tag}" for tag in _SPACED))


def page_text(html: str) -> str:
    if not html.strip():
        return ""
    root = lxml.html.fragment_fromstring(html, create_parent="div")
    for element in _DROPPED(root):
        element.drop_tree()  # its tail, the text after it, stays
    for element in _BLOCKS(root):
        element.text = " " + (element.text or "")
    text: str = root.text_content()
    return text
