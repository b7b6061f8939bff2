"""YAML pages: DocFX's Landing, Hub and FAQ pages (any `### YamlMime:<Type>` file) as pages of the site.

docset.py lists them among the pages a repository publishes; this converter turns each into its
two pages, as the article stages do for Markdown: the page's values are laid out as a body
(kinds.py, body.py), which layout.py, inline.py and render.py then treat like an
article's. The pages carry the generated front matter (pages/frontmatter.py); the upstream keys
are the page's `metadata:`, and top-level settings (`brand`, `ms.*` keys, flags such as
`chromeless: true`). A file with nothing to show (settings only) makes no page, with a warning.

Languages: the shared repositories' YAML pages hold the target language only. Both pages are
written, line-aligned. The English page reads in English where the English is known (a value
with pair markup, a link to an imported article, which shows that article's English title, the
converter's own labels), and shows every other text in the target language, marked so
(`lang="ko"`), rather than leaving the English site without the page other pages link to.

`convert_yaml_page()` is pure, like pipeline.convert(); `yaml_pages()` runs it over a repository
for `sxs import`, after the articles are written, reading their English titles from the output.
"""

from __future__ import annotations

import logging
import posixpath
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from sxs.diagnostics import Diagnostic, error, warning
from sxs.pages.frontmatter import dump_yaml, read_meta
from sxs.pages.identity import SOURCE_LANG, PageId

from ..docset import Publication
from ..inline import LinkContext
from ..layout import layout
from ..links import fill_titles
from ..model import Article, FrontMatter, SourceFile
from ..pipeline import Converted
from ..read import read_source
from ..render import locale_lang, render
from .body import Body, EnglishTitle, latin
from .kinds import KINDS, SETTINGS, generic, show_values
from .tree import Mapping, Node, Scalar, YamlPage, read_yaml_page, unread

log = logging.getLogger(__name__)

LOCALE = "ms.contentlocale"


def convert_yaml_page(
    src: SourceFile, repo: Publication, target_lang: str | None, english_title: EnglishTitle
) -> Converted:
    """Both pages of one YAML page (none, with a warning, when it has nothing to show)."""
    page = read_yaml_page(src)
    if isinstance(page, Diagnostic):
        return Converted((), (), (page,))
    root = page.root
    meta = _front_matter(page)
    lang = _language(src, repo, target_lang, meta)
    if isinstance(lang, Diagnostic):
        return Converted((), (), (lang,))
    root.take(*(key for key in root.items if _is_setting(key, root.items[key])))
    if all(key in root.used for key in root.items):
        message = f"YamlMime:{page.mime} file has nothing to show (settings only); no page written"
        return Converted((), (), (warning(src.display, 1, 1, message),))

    body = Body(src, repo, lang, english_title, other_script=not latin(src.text))
    template = KINDS.get(page.mime)
    if template is None:
        known = ", ".join(KINDS)
        body.warn(1, 1, f"YamlMime:{page.mime} has no template here ({known}); its values are shown as lists")
        template = generic
    template(root, body, _title(root, src))
    rest = [key for key in root.items if key not in root.used]
    for key in rest:
        value = root.items[key]
        body.warn(value.line, value.col, f"{key!r} is not part of a {page.mime} page; shown as a list")
    show_values(root, rest, body)
    for path, line, col in unread(root):
        body.warn(line, col, f"{path!r} is not shown: a {page.mime} page has no place for it")

    ctx = LinkContext(display=src.display, rel=src.rel, repo=repo, page=src.page)
    out = layout(body.parsed(), ctx)
    fill_titles(out.lines, out.segments, repo.site.uids)
    items = tuple(meta.items())
    yaml_text = dump_yaml(list(items))
    article = Article(
        source=src,
        front=FrontMatter(meta=items, source_meta=items, yaml_text=yaml_text, source_yaml_text=yaml_text),
        target_lang=lang,
        lines=tuple(out.lines),
        segments=tuple(out.segments),
        title_line=out.title_line,
        assets=tuple(ctx.assets.values()),
    )
    diags = (*body.diags, *out.diags, *ctx.diags)
    return Converted(tuple(render(article)), article.assets, tuple(dict.fromkeys(diags)))


def _is_setting(key: str, value: Node) -> bool:
    """Not content: the page's metadata and settings (`ms.*` keys, flags such as `chromeless: true`)."""
    return key in SETTINGS or "." in key or (isinstance(value, Scalar) and not value.is_text)


def _front_matter(page: YamlPage) -> dict[str, Any]:
    """The upstream keys: `metadata:`, then the top-level settings it does not name."""
    metadata = page.data.get("metadata")
    meta: dict[str, Any] = {str(k): v for k, v in metadata.items()} if isinstance(metadata, dict) else {}
    for key, value in page.data.items():
        if key != "metadata" and key in page.root.items and _is_setting(key, page.root.items[key]):
            meta.setdefault(key, value)
    return meta


def _language(
    src: SourceFile, repo: Publication, target_lang: str | None, meta: dict[str, Any]
) -> str | Diagnostic:
    """The target language: given, else the page's `ms.contentlocale`, else its set's locale."""
    locale = meta.get(LOCALE)
    docset = repo.set_of(src.rel)
    if target_lang is not None:
        code = target_lang
    elif isinstance(locale, str) and locale.strip():
        code = locale
    elif docset is not None and docset.locale:
        code = docset.locale
    else:
        return error(src.display, 1, 1, f"no {LOCALE} in its metadata (use --target-lang)")
    lang = locale_lang(code)
    if lang == SOURCE_LANG:
        return error(src.display, 1, 1, f"target language {lang!r} is the source language")
    return lang


def _title(root: Mapping, src: SourceFile) -> Scalar:
    """The page's heading: its `title`, else its metadata's, else its file name."""
    title = root.text("title")
    metadata = root.items.get("metadata")
    if title is None and isinstance(metadata, Mapping):
        title = metadata.text("title")
    return title or Scalar(posixpath.basename(src.page), 1, 1, "tag:yaml.org,2002:str")


@dataclass
class EnglishTitles:
    """The English titles of the imported articles, read from their English pages in the output."""

    out_dir: Path
    articles: frozenset[str]  # page paths of the repository's Markdown articles
    known: dict[str, str | None] = field(default_factory=dict)

    @classmethod
    def of(cls, repo: Publication, out_dir: Path) -> EnglishTitles:
        pages = frozenset(page for rel, page in repo.pages.items() if rel.lower().endswith(".md"))
        return cls(out_dir, pages)

    def __call__(self, page: str) -> str | None:
        if page not in self.articles:
            return None  # a YAML page's English page shows its target-language title
        if page not in self.known:
            try:
                text = (self.out_dir / PageId(page, SOURCE_LANG).file).read_text(encoding="utf-8")
            except (OSError, UnicodeDecodeError):
                text = ""  # not imported: the link keeps its own text
            title = read_meta(text).get("title")
            self.known[page] = title if isinstance(title, str) and title.strip() else None
        return self.known[page]


def yaml_sources(repo: Publication) -> list[Path]:
    """The YAML pages to convert, in a stable order."""
    return [repo.root / rel for rel in sorted(repo.pages) if rel.lower().endswith(".yml")]


def yaml_pages(
    repo: Publication, out_dir: Path, target_lang: str | None
) -> Iterator[tuple[SourceFile | None, Converted]]:
    """Each YAML page of the repository converted, for import_repository to write."""
    titles = EnglishTitles.of(repo, out_dir)
    for path in yaml_sources(repo):
        src = read_source(path, repo.root, repo.pages[path.relative_to(repo.root).as_posix()])
        if isinstance(src, Diagnostic):
            yield None, Converted((), (), (src,))
            continue
        try:
            yield src, convert_yaml_page(src, repo, target_lang, titles)
        except Exception as exc:  # a converter bug must cost one page, not the run
            log.debug("converting %s failed", path, exc_info=True)
            yield (
                src,
                Converted((), (), (error(src.display, 0, 0, f"internal error, please report: {exc!r}"),)),
            )
