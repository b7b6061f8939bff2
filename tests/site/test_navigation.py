"""The navigation built from navigation files (tools/sxs/site/navigation.py), in both languages.

The site's articles are what `sxs import` made of the golden case `tocs` (two documentation sets
and a folder with a table of contents, tests/fixtures/converter/tocs/expected), beside the seed
article, which no table of contents lists.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from bs4 import BeautifulSoup, Tag
from mkdocs.exceptions import PluginError
from sites import ROOT, build_site, site_copy
from sxs.site.navfiles import NavFiles

TOCS = ROOT / "tests" / "fixtures" / "converter" / "tocs" / "expected"
SETUP = "articles/guide/develop/unity/setup/index.html"
OLD_TOOL = "articles/product/old-tool/index.html"
CATEGORIES_KO = ["메일 흐름 및 Exchange", "Outlook", "Teams", "SharePoint 및 OneDrive", "로그인 및 ID"]


def make_site(root: Path, with_seed: bool) -> Path:
    return build_site(root / "site", root=site_copy(root, TOCS, with_seed))


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return make_site(tmp_path_factory.mktemp("nav"), with_seed=True)


def primary_nav(page: Path) -> Tag:
    nav = BeautifulSoup(page.read_text(encoding="utf-8"), "html.parser").select_one("nav.md-nav--primary")
    assert nav is not None
    return nav


def tree(nav: Tag) -> list[object]:
    """Each item's label HTML and its state (active, pruned, leaf), children nested."""

    def items(ul: Tag) -> list[object]:
        out: list[object] = []
        for li in ul.find_all("li", recursive=False):
            label = li.find(class_="md-ellipsis")
            text = " ".join(label.decode_contents().split()) if label else ""
            state = (
                "active"
                if "md-nav__item--active" in li["class"]
                else "pruned"
                if "md-nav__item--pruned" in li["class"]
                else "-"
            )
            inner = li.find("nav", class_="md-nav")
            if inner is not None and "md-nav--secondary" not in inner.get("class", []):
                out.append((text, state, items(inner.find("ul"))))
            else:
                out.append((text, state))
        return out

    ul = nav.find("ul")
    assert isinstance(ul, Tag)
    return items(ul)


def test_korean_navigation_shows_the_tables_of_contents_labels_pruned(site: Path) -> None:
    assert tree(primary_nav(site / SETUP))[:4] == [
        ("홈", "-"),
        ("보관된 문서", "pruned"),
        (
            "가이드 홈 문서",  # the set's own page names it
            "active",
            [
                ("시작하기", "-"),
                (
                    "개발",
                    "active",
                    [
                        ("개발 소개", "pruned"),
                        (
                            "Unity",
                            "active",
                            [('<span class="md-typeset"> 설정 </span>', "active"), ("자습서", "pruned")],
                        ),
                    ],
                ),
                ("디자인", "pruned"),
                ("설정 &amp; &lt;옵션&gt;", "pruned"),
            ],
        ),
        ("제품 설명서", "pruned"),
    ]


def test_english_navigation_shows_english_titles_and_marks_korean_labels(site: Path) -> None:
    assert tree(primary_nav(site / "en" / SETUP))[:4] == [
        ("Home", "-"),
        ('<span lang="ko">보관된 문서</span>', "pruned"),
        (
            "Guide home",
            "active",
            [
                ("Get started", "-"),
                (
                    '<span lang="ko">개발</span>',
                    "active",
                    [
                        ('<span lang="ko">개발 소개</span>', "pruned"),
                        (
                            '<span lang="ko">Unity</span>',
                            "active",
                            [("Set up Unity", "active"), ('<span lang="ko">자습서</span>', "pruned")],
                        ),
                    ],
                ),
                ("Using color", "pruned"),  # a section with a page of its own: that page's title
                ('<span lang="ko">설정 &amp; &lt;옵션&gt;</span>', "pruned"),
            ],
        ),
        ("Product documentation", "pruned"),
    ]


def test_labels_are_escaped_once(site: Path) -> None:
    for page in (site / SETUP, site / "en" / SETUP):
        html = page.read_text(encoding="utf-8")
        assert html.count("설정 &amp; &lt;옵션&gt;") == 1
        assert "&amp;amp;" not in html and "&amp;lt;" not in html and "설정 & <옵션>" not in html


def test_a_page_keeps_its_own_title_beside_its_label(site: Path) -> None:
    page = BeautifulSoup((site / SETUP).read_text(encoding="utf-8"), "html.parser")
    assert page.title is not None and page.title.get_text().startswith("Unity 설정 - ")
    assert page.h1 is not None and page.h1.get_text(strip=True).rstrip("¶") == "Unity 설정"


def test_pruned_sections_carry_no_entries_but_link_their_first_page(site: Path) -> None:
    nav = primary_nav(site / SETUP)
    pruned = nav.select("li.md-nav__item--pruned")
    assert len(pruned) == 6
    assert all(li.find("nav") is None and li.find("li") is None for li in pruned)
    links = {li.find(class_="md-ellipsis").get_text(strip=True): li.a["href"] for li in pruned}
    assert links == {
        "보관된 문서": "../../../../archive/notes/",
        "개발 소개": "../../overview/",
        "자습서": "../tutorial-01/",
        "디자인": "../../../design/color/",
        # a section of links only: its first, a page listed in its own set too
        "설정 & <옵션>": "../../../../product/old-tool/",
        "제품 설명서": "../../../../product/",
    }


def test_a_page_listed_in_two_sets_is_active_in_its_own(site: Path) -> None:
    assert tree(primary_nav(site / OLD_TOOL))[2:4] == [
        ("가이드 홈 문서", "pruned"),
        (
            "제품 설명서",
            "active",
            [
                ("에이전트", "pruned"),
                (
                    "오래된 도구",
                    "active",
                    [
                        ('<span class="md-typeset"> 오래된 도구 [버전 1] </span>', "active"),
                        ("가이드의 개발 개요", "-"),
                        ("다른 문서 사이트", "pruned"),
                    ],
                ),
                ("lab", "pruned"),
            ],
        ),
    ]
    links = {a.get_text(strip=True): a["href"] for a in primary_nav(site / OLD_TOOL).select("a.md-nav__link")}
    assert links["가이드의 개발 개요"] == "../../guide/develop/overview/"
    assert links["다른 문서 사이트"] == "https://learn.microsoft.com/windows/other/thing"


def test_categories_follow_the_sets_when_some_article_is_in_none(site: Path) -> None:
    labels = [item[0] for item in tree(primary_nav(site / SETUP))]
    assert labels[4:9] == CATEGORIES_KO
    assert labels[-2:] == ["SPF 레코드 검사기", "번역 현황"]
    category = BeautifulSoup(
        (site / "categories" / "other" / "index.html").read_text(encoding="utf-8"), "html.parser"
    )
    assert category.select(".sxs-articles li") == []  # the sets' articles are not sorted into categories
    mail = BeautifulSoup(
        (site / "categories" / "mail-flow" / "index.html").read_text(encoding="utf-8"), "html.parser"
    )
    assert [li.get_text(strip=True) for li in mail.select(".sxs-articles li")] == [
        "오류 코드 5.7.23에 대 한 전자 메일 배달 문제 해결"
    ]


def test_no_categories_when_every_article_is_in_a_set(tmp_path: Path) -> None:
    labels = [item[0] for item in tree(primary_nav(make_site(tmp_path, with_seed=False) / SETUP))]
    assert labels == ["홈", "보관된 문서", "가이드 홈 문서", "제품 설명서", "SPF 레코드 검사기", "번역 현황"]


def test_navigation_files_are_not_published(site: Path) -> None:
    assert list(site.rglob("nav.yml")) == []
    for page in site.rglob("*.html"):
        assert "sxs-page:" not in page.read_text(encoding="utf-8"), page


def test_a_broken_navigation_file_stops_the_build_at_its_position(tmp_path: Path) -> None:
    nav = tmp_path / "articles" / "guide" / "nav.yml"
    nav.parent.mkdir(parents=True)
    nav.write_text("lang: ko\ntitle: 가이드\nitems:\n- title: 빈 항목\n", encoding="utf-8")
    with pytest.raises(PluginError) as caught:
        NavFiles.load(tmp_path)
    assert str(caught.value) == f"{nav}:4:3: an entry needs a `page`, a `url` or `items`"
