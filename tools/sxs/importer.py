"""The import pipeline: read -> front matter -> parse -> layout -> render -> write.

`convert()` is pure (text in, pages out) so tests and other commands can use it
without touching the disk; `import_repository()` adds discovery and writing.
"""
from __future__ import annotations

import logging
import time
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path

from .align import layout
from .errors import Diagnostic, error, warning
from .frontmatter import split_front_matter
from .inline import LinkContext
from .model import Article, Asset, Page, SourceFile
from .parse import parse_body
from .read import discover, inventory, read_source, slugify
from .render import SOURCE_LANG, locale_lang, render
from .write import Outcome, copy_asset, write_page

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class Converted:
    pages: tuple[Page, ...]
    assets: tuple[Asset, ...]
    diags: tuple[Diagnostic, ...]

    @property
    def failed(self) -> bool:
        return any(d.is_error for d in self.diags)


@dataclass
class Report:
    imported: int = 0
    failed: int = 0
    written: int = 0
    unchanged: int = 0
    diags: list[Diagnostic] = field(default_factory=list)
    seconds: float = 0.0

    @property
    def warnings(self) -> int:
        return sum(1 for d in self.diags if not d.is_error)

    def summary(self) -> str:
        return f"{self.imported} imported, {self.warnings} warnings, {self.failed} failed in {self.seconds:.2f} s"


def convert(src: SourceFile, root: Path, slugs: dict[str, str], files: dict[str, str],
            target_lang: str | None = None, split: bool = True) -> Converted:
    """Turn one decoded source file into its two pages (or report why not)."""
    split = split_front_matter(src)
    if isinstance(split, Diagnostic):
        return Converted((), (), (split,))
    meta, body, body_line = split
    diags: list[Diagnostic] = []
    lang = target_lang
    if lang is None:
        locale = meta.get("ms.contentlocale")
        if not isinstance(locale, str) or not locale.strip():
            return Converted((), (), (error(src.display, 1, 1,
                                            "front matter has no ms.contentlocale (use --target-lang)"),))
        lang = locale_lang(locale)
    if lang == SOURCE_LANG:
        return Converted((), (), (error(src.display, 1, 1,
                                        f"target language {lang!r} is the source language"),))
    parsed, pdiags = parse_body(body, body_line, src.display)
    diags.extend(pdiags)
    if parsed is None:
        return Converted((), (), tuple(diags))
    if not parsed.pairs:
        diags.append(warning(src.display, body_line, 1, "no translated pairs; both pages carry the same text"))
    ctx = LinkContext(display=src.display, rel=src.rel, slugs=slugs, files=files, root=root)
    out = layout(parsed, ctx, split=split)
    diags.extend(out.diags)
    diags.extend(ctx.diags)
    if out.title_line is None:
        diags.append(warning(src.display, body_line, 1, "no H1 heading; page titles fall back to the upstream title"))
    article = Article(source=src, meta=tuple(meta.items()), target_lang=lang, lines=tuple(out.lines),
                      segments=tuple(out.segments), title_line=out.title_line,
                      assets=tuple(ctx.assets.values()))
    # Target and source texts often share a problem at one position: say it once.
    unique = tuple(dict.fromkeys(diags))
    return Converted(tuple(render(article)), article.assets, unique)


def import_repository(source_dir: Path, out_dir: Path, *, force: bool = False,
                      target_lang: str | None = None, progress: bool = False) -> Report:
    started = time.perf_counter()
    report = Report()
    root = source_dir
    paths = discover(root)
    files = inventory(root)
    by_slug: dict[str, list[Path]] = defaultdict(list)
    for path in paths:
        by_slug[slugify(path.stem)].append(path)
    slugs = {p.relative_to(root).as_posix(): s for s, group in by_slug.items() for p in group}
    clashes = {p: group for group in by_slug.values() if len(group) > 1 for p in group}

    iterator = paths
    if progress:
        from tqdm import tqdm

        iterator = tqdm(paths, unit="article", leave=False)
    copied: set[str] = set()
    for path in iterator:
        if path in clashes:
            others = ", ".join(str(p) for p in clashes[path] if p != path)
            report.diags.append(error(str(path), 1, 1,
                                      f"slug {slugify(path.stem)!r} is also the slug of {others}; nothing written"))
            report.failed += 1
            continue
        if not slugify(path.stem):
            report.diags.append(error(str(path), 1, 1, "file name has no letters a-z or digits to make a page name"))
            report.failed += 1
            continue
        src = read_source(path, root)
        if isinstance(src, Diagnostic):
            report.diags.append(src)
            report.failed += 1
            continue
        result = convert(src, root, slugs, files, target_lang)
        report.diags.extend(result.diags)
        if result.failed:
            report.failed += 1
            continue
        for page in result.pages:
            outcome = write_page(out_dir, page, force)
            if outcome is Outcome.UNCHANGED:
                report.unchanged += 1
            elif outcome is Outcome.KEPT_EDITED:
                report.diags.append(warning(str(out_dir / page.filename), 1, 1,
                                            f"edited since import; not overwritten (use --force to replace) "
                                            f"[source {src.display}]"))
            else:
                report.written += 1
                if outcome is Outcome.REPLACED_EDITED:
                    report.diags.append(warning(str(out_dir / page.filename), 1, 1,
                                                "replaced a page edited since import (--force)"))
        for asset in result.assets:
            if asset.dest_rel not in copied:
                copied.add(asset.dest_rel)
                copy_asset(out_dir, asset)
        report.imported += 1
    report.seconds = time.perf_counter() - started
    return report
