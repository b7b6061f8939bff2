"""Stage 4: write an Article out as one Markdown page per language."""

from __future__ import annotations

import html
import posixpath
import re
from collections.abc import Mapping
from typing import Any

from sxs import locales
from sxs.pages.frontmatter import HASH_KEY, OWN_KEYS, dump_yaml, own_keys, seal, without_key
from sxs.pages.identity import SOURCE_LANG, PageId

from .model import CLOSE, OPEN, Article, Page

PLACEHOLDER = re.compile(re.escape(OPEN) + r"(L:[^" + re.escape(CLOSE) + r"]+|\d+)" + re.escape(CLOSE))


TITLE_NOISE = [
    # A heading's attribute list (`{#id}`, `{ lang="ko" }`): attr_list never shows it.
    (re.compile(r"[ \t]*\{#[^}]*\}[ \t]*$|[ \t]+\{:?[ ]*[^{}\s][^{}\n]*\}[ \t]*$"), ""),
    (re.compile(r"^[ ]{0,3}#{1,6}[ \t]*"), ""),
    (re.compile(r"!?\[([^\]]*)\]\([^)]*\)"), r"\1"),
    (re.compile(r"<[^>]+>"), ""),
    (re.compile(r"(\*\*|__|`)"), ""),
    (re.compile(r"(?<![\w*])[*_](?=\S)|(?<=\S)[*_](?![\w*])"), ""),
    (re.compile(r"\\([!-/:-@\[-`{-~])"), r"\1"),
]


def locale_lang(locale: str) -> str:
    """The page language for a repository locale, as its locale file names it: `ko-KR` -> `ko`,
    `zh-cn` -> `zh-CN` (the suffix mkdocs-static-i18n uses). A locale without a file gets its base
    language (`fr-FR` -> `fr`) and the converter's English words; the site asks for its file."""
    try:
        return locales.locale(locale).code
    except locales.UnknownLocale:
        return locale.replace("_", "-").split("-")[0].lower()


def labels(lang: str) -> Mapping[str, Any]:
    """The words the converter adds (admonition titles, ...): the `convert` section of the locale."""
    try:
        return locales.texts(lang, "convert")
    except locales.UnknownLocale:
        return locales.texts(locales.SOURCE, "convert")


def render_line(line: str, article: Article, lang: str) -> str:
    words = labels(lang)

    def fill(m: re.Match[str]) -> str:
        key = m.group(1)
        if key.startswith("L:"):
            return str(words[key[2:]])
        seg = article.segments[int(key)]
        return seg.target if lang != SOURCE_LANG else seg.source

    return PLACEHOLDER.sub(fill, line)


def plain_title(heading: str) -> str:
    text = heading
    for rx, repl in TITLE_NOISE:
        text = rx.sub(repl, text)
    return html.unescape(text).strip()


def _upstream(meta: dict[str, Any], yaml_text: str) -> str:
    """Upstream keys but the title: the author's own text when it can be cut by lines."""
    kept = without_key(yaml_text, "title")
    if kept is None or any(key in meta for key in OWN_KEYS):
        # Re-serialise: our own keys win, clashing upstream ones are kept under a prefix.
        return dump_yaml([(f"upstream_{k}" if k in OWN_KEYS else k, v) for k, v in meta.items()])
    return kept


def render(article: Article) -> list[Page]:
    """Both pages of an article, front matter and body line-aligned."""
    pages = []
    fm = article.front
    for lang in (article.target_lang, SOURCE_LANG):
        english = lang == SOURCE_LANG
        meta = dict(fm.source_meta if english else fm.meta)
        upstream_title = meta.pop("title", None)
        upstream = _upstream(meta, fm.source_yaml_text if english else fm.yaml_text)
        body = [render_line(line, article, lang) for line in article.lines]
        if article.title_line is not None:
            title: Any = plain_title(body[article.title_line])
        else:
            title = upstream_title if upstream_title is not None else posixpath.basename(article.source.page)
        items: list[tuple[str, Any]] = [
            ("title", title),
            ("lang", lang),
            ("upstream_title", upstream_title),
            ("source_path", article.source.rel),
            ("source_sha256", article.source.raw_sha256),
            (HASH_KEY, ""),
        ]
        text = "---\n" + own_keys(items) + upstream + "---\n" + "\n".join(body) + "\n"
        pages.append(Page(PageId(article.source.page, lang), seal(text)))
    return pages
