"""DocFX's block grammar: CommonMark (as Markdig reads it) plus DocFX's triple-colon containers.

DocFX parses Markdown as CommonMark, where a list item's content lines are indented by the width of
its marker (two or three columns), not by four as Python-Markdown wants. markdown-it-py is a
CommonMark parser; it gives each block its source lines (`map`), which is all the layout needs to
re-indent lines for Python-Markdown without touching their text.

DocFX's containers are added as a block rule, as DocFX adds them to Markdig:

    :::row:::            ... :::row-end:::
    :::column span="2"::: ... :::column-end:::
    ::: zone pivot="x"   ... ::: zone-end           (also target="...")
    ::: moniker range="x" ... ::: moniker-end
    :::image type="complex" ...:::  ... :::image-end:::   (the image's long description)

A container becomes a `docfx_container` node whose `info` is the opening line and whose `meta` says
where its content starts. Its content is parsed as Markdown at the indentation of its least
indented line (authors indent columns by four and their content by eight; DocFX reads that as
text, not as code).
"""

from __future__ import annotations

import re

from markdown_it import MarkdownIt
from markdown_it.rules_block import StateBlock
from markdown_it.tree import SyntaxTreeNode

# `:::name attrs:::` or `::: name attrs`; the name decides which end marker closes it.
OPENER = re.compile(
    r"^:{3,}[ \t]*(?P<name>row|column|zone|moniker|image)(?![\w-])(?P<attrs>.*?)(?::{3,})?[ \t]*$"
)
ATTR = re.compile(
    r"""(?P<key>[A-Za-z][\w-]*)[ \t]*=[ \t]*(?:"(?P<dq>[^"]*)"|'(?P<sq>[^']*)'|(?P<bare>[^\s"':]+))"""
)


def end_marker(name: str) -> re.Pattern[str]:
    return re.compile(r"^:{3,}[ \t]*" + name + r"-end[ \t]*(?::{3,})?[ \t]*$")


ENDS = {name: end_marker(name) for name in ("row", "column", "zone", "moniker", "image")}


def attributes(text: str) -> dict[str, str]:
    """`type="content" source="a.png"` -> {"type": "content", "source": "a.png"} (keys lower-cased)."""
    found: dict[str, str] = {}
    for m in ATTR.finditer(text):
        value = m.group("dq") if m.group("dq") is not None else m.group("sq")
        found.setdefault(m.group("key").lower(), value if value is not None else m.group("bare"))
    return found


def is_container(name: str, attrs: str) -> bool:
    """An image is a container only when it carries a long description (type="complex")."""
    return name != "image" or attributes(attrs).get("type", "").lower() == "complex"


def _line(state: StateBlock, line: int) -> str:
    return state.src[state.bMarks[line] + state.tShift[line] : state.eMarks[line]]


def _container(state: StateBlock, start: int, end: int, silent: bool) -> bool:
    opener = OPENER.match(_line(state, start))
    if opener is None or not is_container(opener.group("name"), opener.group("attrs")):
        return False
    if silent:
        return True
    name = opener.group("name")
    close = ENDS[name]
    depth, line, closed = 1, start + 1, False
    while line < end:
        text = _line(state, line)
        if close.match(text):
            depth -= 1
            if depth == 0:
                closed = True
                break
        else:
            nested = OPENER.match(text)
            if nested and nested.group("name") == name and is_container(name, nested.group("attrs")):
                depth += 1
        line += 1
    content_end = line  # the end marker's line, or `end` when the container is never closed
    indents = [state.sCount[i] for i in range(start + 1, content_end) if not state.isEmpty(i)]
    indent = max(min(indents), state.blkIndent) if indents else state.blkIndent

    token = state.push("docfx_container_open", "div", 1)
    token.info = _line(state, start)
    token.map = [start, content_end + 1 if closed else content_end]
    token.meta = {"name": name, "indent": indent, "marker_indent": state.sCount[start], "closed": closed}

    saved = (state.blkIndent, state.lineMax, state.parentType)
    state.blkIndent, state.lineMax, state.parentType = indent, content_end, "docfx_container"
    state.md.block.tokenize(state, start + 1, content_end)
    state.blkIndent, state.lineMax, state.parentType = saved

    state.push("docfx_container_close", "div", -1)
    state.line = content_end + 1 if closed else content_end
    return True


def _parser() -> MarkdownIt:
    md = MarkdownIt("commonmark").enable("table")
    # Only the block structure is needed: inline parsing is left to each page's own renderer.
    md.disable(["inline", "text_join"])
    # Before `code`: a column's marker indented by eight is still a marker, as in DocFX.
    md.block.ruler.before(
        "code", "docfx_container", _container, {"alt": ["paragraph", "reference", "blockquote", "list"]}
    )
    return md


PARSER = _parser()


def parse(text: str) -> SyntaxTreeNode:
    """The block tree of a page body (lines joined by newlines)."""
    return SyntaxTreeNode(PARSER.parse(text))
