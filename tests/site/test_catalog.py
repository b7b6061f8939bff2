"""The article catalog (tools/sxs/site/catalog.py) and the hand-off date (notices.py)."""

from __future__ import annotations

from pathlib import Path

import pytest
from sxs.site.catalog import Catalog
from sxs.site.notices import HandOff, hand_off

KO = """---
title: '"따옴표" 제목'
ms.translationtype: mt
ms.lasthandoff: 02/26/2020
---
# 본문 제목 {#body-title}

```
# 코드 안의 줄은 제목이 아님
```

## 오류 5.7.23 해결 ##
"""
EN = """---
title: Quoted title
---
# Body title {#body-title}
"""


def test_reads_titles_headings_and_translation_facts(tmp_path: Path) -> None:
    folder = tmp_path / "articles"
    folder.mkdir()
    (folder / "quoted.ko.md").write_text(KO, encoding="utf-8")
    (folder / "quoted.en.md").write_text(EN, encoding="utf-8")
    (folder / "notes.txt").write_text("not an article", encoding="utf-8")
    catalog = Catalog.load(tmp_path)
    assert [a.path for a in catalog] == ["quoted"]
    article = catalog.get("quoted")
    assert article is not None and article.src_uri == "articles/quoted.md"
    ko, en = article.version("ko"), article.version("en")
    assert ko is not None and en is not None
    assert (ko.title, ko.headings, ko.translation, ko.handed_off) == (
        '"따옴표" 제목',
        ("본문 제목", "오류 5.7.23 해결"),
        "MT",
        "02/26/2020",
    )
    assert (en.title, en.headings, en.translation, en.handed_off) == (
        "Quoted title",
        ("Body title",),
        None,
        None,
    )


def test_cached_until_an_article_file_changes(tmp_path: Path) -> None:
    folder = tmp_path / "articles"
    folder.mkdir()
    (folder / "a.ko.md").write_text(EN, encoding="utf-8")
    first = Catalog.load(tmp_path)
    assert Catalog.load(tmp_path) is first
    (folder / "b.ko.md").write_text(EN, encoding="utf-8")
    assert [a.path for a in Catalog.load(tmp_path)] == ["a", "b"]


@pytest.mark.parametrize(
    "value, lang, expected",
    [
        ("02/26/2020", "ko", HandOff("2020-02-26", "2020년 2월 26일")),
        ("2/6/2020", "en", HandOff("2020-02-06", "February 6, 2020")),
        ("13/01/2020", "en", None),
        ("2020-02-26", "ko", None),
        (None, "ko", None),
    ],
)
def test_hand_off_date(value: str | None, lang: str, expected: HandOff | None) -> None:
    assert hand_off(value, lang) == expected
