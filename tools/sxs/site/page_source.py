"""A page's front matter taken from the catalog, which has read every article's already.

MkDocs' `Page.read_source` parses each page's front matter with PyYAML, whose objects are built
in Python even with libyaml's parser: 0.9 s of a language's build of the four shared
repositories, for front matter the catalog (catalog.py) read before the build, the same YAML
with the same loader. `read_source` below is MkDocs 1.6's, taking the keys the catalog read
from the same YAML text when it has them, a copy (plugins change a page's `meta`), and
otherwise reading them as MkDocs does (`meta.get_data`): a page edited since the catalog read
it, front matter MkDocs ends differently (`...`), a page that is no article.
tests/site/test_page_source.py reads the pages both ways.
"""

from __future__ import annotations

import copy
import functools
from typing import Any

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure import pages
from mkdocs.utils import meta

from .catalog import Catalog


class CatalogFrontMatter:
    def __init__(self, options: Any) -> None:
        pass

    def on_pre_page(self, page: Any, config: MkDocsConfig, files: Any) -> None:
        page.read_source = functools.partial(read_source, page)  # what MkDocs calls: read_source(config)


def read_source(page: Any, config: MkDocsConfig) -> None:
    """MkDocs' Page.read_source (mkdocs/structure/pages.py, 1.6.1), the front matter from the catalog."""
    source = config.plugins.on_page_read_source(page=page, config=config)
    if source is None:
        try:
            source = page.file.content_string
        except OSError:
            pages.log.error(f"File not found: {page.file.src_path}")
            raise
        except ValueError:
            pages.log.error(f"Encoding error reading file: {page.file.src_path}")
            raise
    page.markdown, page.meta = front_matter(source, Catalog.of_build(config).fronts)


def front_matter(source: str, known: dict[str, dict[str, Any]]) -> tuple[str, dict[str, Any]]:
    """`meta.get_data(source)`: the text after the front matter and its keys, those of `known`
    (keys by their YAML text) when it has the same YAML."""
    found = meta.YAML_RE.match(source)
    keys = known.get(found.group(1)) if found else None
    if found is None or keys is None:
        return meta.get_data(source)
    return source[found.end() :].lstrip("\n"), copy.deepcopy(keys)
