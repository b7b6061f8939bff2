"""The page's table of contents: the markup of Material's partials/toc.html and toc-item.html, in
Python and without their blanks.

Material renders each heading of the table of contents by including toc-item.html, twice a page
(the secondary sidebar, and the primary one's copy for small screens), a new template context per
heading: 2 % of a language's build of the four shared repositories (profiled). `table_of_contents`
writes the same markup, with one space where the templates have a run of blanks; both sidebars lose
those anyway (navigation_html.squeezed). overrides/partials/toc.html uses it, and is Material's without
the site's plugin. tests/site/test_navigation_html.py builds pages with Material's partials and
with this, and compares them byte for byte.
"""

from __future__ import annotations

from typing import Any

from markupsafe import Markup, escape


def table_of_contents(toc: Any, title: str) -> str:
    """Material's partials/toc.html for a page's `toc` (MkDocs' TableOfContents) and its `title`."""
    items = list(toc)
    if items and items[0].level == 1:  # the page's title: its headings are its children
        items = list(items[0].children)
    out = [f'<nav class="md-nav md-nav--secondary" aria-label="{escape(title)}">']
    if items:
        out.append(
            f'<label class="md-nav__title" for="__toc"><span class="md-nav__icon md-icon"></span> {title} '
            '</label><ul class="md-nav__list" data-md-component="toc" data-md-scrollfix>'
        )
        _items(items, out)
        out.append("</ul>")
    out.append("</nav>")
    return "".join(out)


def _items(items: Any, out: list[str]) -> None:
    """Material's partials/toc-item.html for each of `items`, and their children's."""
    for item in items:
        out.append(
            f'<li class="md-nav__item"><a href="{item.url}" class="md-nav__link">'
            f'<span class="md-ellipsis"> {title_html(item)} </span></a>'
        )
        if item.children:
            # Jinja's `striptags` then `e`: the label's text, tags out and entities read, escaped again
            label = escape(Markup(str(item.title)).striptags())
            out.append(f'<nav class="md-nav" aria-label="{label}"><ul class="md-nav__list">')
            _items(item.children, out)
            out.append("</ul></nav>")
        out.append("</li>")


def title_html(item: Any) -> str:
    """A navigation item's or heading's title as Material's partials write it: in its typeset form
    when it has one."""
    typeset = getattr(item, "typeset", None)
    if typeset:
        title = typeset["title"] if isinstance(typeset, dict) else typeset.title
        return f'<span class="md-typeset"> {title} </span>'
    return str(item.title)
