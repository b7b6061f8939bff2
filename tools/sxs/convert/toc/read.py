"""Reading DocFX tables of contents (for toc.py): `toc.yml` and `TOC.md`, as trees of entries.

- `toc.yml`: a list of entries, each a mapping: `name` (the label), `href`, `items` (its children),
  `topicHref`, `uid`/`topicUid`, `tocHref` (in breadcrumbs); DocFX's other keys (`displayName`:
  search keywords, `expanded`...) change nothing here. A mapping whose `items` is that list is
  read the same way.
- `TOC.md`: one heading per entry, its level its depth (deeper than Markdown's six: `#######`
  occurs): `## [label](href)` or `## label` (a header with no page); `[label](xref:uid)`,
  `[label](@uid)` and `<xref:uid>` name a page by its uid.
  Blank lines and HTML comments are skipped; any other line is reported and skipped.

Keys are matched whatever their case (`displayname` occurs). Each entry keeps its position, so
every message names the line and column it is about. Bad input gives warnings, never an exception.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

import yaml

from sxs.diagnostics import Diagnostic, warning

_Loader: Any = getattr(yaml, "CSafeLoader", yaml.SafeLoader)

HEADING = re.compile(r"^(?P<hashes>#+)(?:[ \t]+(?P<text>.*?))?[ \t]*$")
CLOSING_HASHES = re.compile(r"[ \t]+#+$")
# A label may hold brackets of its own (`[지침 페이지 [App-V 4.6 SP1]](guidance-page.md)`), a target
# balanced parentheses.
LINK = re.compile(
    r"^\[(?P<name>(?:\\.|\[[^\[\]]*\]|[^\[\]\\])*)\]"
    r"\((?P<href><[^>]*>|(?:[^ \t()]|\([^()]*\))*)(?:[ \t]+\"[^\"]*\")?[ \t]*\)$"
)
XREF_TAG = re.compile(r"^<xref:(?P<uid>[^>]+)>$")
ESCAPE = re.compile(r"\\([!-/:-@\[-`{-~])")
COMMENT = re.compile(r"<!--.*?-->", re.S)


@dataclass(frozen=True)
class TocItem:
    """One entry as the table of contents wrote it, before anything is resolved."""

    name: str | None
    href: str | None
    line: int
    col: int
    topic_href: str | None = None
    uid: str | None = None
    toc_href: str | None = None  # (breadcrumbs) the address of the table of contents it stands for
    items: tuple[TocItem, ...] = field(default=())


def read_toc(text: str, rel: str, display: str) -> tuple[tuple[TocItem, ...], list[Diagnostic]]:
    """The entries of the table of contents at repository path `rel` (its format from its name)."""
    if rel.lower().endswith(".md"):
        return read_markdown_toc(text, display)
    return read_yaml_toc(text, display)


# toc.yml -------------------------------------------------------------------------------------


def read_yaml_toc(text: str, display: str) -> tuple[tuple[TocItem, ...], list[Diagnostic]]:
    diags: list[Diagnostic] = []
    try:
        node = yaml.compose(text, Loader=_Loader)
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        line, col = (mark.line + 1, mark.column + 1) if mark is not None else (1, 1)
        diags.append(
            warning(display, line, col, f"not valid YAML ({getattr(exc, 'problem', exc)}); left out")
        )
        return (), diags
    if node is None:
        diags.append(warning(display, 1, 1, "empty table of contents"))
        return (), diags
    if isinstance(node, yaml.MappingNode):
        node = _keys(node).get("items") or node
    if not isinstance(node, yaml.SequenceNode):
        line, col = _where(node)
        diags.append(warning(display, line, col, "a table of contents is a list of entries; left out"))
        return (), diags
    return _yaml_items(node, display, diags), diags


def _where(node: yaml.Node) -> tuple[int, int]:
    return node.start_mark.line + 1, node.start_mark.column + 1


def _keys(node: yaml.MappingNode) -> dict[str, yaml.Node]:
    return {k.value.lower(): v for k, v in node.value if isinstance(k, yaml.ScalarNode)}


def _is_null(node: yaml.Node | None) -> bool:
    return node is None or (isinstance(node, yaml.ScalarNode) and node.tag.endswith(":null"))


def _text(node: yaml.Node | None, key: str, display: str, diags: list[Diagnostic]) -> str | None:
    if _is_null(node):
        return None
    assert node is not None
    if not isinstance(node, yaml.ScalarNode):
        line, col = _where(node)
        diags.append(warning(display, line, col, f"`{key}` is not text; ignored"))
        return None
    return str(node.value).strip() or None


def _yaml_items(seq: yaml.SequenceNode, display: str, diags: list[Diagnostic]) -> tuple[TocItem, ...]:
    items = []
    for node in seq.value:
        line, col = _where(node)
        if not isinstance(node, yaml.MappingNode):
            diags.append(warning(display, line, col, "an entry is a mapping (name, href, items); left out"))
            continue
        keys = _keys(node)
        children: tuple[TocItem, ...] = ()
        sub = keys.get("items")
        if isinstance(sub, yaml.SequenceNode):
            children = _yaml_items(sub, display, diags)
        elif not _is_null(sub):
            assert sub is not None
            diags.append(warning(display, *_where(sub), "`items` is not a list of entries; ignored"))
        items.append(
            TocItem(
                name=_text(keys.get("name"), "name", display, diags),
                href=_text(keys.get("href"), "href", display, diags),
                line=line,
                col=col,
                topic_href=_text(keys.get("topichref"), "topicHref", display, diags),
                uid=_text(keys.get("uid") or keys.get("topicuid"), "uid", display, diags),
                toc_href=_text(keys.get("tochref"), "tocHref", display, diags),
                items=children,
            )
        )
    return tuple(items)


# TOC.md --------------------------------------------------------------------------------------


@dataclass
class _Open:
    """A heading being read, and the entries under it so far."""

    level: int
    name: str | None
    href: str | None
    uid: str | None
    line: int
    col: int
    children: list[_Open] = field(default_factory=list)

    def freeze(self) -> TocItem:
        return TocItem(
            self.name,
            self.href,
            self.line,
            self.col,
            uid=self.uid,
            items=tuple(c.freeze() for c in self.children),
        )


def read_markdown_toc(text: str, display: str) -> tuple[tuple[TocItem, ...], list[Diagnostic]]:
    diags: list[Diagnostic] = []
    # Comments are blanked out, keeping their line breaks so that positions stay right.
    text = COMMENT.sub(lambda m: "\n" * m.group().count("\n"), text)
    top = _Open(0, None, None, None, 0, 0)
    stack = [top]
    for number, line in enumerate(text.split("\n"), start=1):
        if not line.strip():
            continue
        m = HEADING.match(line)
        if m is None:
            col = len(line) - len(line.lstrip()) + 1
            diags.append(
                warning(display, number, col, "not a heading: a TOC.md holds only headings; left out")
            )
            continue
        level = len(m["hashes"])
        while stack[-1].level >= level:
            stack.pop()
        if level > stack[-1].level + 1:
            diags.append(
                warning(
                    display,
                    number,
                    1,
                    f"heading level {level} under level {stack[-1].level}: placed under the entry above it",
                )
            )
        name, href, uid = _heading(CLOSING_HASHES.sub("", m["text"] or ""))
        if name is None and href is None and uid is None:
            diags.append(warning(display, number, 1, "empty heading; left out"))
            continue
        entry = _Open(level, name, href, uid, number, 1)
        stack[-1].children.append(entry)
        stack.append(entry)
    if not top.children and not diags:
        diags.append(warning(display, 1, 1, "empty table of contents"))
    return tuple(c.freeze() for c in top.children), diags


def _heading(text: str) -> tuple[str | None, str | None, str | None]:
    """A heading's label, href and uid."""
    text = text.strip()
    xref = XREF_TAG.match(text)
    if xref is not None:
        return None, None, xref["uid"].strip()
    link = LINK.match(text)
    if link is None:
        return (ESCAPE.sub(r"\1", text).strip() or None), None, None
    name = ESCAPE.sub(r"\1", link["name"]).strip() or None
    href = link["href"].strip()
    if href.startswith("<") and href.endswith(">"):
        href = href[1:-1].strip()
    if href.startswith("@"):
        return name, None, href[1:] or None
    if href.lower().startswith("xref:"):
        return name, None, href[5:] or None
    return name, href or None, None
