"""DocFX's block Markdown as Material's: the first step of the layout.

A page body (pairs already replaced by placeholders) is parsed as DocFX parses it (grammar.py:
CommonMark and DocFX's containers) and written back line by line for Python-Markdown with
Material's extensions (emit.py): list content indented by four, wherever DocFX's indentation put
it; `> [!NOTE]` alerts as admonitions (quotes.py), `> [!div class]` as `/// html | div`, tabs as
content tabs (tabs.py), rows and columns side by side, zones and monikers as blocks that show their
condition, `:::image:::` as Markdown images (colons.py), code includes as fenced code
(snippets.py). What the rest of the layout needs back: the new lines, the source line of each,
and which lines are code (copied as written).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from sxs.diagnostics import Diagnostic, warning

from ..inline import LinkContext
from ..model import Origin
from ..parse import ParsedBody
from . import snippets
from .emit import Emitter
from .grammar import parse


@dataclass(frozen=True)
class Rewritten:
    body: ParsedBody  # the lines in Material's Markdown, pairs unchanged
    code: frozenset[int]  # indices of lines that are code
    diags: tuple[Diagnostic, ...]


def rewrite(body: ParsedBody, context_of: Callable[[Origin], LinkContext]) -> Rewritten:
    """DocFX's block syntax of a body (its includes expanded) as Material's; `context_of` gives the
    link context of the file a line came from (messages name it, code files resolve from it)."""
    diags: list[Diagnostic] = []
    lines = list(body.lines)
    # An include fragment arrives indented as the include was: parse it at its own level.
    common = min((len(s) - len(s.lstrip(" ")) for s in lines if s.strip()), default=0)
    if common:
        lines = [s[common:] for s in lines]

    def warn(index: int, message: str) -> None:
        if not body.origins:
            return
        origin = body.origins[index]
        diags.append(warning(origin.origin.display, origin.number, 1, message))

    def code(include: snippets.Include, index: int) -> list[str] | None:
        ctx = context_of(body.origins[index].origin)
        path = snippets.resolve(include, ctx.rel)
        text = ctx.repo.fragments.get(path)
        if text is None:
            warn(index, f"code file {include.path!r} is not in the repository; the include is kept as text")
            return None
        return snippets.fence(include, text, lambda message: warn(index, message))

    out = Emitter(lines, warn, code).run(parse("\n".join(lines)))
    pad = " " * common
    texts = tuple(pad + line.text if common and line.text else line.text for line in out)
    origins = tuple(body.origins[line.source] for line in out)
    codes = frozenset(k for k, line in enumerate(out) if line.code)
    return Rewritten(ParsedBody(texts, body.pairs, origins), codes, tuple(diags))
