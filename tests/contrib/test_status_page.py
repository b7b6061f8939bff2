"""The translation-status page: rendered from `sxs stale`'s data, with a note when git history is missing."""

from __future__ import annotations

import re
from pathlib import Path

from sxs.contrib.stale import ArticleStatus, SiteStatus, StaleLine
from sxs.site.catalog import Article, Catalog, Version
from sxs.site.status import MARKER, render


def catalog() -> Catalog:
    def article(slug: str, ko: str, en: str) -> Article:
        return Article(
            slug, {"ko": Version("ko", ko, (), "MT", None), "en": Version("en", en, (), "MT", None)}
        )

    return Catalog({"a": article("a", "가 문서", "A article"), "b": article("b", "나 | 문서", "B article")})


def test_rows_stale_first_with_links_and_dates() -> None:
    stale = (StaleLine(30, "e" * 40, "2026-01-02", "k" * 40, "2026-01-01"),)
    result = SiteStatus(
        (
            ArticleStatus("a", "docs/articles/a.ko.md", "HT", None, 4, (), 2),
            ArticleStatus("b", "docs/articles/b.ko.md", "MT", "06/02/2020", 7, stale, 0),
        ),
        None,
    )
    out = render(result, catalog(), "ko", "ko", "../")
    assert out.splitlines() == [
        '<p class="sxs-status-summary">문서 2개: 기계 번역 1개, 사람 번역 1개. 번역할 줄 11개 중 1개가 영어 원문보다 '  # noqa: E501
        "오래되었고(문서 1개), 2개가 가져온 뒤 수정되었습니다.</p>",
        "",
        "| 문서 | 번역 | 줄 | 오래된 줄 | 수정된 줄 | 번역 전달일 |",
        "|---|---|---|---|---|---|",
        '| [나 \\| 문서](../articles/b.md) | 기계 | 7 | 1 | 0 | <time datetime="2020-06-02">2020년 6월 2일</time> |',  # noqa: E501
        "| [가 문서](../articles/a.md) | 사람 | 4 | 0 | 2 |  |",
    ]


def test_missing_history_is_said() -> None:
    result = SiteStatus(
        (ArticleStatus("a", "docs/articles/a.ko.md", "MT", None, 4, None, None),),
        "shallow clone: git history is missing (run `git fetch --unshallow`)",
    )
    out = render(result, catalog(), "en", "ko", "")
    assert out.splitlines()[:3] == [
        '!!! warning ""',
        "    Stale lines could not be computed without git history: shallow clone: git history is missing "
        "(run `git fetch --unshallow`)",
        "",
    ]
    assert out.splitlines()[-1] == "| [A article](articles/a.md) | Machine | 4 | – | – |  |"


def test_built_site_has_the_page_in_both_languages(built_site: Path) -> None:
    docs = Path(__file__).resolve().parents[2] / "docs"
    assert MARKER in (docs / "translation-status.md").read_text(encoding="utf-8")
    pairs = len(list((docs / "articles").glob("*.en.md")))
    for page, summary in (
        (built_site / "translation-status" / "index.html", 'sxs-status-summary">문서 '),
        (built_site / "en" / "translation-status" / "index.html", 'sxs-status-summary">'),
    ):
        html = page.read_text(encoding="utf-8")
        assert summary in html
        assert len(re.findall(r'<td><a href="\.\./articles/[^/"]+/">', html)) == pairs
