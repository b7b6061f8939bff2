"""Stage 1: find the articles of a localized repository and decode them."""

from __future__ import annotations

import hashlib
import logging
import re
from pathlib import Path

from sxs.diagnostics import Diagnostic, error

from .model import Repository, SourceFile

log = logging.getLogger(__name__)

# DocFX keeps include fragments here; they are not pages of their own.
FRAGMENT_DIRS = frozenset({"includes"})


def slugify(stem: str) -> str:
    """The output name of an article: lower-cased, runs of other characters -> '-'."""
    return re.sub(r"[^a-z0-9]+", "-", stem.lower()).strip("-")


def discover(root: Path, exclude: Path | None = None) -> list[Path]:
    """Every article under root, in a stable order; fragments, hidden folders and `exclude` skipped."""
    found = []
    skip = exclude.resolve() if exclude is not None else None
    for path in root.rglob("*.md"):
        if skip is not None and path.resolve().is_relative_to(skip):
            continue  # our own output, when --out lies inside the source folder
        parts = path.relative_to(root).parts
        if any(p in FRAGMENT_DIRS or p.startswith(".") for p in parts[:-1]):
            log.debug("skipping fragment %s", path)
            continue
        if path.is_file():
            found.append(path)
    return sorted(found)


def read_source(path: Path, root: Path) -> SourceFile | Diagnostic:
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
    return SourceFile(
        path=path, rel=rel, slug=slugify(path.stem), text=text, raw_sha256=hashlib.sha256(data).hexdigest()
    )


def inventory(root: Path) -> dict[str, str]:
    """Every file under root: lower-cased POSIX path -> POSIX path (links are case-blind)."""
    files: dict[str, str] = {}
    for path in root.rglob("*"):
        if path.is_file():
            rel = path.relative_to(root).as_posix()
            files.setdefault(rel.lower(), rel)
    return files


def read_fragments(root: Path) -> dict[str, str]:
    """Decoded include fragments by POSIX path; unreadable ones are left out (their includes warn)."""
    fragments: dict[str, str] = {}
    for path in sorted(root.rglob("*.md")):
        rel = path.relative_to(root)
        if not any(p in FRAGMENT_DIRS for p in rel.parts[:-1]):
            continue
        src = read_source(path, root)
        if isinstance(src, SourceFile):
            fragments[rel.as_posix()] = src.text
        else:
            log.debug("fragment %s unreadable: %s", path, src)
    return fragments


def repository(root: Path, articles: list[Path]) -> Repository:
    """Everything about the repository that converting one article may need."""
    return Repository(
        root=root,
        slugs={p.relative_to(root).as_posix(): slugify(p.stem) for p in articles},
        files=inventory(root),
        fragments=read_fragments(root),
    )
