"""Segments of rendered article HTML, and the pairing of one language's segments with the other's.

A segment is the text a block element holds directly: a paragraph, a heading (without its
permalink), a list item or table cell up to its first nested block. The two language files of
an article are line-aligned, so the same Markdown renders both into the same sequence of
blocks; pairing therefore goes by position, falling back to aligning the sequences of tag
names where a translation changed the structure. Python-Markdown's output is regular enough
for a tag scanner: no HTML parser per page (3,000 pages must build in seconds).
"""

from __future__ import annotations

import difflib
import re
from dataclasses import dataclass

TAG = re.compile(r"<(/?)([a-zA-Z][a-zA-Z0-9]*)\b[^>]*>")
SEGMENT_TAGS = frozenset(
    {"p", "h1", "h2", "h3", "h4", "h5", "h6", "li", "td", "th", "dt", "dd", "figcaption", "summary"}
)
BLOCK_TAGS = SEGMENT_TAGS | {
    "ul",
    "ol",
    "dl",
    "table",
    "thead",
    "tbody",
    "tr",
    "blockquote",
    "div",
    "pre",
    "details",
    "figure",
    "hr",
    "section",
    "form",
    "textarea",
}
OPAQUE = frozenset({"pre", "script", "style", "textarea", "svg"})  # no segments inside
PERMALINK = re.compile(r'<a class="headerlink"[^>]*>.*?</a>', re.S)
MARKUP = re.compile(r"<[^>]+>")
CODE = re.compile(r"<code>(.*?)</code>", re.S)


@dataclass(frozen=True)
class Segment:
    tag: str
    at: int  # offset of the '<' of the opening tag
    tag_end: int  # offset of the '>' of the opening tag
    html: str  # the inline HTML the element holds directly, permalink removed

    @property
    def signature(self) -> tuple[str, ...]:
        """What a translation keeps: the block's tag, its inline tags and its code spans."""
        inline = tuple(m.group(2).lower() for m in TAG.finditer(self.html) if not m.group(1))
        return (self.tag, *inline, *CODE.findall(self.html))

    @property
    def text(self) -> str:
        return " ".join(MARKUP.sub(" ", self.html).split())


def segments(html: str) -> list[Segment]:
    found: list[Segment] = []
    open_segment: tuple[str, int, int, int] | None = None  # tag, at, tag_end, content start
    opaque = 0
    for match in TAG.finditer(html):
        closing, name = match.group(1) == "/", match.group(2).lower()
        if name in OPAQUE:
            opaque += -1 if closing else 1
        if opaque and not (name in OPAQUE and not closing):
            continue
        if open_segment is not None and (name in BLOCK_TAGS or name in OPAQUE):
            tag, at, tag_end, start = open_segment
            found.append(Segment(tag, at, tag_end, PERMALINK.sub("", html[start : match.start()]).strip()))
            open_segment = None
        if not closing and name in SEGMENT_TAGS and not opaque:
            open_segment = (name, match.start(), match.end() - 1, match.end())
    return [s for s in found if s.text]


def pair(mine: list[Segment], theirs: list[Segment]) -> list[tuple[int, int]]:
    """(index in mine, index in theirs) of segments that translate each other and differ."""
    if [s.tag for s in mine] == [s.tag for s in theirs]:
        candidates = list(zip(range(len(mine)), range(len(theirs)), strict=True))
    else:  # a translation changed the structure: pair what keeps the same inline skeleton
        matcher = difflib.SequenceMatcher(
            None, [s.signature for s in mine], [s.signature for s in theirs], autojunk=False
        )
        candidates = [
            (block.a + k, block.b + k) for block in matcher.get_matching_blocks() for k in range(block.size)
        ]
    return [(a, b) for a, b in candidates if mine[a].text != theirs[b].text]


def mark(html: str, chosen: list[Segment]) -> str:
    """The HTML with `data-sxs-seg="N"` on the opening tag of each chosen segment (N: its rank)."""
    pieces: list[str] = []
    last = 0
    for number, segment in enumerate(sorted(chosen, key=lambda s: s.at)):
        end = segment.tag_end
        if html[end - 1] == "/":
            end -= 1
        pieces += [html[last:end], f' data-sxs-seg="{number}"']
        last = end
    pieces.append(html[last:])
    return "".join(pieces)
