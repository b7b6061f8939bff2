"""`sxs check [PATH...]`: every article pair is still aligned and safely translated.

Rules (the name shows in `--format json`):
- alignment: both files have the same lines and, line by line, the same skeleton (skeleton.py);
- protected: link targets, inline code, URLs, error codes, `<placeholders>` and tags carried over
  unchanged (errors); numbers and the count of `**` marks (warnings: translations reformat them);
- emphasis: an odd number of `**`/`__` marks in a translated line;
- front-matter: titles present, `lang` matching the file, provenance and upstream keys the same
  in both files (only `title`, `lang` and `page_hash` may differ);
- untranslated: a translated line that is empty, or equal to a wordy English line (but for lines
  the English page itself says are in the translation's language: skeleton.in_language);
- runnable: markup that could run in the reader's browser (`<script>`, `on*=` attributes,
  `javascript:` targets...), which `sxs import` removes, in either page: the pages are the site's
  source, so an edit must not bring it back.
Findings are reported on the translated page, where contributors edit (runnable ones on the page
that holds them).
"""

from __future__ import annotations

import argparse
import difflib
import json
import re
import sys
import time
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from sxs.convert.docset import Publication
from sxs.convert.inline import LinkContext, clean
from sxs.diagnostics import Diagnostic, Severity
from sxs.pages.pairs import PROVENANCE, Pair, add_paths_argument, find_pairs, report_missing
from sxs.pages.skeleton import Shape, commented, emphasis_marks, in_language, protected, shapes, token_counts

PER_LANGUAGE = {"title", "lang", "page_hash"}
WORD = re.compile(r"[A-Za-z]{2,}")
MIN_WORDS = 3  # an English line with fewer words (a product name, a command) may stay as it is
# What the import's clean-up removes because it could run or load something (not form controls,
# which it also drops: the converter's own click-to-play video is a <button>).
RUNNABLE = re.compile(
    r"^removed (?:<(?:script|style|iframe|object|embed|frame|frameset|base|link|meta|svg|math|template"
    r"|noscript)>|event handler|unsafe|style attribute)"
)
EMPTY_REPO = Publication(Path("."), (), {}, {})


@dataclass(frozen=True)
class Finding:
    diag: Diagnostic
    rule: str

    def as_json(self) -> dict[str, object]:
        d = self.diag
        return {
            "path": d.path,
            "line": d.line,
            "col": d.col,
            "severity": d.severity.value,
            "rule": self.rule,
            "message": d.message,
        }


def _find(path: str, line: int, col: int, severity: Severity, rule: str, message: str) -> Finding:
    return Finding(Diagnostic(path, line, col, severity, message), rule)


def check_pair(pair: Pair) -> list[Finding]:
    """Every finding for one article pair, in line order."""
    out = list(_front_matter(pair))
    ko, en = pair.target, pair.source
    if ko.front_end != en.front_end:
        out.append(
            _find(
                ko.display,
                min(ko.front_end, en.front_end) or 1,
                1,
                Severity.ERROR,
                "alignment",
                f"front matter ends on line {ko.front_end} here but on line {en.front_end} in English",
            )
        )
        return out
    start = ko.front_end
    ko_shapes = shapes(ko.lines[start:])
    en_shapes = shapes(en.lines[start:])
    if len(ko_shapes) == len(en_shapes):
        matched = [(i, i) for i in range(len(ko_shapes))]
    else:
        matched, lost = _realign(ko_shapes, en_shapes)
        for i, j, message in lost:
            out.append(
                _find(
                    ko.display,
                    start + i + 1,
                    1,
                    Severity.ERROR,
                    "alignment",
                    f"{message} from English line {start + j + 1} on "
                    f"(English has {len(en.lines)} lines, this page {len(ko.lines)})",
                )
            )
    declared = in_language(en.lines[start:], ko.lang)
    ko_comments, en_comments = commented(ko.lines[start:]), commented(en.lines[start:])
    for i, j in matched:
        out.extend(
            check_line(
                pair,
                start + i + 1,
                start + j + 1,
                ko_shapes[i],
                en_shapes[j],
                j in declared,
                (i in ko_comments, j in en_comments),
            )
        )
    return sorted(out, key=lambda f: (f.diag.line, f.diag.col))


def _realign(ko: list[Shape], en: list[Shape]) -> tuple[list[tuple[int, int]], list[tuple[int, int, str]]]:
    """Pair up lines when the counts differ (difflib over skeletons and protected tokens); say where
    lines were added or lost, as (translated index, English index, message)."""

    def key(s: Shape) -> tuple[object, ...]:
        return (*s.signature, tuple(sorted(token_counts(protected(s.text)))))

    matcher = difflib.SequenceMatcher(None, [key(s) for s in ko], [key(s) for s in en], autojunk=False)
    matched: list[tuple[int, int]] = []
    lost: list[tuple[int, int, str]] = []
    for op, i1, i2, j1, j2 in matcher.get_opcodes():
        here, there = i2 - i1, j2 - j1
        if op == "equal" or here == there:
            matched.extend(zip(range(i1, i2), range(j1, j2), strict=True))
        elif there == 0:
            lost.append(
                (i1, j1, f"{here} line(s) here that the English page does not have: lines out of step")
            )
        elif here == 0:
            lost.append((i1, j1, f"{there} line(s) of the English page missing here: lines out of step"))
        else:
            lost.append(
                (i1, j1, f"{here} line(s) here for {there} line(s) of the English page: lines out of step")
            )
    return matched, lost


def check_line(
    pair: Pair,
    ko_no: int,
    en_no: int,
    ko: Shape,
    en: Shape,
    declared: bool = False,
    commented: tuple[bool, bool] = (False, False),
) -> Iterator[Finding]:
    """Findings for one aligned line; `declared`: the English page says the line is in the
    translation's language, so an identical line is no untranslated copy; `commented`: each
    page's line lies inside an HTML comment, where no markup runs."""
    path = pair.target.display
    if not commented[0]:
        yield from _runnable(path, ko_no, ko)
    if not commented[1]:
        yield from _runnable(pair.source.display, en_no, en)
    if ko.signature != en.signature:
        yield _find(
            path,
            ko_no,
            1,
            Severity.ERROR,
            "alignment",
            f"skeleton differs from English line {en_no}: {en.describe()} there, {ko.describe()} here",
        )
        return
    if ko.kind in ("code", "fence", "table-sep", "break", "blank"):
        return
    base = len(ko.prefix)
    ko_tokens, en_tokens = protected(ko.text), protected(en.text)
    ko_count, en_count = token_counts(ko_tokens), token_counts(en_tokens)
    for token in ko_tokens:
        if ko_count[(token.kind, token.value)] > en_count[(token.kind, token.value)]:
            ko_count[(token.kind, token.value)] -= 1
            severity = Severity.WARNING if token.kind == "number" else Severity.ERROR
            yield _find(
                path,
                ko_no,
                base + token.col,
                severity,
                "protected",
                f"{token.kind} {token.value!r} is not in English line {en_no}",
            )
    ko_count = token_counts(ko_tokens)
    for (kind, value), n in (en_count - ko_count).items():
        severity = Severity.WARNING if kind == "number" else Severity.ERROR
        yield _find(
            path,
            ko_no,
            base + 1,
            severity,
            "protected",
            f"{kind} {value!r} of English line {en_no} is missing" + (f" ({n}×)" if n > 1 else ""),
        )
    for what, mine, theirs in zip(
        ("`**` or `__`", "`*` or `_`"), emphasis_marks(ko.text), emphasis_marks(en.text), strict=True
    ):
        if mine % 2 and not theirs % 2:
            yield _find(path, ko_no, base + 1, Severity.ERROR, "emphasis", f"unbalanced {what} (odd count)")
        elif mine != theirs:
            yield _find(
                path,
                ko_no,
                base + 1,
                Severity.WARNING,
                "emphasis",
                f"{mine} {what} marks here, {theirs} in English line {en_no}",
            )
    words = len(WORD.findall(_bare(en.text)))
    if not ko.text.strip() and en.text.strip():
        yield _find(path, ko_no, base + 1, Severity.ERROR, "untranslated", "empty translation")
    elif ko.text == en.text and words >= MIN_WORDS and not declared:
        yield _find(
            path,
            ko_no,
            base + 1,
            Severity.WARNING,
            "untranslated",
            f"same as English line {en_no}: not translated",
        )


def _runnable(path: str, number: int, line: Shape) -> Iterator[Finding]:
    """What the import's inline clean-up would remove from this line as able to run."""
    if line.kind in ("code", "fence", "table-sep", "break", "blank"):
        return
    ctx = LinkContext(path, "page.md", EMPTY_REPO, "page")
    clean(line.prefix + line.text + line.suffix, ctx, number, 1)
    for diag in ctx.diags:
        if RUNNABLE.match(diag.message):
            message = f"could run in the reader's browser: {diag.message}"
            yield _find(path, number, 1, Severity.ERROR, "runnable", message)


def _bare(text: str) -> str:
    """The text without what must not be translated (a line of links only has nothing to translate)."""
    for token in sorted(protected(text), key=lambda t: -t.col):
        text = text[: token.col - 1] + " " + text[token.col - 1 + len(token.value) :]
    return re.sub(r"\]\([^)]*\)", "]", text)


def _front_matter(pair: Pair) -> Iterator[Finding]:
    ko, en = pair.target, pair.source
    for page in (ko, en):
        if not page.front_end:
            yield _find(page.display, 1, 1, Severity.ERROR, "front-matter", "no front matter")
            continue
        title = page.meta.get("title")
        if not isinstance(title, str) or not title.strip():
            yield _find(
                page.display, _key_line(page.lines, "title"), 1, Severity.ERROR, "front-matter", "no title"
            )
        if page.meta.get("lang") != page.lang:
            yield _find(
                page.display,
                _key_line(page.lines, "lang"),
                1,
                Severity.ERROR,
                "front-matter",
                f"`lang: {page.meta.get('lang')}` in a `.{page.lang}.md` page",
            )
    if not ko.front_end or not en.front_end:
        return
    for key in ("source_path", "source_sha256"):
        if key not in ko.meta or key not in en.meta:
            missing = ko if key not in ko.meta else en
            yield _find(
                missing.display, 1, 1, Severity.ERROR, "front-matter", f"provenance `{key}` is missing"
            )
    for key in sorted((set(ko.meta) | set(en.meta)) - PER_LANGUAGE):
        if ko.meta.get(key) != en.meta.get(key):
            rule = "front-matter"
            what = "provenance" if key in (PROVENANCE, "source_sha256") else "upstream key"
            yield _find(
                ko.display,
                _key_line(ko.lines, key),
                1,
                Severity.ERROR,
                rule,
                f"{what} `{key}` differs from the English page",
            )


def _key_line(lines: tuple[str, ...], key: str) -> int:
    prefix = f"{key}:"
    return next((n for n, line in enumerate(lines, 1) if line.startswith(prefix)), 1)


def check_paths(paths: list[Path]) -> tuple[int, list[Finding]]:
    """Check every pair under `paths`: (number of pairs, findings)."""
    pairs, diags = find_pairs(paths)
    findings = [Finding(d, "read") for d in diags]
    for pair in pairs:
        findings.extend(check_pair(pair))
    return len(pairs), findings


def configure(parser: argparse.ArgumentParser) -> None:
    add_paths_argument(parser, "article pages or folders to check")
    parser.add_argument("--format", choices=("text", "json"), default="text", help="output format")


def run(args: argparse.Namespace) -> int:
    if report_missing(args.paths):
        return 2
    started = time.perf_counter()
    count, findings = check_paths(args.paths)
    errors = sum(1 for f in findings if f.diag.is_error)
    if args.format == "json":
        json.dump(
            {
                "articles": count,
                "errors": errors,
                "warnings": len(findings) - errors,
                "findings": [f.as_json() for f in findings],
            },
            sys.stdout,
            ensure_ascii=False,
            indent=1,
        )
        print()
    else:
        for finding in findings:
            print(finding.diag)
        print(
            f"{count} articles checked: {errors} errors, {len(findings) - errors} warnings "
            f"in {time.perf_counter() - started:.2f} s",
            file=sys.stderr,
        )
    return 1 if errors else 0
