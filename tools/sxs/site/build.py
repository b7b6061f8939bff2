"""What the features need to know about the build under way, as static-i18n runs it."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from mkdocs.config.defaults import MkDocsConfig


class Build:
    @staticmethod
    def i18n(config: MkDocsConfig) -> Any:
        return config.plugins.get("i18n")

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
