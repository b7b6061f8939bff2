"""Tables of contents: reading toc.yml and TOC.md (convert/toc_read.py), the navigation files the
import makes of them (convert/toc/, pages/navfile.py) and how a re-import treats an edited one.
The whole import of a repository with tables of contents is the golden case `tocs`."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from sxs.cli import main
from sxs.convert.toc.read import TocItem, read_markdown_toc, read_yaml_toc
from sxs.pages.navfile import Entry, NavFile, NavFileError, dump, is_edited, load
from sxs_helpers import article, pair

ROOT = Path(__file__).resolve().parents[2]
TOCS = ROOT / "tests" / "fixtures" / "converter" / "tocs"


def shape(items: tuple[TocItem, ...]) -> list[object]:
    """Name, href, uid and position of each entry, children nested."""
    return [
        (i.name, i.href, i.uid, f"{i.line}:{i.col}", *([shape(i.items)] if i.items else [])) for i in items
    ]


def messages(diags: list[object]) -> list[str]:
    return [str(d) for d in diags]


def test_markdown_toc_levels_links_headers_and_uids() -> None:
    text = (
        "# [제품](index.md)\n"
        '## [설치 [버전 1]](setup/install.md "제목")\n'
        "\n"
        "## 오래된 도구 ##\n"
        "### [도구](<old tool.md>)\n"
        "<!-- 여러 줄\n주석 -->\n"
        "### [참조](xref:product.reference)\n"
        "### <xref:product.api>\n"
        "## [부록\\]](a\\(b\\).md)\n"
        "# [두 번째](second.md)\n"
    )
    items, diags = read_markdown_toc(text, "TOC.md")
    assert diags == []
    assert shape(items) == [
        (
            "제품",
            "index.md",
            None,
            "1:1",
            [
                ("설치 [버전 1]", "setup/install.md", None, "2:1"),
                (
                    "오래된 도구",
                    None,
                    None,
                    "4:1",
                    [
                        ("도구", "old tool.md", None, "5:1"),
                        ("참조", None, "product.reference", "8:1"),
                        (None, None, "product.api", "9:1"),
                    ],
                ),
                ("부록]", "a\\(b\\).md", None, "10:1"),
            ],
        ),
        ("두 번째", "second.md", None, "11:1"),
    ]


def test_markdown_toc_deeper_than_six_levels_and_its_problems() -> None:
    text = "# [a](a.md)\n### [skipped](b.md)\nplain line\n####### [seven](c.md)\n#\n"
    items, diags = read_markdown_toc(text, "TOC.md")
    assert shape(items) == [
        ("a", "a.md", None, "1:1", [("skipped", "b.md", None, "2:1", [("seven", "c.md", None, "4:1")])])
    ]
    assert messages(diags) == [
        "TOC.md:2:1: warning: heading level 3 under level 1: placed under the entry above it",
        "TOC.md:3:1: warning: not a heading: a TOC.md holds only headings; left out",
        "TOC.md:4:1: warning: heading level 7 under level 3: placed under the entry above it",
        "TOC.md:5:1: warning: empty heading; left out",
    ]


def test_yaml_toc_entries_keys_in_any_case_and_items_mapping() -> None:
    text = (
        "items:\n"
        "- name: 개발\n"
        "  href: develop/toc.yml\n"
        "  topicHref: develop/index.md\n"
        "  expanded: true\n"
        "  items:\n"
        "  - name: 설정\n"
        "    href: setup.md\n"
        "    displayname: 'setup, unity'\n"
        "  - Name: 참조\n"
        "    topicUid: product.reference\n"
        "- name: 2021\n"
        "  href: 'https://example.org/'\n"
    )
    items, diags = read_yaml_toc(text, "toc.yml")
    assert diags == []
    assert shape(items) == [
        (
            "개발",
            "develop/toc.yml",
            None,
            "2:3",
            [("설정", "setup.md", None, "7:5"), ("참조", None, "product.reference", "10:5")],
        ),
        ("2021", "https://example.org/", None, "12:3"),
    ]
    assert items[0].topic_href == "develop/index.md"


@pytest.mark.parametrize(
    "text, message",
    [
        (
            "- name: a\n  href: [x\n",
            "toc.yml:3:1: warning: not valid YAML (did not find expected ',' or ']'); left out",
        ),
        ("", "toc.yml:1:1: warning: empty table of contents"),
        ("name: a\n", "toc.yml:1:1: warning: a table of contents is a list of entries; left out"),
        ("- just text\n", "toc.yml:1:3: warning: an entry is a mapping (name, href, items); left out"),
        ("- name: [a, b]\n  href: a.md\n", "toc.yml:1:9: warning: `name` is not text; ignored"),
        ("- name: a\n  items: b.md\n", "toc.yml:2:10: warning: `items` is not a list of entries; ignored"),
    ],
)
def test_yaml_toc_problems_are_warnings_at_their_position(text: str, message: str) -> None:
    _, diags = read_yaml_toc(text, "toc.yml")
    assert messages(diags) == [message]


@settings(max_examples=200, deadline=None)
@given(st.text(alphabet=st.sampled_from(list("#[]()<>-:\n ab@\\'\"{}!*&|")), max_size=80))
def test_any_text_reads_without_an_exception(text: str) -> None:
    read_markdown_toc(text, "TOC.md")
    read_yaml_toc(text, "toc.yml")


# Navigation files -----------------------------------------------------------------------------

NAV = NavFile(
    folder="guide",
    lang="ko",
    root=Entry(
        title="가이드",
        items=(
            Entry(title="시작하기", source_title="Get started", page="start"),
            Entry(
                title="설정 & <옵션>",
                items=(Entry(page="../product/tool"), Entry(title="샘플", url="https://example.org/")),
            ),
        ),
    ),
    sources=("guide/TOC.yml",),
    source_sha256="abc",
)


def test_navigation_file_round_trip_and_edit_check() -> None:
    text = dump(NAV)
    assert text.splitlines()[3:] == [
        "lang: ko",
        "sources:",
        "- guide/TOC.yml",
        "source_sha256: abc",
        text.splitlines()[7],
        "title: 가이드",
        "items:",
        "- title: 시작하기",
        "  title_en: Get started",
        "  page: start",
        "- title: 설정 & <옵션>",
        "  items:",
        "  - page: ../product/tool",
        "  - title: 샘플",
        "    url: https://example.org/",
    ]
    assert text.splitlines()[7].startswith("nav_hash: sha256:")
    assert load(text, "guide") == NAV
    assert not is_edited(text)
    edited = text.replace("title: 샘플", "title: 예제")
    assert is_edited(edited)
    assert load(edited, "guide").root.items[1].items[1].title == "예제"
    assert NAV.resolve("../product/tool") == "product/tool"


@pytest.mark.parametrize(
    "text, where, message",
    [
        ("lang: ko\nitems: [\n", (3, 1), "not valid YAML"),
        ("- a\n", (1, 1), "a navigation file is a mapping"),
        ("title: x\nitems: []\n", (1, 1), "no `lang`"),
        ("lang: ko\nitems:\n- title: a\n  pages: x\n", (3, 3), "unknown key 'pages'"),
        ("lang: ko\nitems:\n- title: a\n", (3, 3), "an entry needs a `page`, a `url` or `items`"),
        ("lang: ko\nitems:\n- page: a\n  url: b\n", (3, 3), "an entry has a `page` or a `url`, not both"),
        ("lang: ko\nitems:\n- items:\n  - page: a\n", (3, 3), "a section needs a `title`"),
        ("lang: ko\nitems: a\n", (2, 8), "`items` is a list of entries"),
        ("lang: ko\nitems:\n- page: a\n", (1, 1), "the file needs a `title` or a `page`"),
    ],
)
def test_navigation_file_problems_name_their_position(
    text: str, where: tuple[int, int], message: str
) -> None:
    with pytest.raises(NavFileError) as caught:
        load(text, "")
    assert (caught.value.line, caught.value.col) == where
    assert str(caught.value).startswith(message)


# Re-import ------------------------------------------------------------------------------------


def run(*argv: str) -> int:
    return main(["import", *argv, "--progress", "never"])


def test_reimport_keeps_an_edited_navigation(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    src = tmp_path / "src"
    shutil.copytree(TOCS / "src", src)
    out = tmp_path / "out"
    assert run(str(src), "--out", str(out)) == 0
    nav = out / "guide" / "nav.yml"
    edited = nav.read_text(encoding="utf-8").replace(
        "title: 개발\n", "title: 개발하기\n  title_en: Develop\n"
    )
    nav.write_text(edited, encoding="utf-8")
    capsys.readouterr()

    assert run(str(src), "--out", str(out)) == 0  # its tables of contents unchanged: the edit stays
    assert nav.read_text(encoding="utf-8") == edited
    assert "nav.yml" not in capsys.readouterr().err

    toc = src / "guide" / "TOC.yml"
    toc.write_text(
        toc.read_text(encoding="utf-8").replace("name: 개발\n", "name: 개발 안내\n"), encoding="utf-8"
    )
    assert run(str(src), "--out", str(out)) == 0  # changed upstream too: kept, and said so
    assert nav.read_text(encoding="utf-8") == edited
    assert (
        f"{nav}:1:1: warning: edited since import and its tables of contents changed"
        in capsys.readouterr().err
    )

    assert run(str(src), "--out", str(out), "--force") == 0
    assert "title: 개발 안내\n" in nav.read_text(encoding="utf-8")
    assert (
        f"{nav}:1:1: warning: replaced a navigation edited since import (--force)" in capsys.readouterr().err
    )


def test_a_table_naming_no_imported_page_makes_no_navigation(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    src = tmp_path / "src"
    src.mkdir()
    (src / "a.md").write_text(article("# " + pair("가", "A") + "\n"), encoding="utf-8")
    (src / "TOC.md").write_text("# [없음](missing.md)\n", encoding="utf-8")
    assert run(str(src), "--out", str(tmp_path / "out")) == 0
    assert capsys.readouterr().err.splitlines() == [
        f"{src / 'TOC.md'}:1:1: warning: 'missing.md' is not in the repository; left out",
        f"{src / 'TOC.md'}:1:1: warning: names no imported page: no navigation for its folder",
    ]
    assert not (tmp_path / "out" / "nav.yml").exists()
