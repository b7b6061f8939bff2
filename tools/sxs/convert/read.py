"""Stage 1b: decode the articles a repository publishes (docset.py says which, and where)."""

from __future__ import annotations

import hashlib
import logging
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import replace
from pathlib import Path

from sxs.diagnostics import Diagnostic, error

from .docset import Publication, publication
from .model import SourceFile
from .sitemap import site_map

log = logging.getLogger(__name__)


def read_source(path: Path, root: Path, page: str) -> SourceFile | Diagnostic:
    """One file, decoded: BOM removed, line endings normalised; `page` is where it publishes."""
    rel = path.relative_to(root).as_posix()
    try:
        data = path.read_bytes()
    except OSError as exc:
        return error(str(path), 0, 0, f"cannot read file: {exc.strerror}")
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = data.count(b"\n", 0, exc.start) + 1
        col = exc.start - (data.rfind(b"\n", 0, exc.start) + 1) + 1
        return error(str(path), line, col, f"not valid UTF-8: byte 0x{data[exc.start]:02x} cannot be decoded")
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    if not text.strip():
        return error(str(path), 1, 1, "empty file")
    return SourceFile(path=path, rel=rel, page=page, text=text, raw_sha256=hashlib.sha256(data).hexdigest())


# A file an include names is text an author wrote; beyond this it is data, not shown in a page.
MAX_INCLUDED_BYTES = 1_000_000


class RepositoryTexts(Mapping[str, str]):
    """The decoded text of any file of the repository, by POSIX path, read when first asked for:
    what includes and code includes name. A file that cannot be read or decoded, or is larger than
    MAX_INCLUDED_BYTES, is absent (the include that names it says so)."""

    def __init__(self, root: Path, files: Iterable[str]) -> None:
        self.root = root
        self.files = frozenset(files)
        self.cache: dict[str, str | None] = {}

    def __getitem__(self, rel: str) -> str:
        if rel not in self.cache:
            self.cache[rel] = self._read(rel) if rel in self.files else None
        text = self.cache[rel]
        if text is None:
            raise KeyError(rel)
        return text

    def _read(self, rel: str) -> str | None:
        try:
            if (self.root / rel).stat().st_size > MAX_INCLUDED_BYTES:
                return None
        except OSError:
            return None
        src = read_source(self.root / rel, self.root, "")
        if isinstance(src, SourceFile):
            return src.text
        log.debug("%s unreadable: %s", rel, src)
        return None

    def __iter__(self) -> Iterator[str]:
        return iter(sorted(self.files))

    def __len__(self) -> int:
        return len(self.files)


def articles(publication: Publication) -> list[Path]:
    """The Markdown articles to convert, in a stable order (YAML pages are converted elsewhere)."""
    return [publication.root / rel for rel in sorted(publication.pages) if rel.lower().endswith(".md")]


def read_repository(root: Path, exclude: Path | None = None) -> Publication:
    """What the repository at `root` publishes (docset.py), with its include fragments read and
    the addresses its pages had on the documentation site (sitemap.py)."""
    found = publication(root, exclude=exclude)
    site, diags = site_map(found)
    return replace(
        found,
        fragments=RepositoryTexts(root, found.files.values()),
        site=site,
        diags=found.diags + tuple(diags),
    )


def read_article(repo: Publication, path: Path) -> SourceFile | Diagnostic:
    """One article of the repository, decoded, knowing where it publishes."""
    return read_source(path, repo.root, repo.pages[path.relative_to(repo.root).as_posix()])
