"""The site's navigation: the home page, each documentation set's tree, the categories, the other pages.

`sxs import` writes each documentation set's tree, from its tables of contents, to a navigation
file in the set's folder (pages/navfile.py). The navigation is, in order:
- the home page;
- one section per navigation file, its tree as the tables of contents had it;
- the categories of data/categories.yml, when some article is in no set's tree (a site without
  tables of contents, like the one of `sources/`, has only these);
- the site's other top-level pages (`docs/*.md`).
Not every article is in the navigation: the others are reached through categories, search and links.

Labels, per language (static-i18n builds each language on its own): the navigation file's language
shows its labels; another language shows a page's title in that language, a section's label in that
language where the file knows it (`title_en`) or the title of the section's own page, and otherwise
the label it has, marked with its language (`<span lang="ko">`). Material renders a navigation
title as HTML (`{{ nav_item.title }}`, no autoescape), so a label is escaped here, once. A page's
label that differs from its title goes to `page.typeset`, the hook Material's nav-item.html reads
before `page.title` (its typeset plugin's): the page keeps its own title for its `<title>`, the
search index and the footer.

A page listed twice (a table of contents linking a page of another set) is the navigation's page
where its own set lists it and a link elsewhere, so that one place is marked active.

Material's `navigation.prune` (mkdocs.yml) renders only the open branch of the tree on each page:
a set of 1,700 entries does not make every page carry them all.
"""

from __future__ import annotations

import html
import logging
import posixpath
from collections import Counter
from pathlib import Path
from typing import Any

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.nav import Link, Section

from sxs.pages.identity import SOURCE_LANG, neutral
from sxs.pages.navfile import NAV_FILE, Entry, NavFile

from .build import Build
from .catalog import ARTICLES, Article, Catalog
from .categories import category_rules
from .navfiles import NavFiles

log = logging.getLogger(f"mkdocs.plugins.{__name__}")
# A repeated page in config.nav before on_nav makes it a link to the page (MkDocs keeps the scheme).
REPEAT = "sxs-page:"
HOME = "index.md"
NOT_LISTED = frozenset({HOME, "404.md"})


def marked(text: str, text_lang: str, lang: str) -> str:
    """`text` as HTML, marked with its language when it is not the page's."""
    if text_lang == lang:
        return html.escape(text)
    return f'<span lang="{html.escape(text_lang)}">{html.escape(text)}</span>'


def label(entry: Entry, nav_lang: str, article: Article | None, lang: str) -> str:
    """An entry's label in `lang`, as HTML (see the module's docstring)."""
    own = entry.title if lang == nav_lang else entry.source_title if lang == SOURCE_LANG else None
    version = article.version(lang) if article is not None else None
    if own and (version is None or lang == nav_lang):
        return html.escape(own)
    if version is not None:
        return html.escape(version.title)
    for text, text_lang in ((entry.title, nav_lang), (entry.source_title, SOURCE_LANG)):
        if text:
            return marked(text, text_lang, lang)
    if article is not None:
        some = next(iter(article.versions.values()))
        return marked(some.title, some.lang, lang)
    return html.escape(entry.url or "")


class NavBuilder:
    """config.nav for one language from the navigation files, with the pages' labels."""

    def __init__(self, navs: NavFiles, catalog: Catalog, lang: str, default: str) -> None:
        self.navs = navs
        self.catalog = catalog
        self.lang = lang
        self.default = default
        self.labels: dict[str, str] = {}  # page src_uri -> its label, where it is not its title
        self.homes = self._homes()
        self.seen: Counter[str] = Counter()

    def sets(self) -> list[Any]:
        self.seen.clear()
        return [item for nav in self.navs if (item := self._item(nav.root, nav)) is not None]

    def _article(self, entry: Entry, nav: NavFile) -> Article | None:
        if entry.page is None:
            return None
        article = self.catalog.get(nav.resolve(entry.page))
        if article is None:
            log.warning("%s: %r is not an article of the site; left out", _where(nav), entry.page)
        return article

    def _occurrences(self) -> list[tuple[Article, NavFile]]:
        found: list[tuple[Article, NavFile]] = []

        def walk(entry: Entry, nav: NavFile) -> None:
            if entry.page is not None and (article := self.catalog.get(nav.resolve(entry.page))) is not None:
                found.append((article, nav))
            for item in entry.items:
                walk(item, nav)

        for nav in self.navs:
            walk(nav.root, nav)
        return found

    def _homes(self) -> dict[str, int]:
        """Which occurrence of each listed article is its place: the first in the navigation file of
        the folder nearest above it, else its first."""
        homes: dict[str, tuple[int, int]] = {}  # article -> (closeness, occurrence number)
        counts: Counter[str] = Counter()
        for article, nav in self._occurrences():
            number = counts[article.path]
            counts[article.path] += 1
            inside = not nav.folder or article.path.startswith(nav.folder + "/")
            closeness = nav.folder.count("/") + 1 if inside and nav.folder else (0 if inside else -1)
            if article.path not in homes or closeness > homes[article.path][0]:
                homes[article.path] = (closeness, number)
        return {path: number for path, (_, number) in homes.items()}

    def _item(self, entry: Entry, nav: NavFile) -> Any | None:
        article = self._article(entry, nav)
        text = label(entry, nav.lang, article, self.lang)
        first: Any = None
        if article is not None:
            first = self._page(article, text)
        elif entry.url is not None:
            first = {text: entry.url}
        children = [item for child in entry.items if (item := self._item(child, nav)) is not None]
        if not children:
            return first
        return {text: [first, *children] if first is not None else children}

    def _page(self, article: Article, text: str) -> Any:
        number = self.seen[article.path]
        self.seen[article.path] += 1
        if number != self.homes.get(article.path):
            return {text: REPEAT + article.src_uri}
        shown = article.version(self.lang) or article.version(self.default)
        if shown is None or text != html.escape(shown.title):
            self.labels[article.src_uri] = text
        return article.src_uri


def _where(nav: NavFile) -> str:
    return posixpath.join(ARTICLES, nav.path)


def other_pages(docs: Path) -> list[str]:
    """The site's top-level pages but the home and 404 pages."""
    return sorted({neutral(p.name) for p in docs.glob("*.md")} - NOT_LISTED)


class SiteNavigation:
    def __init__(self, options: Any) -> None:
        self.rules_file: str = options.categories
        self.configured: bool | None = None  # whether mkdocs.yml has a nav of its own
        self.labels: dict[str, str] = {}

    def on_config(self, config: MkDocsConfig) -> None:
        if self.configured is None:  # once: static-i18n's builds of other languages run it again
            self.configured = config.nav is not None
        # Articles are reached through the sets' trees, categories, search and links.
        config.validation.nav.omitted_files = logging.DEBUG
        if self.configured:
            return
        docs = Path(config.docs_dir)
        catalog, navs = Catalog.of_build(config), NavFiles.load(docs)
        builder = NavBuilder(navs, catalog, Build.language(config), Build.default_language(config))
        nav: list[Any] = [HOME, *builder.sets()]
        if not navs or any(article.path not in navs.covered for article in catalog):
            nav.extend(c.src_uri for c in category_rules(config, self.rules_file))
        nav.extend(other_pages(docs))
        config.nav = nav
        self.labels = builder.labels

    def on_files(self, files: Any, config: MkDocsConfig) -> None:
        """The navigation files are the site's sources, not its pages."""
        for file in list(files):
            if file.src_uri.startswith(f"{ARTICLES}/") and posixpath.basename(file.src_uri) == NAV_FILE:
                files.remove(file)

    def on_nav(self, nav: Any, config: MkDocsConfig, files: Any) -> None:
        for item in _walk(nav.items):
            if isinstance(item, Link) and item.url.startswith(REPEAT):
                file = files.get_file_from_path(item.url[len(REPEAT) :])
                item.url = file.url if file is not None else item.url
        for page in nav.pages:
            text = self.labels.get(neutral(page.file.src_uri))
            if text is not None:
                page.typeset = {"title": text}


def _walk(items: list[Any]) -> Any:
    for item in items:
        yield item
        if isinstance(item, Section):
            yield from _walk(item.children)
