"""`sxs import-translations FILE...`: put translated PO/XLIFF units back into the translated pages.

Only translated lines that changed are rewritten, each keeping its skeleton. A unit is refused
(reported, nothing written for it) when its English source no longer matches the page's English
line, when the line is not aligned, when its text spans lines, or when the new line would fail
`sxs check` (a broken link target, an unbalanced `**`...). Fuzzy units are skipped: gettext's
rule, a translator clears the flag once the text is reviewed (`--include-fuzzy` to take them).
Units marked machine translated (exchange.py: a PO comment, an XLIFF state-qualifier) are
taken like any other: the mark describes where the exported text came from, and a translator's
edit of it is applied.

page_hash is deliberately left as it was: the page then no longer matches its import hash, so
it counts as edited and `sxs import` keeps it instead of overwriting the translators' work
(write.py, KEPT_EDITED). When the H1 changes, the front matter `title` follows it.
"""

from __future__ import annotations

import argparse
import sys
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

from sxs.convert.render import plain_title
from sxs.convert.write import atomic_write
from sxs.diagnostics import Diagnostic, error, warning
from sxs.pages.frontmatter import scalar
from sxs.pages.pairs import Pair, find_pairs
from sxs.pages.skeleton import shape_at

from .check import check_line
from .exchange import Returned, read_store


@dataclass
class Changes:
    pair: Pair
    lines: dict[int, str]  # 1-based line -> new translated line


class PairIndex:
    """The pairs by article path and language. A unit's path is relative to the folder its file was
    exported from (`docs/` or `docs/articles/`...): a path that names no article exactly is matched
    by its ending, when that names one article only."""

    def __init__(self, pairs: list[Pair]) -> None:
        self.by_key: dict[str, list[Pair]] = {}
        for pair in pairs:
            self.by_key.setdefault(pair.key, []).append(pair)

    def find(self, article: str, lang: str | None) -> Pair | None:
        found = self.by_key.get(article)
        if found is None:
            tails = [k for k in self.by_key if k.endswith("/" + article) or article.endswith("/" + k)]
            found = self.by_key[tails[0]] if len(tails) == 1 else []
        if lang is not None:
            found = [p for p in found if p.target.lang == lang] or [
                p for p in found if p.target.lang == lang.split("-")[0]
            ]
        return found[0] if len(found) == 1 else None


def configure(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("files", nargs="+", type=Path, help="translated .po or .xlf files")
    parser.add_argument(
        "--docs", type=Path, default=Path("docs"), help="folder of the article pages (default: docs/)"
    )
    parser.add_argument("--include-fuzzy", action="store_true", help="also take units still marked fuzzy")
    parser.add_argument("--dry-run", action="store_true", help="report what would change, write nothing")


def apply_unit(pair: Pair, unit: Returned, origin: str) -> tuple[str | None, list[Diagnostic]]:
    """The new translated line for a unit (None: nothing to change), or why it is refused."""
    ko, en = pair.target, pair.source
    where = f"unit {unit.article}:{unit.line} of {origin}"
    if not ko.front_end < unit.line <= min(len(ko.lines), len(en.lines)):
        return None, [error(ko.display, unit.line, 1, f"{where} refused: no such body line")]
    en_shape, ko_shape = shape_at(en.lines, unit.line - 1), shape_at(ko.lines, unit.line - 1)
    if en_shape.text != unit.source:
        return None, [
            error(
                ko.display,
                unit.line,
                1,
                f"{where} refused: its English source no longer matches English line {unit.line}",
            )
        ]
    if ko_shape.signature != en_shape.signature:
        return None, [
            error(ko.display, unit.line, 1, f"{where} refused: the line is not aligned (run `sxs check`)")
        ]
    if "\n" in unit.target or "\r" in unit.target:
        return None, [
            error(ko.display, unit.line, 1, f"{where} refused: the translation spans several lines")
        ]
    new = ko_shape.prefix + unit.target + ko_shape.suffix
    if new == ko.line(unit.line):
        return None, []
    edited = [*ko.lines[: unit.line - 1], new, *ko.lines[unit.line :]]
    findings = list(check_line(pair, unit.line, unit.line, shape_at(edited, unit.line - 1), en_shape))
    errors = [f for f in findings if f.diag.is_error]
    if errors:
        return None, [
            error(ko.display, unit.line, f.diag.col, f"{where} refused: {f.diag.message}") for f in errors
        ]
    return new, [f.diag for f in findings]


def updated_text(changes: Changes) -> str:
    lines = list(changes.pair.target.lines)
    for number, text in changes.lines.items():
        lines[number - 1] = text
    front_end = changes.pair.target.front_end
    h1 = next((i for i in range(front_end, len(lines)) if lines[i].startswith("# ")), None)
    if h1 is not None and h1 + 1 in changes.lines:
        title = next((i for i in range(1, front_end) if lines[i].startswith("title:")), None)
        if title is not None:
            lines[title] = f"title: {scalar(plain_title(lines[h1]))}"
    return "\n".join(lines) + "\n"


def run(args: argparse.Namespace) -> int:
    pairs, diags = find_pairs([args.docs]) if args.docs.is_dir() else ([], [])
    if not args.docs.is_dir():
        print(f"{args.docs}:0:0: error: no such folder", file=sys.stderr)
        return 2
    index = PairIndex(pairs)
    counts: Counter[str] = Counter()
    pending: dict[tuple[str, str], Changes] = {}
    for path in args.files:
        if not path.is_file():  # translate-toolkit would read a missing path as an empty store
            print(f"{path}:0:0: error: no such file", file=sys.stderr)
            counts["unreadable files"] += 1
            continue
        try:
            returned = read_store(path)
        except Exception as exc:  # noqa: BLE001 - translate-toolkit raises many kinds for a bad file
            print(f"{path}:0:0: error: cannot read it as PO or XLIFF: {exc}", file=sys.stderr)
            counts["unreadable files"] += 1
            continue
        for unit in returned:
            if isinstance(unit, str):
                diags.append(warning(str(path), 0, 0, unit))
                counts["refused"] += 1
                continue
            pair = index.find(unit.article, unit.lang)
            if pair is None:
                diags.append(
                    error(
                        str(path),
                        0,
                        0,
                        f"unit {unit.article}:{unit.line} refused: no article {unit.article!r}"
                        f"{' in ' + unit.lang if unit.lang else ''} under {args.docs}",
                    )
                )
                counts["refused"] += 1
                continue
            if unit.fuzzy and not args.include_fuzzy:
                counts["fuzzy, skipped"] += 1
                continue
            if not unit.target.strip():
                counts["untranslated, skipped"] += 1
                continue
            changes = pending.setdefault((pair.key, pair.target.lang), Changes(pair, {}))
            new, found = apply_unit(pair, unit, str(path))
            diags.extend(found)
            if new is not None:
                changes.lines[unit.line] = new
                counts["applied"] += 1
            elif any(d.is_error for d in found):
                counts["refused"] += 1
            else:
                counts["unchanged"] += 1
    for diag in diags:
        print(diag, file=sys.stderr)
    pages = 0
    for changes in pending.values():
        if changes.lines:
            if not args.dry_run:
                try:
                    atomic_write(changes.pair.target.path, updated_text(changes).encode("utf-8"))
                except OSError as exc:
                    print(f"{changes.pair.target.display}:0:0: error: {exc.strerror or exc}", file=sys.stderr)
                    counts["unwritable pages"] += 1
                    continue
            pages += 1
    verb = "would change" if args.dry_run else "changed"
    detail = ", ".join(f"{n} {what}" for what, n in sorted(counts.items()))
    print(f"{detail or 'no units'}; {pages} pages {verb}")
    return 1 if counts["refused"] or counts["unreadable files"] or counts["unwritable pages"] else 0
