"""What the entries of a table of contents name, for toc.py: each table's entries as navigation entries.

An entry's `href` names
- a page (`x.md`, `x.yml`, `../other/x.md`: relative to the table of contents);
- another table of contents (`sub/toc.yml`, `TOC.md`) or a folder (`sub/`: its table of contents),
  whose entries become the entry's children; `topicHref` or `uid` then name the entry's own page;
  a table of contents whose only entry is that page stands for the entry (its children are the
  entry's children);
- an address on the documentation site (`/windows/mixed-reality/develop/...`, or in full): a page of
  an imported set when it is one, else that address (sitemap.py answers, as it does for links);
  `xref:uid`/`@uid` name a page by its `uid:`, and a page moved upstream is followed where it moved;
- an address elsewhere (`https://...`).
An entry with no `href` is a header over its children. An entry whose `href` names nothing that was
imported is reported and left out (its children stay, under its label). Labels are in the target
language; a label holding side-by-side pair markup keeps both languages.
"""

from __future__ import annotations

import posixpath
from collections.abc import Collection, Mapping
from dataclasses import dataclass
from urllib.parse import unquote

from sxs.diagnostics import Diagnostic, warning
from sxs.pages.identity import page_path
from sxs.pages.navfile import Entry

from ..docset import TOC_NAMES, Publication
from ..parse import LEFTOVER, PAIR
from ..sitemap import DOCS_SITE, Target
from .read import TocItem, read_toc

SAFE_SCHEMES = frozenset({"http", "https", "mailto", "ftp"})
# Which table of contents DocFX reads in a folder named by `href: folder/`, in order.
FOLDER_TOCS = ("toc.yml", "toc.yaml", "toc.md")
INDEX = "index"


def stands_for(entries: tuple[Entry, ...], page: str | None) -> Entry | None:
    """The one entry of an included table of contents that stands for the entry including it: its
    only entry, with entries under it, for the same page (or none)."""
    if len(entries) == 1 and entries[0].items and entries[0].page in (None, page):
        return entries[0]
    return None


@dataclass(frozen=True)
class _Target:
    """What an href names: a page path, a table of contents, an address; or why nothing."""

    page: str | None = None
    toc: str | None = None
    url: str | None = None
    problem: str | None = None


def _docs_address(href: str) -> str:
    """A path on the documentation site as a full address there; a full address as it is."""
    return DOCS_SITE + href if href.startswith("/") else href


class Resolver:
    """Turns the repository's tables of contents into trees of navigation entries (page paths
    relative to the output folder), each table read and resolved once."""

    def __init__(self, repo: Publication, texts: Mapping[str, str], available: Collection[str]) -> None:
        self.repo = repo
        self.texts = texts
        self.available = available
        self.tocs = {toc.lower(): toc for toc in repo.tocs}
        self.read: dict[str, tuple[TocItem, ...]] = {}
        self.resolved: dict[str, tuple[Entry, ...]] = {}
        self.included: dict[str, set[str]] = {}
        self.diags: list[Diagnostic] = []

    def display(self, rel: str) -> str:
        return str(self.repo.root / rel)

    def warn(self, rel: str, line: int, col: int, message: str) -> None:
        self.diags.append(warning(self.display(rel), line, col, message))

    def items(self, toc: str) -> tuple[TocItem, ...]:
        if toc not in self.read:
            try:
                text = self.texts[toc]
            except KeyError:
                self.warn(toc, 0, 0, "cannot read this table of contents (not UTF-8, or unreadable)")
                text = ""
            items, diags = read_toc(text, toc, self.display(toc)) if text else ((), [])
            self.diags.extend(diags)
            self.read[toc] = items
        return self.read[toc]

    def includes(self, toc: str) -> set[str]:
        """The tables of contents `toc` names itself."""
        if toc in self.included:
            return self.included[toc]
        found = self.included[toc] = set()

        def walk(items: tuple[TocItem, ...]) -> None:
            for item in items:
                if item.href is not None:
                    target = self.target(item.href, toc)
                    if target.toc is not None:
                        found.add(target.toc)
                walk(item.items)

        walk(self.items(toc))
        return found

    def closure(self, toc: str) -> set[str]:
        """The tables of contents `toc` includes, directly or through others."""
        found: set[str] = set()
        todo = [toc]
        while todo:
            for inner in self.includes(todo.pop()) - found:
                found.add(inner)
                todo.append(inner)
        return found

    # What an href names -------------------------------------------------------------------

    def target(self, href: str, toc: str) -> _Target:
        href = href.strip()
        if href.startswith("<") and href.endswith(">"):
            href = href[1:-1].strip()
        scheme, colon, _ = href.partition(":")
        if colon and scheme.isascii() and scheme.isalpha() and len(scheme) > 1:
            if scheme.lower() == "xref":
                return self.uid(href[5:])
            if scheme.lower() not in SAFE_SCHEMES:
                return _Target(problem=f"unsafe address {href[:40]!r}")
            return self.address(href)
        if href.startswith("//"):
            return self.address("https:" + href)
        if href.startswith("/"):
            return self.address(href)
        path = unquote(href.split("#", 1)[0].split("?", 1)[0])
        if not path:
            return _Target(problem=f"{href!r} names no page")
        target = posixpath.normpath(posixpath.join(posixpath.dirname(toc), path))
        if target == ".." or target.startswith("../"):
            return _Target(problem=f"{href!r} is outside the imported folder")
        if path.endswith("/") or target == ".":
            folder = "" if target == "." else target
            for name in FOLDER_TOCS:
                found = self.tocs.get(posixpath.join(folder, name).lower())
                if found is not None:
                    return _Target(toc=found)
            return _Target(problem=f"folder {href!r} has no table of contents")
        if posixpath.basename(target).lower() in TOC_NAMES:
            found = self.tocs.get(target.lower())
            return _Target(toc=found) if found else _Target(problem=f"no table of contents at {href!r}")
        source = self.repo.files.get(target.lower())
        if source is None:  # moved upstream, perhaps (the redirection file says where)
            moved = self.repo.site.page(page_path(target))
            if moved is not None:
                return self.found(moved, href)
            return _Target(problem=f"{href!r} is not in the repository")
        page = self.repo.pages.get(source)
        if page is None:
            return _Target(problem=f"{href!r} is not a published page")
        return self.found(Target(page=page), href)

    def found(self, target: Target, href: str) -> _Target:
        if target.page is None:
            return _Target(url=target.url)
        if target.page not in self.available:
            return _Target(problem=f"{href!r} was not imported")
        return _Target(page=target.page)

    def uid(self, uid: str) -> _Target:
        page = self.repo.site.uids.get(uid.strip())
        if page is None:
            return _Target(problem=f"no imported page has the uid {uid.strip()!r}")
        return self.found(Target(page=page.page), f"uid {uid.strip()}")

    def address(self, href: str) -> _Target:
        """An address on the documentation site leads to the imported page (sitemap.py), else to that
        site; an address elsewhere stays as it is."""
        target = self.repo.site.at(href)
        if target is not None and target.page is not None and target.page in self.available:
            return _Target(page=target.page)
        if target is not None and target.url is not None:
            return _Target(url=target.url)
        page = target.page if target is not None else None
        return _Target(url=(self.repo.site.published(page) if page else None) or _docs_address(href))

    # Entries --------------------------------------------------------------------------------

    def toc(self, toc: str, through: tuple[str, ...] = ()) -> tuple[Entry, ...]:
        """The entries of one table of contents, the ones it includes resolved in place."""
        if toc in through:
            return ()
        if toc not in self.resolved:
            entries = tuple(
                e for e in (self.entry(item, toc, (*through, toc)) for item in self.items(toc)) if e
            )
            self.resolved[toc] = entries
        return self.resolved[toc]

    def entry(self, item: TocItem, toc: str, through: tuple[str, ...]) -> Entry | None:
        title, source_title = self.labels(item, toc)
        page = url = None
        children: list[Entry] = []
        included: tuple[Entry, ...] = ()
        reported = False
        why = "entry names no page and has no entries"
        if item.href is not None:
            target = self.target(item.href, toc)
            if target.toc is not None and target.toc in through:
                self.warn(
                    toc, item.line, item.col, f"{item.href!r} includes a table of contents that includes it"
                )
                reported = True
            elif target.toc is not None:
                included = self.toc(target.toc, through)
                why = f"the table of contents {item.href!r} gives no entry"
            page, url = target.page, target.url
            if target.problem is not None:
                self.warn(toc, item.line, item.col, f"{target.problem}; left out")
                reported = True
        for own, named in ((item.topic_href, "topicHref"), (item.uid, "uid")):
            if page is None and url is None and own is not None:
                target = self.uid(own) if named == "uid" else self.target(own, toc)
                if target.page is None:
                    self.warn(
                        toc, item.line, item.col, f"{named}: {target.problem or 'not a page'}; left out"
                    )
                page = target.page
        root = stands_for(included, page)
        if root is not None:
            page = page or root.page
            title = title or root.title
            source_title = source_title or root.source_title
            included = root.items
        children.extend(included)
        children.extend(e for e in (self.entry(child, toc, through) for child in item.items) if e)
        if page is None and url is None and not children:
            if not reported:
                self.warn(toc, item.line, item.col, f"{why}; left out")
            return None
        if title is None and page is None:
            if url is None:
                self.warn(toc, item.line, item.col, "section has no name; named after its table of contents")
            title = source_title = url or posixpath.basename(posixpath.dirname(toc)) or toc
        return Entry(title, source_title, page, url, tuple(children))

    def labels(self, item: TocItem, toc: str) -> tuple[str | None, str | None]:
        """The label in the target language and, from side-by-side pair markup, in English."""
        name = item.name
        if name is None or PAIR.search(name) is None:
            if name is not None and LEFTOVER.search(name):
                self.warn(toc, item.line, item.col, "damaged pair markup in this label; kept as written")
            return name, None
        target = " ".join(PAIR.sub(lambda m: m["target"], name).split())
        source = " ".join(PAIR.sub(lambda m: m["source"], name).split())
        if LEFTOVER.search(target) or LEFTOVER.search(source):
            self.warn(toc, item.line, item.col, "damaged pair markup in this label; kept as written")
        return target or None, source or None


# Placing the tables of contents ---------------------------------------------------------------
