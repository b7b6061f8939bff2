"""Redirect pages for pages that moved or were removed upstream, in every language.

`sxs import` writes a repository's redirections as data beside its pages (pages/redirects.py).
This feature reads every such file under docs_dir and hands mkdocs-redirects (`redirects` in
mkdocs.yml) the map for the language being built: static-i18n builds each language on its own,
so `/old/` leads to the Korean page and `/en/old/` to the English one. A target elsewhere
(`https://...`) is the same in every language. An old path where a page exists again keeps the
page. Nothing is written here: mkdocs-redirects writes the pages (a meta refresh, nothing loaded).
"""

from __future__ import annotations

import logging
import os
from pathlib import Path
from typing import Any

from mkdocs.config.defaults import MkDocsConfig

from sxs.pages import redirects
from sxs.pages.identity import PageId

from .build import Build

log = logging.getLogger(f"mkdocs.plugins.{__name__}")


class Redirects:
    def __init__(self, options: Any) -> None:
        self.entries: list[tuple[str, str]] | None = None  # (old page path, target) under docs_dir

    def on_config(self, config: MkDocsConfig) -> None:
        if self.entries is None:
            self.entries = list(_read_all(Path(config.docs_dir)))
        if not self.entries:
            return
        plugin = config.plugins.get("redirects")
        if plugin is None:
            log.warning(
                "redirect data found, but the 'redirects' plugin is not in mkdocs.yml: no redirect pages"
            )
            return
        plugin.config["redirect_maps"] = self._maps(config)

    def on_files_localized(self, files: Any, config: MkDocsConfig) -> None:
        """mkdocs-redirects finds its targets among the files it saw, before static-i18n gave them
        their language's URLs (`a.ko/`); it is given the files as they are published (`a/`)."""
        plugin = config.plugins.get("redirects")
        if plugin is not None and self.entries:
            plugin.doc_pages = {f.src_uri: f for f in files.documentation_pages()}

    def _maps(self, config: MkDocsConfig) -> dict[str, str]:
        """mkdocs-redirects' map for this language: `[<lang>/]<old>.md` -> that language's page file."""
        docs = Path(config.docs_dir)
        language = Build.language(config)
        default = Build.default_language(config)
        prefix = "" if language == default else f"{language}/"
        maps: dict[str, str] = {}
        for old, target in self.entries or ():
            if any((docs / PageId(old, lang).file).is_file() for lang in (language, default)):
                log.info("%s: a page is there again; its redirect is not made", old)
                continue
            if "://" in target:
                maps[f"{prefix}{old}.md"] = target
                continue
            path, hash_, fragment = target.partition("#")
            # The page in this language, else in the default one (static-i18n's fallback).
            files = [PageId(path, lang).file for lang in (language, default)]
            found = next((f for f in files if (docs / f).is_file()), files[0])
            maps[f"{prefix}{old}.md"] = found + hash_ + fragment
        return maps


def _read_all(docs: Path) -> list[tuple[str, str]]:
    """Every redirection of every import under `docs`, paths made relative to `docs`."""
    entries: list[tuple[str, str]] = []
    for folder, _dirs, names in sorted(os.walk(docs)):
        if redirects.REDIRECT_FILE not in names:
            continue
        path = Path(folder) / redirects.REDIRECT_FILE
        prefix = Path(folder).relative_to(docs).as_posix()
        prefix = "" if prefix == "." else prefix + "/"
        try:
            data = redirects.load(path.read_text(encoding="utf-8"))
        except (OSError, UnicodeDecodeError, ValueError) as exc:
            log.warning("%s: %s; its redirects are not made", path, exc)
            continue
        for old, target in data.items():
            entries.append((prefix + old, target if "://" in target else prefix + target))
    return entries
