"""Render pages with the Markdown dialect of the site, to check what readers will see.

The extension list mirrors `markdown_extensions` in mkdocs.yml; keep them in step.
"""

from __future__ import annotations

import re
from typing import Any

import markdown  # type: ignore[import-untyped]

EXTENSIONS: list[str] = [
    "attr_list",
    "admonition",
    "pymdownx.details",
    "pymdownx.superfences",
    "tables",
    "md_in_html",
    "toc",
]
EXTENSION_CONFIGS: dict[str, dict[str, Any]] = {"toc": {"permalink": True}}
FRONT = re.compile(r"\A---\n.*?\n---\n", re.S)
SPACE = re.compile(r"\s+")


def to_html(page_text: str) -> str:
    """HTML of a page's body, as MkDocs would produce it."""
    body = FRONT.sub("", page_text, count=1)
    md = markdown.Markdown(extensions=EXTENSIONS, extension_configs=EXTENSION_CONFIGS)
    html: str = md.convert(body)
    return html


def normalise(html_text: str) -> str:
    """Collapse white space, which line breaks inside a paragraph only change."""
    return SPACE.sub(" ", html_text).replace("> <", "><").strip()
