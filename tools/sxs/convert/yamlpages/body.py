"""A YAML page's values laid out as a side-by-side body, for the article stages.

The stages after parsing (layout.py, then inline.py's clean-up, then render.py) turn a parsed
body (lines holding pair placeholders, and the pairs) into the two pages of an article. A YAML
page is handed to them as such a body: its structure (headings, cards, lists) is lines both
pages share, its texts are pairs or shared lines. Its pages are therefore line-aligned like any
article's, and its links and Markdown are rewritten and sanitised by the same code.

Which language a text is in:
- a value holding pair markup gives each page its own text (parse.py reads it as in articles);
- a link to an imported article reads, on the English page, as that article's English title;
- the converter's own words (a link list's type) are labels, in each page's language (render.py);
- a value written in Latin letters only, on a page whose target language is written in another
  script (Korean has Hangul somewhere), is English left untranslated or a name (`Unity`): both
  pages show it as it is;
- any other value is known in the target language only, and the English page shows it marked
  with that language: an inline text is a pair whose English half carries an attribute list
  (`[text](url){ lang="ko" }`, `## text { lang="ko" }`); a Markdown block (a summary, an answer)
  is wrapped in `<div lang="ko" markdown>` on both pages (a tag on one page only would break
  `sxs check`'s rule that tags are carried over, and on the Korean page it is simply true).
"""

from __future__ import annotations

import posixpath
import re
import unicodedata
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field, replace

from sxs.diagnostics import Diagnostic, warning
from sxs.pages.identity import SOURCE_LANG

from ..docset import Publication
from ..includes import expand
from ..inline import REMOVED, LinkContext, rewrite_url
from ..links import Kind, Resolved
from ..model import CLOSE, OPEN, Line, Origin, RawPair, SourceFile, label, placeholder
from ..parse import PAIR, ParsedBody, parse_body
from ..render import labels
from .tree import Scalar

SEGMENT = re.compile(re.escape(OPEN) + r"(\d+)" + re.escape(CLOSE))
# Characters of plain text that Markdown would read as markup.
MARKUP = re.compile(r"([\\`*_\[\]])")
# A link target Markdown only takes between angle brackets.
BRACKETED = re.compile(r"[\s()<>]")
ICON_WIDTH = 48  # pixels: the size the documentation site showed card icons at
ITEM_TYPE = "type-"  # labels of link lists' and items' types (the locales' `convert` section)

EnglishTitle = Callable[[str], str | None]  # page path -> its English title, when known


def latin(text: str) -> bool:
    """No letter of any script but Latin (the English alphabet, accents aside)."""
    return all(not ch.isalpha() or unicodedata.name(ch, "").startswith("LATIN") for ch in text)


def escape(text: str) -> str:
    """Plain text as Markdown that shows it as written, on one line."""
    return MARKUP.sub(r"\\\1", " ".join(text.split()))


@dataclass
class Body:
    """The lines of one YAML page's body, built in page order."""

    src: SourceFile
    repo: Publication
    lang: str  # the target language
    english_title: EnglishTitle
    other_script: bool  # the target language is not written in Latin letters: Latin text is English
    lines: list[str] = field(default_factory=list)
    origins: list[Line] = field(default_factory=list)  # where each line comes from (parse.ParsedBody)
    pairs: list[RawPair] = field(default_factory=list)
    diags: list[Diagnostic] = field(default_factory=list)

    @property
    def origin(self) -> Origin:
        return Origin(self.src.display, self.src.rel)

    def parsed(self) -> ParsedBody:
        lines, origins = list(self.lines), list(self.origins)
        while lines and not lines[-1].strip():
            lines.pop()
            origins.pop()
        return ParsedBody(tuple(lines), tuple(self.pairs), tuple(origins))

    def warn(self, line: int, col: int, message: str) -> None:
        self.diags.append(warning(self.src.display, line, col, message))

    # Structure: lines both pages share.

    def add(self, line: str, at: int | Line) -> None:
        """A line, from line `at` of the YAML file (or from where a Markdown value's line came)."""
        self.lines.append(line)
        self.origins.append(at if isinstance(at, Line) else Line(line, self.origin, at))

    def gap(self, at: int) -> None:
        """A blank line, unless the body is empty or already ends with one."""
        if self.lines and self.lines[-1].strip():
            self.add("", at)

    @contextmanager
    def wrapped(self, opening: str, at: int) -> Iterator[None]:
        """Markdown blocks inside a `<div ... markdown>` (md_in_html), blank lines around it."""
        self.gap(at)
        self.add(opening, at)
        self.add("", at)
        yield
        self.gap(at)
        self.add("</div>", at)
        self.add("", at)

    @contextmanager
    def cards(self, at: int) -> Iterator[None]:
        """Material's grid of cards (`.grid > .card`: a card's contents are Markdown blocks)."""
        with self.wrapped('<div class="grid" markdown>', at):
            yield

    @contextmanager
    def card(self, at: int) -> Iterator[None]:
        with self.wrapped('<div class="card" markdown>', at):
            yield

    # Texts.

    def heading(self, level: int, value: Scalar) -> None:
        self.gap(value.line)
        self.add("#" * level + " " + self.text(value, heading=True), value.line)
        self.add("", value.line)

    def line(self, fragment: str, at: int) -> None:
        """A line of its own (a link, an image, a label), then a blank line."""
        self.gap(at)
        self.add(fragment, at)
        self.add("", at)

    def text(
        self,
        value: Scalar,
        shape: Callable[[str], str] = lambda t: t,
        *,
        english: str | None = None,
        heading: bool = False,
    ) -> str:
        """A text within a line, as Markdown `shape` makes of it (a link, bold...), in each language."""
        if PAIR.search(value.text):
            parsed = self._parse(" ".join(value.text.split()), value)
            if parsed is not None and len(parsed.lines) == 1:
                return shape(self._renumber(parsed.lines[0], parsed.pairs, value))
        target = shape(escape(value.text))
        if english is None and self._english_already(value.text):
            return target
        if english is not None:
            source = shape(escape(english))
        else:
            mark = f'{{ lang="{self.lang}" }}'
            source = f"{target} {mark}" if heading else target + mark
        self.pairs.append(
            RawPair(f"yaml-{len(self.pairs)}", target, source, self.origin, value.line, value.col)
        )
        return placeholder(len(self.pairs) - 1)

    def block(self, value: Scalar, *, markdown: bool = True) -> None:
        """A block of Markdown (or of plain text), wrapped with its language when it has only one."""
        text = value.text.strip("\n") if markdown else escape(value.text)
        parsed = self._parse(text, value)
        if parsed is None:
            return  # the errors are reported: the page fails, as an article with them would
        lines = [self._renumber(line, parsed.pairs, value) for line in parsed.lines]
        at = parsed.origins
        if parsed.pairs or self._english_already(text):
            self.gap(value.line)
            for line, n in zip(lines, at, strict=True):
                self.add(line, n)
            self.gap(value.line)
            return
        with self.wrapped(f'<div lang="{self.lang}" markdown>', value.line):
            for line, n in zip(lines, at, strict=True):
                self.add(line, n)

    def label(self, value: Scalar) -> str:
        """A link list's or an item's type as the documentation site named it, in each language."""
        name = ITEM_TYPE + value.text.strip().lower()
        return label(name) if name in labels(SOURCE_LANG) else escape(value.text)

    def link(self, text: Scalar | None, url: Scalar | None, shape: Callable[[str], str] | None = None) -> str:
        """A link; on the English page an imported article's link reads as its English title. Without
        an address (or one that leads nowhere: links.py keeps only the text) it is text, in italics
        when nothing else shapes it: an attribute list marking its language needs an element."""
        plain = shape or (lambda t: f"*{t}*")
        if url is None:
            return self.text(text, plain) if text is not None else ""
        target = url.text.strip()
        resolved, diags = self._resolve(target, url)
        if resolved.url is None or resolved is REMOVED:
            self.diags.extend(diags)  # said here: no link is left for inline.py to report on
            return self.text(text or url, plain)
        written = f"<{target}>" if BRACKETED.search(target) else target
        page = self._page_of(resolved)
        english = self.english_title(page) if page is not None else None
        around = shape or (lambda t: t)
        return self.text(text or url, lambda t: around(f"[{t}]({written})"), english=english)

    def image(self, value: Scalar) -> str | None:
        """An icon that is a file of this site; None (with a warning) when it is not: an icon has no
        alt text to show instead (links.py), and nothing is loaded from another host."""
        target = value.text.strip()
        if not self._resolve(target, value, "image")[0].local:
            self.warn(value.line, value.col, f"image {target!r} is not a file of the repository; not shown")
            return None
        written = f"<{target}>" if BRACKETED.search(target) else target
        return f'![]({written}){{ width="{ICON_WIDTH}" }}'

    # Helpers.

    def _english_already(self, text: str) -> bool:
        return self.other_script and latin(text)

    def _parse(self, text: str, value: Scalar) -> ParsedBody | None:
        """A value's Markdown, its includes expanded and its pairs found, as in an article."""
        lines, diags = expand(text, value.first_line, self.origin, self.repo.fragments, str(self.repo.root))
        if not value.block:  # a quoted value's line breaks are escapes: its lines are not the file's
            lines = tuple(
                replace(line, number=value.line) if line.origin == self.origin else line for line in lines
            )
        parsed, more = parse_body(lines)
        self.diags.extend(diags)
        self.diags.extend(more)
        return parsed

    def _renumber(self, line: str, pairs: tuple[RawPair, ...], value: Scalar) -> str:
        """A parsed line's placeholders, numbered after the pairs the body holds already."""

        def move(m: re.Match[str]) -> str:
            pair = pairs[int(m.group(1))]
            if not value.block and pair.origin == self.origin:
                pair = replace(pair, col=value.col)  # its column in the value is not the file's
            self.pairs.append(pair)
            return placeholder(len(self.pairs) - 1)

        return SEGMENT.sub(move, line)

    def _resolve(self, target: str, at: Scalar, kind: Kind = "link") -> tuple[Resolved, list[Diagnostic]]:
        """Where a link or image leads, as inline.py rewrites it, and what that says of it."""
        probe = LinkContext(self.src.display, self.src.rel, self.repo, self.src.page)
        return rewrite_url(target, probe, at.line, at.col, kind), probe.diags

    def _page_of(self, resolved: Resolved) -> str | None:
        """The imported page a link leads to, if it leads to one."""
        if not resolved.local or resolved.url is None or resolved.url.startswith("#"):
            return None
        path = resolved.url.split("#", 1)[0].split("?", 1)[0]
        if not path.endswith(".md"):
            return None
        return posixpath.normpath(posixpath.join(posixpath.dirname(self.src.page), path))[: -len(".md")]
