"""The theme's words in the language being built: those MkDocs' extensions write into pages, and
Material's interface texts.

Permalinks. The toc extension's permalink title ("Permanent link") comes from `mdx_configs`, which
static-i18n does not localize: set it from texts.py before each page renders (the toc extension
reads it when the page's Markdown is converted), in the page's build's language.

Interface texts. Material's templates ask `lang.t(key)` for theirs, some thirty times a page, and
its partials/language.html answers with macros that build the language's dict of fifty-odd texts
on every call (`partials/languages/<code>.html`'s, then en.html's where the language lacks one):
117,000 calls on a build of 4,100 pages, a quarter of a millisecond a page. `InterfaceTexts` gives
the same answers from Python, each asked of Material's own macros once per build (read, not
copied: a site's override of a language file counts too); overrides/partials/language.html binds
`lang.t` to it. Material's search plugin still gets Material's macros: it reads its settings'
texts in on_config, from a template environment of its own, without the site's globals.
tests/site/test_theme_texts.py builds sites both ways and compares every page byte for byte.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from mkdocs.config.defaults import MkDocsConfig

from .build import Build
from .texts import text

FALLBACK = "en"
"""The language whose texts stand in for those another language's file lacks (Material's too)."""


def language_file(language: str) -> str:
    """Material's partial of a language's interface texts."""
    return f"partials/languages/{language}.html"


class InterfaceTexts:
    """Material's interface texts, each looked up once: in the theme's language, else in English,
    else the key itself (as Material's partials/language.html does)."""

    def __init__(self, env: Any) -> None:
        self.env = env
        self.found: dict[tuple[str, str], str] = {}

    def text(self, language: str, key: str) -> str:
        try:
            return self.found[language, key]
        except KeyError:
            pass
        value = self._macro(language)(key) or self._macro(FALLBACK)(key) or str(key)
        self.found[language, key] = value
        return value

    def _macro(self, language: str) -> Callable[[str], str]:
        # The `t` of the language's template module, as `{% import %}` without context gets it.
        return self.env.get_template(language_file(language)).module.t  # type: ignore[no-any-return]

    def __call__(self, language: str, locale: object) -> PageTexts:
        """The texts for one page, in the theme's `language`; `locale` is the page's own code, if
        static-i18n gave one (i18n_page_locale or, for the 404 page, i18n_current_language)."""
        return PageTexts(self, str(language), locale)


@dataclass(frozen=True)
class PageTexts:
    """`lang.t` for one page: Material's text for `key`, except "language", which base.html writes
    in <html lang>: the page's own code as its locale file names it (`zh-CN`, where Material's texts
    are `zh`)."""

    texts: InterfaceTexts
    language: str
    locale: object

    def __call__(self, key: str) -> str:
        if key == "language" and self.locale:
            return str(self.locale)
        return self.texts.text(self.language, key)


class ThemeTexts:
    def __init__(self, options: Any) -> None:
        pass

    def on_env(self, env: Any, config: MkDocsConfig, files: Any) -> None:
        env.globals["sxs_interface_texts"] = InterfaceTexts(env)

    def on_page_markdown(self, markdown: str, page: Any, config: MkDocsConfig, files: Any) -> None:
        toc = config.mdx_configs.get("toc")
        if toc is not None and toc.get("permalink"):
            toc["permalink_title"] = text(Build.language(config), "permalink")
