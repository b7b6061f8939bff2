"""Every article of the site, read once from the pages under `docs/articles/`, for the features.

Features need facts about all articles while MkDocs renders one page at a time (category lists,
the error-code index, "only in Korean" marks, the translation status), so the catalog reads every
article file itself, once per change: its front matter and headings, and its translations paired
with the original as `sxs stale` pairs them (pages/pairs.py, contrib/stale.py). Each article is
cached on its files' modification times and sizes: static-i18n's second build reuses them all,
and a `mkdocs serve` rebuild after an edit reads only the articles that changed. `sxs build`
(split.py) reads them once, on every core, before it forks its language processes: each starts
with them, and reads only what changed since. Articles are known by their path under `articles/`
(pages/identity.py)."""

from __future__ import annotations

import functools
import multiprocessing
import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from sxs.contrib.stale import PairLines
from sxs.diagnostics import Diagnostic
from sxs.pages.frontmatter import body_of, read_meta
from sxs.pages.identity import PageId, page_files
from sxs.pages.pairs import Page, PageFile, pair_up, read_page

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


def version_of(found: PageFile) -> Version:
    """An article file's facts, from the page as read; a page whose front matter cannot be read
    (pairs.read_page says why) is read again on its own, its front matter taken as empty."""
    if isinstance(found.read, Page):
        page = found.read
        return _version(found.page.lang, page.meta, "\n".join(page.lines[page.front_end :]), found.file)
    text = found.file.read_text(encoding="utf-8-sig")
    return _version(found.page.lang, read_meta(text), body_of(text), found.file)


def _version(lang: str, meta: dict[str, Any], body: str, path: Path) -> Version:
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


Stamps = tuple[tuple[str, int, int], ...]
"""An article's files, each with its modification time (ns) and size when read."""


@dataclass(frozen=True)
class ArticleFiles:
    """What the features need of one article's files, read once: each language's facts and, for
    the translation status, its translations paired with the original (pages/pairs.py) and why
    any file is in no pair. The pages' lines are not kept (the four shared repositories' take
    120 MB), but their front matter is, as read: MkDocs reads the same (page_source.py)."""

    stamps: Stamps
    versions: dict[str, Version]
    pairs: tuple[PairLines, ...]
    problems: tuple[Diagnostic, ...]
    fronts: tuple[tuple[str, dict[str, Any]], ...] = ()  # each file's front matter: its YAML, its keys

    @classmethod
    def read(cls, path: str, files: list[tuple[PageId, Path]], stamps: Stamps) -> ArticleFiles:
        found = {page.lang: PageFile(page, file, read_page(file, page.lang)) for page, file in files}
        pairs, problems = pair_up(path, found)
        versions = {lang: version_of(file) for lang, file in found.items()}
        fronts = tuple(
            (file.read.front, file.read.meta)
            for file in found.values()
            if isinstance(file.read, Page) and file.read.front is not None
        )
        return cls(stamps, versions, tuple(PairLines.of(pair) for pair in pairs), tuple(problems), fronts)


class Catalog:
    _cached: tuple[tuple[Any, ...], Catalog] | None = None
    _build: tuple[Any, Catalog] | None = None  # the configuration of the build being run, its catalog

    def __init__(self, articles: dict[str, Article], files: dict[str, ArticleFiles] | None = None) -> None:
        self.articles = articles
        self.files = files or {}  # by article path, as read

    def __iter__(self) -> Iterator[Article]:
        return iter(self.articles.values())

    def __len__(self) -> int:
        return len(self.articles)

    def get(self, path: str) -> Article | None:
        return self.articles.get(path)

    @functools.cached_property
    def fronts(self) -> dict[str, dict[str, Any]]:
        """The article files' front matter as read: their keys by their YAML text."""
        return {text: meta for read in self.files.values() for text, meta in read.fronts}

    def of_page(self, page: Any) -> Article | None:
        """The article an MkDocs page shows, if it is one."""
        found = article_of(page)
        return self.articles.get(found.path) if found is not None else None

    @classmethod
    def of_build(cls, config: Any) -> Catalog:
        """The catalog of a build (MkDocs' configuration of it): the article files are listed and
        looked at once per build, however many features ask. MkDocs loads the configuration
        anew for each build, `mkdocs serve`'s rebuilds too; static-i18n's builds of the other
        languages share their first build's."""
        build = cls._build
        if build is None or build[0] is not config:
            build = Catalog._build = (config, cls.load(config.docs_dir))
        return build[1]

    @classmethod
    def load(cls, docs_dir: str | Path, workers: int = 1) -> Catalog:
        """The catalog of the files under docs_dir as they are: only the articles with a file
        added, removed or changed (modification time, size) since the last load are read again;
        by `workers` processes if more than one."""
        folder = Path(docs_dir) / ARTICLES
        grouped: dict[str, list[tuple[PageId, Path]]] = {}
        for page, file in page_files(folder) if folder.is_dir() else []:
            grouped.setdefault(page.path, []).append((page, file))
        stamps = {path: tuple(_stamp(file) for _, file in files) for path, files in grouped.items()}
        key = (str(folder), tuple(stamps.items()))
        cached = cls._cached
        if cached is not None and cached[0] == key:
            return cached[1]
        known = cached[1].files if cached is not None else {}
        changed = [
            (path, found, stamps[path])
            for path, found in grouped.items()
            if path not in known or known[path].stamps != stamps[path]
        ]
        fresh = dict(zip([path for path, _, _ in changed], _read_all(changed, workers), strict=True))
        files = {path: fresh[path] if path in fresh else known[path] for path in grouped}
        catalog = cls({path: Article(path, read.versions) for path, read in files.items()}, files)
        Catalog._cached = (key, catalog)
        return catalog


ArticleTask = tuple[str, list[tuple[PageId, Path]], Stamps]


def _read(task: ArticleTask) -> ArticleFiles:
    return ArticleFiles.read(*task)


def _read_all(tasks: list[ArticleTask], workers: int) -> list[ArticleFiles]:
    """Each article's files read, in order: in forked processes when there are several workers
    and enough articles to be worth starting them (a few hundred milliseconds)."""
    if workers <= 1 or len(tasks) < 200 or "fork" not in multiprocessing.get_all_start_methods():
        return [_read(task) for task in tasks]
    with multiprocessing.get_context("fork").Pool(workers) as pool:
        return pool.map(_read, tasks, chunksize=max(1, len(tasks) // (workers * 8)))


def _stamp(file: Path) -> tuple[str, int, int]:
    stat = file.stat()
    return str(file), stat.st_mtime_ns, stat.st_size


def article_of(page: Any) -> PageId | None:
    """The article page (path under articles/, language) an MkDocs page is made from, if any."""
    found = PageId.parse(page.file.src_uri)
    if found is None or not found.path.startswith(f"{ARTICLES}/"):
        return None
    return PageId(found.path[len(ARTICLES) + 1 :], found.lang)
