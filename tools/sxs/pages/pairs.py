"""Article pairs on disk: `<slug>.<lang>.md` beside `<slug>.en.md`,
line i of one translating line i of the other.

Only generated pages count as articles: their front matter carries `source_path` (pages.py).
Other bilingual pages of the site (home, categories) are written freely and are not pairs.
Line numbers everywhere are 1-based file lines, front matter included, so that messages,
exported units and `git blame` all name the same line.
"""

from __future__ import annotations

import argparse
import glob
import re
import sys
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

from sxs.convert.render import SOURCE_LANG
from sxs.diagnostics import Diagnostic, error

PAGE_NAME = re.compile(r"^(?P<slug>[^.\s]+)\.(?P<lang>[a-z]{2})\.md$")
PROVENANCE = "source_path"
_Loader: Any = getattr(yaml, "CSafeLoader", yaml.SafeLoader)  # libyaml: ten times faster on 3,000 pages


@dataclass(frozen=True)
class Page:
    """One language's file of an article, split into lines (no line ends)."""

    path: Path
    lang: str
    lines: tuple[str, ...]
    front_end: int  # 1-based line of the closing `---` of the front matter; 0 without one
    meta: dict[str, Any]

    @property
    def display(self) -> str:
        return str(self.path)

    def line(self, number: int) -> str:
        return self.lines[number - 1]


@dataclass(frozen=True)
class Pair:
    slug: str
    target: Page  # the translation (ko)
    source: Page  # the English original

    @property
    def body_start(self) -> int:
        """First line after the front matter (1-based)."""
        return max(self.target.front_end, self.source.front_end) + 1


def read_page(path: Path, lang: str) -> Page | Diagnostic:
    try:
        text = path.read_text(encoding="utf-8-sig")  # a BOM, as MkDocs reads pages
    except UnicodeDecodeError as exc:
        return error(str(path), 1, 1, f"not UTF-8 ({exc.reason} at byte {exc.start})")
    except OSError as exc:
        return error(str(path), 0, 0, exc.strerror or str(exc))
    lines = tuple(text.replace("\r\n", "\n").split("\n"))
    if lines and lines[-1] == "":
        lines = lines[:-1]
    front_end = 0
    meta: dict[str, Any] = {}
    if lines and lines[0] == "---":
        front_end = next((i + 1 for i in range(1, len(lines)) if lines[i] == "---"), 0)
        if not front_end:
            return error(str(path), 1, 1, "front matter is not closed by a '---' line")
        if front_end:
            try:
                loaded = yaml.load("\n".join(lines[1 : front_end - 1]), Loader=_Loader)  # noqa: S506 - safe
            except yaml.YAMLError as exc:
                mark = getattr(exc, "problem_mark", None)
                line = mark.line + 2 if mark is not None else 1
                return error(
                    str(path), line, 1, f"front matter is not valid YAML: {getattr(exc, 'problem', exc)}"
                )
            meta = loaded if isinstance(loaded, dict) else {}
    return Page(path, lang, lines, front_end, meta)


def page_files(paths: Iterable[Path]) -> list[Path]:
    """Every `<slug>.<lang>.md` under the given folders, and for a given page its other languages too
    (a pre-commit hook passes only the changed file), sorted, each once."""
    found: set[Path] = set()
    for path in paths:
        if path.is_dir():
            found.update(p for p in path.rglob("*.md") if PAGE_NAME.match(p.name))
            continue
        m = PAGE_NAME.match(path.name)
        if m is not None:
            found.update(
                p for p in path.parent.glob(f"{glob.escape(m['slug'])}.*.md") if PAGE_NAME.match(p.name)
            )
    return sorted(found)


def find_pairs(paths: Iterable[Path]) -> tuple[list[Pair], list[Diagnostic]]:
    """The article pairs under `paths`; a page without its other half is reported, not paired."""
    groups: dict[tuple[Path, str], dict[str, Path]] = {}
    for path in page_files(paths):
        m = PAGE_NAME.match(path.name)
        assert m is not None
        groups.setdefault((path.parent, m["slug"]), {})[m["lang"]] = path
    pairs: list[Pair] = []
    diags: list[Diagnostic] = []
    for (_, slug), langs in sorted(groups.items()):
        pages: dict[str, Page] = {}
        unread: set[str] = set()
        for lang, path in sorted(langs.items()):
            page = read_page(path, lang)
            if isinstance(page, Diagnostic):
                diags.append(page)
                unread.add(lang)
            elif PROVENANCE in page.meta:
                pages[lang] = page
        if not pages:
            continue  # a hand-written page, or one already reported
        source = pages.pop(SOURCE_LANG, None)
        if source is None:
            if SOURCE_LANG in unread:
                continue  # the English page is there but unreadable: reported on it, above
            if SOURCE_LANG in langs:
                diags.append(
                    error(
                        str(langs[SOURCE_LANG]),
                        1,
                        1,
                        f"no `{PROVENANCE}` in its front matter; the page is not paired",
                    )
                )
                continue
            for page in pages.values():
                diags.append(error(page.display, 1, 1, f"article has no {slug}.{SOURCE_LANG}.md beside it"))
            continue
        if not pages:
            other = [lang for lang in langs if lang != SOURCE_LANG]
            if other:
                diags.append(
                    error(
                        str(langs[other[0]]),
                        1,
                        1,
                        f"no `{PROVENANCE}` in its front matter; the page is not paired",
                    )
                )
            else:
                diags.append(error(source.display, 1, 1, "article has no translation beside it"))
            continue
        for page in pages.values():
            pairs.append(Pair(slug, page, source))
    return pairs, diags


def add_paths_argument(parser: argparse.ArgumentParser, what: str) -> None:
    """The PATH... argument of the commands that work on article pairs (default: docs/)."""
    parser.add_argument(
        "paths", nargs="*", type=Path, default=[Path("docs")], help=f"{what} (default: docs/)"
    )


def report_missing(paths: Iterable[Path]) -> bool:
    """Say which of the paths a command was given do not exist; True when any is missing."""
    missing = [p for p in paths if not p.exists()]
    for path in missing:
        print(f"{path}:0:0: error: no such file or folder", file=sys.stderr)
    return bool(missing)
