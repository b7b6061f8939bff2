"""A page's identity: its path and its language, and the file that holds it.

Every generated page is the file `<path>.<lang>.md` under a content root (the import's OUT_DIR,
or the site's `docs/`): `mixed-reality/develop/unity/overview.ko.md` is the Korean page of
the article `mixed-reality/develop/unity/overview`, and `.en.md` beside it its English original;
`<lang>` is the code of the page's locale file (sxs/locales: `ko`, `zh-CN`, `ar`), case kept.
The path is where the page was published upstream (its documentation set's folder, then its path
in the set; see convert/docset.py), in lower case: upstream URLs were case-blind, so one case is
picked and links written in any case resolve to it. mkdocs-static-i18n reads the same suffix
(`docs_structure: suffix`), and a link to `<path>.md` reaches the page of the reader's language.

This module is the one place that knows the pattern; everything else asks it.
"""

from __future__ import annotations

import os
import posixpath
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

SOURCE_LANG = "en"  # the language the side-by-side originals were written in
# A language tag as static-i18n takes it (its RE_LOCALE) and locale files name it: `ko`, `en`, `zh-CN`,
# `pt-BR`, `zh-Hant-TW`. Case matters: static-i18n compares suffixes as written and takes a region in
# upper case only, so `zh-CN` and `zh-TW` stay two languages (and `a.zh-cn.md` is no page).
LANG = r"[a-z]{2,3}(?:-[A-Z][a-z]{3})?(?:-[A-Z]{2})?"
PAGE_FILE = re.compile(rf"^(?P<path>.+?)\.(?P<lang>{LANG})\.md$")
# A path part: letters (any script), digits, `_` and `.`; every other run (spaces, `-`...) is one `-`.
UNSAFE = re.compile(r"[^\w.]+")


def path_part(name: str) -> str:
    """One folder or file name as a page path part: lower case, spaces and punctuation as `-`."""
    return UNSAFE.sub("-", name.lower()).strip("-.")


def page_path(source_rel: str) -> str:
    """The page path for a source file's POSIX path (any case, with its extension)."""
    stem, _ = posixpath.splitext(source_rel)
    return "/".join(path_part(p) for p in stem.split("/") if p not in ("", "."))


@dataclass(frozen=True, order=True)
class PageId:
    """One page: `path` (POSIX, relative to the content root, no suffix) in language `lang`."""

    path: str
    lang: str

    @property
    def file(self) -> str:
        """The page's file, relative to the content root."""
        return f"{self.path}.{self.lang}.md"

    @property
    def neutral(self) -> str:
        """The language-neutral name links use and static-i18n resolves: `<path>.md`."""
        return f"{self.path}.md"

    @property
    def name(self) -> str:
        return posixpath.basename(self.path)

    def other(self, lang: str) -> PageId:
        return PageId(self.path, lang)

    def under(self, prefix: str) -> PageId:
        """The same page seen from a root `prefix` folders higher (e.g. `articles`)."""
        return PageId(posixpath.join(prefix, self.path) if prefix else self.path, self.lang)

    @classmethod
    def parse(cls, rel: str) -> PageId | None:
        """The page a file (POSIX, relative to the content root) holds; None for other files."""
        m = PAGE_FILE.match(rel)
        return cls(m["path"], m["lang"]) if m else None


def relative(target: str, from_page: str) -> str:
    """A link from the page at path `from_page` to a file (`<path>.md` for a page, or an image)."""
    return posixpath.relpath(target, posixpath.dirname(from_page) or ".")


def neutral(src_uri: str) -> str:
    """A file's name with its language suffix taken out (`a/b.ko.md` -> `a/b.md`); others as they are."""
    page = PageId.parse(src_uri)
    return page.neutral if page is not None else src_uri


def page_files(root: Path) -> Iterator[tuple[PageId, Path]]:
    """Every page file under `root` with its identity (relative to `root`), in path order; hidden
    files and folders (a leading `.`) aside, and folders linked to not entered, as `Path.rglob`
    does. The site lists its articles several times a build: os.scandir takes a tenth of the
    time rglob and `Path.relative_to` take."""
    found: list[tuple[PageId, Path]] = []

    def scan(folder: str, prefix: str) -> None:
        with os.scandir(folder) as entries:
            for entry in entries:
                if entry.name.startswith("."):
                    continue
                if entry.is_dir(follow_symlinks=False):
                    scan(entry.path, f"{prefix}{entry.name}/")
                elif (page := PageId.parse(prefix + entry.name)) is not None and entry.is_file():
                    found.append((page, Path(entry.path)))

    scan(str(root), "")
    found.sort(key=lambda item: (item[0].path, item[0].lang))  # PageId's order, compared in C
    yield from found


def siblings(file: Path) -> Iterable[Path]:
    """The files of every language of the page `file` holds (itself included)."""
    page = PageId.parse(file.name)
    if page is None:
        return []
    prefix = page.path + "."
    return [
        p
        for p in file.parent.glob("*.md")
        if p.name.startswith(prefix) and (q := PageId.parse(p.name)) is not None and q.path == page.path
    ]
