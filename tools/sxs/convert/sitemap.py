"""Stage 1c: the addresses the documentation site gave the imported pages, read before any article.

Articles link to each other as the documentation site served them, not only by relative paths:

- absolute paths on that site, `/windows/mixed-reality/develop/overview` (any case, with or
  without `.md`, `/` at the end for a folder's index, `?view=`/`?tabs=` queries, `#fragments`),
  and the same as full addresses (`https://docs.microsoft.com/en-us/windows/...`);
- cross references by a page's `uid:` (`xref:uid`, `<xref:uid>`, `@uid`, `@"uid"`);
- pages moved or removed upstream, listed in `.openpublishing.redirection.json` at the repository
  root: `source_path` (the repository path of a page that no longer exists) and `redirect_url`
  (a path on the documentation site, a path relative to the old page, or a full address).

A set publishes its pages under its `base_url` (docset.py), so `<base_url><path in the set>` is the
page at `<set folder>/<path in the set>`, in the page path's case and characters (pages/identity.py).
`SiteMap` answers where such an address leads: a page of this import, else the documentation site
(`DOCS_SITE`, the address kept). Redirections are followed, so a link to a moved page reaches
the page it moved to; the import also writes them out (`redirect_map`) for the site's redirect pages.
"""

from __future__ import annotations

import logging
import posixpath
import re
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING
from urllib.parse import unquote, urlsplit

from sxs.diagnostics import Diagnostic, warning
from sxs.pages.identity import page_path

from .parse import PAIR

if TYPE_CHECKING:
    from .docset import Publication

log = logging.getLogger(__name__)

# The documentation site that published the sets: absolute links that name no imported page
# point there, with their path kept (it serves every path in the reader's language).
DOCS_SITE = "https://learn.microsoft.com"
# Its hosts, old and new: full addresses on them are absolute paths on that site.
DOCS_HOSTS = frozenset({"docs.microsoft.com", "learn.microsoft.com", "review.docs.microsoft.com"})
REDIRECTIONS = ".openpublishing.redirection.json"
LOCALE_PREFIX = re.compile(r"^/[a-z]{2}-[a-z]{2,4}(?=/|$)", re.I)
PAGE_SUFFIX = re.compile(r"\.(?:md|yml)$", re.I)
MAX_HOPS = 10  # redirections followed from one address (chains are short; cycles stop here)
FRONT_LINE = re.compile(r"^(?P<key>uid|title):[ \t]*(?P<value>.*?)[ \t]*$")
H1 = re.compile(r"^#[ \t]+(?P<text>.+)$", re.M)
TAGS = re.compile(r"<[^>]+>")


@dataclass(frozen=True)
class Target:
    """Where an address leads: `page` (a page path of this import) plus `fragment`, or `url`."""

    page: str | None = None
    url: str | None = None
    fragment: str = ""  # "#id" or ""


@dataclass(frozen=True)
class Moved:
    """One redirection: the page that was at `old` is now at `to` (as written upstream)."""

    source: str  # repository path of the old page
    old: str  # the page path it would have had
    to: str  # redirect_url
    line: int  # where it is written in the redirection file


@dataclass(frozen=True)
class XrefTarget:
    """A page with a `uid:`, and its title in the translation and in English."""

    page: str
    title: str
    english_title: str


@dataclass(frozen=True)
class SiteMap:
    """Addresses of the imported pages on the documentation site (see the module docstring)."""

    bases: tuple[
        tuple[str, str, str], ...
    ] = ()  # (base_url lower-cased, set root, set folder), longest first
    pages: frozenset[str] = frozenset()  # every page path of the import
    moved: Mapping[str, Moved] = field(default_factory=dict)  # old page path -> redirection
    uids: Mapping[str, XrefTarget] = field(default_factory=dict)
    redirections_file: str = ""  # path of the redirection file, for messages

    def at(self, address: str) -> Target | None:
        """The page an absolute path (or full address) on the documentation site names, if imported."""
        return self._at(address, MAX_HOPS)

    def _at(self, address: str, hops: int) -> Target | None:
        parts = urlsplit(address)
        if parts.scheme or parts.netloc:
            if parts.scheme.lower() not in ("http", "https") or parts.netloc.lower() not in DOCS_HOSTS:
                return None
        path = LOCALE_PREFIX.sub("", unquote(parts.path))
        fragment = f"#{parts.fragment}" if parts.fragment else ""
        lowered = path.lower()
        for base, _root, folder in self.bases:
            if lowered + "/" == base:
                rest = ""
            elif lowered.startswith(base):
                rest = path[len(base) :]
            else:
                continue
            target = self._in_set(folder, rest, fragment, hops)
            if target is not None:
                return target
        return None

    def _in_set(self, folder: str, rest: str, fragment: str, hops: int) -> Target | None:
        rest = PAGE_SUFFIX.sub("", rest)
        names = [rest + "index"] if rest in ("", "/") or rest.endswith("/") else [rest, rest + "/index"]
        for name in names:
            page = page_path(posixpath.join(folder, name) if folder else name)
            found = self.page(page, fragment, hops)
            if found is not None:
                return found
        return None

    def page(self, page: str, fragment: str = "", hops: int = MAX_HOPS) -> Target | None:
        """A page path of this import, or where the page that was there moved to."""
        if page in self.pages:
            return Target(page=page, fragment=fragment)
        moved = self.moved.get(page)
        if moved is None or hops <= 0:
            return None
        return self._follow(moved, fragment, hops - 1)

    def _follow(self, moved: Moved, fragment: str, hops: int) -> Target:
        """Where a redirection leads; the link's own fragment wins over the redirection's."""
        to = moved.to.strip()
        parts = urlsplit(to)
        fragment = fragment or (f"#{parts.fragment}" if parts.fragment else "")
        if parts.scheme or parts.netloc or to.startswith("/"):
            found = self._at(to, hops)
            if found is not None and found.page is not None:
                return Target(page=found.page, fragment=fragment or found.fragment)
            if found is not None:
                return found  # a chain that leaves the site
            url = to if parts.scheme or parts.netloc else DOCS_SITE + to
            return Target(url=url.split("#", 1)[0] + fragment)
        # Relative to the old page's folder, as the documentation site resolved it.
        folder = posixpath.dirname(moved.old)
        new = page_path(posixpath.normpath(posixpath.join(folder, PAGE_SUFFIX.sub("", unquote(parts.path)))))
        found = self.page(new, fragment, hops)
        if found is not None:
            return found
        published = self.published(new)
        return Target(url=(published or DOCS_SITE + "/" + new) + fragment)

    def published(self, page: str) -> str | None:
        """The documentation site's address of a page path (imported or not), when its set's is known."""
        for base, _root, folder in self.bases:
            if not folder:
                rest = page
            elif page == folder or page.startswith(folder + "/"):
                rest = page[len(folder) + 1 :]
            else:
                continue
            if rest == "index" or rest.endswith("/index"):
                rest = rest[: -len("index")]
            return DOCS_SITE + base + rest
        return None

    def redirect_map(self) -> tuple[dict[str, str], list[Diagnostic]]:
        """Old page path -> the page it leads to (`<page path>#fragment`) or a full address."""
        out: dict[str, str] = {}
        diags: list[Diagnostic] = []
        for old, moved in sorted(self.moved.items()):
            if old in self.pages:
                diags.append(
                    warning(
                        self.redirections_file,
                        moved.line,
                        1,
                        f"redirection of {moved.source!r}, which is still a page; the page is kept",
                    )
                )
                continue
            target = self._follow(moved, "", MAX_HOPS)
            if target.page == old:
                continue
            out[old] = (target.page + target.fragment) if target.page is not None else str(target.url)
        return out, diags


def site_map(repo: Publication) -> tuple[SiteMap, list[Diagnostic]]:
    """Read what the addresses need: the sets' bases, the pages' uids and the redirections."""
    bases = sorted(
        (
            (docset.base_url.lower(), docset.root, docset.folder)
            for docset in repo.sets
            if docset.base_url is not None
        ),
        key=lambda b: -len(b[0]),
    )
    moved, diags = _redirections(repo)
    uids, uid_diags = _uids(repo)
    site = SiteMap(
        bases=tuple(bases),
        pages=frozenset(repo.pages.values()),
        moved=moved,
        uids=uids,
        redirections_file=str(repo.root / REDIRECTIONS),
    )
    return site, diags + uid_diags


def _redirections(repo: Publication) -> tuple[dict[str, Moved], list[Diagnostic]]:
    from .docset import _read_json  # DocFX's JSON allows comments

    path = repo.root / REDIRECTIONS
    if not path.is_file():
        return {}, []
    data, problem = _read_json(path)
    if problem is not None:
        return {}, [problem]
    entries = data.get("redirections") if isinstance(data, dict) else None
    display = str(path)
    if not isinstance(entries, list):
        return {}, [warning(display, 1, 1, "no 'redirections' list; no redirection read")]
    text = path.read_text(encoding="utf-8-sig")
    moved: dict[str, Moved] = {}
    diags: list[Diagnostic] = []
    for entry in entries:
        source = entry.get("source_path") if isinstance(entry, dict) else None
        to = entry.get("redirect_url") if isinstance(entry, dict) else None
        line = _line_of(text, source) if isinstance(source, str) else 1
        if not isinstance(source, str) or not isinstance(to, str) or not to.strip():
            diags.append(
                warning(display, line, 1, f"redirection without source_path or redirect_url: {entry!r}")
            )
            continue
        rel = posixpath.normpath(source.replace("\\", "/").lstrip("/"))
        old = _old_page(repo, rel)
        if old is None:
            diags.append(warning(display, line, 1, f"redirection of {source!r}, which no set publishes"))
            continue
        moved.setdefault(old, Moved(rel, old, to, line))
    return moved, diags


def _old_page(repo: Publication, rel: str) -> str | None:
    """The page path a source that no longer exists would have had."""
    docset = repo.set_of(rel)
    placed = docset.place(rel) if docset is not None else rel
    if placed is None:
        return None
    return page_path(placed) or None


def _line_of(text: str, value: str) -> int:
    at = text.find(f'"{value}"')
    return text.count("\n", 0, at) + 1 if at >= 0 else 1


def _uids(repo: Publication) -> tuple[dict[str, XrefTarget], list[Diagnostic]]:
    """Every page's `uid:` (front matter of Markdown pages, top-level key of YAML pages)."""
    uids: dict[str, XrefTarget] = {}
    diags: list[Diagnostic] = []
    for rel, page in sorted(repo.pages.items()):
        found = _uid_of(repo.root / rel)
        if found is None:
            continue
        uid, title, english = found
        other = uids.get(uid)
        if other is not None:
            diags.append(
                warning(
                    str(repo.root / rel), 1, 1, f"uid {uid!r} is also the uid of {other.page!r}; not used"
                )
            )
            continue
        uids[uid] = XrefTarget(page, title or posixpath.basename(page), english or title or page)
    return uids, diags


def _uid_of(path: Path) -> tuple[str, str, str] | None:
    """(uid, title, English title) of a page that has a uid; the file is read only that far."""
    try:
        head = _head(path)
    except (OSError, UnicodeDecodeError):
        return None  # the page's own conversion reports it
    meta = dict(_front_keys(head))
    uid = meta.get("uid")
    if not uid:
        return None
    title = meta.get("title", "")
    english = ""
    pair = PAIR.search(title)
    if pair is not None:  # a front matter machine-tagged as a pair
        title, english = _plain(pair["target"]), _plain(pair["source"])
    elif path.suffix.lower() == ".md":
        h1 = H1.search(path.read_text(encoding="utf-8-sig"))
        pair = PAIR.search(h1["text"]) if h1 else None
        if pair is not None:
            title, english = _plain(pair["target"]), _plain(pair["source"])
    return uid, _plain(title), english


def _head(path: Path) -> list[str]:
    """The front matter lines of a Markdown page, or the first lines of a YAML page."""
    lines: list[str] = []
    with path.open(encoding="utf-8-sig") as fh:
        yaml_page = path.suffix.lower() == ".yml"
        for number, line in enumerate(fh):
            line = line.rstrip("\r\n")
            if not yaml_page and number == 0:
                if line.strip() != "---":
                    return []
                continue
            if not yaml_page and line.strip() == "---":
                break
            if yaml_page and number > 200:
                break
            lines.append(line)
    return lines


def _front_keys(lines: list[str]) -> Iterator[tuple[str, str]]:
    for line in lines:
        m = FRONT_LINE.match(line)
        if m is not None:
            yield m["key"], _scalar(m["value"])


def _scalar(value: str) -> str:
    if len(value) >= 2 and value[0] == value[-1] and value[0] in "\"'":
        return value[1:-1]
    return value


def _plain(text: str) -> str:
    return " ".join(TAGS.sub("", text).split())
