"""`sxs import SOURCE_DIR --out OUT_DIR`: the command-line face of importer.py."""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

from .pipeline import import_repository


def configure(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "source_dir", type=Path, help="folder of side-by-side articles (e.g. AlchemyInsights)"
    )
    parser.add_argument("--out", type=Path, required=True, help="folder for <slug>.<lang>.md pages")
    parser.add_argument("--force", action="store_true", help="overwrite pages edited since their import")
    parser.add_argument(
        "--target-lang", help="language suffix for translated pages (default: ms.contentlocale)"
    )
    parser.add_argument(
        "--jobs", type=int, default=None, help="worker processes for large imports (default: one per CPU)"
    )
    parser.add_argument(
        "--progress",
        choices=("auto", "always", "never"),
        default="auto",
        help="progress bar (auto: only on a terminal)",
    )


def run(args: argparse.Namespace) -> int:
    source: Path = args.source_dir
    if not source.is_dir():
        print(f"{source}:0:0: error: not a folder", file=sys.stderr)
        return 2
    # auto: a bar only for a person at a terminal, never in CI logs.
    progress = args.progress == "always" or (
        args.progress == "auto" and sys.stderr.isatty() and not os.environ.get("CI")
    )
    try:
        report = import_repository(
            source,
            args.out,
            force=args.force,
            target_lang=args.target_lang,
            progress=progress,
            jobs=args.jobs,
        )
    except OSError as exc:
        print(f"{exc.filename or args.out}:0:0: error: {exc.strerror or exc}", file=sys.stderr)
        return 2
    for diag in report.diags:
        print(diag, file=sys.stderr)
    print(report.summary())
    return 1 if report.failed else 0
