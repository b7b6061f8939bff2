"""Any side-by-side locale: the Simplified Chinese and the Arabic Alchemy Insights sets, imported by
`sxs import` and built by `mkdocs build --strict` with no other step, give a Chinese/English and an
Arabic/English site: the pages' language codes keep their region (`.zh-CN.md`), the site's languages
come from the pages, every text is the locale's, and the Arabic site is written right to left."""

from __future__ import annotations

import json
import re
from html import unescape
from pathlib import Path

import pytest
from sites import corpus_site


@pytest.fixture(scope="module")
def chinese() -> Path:
    return corpus_site("alchemy-zh-cn-2021")


@pytest.fixture(scope="module")
def arabic() -> Path:
    return corpus_site("alchemy-ar-sa-2021")


def html(site: Path, path: str) -> str:
    return (site / path / "index.html").read_text(encoding="utf-8")


def switcher(page: str) -> dict[str, str]:
    return dict(re.findall(r'<a href="([^"]*)" hreflang="([^"]*)"[^>]*class="md-select__link"', page))


def test_the_chinese_site_is_chinese_at_its_root_and_english_under_en(chinese: Path) -> None:
    home, english = html(chinese, "."), html(chinese, "en")
    assert "<title>主页 - 邮件流故障排除知识库</title>" in home
    assert "<title>Home - Mail flow troubleshooting knowledge base</title>" in english
    assert '<html lang="zh-CN"' in home and '<body dir="ltr"' in home  # the full code, not Material's zh
    assert '<html lang="zh-CN"' in (chinese / "404.html").read_text(encoding="utf-8")
    assert '<html lang="en"' in english
    assert "按错误代码查找" in home and "Find by error code" in english
    assert sorted(switcher(home).values()) == ["en", "zh-CN"]
    assert "面向 Microsoft 365 管理员的故障排除文章，中文与英语并排对照。" in home
    assert (
        "Troubleshooting articles for Microsoft 365 admins, in Chinese and English side by side." in english
    )


def test_a_chinese_article_speaks_chinese_and_names_english(chinese: Path) -> None:
    article = html(chinese, "articles/antispam-5-7-23")
    assert "<h1" in article and "5.7.23" in article
    assert ">显示英语原文</button>" in article and 'data-sxs-other-lang="en"' in article
    assert "本文为机器翻译。" in article and ">阅读英文原文</a>" in article
    assert re.search(
        r'翻译交付日期: <time datetime="\d{4}-\d\d-\d\d">\d{4}年\d{1,2}月\d{1,2}日</time>', article
    )
    english = html(chinese, "en/articles/antispam-5-7-23")
    assert ">Show Chinese text</button>" in english and 'data-sxs-other-lang="zh-CN"' in english


def test_the_arabic_site_is_written_right_to_left(arabic: Path) -> None:
    home, english = html(arabic, "."), html(arabic, "en")
    assert '<html lang="ar"' in home and '<body dir="rtl"' in home
    assert '<body dir="ltr"' in english
    assert "<title>الصفحة الرئيسية - قاعدة معارف استكشاف أخطاء تدفق البريد وإصلاحها</title>" in home
    assert sorted(switcher(home).values()) == ["ar", "en"]
    article = html(arabic, "articles/antispam-5-7-23")
    assert '<body dir="rtl"' in article and ">إظهار النص باللغة الإنجليزية</button>" in article
    assert "تمت ترجمة هذه المقالة آليًا." in article
    assert ">Show Arabic text</button>" in html(arabic, "en/articles/antispam-5-7-23")


def test_the_error_code_finder_knows_every_locales_words(arabic: Path) -> None:
    words = re.search(r'<div class="sxs-codes" data-sxs-codes data-words="([^"]*)"', html(arabic, "."))
    assert words is not None
    assert {"error", "code", "오류", "코드", "错误", "代码", "خطأ", "رمز"} <= set(
        json.loads(unescape(words[1]))
    )


def checker_texts(page: str) -> dict[str, object]:
    found = re.findall(r'<div hidden data-sxs-texts="spf" data-texts="([^"]*)"></div>', page)
    assert len(found) == 1
    data: dict[str, object] = json.loads(unescape(found[0]))
    return data


def test_the_spf_checker_speaks_each_sites_languages(chinese: Path, arabic: Path) -> None:
    zh = checker_texts(html(chinese, "spf-checker"))
    assert zh["lang"] == "zh-CN" and isinstance(zh["texts"], dict)
    assert zh["texts"]["domain"] == "域" and zh["texts"]["result.softfail"] == "软失败 (softfail)"
    ar = checker_texts(html(arabic, "spf-checker"))
    assert ar["lang"] == "ar" and isinstance(ar["texts"], dict) and ar["texts"]["check"] == "تحقق"
    en = checker_texts(html(arabic, "en/spf-checker"))
    assert en["lang"] == "en" and isinstance(en["texts"], dict) and en["texts"]["check"] == "Check"
    assert "data-sxs-texts" not in html(arabic, ".")  # only pages with a checker carry its texts
