"""Stage 3: turn DocFX Markdown lines into Material Markdown lines shared by both languages.

Input lines hold pair placeholders; output lines do too, so one skeleton serves
both languages and line i of the target page translates line i of the source
page. First DocFX's block syntax becomes Material's (the docfx package: lists,
alerts, divs, tabs, rows and columns, zones, monikers, images, code includes);
then, line by line:

- `> [!VIDEO url]` becomes a click-to-play placeholder (docs/assets/video.js);
- `# <a name="id"></a>Title` becomes `# Title {#id}` (attr_list) so deep links live on;
- several pairs on one paragraph or list line are put one per line, indented as
  continuation lines, when the next segment cannot be mistaken for a block marker
  in either language; headings, table rows and code keep their lines.
"""

from __future__ import annotations

import html
import re
from collections.abc import Callable
from dataclasses import dataclass, field, replace

from sxs.diagnostics import Diagnostic, warning
from sxs.pages import videos

from . import docfx
from .docfx import colons
from .inline import LinkContext, clean
from .model import CLOSE, OPEN, Origin, RawPair, Segment, label, placeholder
from .parse import ParsedBody

VIDEO = re.compile(r"^(?P<ind>[ \t]*)(?:>[ \t]?)?\[!VIDEO[ \t]+(?P<url>[^\]\s]+)[ \t]*\][ \t]*$", re.I)
DIRECTIVE = re.compile(r"\[!(?:div|code|VIDEO)\b|:::[ \t]*[A-Za-z]", re.I)  # includes: includes.py
# Headings stand anywhere a block does: in list items, admonitions and tabs too (code lines are known).
HEADING = re.compile(r"^[ \t]*#{1,6}(?:[ \t]|$)")
ANCHOR_HEADING = re.compile(
    r'^(?P<hashes>[ \t]*#{1,6}[ \t]+)<a[ \t]+(?:name|id)="(?P<id>[^"]*)"[ \t]*/?>[ \t]*'
    r"(?:</a>)?[ \t]*(?P<rest>.*?)$"
)
SAFE_ID = re.compile(r"[A-Za-z0-9_][A-Za-z0-9_.:-]*")
TABLE_SEP = re.compile(r"^[ \t]*\|?[ \t]*:?-+:?[ \t]*(?:\|[ \t]*:?-+:?[ \t]*)*\|?[ \t]*$")
CONTAINER = re.compile(r"^(?:[ \t]*>[ \t]?)*[ \t]*(?:(?:[-*+]|\d{1,9}[.)])[ \t]+)?")
GAP = re.compile(re.escape(CLOSE) + r"([ \t]+)" + re.escape(OPEN) + r"(?=\d)")
SEGMENT_REF = re.compile(re.escape(OPEN) + r"(\d+)" + re.escape(CLOSE))
LAST_SEGMENT = re.compile(re.escape(OPEN) + r"(\d+)" + re.escape(CLOSE) + "$")
BLOCK_START = re.compile(
    r"^(?:[-+*](?:[ \t]|$)|\d{1,9}[.)](?:[ \t]|$)|(?:[-*_][ \t]*){3,}$|\[[^\]]*\]:|!!!|\[!)"
)

# What a segment's text may begin with that, once the segment begins a line, would start a block
# (inside its <span> upstream it was text): an ordered-list number gets `\` before its `.` or `)`,
# the rest a `\` before them. `=` and `~` are not escapable in Python-Markdown and are left alone.
LEAD_ORDERED = re.compile(r"^(\d{1,9})(?=[.)](?:[ \t]|$))")
LEAD_MARKER = re.compile(
    r"^(?:[-+*](?:[ \t]|$)|#{1,6}(?:[ \t]|$)|>|(?:[-*_][ \t]*){3,}$|!!!|\[[^\]]*\]:|```)"
)

# Lines a following line cannot continue: headings, table rows, fences, admonitions, tabs, blocks,
# HTML blocks.
CLOSED_LINE = ("#", "|", "```", "~~~", "!!!", "???", "===", "///", "<")


@dataclass
class Layout:
    lines: list[str] = field(default_factory=list)
    segments: list[Segment] = field(default_factory=list)
    title_line: int | None = None
    diags: list[Diagnostic] = field(default_factory=list)


def layout(body: ParsedBody, ctx: LinkContext, split: bool = True) -> Layout:
    """Rewrite the body's blocks; split=False keeps pairs on their source lines (for tests)."""
    return _Blocks(body, ctx, split).run()


class _Blocks:
    """One pass over the body's lines, once DocFX's block syntax has become Material's."""

    def __init__(self, body: ParsedBody, ctx: LinkContext, split: bool) -> None:
        self.body, self.split = body, split
        self.article_ctx = self.ctx = ctx
        self.contexts: dict[str, LinkContext] = {ctx.rel: ctx}  # one per file lines come from
        self.out = Layout()
        self.table: set[int] = set()
        self.code: frozenset[int] = frozenset()  # lines that are code (docfx.rewrite knows which)
        self.prev_blank = True
        self.src_line = 0

    def run(self) -> Layout:
        rewritten = docfx.rewrite(self.body, self._context)
        self.out.diags.extend(rewritten.diags)
        self.body, self.code = rewritten.body, rewritten.code
        self.table = _table_lines(self.body.lines)
        for i, line in enumerate(self.body.lines):
            origin = self.body.origins[i]
            self.src_line = origin.number
            self.ctx = self._context(origin.origin)
            if i in self.code:
                self.out.lines.append(_code_line(line, self.body.pairs, self.out))
                self.prev_blank = False
            elif not line.strip():
                self.out.lines.append("")
                self.prev_blank = True
            elif self._docfx(line) is not None:
                self.prev_blank = False
                self._text(i, line)
        return self.out

    def _docfx(self, line: str) -> str | None:
        """Videos; None when the line is fully handled."""
        video = VIDEO.match(line)
        if video:
            self.out.lines.append(_video(video.group("ind"), video.group("url"), self.ctx, self.src_line))
            self.prev_blank = False
            return None
        if DIRECTIVE.search(line):
            self.out.diags.append(
                warning(self.ctx.display, self.src_line, 1, "DocFX directive not converted; kept as text")
            )
        return line

    def _context(self, origin: Origin) -> LinkContext:
        """Links in an include fragment start from the fragment's folder; messages name its file."""
        ctx = self.contexts.get(origin.rel)
        if ctx is None:
            ctx = replace(self.article_ctx, display=origin.display, rel=origin.rel)
            self.contexts[origin.rel] = ctx
        return ctx

    def _text(self, i: int, line: str) -> None:
        heading = HEADING.match(line)
        if heading:
            line = self._heading(line)
        line = _clean_line(line, self.body.pairs, self.out, self.ctx, self.src_line, self._context)
        if line.endswith((" ", "\t")) and not line.endswith("  "):
            line = line[:-1]  # one trailing blank means nothing in Markdown; two are a line break
        if not self.split or heading or i in self.table or line.lstrip(" \t>").startswith("<"):
            lines = [line]
        else:
            lines = _split(line, self.out.segments)
        if i in self.table:
            self._escape_pipes(line)
        for text in lines:
            if not heading and i not in self.table:
                self._escape_lead(text)
            last = LAST_SEGMENT.search(text)
            if last:
                # Blanks that ended a segment inside its span would end the line here: two make a <br>.
                k = int(last.group(1))
                seg = self.out.segments[k]
                self.out.segments[k] = replace(
                    seg, target=seg.target.rstrip(" \t"), source=seg.source.rstrip(" \t")
                )
        if len(lines) == 1 and not heading and self._blank_in_one_language(line):
            # It would be a blank line in that language and end the paragraph there; upstream its
            # span markup kept the paragraph going: it joins the line before, in both languages.
            self.out.lines[-1] += " " + line
            return
        self.out.lines.extend(lines)

    def _blank_in_one_language(self, line: str) -> bool:
        """A continuation line holding only segments, all empty in one language."""
        prev = self.out.lines[-1] if self.out.lines else ""
        if not prev.strip() or prev.lstrip().startswith(CLOSED_LINE):
            return False
        refs = SEGMENT_REF.findall(line)
        if not refs or SEGMENT_REF.sub("", line).strip():
            return False
        segs = [self.out.segments[int(k)] for k in refs]
        return all(not s.source.strip() for s in segs) or all(not s.target.strip() for s in segs)

    def _escape_pipes(self, line: str) -> None:
        """A pair stood inside one table cell upstream: a `|` in its text is text, not a new cell (the
        translation tool sometimes lost the `\\` before one, giving a row more cells than its English)."""
        for k in (int(m.group(1)) for m in SEGMENT_REF.finditer(line)):
            seg = self.out.segments[k]
            self.out.segments[k] = replace(seg, target=_cell_text(seg.target), source=_cell_text(seg.source))

    def _escape_lead(self, text: str) -> None:
        """Keep the block marker a line's first segment may begin with as text, in both languages."""
        prefix = CONTAINER.match(text)
        first = SEGMENT_REF.match(text, prefix.end() if prefix else 0)
        if first is None:
            return
        k = int(first.group(1))
        seg = self.out.segments[k]
        self.out.segments[k] = replace(
            seg, target=_escape_marker(seg.target), source=_escape_marker(seg.source)
        )

    def _heading(self, line: str) -> str:
        am = ANCHOR_HEADING.match(line)
        if am and SAFE_ID.fullmatch(am.group("id")):
            rest = re.sub(r"[ \t]+#+[ \t]*$", "", am.group("rest"))
            line = f"{am.group('hashes')}{rest} {{#{am.group('id')}}}"
        elif am:
            self.out.diags.append(
                warning(
                    self.ctx.display,
                    self.src_line,
                    1,
                    f"anchor {am.group('id')!r} cannot be a heading id; kept as <a name>",
                )
            )
        if self.out.title_line is None and line.lstrip(" ").startswith("# ") and not line.startswith("    "):
            self.out.title_line = len(self.out.lines)
        return line


CELL_PIPE = re.compile(r"(?<!\\)\|")
CODE_SPAN = re.compile(r"(`+).+?\1")


def _cell_text(text: str) -> str:
    """A table cell's text with its bare pipes escaped, but in code spans (tables keep those whole)."""
    if "|" not in text:
        return text
    out, pos = [], 0
    for code in CODE_SPAN.finditer(text):
        out.append(CELL_PIPE.sub(r"\\|", text[pos : code.start()]))
        out.append(code.group(0))
        pos = code.end()
    out.append(CELL_PIPE.sub(r"\\|", text[pos:]))
    return "".join(out)


def _escape_marker(text: str) -> str:
    ordered = LEAD_ORDERED.match(text)
    if ordered:
        return f"{ordered.group(1)}\\{text[ordered.end() :]}"
    return "\\" + text if LEAD_MARKER.match(text) else text


def _code_line(line: str, raw: tuple[RawPair, ...], out: Layout) -> str:
    """Code is copied as written; a pair inside code keeps its raw text."""

    def keep(m: re.Match[str]) -> str:
        pair = raw[int(m.group(1))]
        out.segments.append(Segment(pair.ident, pair.target, pair.source, pair.line, pair.col))
        return placeholder(len(out.segments) - 1)

    return SEGMENT_REF.sub(keep, line)


def _clean_line(
    line: str,
    raw: tuple[RawPair, ...],
    out: Layout,
    ctx: LinkContext,
    src_line: int,
    context_of: Callable[[Origin], LinkContext],
) -> str:
    def seg(m: re.Match[str]) -> str:
        pair = raw[int(m.group(1))]
        pair_ctx = context_of(pair.origin)
        # DocFX's inline syntax (`:::image`, `:::no-loc`) may stand inside a pair, in each language.
        out.segments.append(
            Segment(
                pair.ident,
                clean(colons.rewrite(pair.target), pair_ctx, pair.line, pair.col),
                clean(colons.rewrite(pair.source), pair_ctx, pair.line, pair.col),
                pair.line,
                pair.col,
            )
        )
        return placeholder(len(out.segments) - 1)

    shared = clean(line, ctx, src_line, 1)
    return SEGMENT_REF.sub(seg, shared)


def _split(line: str, segments: list[Segment]) -> list[str]:
    """Put each segment of a paragraph or list line on its own continuation line."""
    prefix = CONTAINER.match(line)
    lead = prefix.group(0) if prefix else ""
    cont = re.sub(r"[-*+]|\d{1,9}[.)]", lambda m: " " * len(m.group(0)), lead)
    pieces: list[str] = []
    start = 0
    for gap in GAP.finditer(line):
        tail = line[: gap.start() + 1].rsplit(OPEN, 1)[1].rstrip(CLOSE)
        after = SEGMENT_REF.match(line, gap.end(1))
        if not tail.isdigit() or after is None:
            continue
        if _breakable(segments[int(tail)], segments[int(after.group(1))]):
            pieces.append(line[start : gap.start() + 1])
            start = gap.end(1)
    pieces.append(line[start:])
    return [pieces[0]] + [cont + p for p in pieces[1:]]


def _breakable(before: Segment, after: Segment) -> bool:
    for prev, nxt in ((before.target, after.target), (before.source, after.source)):
        if not prev or not nxt or prev[-1] in " \t\\" or nxt[0] in " \t#>|=:~`<{\\":
            return False
        if BLOCK_START.match(nxt):
            return False
    return True


def _table_lines(lines: tuple[str, ...]) -> set[int]:
    rows: set[int] = set()
    for i, line in enumerate(lines):
        if "|" in line and TABLE_SEP.match(line) and "-" in line and i > 0 and "|" in lines[i - 1]:
            j = i - 1
            rows.add(j)
            j = i
            while j < len(lines) and "|" in lines[j] and lines[j].strip():
                rows.add(j)
                j += 1
    return rows


def _video(indent: str, url: str, ctx: LinkContext, line: int) -> str:
    if not url.lower().startswith("https://"):
        ctx.warn(line, 1, f"video URL {url!r} is not https; written as a plain link")
        return f"{indent}<{url}>" if url.lower().startswith("http://") else f"{indent}{html.escape(url)}"
    if not videos.is_player(url):
        # The site's security policy frames only the known players: this one would never play.
        ctx.warn(
            line, 1, f"video URL {url!r} is not a known video player (pages/videos.py); written as a link"
        )
        return f"{indent}<{url}>"
    src = html.escape(url, quote=True)
    # A <span>, not a <div>: valid both as a block and inside a list item's paragraph.
    # No src attribute anywhere: nothing is fetched from the video host until a click.
    return (
        f'{indent}<span class="sxs-video" data-video-src="{src}">'
        f'<button type="button" class="sxs-video__play">{label("video")}</button> '
        f'<a class="sxs-video__link" href="{src}">{label("video-link")}</a></span>'
    )
