"""The translation-status page: per article, machine or human translation, stale and edited lines, hand-off.

A page holding the marker (docs/translation-status.<lang>.md) gets a summary and a table built
from the same data as `sxs stale` (sxs/stale.py). Git is asked once per build: the result is
cached on the article files and HEAD, so static-i18n's second language and an unchanged
`mkdocs serve` rebuild reuse it. Without usable history (a shallow CI clone, no git) the page
says so and still lists every article with its translation type and hand-off date.
"""

from __future__ import annotations

import logging
import re
import subprocess
from pathlib import Path
from typing import Any

from mkdocs.config.defaults import MkDocsConfig

from sxs import locales
from sxs.contrib.stale import PairLines, SiteStatus, status

from .build import Build
from .catalog import ARTICLES, Catalog
from .notices import hand_off

log = logging.getLogger(f"mkdocs.plugins.{__name__}")
MARKER = "<!-- sxs:translation-status -->"


def _text(lang: str, key: str, **values: object) -> str:
    return locales.text(lang, "status", key, **values)


class TranslationStatus:
    _cached: tuple[tuple[Any, ...], SiteStatus] | None = None

    def __init__(self, options: Any) -> None:
        pass

    @classmethod
    def load(cls, catalog: Catalog, docs_dir: str | Path) -> SiteStatus:
        """The status of every article of the catalog (its pairs as it read them), computed once
        per state of the files and of git."""
        head = subprocess.run(
            ["git", "rev-parse", "HEAD"], cwd=docs_dir, capture_output=True, text=True, check=False
        ).stdout.strip()
        key = (catalog, head)  # a catalog of the same files is the same object (Catalog.load)
        if cls._cached is not None and cls._cached[0] == key:
            return cls._cached[1]
        pairs: list[PairLines] = []
        for files in catalog.files.values():
            pairs += files.pairs
            for problem in files.problems:
                log.warning("%s", problem)
        result = status(pairs, Path(docs_dir))
        if result.note is not None:
            log.info("translation status: %s", result.note)
        TranslationStatus._cached = (key, result)
        return result

    def on_page_markdown(self, markdown: str, page: Any, config: MkDocsConfig, files: Any) -> str | None:
        if MARKER not in markdown:
            return None
        lang, default = Build.language(config), Build.default_language(config)
        base = "../" * page.file.src_uri.count("/")
        catalog = Catalog.of_build(config)
        return markdown.replace(
            MARKER, render(self.load(catalog, config.docs_dir), catalog, lang, default, base)
        )


def render(result: SiteStatus, catalog: Catalog, lang: str, default: str, base: str) -> str:
    arts = result.articles
    facts = {
        "articles": len(arts),
        "mt": sum(a.translation == "MT" for a in arts),
        "ht": sum(a.translation == "HT" for a in arts),
        "lines": sum(a.lines for a in arts),
    }
    out: list[str] = []
    if result.note is not None:
        out += [
            f'!!! warning ""\n    {_text(lang, "no_git", note=result.note)}\n',
            f'<p class="sxs-status-summary">{_text(lang, "summary_no_git", **facts)}</p>\n',
        ]
    else:
        out.append(
            '<p class="sxs-status-summary">'
            + _text(
                lang,
                "summary",
                stale=result.stale_lines,
                stale_articles=sum(1 for a in arts if a.stale),
                edited=sum(a.edited or 0 for a in arts),
                **facts,
            )
            + "</p>\n"
        )
    head = [_text(lang, k) for k in ("article", "translation", "lines", "stale", "edited", "handed_off")]
    # no column alignment: it would put a style attribute on each of 10,000 cells
    out += ["| " + " | ".join(head) + " |", "|---|---|---|---|---|---|"]

    def order(a: Any) -> tuple[int, int, str]:
        article = catalog.get(a.article)
        return (
            -len(a.stale or ()),
            -(a.edited or 0),
            (article.title(lang, default) if article else a.article).casefold(),
        )

    for a in sorted(arts, key=order):
        article = catalog.get(a.article)
        title = article.title(lang, default) if article else a.article
        handed = hand_off(a.handed_off, lang)
        cells = [
            f"[{_escape(title)}]({base}{ARTICLES}/{a.article}.md)",
            _text(lang, a.translation) if a.translation in ("MT", "HT") else _text(lang, "unknown"),
            str(a.lines),
            "–" if a.stale is None else str(len(a.stale)),
            "–" if a.edited is None else str(a.edited),
            f'<time datetime="{handed.iso}">{handed.shown}</time>' if handed else "",
        ]
        out.append("| " + " | ".join(cells) + " |")
    return "\n".join(out) + "\n"


def _escape(title: str) -> str:
    return re.sub(r"([\\\[\]`*_<>|])", r"\\\1", title)
