"""A site of other locales' articles (Simplified Chinese, Arabic) searched in each language: its own
index per language, a Chinese word found inside the phrase it is written in, an Arabic word with
or without its article and attached particles, and no page of another language in the results."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from bs4 import BeautifulSoup
from sites import ROOT, BuildFailed, site_with_articles
from test_search_parity import run_engine

ARTICLES = ROOT / "tests" / "fixtures" / "search-locales"
ADDED = ("zh-CN", "ar")


@pytest.fixture(scope="module")
def site() -> Path:
    try:
        return site_with_articles(ARTICLES, "sxs-search-locales-")
    except BuildFailed as failure:
        pytest.fail(str(failure))


def docs(site: Path, language: str) -> dict[str, Any]:
    data: dict[str, Any] = json.loads(
        (site / "assets" / "search" / language / "docs.json").read_text("utf-8")
    )
    return data


def search(site: Path, language: str, queries: list[str]) -> list[list[str]]:
    answers, _ = run_engine(site / "assets" / "search" / language, queries, [])
    return [urls for urls, _ in answers]


def test_each_language_indexes_its_own_pages_with_its_own_script_first(site: Path) -> None:
    for language in ADDED:
        data = docs(site, language)
        assert data["language"] == language
        for url, _, _ in data["docs"]:
            html = BeautifulSoup((site / url / "index.html").read_text("utf-8"), "html.parser").html
            assert html is not None and html.get("lang") == language
    assert sorted(url for url, _, _ in docs(site, "zh-CN")["docs"]) == [
        "zh-CN/articles/admin-password-reset/",
        "zh-CN/articles/create-and-use-a-shared-mailbox/",
    ]
    assert [spec["module"] for spec in docs(site, "zh-CN")["tokenizer"]][0] == "han"
    assert [spec["module"] for spec in docs(site, "ar")["tokenizer"]][0] == "arabic"


def test_chinese_words_are_found_inside_phrases_and_english_pages_are_not(site: Path) -> None:
    assert search(
        site, "zh-CN", ["忘记密码", "重置密码", "共享邮箱", "电子邮件", "password", "printer", "الطابعة"]
    ) == [
        ["zh-CN/articles/admin-password-reset/"],
        ["zh-CN/articles/admin-password-reset/"],
        ["zh-CN/articles/create-and-use-a-shared-mailbox/"],
        ["zh-CN/articles/create-and-use-a-shared-mailbox/"],
        [],  # the English page says it, the Chinese index has no English page
        [],
        [],  # nor the Arabic page
    ]


def test_arabic_words_are_found_with_or_without_their_prefixes(site: Path) -> None:
    # Arabic is the site's default language (as many pages as Chinese, first by code): at the root
    printer, mailbox = "articles/fix-printer-issues/", "articles/create-and-use-a-shared-mailbox/"
    queries = [
        "الطابعة",
        "طابعة",
        "والطابعة",
        "بالطابعة",
        "البريد المشترك",
        "وبريد",
        "مشاكل الطابعه",
        "printer",
        "密码",
    ]
    assert search(site, "ar", queries) == [
        [printer],
        [printer],
        [printer],
        [printer],
        [mailbox],
        [mailbox],
        [printer],
        [],
        [],
    ]
