"""DocFX's inline triple-colon extensions: `:::image ...:::` as a Markdown image, `:::no-loc:::` as its text.

    :::image type="content" source="media/a.png" alt-text="Shows the menu" lightbox="media/a-big.png":::

becomes `[![Shows the menu](media/a.png)](media/a-big.png)`: the alt text stays Markdown text, so a pair
in it gives each page its own language, and the paths are rewritten with every other link. DocFX draws a
border around content images unless `border="false"` (class `mx-imgBorder`, styled by the site);
`lightbox` links the image to its larger version, `link` to any address; an `icon` is decorative
(empty alt text). A complex image's long description follows it in a collapsed `???` block (emit.py).

`:::no-loc text="Azure AD":::` marks words translators must leave alone; what is shown is the text.
"""

from __future__ import annotations

import re

from ..model import label
from .grammar import attributes

# One image, anywhere in a line (DocFX also reads it inline); code spans are skipped by the caller.
IMAGE = re.compile(r":::image[ \t]+(?P<attrs>[^\n]*?):::(?!-)")
NOLOC = re.compile(r""":::no-loc[ \t]+text[ \t]*=[ \t]*(?:"(?P<dq>[^"]*)"|'(?P<sq>[^']*)')[ \t]*:::""", re.I)
BORDER = "{ .mx-imgBorder }"


def markdown(attrs: str) -> str | None:
    """The Markdown of one `:::image` (its attributes), or None without a source."""
    found = attributes(attrs)
    source = found.get("source", "").strip()
    if not source:
        return None
    kind = found.get("type", "content").lower()
    alt = "" if kind == "icon" else found.get("alt-text", "")
    border = found.get("border", "false" if kind == "icon" else "true").lower() != "false"
    image = f"![{_alt(alt)}]({_dest(source)})" + (BORDER if border else "")
    target = found.get("link") or found.get("lightbox")
    return f"[{image}]({_dest(target)})" if target else image


def rewrite(line: str) -> str:
    """Every `:::image` and `:::no-loc` of a line (outside code spans) as Markdown."""
    if ":::" not in line:
        return line
    out, pos = [], 0
    for start, end in _outside_code(line):
        piece = line[start:end]
        out.append(line[pos:start])
        piece = IMAGE.sub(lambda m: markdown(m.group("attrs")) or m.group(0), piece)
        out.append(NOLOC.sub(lambda m: m.group("dq") if m.group("dq") is not None else m.group("sq"), piece))
        pos = end
    out.append(line[pos:])
    return "".join(out)


def description_header() -> str:
    return f'??? abstract "{label("image-description")}"'


def _alt(text: str) -> str:
    # Brackets would end the alt text early; the rest of the text is Markdown like any other.
    return re.sub(r"(?<!\\)([\[\]])", r"\\\1", text.strip())


def _dest(path: str) -> str:
    path = path.strip()
    return f"<{path}>" if re.search(r"[\s()]", path) else path


CODE_SPAN = re.compile(r"(?<!`)(`+)(?!`).+?(?<!`)\1(?!`)")


def _outside_code(line: str) -> list[tuple[int, int]]:
    spans, pos = [], 0
    for m in CODE_SPAN.finditer(line):
        spans.append((pos, m.start()))
        pos = m.end()
    spans.append((pos, len(line)))
    return spans
