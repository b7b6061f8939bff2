"""Languages as data: one YAML file per locale (`ko.yml`, `zh-CN.yml`, ...) in this folder.

A locale file holds everything the product says or knows in that language: its name and writing
direction, and one section per part of the product that speaks or reads it (the site's texts, the
reader, the SPF checker, the status page, the error-code finder's words, the search's word lists).
Adding a language is adding its file (and, where its script needs one, a tokenizer module); no
other file names a language.

Codes are BCP 47 with their region where it matters (`zh-CN` and `zh-TW`, `pt-BR` and `pt-PT`),
matched without regard to case or `_`/`-`; a code without its own file falls back to its base
language (`ko-KR` to `ko`), never to another language.
"""

from __future__ import annotations

import datetime
import functools
import logging
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Literal

import babel
import babel.dates
import yaml

FOLDER = Path(__file__).resolve().parent


class UnknownLocale(LookupError):
    """No locale file for a code (nor for its base language)."""


@dataclass(frozen=True)
class Locale:
    code: str
    """As the file is named: `ko`, `zh-CN`."""
    name: str
    """The language's name in itself: 한국어, 简体中文."""
    direction: Literal["ltr", "rtl"]
    sections: Mapping[str, Any]

    def section(self, name: str) -> Any:
        """One part's data (`search`, `site`, ...); an empty mapping when the file has none."""
        return self.sections.get(name, {})


def key(code: str) -> str:
    """A code as files, pages and URLs compare it: `zh_cn`, `ZH-CN` and `zh-CN` are one."""
    return code.replace("_", "-").lower()


@functools.cache
def _files() -> dict[str, Path]:
    return {key(path.stem): path for path in sorted(FOLDER.glob("*.yml"))}


def available() -> list[str]:
    """The codes that have a locale file, as their files name them."""
    return [path.stem for path in _files().values()]


@functools.cache
def locale(code: str) -> Locale:
    """The locale for a language code, or its base language's; UnknownLocale if neither has a file."""
    files = _files()
    wanted = key(code)
    path = files.get(wanted) or files.get(wanted.split("-")[0])
    if path is None:
        raise UnknownLocale(f"no locale file for {code!r} in {FOLDER} (known: {', '.join(available())})")
    data = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
    direction = data.pop("direction", "ltr")
    if direction not in ("ltr", "rtl"):
        raise ValueError(f"{path}: direction must be ltr or rtl, not {direction!r}")
    return Locale(code=path.stem, name=str(data.pop("name", path.stem)), direction=direction, sections=data)


# Texts. A locale's section maps keys to texts with `{name}` fields (str.format); the English
# locale holds every key, and a key another locale lacks is shown in English, with a warning
# (once per locale and key) on a logger MkDocs counts as a build warning.
SOURCE = "en"
log = logging.getLogger("mkdocs.plugins.sxs.locales")


@functools.cache
def texts(code: str, section: str) -> Mapping[str, Any]:
    """A section's texts in a locale, each key it lacks taken from English (and warned about once)."""
    own = locale(code).section(section)
    english = locale(SOURCE).section(section)
    missing = [k for k in english if k not in own]
    if missing:
        log.warning(
            "locale %s has no %s text for %s: shown in English (add them to %s)",
            locale(code).code,
            section,
            ", ".join(missing),
            FOLDER / f"{locale(code).code}.yml",
        )
    return {**english, **own}


def text(code: str, section: str, key: str, **values: object) -> str:
    """One text of a section in a locale, its fields filled in."""
    return str(texts(code, section)[key]).format(**values)


def language_name(code: str, in_code: str) -> str:
    """The name of language `code` in language `in_code` (CLDR, through Babel): 영어, Korean, 英语."""
    return str(_babel(code).get_language_name(_babel(in_code)))


def long_date(day: datetime.date, code: str) -> str:
    """A date as the locale writes it in full (CLDR's long format): 2020년 6월 4일, June 4, 2020."""
    return str(babel.dates.format_date(day, "long", locale=_babel(code)))


@functools.cache
def _babel(code: str) -> babel.Locale:
    return babel.Locale.parse(locale(code).code, sep="-")
