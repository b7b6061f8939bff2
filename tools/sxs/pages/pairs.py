"""Article pairs on disk: `<path>.<lang>.md` beside `<path>.en.md` (pages/identity.py),
line i of one translating line i of the other.

Only generated pages count as articles: their front matter carries `source_path` (frontmatter.py).
Other bilingual pages of the site (home, categories) are written freely and are not pairs.
Line numbers everywhere are 1-based file lines, front matter included, so that messages,
exported units and `git blame` all name the same line.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from sxs.diagnostics import Diagnostic, error

from .frontmatter import Front, read_front
from .identity import SOURCE_LANG, PageId, page_files, siblings
from .skeleton import in_language

PROVENANCE = "source_path"


@dataclass(frozen=True)
class Page:
    """One language's file of an article, split into lines (no line ends)."""

    path: Path
    lang: str
    lines: tuple[str, ...]
    front_end: int  # 1-based line of the closing `---` of the front matter; 0 without one
    meta: dict[str, Any]
    front: str | None = None  # the YAML `meta` was read from (frontmatter.Front.source)

    @property
    def display(self) -> str:
        return str(self.path)

    def line(self, number: int) -> str:
        return self.lines[number - 1]


@dataclass(frozen=True)
class Pair:
    page: PageId  # the translation's identity, relative to the folder the command was given
    target: Page  # the translation (ko)
    source: Page  # the English original

    @property
    def key(self) -> str:
        """The article's path: what names it in messages and exchanged files."""
        return self.page.path

    def declared_translated(self) -> set[int]:
        """1-based lines the English page itself says are in the translation's language (a YAML page's
        text that exists only there: skeleton.in_language); they have no English to translate."""
        start = self.source.front_end
        return {start + i + 1 for i in in_language(self.source.lines[start:], self.target.lang)}

    @property
    def body_start(self) -> int:
        """First line after the front matter (1-based)."""
        return max(self.target.front_end, self.source.front_end) + 1


def read_page(path: Path, lang: str) -> Page | Diagnostic:
    try:
        text = path.read_text(encoding="utf-8-sig")  # a BOM, as MkDocs reads pages
    except UnicodeDecodeError as exc:
        return error(str(path), 1, 1, f"not UTF-8 ({exc.reason} at byte {exc.start})")
    except OSError as exc:
        return error(str(path), 0, 0, exc.strerror or str(exc))
    front = read_front(text)
    if not isinstance(front, Front):
        return error(str(path), front.line, 1, front.message)
    lines = tuple(text.replace("\r\n", "\n").split("\n"))
    if lines and lines[-1] == "":
        lines = lines[:-1]
    return Page(path, lang, lines, front.end, front.meta, front.source)


def _pages(paths: Iterable[Path]) -> dict[tuple[Path, str], dict[str, tuple[PageId, Path]]]:
    """Page files by (folder given, article path) and language. A folder is searched whole; a
    page (a pre-commit hook passes only the changed file) brings its other languages along."""
    groups: dict[tuple[Path, str], dict[str, tuple[PageId, Path]]] = {}
    for given in paths:
        if given.is_dir():
            found = list(page_files(given))
            root = given
        else:
            root = given.parent
            found = [(page, p) for p in siblings(given) if (page := PageId.parse(p.name)) is not None]
        for page, file in found:
            groups.setdefault((root, page.path), {})[page.lang] = (page, file)
    return groups


@dataclass(frozen=True)
class PageFile:
    """One language's file of an article as read: the page, or why it cannot be read."""

    page: PageId
    file: Path
    read: Page | Diagnostic


def find_pairs(paths: Iterable[Path]) -> tuple[list[Pair], list[Diagnostic]]:
    """The article pairs under `paths`; a page without its other half is reported, not paired."""
    pairs: list[Pair] = []
    diags: list[Diagnostic] = []
    seen: set[Path] = set()
    for (_, path), langs in sorted(_pages(paths).items()):
        if any(file.resolve() in seen for _, file in langs.values()):
            continue  # a page named twice (its folder and itself)
        seen.update(file.resolve() for _, file in langs.values())
        files = {
            lang: PageFile(page, file, read_page(file, lang)) for lang, (page, file) in sorted(langs.items())
        }
        found, problems = pair_up(path, files)
        pairs += found
        diags += problems
    return pairs, diags


def pair_up(path: str, files: dict[str, PageFile]) -> tuple[list[Pair], list[Diagnostic]]:
    """The pairs of one article from its files as read (by language, in order), and what keeps
    any file out of a pair."""
    pairs: list[Pair] = []
    diags: list[Diagnostic] = []
    pages: dict[str, Page] = {}
    unread: set[str] = set()
    for lang, found in files.items():
        if isinstance(found.read, Diagnostic):
            diags.append(found.read)
            unread.add(lang)
        elif PROVENANCE in found.read.meta:
            pages[lang] = found.read
    if not pages:
        return pairs, diags  # a hand-written page, or one already reported
    source = pages.pop(SOURCE_LANG, None)
    if source is None:
        if SOURCE_LANG in unread:
            return pairs, diags  # the English page is there but unreadable: reported on it, above
        if SOURCE_LANG in files:
            diags.append(_unpaired(files[SOURCE_LANG].file))
            return pairs, diags
        for page in pages.values():
            english = PageId(path, SOURCE_LANG).file.rsplit("/", 1)[-1]
            diags.append(error(page.display, 1, 1, f"article has no {english} beside it"))
        return pairs, diags
    if not pages:
        other = [lang for lang in files if lang != SOURCE_LANG]
        if other:
            diags.append(_unpaired(files[other[0]].file))
        else:
            diags.append(error(source.display, 1, 1, "article has no translation beside it"))
        return pairs, diags
    for lang, page in pages.items():
        pairs.append(Pair(files[lang].page, page, source))
    return pairs, diags


def _unpaired(file: Path) -> Diagnostic:
    return error(str(file), 1, 1, f"no `{PROVENANCE}` in its front matter; the page is not paired")


def add_paths_argument(parser: argparse.ArgumentParser, what: str) -> None:
    """The PATH... argument of the commands that work on article pairs (default: docs/)."""
    parser.add_argument(
        "paths", nargs="*", type=Path, default=[Path("docs")], help=f"{what} (default: docs/)"
    )


def report_missing(paths: Iterable[Path]) -> bool:
    """Say which of the paths a command was given do not exist; True when any is missing."""
    missing = [p for p in paths if not p.exists()]
    for path in missing:
        print(f"{path}:0:0: error: no such file or folder", file=sys.stderr)
    return bool(missing)
