"""The article catalog (tools/sxs/site/catalog.py), the translation status it is read for
(status.py) and the hand-off date (notices.py)."""

from __future__ import annotations

import os
from pathlib import Path
from types import SimpleNamespace
from typing import Any

import pytest
from sxs.diagnostics import Diagnostic
from sxs.pages import pairs
from sxs.pages.identity import page_files
from sxs.site import catalog as catalog_module
from sxs.site.catalog import Catalog
from sxs.site.notices import HandOff, hand_off
from sxs.site.status import TranslationStatus

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


def pair_page(lang: str, title: str, lines: list[str]) -> str:
    """An imported article's page: its front matter names its source (pages/pairs.py)."""
    return "\n".join(["---", f"title: {title}", f"lang: {lang}", "source_path: a.md", "---", *lines, ""])


def write_pair(folder: Path, english: list[str], korean: list[str]) -> None:
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "a.en.md").write_text(pair_page("en", "Mail", english), encoding="utf-8")
    (folder / "a.ko.md").write_text(pair_page("ko", "메일", korean), encoding="utf-8")


def test_the_status_pairs_the_catalogs_pages_and_follows_an_edit_in_a_set_folder(tmp_path: Path) -> None:
    folder = tmp_path / "articles" / "mixed-reality" / "develop"
    write_pair(folder, ["# Mail", "", "Check it."], ["# 메일", "", "확인하세요."])
    first = TranslationStatus.load(Catalog.load(tmp_path), tmp_path)
    assert [(a.article, a.path, a.lines) for a in first.articles] == [
        ("mixed-reality/develop/a", str(folder / "a.ko.md"), 2)
    ]
    write_pair(
        folder, ["# Mail", "", "Check it.", "", "Send it."], ["# 메일", "", "확인하세요.", "", "보내세요."]
    )
    assert [a.lines for a in TranslationStatus.load(Catalog.load(tmp_path), tmp_path).articles] == [3]


def test_a_load_reads_only_the_articles_that_changed(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    write_pair(tmp_path / "articles", ["# Mail"], ["# 메일"])
    write_pair(tmp_path / "articles" / "b", ["# Mail"], ["# 메일"])
    read: list[str] = []

    def reading(path: Path, lang: str) -> pairs.Page | Diagnostic:
        read.append(path.relative_to(tmp_path).as_posix())
        return pairs.read_page(path, lang)

    monkeypatch.setattr(catalog_module, "read_page", reading)
    Catalog.load(tmp_path)
    assert sorted(read) == [
        "articles/a.en.md",
        "articles/a.ko.md",
        "articles/b/a.en.md",
        "articles/b/a.ko.md",
    ]
    read.clear()
    write_pair(tmp_path / "articles" / "b", ["# Mail sent"], ["# 보낸 메일"])
    catalog = Catalog.load(tmp_path)
    assert [(a.path, a.title("ko", "ko")) for a in catalog] == [("a", "메일"), ("b/a", "메일")]
    assert catalog.articles["b/a"].versions["ko"].headings == ("보낸 메일",)
    assert read == ["articles/b/a.en.md", "articles/b/a.ko.md"]  # an article's files are paired again


def test_workers_read_the_same_catalog_in_other_processes(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    for number in range(240):
        write_pair(tmp_path / "articles" / f"set{number:03}", ["# Mail", "", f"Step {number}."], ["# 메일"])
    alone = Catalog.load(tmp_path)
    readers = tmp_path / "readers"
    read = catalog_module.ArticleFiles.read

    def reading(cls: type, *task: Any) -> catalog_module.ArticleFiles:
        with readers.open("a") as f:
            f.write(f"{os.getpid()}\n")
        return read(*task)

    monkeypatch.setattr(catalog_module.ArticleFiles, "read", classmethod(reading))  # (forked: patched too)
    monkeypatch.setattr(Catalog, "_cached", None)
    together = Catalog.load(tmp_path, workers=2)
    assert together.files == alone.files
    pids = set(readers.read_text().split())
    assert str(os.getpid()) not in pids and len(pids) == 2


def test_the_files_are_looked_at_once_per_build(tmp_path: Path) -> None:
    """A build is MkDocs' configuration of it: `mkdocs serve` loads the configuration anew for each."""
    folder = tmp_path / "articles"
    folder.mkdir()
    (folder / "a.ko.md").write_text(EN, encoding="utf-8")
    build, next_build = SimpleNamespace(docs_dir=str(tmp_path)), SimpleNamespace(docs_dir=str(tmp_path))
    catalog = Catalog.of_build(build)
    (folder / "b.ko.md").write_text(EN, encoding="utf-8")
    assert Catalog.of_build(build) is catalog
    assert [a.path for a in Catalog.of_build(next_build)] == ["a", "b"]


def test_page_files_leave_out_hidden_files_and_linked_folders(tmp_path: Path) -> None:
    for name in ("a.ko.md", "set/b.en.md", ".drafts/c.ko.md", "set/.d.ko.md", "notes.md", "e.ko.md/f.txt"):
        (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / name).write_text("", encoding="utf-8")
    os.symlink(tmp_path / "set", tmp_path / "linked")
    os.symlink(tmp_path / "set" / "b.en.md", tmp_path / "g.en.md")
    found = [
        (page.path, page.lang, path.relative_to(tmp_path).as_posix()) for page, path in page_files(tmp_path)
    ]
    assert found == [("a", "ko", "a.ko.md"), ("g", "en", "g.en.md"), ("set/b", "en", "set/b.en.md")]


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
