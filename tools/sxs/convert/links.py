"""Where a link of an article leads on the generated site (inline.py rewrites the Markdown around it).

- A relative link or image resolves from the file that holds it (an include fragment's links from
  the fragment), whatever its case: to the page (`<page path>.md`, relative to the page being
  written, so static-i18n serves the reader's language), or to the file, copied where docset.py
  places it (an asset).
- `~/path` is DocFX's root of the set; `/path` an absolute path on the documentation site, and so
  is a full address on it: both lead to the imported page they name (sitemap.py), else to
  `DOCS_SITE` with the path kept. Queries (`?view=`, `?tabs=`) mean nothing here and are dropped
  from links to pages; fragments are kept.
- A link to a page that moved upstream (`.openpublishing.redirection.json`) leads where it moved.
- A page or file the repository does not have leads to its address on the documentation site
  when its set's address is known; else only the link's text is kept. An image is shown only when
  it is a file of this site: otherwise its alt text links to it (nothing is loaded from another host).
- `xref:uid`, `<xref:uid>`, `@uid` and `@"uid"` lead to the page whose front matter has that
  `uid:`; an autolink shows that page's title, in each page's language (`fill_titles`).

Every link that loses its target is reported as a warning at its position.
"""

from __future__ import annotations

import posixpath
import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Literal
from urllib.parse import quote, unquote, urlsplit

from sxs.diagnostics import Diagnostic, warning
from sxs.pages.identity import page_path, relative

from .docset import DocSet, Publication
from .model import CLOSE, OPEN, Asset, Segment, placeholder
from .sitemap import DOCS_HOSTS, DOCS_SITE, PAGE_SUFFIX, Target, XrefTarget

# What a URL is written for: a link, an image (shown, or else its alt text linking to it), or an
# image inside a link's text (else its alt text alone: a link cannot hold another).
Kind = Literal["link", "image", "image in a link"]
SCHEME = re.compile(r"([A-Za-z][A-Za-z0-9+.-]*):")
PAGE_EXTENSIONS = (".md", ".yml")
# A cross reference's title, filled in each language once the page's text is laid out.
TITLE = re.compile(re.escape(OPEN) + r"T:([^" + re.escape(CLOSE) + r"]*)" + re.escape(CLOSE))
MARKDOWN_SPECIAL = re.compile(r"([\\`*_\[\]<>])")


@dataclass
class LinkContext:
    """What inline rewriting needs to know about the repository being imported."""

    display: str  # path for messages
    rel: str  # POSIX path of the article (or include) relative to the source root: links start there
    repo: Publication
    page: str  # the path of the page being written (pages/identity.py): links are made relative to it
    assets: dict[str, Asset] = field(default_factory=dict)
    diags: list[Diagnostic] = field(default_factory=list)

    def warn(self, line: int, col: int, message: str) -> None:
        self.diags.append(warning(self.display, line, col, message))


@dataclass(frozen=True)
class Resolved:
    """A link's new target: `url`, or None when there is nothing to link to (its text stays)."""

    url: str | None
    local: bool = False  # a page or file of this site: an image there can be shown


def resolve(url: str, ctx: LinkContext, line: int, col: int, kind: Kind = "link") -> Resolved:
    """Where the link (or image) `url`, written in the file `ctx.rel`, leads; see the module docstring."""
    if not url or url.startswith("#"):
        return Resolved(url, local=True)
    if url.lower().startswith("xref:"):
        return _xref_link(url[5:], ctx, line, col)
    if url.startswith("//"):
        return _elsewhere(url, ctx, line, col, kind)
    if url.startswith("/") or (SCHEME.match(url) and urlsplit(url).netloc.lower() in DOCS_HOSTS):
        found = ctx.repo.site.at(url)
        if found is not None:
            return _to_target(found, ctx)
        return _elsewhere(DOCS_SITE + url if url.startswith("/") else url, ctx, line, col, kind)
    if SCHEME.match(url):
        return _elsewhere(url, ctx, line, col, kind)
    path, sep, fragment = url.partition("#")
    path, _, query = path.partition("?")
    if path.startswith("~/"):  # DocFX: the root of the set the file belongs to
        docset = ctx.repo.set_of(ctx.rel)
        start = docset.root if docset is not None else ""
        path = path[2:]
    else:
        start = posixpath.dirname(ctx.rel)
    if not path:
        return Resolved(url, local=True)
    target = posixpath.normpath(posixpath.join(start, unquote(path)))
    if target == ".." or target.startswith("../"):
        ctx.warn(line, col, f"link target {url!r} is outside the imported folder; kept as written")
        return Resolved(url)
    return _in_repository(target, url, sep + fragment, query, ctx, line, col, kind)


def _in_repository(
    target: str, url: str, fragment: str, query: str, ctx: LinkContext, line: int, col: int, kind: Kind
) -> Resolved:
    repo = ctx.repo
    found = repo.files.get(target.lower())
    if target.lower().endswith(PAGE_EXTENSIONS):
        page = repo.pages.get(found or target)
        if page is not None:
            return Resolved(relative(f"{page}.md", ctx.page) + fragment, local=True)
        docset = repo.set_of(target)
        placed = docset.place(target) if docset is not None else target
        moved = repo.site.page(page_path(placed), fragment) if placed else None
        if moved is not None:
            return _to_target(moved, ctx)
        published = _published(docset, target, page=True)
        if published is not None:
            ctx.warn(
                line,
                col,
                f"link to {url!r}: no such page in the repository; it leads to the documentation site",
            )
            return Resolved(published + fragment)
        ctx.warn(
            line, col, f"link to {url!r}: no such page in the repository; its text is kept, without the link"
        )
        return Resolved(None)
    if found is not None:
        dest = repo.asset_place(found)
        ctx.assets.setdefault(found, Asset(source=repo.root / found, dest_rel=dest))
        tail = (f"?{query}" if query else "") + fragment
        return Resolved(relative(dest, ctx.page).replace(" ", "%20") + tail, local=True)
    what = "link to" if kind == "link" else "image"
    published = _published(repo.set_of(target), target, page=False)
    if published is not None and kind != "image in a link":
        instead = "it leads to the documentation site" if kind == "link" else IMAGE_LINKED
        ctx.warn(line, col, f"{what} {url!r}: not in the repository; {instead}")
        return Resolved(published + fragment)
    instead = "its text is kept, without the link" if kind == "link" else IMAGE_TEXT
    ctx.warn(line, col, f"{what} {url!r}: not in the repository; {instead}")
    return Resolved(None)


IMAGE_LINKED = "its alt text links to it on the documentation site"
IMAGE_TEXT = "its alt text is shown instead"


def _elsewhere(url: str, ctx: LinkContext, line: int, col: int, kind: Kind) -> Resolved:
    if kind == "image":
        ctx.warn(line, col, f"image {url!r} is on another site; its alt text links to it")
    elif kind == "image in a link":
        ctx.warn(line, col, f"image {url!r} is on another site; {IMAGE_TEXT}")
        return Resolved(None)
    return Resolved(url)


def _to_target(target: Target, ctx: LinkContext) -> Resolved:
    if target.page is not None:
        return Resolved(relative(f"{target.page}.md", ctx.page) + target.fragment, local=True)
    return Resolved(target.url)


def _published(docset: DocSet | None, rel: str, page: bool) -> str | None:
    """The documentation site's address of a repository file, when its set's address is known."""
    if docset is None or docset.base_url is None:
        return None
    inner = rel[len(docset.root) + 1 :] if docset.root else rel
    for group in docset.content if page else docset.resources:
        placed = group.place(inner)
        if placed is not None:
            inner = placed
            break
    if page:
        inner = page_path(PAGE_SUFFIX.sub("", inner))
        inner = "" if inner == "index" else inner.removesuffix("/index")
    return DOCS_SITE + docset.base_url + quote(inner)


def xref(uid_spec: str, ctx: LinkContext) -> tuple[XrefTarget, str] | None:
    """The page a cross reference names (`uid`, `uid#fragment`, `uid?displayProperty=...`), and its
    link from the page being written; None when no page has that uid."""
    uid, _, fragment = uid_spec.partition("#")
    uid = unquote(uid.split("?", 1)[0]).strip()
    if len(uid) >= 2 and uid[0] == uid[-1] and uid[0] in "\"'":
        uid = uid[1:-1]
    uids = ctx.repo.site.uids
    target = uids.get(uid) or next((t for k, t in uids.items() if k.lower() == uid.lower()), None)
    if target is None:
        return None
    return target, relative(f"{target.page}.md", ctx.page) + (f"#{fragment}" if fragment else "")


def reported_xref(
    uid_spec: str, written: str, kept: str, ctx: LinkContext, line: int, col: int
) -> tuple[XrefTarget, str] | None:
    """`xref()`, saying so when no page has the uid (`written`: the reference as the text has it;
    `kept`: what is shown instead)."""
    found = xref(uid_spec, ctx)
    if found is None:
        ctx.warn(line, col, f"cross reference {written} names no page of the repository; {kept}")
    return found


def _xref_link(uid_spec: str, ctx: LinkContext, line: int, col: int) -> Resolved:
    found = reported_xref(uid_spec, f"xref:{uid_of(uid_spec)}", "its text is kept", ctx, line, col)
    return Resolved(None) if found is None else Resolved(found[1], local=True)


def uid_of(uid_spec: str) -> str:
    """The uid a cross reference names, as written (for the text of an unresolved one)."""
    uid = uid_spec.split("#", 1)[0].split("?", 1)[0].strip()
    return uid[1:-1] if len(uid) >= 2 and uid[0] == uid[-1] and uid[0] in "\"'" else uid


def title_of(uid: str) -> str:
    """A placeholder for the title of the page with `uid`, filled in each language by fill_titles."""
    return f"{OPEN}T:{uid}{CLOSE}"


def escape(text: str) -> str:
    """Text that Markdown shows as it is."""
    return MARKDOWN_SPECIAL.sub(r"\\\1", text)


def fill_titles(lines: list[str], segments: list[Segment], uids: Mapping[str, XrefTarget]) -> None:
    """Put each cross reference's page title in its language: in a pair's text, that side's
    title; in text both pages share, a new segment holding the title in each language."""

    def titles(uid: str) -> tuple[str, str]:
        found = uids.get(uid) or next((t for k, t in uids.items() if k.lower() == uid.lower()), None)
        if found is None:
            return uid, uid
        return escape(found.title), escape(found.english_title)

    for i, seg in enumerate(segments):
        if OPEN + "T:" in seg.target or OPEN + "T:" in seg.source:
            segments[i] = Segment(
                seg.ident,
                TITLE.sub(lambda m: titles(m.group(1))[0], seg.target),
                TITLE.sub(lambda m: titles(m.group(1))[1], seg.source),
                seg.line,
                seg.col,
            )

    def shared(m: re.Match[str]) -> str:
        target, source = titles(m.group(1))
        segments.append(Segment(f"xref:{m.group(1)}", target, source, 0, 0))
        return placeholder(len(segments) - 1)

    for i, text in enumerate(lines):
        if OPEN + "T:" in text:
            lines[i] = TITLE.sub(shared, text)
