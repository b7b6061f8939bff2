"""Write a page's block tree (grammar.py) back as lines in Material's Markdown.

Every source line is written once, in order: a leaf block's lines with their containers' prefix
re-made for Python-Markdown (frames.py), a container's opening and closing lines as Material's
syntax, blank and marker-only lines as blank lines. The text of a line is never changed, except
where a DocFX construct becomes Material's (an image, a code include, a tab title), so pair
placeholders stay where they are, wherever they stand in the line.
"""

from __future__ import annotations

import html
import re
from collections.abc import Callable
from dataclasses import dataclass

from markdown_it.tree import SyntaxTreeNode

from ..model import OPEN, label
from . import colons, quotes, snippets, tabs
from .frames import Frame, cut, prefix
from .grammar import OPENER, attributes

ORDERED = re.compile(r"^(?P<num>\d{1,9})[.)]")
BULLET = re.compile(r"^[-+*]")
STRAY_END = re.compile(r"^:{3,}[ \t]*(?:row|column|zone|moniker|image)-end\b")
LEAVES = frozenset({"paragraph", "heading", "hr", "table", "fence", "code_block", "html_block"})

Warn = Callable[[int, str], None]  # (source line index, message)
Code = Callable[[snippets.Include, int], list[str] | None]  # the fence for a code include, or None


@dataclass(frozen=True)
class Line:
    text: str
    source: int  # index of the source line it comes from
    code: bool = False  # copied as written by the layout (fenced or indented code)


class Emitter:
    def __init__(self, lines: list[str], warn: Warn, code: Code) -> None:
        self.src = lines
        self.warn, self.code = warn, code
        self.out: list[Line] = []
        self.pos = 0  # first source line not yet written
        self.frames_at: list[tuple[Frame, ...]] = [()] * len(lines)
        self.replaced: dict[int, list[Line]] = {}  # source lines written otherwise (a quote's first line)
        self.blank_after: str | None = None  # a container ended: the next text starts a new block

    def run(self, root: SyntaxTreeNode) -> list[Line]:
        self._children(root.children, ())
        self._flush(len(self.src))
        return self.out

    # Writing lines

    def _add(self, text: str, source: int, code: bool = False) -> None:
        if self.blank_after is not None and text.strip(" >"):
            if self.out and self.out[-1].text.strip(" >"):
                self.out.append(Line(self.blank_after.rstrip(), source))
            self.blank_after = None
        self.out.append(Line(text, source, code))

    def _blank_before(self, pre: str, source: int) -> None:
        """Admonitions and tabs start a block: Python-Markdown wants a blank line before them."""
        if self.out and self.out[-1].text.strip(" >"):
            self.out.append(Line(pre.rstrip(), source))
        self.blank_after = None

    def _block_start(self, start: int, frames: tuple[Frame, ...]) -> None:
        """CommonMark lets a list, quote or table interrupt a paragraph; Python-Markdown wants a blank
        line before them, except for a list nested right under its item's first line."""
        self._flush(start)
        if not self.out or not self.out[-1].text.strip(" >"):
            return
        parent = frames[-1] if frames else None
        if parent is not None and parent.source == "item" and self.out[-1].source == parent.first:
            return
        self.out.append(Line(prefix(frames, -1).rstrip(), start))

    def _opening(self, frames: tuple[Frame, ...], index: int) -> str:
        """The prefix of a container's opening line. On a list item's marker line (`1. > [!NOTE]`)
        Python-Markdown cannot open one (it loses text): the marker gets an empty comment, and the
        container opens on the item's next line."""
        item = frames[-1] if frames else None
        if item is None or item.output != "item" or item.first != index:
            return prefix(frames, index)
        self._add(prefix(frames, index) + "<!-- -->", index)
        self._add("", index)
        return prefix(frames, -1)

    def _flush(self, upto: int) -> None:
        """Write the lines before `upto` that no block holds: blank and marker-only lines."""
        for i in range(self.pos, upto):
            if i in self.replaced:
                for line in self.replaced.pop(i):
                    self._add(line.text, line.source)
                continue
            frames = self.frames_at[i]
            content, _ = cut(self.src[i], frames, i)
            if content.strip():
                self._add(prefix(frames, i) + content, i)
            else:
                self._add(prefix(frames, i).rstrip(), i)
        self.pos = max(self.pos, upto)

    # The tree

    def _children(self, nodes: list[SyntaxTreeNode], frames: tuple[Frame, ...]) -> None:
        k = 0
        while k < len(nodes):
            node = nodes[k]
            if node.type == "heading" and node.map and self._tab(node, frames):
                k = self._tabs(nodes, k, frames)
                continue
            self._node(node, frames)
            k += 1

    def _node(self, node: SyntaxTreeNode, frames: tuple[Frame, ...]) -> None:
        if node.map is None:
            self._children(node.children, frames)
            return
        start, end = node.map
        for i in range(start, min(end, len(self.src))):
            self.frames_at[i] = frames
        if node.type in ("bullet_list", "ordered_list", "blockquote", "table"):
            self._block_start(start, frames)
        if node.type in ("bullet_list", "ordered_list"):
            self._children(node.children, frames)
        elif node.type == "list_item":
            self._item(node, frames)
        elif node.type == "blockquote":
            self._quote(node, frames)
        elif node.type == "docfx_container":
            self._container(node, frames)
        elif node.type in LEAVES:
            self._leaf(node, frames)
        else:
            self._children(node.children, frames)

    def _item(self, node: SyntaxTreeNode, frames: tuple[Frame, ...]) -> None:
        assert node.map is not None
        i = node.map[0]
        text, _ = cut(self.src[i], frames, i)
        lead = len(text) - len(text.lstrip(" "))
        rest = text[lead:]
        ordered = ORDERED.match(rest)
        marker = f"{ordered.group('num')}." if ordered else rest[:1]
        marker_len = ordered.end() if ordered else 1
        after = rest[marker_len:]
        gap = len(after) - len(after.lstrip(" "))
        if not after.strip() or gap > 4:
            gap = 1  # an empty first line, or content that is indented code: the width is marker + 1
        width = lead + marker_len + gap
        frame = Frame("item", "item", i, width=width, marker=marker, gap=" " * max(gap, 1))
        self._contents(node, frames + (frame,))

    def _contents(self, node: SyntaxTreeNode, frames: tuple[Frame, ...]) -> None:
        assert node.map is not None
        for i in range(node.map[0], min(node.map[1], len(self.src))):
            self.frames_at[i] = frames
        self._children(node.children, frames)

    def _quote(self, node: SyntaxTreeNode, frames: tuple[Frame, ...]) -> None:
        assert node.map is not None
        i = node.map[0]
        plain = frames + (Frame("quote", "quote", i),)
        first, _ = cut(self.src[i], plain, i)
        section = quotes.section(first.strip())
        if section.kind in ("quote", "video"):
            self._contents(node, plain)  # a video stays a quoted line: the layout makes its player
            return
        self._flush(i)
        pre = self._opening(frames, i)
        if section.kind == "alert":
            inner = frames + (Frame("quote", "indent", i),)
            self._blank_before(pre, i)
            self._add(pre + section.header, i)
            self.replaced[i] = [Line(prefix(inner, i) + section.rest, i)] if section.rest else []
            self._contents(node, inner)
            self._flush(node.map[1])
            self.blank_after = pre
        else:
            inner = frames + (Frame("quote", "none", i, button=quotes.BUTTON in section.classes),)
            self._add(pre + section.header, i)
            self.replaced[i] = []
            self._contents(node, inner)
            self._flush(node.map[1])
            self._add(pre + "///", node.map[1] - 1)

    def _container(self, node: SyntaxTreeNode, frames: tuple[Frame, ...]) -> None:
        assert node.map is not None
        start, end = node.map
        meta = node.meta
        name = meta["name"]
        width = max(0, int(meta["indent"]) - int(meta["marker_indent"]))
        head, _ = cut(self.src[start], frames, start)
        opener = OPENER.match(head.strip())
        attrs = attributes(opener.group("attrs")) if opener else {}
        self._flush(start)
        self.pos = start + 1
        pre = self._opening(frames, start)
        if not meta["closed"]:
            self.warn(start, f"{head.strip()[:40]!r} has no {name}-end line; it runs to the end")
        if name == "image":
            self._add(pre + (colons.markdown(opener.group("attrs") if opener else "") or ""), start)
            self._blank_before(pre, start)
            self._add(pre + colons.description_header(), start)
            inner = frames + (Frame("spaces", "indent", start, width=width),)
            self._contents(node, inner)
            self._flush(end - 1 if meta["closed"] else end)
            self.pos = end
            self.blank_after = pre
            return
        self._add(pre + _block_header(name, attrs), start)
        if name in ("zone", "moniker"):
            self._add(pre + _condition(name, attrs), start)
            self._add(pre.rstrip(), start)
        inner = frames + (Frame("spaces", "none", start, width=width),)
        self._contents(node, inner)
        self._flush(end - 1 if meta["closed"] else end)
        self.pos = end
        self._add(pre + "///", end - 1)

    def _tab(self, node: SyntaxTreeNode, frames: tuple[Frame, ...]) -> tabs.Tab | None:
        assert node.map is not None
        i = node.map[0]
        return tabs.tab(cut(self.src[i], frames, i)[0])

    def _tabs(self, nodes: list[SyntaxTreeNode], k: int, frames: tuple[Frame, ...]) -> int:
        """Write the tab group starting at nodes[k]; the index of the first node after it."""
        while k < len(nodes):
            heading = nodes[k]
            tab = self._tab(heading, frames) if heading.type == "heading" and heading.map else None
            if tab is None:
                break
            assert heading.map is not None
            i = heading.map[0]
            self._flush(i)
            self.pos = i + 1
            pre = self._opening(frames, i)
            self._blank_before(pre, i)
            self._add(pre + tab.header, i)
            inner = frames + (Frame("none", "indent", i),)
            k += 1
            while (
                k < len(nodes)
                and nodes[k].type not in ("hr",)
                and not (nodes[k].type == "heading" and nodes[k].map and self._tab(nodes[k], frames))
            ):
                self._node(nodes[k], inner)
                k += 1
            self.blank_after = pre
            if k < len(nodes) and nodes[k].type == "hr":
                hr = nodes[k].map
                if hr is not None:
                    self._flush(hr[0])
                    self.pos = hr[1]
                return k + 1
        return k

    def _leaf(self, node: SyntaxTreeNode, frames: tuple[Frame, ...]) -> None:
        assert node.map is not None
        start, end = node.map
        end = min(end, len(self.src))
        self._flush(start)
        if node.type == "html_block" and self._hidden_comment(start, end, frames):
            self.pos = max(self.pos, end)
            return
        button = any(f.button for f in frames)
        fence_indent = 0
        for i in range(start, end):
            if i in self.replaced:
                for line in self.replaced.pop(i):
                    self._add(line.text, line.source)
                continue
            content, _ = cut(self.src[i], frames, i)
            pre = prefix(frames, i)
            if node.type == "fence":
                if i == start:
                    fence_indent = len(content) - len(content.lstrip(" "))
                lead = len(content) - len(content.lstrip(" "))
                self._add(pre + content[min(lead, fence_indent) :], i, code=True)
            elif node.type == "code_block":
                self._add(pre + content, i, code=True)
            elif node.type == "html_block":
                # A comment may span lines: copied as written, or line-by-line clean-up would show it.
                self._add(pre + content, i, code=self.src[start].lstrip().startswith("<!--"))
            else:
                self._text(content.lstrip(" "), pre, i, node.type, button, single=end - start == 1)
        self.pos = max(self.pos, end)

    def _hidden_comment(self, start: int, end: int, frames: tuple[Frame, ...]) -> bool:
        """An HTML comment inside a container: Python-Markdown sees raw HTML only at the left margin,
        and would show it. It shows nothing in DocFX: left out, unless it holds pairs (kept, as code)."""
        if not frames or not self.src[start].lstrip().startswith("<!--"):
            return False
        return not any(OPEN in self.src[i] for i in range(start, end))

    def _text(self, content: str, pre: str, i: int, kind: str, button: bool, single: bool) -> None:
        if kind == "paragraph" and STRAY_END.match(content):
            self.warn(i, f"{content[:40]!r} closes no container; removed")
            return
        if kind == "paragraph" and single:
            include = snippets.parse(content)
            if include is not None:
                fence = self.code(include, i)
                if fence is not None:
                    for line in fence:
                        self._add(pre + line if line else pre.rstrip(), i, code=True)
                    return
                # Kept as written, as text: not a link to a file that is no page.
                content = content.replace("[", "\\[").replace("]", "\\]")
        content = colons.rewrite(content)
        if button:
            content = quotes.button(content)
        self._add(pre + content, i)


def _block_header(name: str, attrs: dict[str, str]) -> str:
    if name == "row":
        return "/// html | div.sxs-row"
    if name == "column":
        span = attrs.get("span", "1").strip()
        return "/// html | div.column" + (f".span{span}" if span.isdigit() and span != "1" else "")
    return f"/// html | div.sxs-condition.sxs-{name}"


def _condition(name: str, attrs: dict[str, str]) -> str:
    """The visible condition of a zone or moniker: `Applies to: >= mrtkunity-2021-05`."""
    condition = attrs.get("range", "") if name == "moniker" else ", ".join(attrs.values())
    return f'<span class="sxs-condition__label">{label("applies-to")} {html.escape(condition)}</span>'
