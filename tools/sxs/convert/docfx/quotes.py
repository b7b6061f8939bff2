"""DocFX's blockquote sections: `> [!NOTE]` alerts, `> [!div class="..."]` and `> [!VIDEO url]`.

DocFX reads the first line of a blockquote: `[!NOTE]` (TIP, IMPORTANT, WARNING, CAUTION) makes
the quote an alert, `[!div class="a b"]` a `<div class="a b">` around the rest of the quote, and
`[!VIDEO url]` a video. In Material these are an admonition (`!!! note "..."`), a block
(`/// html | div.a.b`) and the site's click-to-play video placeholder.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from ..model import label

ALERT = re.compile(r"^\[!(?P<kind>NOTE|TIP|IMPORTANT|WARNING|CAUTION)\][ \t]*(?P<rest>.*)$", re.I)
DIV = re.compile(
    r"""^\[!div[ \t]+class[ \t]*=[ \t]*(?:"(?P<dq>[^"]*)"|'(?P<sq>[^']*)')[ \t]*\][ \t]*$""", re.I
)
VIDEO = re.compile(r"^\[!VIDEO[ \t]+[^\]\s]+[ \t]*\][ \t]*$", re.I)
CLASS = re.compile(r"-?[A-Za-z_][\w-]*")

# DocFX's alert kinds as Material's admonition types.
ADMONITION = {"note": "note", "tip": "tip", "important": "info", "warning": "warning", "caution": "danger"}

# The DocFX class whose links are Material buttons: "next step" links.
BUTTON = "nextstepaction"
BUTTON_ATTRS = "{ .md-button .md-button--primary }"
LONE_LINK = re.compile(r"^(?P<link>\[.*\]\([^()\s]*(?:\([^()\s]*\)[^()\s]*)*(?:[ \t]+\"[^\"]*\")?\))[ \t]*$")


@dataclass(frozen=True)
class Section:
    kind: str  # alert, div, video, quote
    header: str = ""  # the line that opens it in Material
    rest: str = ""  # alert: text written on the `[!NOTE]` line itself
    classes: tuple[str, ...] = ()


def section(first_line: str) -> Section:
    """What a blockquote is, from its first line's content."""
    alert = ALERT.match(first_line)
    if alert:
        kind = ADMONITION[alert.group("kind").lower()]
        return Section("alert", f'!!! {kind} "{label(kind)}"', alert.group("rest").strip())
    div = DIV.match(first_line)
    if div:
        names = (div.group("dq") if div.group("dq") is not None else div.group("sq")).split()
        classes = tuple(name for name in names if CLASS.fullmatch(name))
        if classes:
            return Section("div", "/// html | div." + ".".join(classes), classes=classes)
    if VIDEO.match(first_line):
        return Section("video")
    return Section("quote")


def button(content: str) -> str:
    """A line that is one link becomes a Material button (in a `nextstepaction` div)."""
    return content.rstrip() + BUTTON_ATTRS if LONE_LINK.match(content) else content
