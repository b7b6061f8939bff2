"""The site's languages: those of the imported pages, each described by its locale file.

Before static-i18n's own on_config, the languages it builds are set from the pages under
docs/articles/ (`<path>.<lang>.md`, pages/identity.py): the translated language with the most pages
is the default (the site root), English and any other follow under `/<lang>/`. A language's name,
its site name and description, its palette toggles' labels and its writing direction come from its
locale file (sxs/locales/); Material's own interface texts from its language partial nearest to the
code (`zh-CN` -> `zh`). With no imported page, mkdocs.yml's list stands.
"""

from __future__ import annotations

import functools
from collections import Counter
from pathlib import Path
from typing import Any

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs_static_i18n.config import I18nPluginLanguage  # type: ignore[import-untyped]

from sxs import locales
from sxs.pages.identity import SOURCE_LANG, page_files

from .build import Build
from .catalog import ARTICLES


def page_languages(docs_dir: str | Path) -> list[str]:
    """The languages of the imported pages: the translated ones by number of pages (most first, then by
    code), English last; empty when there is no page."""
    counts = Counter(page.lang for page, _ in page_files(Path(docs_dir) / ARTICLES))
    translated = sorted((lang for lang in counts if lang != SOURCE_LANG), key=lambda c: (-counts[c], c))
    return translated + ([SOURCE_LANG] if counts else [])


@functools.cache
def _material_languages() -> frozenset[str]:
    import material  # type: ignore[import-untyped]

    folder = Path(material.__file__).parent / "templates" / "partials" / "languages"
    return frozenset(path.stem for path in folder.glob("*.html"))


def material_language(code: str) -> str:
    """The Material interface language for a code: itself, else its base language, else English."""
    known = _material_languages()
    return code if code in known else code.split("-")[0] if code.split("-")[0] in known else "en"


def language_config(code: str, default: str, config: MkDocsConfig) -> dict[str, Any]:
    """static-i18n's settings for one language, from its locale file."""
    try:
        found = locales.locale(code)
    except locales.UnknownLocale as exc:
        raise PluginError(f"pages in {code!r} under docs/{ARTICLES}: {exc}") from None

    def site(key: str) -> str:
        return locales.text(code, "site", key, language=locales.language_name(default, code))

    toggles = [site("dark_mode"), site("light_mode")]
    palette = config.theme.get("palette") or []
    return {
        "locale": found.code,
        "name": found.name,
        "default": code == default,
        "build": True,
        "site_name": site("site_name"),
        "site_description": site("site_description"),
        "theme": {
            "language": material_language(found.code),
            "direction": found.direction,
            # the palette toggles' labels, in the order of theme.palette (dark mode first)
            "palette": [{"toggle": {"name": toggles[i % 2]}} for i in range(len(palette))],
        },
    }


def configure(config: MkDocsConfig) -> None:
    """Set static-i18n's languages from the pages (before its on_config reads them)."""
    i18n = Build.i18n(config)
    codes = page_languages(config.docs_dir)
    if i18n is None or not codes:
        return
    languages = []
    for code in codes:
        language = I18nPluginLanguage()
        language.load_dict(language_config(code, codes[0], config))
        failed, _ = language.validate()
        if failed:
            raise PluginError(f"language {code!r}: " + "; ".join(f"{key}: {err}" for key, err in failed))
        languages.append(language)
    i18n.config.languages = languages
