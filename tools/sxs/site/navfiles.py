"""The navigation files of the site's articles (`docs/articles/**/nav.yml`, pages/navfile.py), read once.

They are cached on their names and modification times, as the catalog is: static-i18n's second
build and an unchanged `mkdocs serve` rebuild reuse them. A file that cannot be read stops the
build with its `path:line:col`: the navigation would silently lose a documentation set otherwise.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from functools import cached_property
from pathlib import Path
from typing import Any, ClassVar

from mkdocs.exceptions import PluginError

from sxs.pages.navfile import NAV_FILE, NavFile, NavFileError, load

from .catalog import ARTICLES


@dataclass(frozen=True)
class NavFiles:
    """Every navigation file under docs/articles/, in path order."""

    files: tuple[NavFile, ...]

    _cached: ClassVar[Any] = None  # (key, NavFiles) of the last load

    def __iter__(self) -> Iterator[NavFile]:
        return iter(self.files)

    def __bool__(self) -> bool:
        return bool(self.files)

    @cached_property
    def covered(self) -> frozenset[str]:
        """The articles (paths under articles/) some navigation file lists."""
        return frozenset(nav.resolve(page) for nav in self.files for page in nav.root.pages())

    @classmethod
    def load(cls, docs_dir: str | Path) -> NavFiles:
        folder = Path(docs_dir) / ARTICLES
        found = sorted(folder.rglob(NAV_FILE)) if folder.is_dir() else []
        found = [p for p in found if not any(part.startswith(".") for part in p.relative_to(folder).parts)]
        key = (str(folder), tuple((str(p), p.stat().st_mtime_ns, p.stat().st_size) for p in found))
        cached = NavFiles._cached
        if cached is not None and cached[0] == key:
            return cached[1]  # type: ignore[no-any-return]
        files = []
        for path in found:
            rel = path.parent.relative_to(folder).as_posix()
            try:
                text = path.read_text(encoding="utf-8-sig")
                files.append(load(text, "" if rel == "." else rel))
            except NavFileError as exc:
                raise PluginError(f"{path}:{exc.line}:{exc.col}: {exc}") from exc
            except (OSError, UnicodeDecodeError) as exc:
                raise PluginError(f"{path}:0:0: cannot read it: {exc}") from exc
        navs = cls(tuple(files))
        NavFiles._cached = (key, navs)
        return navs
