"""The skeleton of a page line: what both languages must share, and the text translators own.

A line is cut into `prefix + text + suffix`. The prefix (indentation, `>` quotes, list marker,
heading hashes, admonition or tab opener) and the suffix (a heading's `{#id}`, an admonition title's
closing quote) are structure: identical in both languages. Code fences, their content, table
separators and thematic breaks are structure as a whole. Everything else is `text`.

`protected(text)` lists what translation must carry over unchanged: link and image targets,
inline code, URLs, error codes, numbers, `<placeholders>` and HTML tags.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass

from markdown.util import BLOCK_LEVEL_ELEMENTS  # type: ignore[import-untyped]

FENCE = re.compile(r"^[ \t]*(?:>[ \t]?)*[ \t]*(`{3,}|~{3,})")
TABLE_SEP = re.compile(r"^[ \t]*\|?[ \t]*:?-+:?[ \t]*(?:\|[ \t]*:?-+:?[ \t]*)*\|?[ \t]*$")
# A block's opening or closing line (`/// html | div.checklist`, `///`): structure only.
BLOCK = re.compile(r"^[ \t]*/{3,}(?:[ \t]+[\w-]+(?:[ \t]*\|.*)?)?[ \t]*$")
BREAK = re.compile(r"^[ ]{0,3}(?:(?:-[ \t]*){3,}|(?:\*[ \t]*){3,}|(?:_[ \t]*){3,})$")
PREFIX = re.compile(
    r"^(?P<indent>[ \t]*)(?P<quote>(?:>[ \t]?)*)[ \t]*"
    r"(?P<marker>#{1,6}[ \t]+|(?:[-*+]|\d{1,9}[.)])[ \t]+|!!!\+?[ \t]+[\w-]+(?:[ \t]+\")?|\?{3}\+?[ \t]+[\w-]+(?:[ \t]+\")?|={3}[+!]*[ \t]+\")?"  # noqa: E501
)
# Kinds of line that hold text for translators (the others are structure only).
TRANSLATABLE = frozenset({"heading", "item", "admonition", "text", "table", "html"})
TAG = re.compile(r"<[^<>\n]*>")
# A line that Python-Markdown takes as raw HTML: a block-level tag or a comment at its start. A line
# starting with an inline tag (`<a href>SpatialLocator</a> 클래스를...`) is text: translation may
# move the tag to the start of the line.
HTML_BLOCK = re.compile(rf"</?(?:{'|'.join(BLOCK_LEVEL_ELEMENTS)})(?![\w-])|<!--|<\?|<![A-Za-z]", re.I)
HEADING_ID = re.compile(r"[ \t]+\{#[^}\s]*\}[ \t]*$")

# What must survive translation. Each kind is searched in the text left by the kinds before it,
# so a URL inside a link target counts once, as a link target.
CODE = re.compile(r"(?<!`)(`+)(?!`).+?(?<!`)\1(?!`)")
# A destination with balanced parentheses (`...(v=office.14)`); "(" is kept out of the plain runs so
# that a run of unclosed `](` cannot make the pattern backtrack for minutes.
LINK_TARGET = re.compile(r"\]\((<[^>\n]*>|[^()\s]*(?:\([^()\s]*\)[^()\s]*)*)(?:[ \t]+\"[^\"\n]*\")?\)")
REF_TARGET = re.compile(r"\]\[([^\]\n]+)\]")
AUTOLINK = re.compile(r"<(?:https?|mailto|ftp):[^<>\s]+>", re.I)
# URLs are ASCII here: a Korean particle glued to a URL ("...com으로") is not part of it, nor a word
# glued before it ("릴리스 정보https://...": the translation tool drops spaces before URLs).
URL = re.compile(r"(?<![A-Za-z0-9])(?:https?|ftp)://[!#-'*-;=?-Z\\^-z|~]*[A-Za-z0-9/#=_~-]", re.I)
PLACEHOLDER = re.compile(r"<[^<>\n]*[A-Za-z][^<>\n]*>")
ERROR_CODE = re.compile(
    r"(?<![A-Za-z0-9_.])(?:[245]\.\d{1,3}\.\d{1,3}(?![\w.]*\d)|AADSTS\d{4,7}|0x[0-9A-Fa-f]{4,8})"
    r"(?![A-Za-z0-9_])"
)
NUMBER = re.compile(r"(?<![A-Za-z0-9_.])\d+(?:[.,:]\d+)*(?![A-Za-z0-9_])")  # "365을": Hangul may follow
STRONG = re.compile(r"\*\*|__")
EM = re.compile(r"\*|(?<![A-Za-z0-9])_|_(?![A-Za-z0-9])")


@dataclass(frozen=True)
class Shape:
    kind: str  # blank, heading, item, admonition, text, table, table-sep, fence, code, html, break, block
    prefix: str
    text: str
    suffix: str
    detail: str = ""  # what else must match: a table row's number of cells

    @property
    def signature(self) -> tuple[str, str, str, str]:
        """What must be equal in both languages for the pair to stay aligned."""
        # "2.  text" and "2. text" are the same item (machine translation adds such spaces)
        prefix = self.prefix.rstrip() if self.kind == "item" else self.prefix
        return self.kind, prefix, self.suffix if self.kind == "heading" else "", self.detail

    def describe(self) -> str:
        if self.kind == "blank":
            return "a blank line"
        if self.kind == "table":
            return f"a table row of {self.detail} cells"
        shown = (self.prefix + ("…" if self.text else "") + self.suffix).strip() or "plain text"
        return f"{self.kind} `{shown}`" if self.kind != "text" else f"text indented {len(self.prefix)}"


def shapes(lines: Sequence[str]) -> list[Shape]:
    """The shape of each body line; fenced code is tracked across lines."""
    out: list[Shape] = []
    fence: str | None = None
    for line in lines:
        fm = FENCE.match(line)
        if fence is not None:
            if fm is not None and fm.group(1).startswith(fence) and not line[fm.end() :].strip():
                fence = None
                out.append(Shape("fence", line, "", ""))
            else:
                out.append(Shape("code", line[: len(line) - len(line.lstrip())], line.lstrip(), ""))
            continue
        if fm is not None:
            fence = fm.group(1)
            out.append(Shape("fence", line, "", ""))
            continue
        out.append(shape(line))
    return [_text_unless_in_table(lines, i, s) if s.kind == "table" else s for i, s in enumerate(out)]


def shape_at(lines: Sequence[str], index: int) -> Shape:
    """The shape of lines[index] (outside fenced code), seen in its block."""
    found = shape(lines[index])
    return _text_unless_in_table(lines, index, found) if found.kind == "table" else found


def _text_unless_in_table(lines: Sequence[str], index: int, row: Shape) -> Shape:
    # Python-Markdown makes a table only of a block with a separator row: elsewhere a line
    # that starts or ends with a pipe is a paragraph's text, in either language.
    start = end = index
    while start > 0 and lines[start - 1].strip():
        start -= 1
    while end + 1 < len(lines) and lines[end + 1].strip():
        end += 1
    if any("|" in line and "-" in line and TABLE_SEP.match(line) for line in lines[start : end + 1]):
        return row
    return Shape("html" if row.text.startswith("<") else "text", row.prefix, row.text, row.suffix)


def shape(line: str) -> Shape:
    """The shape of one line outside fenced code."""
    if not line.strip():
        return Shape("blank", "", "", "")
    if BREAK.match(line):
        return Shape("break", line, "", "")
    stripped = line.strip()
    if "|" in line and TABLE_SEP.match(line) and "-" in line:
        return Shape("table-sep", line, "", "")
    if BLOCK.match(line):
        return Shape("block", line, "", "")
    m = PREFIX.match(line)
    assert m is not None
    prefix, rest = line[: m.end()], line[m.end() :]
    marker = (m.group("marker") or "").strip()
    suffix = ""
    if marker.startswith("#"):
        kind = "heading"
        hid = HEADING_ID.search(rest)
        if hid is not None:
            rest, suffix = rest[: hid.start()], rest[hid.start() :]
    elif marker.startswith(("!!!", "???", "===")):
        kind = "admonition"  # its title (a tab's, too) is text, its quotes structure
        if marker.endswith('"') and rest.endswith('"'):
            rest, suffix = rest[:-1], '"'
    elif marker:
        kind = "item"
    elif stripped.startswith("|") or (stripped.endswith("|") and "|" in stripped[:-1]):
        return Shape("table", prefix, rest, "", str(cells(stripped)))
    elif HTML_BLOCK.match(stripped):
        kind = "html"
    else:
        kind = "text"
    return Shape(kind, prefix, rest, suffix)


def has_text(line: Shape) -> bool:
    """Does a translator have something to do on this line (words, not markup alone)?"""
    return line.kind in TRANSLATABLE and any(ch.isalnum() for ch in TAG.sub("", line.text))


def cells(row: str) -> int:
    """Cells of a table row: unescaped pipes outside inline code, outer pipes aside."""
    bare = CODE.sub(lambda m: "x" * len(m.group(0)), row.replace("\\|", "xx")).strip()
    pipes = bare.count("|")
    return pipes + 1 - bare.startswith("|") - (bare.endswith("|") and len(bare) > 1)


@dataclass(frozen=True)
class Token:
    kind: str  # "link target", "inline code", "URL", "error code", "placeholder", "number"
    value: str
    col: int  # 1-based, in the text searched


ORDER: tuple[tuple[str, re.Pattern[str], int], ...] = (
    ("inline code", CODE, 0),
    ("link target", LINK_TARGET, 1),
    ("link reference", REF_TARGET, 1),
    ("URL", AUTOLINK, 0),
    ("URL", URL, 0),
    ("HTML tag or placeholder", PLACEHOLDER, 0),
    ("error code", ERROR_CODE, 0),
    ("number", NUMBER, 0),
)


# Attributes of a tag that hold words for the reader: translated with the text, so a tag is compared
# without their values (`<a href="x" title="MR 및 Azure 301">` keeps its tag if its href is the same).
TRANSLATED_ATTRIBUTE = re.compile(
    r"""(\b(?:title|alt|aria-label|placeholder)\s*=\s*)("[^"]*"|'[^']*')""", re.I
)


def protected(text: str) -> list[Token]:
    """What translation must not change in a line's text, in order of kind then position."""
    tokens: list[Token] = []
    rest = text
    for kind, rx, group in ORDER:
        for m in rx.finditer(rest):
            value = m.group(group)
            if rx is PLACEHOLDER:
                value = TRANSLATED_ATTRIBUTE.sub(r'\1"…"', value)
            tokens.append(Token(kind, value, m.start(group) + 1))
        # blank out what was found, keeping columns, so later kinds do not see it again
        rest = rx.sub(lambda m: " " * len(m.group(0)), rest)
    return tokens


def token_counts(tokens: Sequence[Token]) -> Counter[tuple[str, str]]:
    return Counter((t.kind, t.value) for t in tokens)


def emphasis_marks(text: str) -> tuple[int, int]:
    """(`**`/`__` marks, single `*`/`_` marks) outside inline code, link targets and URLs.

    An odd count is unbalanced. `_` inside a word (snake_case) and escaped marks do not count.
    """
    bare = URL.sub("", LINK_TARGET.sub("]", CODE.sub("", text.replace("\\*", "").replace("\\_", ""))))
    strong = len(STRONG.findall(bare))
    rest = STRONG.sub("", bare)
    return strong, len(EM.findall(rest))


COMMENT_OPEN, COMMENT_CLOSE = "<!--", "-->"


def commented(lines: Sequence[str]) -> set[int]:
    """Indexes of the lines inside an HTML comment from their start to their end: markup there is
    never shown nor run (authors comment out whole blocks, e.g. a styled table)."""
    inside: set[int] = set()
    open_ = False
    for i, line in enumerate(lines):
        at = 0
        if not open_ and line.lstrip().startswith(COMMENT_OPEN):
            open_, at = True, line.index(COMMENT_OPEN) + len(COMMENT_OPEN)
        whole = open_
        while open_ or COMMENT_OPEN in line[at:]:
            if not open_:
                at, open_ = line.index(COMMENT_OPEN, at) + len(COMMENT_OPEN), True
            end = line.find(COMMENT_CLOSE, at)
            if end < 0:
                break
            at, open_ = end + len(COMMENT_CLOSE), False
            whole = whole and not line[at:].strip()
        if whole:
            inside.add(i)
    return inside


LANGUAGE_BLOCK = re.compile(r'^<div lang="(?P<lang>[^"]+)" markdown(?:="1")?>[ \t]*$')
DIV_OPEN = re.compile(r"^[ \t]*<div\b")
DIV_CLOSE = re.compile(r"^[ \t]*</div>[ \t]*$")


def in_language(lines: Sequence[str], lang: str) -> set[int]:
    """Indexes of the lines a page says are in language `lang`: inside a language block, or marked
    `lang="<lang>"` themselves (`{ lang="ko" }` after a heading, on a link or emphasis)."""
    mark = f'lang="{lang}"'
    return language_blocks(lines, lang) | {i for i, line in enumerate(lines) if mark in line}


def language_blocks(lines: Sequence[str], lang: str) -> set[int]:
    """Indexes of the lines inside `<div lang="<lang>" markdown>` … `</div>`: text a page says is
    in that language. The import writes so, on both pages, a YAML page's Markdown that exists in
    the target language only; on the English page it is the translation, not an untranslated copy."""
    inside: set[int] = set()
    depth = 0
    for i, line in enumerate(lines):
        if depth == 0:
            found = LANGUAGE_BLOCK.match(line)
            depth = 1 if found is not None and found.group("lang") == lang else 0
            continue
        if DIV_OPEN.match(line):
            depth += 1
        elif DIV_CLOSE.match(line):
            depth -= 1
        if depth:
            inside.add(i)
    return inside
