"""Stage 2b: find the translated pairs in an article body.

A pair is `<span data-ttu-id="H-N">TARGET</span><span class="sxs-lookup">
<span data-stu-id="H-N">SOURCE</span></span>`. Each pair is replaced by a
placeholder (see model.placeholder) so later stages can treat the body as
ordinary Markdown lines. Damage seen in real repositories is reported:
errors make the article fail, warnings are repaired.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from sxs.diagnostics import Diagnostic, error, warning

from .model import CLOSE, OPEN, RawPair, placeholder

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
LINE_BREAK = re.compile(r"[ \t]*\n[ \t]*")


@dataclass(frozen=True)
class ParsedBody:
    lines: tuple[str, ...]  # body lines, each pair replaced by its placeholder
    pairs: tuple[RawPair, ...]
    line_of: tuple[int, ...]  # source line number of each body line


def _position(text: str, offset: int, first_line: int) -> tuple[int, int]:
    line = text.count("\n", 0, offset)
    col = offset - (text.rfind("\n", 0, offset) + 1) + 1
    return first_line + line, col


def parse_body(body: str, first_line: int, display: str) -> tuple[ParsedBody | None, list[Diagnostic]]:
    """Replace pairs by placeholders; None when the body is too damaged to import."""
    diags: list[Diagnostic] = []
    if OPEN in body or CLOSE in body:
        at = min(i for i in (body.find(OPEN), body.find(CLOSE)) if i >= 0)
        line, col = _position(body, at, first_line)
        diags.append(error(display, line, col, "private-use characters U+E000/U+E001 are reserved"))
        return None, diags

    pairs: list[RawPair] = []
    out: list[str] = []
    hidden_newlines: list[int] = []  # newlines inside each chunk of `out` that a join removed
    pos = 0
    seen_offset, seen_line = 0, first_line  # newlines are counted once, moving forward
    for m in PAIR.finditer(body):
        seen_line += body.count("\n", seen_offset, m.start())
        seen_offset = m.start()
        line = seen_line
        col = m.start() - (body.rfind("\n", 0, m.start()) + 1) + 1
        gap = body[pos : m.start()]
        _check_leftover(gap, pos, body, first_line, display, diags)
        out.append(gap)
        hidden_newlines.append(0)
        pos = m.end()
        tid, sid = m.group("tid"), m.group("sid")
        target, source = m.group("target"), m.group("source")
        inner = LEFTOVER.search(target)
        if inner is not None:
            iline, icol = _position(body, m.start("target") + inner.start(), first_line)
            if STRAY_CLOSE.search(target, 0, inner.start()):
                message = f'pair "{tid}" has no sxs-lookup half (next pair starts at {iline}:{icol})'
            else:
                message = f'unclosed span: pair "{tid}" has no </span> before the next pair at {iline}:{icol}'
            diags.append(error(display, line, col, message))
            continue
        inner = LEFTOVER.search(source)
        if inner is not None:
            iline, icol = _position(body, m.start("source") + inner.start(), first_line)
            diags.append(
                error(display, iline, icol, f'unexpected pair markup inside the source text of "{sid}"')
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
        pairs.append(RawPair(ident=tid, target=target, source=source, line=line, col=col))
    _check_leftover(body[pos:], pos, body, first_line, display, diags)
    out.append(body[pos:])
    hidden_newlines.append(0)
    if any(d.is_error for d in diags):
        return None, diags

    lines: list[str] = [""]
    line_of: list[int] = [first_line]
    src_line = first_line
    for chunk, hidden in zip(out, hidden_newlines, strict=False):
        parts = chunk.split("\n")
        lines[-1] += parts[0]
        for part in parts[1:]:
            src_line += 1
            lines.append(part)
            line_of.append(src_line)
        src_line += hidden
    if lines[-1] == "":
        lines.pop()
        line_of.pop()
    return ParsedBody(tuple(lines), tuple(pairs), tuple(line_of)), diags


def _check_leftover(
    gap: str, offset: int, body: str, first_line: int, display: str, diags: list[Diagnostic]
) -> None:
    hit = LEFTOVER.search(gap)
    if hit is None:
        return
    line, col = _position(body, offset + hit.start(), first_line)
    if hit.group(0).startswith("<span data-ttu-id"):
        message = "unclosed span: pair markup without its closing </span> or its sxs-lookup half"
    elif "stu" in hit.group(0) or "sxs-lookup" in hit.group(0):
        message = "sxs-lookup half without its data-ttu-id half"
    else:
        message = "pair markup outside a well-formed pair"
    diags.append(error(display, line, col, message))
