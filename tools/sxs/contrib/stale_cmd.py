"""`sxs stale [PATH...]`: translated lines whose English line changed after them, from git history."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from sxs.diagnostics import Diagnostic
from sxs.pages.pairs import Pair, add_paths_argument, find_pairs, report_missing

from .stale import SiteStatus, status


def configure(parser: argparse.ArgumentParser) -> None:
    add_paths_argument(parser, "article pages or folders")
    parser.add_argument("--format", choices=("text", "json"), default="text", help="output format")


def run(args: argparse.Namespace) -> int:
    if report_missing(args.paths):
        return 2
    _, _, result = status_of_paths(args.paths)
    if args.format == "json":
        json.dump(as_json(result), sys.stdout, ensure_ascii=False, indent=1)
        print()
    else:
        print_text(result)
    if result.note is not None:
        print(f"sxs stale: {result.note}", file=sys.stderr)
    return 0


def print_text(result: SiteStatus) -> None:
    for article in result.articles:
        if not article.stale:
            continue
        for line in article.stale:
            when = (
                f"{line.source_commit[:10]} {line.source_date}".strip()
                if line.source_date
                else "uncommitted changes"
            )
            print(
                f"{article.path}:{line.line}: stale: English line {line.line} changed in {when}, "
                f"after this line ({line.target_commit[:10]} {line.target_date})".rstrip()
            )
        print(f"{article.path}: {len(article.stale)} stale line(s) of {article.lines}")
    print(result.summary())


def as_json(result: SiteStatus) -> dict[str, object]:
    return {
        "note": result.note,
        "summary": result.summary(),
        "articles": [
            {
                "article": a.article,
                "path": a.path,
                "translation": a.translation,
                "handed_off": a.handed_off,
                "lines": a.lines,
                "edited": a.edited,
                "stale": None
                if a.stale is None
                else [
                    {
                        "line": s.line,
                        "source_commit": s.source_commit,
                        "source_date": s.source_date,
                        "target_commit": s.target_commit,
                        "target_date": s.target_date,
                    }
                    for s in a.stale
                ],
            }
            for a in result.articles
        ],
    }


def status_of_paths(paths: list[Path]) -> tuple[list[Pair], list[Diagnostic], SiteStatus]:
    """The article pairs under the paths a command was given, the pages that cannot be paired
    (reported on standard error too), and the pairs' status from git history."""
    pairs, diags = find_pairs(paths)
    for diag in diags:
        print(diag, file=sys.stderr)
    first = paths[0]
    return pairs, diags, status(pairs, first if first.is_dir() else first.parent)
