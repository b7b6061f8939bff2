"""Every page of a build converted by one Python-Markdown instance, reset between pages.

MkDocs' `Page.render` makes a new Markdown instance for each page, loading every extension again
(pymdownx's highlight deep-copies its settings each time): 3 s of a language's build of the four
shared repositories. One instance, reset between documents, is Python-Markdown's own way to
convert many (`Markdown.reset`). `render` below is MkDocs 1.6's `Page.render` with that instance,
set on each page before MkDocs renders it; MkDocs is pinned, and tests/site/test_page_render.py
renders the same pages both ways. The instance is made again when the Markdown settings change
(each language's permalink title: theme_texts.py) and for each build.
"""

from __future__ import annotations

import functools
import logging
from typing import Any

import markdown  # type: ignore[import-untyped]
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure import pages
from mkdocs.structure.toc import get_toc


class SharedMarkdown:
    def __init__(self, options: Any) -> None:
        self.settings: tuple[Any, ...] | None = None
        self.markdown: markdown.Markdown | None = None

    def on_pre_page(self, page: Any, config: MkDocsConfig, files: Any) -> None:
        page.render = functools.partial(self.render, page)  # what MkDocs calls: page.render(config, files)

    def instance(self, config: MkDocsConfig) -> markdown.Markdown:
        """The build's Markdown instance for these settings, reset."""
        settings = (id(config), repr(config.markdown_extensions), repr(config.mdx_configs))
        if self.markdown is None or settings != self.settings:
            self.settings = settings
            self.markdown = markdown.Markdown(
                extensions=config.markdown_extensions, extension_configs=config.mdx_configs or {}
            )
        return self.markdown.reset()

    def render(self, page: Any, config: MkDocsConfig, files: Any) -> None:
        """MkDocs' Page.render (mkdocs/structure/pages.py, 1.6.1), with the build's instance."""
        if page.markdown is None:
            raise RuntimeError("`markdown` field hasn't been set (via `read_source`)")
        md = self.instance(config)
        # Re-registering under the same names replaces the last page's.
        raw_html_ext = pages._RawHTMLPreprocessor()
        raw_html_ext._register(md)
        extract_anchors_ext = pages._ExtractAnchorsTreeprocessor(page.file, files, config)
        extract_anchors_ext._register(md)
        relative_path_ext = pages._RelativePathTreeprocessor(page.file, files, config)
        relative_path_ext._register(md)
        extract_title_ext = pages._ExtractTitleTreeprocessor()
        extract_title_ext._register(md)

        page.content = md.convert(page.markdown)
        page.toc = get_toc(getattr(md, "toc_tokens", []))
        page._title_from_render = extract_title_ext.title
        page.present_anchor_ids = extract_anchors_ext.present_anchor_ids | raw_html_ext.present_anchor_ids
        if pages.log.getEffectiveLevel() > logging.DEBUG:
            page.links_to_anchors = relative_path_ext.links_to_anchors
