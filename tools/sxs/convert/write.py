"""Stage 5: put pages and assets on disk, atomically, without clobbering edits."""

from __future__ import annotations

import enum
import logging
import os
import tempfile
from pathlib import Path

from sxs.diagnostics import Diagnostic
from sxs.pages import redirects
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


def plan_page(out_dir: Path, page: Page, force: bool) -> Outcome:
    """What writing `page` would do, without writing it."""
    try:
        old = (out_dir / page.filename).read_bytes()
    except FileNotFoundError:
        return Outcome.WRITTEN
    if old == page.text.encode("utf-8"):
        return Outcome.UNCHANGED
    old_text = old.decode("utf-8", errors="replace")
    if not is_edited(old_text):
        return Outcome.WRITTEN
    if force:
        return Outcome.REPLACED_EDITED
    # An edited page of an unchanged source is simply newer than the source: nothing
    # to bring in. Only an upstream change to an edited page needs a person's attention.
    if _source_hash(old_text) == _source_hash(page.text):
        return Outcome.UNCHANGED
    return Outcome.KEPT_EDITED


def write_page(out_dir: Path, page: Page, force: bool) -> Outcome:
    outcome = plan_page(out_dir, page, force)
    if outcome in (Outcome.WRITTEN, Outcome.REPLACED_EDITED):
        atomic_write(out_dir / page.filename, page.text.encode("utf-8"))
    return outcome


def _source_hash(text: str) -> object:
    return read_meta(text).get("source_sha256")


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
