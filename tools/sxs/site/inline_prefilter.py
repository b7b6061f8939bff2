"""Python-Markdown's inline stage, without trying the patterns a text cannot match.

Python-Markdown tries each inline pattern (code, escapes, links, images, HTML, entities, emphasis,
...) on each text of a page in turn, one regular-expression search each; on the four shared
repositories most of these searches find nothing, and they were two fifths of the inline stage.
Each pattern below matches only text that holds one of its marks (a link a `[`, an entity a `&`);
this extension (listed in mkdocs.yml's `markdown_extensions`, after the others) puts in Python-
Markdown's own inline processor a subclass that skips a pattern when the text holds none of its
marks, exactly as when its search finds nothing, and tries it as before otherwise. A pattern with
no marks known here (another extension's) is always tried. The HTML is the same, byte for byte
(tests/site/test_inline_prefilter.py).

The subclass replaces InlineProcessor's private `__handleInline` (its loop over the patterns):
Python-Markdown is pinned, and the test compares the two on real pages.
"""

from __future__ import annotations

import xml.etree.ElementTree as etree
from typing import Any

from markdown import Extension, Markdown, inlinepatterns, treeprocessors, util  # type: ignore[import-untyped]

MARKS: dict[str, tuple[str, ...]] = {
    inlinepatterns.BACKTICK_RE: ("`",),
    inlinepatterns.ESCAPE_RE: ("\\",),
    inlinepatterns.LINK_RE: ("[",),  # also REFERENCE_RE
    inlinepatterns.IMAGE_LINK_RE: ("![",),  # also IMAGE_REFERENCE_RE
    inlinepatterns.AUTOLINK_RE: ("<",),
    inlinepatterns.AUTOMAIL_RE: ("<",),
    inlinepatterns.HTML_RE: ("<",),
    inlinepatterns.ENTITY_RE: ("&",),
    inlinepatterns.LINE_BREAK_RE: ("  \n",),
}
"""Python-Markdown's own patterns (by their regular expression), each with the text any of its
matches holds."""


def marks(pattern: Any) -> tuple[str, ...] | None:
    """What a text must hold for `pattern` to match in it, or None when that is not known.
    A pattern of this project's own says it in its `marks` attribute (math.py)."""
    own = getattr(pattern, "marks", None)
    if own is not None:
        return tuple(own)
    if isinstance(pattern, inlinepatterns.DelimiterProcessor):  # emphasis: `*`, `_`
        return tuple(pattern.tokens)
    regex = getattr(pattern, "compiled_re", None)
    return MARKS.get(regex.pattern) if regex is not None else None


class PrefilteredInlineProcessor(treeprocessors.InlineProcessor):  # type: ignore[misc]
    def run(self, tree: etree.Element, ancestors: list[str] | None = None) -> etree.Element:
        # Extensions may register patterns up to the conversion: look at them for each document.
        # One mark (most patterns) as the string itself: a test with no generator (millions a build).
        self.marks = [
            found[0] if found and len(found) == 1 else found for found in map(marks, self.inlinePatterns)
        ]
        root: etree.Element = super().run(tree, ancestors)
        return root

    def _InlineProcessor__handleInline(self, data: str, patternIndex: int = 0) -> str:  # noqa: N802, N803
        """Python-Markdown's loop, with the skip. Its __applyPattern starts each pattern from the
        beginning of the text (startIndex 0), after one that did not match or was skipped alike."""
        if not isinstance(data, util.AtomicString):
            startIndex = 0  # noqa: N806 (as in Python-Markdown)
            patterns, found = self.inlinePatterns, self.marks
            count = len(patterns)
            while patternIndex < count:
                needed = found[patternIndex]
                if needed is not None and (
                    needed not in data
                    if isinstance(needed, str)
                    else not any(mark in data for mark in needed)
                ):
                    patternIndex += 1
                    startIndex = 0  # noqa: N806
                    continue
                data, matched, startIndex = self._InlineProcessor__applyPattern(
                    patterns[patternIndex], data, patternIndex, startIndex
                )
                if not matched:
                    patternIndex += 1
        return data


class InlinePrefilterExtension(Extension):  # type: ignore[misc]
    def extendMarkdown(self, md: Markdown) -> None:  # noqa: N802 (Python-Markdown's name)
        md.treeprocessors.register(PrefilteredInlineProcessor(md), "inline", 20)  # Python-Markdown's place


def makeExtension(**kwargs: Any) -> InlinePrefilterExtension:  # noqa: N802 (Python-Markdown's name)
    return InlinePrefilterExtension(**kwargs)
