"""Edit to preview in seconds: `mkdocs serve` re-renders only the article pages that changed.

MkDocs' dev server rebuilds the whole site after any change: minutes, for thousands of pages.
When every file that changed since the last build is an article page that was already there (a
`<path>.<lang>.md` under docs/articles/, edited, not added or removed), this feature renders just
those pages again, in each language build that shows them, with that build's files, navigation
and templates kept from the last full build, as static-i18n's own builds set each language up
(the plugins' on_config). Any other change gets MkDocs' full rebuild. The page a contributor is
looking at is current in both languages (the other language's text is fetched from its own page:
bilingual.py); the navigation, the search index and the lists made from every article
(categories, error codes, translation status) catch up at the next full build.

The dev server outlives the plugins (MkDocs loads the configuration, and with it new plugins, for
every full rebuild), so the last full build is kept at module level, and only while serving.
"""

from __future__ import annotations

import logging
import os
import time
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from mkdocs.commands import build as mkdocs_build
from mkdocs.config.defaults import MkDocsConfig

from sxs.pages.identity import PageId

from .build import Build
from .catalog import ARTICLES

log = logging.getLogger(f"mkdocs.plugins.{__name__}")


@dataclass
class LanguageBuild:
    """What rendering one page of a language's build needs, as that build left it."""

    files: Any
    nav: Any
    env: Any


@dataclass
class LastBuild:
    """The last full build of the dev server: its configuration, each language's build, and the
    modification times of the files it was built from."""

    config: MkDocsConfig
    languages: dict[str, LanguageBuild] = field(default_factory=dict)
    stamps: dict[str, int] = field(default_factory=dict)


_last: LastBuild | None = None


def _sources(config: MkDocsConfig) -> Iterable[Path]:
    """The folders and files a change in which may change the site (what `mkdocs serve` watches)."""
    yield Path(config.docs_dir)
    if config.config_file_path:
        yield Path(config.config_file_path)
    custom_dir = config.theme.custom_dir
    if custom_dir:
        yield Path(custom_dir)
    yield from (Path(p) for p in config.watch)


def stamps(config: MkDocsConfig) -> dict[str, int]:
    """Every source file with its modification time (a tenth of a second for 16,000 files)."""
    found: dict[str, int] = {}
    for source in _sources(config):
        if source.is_file():
            found[str(source)] = source.stat().st_mtime_ns
        elif source.is_dir():
            _scan(str(source), found)
    return found


def _scan(folder: str, found: dict[str, int]) -> None:
    try:
        entries = list(os.scandir(folder))
    except FileNotFoundError:
        return  # removed while we looked: the next look sees it
    for entry in entries:
        try:
            if entry.is_dir(follow_symlinks=False):
                _scan(entry.path, found)
            else:
                found[entry.path] = entry.stat().st_mtime_ns
        except FileNotFoundError:
            continue


def article_pages(changed: Iterable[str], docs_dir: str) -> list[str] | None:
    """The changed files as article pages (absolute paths), or None if any is something else."""
    articles = os.path.join(os.path.abspath(docs_dir), ARTICLES) + os.sep
    pages = []
    for path in changed:
        absolute = os.path.abspath(path)
        if not absolute.startswith(articles) or PageId.parse(os.path.basename(absolute)) is None:
            return None
        pages.append(absolute)
    return pages


class Preview:
    def __init__(self, options: Any) -> None:
        self.serving: bool = options.serve
        self.navs: dict[str, Any] = {}

    def on_nav(self, nav: Any, config: MkDocsConfig, files: Any) -> None:
        if self.serving:
            self.navs[Build.language(config)] = nav

    def on_env(self, env: Any, config: MkDocsConfig, files: Any) -> None:
        global _last
        if not self.serving:
            return
        language = Build.language(config)
        if _last is None or _last.config is not config:
            _last = LastBuild(config)
        _last.languages[language] = LanguageBuild(files, self.navs[language], env)

    def on_build_done(self, config: MkDocsConfig) -> None:
        if self.serving and _last is not None and _last.config is config:
            _last.stamps = stamps(config)

    def on_serve(self, server: Any, config: MkDocsConfig, builder: Callable[[], None]) -> None:
        full = server.builder

        def build() -> None:
            if not render_changed():
                full()

        server.builder = build


def render_changed() -> bool:
    """Render again the article pages changed since the last build; False when something else
    changed (or nothing is known yet), and a full build is needed."""
    last = _last
    if last is None or not last.stamps:
        return False
    started = time.perf_counter()
    now = stamps(last.config)
    looked = time.perf_counter()
    if now.keys() != last.stamps.keys():
        return False  # a file added or removed: the navigation and links change
    changed = [path for path, stamp in now.items() if stamp != last.stamps[path]]
    found = article_pages(changed, last.config.docs_dir)
    if not found:
        return False
    pages = set(found)
    rendered = 0
    for language, built in last.languages.items():
        shown = [f for f in built.files.documentation_pages() if f.abs_src_path in pages and f.page]
        if not shown:
            continue
        config = _as_language(last.config, language)
        documents = built.files.documentation_pages()
        for file in shown:
            # MkDocs' own two steps for a page (private, but what its --dirty builds run; pinned)
            mkdocs_build._populate_page(file.page, config, built.files)
            mkdocs_build._build_page(file.page, config, documents, built.nav, built.env)
            rendered += 1
    last.stamps = now
    log.info(
        f"preview: {rendered} page(s) rendered again in {time.perf_counter() - started:.2f} s "
        f"({looked - started:.2f} s to find what changed)"
    )
    return True


def _as_language(config: MkDocsConfig, language: str) -> MkDocsConfig:
    """The configuration set up for one language, as static-i18n sets it up for each of its builds
    (what else differs between languages, the features take from Build.language at each page)."""
    i18n = Build.i18n(config)
    if i18n is None or i18n.current_language == language:
        return config
    i18n.current_language = language
    result: MkDocsConfig = i18n.on_config(config)
    return result
