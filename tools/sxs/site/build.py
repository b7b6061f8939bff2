"""What the features need to know about the build under way, as static-i18n runs it.

static-i18n builds the default language, then, from inside its own on_post_build, each other
language in turn, into the same site folder. With SXS_BUILD_LANGUAGE=<lang> in the environment a
process builds that one language only (site/split.py runs one such process per language and merges
their folders): it starts with that language and stops static-i18n from going on to the others.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError

ONE_LANGUAGE = "SXS_BUILD_LANGUAGE"


class Build:
    @staticmethod
    def i18n(config: MkDocsConfig) -> Any:
        return config.plugins.get("i18n")

    @staticmethod
    def only_language() -> str | None:
        """The one language this process builds (SXS_BUILD_LANGUAGE), or None for every language."""
        return os.environ.get(ONE_LANGUAGE) or None

    @classmethod
    def start_with_only_language(cls, config: MkDocsConfig) -> None:
        """Make static-i18n's first build the one language's (before its own on_config)."""
        language, i18n = cls.only_language(), cls.i18n(config)
        if language is None or i18n is None:
            return
        if language not in i18n.build_languages:
            raise PluginError(f"{ONE_LANGUAGE}={language}: not a language of the site {i18n.build_languages}")
        i18n.current_language = language

    @classmethod
    def hold_other_languages(cls, config: MkDocsConfig, hold: bool) -> None:
        """Keep static-i18n from building the other languages after this one (it builds none while
        it believes it is inside its own loop), and let it go afterwards."""
        i18n = cls.i18n(config)
        if cls.only_language() is not None and i18n is not None:
            i18n.building = hold

    @classmethod
    def language(cls, config: MkDocsConfig) -> str:
        """The language being built now ('ko', 'en', ...)."""
        i18n = cls.i18n(config)
        if i18n is None:
            return str(config.theme["language"])
        # Before static-i18n's own on_config of the first build, that build is the default language's.
        return str(i18n.current_language or i18n.default_language)

    @classmethod
    def default_language(cls, config: MkDocsConfig) -> str:
        i18n = cls.i18n(config)
        return str(i18n.default_language if i18n else config.theme["language"])

    @classmethod
    def languages(cls, config: MkDocsConfig) -> list[str]:
        i18n = cls.i18n(config)
        return list(i18n.build_languages) if i18n else [cls.language(config)]

    @classmethod
    def in_inner_build(cls, config: MkDocsConfig) -> bool:
        """True inside static-i18n's builds of the non-default languages."""
        i18n = cls.i18n(config)
        return bool(i18n and i18n.building)

    @classmethod
    def site_root(cls, config: MkDocsConfig) -> Path:
        """The root of the whole site (config.site_dir is the same for every language)."""
        return Path(config.site_dir)

    @classmethod
    def language_dir(cls, config: MkDocsConfig, language: str | None = None) -> Path:
        """Where one language's pages go: the root for the default language, `<lang>/` otherwise."""
        language = language or cls.language(config)
        root = cls.site_root(config)
        return root if language == cls.default_language(config) else root / language
