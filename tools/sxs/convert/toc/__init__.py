"""Stage 6: each documentation set's navigation, from its tables of contents.

read.py reads a table of contents, entries.py resolves what its entries name. DocFX shows
every page with the nearest table of contents above it, so a table of contents no other one
includes is not lost: it becomes the children of the entry that links a page of its folder (mdop's
TOC.md links `agpm/index.md`, and `agpm/TOC.md` is that product's own table of contents), else a
section of its own. Each set gets one navigation file in its folder (pages/navfile.py), named after
its own page, else its name in the documentation site's breadcrumb, else its name in the publish
configuration; so does each folder outside the sets whose table of contents no other includes.
Problems are warnings at `path:line:col`.
"""

from __future__ import annotations

import hashlib
import posixpath
from collections import Counter
from collections.abc import Callable, Collection, Iterable, Mapping
from dataclasses import dataclass, field, replace

from sxs.diagnostics import Diagnostic
from sxs.pages.identity import SOURCE_LANG, path_part
from sxs.pages.navfile import Entry, NavFile

from ..docset import DocSet, Publication
from ..model import Page
from .entries import INDEX, Resolver, stands_for
from .read import read_yaml_toc

BREADCRUMB = "breadcrumb/toc.yml"  # where a set's breadcrumb is, with its name on the documentation site


@dataclass
class Published:
    """What the import produced that its navigation needs: the pages and their language."""

    paths: set[str] = field(default_factory=set)
    langs: Counter[str] = field(default_factory=Counter)

    def add(self, pages: Iterable[Page]) -> None:
        for page in pages:
            self.paths.add(page.id.path)
            if page.id.lang != SOURCE_LANG:
                self.langs[page.id.lang] += 1

    def lang(self, default: str | None) -> str:
        """The labels' language: the import's target language, as its pages name it."""
        return self.langs.most_common(1)[0][0] if self.langs else (default or "und")


def _folder_of(toc: str) -> str:
    return posixpath.dirname(toc)


def _within(rel: str, folder: str) -> bool:
    return not folder or rel.lower().startswith(folder.lower() + "/")


def _attach(
    entries: tuple[Entry, ...],
    index: str | None,
    pages: Callable[[], Collection[str]],
    under: tuple[Entry, ...],
) -> tuple[Entry, ...] | None:
    """`entries` with `under` as the children of the first entry whose page is `index`, else of the
    first whose page is one of `pages()`; None when no entry links such a page."""
    path = _find(entries, {index}) if index is not None else None
    if path is None:
        path = _find(entries, pages())
    return _graft(entries, path, under) if path is not None else None


def _find(entries: tuple[Entry, ...], pages: Collection[str]) -> list[int] | None:
    for i, entry in enumerate(entries):
        if entry.page is not None and entry.page in pages:
            return [i]
        below = _find(entry.items, pages)
        if below is not None:
            return [i, *below]
    return None


def _graft(entries: tuple[Entry, ...], path: list[int], under: tuple[Entry, ...]) -> tuple[Entry, ...]:
    i, rest = path[0], path[1:]
    entry = entries[i]
    if rest:
        entry = replace(entry, items=_graft(entry.items, rest, under))
    else:
        root = stands_for(under, entry.page)
        under = root.items if root is not None else under
        entry = replace(entry, items=entry.items + under)
    return (*entries[:i], entry, *entries[i + 1 :])


def _section(entries: tuple[Entry, ...], toc: str) -> Entry:
    """A table of contents nobody includes, as a section of its own."""
    if len(entries) == 1 and entries[0].items:
        return entries[0]
    name = posixpath.basename(_folder_of(toc)) or toc
    return Entry(title=name, source_title=name, items=entries)


@dataclass
class _Tree:
    """A navigation being assembled: the folder it covers (repository path) and its entries."""

    folder: str
    docset: DocSet | None
    tocs: list[str]
    entries: tuple[Entry, ...] = ()


def _relative(entry: Entry, folder: str) -> Entry:
    """The tree with its page paths relative to `folder` (both normalised paths: no `.`, no `..`)."""
    page = entry.page
    if page is not None and folder:
        parts, base = page.split("/"), folder.split("/")
        common = next(
            (i for i, (a, b) in enumerate(zip(parts, base, strict=False)) if a != b),
            min(len(parts), len(base)),
        )
        page = "/".join([".."] * (len(base) - common) + parts[common:])
    return replace(entry, page=page, items=tuple(_relative(e, folder) for e in entry.items))


def navigation(
    repo: Publication,
    texts: Mapping[str, str],
    published: Collection[str],
    lang: str,
) -> tuple[list[NavFile], list[Diagnostic]]:
    """The navigation files of an import: `texts` gives the tables of contents' text, `published`
    the page paths the import produced (entries are made for them only), `lang` the labels'."""
    resolver = Resolver(repo, texts, published)
    included = set().union(*(resolver.includes(toc) for toc in repo.tocs))
    tops = sorted((t for t in repo.tocs if t not in included), key=lambda t: (t.count("/"), t.lower()))
    trees = {s.root: _Tree(s.root, s, []) for s in repo.sets}
    loose: list[_Tree] = []
    for toc in tops:
        docset = repo.set_of(toc)
        if docset is not None:
            tree: _Tree | None = trees[docset.root]
        else:
            tree = max(
                (t for t in loose if _within(toc, t.folder)), key=lambda t: len(t.folder), default=None
            )
        entries = resolver.toc(toc)
        if tree is None:
            loose.append(_Tree(_folder_of(toc), None, [toc], entries))
            continue
        tree.tocs.append(toc)
        if len(tree.tocs) == 1:
            tree.entries = entries
            continue
        tree.entries = _nest(tree.entries, entries, toc, repo)
    navs = []
    seen: dict[str, str] = {}
    for tree in [*trees.values(), *loose]:
        if not tree.tocs:
            continue
        folder = _output_folder(tree)
        root = _root(tree, folder, published, repo, texts)
        if root.page is None and not root.items:
            resolver.warn(tree.tocs[0], 1, 1, "names no imported page: no navigation for its folder")
            continue
        sources = sorted({s for toc in tree.tocs for s in (toc, *resolver.closure(toc))})
        nav = NavFile(
            folder=folder,
            lang=lang,
            root=_relative(root, folder),
            sources=tuple(sources),
            source_sha256=_sources_hash(sources, texts),
        )
        if nav.path in seen:
            resolver.warn(
                tree.tocs[0], 1, 1, f"its navigation would be {nav.path}, as {seen[nav.path]}'s is; left out"
            )
            continue
        seen[nav.path] = tree.tocs[0]
        navs.append(nav)
    return navs, resolver.diags


def _nest(
    entries: tuple[Entry, ...], under: tuple[Entry, ...], toc: str, repo: Publication
) -> tuple[Entry, ...]:
    """A table of contents nobody includes, placed in the tree of the one above it: under the entry
    linking its folder's index page, else the first page of its folder; else as a section."""
    if not under:
        return entries
    folder = _folder_of(toc)
    index = None
    for name in (f"{INDEX}.md", f"{INDEX}.yml"):
        source = repo.files.get(posixpath.join(folder, name).lower())
        index = index or (repo.pages.get(source) if source is not None else None)
    attached = _attach(
        entries, index, lambda: {p for s, p in repo.pages.items() if _within(s, folder)}, under
    )
    if attached is not None:
        return attached
    if len(entries) == 1 and entries[0].items:  # a set under one entry keeps everything under it
        return (replace(entries[0], items=(*entries[0].items, _section(under, toc))),)
    return (*entries, _section(under, toc))


def _root(
    tree: _Tree, folder: str, published: Collection[str], repo: Publication, texts: Mapping[str, str]
) -> Entry:
    """The whole tree as one entry: the set's name or its own page, and its entries."""
    entries = tree.entries
    if len(entries) == 1 and entries[0].items:
        return entries[0]
    home = posixpath.join(folder, INDEX) if folder else INDEX
    if home in published:
        # The set's page names it; an entry for that page alone is that same link.
        rest = tuple(e for e in entries if e.page != home or e.items)
        return Entry(page=home, items=rest)
    if tree.docset is not None:
        crumb = _breadcrumb_name(tree.docset, repo, texts)
        if crumb is not None:
            return Entry(title=crumb, items=entries)
    name = tree.docset.name if tree.docset is not None else tree.folder or repo.root.name
    return Entry(title=name, source_title=name, items=entries)


def _breadcrumb_name(docset: DocSet, repo: Publication, texts: Mapping[str, str]) -> str | None:
    """The set's name in the documentation site's breadcrumb (`breadcrumb/toc.yml`: the entry whose
    `tocHref` is the set's address), translated like the tables of contents."""
    source = repo.files.get(posixpath.join(docset.root, BREADCRUMB).lower())
    if source is None or docset.base_url is None:
        return None
    try:
        text = texts[source]
    except KeyError:
        return None
    wanted = docset.base_url.strip("/").lower()
    todo = list(read_yaml_toc(text, source)[0])
    while todo:
        item = todo.pop(0)
        if item.toc_href is not None and item.toc_href.strip("/").lower() == wanted:
            return item.name
        todo.extend(item.items)
    return None


def _output_folder(tree: _Tree) -> str:
    if tree.docset is not None:
        return tree.docset.folder
    return "/".join(path_part(p) for p in tree.folder.split("/") if p not in ("", "."))


def _sources_hash(tocs: Iterable[str], texts: Mapping[str, str]) -> str:
    digest = hashlib.sha256()
    for toc in tocs:
        digest.update(toc.encode("utf-8") + b"\0" + texts.get(toc, "").encode("utf-8") + b"\0")
    return digest.hexdigest()
