"""Locale files: found by code in any case, a region falls back to its base language only."""

from __future__ import annotations

import pytest
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
