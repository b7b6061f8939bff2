"""Every article of the site, read once from `docs/articles/<slug>.<lang>.md`, for the features.

Features need facts about all articles while MkDocs renders one page at a time (category lists,
the error-code index, "only in Korean" marks), so the catalog reads the front matter and the
headings of every article file itself. It is cached on the files' names and modification
times: static-i18n's second build and an unchanged `mkdocs serve` rebuild reuse it.
"""

from __future__ import annotations

import os
import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

ARTICLES = "articles"
FILE_NAME = re.compile(r"^(?P<slug>[^.]+)\.(?P<lang>[a-z]{2})\.md$")
FRONT = re.compile(r"\A(?:\ufeff)?---\n(.*?\n)---\n", re.S)
HEADING = re.compile(r"^#{1,6}[ \t]+(.+?)(?:[ \t]+\{[^}]*\})?[ \t]*#*[ \t]*$", re.M)
_Loader: Any = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


@dataclass(frozen=True)
class Version:
    """One language's file of an article."""

    lang: str
    title: str
    headings: tuple[str, ...]
    translation: str | None  # "MT" or "HT" (ms.translationtype), None when unknown
    handed_off: str | None  # ms.lasthandoff as written, e.g. "02/26/2020"


@dataclass(frozen=True)
class Article:
    slug: str
    versions: dict[str, Version] = field(hash=False)

    @property
    def src_uri(self) -> str:
        """The language-neutral source path static-i18n resolves ('articles/<slug>.md')."""
        return f"{ARTICLES}/{self.slug}.md"

    def title(self, lang: str, fallback: str) -> str:
        version = self.versions.get(lang) or self.versions.get(fallback) or next(iter(self.versions.values()))
        return version.title

    def version(self, lang: str) -> Version | None:
        return self.versions.get(lang)


def read_version(path: Path, lang: str) -> Version:
    text = path.read_text(encoding="utf-8")
    meta: dict[str, Any] = {}
    body = text
    front = FRONT.match(text)
    if front is not None:
        loaded = yaml.load(front.group(1), Loader=_Loader)  # noqa: S506 - a safe loader
        meta = loaded if isinstance(loaded, dict) else {}
        body = text[front.end() :]
    headings = tuple(h.strip() for h in HEADING.findall(_outside_fences(body)))
    title = str(meta.get("title") or (headings[0] if headings else path.stem.split(".")[0]))
    kind = meta.get("ms.translationtype")
    handed = meta.get("ms.lasthandoff")
    return Version(
        lang=lang,
        title=title,
        headings=headings,
        translation=str(kind).upper() if kind else None,
        handed_off=str(handed) if handed else None,
    )


def _outside_fences(body: str) -> str:
    """The body without fenced code blocks, whose '#' lines are not headings."""
    return re.sub(r"^(```|~~~).*?^\1[ \t]*$", "", body, flags=re.M | re.S)


class Catalog:
    _cached: tuple[tuple[Any, ...], Catalog] | None = None

    def __init__(self, articles: dict[str, Article]) -> None:
        self.articles = articles

    def __iter__(self) -> Iterator[Article]:
        return iter(self.articles.values())

    def __len__(self) -> int:
        return len(self.articles)

    def get(self, slug: str) -> Article | None:
        return self.articles.get(slug)

    @classmethod
    def load(cls, docs_dir: str | Path) -> Catalog:
        folder = Path(docs_dir) / ARTICLES
        entries = sorted(
            (entry.name, entry.stat().st_mtime_ns, entry.stat().st_size)
            for entry in (os.scandir(folder) if folder.is_dir() else [])
            if entry.is_file() and FILE_NAME.match(entry.name)
        )
        key = (str(folder), tuple(entries))
        if cls._cached is not None and cls._cached[0] == key:
            return cls._cached[1]
        versions: dict[str, dict[str, Version]] = {}
        for name, _, _ in entries:
            match = FILE_NAME.match(name)
            assert match is not None
            versions.setdefault(match["slug"], {})[match["lang"]] = read_version(folder / name, match["lang"])
        catalog = cls({slug: Article(slug, found) for slug, found in sorted(versions.items())})
        Catalog._cached = (key, catalog)
        return catalog
