"""Locale files: found by code in any case, a region falls back to its base language only; texts
in English where a locale lacks them; names and dates from CLDR."""

from __future__ import annotations

import datetime
import logging
import re
from collections.abc import Iterator
from pathlib import Path

import pytest
from sxs import locales
from sxs.locales import UnknownLocale, available, locale


def test_every_locale_file_loads_with_a_name_and_a_direction() -> None:
    for code in available():
        found = locale(code)
        assert found.code == code and found.name and found.direction in ("ltr", "rtl")


def test_codes_match_without_case_or_underscore_and_keep_their_region() -> None:
    assert locale("zh_cn").code == "zh-CN"
    assert locale("AR-sa").code == "ar" and locale("ar").direction == "rtl"
    assert locale("ko-KR").code == "ko"  # the base language's file
    with pytest.raises(UnknownLocale, match="'zh-TW'"):
        locale("zh-TW")  # never another region's file


# Texts: English holds every key; a locale's missing key is shown in English, with one warning.


@pytest.fixture
def two_locales(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    """A locale folder holding en.yml and fr.yml (which lacks a text), in place of the real one."""
    (tmp_path / "en.yml").write_text(
        "name: English\nsite:\n  greet: Hello {name}\n  bye: Goodbye\n", encoding="utf-8"
    )
    (tmp_path / "fr.yml").write_text("name: Français\nsite:\n  greet: Bonjour {name}\n", encoding="utf-8")
    caches = (locales._files, locales.locale, locales.texts, locales._babel)
    monkeypatch.setattr(locales, "FOLDER", tmp_path)
    for cached in caches:
        cached.cache_clear()
    yield tmp_path
    for cached in caches:
        cached.cache_clear()


def test_a_missing_text_is_english_with_one_warning(
    two_locales: Path, caplog: pytest.LogCaptureFixture
) -> None:
    with caplog.at_level(logging.WARNING, logger="mkdocs.plugins.sxs.locales"):
        assert dict(locales.texts("fr", "site")) == {"greet": "Bonjour {name}", "bye": "Goodbye"}
        assert locales.text("fr", "site", "greet", name="Ana") == "Bonjour Ana"
        assert locales.text("fr", "site", "bye") == "Goodbye"
    assert [record.getMessage() for record in caplog.records] == [
        f"locale fr has no site text for bye: shown in English (add them to {two_locales / 'fr.yml'})"
    ]


def test_a_locale_with_every_text_warns_nothing(two_locales: Path, caplog: pytest.LogCaptureFixture) -> None:
    with caplog.at_level(logging.WARNING):
        assert locales.text("en", "site", "greet", name="Ana") == "Hello Ana"
        assert dict(locales.texts("fr", "status")) == {}  # a section neither file has
    assert caplog.records == []


def test_language_names_from_cldr() -> None:
    assert locales.language_name("en", "ko") == "영어"
    assert locales.language_name("ko", "en") == "Korean"
    assert locales.language_name("en", "zh-CN") == "英语"
    assert locales.language_name("ko", "zh-CN") == "韩语"
    assert locales.language_name("en", "ar") == "الإنجليزية"
    assert locales.language_name("zh-CN", "en") == "Chinese"
    assert locales.language_name("ar", "en") == "Arabic"
    assert locales.language_name("en", "ko-KR") == "영어"  # a region without a file: its base language


def test_long_dates_from_cldr() -> None:
    day = datetime.date(2020, 6, 4)
    assert locales.long_date(day, "ko") == "2020년 6월 4일"
    assert locales.long_date(day, "en") == "June 4, 2020"
    assert locales.long_date(day, "zh-CN") == "2020年6月4日"
    assert locales.long_date(day, "ar") == "4 يونيو 2020"


# Every locale says every English text, with the same fields: a translation that drops `{domain}`
# or misspells it (`{domian}`) would show a gap or a field name.
FIELD = re.compile(r"\{([A-Za-z_][A-Za-z0-9_]*)\}")
TEXT_SECTIONS = ("site", "convert", "status", "pages", "spf")


def fields(text: object) -> set[str]:
    return set(FIELD.findall(str(text)))


@pytest.mark.parametrize("section", TEXT_SECTIONS)
@pytest.mark.parametrize("code", [code for code in available() if code != locales.SOURCE])
def test_every_locale_has_every_english_text_with_its_fields(code: str, section: str) -> None:
    english = locale(locales.SOURCE).section(section)
    own = locale(code).section(section)
    assert english, section
    assert sorted(set(english) - set(own)) == []
    assert {key: fields(own[key]) for key in english} == {key: fields(english[key]) for key in english}
    plural = re.compile(r"\.(zero|one|two|few|many|other)\Z")
    extra = [key for key in set(own) - set(english) if not plural.search(key)]
    assert extra == []  # beyond English's, only the plural forms a language needs
