"""Render pages with the Markdown dialect of the site, to check what readers will see.

The extensions and their settings are read from `markdown_extensions` in mkdocs.yml, with the
ones MkDocs always adds, so the tests render exactly as the site does.
"""

from __future__ import annotations

import functools
import re
from pathlib import Path
from typing import Any

import markdown  # type: ignore[import-untyped]
from mkdocs.utils.yaml import yaml_load

CONFIG = Path(__file__).resolve().parents[3] / "mkdocs.yml"
# What MkDocs adds to every site's list (mkdocs/config/defaults.py: MarkdownExtensions builtins).
BUILTINS = ("toc", "tables", "fenced_code")
FRONT = re.compile(r"\A---\n.*?\n---\n", re.S)
SPACE = re.compile(r"\s+")


@functools.cache
def site_extensions(config: Path = CONFIG) -> tuple[tuple[str, ...], dict[str, dict[str, Any]]]:
    """The Markdown extensions of the site and their settings, as mkdocs.yml lists them."""
    with config.open(encoding="utf-8") as f:
        listed = yaml_load(f).get("markdown_extensions") or []
    names: list[str] = list(BUILTINS)
    settings: dict[str, dict[str, Any]] = {}
    for entry in listed:
        name, options = (entry, None) if isinstance(entry, str) else next(iter(entry.items()))
        if name not in names:
            names.append(name)
        if options:
            settings[name] = dict(options)
    return tuple(names), settings


@functools.cache
def _renderer() -> markdown.Markdown:
    names, settings = site_extensions()
    return markdown.Markdown(extensions=list(names), extension_configs=settings)


def to_html(page_text: str) -> str:
    """HTML of a page's body, as MkDocs would produce it."""
    body = FRONT.sub("", page_text, count=1)
    html: str = _renderer().reset().convert(body)
    return html


def normalise(html_text: str) -> str:
    """Collapse white space, which line breaks inside a paragraph only change."""
    return SPACE.sub(" ", html_text).replace("> <", "><").strip()
