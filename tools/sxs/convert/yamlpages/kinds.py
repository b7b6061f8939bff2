"""What each type of YAML page shows, in Material's idiom (grids of cards, headings, blocks).

The documentation site rendered each `YamlMime` type with a template of its own; these are their
equivalents, in the order that site showed the parts:

- Landing: title, summary, then one card per `landingContent` entry (its title, then each link
  list under its type's label: Get started, Concept...).
- Hub: title, summary; `highlightedContent` as cards (type label, link); `productDirectory`,
  `conceptualContent` and `tools` as a heading, a summary and cards (icon, title, summary,
  links, a footer link); `additionalContent` sections likewise, and its Markdown footer.
- FAQ: title, summary, then each section (its name as a heading, unless it is the only one,
  which the site did not show) with its questions as headings over their Markdown answers, and
  `additionalContent` (Markdown) last.
- Any other type, and any key a type does not know: shown as nested lists of its values
  (`show_values`), with a warning naming it.

A key nothing reads is reported (yaml_tree.unread); keys that only chose an icon (a link's
`itemType` in a card, an item's `imageType`) are read and dropped on purpose; the page's
settings (`SETTINGS`, `ms.*` keys, flags) go to its front matter.
"""

from __future__ import annotations

from collections.abc import Callable

from .body import Body, escape
from .tree import Mapping, Node, Scalar, Sequence

# Keys of a page that are not content: kept in the front matter (yamlpages/__init__.py), never shown.
SETTINGS = ("metadata", "brand", "documentType")


def title_and_summary(page: Mapping, body: Body, title: Scalar, *, markdown_summary: bool) -> None:
    page.get("title")
    body.heading(1, title)
    summary = page.text("summary")  # marks it read, empty or not
    if summary is not None:
        body.block(summary, markdown=markdown_summary)


def landing(page: Mapping, body: Body, title: Scalar) -> None:
    title_and_summary(page, body, title, markdown_summary=False)
    entries = page.mappings("landingContent")
    if not entries:
        return
    with body.cards(entries[0].line):
        for entry in entries:
            with body.card(entry.line):
                heading = entry.text("title")
                if heading is not None:
                    body.heading(2, heading)
                for links in entry.mappings("linkLists"):
                    kind = links.text("linkListType")
                    if kind is not None:
                        body.line(f"**{body.label(kind)}**", kind.line)
                    link_list(links, body)


def link_list(entry: Mapping, body: Body) -> None:
    """`links:` as a Markdown list of links."""
    links = entry.mappings("links")
    if not links:
        return
    body.gap(links[0].line)
    for link in links:
        link.take("itemType")  # an icon beside the link
        body.add("- " + body.link(link.text("text"), link.text("url")), link.line)
    body.add("", links[-1].line)


def hub(page: Mapping, body: Body, title: Scalar) -> None:
    title_and_summary(page, body, title, markdown_summary=False)
    highlighted = page.mapping("highlightedContent")
    if highlighted is not None:
        items = highlighted.mappings("items")
        if items:
            with body.cards(items[0].line):
                for item in items:
                    with body.card(item.line):
                        kind = item.text("itemType")
                        if kind is not None:
                            body.line(f"**{body.label(kind)}**", kind.line)
                        body.line(body.link(item.text("title"), item.text("url")), item.line)
    for key in ("productDirectory", "conceptualContent", "tools"):
        section = page.mapping(key)
        if section is not None:
            card_section(section, body)
    additional = page.mapping("additionalContent")
    if additional is not None:
        for section in additional.mappings("sections"):
            card_section(section, body)
        footer = additional.text("footer")
        if footer is not None:
            body.block(footer)


def card_section(section: Mapping, body: Body) -> None:
    """A heading, a summary and a grid of cards: the shape of every part of a Hub page."""
    heading = section.text("title")
    if heading is not None:
        body.heading(2, heading)
    summary = section.text("summary")
    if summary is not None:
        body.block(summary, markdown=False)
    items = section.mappings("items")
    if not items:
        return
    with body.cards(items[0].line):
        for item in items:
            with body.card(item.line):
                card(item, body)


def card(item: Mapping, body: Body) -> None:
    """An icon, a title (a link when the card has one address), a summary, links, a footer link."""
    icon = item.text("imageSrc")
    shown = body.image(icon) if icon is not None else None
    if shown is not None:
        body.line(shown, icon.line if icon is not None else item.line)
    item.take("imageType")
    title = item.text("title")
    url = item.text("url")
    if title is not None or url is not None:
        body.line(body.link(title, url, lambda t: f"**{t}**"), item.line)
    summary = item.text("summary")
    if summary is not None:
        body.block(summary, markdown=False)
    link_list(item, body)
    footer = item.mapping("footerLink")
    if footer is not None:
        body.line(body.link(footer.text("text"), footer.text("url")), footer.line)


def faq(page: Mapping, body: Body, title: Scalar) -> None:
    title_and_summary(page, body, title, markdown_summary=True)
    sections = page.mappings("sections")
    level = 2 if len(sections) == 1 else 3
    for section in sections:
        name = section.text("name")
        if len(sections) > 1 and name is not None:
            body.heading(2, name)
        for entry in section.mappings("questions"):
            question = entry.text("question")
            if question is not None:
                body.heading(level, question)
            answer = entry.text("answer")
            if answer is not None:
                body.block(answer)
    additional = page.text("additionalContent")
    if additional is not None:
        body.block(additional)


def generic(page: Mapping, body: Body, title: Scalar) -> None:
    title_and_summary(page, body, title, markdown_summary=True)
    rest = [key for key in page.items if key not in page.used and key not in SETTINGS]
    show_values(page, rest, body)


def show_values(page: Mapping, keys: list[str], body: Body) -> None:
    """Keys no template knows, as nested lists of their values, in the target language."""
    if not keys:
        return
    at = page.items[keys[0]].line
    lines: list[tuple[str, int]] = []
    for key in keys:
        page.take(key)
        _values(key, page.items[key], "", lines)
    with body.wrapped(f'<div lang="{body.lang}" markdown>', at):
        for line, n in lines:
            body.add(line, n)


NAMES = ("title", "name", "text")  # what names a mapping in a list, the first found


def _values(key: str | None, node: Node, indent: str, out: list[tuple[str, int]]) -> None:
    """One list item per value: a mapping is named by its title, name or text (a link when it has a
    `url`), its other keys under it."""
    item = f"{indent}- `{key}`:" if key is not None else f"{indent}-"
    if isinstance(node, Scalar):
        out.append((f"{item} {escape(node.text)}", node.line))
        return
    children: list[tuple[str | None, Node]]
    if isinstance(node, Sequence):
        out.append((item, node.line))
        children = [(None, child) for child in node.items]
    else:
        name = next((k for k in NAMES if isinstance(node.items.get(k), Scalar)), None)
        named = node.items[name] if name is not None else None
        url = node.items.get("url")
        if isinstance(url, Scalar):
            shown = escape(named.text if isinstance(named, Scalar) else url.text)
            out.append((f"{item} [{shown}](<{url.text.strip()}>)", node.line))
        elif isinstance(named, Scalar):
            out.append((f"{item} {escape(named.text)}", node.line))
        else:
            out.append((item, node.line))
        shown_keys = {name, "url" if isinstance(url, Scalar) else None}
        children = [(k, v) for k, v in node.items.items() if k not in shown_keys]
    for child_key, child in children:
        _values(child_key, child, indent + "    ", out)


Template = Callable[[Mapping, Body, Scalar], None]
KINDS: dict[str, Template] = {"Landing": landing, "Hub": hub, "FAQ": faq}
