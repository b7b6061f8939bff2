"""Stage 5: put pages, navigation files and assets on disk, atomically, without clobbering edits."""

from __future__ import annotations

import enum
import logging
import os
import tempfile
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path

from sxs.diagnostics import Diagnostic, error, warning
from sxs.pages import navfile, redirects
from sxs.pages.frontmatter import is_edited, read_meta

from .model import Asset, Page
from .sitemap import SiteMap

log = logging.getLogger(__name__)


class Outcome(enum.Enum):
    WRITTEN = "written"
    UNCHANGED = "unchanged"
    KEPT_EDITED = "kept-edited"  # the page was edited and its source changed since import; left alone
    REPLACED_EDITED = "replaced-edited"  # --force overwrote an edited page


def atomic_write(path: Path, data: bytes) -> None:
    """Write via a temporary file in the same folder and os.replace: all or nothing."""
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


@dataclass(frozen=True)
class Provenance:
    """How a kind of generated file records its import: whether it was edited since, and from what."""

    is_edited: Callable[[str], bool]
    source_of: Callable[[str], object]


PAGE = Provenance(is_edited, lambda text: read_meta(text).get("source_sha256"))
NAVIGATION = Provenance(navfile.is_edited, navfile.source_hash)


def plan_file(path: Path, text: str, force: bool, kind: Provenance = PAGE) -> Outcome:
    """What writing `text` to `path` would do, without writing it."""
    try:
        old = path.read_bytes()
    except FileNotFoundError:
        return Outcome.WRITTEN
    if old == text.encode("utf-8"):
        return Outcome.UNCHANGED
    old_text = old.decode("utf-8", errors="replace")
    if not kind.is_edited(old_text):
        return Outcome.WRITTEN
    if force:
        return Outcome.REPLACED_EDITED
    # An edited file of an unchanged source is simply newer than the source: nothing
    # to bring in. Only an upstream change to an edited file needs a person's attention.
    if kind.source_of(old_text) == kind.source_of(text):
        return Outcome.UNCHANGED
    return Outcome.KEPT_EDITED


def write_file(path: Path, text: str, force: bool, kind: Provenance = PAGE) -> Outcome:
    outcome = plan_file(path, text, force, kind)
    if outcome in (Outcome.WRITTEN, Outcome.REPLACED_EDITED):
        atomic_write(path, text.encode("utf-8"))
    return outcome


def plan_page(out_dir: Path, page: Page, force: bool) -> Outcome:
    """What writing `page` would do, without writing it."""
    return plan_file(out_dir / page.filename, page.text, force)


def write_page(out_dir: Path, page: Page, force: bool) -> Outcome:
    return write_file(out_dir / page.filename, page.text, force)


def write_navigations(out_dir: Path, navs: Iterable[navfile.NavFile], force: bool) -> list[Diagnostic]:
    """Write navigation files (toc.py); one edited since import is kept as a page is."""
    diags = []
    for nav in navs:
        path = out_dir / nav.path
        try:
            outcome = write_file(path, navfile.dump(nav), force, NAVIGATION)
        except OSError as exc:
            diags.append(error(str(path), 0, 0, f"cannot write it: {exc.strerror or exc}"))
            continue
        if outcome is Outcome.KEPT_EDITED:
            message = (
                "edited since import and its tables of contents changed; not overwritten "
                "(merge the change by hand, or --force to replace)"
            )
            diags.append(warning(str(path), 1, 1, message))
        elif outcome is Outcome.REPLACED_EDITED:
            diags.append(warning(str(path), 1, 1, "replaced a navigation edited since import (--force)"))
    return diags


def copy_asset(out_dir: Path, asset: Asset) -> bool:
    """Copy one referenced file beside the pages; False when it was already there."""
    dest = out_dir / asset.dest_rel
    data = asset.source.read_bytes()
    if dest.is_file() and dest.read_bytes() == data:
        return False
    atomic_write(dest, data)
    return True


def write_redirects(out_dir: Path, site: SiteMap) -> list[Diagnostic]:
    """The repository's redirections as data for the site's redirect pages (pages/redirects.py)."""
    data, diags = site.redirect_map()
    path = out_dir / redirects.REDIRECT_FILE
    text = redirects.dump(data).encode("utf-8")
    if not path.is_file() or path.read_bytes() != text:
        atomic_write(path, text)
    return diags
