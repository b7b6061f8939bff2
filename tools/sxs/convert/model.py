"""Data passed between the import stages (docset -> read -> parse -> layout -> render -> write).

Everything here is immutable; stages return new values instead of mutating.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from sxs.pages.identity import PageId

# A pair inside a layout line is written as OPEN + index + CLOSE. Private-use
# characters cannot collide with Markdown syntax, so block and inline rules can
# run over lines that still hold placeholders.
OPEN = "\ue000"
CLOSE = "\ue001"


def placeholder(index: int) -> str:
    return f"{OPEN}{index}{CLOSE}"


def label(name: str) -> str:
    """A word the converter adds (admonition title, button text), localised at render time."""
    return f"{OPEN}L:{name}{CLOSE}"


@dataclass(frozen=True)
class SourceFile:
    """One decoded article: BOM removed, line endings normalised to LF."""

    path: Path
    rel: str  # POSIX path relative to the source root, recorded as provenance
    page: str  # the page path it publishes at (pages/identity.py)

    @property
    def display(self) -> str:
        """The path as the user named it, for messages."""
        return str(self.path)

    text: str
    raw_sha256: str


@dataclass(frozen=True)
class Origin:
    """A file lines come from (an article or an include fragment): its path for messages, and its
    repository path, where its relative links start."""

    display: str
    rel: str


@dataclass(frozen=True)
class Line:
    """One line of an article's body after includes are expanded, and where it came from."""

    text: str
    origin: Origin
    number: int  # 1-based line in the origin's file


@dataclass(frozen=True)
class RawPair:
    """A translated sentence as found in the source, before any clean-up."""

    ident: str
    target: str
    source: str
    origin: Origin
    line: int  # 1-based position of `<span data-ttu-id` in the origin's file
    col: int


@dataclass(frozen=True)
class Segment:
    """A pair after inline clean-up: Markdown text for each language."""

    ident: str
    target: str
    source: str
    line: int
    col: int


@dataclass(frozen=True)
class Asset:
    """A file (image, ...) referenced by an article, copied beside the pages."""

    source: Path
    dest_rel: str  # POSIX path relative to the output directory


@dataclass(frozen=True)
class FrontMatter:
    """Upstream front matter, per language: values differ only on span-tagged lines."""

    meta: tuple[tuple[str, Any], ...]  # target-language values, in upstream order
    source_meta: tuple[tuple[str, Any], ...]  # English values
    yaml_text: str  # the YAML as written upstream (span-tagged lines rewritten)
    source_yaml_text: str


@dataclass(frozen=True)
class Article:
    """A parsed article ready to render: both languages share `lines`."""

    source: SourceFile
    front: FrontMatter
    target_lang: str  # e.g. "ko" for ms.contentlocale ko-KR
    lines: tuple[str, ...]  # output lines holding pair placeholders
    segments: tuple[Segment, ...]
    title_line: int | None  # index into lines of the H1, if any
    assets: tuple[Asset, ...] = field(default_factory=tuple)


@dataclass(frozen=True)
class Page:
    """One output file's content."""

    id: PageId
    text: str

    @property
    def filename(self) -> str:
        """The file, relative to the output folder."""
        return self.id.file
