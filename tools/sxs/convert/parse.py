"""Stage 2c: find the translated pairs in an article body (its includes expanded: includes.py).

A pair is `<span data-ttu-id="H-N">TARGET</span><span class="sxs-lookup">
<span data-stu-id="H-N">SOURCE</span></span>`. Each pair is replaced by a
placeholder (see model.placeholder) so later stages can treat the body as
ordinary Markdown lines. Damage seen in real repositories is reported:
errors make the article fail, warnings are repaired.
"""

from __future__ import annotations

import bisect
import itertools
import re
from collections.abc import Callable
from dataclasses import dataclass

from sxs.diagnostics import Diagnostic, error, warning

from .model import CLOSE, OPEN, Line, Origin, RawPair, placeholder

PAIR = re.compile(
    r'<span data-ttu-id="(?P<tid>[^"]*)">(?P<target>.*?)</span>'
    r'<span class="sxs-lookup"><span data-stu-id="(?P<sid>[^"]*)">(?P<source>.*?)</span></span>',
    re.S,
)
# Pieces of the pair markup that must not survive outside a well-formed pair.
LEFTOVER = re.compile(
    r'<span data-ttu-id=|<span class="sxs-lookup">|<span data-stu-id=|data-ttu-id=|data-stu-id='
)
STRAY_CLOSE = re.compile(r"</span\s*>")
# The translation tool sometimes escaped the quotes of its own markup from some point on a line:
# `<span data-ttu-id="x-1&quot;>`, `<span class=&quot;sxs-lookup&quot;>`, `<a name="id&quot;>`.
ESCAPED_TAG = re.compile(r"<(?:span|a)\b[^<>]*&quot;[^<>]*>")
LINE_BREAK = re.compile(r"[ \t]*\n[ \t]*")


Reporter = Callable[[Callable[[str, int, int, str], Diagnostic], int, str], None]


@dataclass(frozen=True)
class ParsedBody:
    lines: tuple[str, ...]  # body lines, each pair replaced by its placeholder
    pairs: tuple[RawPair, ...]
    origins: tuple[Line, ...]  # where each body line starts in its file (its text is the source's)


class _Where:
    """Offsets of the joined body back to files and lines."""

    def __init__(self, source: tuple[Line, ...]) -> None:
        self.source = source
        self.starts = list(itertools.accumulate((len(line.text) + 1 for line in source[:-1]), initial=0))

    def __call__(self, offset: int) -> tuple[Origin, int, int]:
        index = bisect.bisect_right(self.starts, offset) - 1
        line = self.source[index]
        return line.origin, line.number, offset - self.starts[index] + 1


def repair_quotes(text: str) -> tuple[str, int | None]:
    """The text with the quotes the tool escaped restored, and the offset of the first repair. It
    escaped every quote from some point of a line on: its markup's, and a link title's after it."""
    first = ESCAPED_TAG.search(text)
    if first is None:
        return text, None
    at = text.rfind("\n", 0, first.start()) + 1
    end = text.find("\n", first.start())
    end = len(text) if end < 0 else end
    return text[:at] + text[at:end].replace("&quot;", '"') + text[end:], first.start()


def _repaired(body_lines: tuple[Line, ...], diags: list[Diagnostic]) -> tuple[Line, ...]:
    out = []
    for line in body_lines:
        text, at = repair_quotes(line.text) if "&quot;" in line.text else (line.text, None)
        if at is not None:
            diags.append(
                warning(
                    line.origin.display,
                    line.number,
                    at + 1,
                    "pair markup with escaped quotes (&quot;); repaired",
                )
            )
            line = Line(text, line.origin, line.number)
        out.append(line)
    return tuple(out)


def parse_body(body_lines: tuple[Line, ...]) -> tuple[ParsedBody | None, list[Diagnostic]]:
    """Replace pairs by placeholders; None when the body is too damaged to import."""
    diags: list[Diagnostic] = []
    body_lines = _repaired(body_lines, diags)
    if not body_lines:
        return ParsedBody((), (), ()), diags
    body = "\n".join(line.text for line in body_lines)
    where = _Where(body_lines)

    def report(make: Callable[[str, int, int, str], Diagnostic], offset: int, message: str) -> None:
        origin, line, col = where(offset)
        diags.append(make(origin.display, line, col, message))

    if OPEN in body or CLOSE in body:
        at = min(i for i in (body.find(OPEN), body.find(CLOSE)) if i >= 0)
        report(error, at, "private-use characters U+E000/U+E001 are reserved")
        return None, diags

    pairs: list[RawPair] = []
    out: list[str] = []
    hidden_newlines: list[int] = []  # newlines inside each chunk of `out` that a join removed
    pos = 0
    for m in PAIR.finditer(body):
        origin, line, col = where(m.start())
        display = origin.display
        gap = body[pos : m.start()]
        _check_leftover(gap, pos, report)
        out.append(gap)
        hidden_newlines.append(0)
        pos = m.end()
        tid, sid = m.group("tid"), m.group("sid")
        target, source = m.group("target"), m.group("source")
        inner = LEFTOVER.search(target)
        if inner is not None:
            _, iline, icol = where(m.start("target") + inner.start())
            if STRAY_CLOSE.search(target, 0, inner.start()):
                message = f'pair "{tid}" has no sxs-lookup half (next pair starts at {iline}:{icol})'
            else:
                message = f'unclosed span: pair "{tid}" has no </span> before the next pair at {iline}:{icol}'
            diags.append(error(display, line, col, message))
            continue
        inner = LEFTOVER.search(source)
        if inner is not None:
            report(
                error,
                m.start("source") + inner.start(),
                f'unexpected pair markup inside the source text of "{sid}"',
            )
            continue
        if tid != sid:
            diags.append(error(display, line, col, f'data-ttu-id "{tid}" and data-stu-id "{sid}" differ'))
            continue
        if "\n" in m.group(0):
            diags.append(
                warning(display, line, col, f'pair "{tid}" is split across lines; joined into one line')
            )
            # A soft line break renders as a space; `[a](url )` is still a link.
            target = LINE_BREAK.sub(" ", target)
            source = LINE_BREAK.sub(" ", source)
        for name, text in (("target", target), ("source", source)):
            if STRAY_CLOSE.search(text):
                diags.append(
                    warning(display, line, col, f'stray </span> inside the {name} text of "{tid}"; removed')
                )
        target = STRAY_CLOSE.sub("", target)
        source = STRAY_CLOSE.sub("", source)
        out.append(placeholder(len(pairs)))
        hidden_newlines.append(m.group(0).count("\n"))
        pairs.append(RawPair(ident=tid, target=target, source=source, origin=origin, line=line, col=col))
    _check_leftover(body[pos:], pos, report)
    out.append(body[pos:])
    hidden_newlines.append(0)
    if any(d.is_error for d in diags):
        return None, diags

    lines: list[str] = [""]
    origins: list[Line] = [body_lines[0]]
    index = 0
    for chunk, hidden in zip(out, hidden_newlines, strict=False):
        parts = chunk.split("\n")
        lines[-1] += parts[0]
        for part in parts[1:]:
            index += 1
            lines.append(part)
            origins.append(body_lines[min(index, len(body_lines) - 1)])
        index += hidden
    if lines[-1] == "":
        lines.pop()
        origins.pop()
    return ParsedBody(tuple(lines), tuple(pairs), tuple(origins)), diags


def _check_leftover(gap: str, offset: int, report: Reporter) -> None:
    hit = LEFTOVER.search(gap)
    if hit is None:
        return
    if hit.group(0).startswith("<span data-ttu-id"):
        message = "unclosed span: pair markup without its closing </span> or its sxs-lookup half"
    elif "stu" in hit.group(0) or "sxs-lookup" in hit.group(0):
        message = "sxs-lookup half without its data-ttu-id half"
    else:
        message = "pair markup outside a well-formed pair"
    report(error, offset + hit.start(), message)
