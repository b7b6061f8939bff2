"""`sxs export --format po|xliff|tmx [--out DIR] [PATH...]`: one translation file per article.

Stale lines (stale.py) are marked: fuzzy in PO, `needs-review-translation` in XLIFF; they are
left out of TMX, a translation memory, which would offer the new English with the outdated
translation as an exact match (TMX has no such state, and CAT tools ignore notes when matching).
Without git history every unit is exported as translated, and a note says so.
Units of a machine-translated article (`ms.translationtype: MT`) carry the format's MT mark
(exchange.py): a CAT tool or translation memory must not take them for reviewed human work.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from sxs.convert.write import atomic_write
from sxs.pages.pairs import add_paths_argument, report_missing

from .exchange import FORMATS, build_store, units
from .stale_cmd import status_of_paths


def configure(parser: argparse.ArgumentParser) -> None:
    add_paths_argument(parser, "article pages or folders to export")
    parser.add_argument("--format", choices=sorted(FORMATS), default="po", help="file format (default: po)")
    parser.add_argument(
        "--out",
        type=Path,
        default=Path("translations"),
        help="folder for <article path>.<lang>.<ext> files (default: translations/)",
    )


def run(args: argparse.Namespace) -> int:
    if report_missing(args.paths):
        return 2
    pairs, diags, history = status_of_paths(args.paths)
    if history.note is not None:
        print(f"sxs export: stale lines not marked: {history.note}", file=sys.stderr)
    stale_of = {a.path: {s.line for s in a.stale or ()} for a in history.articles}
    written = exported = skipped = 0
    for pair in pairs:
        found = units(pair, stale_of.get(pair.target.display, set()))
        if found is None:
            print(
                f"{pair.target.display}:1:1: error: not aligned with its English page; not exported "
                "(run `sxs check`)",
                file=sys.stderr,
            )
            skipped += 1
            continue
        if args.format == "tmx":
            found = [unit for unit in found if not unit.stale]
        if not found:
            continue
        try:
            data = bytes(build_store(args.format, found, pair.target.lang, project=pair.key))
        except ValueError as exc:  # lxml refuses control characters XML cannot hold
            print(f"{pair.target.display}:1:1: error: not exported: {exc}", file=sys.stderr)
            skipped += 1
            continue
        try:
            atomic_write(args.out / f"{pair.key}.{pair.target.lang}{FORMATS[args.format]}", data)
        except OSError as exc:
            print(f"{exc.filename or args.out}:0:0: error: {exc.strerror or exc}", file=sys.stderr)
            return 2
        written += 1
        exported += len(found)
    print(
        f"{exported} units of {written} articles written to {args.out}/"
        + (f"; {skipped} articles skipped" if skipped else "")
    )
    return 1 if skipped or diags else 0
