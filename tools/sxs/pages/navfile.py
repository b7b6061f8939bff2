"""Navigation files: a documentation set's navigation, made by `sxs import` from its tables of contents.

`sxs import` writes one file `nav.yml` in the folder of each documentation set it imports (and of
each folder outside the sets that has a table of contents of its own): `docs/articles/<set>/nav.yml`.
The site's navigation is made from them (site/navigation.py). A file holds one tree:

    # (a comment saying what the file is)
    lang: ko                     the language of the `title`s (the import's target language)
    sources:                     the tables of contents it was made from, relative to the repository
    - mixed-reality-docs/mr-dev-docs/TOC.yml
    source_sha256: 3b1f...       SHA-256 of those files' text at import time
    nav_hash: sha256:9c0e...     SHA-256 of this file with this line left out; a mismatch means
                                 a contributor edited it, and a re-import keeps it
    title: 혼합 현실               the set's name in the navigation (none: its page's title)
    title_en: Mixed Reality      the same in English, where it is known (none: the site shows the
                                 page's English title, else `title` marked as Korean)
    page: index                  the set's own page, if it has one
    items:                       its entries, in order, each made of the same keys:
    - title: 시작                  the entry's label (none: the page's title)
      page: develop/development  a page: its path relative to this file's folder, without suffix
    - title: 샘플                  (`../other-set/x` reaches a page of another set)
      url: https://github.com/...  or an address on another site
    - title: 앱 포팅               or a section: its entries under `items`, with its own `page`
      items: [...]               when the table of contents linked one

Titles are translatable text: edit them here (and add `title_en` where the English is known).
"""

from __future__ import annotations

import hashlib
import posixpath
import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any

import yaml

from sxs.pages.frontmatter import dump_yaml
from sxs.pages.identity import SOURCE_LANG

NAV_FILE = "nav.yml"
HASH_KEY = "nav_hash"
SOURCE_KEY = "source_sha256"
SOURCE_TITLE = f"title_{SOURCE_LANG}"
HASH_LINE = re.compile(rf"^{HASH_KEY}:[^\n]*\n", re.M)
HEADER = (
    "# The navigation of this documentation set, made by `sxs import` from its tables of contents\n"
    "# (format: tools/sxs/pages/navfile.py). Titles are translatable: edit them here; a re-import\n"
    "# keeps an edited file.\n"
)


@dataclass(frozen=True)
class Entry:
    """One entry of a navigation: a page, an address elsewhere, or a section of entries (or both)."""

    title: str | None = None  # label in the file's language; None: the page's own title
    source_title: str | None = None  # label in the source language (English), where known
    page: str | None = None  # page path relative to the file's folder (pages/identity.py), no suffix
    url: str | None = None
    items: tuple[Entry, ...] = ()

    def pages(self) -> Iterator[str]:
        """Every page path of the tree, in order (duplicates kept)."""
        if self.page is not None:
            yield self.page
        for item in self.items:
            yield from item.pages()


@dataclass(frozen=True)
class NavFile:
    """One navigation file: where it is (`folder`, relative to the content root) and its tree."""

    folder: str
    lang: str
    root: Entry
    sources: tuple[str, ...] = ()
    source_sha256: str = ""
    hash_ok: bool = field(default=True, compare=False)

    @property
    def path(self) -> str:
        return posixpath.join(self.folder, NAV_FILE) if self.folder else NAV_FILE

    def resolve(self, page: str) -> str:
        """A page path of an entry as a path under the content root."""
        return (
            posixpath.normpath(posixpath.join(self.folder, page)) if self.folder else posixpath.normpath(page)
        )


# Writing -----------------------------------------------------------------------------------


def _entry_data(entry: Entry) -> list[tuple[str, Any]]:
    data: list[tuple[str, Any]] = [
        (key, value)
        for key, value in (
            ("title", entry.title),
            (SOURCE_TITLE, entry.source_title),
            ("page", entry.page),
            ("url", entry.url),
        )
        if value is not None
    ]
    if entry.items:
        data.append(("items", [dict(_entry_data(item)) for item in entry.items]))
    return data


def dump(nav: NavFile) -> str:
    """The file's text, sealed with its hash."""
    head: list[tuple[str, Any]] = [
        ("lang", nav.lang),
        ("sources", list(nav.sources)),
        (SOURCE_KEY, nav.source_sha256),
        (HASH_KEY, "-"),
    ]
    text = HEADER + dump_yaml(head + _entry_data(nav.root))
    return HASH_LINE.sub(f"{HASH_KEY}: {compute_hash(text)}\n", text, count=1)


def compute_hash(text: str) -> str:
    """Hash of a navigation file with its nav_hash line left out."""
    return "sha256:" + hashlib.sha256(HASH_LINE.sub("", text, count=1).encode("utf-8")).hexdigest()


def is_edited(text: str) -> bool:
    """True when the file no longer matches the hash written at import time."""
    m = re.search(rf"^{HASH_KEY}: (\S+)$", text, re.M)
    return m is None or m.group(1) != compute_hash(text)


def source_hash(text: str) -> object:
    """The source_sha256 a navigation file records (None when it has none)."""
    m = re.search(rf"^{SOURCE_KEY}: (\S+)$", text, re.M)
    return m.group(1) if m else None


# Reading -----------------------------------------------------------------------------------


class NavFileError(ValueError):
    """A navigation file that cannot be read, at a 1-based line and column."""

    def __init__(self, line: int, col: int, message: str) -> None:
        super().__init__(message)
        self.line = line
        self.col = col


_Loader: Any = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
ENTRY_KEYS = frozenset({"title", SOURCE_TITLE, "page", "url", "items"})


def load(text: str, folder: str) -> NavFile:
    """A navigation file's tree from its text (`folder`: where it lies under the content root)."""
    try:
        node = yaml.compose(text, Loader=_Loader)
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        line, col = (mark.line + 1, mark.column + 1) if mark is not None else (1, 1)
        raise NavFileError(line, col, f"not valid YAML: {getattr(exc, 'problem', exc)}") from exc
    if not isinstance(node, yaml.MappingNode):
        raise NavFileError(1, 1, "a navigation file is a mapping (lang, sources, title, items...)")
    data = _mapping(node)
    lang = _text(data.get("lang"), node)
    if not lang:
        raise NavFileError(1, 1, "no `lang`")
    sources_node = data.get("sources")
    sources = (
        tuple(_text(n, n) or "" for n in sources_node.value)
        if isinstance(sources_node, yaml.SequenceNode)
        else ()
    )
    root = _entry(node, top=True)
    return NavFile(
        folder=folder,
        lang=lang,
        root=root,
        sources=sources,
        source_sha256=_text(data.get(SOURCE_KEY), node) or "",
        hash_ok=not is_edited(text),
    )


def _mapping(node: yaml.MappingNode) -> dict[str, yaml.Node]:
    out: dict[str, yaml.Node] = {}
    for key, value in node.value:
        if not isinstance(key, yaml.ScalarNode):
            raise NavFileError(key.start_mark.line + 1, key.start_mark.column + 1, "a key must be text")
        out[key.value] = value
    return out


def _text(node: yaml.Node | None, where: yaml.Node) -> str | None:
    if node is None or (isinstance(node, yaml.ScalarNode) and node.tag.endswith(":null")):
        return None
    if not isinstance(node, yaml.ScalarNode):
        raise NavFileError(node.start_mark.line + 1, node.start_mark.column + 1, "expected text here")
    value = str(node.value).strip()
    return value or None


def _entry(node: yaml.Node, top: bool = False) -> Entry:
    line, col = node.start_mark.line + 1, node.start_mark.column + 1
    if not isinstance(node, yaml.MappingNode):
        raise NavFileError(line, col, "an entry is a mapping (title, page, url, items)")
    data = _mapping(node)
    if not top:
        unknown = sorted(set(data) - ENTRY_KEYS)
        if unknown:
            raise NavFileError(
                line, col, f"unknown key {unknown[0]!r} (an entry has {', '.join(sorted(ENTRY_KEYS))})"
            )
    items_node = data.get("items")
    items: tuple[Entry, ...] = ()
    if items_node is not None and not (
        isinstance(items_node, yaml.ScalarNode) and items_node.tag.endswith(":null")
    ):
        if not isinstance(items_node, yaml.SequenceNode):
            mark = items_node.start_mark
            raise NavFileError(mark.line + 1, mark.column + 1, "`items` is a list of entries")
        items = tuple(_entry(n) for n in items_node.value)
    entry = Entry(
        title=_text(data.get("title"), node),
        source_title=_text(data.get(SOURCE_TITLE), node),
        page=_text(data.get("page"), node),
        url=_text(data.get("url"), node),
        items=items,
    )
    if entry.page is not None and entry.url is not None:
        raise NavFileError(line, col, "an entry has a `page` or a `url`, not both")
    if not top and entry.page is None and entry.url is None and not entry.items:
        raise NavFileError(line, col, "an entry needs a `page`, a `url` or `items`")
    if entry.page is None and entry.title is None and entry.url is None:
        raise NavFileError(
            line, col, "a section needs a `title`" if not top else "the file needs a `title` or a `page`"
        )
    return entry
