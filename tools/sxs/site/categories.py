"""Categories: articles grouped by product, by the rules in data/categories.yml.

Each category has an index page (docs/categories/<id>.md; its title and introduction in the
locale files' `pages`) to which this feature appends the list of its articles. The articles a
documentation set's tree lists (its tables of contents) are reached there, not by category;
the navigation lists the categories, never their articles (navigation.py).
"""

from __future__ import annotations

import functools
import html
import logging
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.utils import get_relative_url

from sxs import locales
from sxs.pages.identity import neutral

from .build import Build
from .catalog import Article, Catalog
from .links import article_link
from .navfiles import NavFiles
from .site_pages import page_text
from .texts import text

log = logging.getLogger(f"mkdocs.plugins.{__name__}")
CATEGORIES = "categories"
MARKER = "<!-- sxs:categories -->"  # where a page (the home page) lists the categories
FALLBACK = "other"


@dataclass(frozen=True)
class Category:
    id: str
    patterns: tuple[re.Pattern[str], ...]

    def matches(self, article: Article) -> bool:
        english = article.version("en")
        subjects = [article.name] + ([english.title] if english else [])
        return any(p.search(s) for p in self.patterns for s in subjects)

    @property
    def src_uri(self) -> str:
        return f"{CATEGORIES}/{self.id}.md"


@functools.lru_cache(maxsize=4)
def load_rules(path: Path, mtime_ns: int) -> tuple[Category, ...]:
    """The categories of the data file, in order; every problem in it at once."""
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
    except (OSError, yaml.YAMLError) as exc:
        raise PluginError(f"{path}: cannot read the category rules: {exc}") from exc
    problems: list[str] = []
    categories: list[Category] = []
    for number, entry in enumerate((data or {}).get("categories") or [], start=1):
        if not isinstance(entry, dict) or not isinstance(entry.get("id"), str):
            problems.append(f"category {number}: needs an `id`")
            continue
        patterns: list[re.Pattern[str]] = []
        for pattern in entry.get("match") or []:
            try:
                patterns.append(re.compile(str(pattern), re.I))
            except re.error as exc:
                problems.append(f"{entry['id']}: bad pattern {pattern!r}: {exc}")
        categories.append(Category(entry["id"], tuple(patterns)))
    if FALLBACK not in [c.id for c in categories]:
        problems.append(f"no `{FALLBACK}` category for the articles no rule matches")
    if problems:
        raise PluginError(f"{path}: " + "; ".join(problems))
    return tuple(categories)


class Categorizer:
    """Which category each article of a catalog belongs to."""

    def __init__(self, rules: tuple[Category, ...], catalog: Catalog) -> None:
        self.rules = rules
        self.of: dict[str, Category] = {}
        self.members: dict[str, list[Article]] = {c.id: [] for c in rules}
        fallback = next(c for c in rules if c.id == FALLBACK)
        for article in catalog:
            category = next((c for c in rules if c.id != FALLBACK and c.matches(article)), fallback)
            self.of[article.path] = category
            self.members[category.id].append(article)

    @classmethod
    def for_config(cls, config: MkDocsConfig, rules_file: str) -> Categorizer:
        """The site's categories: of the articles no documentation set's tree lists (navfiles.py)."""
        listed = NavFiles.load(config.docs_dir).covered
        return _categorizer(category_rules(config, rules_file), Catalog.of_build(config), listed)


def category_rules(config: MkDocsConfig, rules_file: str) -> tuple[Category, ...]:
    path = Path(config.config_file_path or ".").parent / rules_file
    if not path.exists():
        raise PluginError(f"{path}: the category rules file is missing")
    return load_rules(path, path.stat().st_mtime_ns)


@functools.lru_cache(maxsize=2)
def _categorizer(rules: tuple[Category, ...], catalog: Catalog, listed: frozenset[str]) -> Categorizer:
    if listed:
        catalog = Catalog({path: a for path, a in catalog.articles.items() if path not in listed})
    return Categorizer(rules, catalog)


class Categories:
    def __init__(self, options: Any) -> None:
        self.rules_file: str = options.categories
        self.categorizer: Categorizer | None = None

    def on_config(self, config: MkDocsConfig) -> None:
        self.categorizer = categorizer = Categorizer.for_config(config, self.rules_file)
        docs = Path(config.docs_dir)
        for category in categorizer.rules:
            if not (docs / category.src_uri).exists():
                raise PluginError(f"category `{category.id}` has no page {category.src_uri}")
            if f"category.{category.id}.title" not in locales.texts(locales.SOURCE, "pages"):
                raise PluginError(f"category `{category.id}` has no title in the locale files' `pages`")

    def on_page_markdown(self, markdown: str, page: Any, config: MkDocsConfig, files: Any) -> str | None:
        if MARKER in markdown:
            return markdown.replace(MARKER, self._overview(page, config, files))
        uri = neutral(page.file.src_uri)
        if not uri.startswith(f"{CATEGORIES}/"):
            return None
        categorizer = self.categorizer
        assert categorizer is not None  # set in on_config
        category_id = uri[len(CATEGORIES) + 1 : -3]
        if category_id not in categorizer.members:
            return None
        lang, default = Build.language(config), Build.default_language(config)
        articles = sorted(categorizer.members[category_id], key=lambda a: a.title(lang, default).casefold())
        lines = [
            f'<p class="sxs-count">{text(lang, "articles", count=len(articles))}</p>',
            '<ul class="sxs-articles">',
            *(f"<li>{article_link(a, lang, default, page, files).html(lang)}</li>" for a in articles),
            "</ul>",
        ]
        return markdown.rstrip("\n") + "\n\n" + "\n".join(lines) + "\n"

    def _overview(self, page: Any, config: MkDocsConfig, files: Any) -> str:
        """A list of the categories, each with its number of articles, for the home page."""
        categorizer = self.categorizer
        assert categorizer is not None  # set in on_config
        lang, default = Build.language(config), Build.default_language(config)
        lines = ['<ul class="sxs-categories">']
        for category in categorizer.rules:
            title = page_text(lang, f"category.{category.id}.title", default)
            count = text(lang, "articles", count=len(categorizer.members[category.id]))
            file = files.get_file_from_path(category.src_uri)
            href = get_relative_url(file.url, page.url) if file is not None else "#"
            lines.append(
                f'<li><a href="{html.escape(href)}">{html.escape(title)}</a> '
                f'<span class="sxs-count">{count}</span></li>'
            )
        return "\n".join([*lines, "</ul>"])


def main(argv: list[str] | None = None) -> int:
    """`python -m sxs.site.categories [DOCS_DIR] [--rules FILE] [--list ID]`: what the rules do.

    For reviewing a change to the rules: the number of articles per category and, with
    --list, the paths and English titles of one category's articles.
    """
    import argparse

    parser = argparse.ArgumentParser(prog="python -m sxs.site.categories", description=main.__doc__)
    parser.add_argument("docs_dir", nargs="?", default="docs")
    parser.add_argument("--rules", default="data/categories.yml")
    parser.add_argument("--list", metavar="ID", help="list the articles of this category")
    args = parser.parse_args(argv)
    rules_path = Path(args.rules)
    try:
        rules = load_rules(rules_path, rules_path.stat().st_mtime_ns)
    except (OSError, PluginError) as exc:
        print(f"error: {exc}")
        return 1
    categorizer = _categorizer(rules, Catalog.load(args.docs_dir), NavFiles.load(args.docs_dir).covered)
    if args.list is not None:
        if args.list not in categorizer.members:
            print(f"error: no category `{args.list}` in {rules_path}")
            return 1
        for article in categorizer.members[args.list]:
            print(f"{article.path}\t{article.title('en', 'en')}")
        return 0
    for category in rules:
        print(f"{category.id:<22}{len(categorizer.members[category.id]):>6}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
