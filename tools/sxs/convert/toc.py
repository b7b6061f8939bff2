"""Stage 6: each documentation set's navigation, from its tables of contents (toc_read.py reads them).

An entry's `href` names
- a page (`x.md`, `x.yml`, `../other/x.md`: relative to the table of contents);
- another table of contents (`sub/toc.yml`, `TOC.md`) or a folder (`sub/`: its table of contents),
  whose entries become the entry's children; `topicHref` or `uid` then name the entry's own page;
- an address on the documentation site (`/windows/mixed-reality/develop/...`): a page of an imported
  set when it is one (the sets' `base_url`), else that address on the documentation site;
- an address elsewhere (`https://...`).
An entry with no `href` is a header over its children. An entry whose `href` names nothing that was
imported is reported and left out (its children stay, under its label).

DocFX shows every page with the nearest table of contents above it, so a table of contents no other
one includes is not lost: it becomes the children of the entry that links a page of its folder (mdop's
TOC.md links `agpm/index.md`, and `agpm/TOC.md` is that product's own table of contents), else a
section of its own. A table of contents whose only entry is the page of the entry including it
stands for that entry (its children are the entry's children).

Each set gets one navigation file in its folder (pages/navfile.py), and so does each folder outside
the sets whose table of contents no other includes. Labels are in the target language; a label holding
side-by-side pair markup keeps both languages. Problems are warnings at `path:line:col`.
"""

from __future__ import annotations

import hashlib
import posixpath
from collections import Counter
from collections.abc import Collection, Iterable, Mapping
from dataclasses import dataclass, field, replace
from urllib.parse import unquote

from sxs.diagnostics import Diagnostic, warning
from sxs.pages.frontmatter import read_meta
from sxs.pages.identity import SOURCE_LANG, page_path, path_part
from sxs.pages.navfile import Entry, NavFile

from .docset import TOC_NAMES, DocSet, Publication
from .model import Page
from .parse import LEFTOVER, PAIR
from .toc_read import TocItem, read_toc, read_yaml_toc

# Where absolute links of the documentation pointed (pages outside the imported sets stay there).
DOCS_SITE = "https://docs.microsoft.com"
SAFE_SCHEMES = frozenset({"http", "https", "mailto", "ftp"})
# Which table of contents DocFX reads in a folder named by `href: folder/`, in order.
FOLDER_TOCS = ("toc.yml", "toc.yaml", "toc.md")
INDEX = "index"
BREADCRUMB = "breadcrumb/toc.yml"  # where a set's breadcrumb is, with its name on the documentation site


@dataclass(frozen=True)
class _Target:
    """What an href names: a page path, a table of contents, an address; or why nothing."""

    page: str | None = None
    toc: str | None = None
    url: str | None = None
    problem: str | None = None


@dataclass
class Published:
    """What the import produced that its navigation needs: the pages, their uids, their language."""

    paths: set[str] = field(default_factory=set)
    uids: dict[str, str] = field(default_factory=dict)
    langs: Counter[str] = field(default_factory=Counter)

    def add(self, pages: Iterable[Page]) -> None:
        for page in pages:
            self.paths.add(page.id.path)
            if page.id.lang == SOURCE_LANG:
                continue
            self.langs[page.id.lang] += 1
            if "\nuid:" in page.text:  # upstream's uid, kept in the front matter
                uid = read_meta(page.text).get("uid")
                if isinstance(uid, str) and uid.strip():
                    self.uids.setdefault(uid.strip(), page.id.path)

    def lang(self, default: str | None) -> str:
        """The labels' language: the import's target language."""
        return default or (self.langs.most_common(1)[0][0] if self.langs else "und")


class _Resolver:
    """Turns the repository's tables of contents into trees of navigation entries (page paths
    relative to the output folder), each table read and resolved once."""

    def __init__(
        self, repo: Publication, texts: Mapping[str, str], available: Collection[str], uids: Mapping[str, str]
    ) -> None:
        self.repo = repo
        self.texts = texts
        self.available = available
        self.uids = uids
        self.tocs = {toc.lower(): toc for toc in repo.tocs}
        self.read: dict[str, tuple[TocItem, ...]] = {}
        self.resolved: dict[str, tuple[Entry, ...]] = {}
        self.diags: list[Diagnostic] = []
        self.bases = sorted((s for s in repo.sets if s.base_url), key=lambda s: -len(s.base_url or ""))

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
        found: set[str] = set()

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
            return _Target(url=href)
        if href.startswith("//"):
            return _Target(url="https:" + href)
        if href.startswith("/"):
            return self.absolute(href)
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
        if source is None:
            return _Target(problem=f"{href!r} is not in the repository")
        page = self.repo.pages.get(source)
        if page is None:
            return _Target(problem=f"{href!r} is not a published page")
        if page not in self.available:
            return _Target(problem=f"{href!r} was not imported")
        return _Target(page=page)

    def uid(self, uid: str) -> _Target:
        page = self.uids.get(uid.strip())
        if page is None:
            return _Target(problem=f"no imported page has the uid {uid.strip()!r}")
        return _Target(page=page)

    def absolute(self, href: str) -> _Target:
        """An address on the documentation site: a page of an imported set, else that site."""
        path = unquote(href.split("#", 1)[0].split("?", 1)[0])
        for docset in self.bases:
            base = (docset.base_url or "").lower()
            if not (path.lower() + "/").startswith(base) and path.lower() != base.rstrip("/"):
                continue
            rest = path[len(base) :].strip("/")
            for candidate in [rest, f"{rest}/{INDEX}"] if rest else [INDEX]:
                if not candidate.lower().endswith((".md", ".yml")):
                    candidate += ".md"
                page = page_path(posixpath.join(docset.folder, candidate))
                if page in self.available:
                    return _Target(page=page)
            break
        return _Target(url=DOCS_SITE + href)

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
        # A table of contents made of one entry for this very page stands for this entry.
        if len(included) == 1 and included[0].items and included[0].page in (None, page):
            page = page or included[0].page
            title = title or included[0].title
            source_title = source_title or included[0].source_title
            included = included[0].items
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


def _folder_of(toc: str) -> str:
    return posixpath.dirname(toc)


def _within(rel: str, folder: str) -> bool:
    return not folder or rel.lower().startswith(folder.lower() + "/")


def _attach(
    entries: tuple[Entry, ...], pages: Collection[str], index: str | None, under: tuple[Entry, ...]
) -> tuple[Entry, ...] | None:
    """`entries` with `under` as the children of the first entry whose page is `index`, else of the
    first whose page is one of `pages`; None when no entry links such a page."""
    for wanted in ([index] if index else []), pages:
        path = _find(entries, wanted)
        if path is not None:
            return _graft(entries, path, under)
    return None


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
        if len(under) == 1 and under[0].items and under[0].page in (None, entry.page):
            under = under[0].items
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
    page = posixpath.relpath(entry.page, folder or ".") if entry.page is not None else None
    return replace(entry, page=page, items=tuple(_relative(e, folder) for e in entry.items))


def navigation(
    repo: Publication,
    texts: Mapping[str, str],
    published: Collection[str],
    uids: Mapping[str, str],
    lang: str,
) -> tuple[list[NavFile], list[Diagnostic]]:
    """The navigation files of an import: `texts` gives the tables of contents' text, `published`
    the page paths the import produced (entries are made for them only), `uids` their uids, `lang`
    the language of the labels."""
    resolver = _Resolver(repo, texts, published, uids)
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
        sources = sorted({s for toc in tree.tocs for s in (toc, *resolver.closure(toc))})
        nav = NavFile(
            folder=folder,
            lang=lang,
            root=_relative(_root(tree, folder, published, repo, texts), folder),
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
    pages = {p for src, p in repo.pages.items() if _within(src, folder)}
    index = next(
        (
            p
            for src, p in repo.pages.items()
            if _within(src, folder) and src.count("/") == toc.count("/") and posixpath.basename(p) == INDEX
        ),
        None,
    )
    attached = _attach(entries, pages, index, under)
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
