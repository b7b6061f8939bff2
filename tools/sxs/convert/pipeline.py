"""The import pipeline: docset -> read -> front matter -> includes -> parse -> layout -> render -> write,
then the navigation of the sets from their tables of contents (toc).

`convert()` is pure (text in, pages out) so tests and other commands can use it
without touching the disk; `import_repository()` adds discovery (docset.py) and writing.
"""

from __future__ import annotations

import logging
import os
import time
from collections.abc import Iterator
from dataclasses import dataclass, field
from itertools import chain
from pathlib import Path

from sxs.diagnostics import Diagnostic, error, warning
from sxs.pages.identity import SOURCE_LANG

from .docset import Publication
from .frontmatter import split_front_matter
from .includes import expand
from .inline import LinkContext
from .layout import layout
from .links import fill_titles
from .model import Article, Asset, Origin, Page, SourceFile
from .parse import parse_body
from .read import articles, read_article, read_repository
from .render import locale_lang, render
from .toc import Published, navigation
from .write import Outcome, copy_asset, plan_page, write_navigations, write_page, write_redirects

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
        return (
            f"{self.imported} imported, {self.warnings} warnings, {self.failed} failed "
            f"in {self.seconds:.2f} s"
        )


def convert(
    src: SourceFile, repo: Publication, target_lang: str | None = None, split: bool = True
) -> Converted:
    """Turn one decoded source file into its two pages (or report why not)."""
    front = split_front_matter(src)
    if isinstance(front, Diagnostic):
        return Converted((), (), (front,))
    fm, body, body_line, fm_warnings = front
    meta = dict(fm.meta)
    diags: list[Diagnostic] = list(fm_warnings)
    locale = target_lang
    if locale is None:
        locale = meta.get("ms.contentlocale")
        if not isinstance(locale, str) or not locale.strip():
            docset = repo.set_of(src.rel)
            locale = docset.locale if docset is not None else None  # the publish config's
        if not isinstance(locale, str) or not locale.strip():
            return Converted(
                (),
                (),
                (error(src.display, 1, 1, "front matter has no ms.contentlocale (use --target-lang)"),),
            )
    lang = locale_lang(locale)
    if lang == SOURCE_LANG:
        return Converted(
            (), (), (error(src.display, 1, 1, f"target language {lang!r} is the source language"),)
        )
    lines, idiags = expand(
        body.removesuffix("\n"), body_line, Origin(src.display, src.rel), repo.fragments, str(repo.root)
    )
    diags.extend(idiags)
    parsed, pdiags = parse_body(lines)
    diags.extend(pdiags)
    if parsed is None:
        return Converted((), (), tuple(diags))
    if not parsed.pairs:
        diags.append(
            warning(src.display, body_line, 1, "no translated pairs; both pages carry the same text")
        )
    ctx = LinkContext(display=src.display, rel=src.rel, repo=repo, page=src.page)
    out = layout(parsed, ctx, split=split)
    fill_titles(out.lines, out.segments, repo.site.uids)
    diags.extend(out.diags)
    diags.extend(ctx.diags)
    if out.title_line is None:
        diags.append(
            warning(src.display, body_line, 1, "no H1 heading; page titles fall back to the upstream title")
        )
    article = Article(
        source=src,
        front=fm,
        target_lang=lang,
        lines=tuple(out.lines),
        segments=tuple(out.segments),
        title_line=out.title_line,
        assets=tuple(ctx.assets.values()),
    )
    # Target and source texts often share a problem at one position: say it once.
    unique = tuple(dict.fromkeys(diags))
    return Converted(tuple(render(article)), article.assets, unique)


# Below this many articles a worker pool costs more than it saves.
PARALLEL_MIN = 200


@dataclass(frozen=True)
class _Job:
    """What a worker needs to convert articles; picklable, no open files."""

    repo: Publication
    target_lang: str | None

    def __call__(self, path: Path) -> tuple[SourceFile | None, Converted]:
        src = read_article(self.repo, path)
        if isinstance(src, Diagnostic):
            return None, Converted((), (), (src,))
        try:
            return src, convert(src, self.repo, self.target_lang)
        except Exception as exc:  # a converter bug must cost one article, not the run
            log.debug("converting %s failed", path, exc_info=True)
            return src, Converted(
                (), (), (error(src.display, 0, 0, f"internal error, please report: {exc!r}"),)
            )


def _cpus() -> int:
    """CPUs this process may use (a container's share, not the host's count)."""
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # not on Linux
        return os.cpu_count() or 1


def _converted(job: _Job, paths: list[Path], jobs: int) -> Iterator[tuple[SourceFile | None, Converted]]:
    """Convert in order; with jobs > 1, in worker processes (conversion is pure CPU work)."""
    if jobs <= 1 or len(paths) < PARALLEL_MIN:
        yield from map(job, paths)
        return
    from concurrent.futures import ProcessPoolExecutor

    with ProcessPoolExecutor(max_workers=jobs) as pool:
        yield from pool.map(job, paths, chunksize=max(16, len(paths) // (jobs * 8)))


def _write_article(
    out_dir: Path, src: SourceFile, result: Converted, force: bool, copied: set[str], report: Report
) -> None:
    plans = [(page, plan_page(out_dir, page, force)) for page in result.pages]
    if any(outcome is Outcome.KEPT_EDITED for _, outcome in plans):
        _keep_article(out_dir, src, plans, report)
        return
    for page, _ in plans:
        outcome = write_page(out_dir, page, force)
        if outcome is Outcome.UNCHANGED:
            report.unchanged += 1
        elif outcome is Outcome.KEPT_EDITED:
            report.diags.append(
                warning(
                    str(out_dir / page.filename),
                    1,
                    1,
                    "edited since import and its source changed; not overwritten "
                    "(merge the change by hand, or --force to replace) "
                    f"[source {src.display}]",
                )
            )
        else:
            report.written += 1
            if outcome is Outcome.REPLACED_EDITED:
                report.diags.append(
                    warning(
                        str(out_dir / page.filename), 1, 1, "replaced a page edited since import (--force)"
                    )
                )
    for asset in result.assets:
        if asset.dest_rel not in copied:
            copied.add(asset.dest_rel)
            copy_asset(out_dir, asset)


def _keep_article(out_dir: Path, src: SourceFile, plans: list[tuple[Page, Outcome]], report: Report) -> None:
    """An edited page whose source changed keeps its whole article as it was: rewriting only the
    other language would break the line alignment the pair is built on."""
    for page, outcome in plans:
        if outcome is Outcome.KEPT_EDITED:
            message = "edited since import and its source changed; not overwritten "
        elif outcome is Outcome.WRITTEN:
            message = "not updated either, so that the article's pages stay line-aligned "
        else:
            report.unchanged += 1
            continue
        report.diags.append(
            warning(
                str(out_dir / page.filename),
                1,
                1,
                message + f"(merge the change by hand, or --force to replace) [source {src.display}]",
            )
        )


def import_repository(
    source_dir: Path,
    out_dir: Path,
    *,
    force: bool = False,
    target_lang: str | None = None,
    progress: bool = False,
    jobs: int | None = None,
) -> Report:
    started = time.perf_counter()
    report = Report()
    repo = read_repository(source_dir, exclude=out_dir)
    for diag in repo.diags:
        report.diags.append(diag)
        report.failed += diag.is_error
    todo = articles(repo)

    job = _Job(repo, target_lang)
    results = _converted(job, todo, jobs if jobs is not None else _cpus())
    if progress:
        from tqdm import tqdm  # type: ignore[import-untyped]

        results = tqdm(results, total=len(todo), unit="article", leave=False)
    from .yamlpages import yaml_pages  # it builds on this module's Converted

    # YAML pages after the articles (a lazy chain: these are written by then), whose English
    # titles their links show on the English page.
    results = chain(results, yaml_pages(repo, out_dir, target_lang))
    copied: set[str] = set()
    published = Published()
    for src, result in results:
        report.diags.extend(result.diags)
        if src is None or result.failed:
            report.failed += 1
            continue
        if not result.pages:
            continue  # nothing to show (a YAML file of settings only): said so, not imported
        try:
            _write_article(out_dir, src, result, force, copied, report)
        except OSError as exc:
            report.diags.append(
                error(
                    str(exc.filename or out_dir),
                    0,
                    0,
                    f"cannot write pages of {src.display}: {exc.strerror or exc}",
                )
            )
            report.failed += 1
            continue
        report.imported += 1
        published.add(result.pages)
    if repo.site.moved:
        report.diags.extend(write_redirects(out_dir, repo.site))
    navs, diags = navigation(repo, repo.fragments, published.paths, published.lang(target_lang))
    report.diags.extend([*diags, *write_navigations(out_dir, navs, force)])
    report.diags.sort(key=lambda d: (d.path, d.line, d.col))
    report.seconds = time.perf_counter() - started
    log.info("%d pages written, %d unchanged", report.written, report.unchanged)
    return report
