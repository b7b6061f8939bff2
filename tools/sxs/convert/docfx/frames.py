"""Containers around a line: how DocFX wrote their part of it, and how Python-Markdown wants it.

A line inside containers is `prefix + content`. Each enclosing container (a frame) takes its part
of the prefix as CommonMark reads it (`source`), and gives its part of the new prefix as
Python-Markdown (with admonition, tabbed and blocks) reads it (`output`):

| container                    | source                              | output                              |
|------------------------------|-------------------------------------|-------------------------------------|
| list item                    | marker, then content at its width   | marker, then content at four columns|
| blockquote                   | `>` (a lazy line has none)          | `> `                                |
| alert (`> [!NOTE]`)          | `>`                                 | four columns under `!!! note "..."` |
| `> [!div class="x"]`         | `>`                                 | none, inside `/// html | div.x`     |
| row, column, zone, moniker   | their content's own indentation     | none, inside `/// html | div...`    |
| long image description       | its own indentation                 | four columns under `??? ...`        |
| tab                          | none                                | four columns under `=== "..."`      |
"""

from __future__ import annotations

from dataclasses import dataclass

INDENT = "    "  # Python-Markdown's tab_length: one level of list, admonition or tab content


@dataclass(frozen=True)
class Frame:
    source: str  # item, quote, spaces, none
    output: str  # item, quote, indent, none
    first: int  # source line the container starts on (an item's marker line)
    width: int = 0  # item: columns of its marker and gap; spaces: columns its content is indented by
    marker: str = ""  # item: the list marker as Python-Markdown reads it ("-", "1.")
    gap: str = " "  # item: blanks between marker and content on the marker line
    button: bool = False  # inside it, a line that is one link is a button (`nextstepaction`)


def expand_lead(line: str) -> str:
    """Tabs in the leading blanks as CommonMark counts them (to the next multiple of four)."""
    stripped = line.lstrip(" \t")
    lead = line[: len(line) - len(stripped)]
    return lead.expandtabs(4) + stripped if "\t" in lead else line


def _blanks(text: str) -> int:
    return len(text) - len(text.lstrip(" "))


def cut(line: str, frames: tuple[Frame, ...], index: int) -> tuple[str, bool]:
    """The line's content inside `frames`, and whether it is a lazy continuation line (CommonMark
    lets a paragraph go on without its containers' markers)."""
    text = expand_lead(line)
    for frame in frames:
        if frame.source == "quote":
            lead = _blanks(text)
            if lead > 3 or not text[lead:].startswith(">"):
                return text.lstrip(" "), bool(text.strip())
            text = text[lead + 1 :]
            text = text[1:] if text.startswith(" ") else expand_lead(text)
        elif frame.source == "item":
            lead = _blanks(text)
            if index == frame.first:
                text = text[frame.width :] if len(text) > frame.width else text[lead:].lstrip(" ")
                text = text if text.strip() else ""
            elif not text.strip():
                return "", False
            elif lead >= frame.width:
                text = text[frame.width :]
            else:
                return text.lstrip(" "), True
        elif frame.source == "spaces":
            text = text[min(_blanks(text), frame.width) :]
    return text, False


def prefix(frames: tuple[Frame, ...], index: int) -> str:
    """The Python-Markdown prefix of a content line inside `frames`."""
    out = ""
    for frame in frames:
        if frame.output == "item":
            out += frame.marker + frame.gap if index == frame.first else INDENT
        elif frame.output == "quote":
            out += "> "
        elif frame.output == "indent":
            out += INDENT
    return out
