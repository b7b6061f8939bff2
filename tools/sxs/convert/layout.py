"""Stage 3: turn DocFX Markdown lines into Material Markdown lines shared by both languages.

Input lines hold pair placeholders; output lines do too, so one skeleton serves
both languages and line i of the target page translates line i of the source
page. Block rules applied here:

- `> [!NOTE]` ... alerts become `!!! note "<label>"` admonitions;
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

from .inline import LinkContext, clean
from .model import CLOSE, OPEN, Origin, RawPair, Segment, label, placeholder
from .parse import ParsedBody

ALERT = re.compile(
    r"^(?P<ind>[ \t]*)>[ \t]?\[!(?P<kind>NOTE|TIP|IMPORTANT|WARNING|CAUTION)\][ \t]*(?P<rest>.*)$", re.I
)
VIDEO = re.compile(r"^(?P<ind>[ \t]*)(?:>[ \t]?)?\[!VIDEO[ \t]+(?P<url>[^\]\s]+)[ \t]*\][ \t]*$", re.I)
DIRECTIVE = re.compile(r"\[!(?:div|code|VIDEO)\b", re.I)  # includes: includes.py
FENCE = re.compile(r"^[ \t]*(?P<mark>`{3,}|~{3,})")
HEADING = re.compile(r"^[ ]{0,3}#{1,6}(?:[ \t]|$)")
ANCHOR_HEADING = re.compile(
    r'^(?P<hashes>[ ]{0,3}#{1,6}[ \t]+)<a[ \t]+(?:name|id)="(?P<id>[^"]*)"[ \t]*/?>[ \t]*'
    r"(?:</a>)?[ \t]*(?P<rest>.*?)$"
)
SAFE_ID = re.compile(r"[A-Za-z0-9_][A-Za-z0-9_.:-]*")
TABLE_SEP = re.compile(r"^[ \t]*\|?[ \t]*:?-+:?[ \t]*(?:\|[ \t]*:?-+:?[ \t]*)*\|?[ \t]*$")
LIST_ITEM = re.compile(r"^[ \t]*(?:[-*+]|\d{1,9}[.)])(?:[ \t]+|$)")
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

# Lines a following line cannot continue: headings, table rows, fences, admonitions, HTML blocks.
CLOSED_LINE = ("#", "|", "```", "~~~", "!!!", "<")

ADMONITION = {"note": "note", "tip": "tip", "important": "info", "warning": "warning", "caution": "danger"}


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
    """One pass over the body, tracking just enough block context to treat each line right."""

    def __init__(self, body: ParsedBody, ctx: LinkContext, split: bool) -> None:
        self.body, self.split = body, split
        self.article_ctx = self.ctx = ctx
        self.contexts: dict[str, LinkContext] = {ctx.rel: ctx}  # one per file lines come from
        self.out = Layout()
        self.table = _table_lines(body.lines)
        self.fence: str | None = None  # marker of the open fenced code block
        self.alert: str | None = None  # indentation of the open DocFX alert
        self.in_list = False
        self.list_indent = 0  # content column of the last list item
        self.in_code = False  # inside an indented code block
        self.prev_blank = True
        self.src_line = 0

    def run(self) -> Layout:
        for i, line in enumerate(self.body.lines):
            origin = self.body.origins[i]
            self.src_line = origin.number
            self.ctx = self._context(origin.origin)
            rewritten = self._docfx(line) if self.fence is None else self._alert_body(line, in_code=True)
            if rewritten is None or self._code(rewritten):
                continue
            self._text(i, rewritten)
        return self.out

    def _docfx(self, line: str) -> str | None:
        """Alerts and videos; None when the line is fully handled."""
        video = VIDEO.match(line)
        if video:
            self.out.lines.append(_video(video.group("ind"), video.group("url"), self.ctx, self.src_line))
            self.prev_blank = False
            return None
        m = ALERT.match(line)
        if m:
            self.alert = m.group("ind")
            kind = ADMONITION[m.group("kind").lower()]
            self.out.lines.append(f'{self.alert}!!! {kind} "{label(kind)}"')
            self.prev_blank = False
            return f"{self.alert}    {m.group('rest')}" if m.group("rest").strip() else None
        line = self._alert_body(line, in_code=False)
        if DIRECTIVE.search(line):
            self.out.diags.append(
                warning(self.ctx.display, self.src_line, 1, "DocFX directive not converted; kept as text")
            )
        return line

    def _context(self, origin: Origin) -> LinkContext:
        """Links in an include fragment start from the fragment's folder; messages name its file."""
        ctx = self.contexts.get(origin.rel)
        if ctx is None:
            base = self.article_ctx
            ctx = replace(base, display=origin.display, rel=origin.rel)
            self.contexts[origin.rel] = ctx
        return ctx

    def _alert_body(self, line: str, in_code: bool) -> str:
        """A `> ` line of an open alert becomes a line of the admonition's indented body."""
        if self.alert is None:
            return line
        quoted = re.match(re.escape(self.alert) + r">[ \t]?(.*)$", line)
        if quoted is None:
            self.alert = None
            return line
        content = quoted.group(1)
        if not in_code and not LIST_ITEM.match(content) and _indent(content) < 4:
            content = content.lstrip()  # "> ␠␠text": the extra spaces mean nothing
        return f"{self.alert}    {content}" if content.strip() else ""

    def _code(self, line: str) -> bool:
        """Fenced and indented code, copied as written; True when the line was code."""
        fm = FENCE.match(line)
        if self.fence is None and fm is not None:
            self.fence = fm.group("mark")
        elif self.fence is not None:
            if (
                fm is not None
                and line.strip() == fm.group("mark")
                and fm.group("mark").startswith(self.fence)
            ):
                self.fence = None
        elif not line.strip():
            self.out.lines.append("")
            self.prev_blank = True
            return True
        else:
            indent = _indent(line)
            code = False
            item = LIST_ITEM.match(line)
            # Code starts four columns past the enclosing content: the page, a list item or an alert.
            if self.alert is not None:
                base = _indent(self.alert) + 4
            else:
                base = self.list_indent if self.in_list else 0
            if item:
                self.in_list = True
                self.list_indent = len(item.group(0).expandtabs(4))
            elif indent >= base + 4 and (self.in_code or self.prev_blank):
                code = True  # an indented code block (it may go on after blank lines)
            elif indent == 0 and self.prev_blank:
                self.in_list = False
            self.in_code = code
            if not code:
                self.prev_blank = False
                return False
        self.out.lines.append(_code_line(line, self.body.pairs, self.out))
        self.prev_blank = False
        return True

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
        if self.out.title_line is None and line.lstrip().startswith("# "):
            self.out.title_line = len(self.out.lines)
        return line


def _escape_marker(text: str) -> str:
    ordered = LEAD_ORDERED.match(text)
    if ordered:
        return f"{ordered.group(1)}\\{text[ordered.end() :]}"
    return "\\" + text if LEAD_MARKER.match(text) else text


def _indent(line: str) -> int:
    stripped = line.lstrip(" \t")
    return len(line[: len(line) - len(stripped)].expandtabs(4))


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
        out.segments.append(
            Segment(
                pair.ident,
                clean(pair.target, context_of(pair.origin), pair.line, pair.col),
                clean(pair.source, context_of(pair.origin), pair.line, pair.col),
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
    src = html.escape(url, quote=True)
    # A <span>, not a <div>: valid both as a block and inside a list item's paragraph.
    # No src attribute anywhere: nothing is fetched from the video host until a click.
    return (
        f'{indent}<span class="sxs-video" data-video-src="{src}">'
        f'<button type="button" class="sxs-video__play">{label("video")}</button> '
        f'<a class="sxs-video__link" href="{src}">{label("video-link")}</a></span>'
    )
