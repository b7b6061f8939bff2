"""MkDocs plugin `sxs`: a thin adapter whose event handlers call the small classes that do the work.

mkdocs-static-i18n builds the default language first and then, from inside its own
`on_post_build` (priority -100), one more full build per other language into `site/<lang>/`.
Every handler here therefore runs once per language; the i18n plugin's `current_language`
tells which.
"""
from __future__ import annotations

import logging
from pathlib import Path
from typing import Any

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.plugins import BasePlugin, CombinedEvent, event_priority

log = logging.getLogger(f"mkdocs.plugins.{__name__}")


class SitePlugin(BasePlugin):  # type: ignore[type-arg]
    def __init__(self) -> None:
        self.default_404: bytes | None = None

    @staticmethod
    def _i18n(config: MkDocsConfig) -> Any:
        return config.plugins.get("i18n")

    # Each language's build writes its 404.html at the site root, the last one winning:
    # keep each language's own under its folder, and put the default's back at the root.
    @event_priority(0)
    def _keep_404(self, config: MkDocsConfig) -> None:
        i18n, root_404 = self._i18n(config), Path(config.site_dir) / "404.html"
        if i18n is None or not root_404.exists():
            return
        if i18n.current_language == i18n.default_language:
            self.default_404 = root_404.read_bytes()
        else:
            (Path(config.site_dir) / i18n.current_language / "404.html").write_bytes(root_404.read_bytes())

    @event_priority(-200)
    def _restore_default_404(self, config: MkDocsConfig) -> None:
        i18n = self._i18n(config)
        # `building` is set while static-i18n runs the other languages' builds.
        if i18n is not None and not i18n.building and self.default_404:
            (Path(config.site_dir) / "404.html").write_bytes(self.default_404)

    on_post_build = CombinedEvent(_keep_404, _restore_default_404)
