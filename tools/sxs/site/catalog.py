"""Every article of the site, read once from the pages under `docs/articles/`, for the features.

Features need facts about all articles while MkDocs renders one page at a time (category lists,
the error-code index, "only in Korean" marks), so the catalog reads the front matter and the
headings of every article file itself. Each file's facts are cached on its modification time and
size: static-i18n's second build reuses them all, and a `mkdocs serve` rebuild after an edit
reads only the files that changed. Articles are known by their path under `articles/`
(pages/identity.py).
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from sxs.pages.frontmatter import body_of, read_meta
from sxs.pages.identity import PageId, page_files

ARTICLES = "articles"
HEADING = re.compile(r"^#{1,6}[ \t]+(.+?)(?:[ \t]+\{[^}]*\})?[ \t]*#*[ \t]*$", re.M)


@dataclass(frozen=True)
class Version:
    """One language's file of an article."""

    lang: str
    title: str
    headings: tuple[str, ...]
    translation: str | None  # "MT" or "HT" (ms.translationtype), None when unknown
    handed_off: str | None  # ms.lasthandoff as written, e.g. "02/26/2020"
    description: str | None = None  # the `description` key, for search engines


@dataclass(frozen=True)
class Article:
    path: str  # under articles/, without language suffix: "antispam-5-7-23", "mixed-reality/develop/x"
    versions: dict[str, Version] = field(hash=False)

    @property
    def src_uri(self) -> str:
        """The language-neutral source path static-i18n resolves ('articles/<path>.md')."""
        return PageId(self.path, "").under(ARTICLES).neutral

    @property
    def name(self) -> str:
        """The last part of the path: the file name upstream, as rules and messages name it."""
        return self.path.rsplit("/", 1)[-1]

    def title(self, lang: str, fallback: str) -> str:
        version = self.versions.get(lang) or self.versions.get(fallback) or next(iter(self.versions.values()))
        return version.title

    def version(self, lang: str) -> Version | None:
        return self.versions.get(lang)


def read_version(path: Path, lang: str) -> Version:
    text = path.read_text(encoding="utf-8-sig")
    meta = read_meta(text)
    body = body_of(text)
    headings = tuple(h.strip() for h in HEADING.findall(_outside_fences(body)))
    title = str(meta.get("title") or (headings[0] if headings else path.name.split(".")[0]))
    kind = meta.get("ms.translationtype")
    handed = meta.get("ms.lasthandoff")
    return Version(
        lang=lang,
        title=title,
        headings=headings,
        translation=str(kind).upper() if kind else None,
        handed_off=str(handed) if handed else None,
        description=str(meta["description"]) if meta.get("description") else None,
    )


def _outside_fences(body: str) -> str:
    """The body without fenced code blocks, whose '#' lines are not headings."""
    return re.sub(r"^(```|~~~).*?^\1[ \t]*$", "", body, flags=re.M | re.S)


class Catalog:
    _cached: tuple[tuple[Any, ...], Catalog] | None = None
    _versions: dict[Path, tuple[int, int, Version]] = {}  # file -> (mtime, size, its facts)

    def __init__(self, articles: dict[str, Article]) -> None:
        self.articles = articles

    def __iter__(self) -> Iterator[Article]:
        return iter(self.articles.values())

    def __len__(self) -> int:
        return len(self.articles)

    def get(self, path: str) -> Article | None:
        return self.articles.get(path)

    def of_page(self, page: Any) -> Article | None:
        """The article an MkDocs page shows, if it is one."""
        found = article_of(page)
        return self.articles.get(found.path) if found is not None else None

    @classmethod
    def load(cls, docs_dir: str | Path) -> Catalog:
        folder = Path(docs_dir) / ARTICLES
        found = list(page_files(folder)) if folder.is_dir() else []
        entries = tuple((page, path.stat().st_mtime_ns, path.stat().st_size) for page, path in found)
        key = (str(folder), entries)
        if cls._cached is not None and cls._cached[0] == key:
            return cls._cached[1]
        known = cls._versions
        fresh: dict[Path, tuple[int, int, Version]] = {}
        versions: dict[str, dict[str, Version]] = {}
        for (page, path), (_, mtime, size) in zip(found, entries, strict=True):
            cached = known.get(path)
            version = cached[2] if cached and cached[:2] == (mtime, size) else read_version(path, page.lang)
            fresh[path] = (mtime, size, version)
            versions.setdefault(page.path, {})[page.lang] = version
        catalog = cls({path: Article(path, found) for path, found in sorted(versions.items())})
        Catalog._cached, Catalog._versions = (key, catalog), fresh
        return catalog


def article_of(page: Any) -> PageId | None:
    """The article page (path under articles/, language) an MkDocs page is made from, if any."""
    found = PageId.parse(page.file.src_uri)
    if found is None or not found.path.startswith(f"{ARTICLES}/"):
        return None
    return PageId(found.path[len(ARTICLES) + 1 :], found.lang)
