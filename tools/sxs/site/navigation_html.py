"""The navigation's HTML: Material's markup, rendered in Python and without its white space.

Rendering. Material's nav-item.html macros rendered each page's navigation item by item in Jinja:
a fifth of a build of the four shared repositories (8,000 pages, tables of contents of up to 1,700
entries). `NavigationItems` writes the same markup in Python, for the options this site uses
(`navigation.indexes`, `navigation.prune`); overrides/partials/nav.html puts it between Material's
own head of the sidebar and end, with Material's partials/toc.html where the page's own headings go.
For what it does not cover (`navigation.tabs`, `.sections` or `.expand`, icons, a nav item of a
plugin's own kind) it gives None and the template renders Material's macros as they are.
tests/site/test_navigation_html.py builds sites both ways and compares every page byte for byte.

Squeezing. Material's nav partials indent every item over many lines: on a page of a large table
of contents more than half of the navigation's bytes were blanks (26 of 49 KB on mixed reality).
Between tags they mean nothing, and inside the items' labels a run of them reads as one space,
so both go, in both sidebars (the navigation, and the page's own table of contents: toc_html.py);
they hold no `<pre>` or `<textarea>` where they would count. The Python rendering writes one space
where Material's templates have a run of them, and is squeezed alike.
"""

from __future__ import annotations

import json
import posixpath
import re
from dataclasses import dataclass, field
from typing import Any

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.nav import Link, Section
from mkdocs.structure.pages import Page
from mkdocs.utils import normalize_url

from .toc_html import table_of_contents, title_html

START = '<div class="md-sidebar md-sidebar--primary"'
END = '<div class="md-content"'  # after the secondary sidebar, the page's table of contents
BETWEEN_TAGS = re.compile(r">\s+<")
RUN = re.compile(r"\s{2,}")
# Material options that change the markup of the navigation's items beyond what is rendered here.
NOT_RENDERED = frozenset({"navigation.tabs", "navigation.sections", "navigation.expand"})
ICON = '<span class="md-nav__icon md-icon"></span>'


def squeezed(html: str) -> str:
    """The page with its sidebars' blanks squeezed out."""
    start = html.find(START)
    end = html.find(END, start)
    if start < 0 or end < 0:
        return html
    nav = RUN.sub(" ", BETWEEN_TAGS.sub("><", html[start:end]))
    return html[:start] + nav + html[end:]


class NotRendered(Exception):
    """Something of the navigation Material's macros must render themselves."""


@dataclass(frozen=True)
class Items:
    """The navigation's list items: `before` the page's own headings (partials/toc.html, when
    `toc`), and `after` them."""

    before: str
    toc: bool
    after: str


SITE_PATH = re.compile(r"(?:[^./:#?\\][^/:#?\\]*/)*[^./:#?\\][^/:#?\\]*/?")
"""A path under the site's root as MkDocs writes a page's URL (`articles/a/`): no scheme, query,
fragment, empty, `.` or `..` part, for which `normalize_url` is a plain relative path."""


@dataclass
class _Rendering:
    """One page's navigation being rendered: the page, its `base_url` (Material's), the HTML so far."""

    page: Any
    base_url: str
    out: list[str] = field(default_factory=list)
    folder: list[str] | None = field(init=False)  # the page's folder, part by part (None: no page)
    targets: list[list[str] | None] | None = (
        None  # while an item is recorded: its links' paths (None: no site path)
    )

    def __post_init__(self) -> None:
        if self.page is None:  # a template of its own, such as 404.html
            self.folder = None
            return
        # as mkdocs.utils.get_relative_url takes it: without a last part with a dot (a file name)
        head, _, last = str(self.page.url).rpartition("/")
        folder = posixpath.normpath("/" + (head if "." in last else str(self.page.url)))
        self.folder = [part for part in folder.split("/") if part]

    def url(self, url: str) -> str:
        """What Material's `url` filter gives (mkdocs.utils.normalize_url), for a page's or section's
        link: 40 a page, a quarter of the navigation's time when asked of MkDocs."""
        url, folder = str(url), self.folder
        if folder is None or not SITE_PATH.fullmatch(url):
            if self.targets is not None:
                self.targets.append(None)
            return normalize_url(url, page=self.page, base=self.base_url)
        parts = url.rstrip("/").split("/")
        if self.targets is not None:
            self.targets.append(parts)
        same = 0
        while same < len(parts) and same < len(folder) and parts[same] == folder[same]:
            same += 1
        relative = "/".join([".."] * (len(folder) - same) + parts[same:]) or "."
        return relative + "/" if url.endswith("/") else relative


@dataclass(frozen=True)
class _Settled:
    """An item off the page's way as rendered for a page, and the paths it links to."""

    html: str
    targets: tuple[list[str] | None, ...]

    def inside(self, folder: list[str]) -> bool:
        """Whether the item's links read otherwise from a page in `folder` than from the pages
        beside it: a link into the page's own folder, or to no site path."""
        return any(target is None or target[: len(folder)] == folder for target in self.targets)


class NavigationItems:
    """Material's partials/nav-item.html `render` macro, for every item of a page's navigation."""

    def __init__(self, features: list[str], extra: dict[str, Any]) -> None:
        self.indexes = "navigation.indexes" in features
        self.prune = "navigation.prune" in features
        self.rendered = not NOT_RENDERED.intersection(features)
        self.status_titles: dict[str, str] = dict(extra.get("status") or {})
        self.settled: dict[tuple[int, str, tuple[str, ...]], _Settled] = {}

    def __call__(self, nav: Any, page: Any, base_url: str) -> Items | None:
        if not self.rendered:
            return None
        at = _Rendering(page, base_url)
        try:
            for number, item in enumerate(nav.items, 1):
                self._item(item, f"__nav_{number}", 1, at)
        except NotRendered:
            return None
        before, hole, after = "".join(at.out).partition(TOC_HOLE)
        return Items(before, bool(hole), after)

    def _item(self, item: Any, path: str, level: int, at: _Rendering) -> None:
        if not isinstance(item, Page | Section | Link) or hasattr(item, "pages"):
            raise NotRendered
        if item.active or at.folder is None or at.targets is not None:
            self._render(item, path, level, at)
            return
        # An item off the page's way reads the same from every page of the same parent folder,
        # links relative to the page and all, unless it links into the page's own folder: such
        # an item is rendered once per parent folder (a navigation's items are mostly these).
        key = (id(item), path, tuple(at.folder[:-1]))
        found = self.settled.get(key)
        if found is not None and not found.inside(at.folder):
            at.out.append(found.html)
            return
        start, at.targets = len(at.out), []
        try:
            self._render(item, path, level, at)
            targets = at.targets
        finally:
            at.targets = None
        settled = _Settled("".join(at.out[start:]), tuple(targets))
        if not settled.inside(at.folder):
            self.settled[key] = settled

    def _render(self, item: Any, path: str, level: int, at: _Rendering) -> None:
        active = item.active
        css = "md-nav__item md-nav__item--active" if active else "md-nav__item"
        if isinstance(item, Section):
            if not item.children:
                raise NotRendered  # an empty section
            self._section(item, item.children, css, path, level, at)
        elif item == at.page:
            toc = at.page.toc
            first = next(iter(toc), None)
            if first is not None and first.level == 1:
                toc = first.children
            content = self._content(item)
            at.out.append(
                f'<li class="{css}"><input class="md-nav__toggle md-toggle" type="checkbox" id="__toc">'
            )
            if toc:
                at.out.append(
                    f'<label class="md-nav__link md-nav__link--active" for="__toc">{content}{ICON}</label>'
                )
            at.out.append(f'<a href="{at.url(item.url)}" class="md-nav__link md-nav__link--active">')
            at.out.append(f"{content}</a>{TOC_HOLE if toc else ''}</li>")
        else:
            at.out.append(
                f'<li class="{css}"><a href="{at.url(item.url)}" class="md-nav__link">'
                f"{self._content(item)}</a></li>"
            )

    def _section(
        self, item: Any, children: list[Any], css: str, path: str, level: int, at: _Rendering
    ) -> None:
        index = next((c for c in children if getattr(c, "is_index", False)), None) if self.indexes else None
        if self.prune and not item.active:
            at.out.append(f'<li class="{css} md-nav__item--pruned md-nav__item--nested">')
            at.out.append(self._pruned(item, item, at))
            at.out.append("</li>")
            return
        out = at.out
        out.append(f'<li class="{css} md-nav__item--nested">')
        checked = "checked" if item.active else ""
        out.append(f'<input class="md-nav__toggle md-toggle " type="checkbox" id="{path}" {checked}>')
        if index is None:
            out.append(
                f'<label class="md-nav__link" for="{path}" id="{path}_label" tabindex="0">'
                f"{self._content(item)}{ICON}</label>"
            )
        else:
            current = "md-nav__link--active" if index == at.page else ""
            out.append(
                f'<div class="md-nav__link md-nav__container"><a href="{at.url(index.url)}" '
                f'class="md-nav__link {current}">{self._content(index, item)}</a>'
            )
            if len(children) > 1:
                out.append(
                    f'<label class="md-nav__link {current}" for="{path}" id="{path}_label" tabindex="0">'
                    f"{ICON}</label>"
                )
            out.append("</div>")
        out.append(
            f'<nav class="md-nav" data-md-level="{level}" aria-labelledby="{path}_label" '
            f'aria-expanded="{json.dumps(item.active)}"><label class="md-nav__title" for="{path}">{ICON} '
            f'{title_html(item)} </label><ul class="md-nav__list" data-md-scrollfix>'
        )
        for number, child in enumerate(children, 1):
            if index is None or child != index:
                self._item(child, f"{path}_{number}", level + 1, at)
        out.append("</ul></nav></li>")

    def _pruned(self, item: Any, ref: Any, at: _Rendering) -> str:
        """A closed section: a link to its first page, however deep, labelled as the section."""
        first = item.children[0] if item.children else None
        if first is not None and getattr(first, "children", None):
            return self._pruned(first, ref, at)
        if first is None or getattr(first, "url", None) is None:
            raise NotRendered
        return (
            f'<a href="{at.url(first.url)}" class="md-nav__link">'
            f"{self._content(ref)}{ICON if item.children else ''}</a>"
        )

    def _content(self, item: Any, ref: Any = None) -> str:
        meta = getattr(item, "meta", None) or {}
        if meta.get("icon"):
            raise NotRendered  # an icon is one of Material's .icons/ templates
        subtitle = f" <br><small>{meta['subtitle']}</small>" if meta.get("subtitle") else ""
        text = f'<span class="md-ellipsis"> {title_html(ref or item)}{subtitle} </span>'
        if meta and getattr(item, "encrypted", None):
            text += self._status("encrypted")
        if meta.get("status"):
            text += self._status(str(meta["status"]))
        return text

    def _status(self, kind: str) -> str:
        title = self.status_titles.get(kind)
        shown = f' title="{title}"' if title else ""
        return f'<span class="md-status md-status--{kind}"{shown}></span>'


# Where the page's own headings go; no navigation label holds it (labels are escaped HTML).
TOC_HOLE = "\x00toc\x00"


class NavigationHtml:
    def __init__(self, options: Any) -> None:
        pass

    def on_env(self, env: Any, config: MkDocsConfig, files: Any) -> None:
        env.globals["sxs_navigation_items"] = NavigationItems(
            list(config.theme["features"] or []), dict(config.extra or {})
        )
        env.globals["sxs_table_of_contents"] = table_of_contents

    def on_post_page(self, output: str, page: Any, config: MkDocsConfig) -> str:
        return squeezed(output)
