"""The words the site's features add to pages: the `site` section of the build language's locale
file (sxs/locales/), English where that locale lacks one."""

from __future__ import annotations

from typing import Any

from sxs import locales

SECTION = "site"


def text(lang: str, key: str, **values: object) -> str:
    """The text `key` in `lang`, filled in."""
    return locales.text(lang, SECTION, key, **values)


def language(code: str, lang: str) -> str:
    """The name of language `code` in `lang`: 영어, Korean, 中文."""
    return locales.language_name(code, lang)


def page_texts(lang: str, other: str | None = None) -> dict[str, Any]:
    """Every site text in `lang` for a template, those naming the other language filled with `other`'s
    name (the article's other language, else English)."""
    name = language(other or locales.SOURCE, lang)
    return {
        key: str(value).replace("{language}", name) for key, value in locales.texts(lang, SECTION).items()
    }


BROWSER = ("video_title",)
"""The site texts the site's scripts read from the page (`<meta name="sxs-texts">`, overrides/main.html)."""


def set_page_texts(context: Any, lang: str, other: str | None = None) -> None:
    """A page's texts for its templates (`sxs_text`) and its scripts (`sxs_browser_texts`)."""
    context["sxs_text"] = page_texts(lang, other)
    context["sxs_browser_texts"] = {key: context["sxs_text"][key] for key in BROWSER}
