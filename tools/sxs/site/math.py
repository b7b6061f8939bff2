"""DocFX's math as MathML, made when the site is built: the browser draws it, nothing is fetched.

DocFX reads `$...$` (inline) and `$$...$$` (a block) as LaTeX. Pages keep the LaTeX, so
contributors edit it as written; this Python-Markdown extension (listed in mkdocs.yml's
`markdown_extensions`) turns it into MathML with latex2mathml.

Dollars are common in these articles outside math (`$DOMAIN$\\$SERVER$`, `$5`, PowerShell's
`$env:TEMP`), so inline math is read more strictly than DocFX reads it: the dollars hug the
formula (`$ x $` is not math), the closing one is not followed by a letter, digit or dollar, the
opening one not preceded by one or by a backslash (`\\$` is a literal dollar, as in DocFX), and the
formula looks like LaTeX (a command such as `\\frac`, a `^`, `_`, `=` or brace, or a single letter or
number). Text that fails is left as it is.
"""

from __future__ import annotations

import html
import re
import xml.etree.ElementTree as etree
from typing import Any

from latex2mathml import exceptions
from latex2mathml.converter import convert
from markdown import Extension, Markdown  # type: ignore[import-untyped]
from markdown.blockprocessors import BlockProcessor  # type: ignore[import-untyped]
from markdown.inlinepatterns import InlineProcessor  # type: ignore[import-untyped]

INLINE = r"(?<![\\$\w])\$(?![\s$])(?P<tex>(?:\\.|[^\\$\n])+?)(?<![\s\\])\$(?![\w$])"
# What makes a formula look like LaTeX once escaped backslashes (`\\`) are set aside.
LATEX = re.compile(r"\\[A-Za-z]+|[\^_={}]|^[A-Za-z]$|^\d+(?:\.\d+)?$")
BLOCK_START = re.compile(r"^[ ]{0,3}\$\$")
BLOCK_END = re.compile(r"\$\$[ ]*$")
# latex2mathml's own errors, and what its walker raises on input that is not LaTeX at all.
NOT_LATEX: tuple[type[Exception], ...] = (
    *(v for v in vars(exceptions).values() if isinstance(v, type) and issubclass(v, Exception)),
    IndexError,
    KeyError,
    ValueError,
)


def looks_like_math(tex: str) -> bool:
    return LATEX.search(tex.replace("\\\\", "")) is not None


def mathml(tex: str, display: str) -> str | None:
    """MathML for a LaTeX formula (entities from the page decoded first), or None if it is not LaTeX."""
    try:
        return str(convert(html.unescape(tex).strip(), display=display))
    except NOT_LATEX:
        return None


class InlineMath(InlineProcessor):  # type: ignore[misc]
    marks = ("$",)  # inline_prefilter.py: a text without a dollar is not tried

    def handleMatch(  # noqa: N802 (Python-Markdown's name)
        self, m: re.Match[str], data: str
    ) -> tuple[str | None, int | None, int | None]:
        tex = m.group("tex")
        markup = mathml(tex, "inline") if looks_like_math(tex) else None
        if markup is None:
            return None, None, None
        return self.md.htmlStash.store(markup), m.start(0), m.end(0)


class BlockMath(BlockProcessor):  # type: ignore[misc]
    def test(self, parent: etree.Element, block: str) -> bool:
        return BLOCK_START.match(block) is not None

    def run(self, parent: etree.Element, blocks: list[str]) -> bool | None:
        # A formula may hold blank lines: take blocks up to the one that closes it.
        for count in range(1, len(blocks) + 1):
            text = "\n\n".join(blocks[:count]).strip()
            if len(text) > 2 and BLOCK_END.search(text):
                markup = mathml(text[2:-2], "block")
                if markup is None:
                    return False
                del blocks[:count]
                paragraph = etree.SubElement(parent, "p")
                paragraph.text = self.parser.md.htmlStash.store(markup)
                return True
        return False


class MathExtension(Extension):  # type: ignore[misc]
    def extendMarkdown(self, md: Markdown) -> None:  # noqa: N802 (Python-Markdown's name)
        # `\$` is a literal dollar, as in CommonMark (DocFX): Python-Markdown does not escape `$`.
        if "$" not in md.ESCAPED_CHARS:
            md.ESCAPED_CHARS.append("$")
        # After code spans (190), before backslash escapes (180), which would eat LaTeX's backslashes.
        md.inlinePatterns.register(InlineMath(INLINE, md), "sxs_math", 185)
        # Before paragraphs, after indented code (80): `$$` in code stays code.
        md.parser.blockprocessors.register(BlockMath(md.parser), "sxs_math", 75)


def makeExtension(**kwargs: Any) -> MathExtension:  # noqa: N802 (Python-Markdown's name)
    return MathExtension(**kwargs)
