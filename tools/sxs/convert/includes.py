"""Stage 2b: expand DocFX includes, before pairs are parsed, so later stages see one body.

`[!INCLUDE [title](path)]` stands for the body of another file of the repository (an include
fragment, front matter left out), resolved against the folder of the file that names it. DocFX
expands it wherever it stands, and so does this stage:

- alone on its line, after nothing but container markers (indentation, `>` of a quote or an
  alert, a list item's marker): the fragment's lines take its place, each carrying the same
  containers, so an include inside an alert or a list item stays inside it;
- inside a paragraph: the fragment's text, joined into one line, takes its place in the line;
- inside a translated pair (the translation tool tagged the directive as a sentence): the pair
  is split around it, its text before and after staying pairs of their own;
- nested: a fragment's own includes are expanded relative to the fragment, and a cycle is
  reported instead of followed.

Every line of the result knows where it came from (`Line.origin`, `Line.number`), so messages
name the fragment's file and line, and links in a fragment resolve from the fragment's folder.
Directives inside code are text. An include that cannot be expanded is kept as written (as text,
not as a link), with a warning.
"""

from __future__ import annotations

import posixpath
import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from urllib.parse import unquote

from sxs.diagnostics import Diagnostic, warning

from .model import Line, Origin
from .parse import PAIR

DIRECTIVE = re.compile(
    r"\[!INCLUDE[ \t]*\[(?P<title>[^\]\n]*)\][ \t]*\([ \t]*<?(?P<path>[^()<>\s]+)>?[ \t]*\)[ \t]*\]", re.I
)
# What may stand before a block include on its line: indentation, quote markers, a list marker.
CONTAINER = re.compile(r"^(?P<prefix>(?:[ \t]*>)*[ \t]*(?:(?:[-*+]|\d{1,9}[.)])[ \t]+)?)$")
LIST_MARKER = re.compile(r"[-*+]|\d{1,9}[.)]")
FENCE = re.compile(r"^(?:[ \t]*>)*[ \t]*(?P<mark>`{3,}|~{3,})")
FRONT_MATTER = re.compile(r"\A---[ \t]*\n(?:.*?\n)?---[ \t]*(?:\n|\Z)", re.S)
MAX_DEPTH = 10  # DocFX's own nesting is shallow; a deeper chain is a mistake, not content


@dataclass
class _Expansion:
    fragments: Mapping[str, str]
    root_display: str  # how the repository root is written in messages (a folder path)
    diags: list[Diagnostic] = field(default_factory=list)


def expand(
    body: str,
    first_line: int,
    origin: Origin,
    fragments: Mapping[str, str],
    root_display: str,
) -> tuple[tuple[Line, ...], list[Diagnostic]]:
    """The body's lines with every include expanded; `fragments` maps repository paths to texts."""
    state = _Expansion(fragments, root_display)
    lines = _expand(body, first_line, origin, state, (origin.rel,))
    return tuple(lines), state.diags


def _expand(
    body: str, first_line: int, origin: Origin, state: _Expansion, stack: tuple[str, ...]
) -> list[Line]:
    if "[!" not in body or DIRECTIVE.search(body) is None:
        return [Line(text, origin, first_line + i) for i, text in enumerate(body.split("\n"))]
    body = _split_pairs(body)
    out: list[Line] = []
    fence: str | None = None
    for i, text in enumerate(body.split("\n")):
        number = first_line + i
        opened = FENCE.match(text)
        if fence is not None:
            if (
                opened is not None
                and opened.group("mark").startswith(fence)
                and not text[opened.end() :].strip()
            ):
                fence = None
            out.append(Line(text, origin, number))
            continue
        if opened is not None:
            fence = opened.group("mark")
            out.append(Line(text, origin, number))
            continue
        out.extend(_expand_line(text, number, origin, state, stack))
    return out


def _expand_line(
    text: str, number: int, origin: Origin, state: _Expansion, stack: tuple[str, ...]
) -> list[Line]:
    protected = [(m.start(), m.end()) for m in PAIR.finditer(text)]
    found = [m for m in DIRECTIVE.finditer(text) if not any(a <= m.start() < b for a, b in protected)]
    if not found:
        return [Line(text, origin, number)]
    first = found[0]
    prefix = CONTAINER.match(text[: first.start()])
    if len(found) == 1 and prefix is not None and not text[first.end() :].strip():
        lines = _fragment(first, origin, number, state, stack)
        if lines is None:
            kept = text[: first.start()] + _as_text(first.group(0)) + text[first.end() :]
            return [Line(kept, origin, number)]
        return _contained(lines, prefix.group("prefix"))
    # Inline: each include's text, as one line, in the sentence.
    pieces: list[str] = []
    pos = 0
    for m in found:
        lines = _fragment(m, origin, number, state, stack)
        pieces.append(text[pos : m.start()])
        pieces.append(
            _as_text(m.group(0))
            if lines is None
            else " ".join(line.text.strip() for line in lines if line.text.strip())
        )
        pos = m.end()
    pieces.append(text[pos:])
    return [Line("".join(pieces), origin, number)]


def _fragment(
    m: re.Match[str], origin: Origin, number: int, state: _Expansion, stack: tuple[str, ...]
) -> list[Line] | None:
    """The expanded lines of the file an include names; None (and a warning) when it cannot be."""
    path = unquote(m.group("path")).split("#", 1)[0].split("?", 1)[0]
    target = posixpath.normpath(posixpath.join(posixpath.dirname(origin.rel), path))
    col = m.start() + 1
    text = state.fragments.get(target)
    if text is None:
        why = "is outside the repository" if target.startswith("../") else "names no file of the repository"
        state.diags.append(
            warning(origin.display, number, col, f"include {m.group('path')!r} {why}; kept as text")
        )
        return None
    if target in stack:
        state.diags.append(
            warning(origin.display, number, col, f"include {m.group('path')!r} is a cycle; kept as text")
        )
        return None
    if len(stack) > MAX_DEPTH:
        state.diags.append(
            warning(
                origin.display, number, col, f"include {m.group('path')!r} is nested too deep; kept as text"
            )
        )
        return None
    front = FRONT_MATTER.match(text)
    body = text[front.end() :] if front else text
    first_line = text.count("\n", 0, front.end()) + 1 if front else 1
    display = posixpath.join(state.root_display, target)
    lines = _expand(body.rstrip("\n"), first_line, Origin(display, target), state, (*stack, target))
    while lines and not lines[0].text.strip():
        lines.pop(0)
    return lines


def _as_text(directive: str) -> str:
    """An include that cannot be expanded, shown as written: not a link to a file that is no page."""
    return directive.replace("[", "\\[").replace("]", "\\]")


def _contained(lines: list[Line], prefix: str) -> list[Line]:
    """Fragment lines inside the containers of the include's line: the first after its prefix,
    the rest after the same containers with a list marker turned into its width of spaces."""
    if not prefix:
        return lines
    rest = LIST_MARKER.sub(lambda m: " " * len(m.group(0)), prefix)
    quoted = ">" in prefix
    out = []
    for i, line in enumerate(lines):
        lead = prefix if i == 0 else rest
        if line.text.strip():
            out.append(Line(lead + line.text, line.origin, line.number))
        else:  # a blank line ends a quote: inside an alert it stays a quoted blank
            out.append(Line(lead.rstrip() if quoted else "", line.origin, line.number))
    return out


def _split_pairs(body: str) -> str:
    """A pair whose texts hold includes is split around them: the include stands outside any pair,
    the text before and after stays translated pairs (same id), so nothing is lost."""

    def split(m: re.Match[str]) -> str:
        target, source = m.group("target"), m.group("source")
        includes = list(DIRECTIVE.finditer(target))
        if not includes or len(includes) != len(DIRECTIVE.findall(source)):
            return m.group(0)
        t_parts = DIRECTIVE.split(target)[:: DIRECTIVE.groups + 1]
        s_parts = DIRECTIVE.split(source)[:: DIRECTIVE.groups + 1]
        ident = m.group("tid")
        out: list[str] = []
        for i, (t, s) in enumerate(zip(t_parts, s_parts, strict=True)):
            if t.strip() or s.strip():
                out.append(
                    f'<span data-ttu-id="{ident}">{t}</span>'
                    f'<span class="sxs-lookup"><span data-stu-id="{ident}">{s}</span></span>'
                )
            if i < len(includes):
                out.append(includes[i].group(0))
        return "".join(out)

    return PAIR.sub(split, body)
