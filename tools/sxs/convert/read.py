"""Stage 1b: decode the articles a repository publishes (docset.py says which, and where)."""

from __future__ import annotations

import hashlib
import logging
import posixpath
from dataclasses import replace
from pathlib import Path

from sxs.diagnostics import Diagnostic, error

from .docfx.snippets import LANGUAGES, MAX_BYTES
from .docset import FRAGMENT_DIR, Publication, publication
from .model import SourceFile

log = logging.getLogger(__name__)

# Code files a code include may show; YAML, JSON and text files are left out: every repository has
# many (toc.yml, docfx.json) and snippets of them are rare.
CODE_EXTENSIONS = frozenset(LANGUAGES) - {".yml", ".yaml", ".json", ".txt", ".md"}


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


def read_fragments(root: Path, files: dict[str, str]) -> dict[str, str]:
    """Decoded include fragments by POSIX path; unreadable ones are left out (their includes warn)."""
    fragments: dict[str, str] = {}
    for rel in sorted(files.values()):
        parts = rel.lower().split("/")
        if not rel.lower().endswith(".md") or FRAGMENT_DIR not in parts[:-1]:
            continue
        src = read_source(root / rel, root, "")
        if isinstance(src, SourceFile):
            fragments[rel] = src.text
        else:
            log.debug("fragment %s unreadable: %s", rel, src)
    return fragments


def read_code_files(root: Path, files: dict[str, str]) -> dict[str, str]:
    """Decoded code files by POSIX path, for code includes (`[!code-...]`, `:::code`): what a page
    may pull in is read before conversion, which stays free of disk I/O."""
    code: dict[str, str] = {}
    for rel in sorted(files.values()):
        if posixpath.splitext(rel)[1].lower() not in CODE_EXTENSIONS:
            continue
        path = root / rel
        try:
            if path.stat().st_size > MAX_BYTES:
                continue
            text = path.read_bytes().decode("utf-8-sig")
        except (OSError, UnicodeDecodeError) as exc:
            log.debug("code file %s unreadable: %s", rel, exc)  # its includes warn that it is missing
            continue
        code[rel] = text.replace("\r\n", "\n").replace("\r", "\n")
    return code


def articles(publication: Publication) -> list[Path]:
    """The Markdown articles to convert, in a stable order (YAML pages are converted elsewhere)."""
    return [publication.root / rel for rel in sorted(publication.pages) if rel.lower().endswith(".md")]


def read_repository(root: Path, exclude: Path | None = None) -> Publication:
    """What the repository at `root` publishes (docset.py), with its include fragments read."""
    found = publication(root, exclude=exclude)
    return replace(found, fragments=read_fragments(root, found.files) | read_code_files(root, found.files))


def read_article(repo: Publication, path: Path) -> SourceFile | Diagnostic:
    """One article of the repository, decoded, knowing where it publishes."""
    return read_source(path, repo.root, repo.pages[path.relative_to(repo.root).as_posix()])
