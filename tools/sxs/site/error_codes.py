"""The error-code finder: every error code articles are about, and the articles about each.

Codes are taken from articles' titles and headings. The same patterns run in the reader's
browser (docs/assets/reader/codes.js) over a pasted bounce message; both sides reduce a
code to the same key, so "550 5.7.501" in an NDR finds the article titled "... 5.7.501".

- SMTP enhanced status codes (RFC 3463: class.subject.detail, class 2, 4 or 5), optionally
  after the basic reply code (RFC 5321 §4.2: "550 5.7.501"); the key is the enhanced code;
- Azure AD sign-in errors (AADSTS + digits); key upper-case;
- Windows/Office HRESULT-style codes (0x + 4 to 8 hex digits); key "0x" + upper-case hex;
- Office installation errors ("error 30015-25", "오류 코드: 30125-4"): digits-dash-digits right
  after one of the locale files' words (error, code, 오류, 错误...), which keeps dates and
  ranges out (and not "error 550-5.4.1");
- numbered errors ("Winsock error 10061", "Error 404", "오류 550", "Error 550/553"): 3 to 10
  digits right after one of those words (a number alone is no code, nor one the
  word does not name); not a part of a version, date, time, range or decimal ("error 10.0",
  "error 2020-02-26", "error 12:30", "error 1,234"), nor of a word ("code 128bit"), nor the basic
  reply code before an enhanced one ("error 550 5.7.501" is 5.7.501); a slash lists several;
- short hexadecimal codes right after those words ("오류 코드 0x15"); key as for HEX.
"""

from __future__ import annotations

import html
import json
import re
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from mkdocs.config.defaults import MkDocsConfig

from sxs import locales

from .build import Build
from .catalog import Article, Catalog
from .links import ArticleLink, article_link
from .texts import text

MARKER = "<!-- sxs:error-codes -->"
# Keep in step with PATTERNS in docs/assets/reader/codes.js.
SMTP = re.compile(r"(?<![A-Za-z0-9_.])(?:([245]\d\d)[ -])?([245]\.\d{1,3}\.\d{1,3})(?![A-Za-z0-9_.]*\d)")
AADSTS = re.compile(r"(?<![A-Za-z0-9_])AADSTS(\d{4,7})(?![A-Za-z0-9_])", re.I)
HEX = re.compile(r"(?<![A-Za-z0-9_])0x([0-9a-f]{4,8})(?![A-Za-z0-9_])", re.I)
# The words that make a number a code, in every language the site may show (each locale file's
# `error_codes: words`): error, code, 오류, 코드, 错误, 代码... The finder takes any of them, since a
# pasted message may be in another language than the page. Longest first, for the alternation.
WORDS = sorted(
    {
        str(word)
        for code in locales.available()
        for word in locales.locale(code).section("error_codes").get("words", [])
    },
    key=lambda word: (-len(word), word),
)
WORDS_JSON = json.dumps(WORDS, ensure_ascii=False)  # for docs/assets/reader/codes.js
WORD = "(?:" + "|".join(re.escape(word) for word in WORDS) + ")"
OFFICE = re.compile(WORD + r"[ \t]*:?[ \t]*(?:code[ \t]*:?[ \t]*)?(\d{1,5}-\d{1,5})(?![\d-]|\.\d)", re.I)
# the word that makes a bare number a code (not "barcode", "errors")
NAMED = r"(?<![A-Za-z])" + WORD + r"[ \t]*:?[ \t]*(?:code[ \t]*:?[ \t]*)?"
NUMBERED = re.compile(
    NAMED + r"(\d{3,10}(?:/\d{3,10})*)(?![A-Za-z0-9_]|[.,:/-]\d|[ -][245]\.\d)", re.I | re.A
)
SHORT_HEX = re.compile(NAMED + r"0x([0-9a-f]{1,3})(?![A-Za-z0-9_])", re.I | re.A)


@dataclass(frozen=True, order=True)
class Code:
    key: str  # what a pasted message and an article must share
    shown: str  # as the article writes it, e.g. "550 5.7.501"


def find_codes(text_: str) -> list[Code]:
    """The codes in a text, in order of appearance, each key once."""
    found: list[tuple[int, Code]] = []
    for match in SMTP.finditer(text_):
        basic, enhanced = match.groups()
        found.append((match.start(), Code(enhanced, f"{basic} {enhanced}" if basic else enhanced)))
    for match in AADSTS.finditer(text_):
        found.append((match.start(), Code(f"AADSTS{match[1]}", f"AADSTS{match[1]}")))
    for match in HEX.finditer(text_):
        key = f"0x{match[1].upper()}"
        found.append((match.start(), Code(key, key)))
    for match in OFFICE.finditer(text_):
        found.append((match.start(1), Code(match[1], match[1])))
    for match in NUMBERED.finditer(text_):
        found.extend((match.start(1), Code(number, number)) for number in match[1].split("/"))
    for match in SHORT_HEX.finditer(text_):
        key = f"0x{match[1].upper()}"
        found.append((match.start(1), Code(key, key)))
    seen: set[str] = set()
    codes = []
    for _, code in sorted(found, key=lambda item: item[0]):
        if code.key not in seen:
            seen.add(code.key)
            codes.append(code)
    return codes


def codes_of(article: Article) -> list[Code]:
    """The codes an article is about: in its titles and headings, in any language."""
    texts = [t for v in article.versions.values() for t in (v.title, *v.headings)]
    return find_codes("\n".join(texts))


def sort_key(key: str) -> tuple[int, tuple[int, ...], str]:
    """SMTP codes in numeric order, then AADSTS, hexadecimal, Office installation and numbered codes."""
    if SMTP.fullmatch(key):
        return 0, tuple(int(p) for p in key.split(".")), key
    if re.fullmatch(r"\d+-\d+", key):
        return 3, tuple(int(p) for p in key.split("-")), key
    if key.isdigit():
        return 4, (int(key),), key
    return (1 if key.startswith("AADSTS") else 2), (), key


class ErrorCodeFinder:
    def __init__(self, options: Any) -> None:
        pass

    def on_page_markdown(self, markdown: str, page: Any, config: MkDocsConfig, files: Any) -> str | None:
        if MARKER not in markdown:
            return None
        lang, default = Build.language(config), Build.default_language(config)
        index: dict[str, tuple[str, list[Article]]] = {}
        for article in Catalog.of_build(config):
            for code in codes_of(article):
                shown, articles = index.setdefault(code.key, (code.shown, []))
                if len(code.shown) > len(shown):  # prefer "550 5.7.501" to "5.7.501"
                    index[code.key] = (code.shown, articles)
                articles.append(article)
        index_html = self.render(index, lang, lambda a: article_link(a, lang, default, page, files))
        return markdown.replace(MARKER, index_html)

    @staticmethod
    def render(
        index: dict[str, tuple[str, list[Article]]], lang: str, link: Callable[[Article], ArticleLink]
    ) -> str:
        items = []
        for key in sorted(index, key=sort_key):
            shown, articles = index[key]
            links = ", ".join(link(a).html(lang) for a in articles)
            items.append(
                f'<li data-sxs-code="{html.escape(key)}"><code>{html.escape(shown)}</code> '
                f'<span class="sxs-code-articles">{links}</span></li>'
            )
        e = html.escape
        return "\n".join(
            [
                f'<div class="sxs-codes" data-sxs-codes data-words="{e(WORDS_JSON)}">',
                f'<label for="sxs-codes-input">{e(text(lang, "codes_label"))}</label>',
                '<textarea id="sxs-codes-input" class="sxs-codes__input" rows="5" spellcheck="false" '
                'autocomplete="off" aria-describedby="sxs-codes-help"></textarea>',
                f'<div id="sxs-codes-help" class="sxs-codes__help">{e(text(lang, "codes_intro"))}</div>',
                '<div class="sxs-codes__result" role="status" aria-live="polite" '
                f'data-found="{e(text(lang, "codes_found", codes="{codes}"))}" '
                f'data-none="{e(text(lang, "codes_none"))}"></div>',
                '<ul class="sxs-codes__matches" hidden></ul>',
                '<details class="sxs-codes__all" open>',
                f"<summary>{e(text(lang, 'codes_all', count=len(index)))}</summary>",
                '<ul class="sxs-codes__list">',
                *items,
                "</ul>",
                "</details>",
                "</div>",
            ]
        )
