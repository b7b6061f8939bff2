"""Behaviour of `sxs import` beyond the golden files: titles, alignment, re-import safety."""

from __future__ import annotations

import os
import re
import shutil
from pathlib import Path

import pytest
import yaml
from bs4 import BeautifulSoup
from hypothesis import given, settings
from hypothesis import strategies as st
from sxs.cli import main
from sxs.convert import write as write_mod
from sxs.convert.docset import Publication
from sxs.convert.model import SourceFile
from sxs.convert.pipeline import convert
from sxs.convert.read import articles, read_article, read_repository
from sxs.diagnostics import error
from sxs.pages.frontmatter import is_edited, read_meta
from sxs.pages.htmlcheck import normalise, to_html
from sxs.pages.identity import page_path, path_part
from sxs_helpers import article, pair

ROOT = Path(__file__).resolve().parents[2]
FIXTURES = ROOT / "tests" / "fixtures" / "converter"
SEED = FIXTURES / "seed" / "src"


def run(*argv: str) -> int:
    return main(["import", *argv, "--progress", "never"])


@pytest.fixture()
def seed_out(tmp_path: Path) -> Path:
    assert run(str(SEED), "--out", str(tmp_path)) == 0
    return tmp_path


def test_seed_titles(seed_out: Path) -> None:
    ko = (seed_out / "antispam-5-7-23.ko.md").read_text(encoding="utf-8")
    en = (seed_out / "antispam-5-7-23.en.md").read_text(encoding="utf-8")
    assert read_meta(ko)["title"] == "오류 코드 5.7.23에 대 한 전자 메일 배달 문제 해결"
    assert read_meta(en)["title"] == "Fix email delivery issues for error code 5.7.23"
    assert (
        '<h1 id="fix-email-delivery-issues-for-error-code-5723">'
        "오류 코드 5.7.23에 대 한 전자 메일 배달 문제 해결" in to_html(ko)
    )


def test_front_matter_layout(seed_out: Path) -> None:
    ko = read_meta((seed_out / "antispam-5-7-23.ko.md").read_text(encoding="utf-8"))
    en = read_meta((seed_out / "antispam-5-7-23.en.md").read_text(encoding="utf-8"))
    assert list(ko) == list(en)
    assert list(ko)[:6] == ["title", "lang", "upstream_title", "source_path", "source_sha256", "page_hash"]
    assert ko["upstream_title"] == en["upstream_title"] == "스팸 방지-5.7.23"
    assert (ko["lang"], en["lang"]) == ("ko", "en")
    for key in (
        "ms.locfileid",
        "ms.translationtype",
        "ms.openlocfilehash",
        "ms.lasthandoff",
        "ms.custom",
        "ROBOTS",
    ):
        assert ko[key] == en[key]
    assert ko["ms.locfileid"] == "44506449" and ko["ms.translationtype"] == "MT"


def test_paragraph_stays_one_p(seed_out: Path) -> None:
    html = to_html((seed_out / "antispam-5-7-23.en.md").read_text(encoding="utf-8"))
    assert html.count("<p>") == 3
    assert (
        "<p>If the problem persists, you may need to contact the admin of the mail host to which you are "
        "attempting to send email.\nMake note of" in html
    )


def _sources() -> list[tuple[Path, Path]]:
    """Every fixture article, but the broken ones (which fail on purpose: see test_golden.py)."""
    return [
        (case / "src", path)
        for case in sorted(FIXTURES.iterdir())
        if case.name != "broken"
        for path in articles(read_repository(case / "src"))
    ]


@pytest.mark.parametrize("root,path", _sources(), ids=lambda v: v.name)
def test_split_lines_render_like_source_lines(root: Path, path: Path) -> None:
    """One segment per line changes white space only: same HTML, same line count in both pages."""
    repo = read_repository(root)
    src = read_article(repo, path)
    assert isinstance(src, SourceFile)
    split = convert(src, repo)
    whole = convert(src, repo, split=False)
    assert not split.failed
    a, b = split.pages
    assert a.text.count("\n") == b.text.count("\n")
    for one, other in zip(split.pages, whole.pages, strict=False):
        assert normalise(to_html(one.text)) == normalise(to_html(other.text))


def test_reimport_skips_unchanged(seed_out: Path, capsys: pytest.CaptureFixture[str]) -> None:
    page = seed_out / "antispam-5-7-23.ko.md"
    before = page.stat().st_mtime_ns
    os.utime(page, ns=(before - 10_000_000_000, before - 10_000_000_000))
    stamp = page.stat().st_mtime_ns
    assert run(str(SEED), "--out", str(seed_out)) == 0
    assert page.stat().st_mtime_ns == stamp


def test_edited_page_of_unchanged_source_is_kept_quietly(
    seed_out: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    page = seed_out / "antispam-5-7-23.ko.md"
    edited = page.read_text(encoding="utf-8").replace("공개적으로", "공개적으로 (편집됨)")
    page.write_text(edited, encoding="utf-8")
    assert is_edited(edited)
    capsys.readouterr()
    assert run(str(SEED), "--out", str(seed_out)) == 0
    out, err = capsys.readouterr()
    assert err == ""
    assert re.fullmatch(r"1 imported, 0 warnings, 0 failed in \d+\.\d\d s\n", out)
    assert page.read_text(encoding="utf-8") == edited


def test_edited_page_of_changed_source_is_kept_until_force(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    src, out = tmp_path / "src", tmp_path / "out"
    shutil.copytree(SEED, src)
    assert run(str(src), "--out", str(out)) == 0
    page = out / "antispam-5-7-23.ko.md"
    edited = page.read_text(encoding="utf-8").replace("공개적으로", "공개적으로 (편집됨)")
    page.write_text(edited, encoding="utf-8")
    upstream = src / "antispam-5-7-23.md"
    upstream.write_text(
        upstream.read_text(encoding="utf-8").replace("Microsoft support", "Support"), encoding="utf-8"
    )
    capsys.readouterr()
    assert run(str(src), "--out", str(out)) == 0
    err = capsys.readouterr().err
    assert (
        f"{out / 'antispam-5-7-23.ko.md'}:1:1: warning: edited since import and its source changed; "
        "not overwritten (merge the change by hand, or --force to replace) "
        f"[source {upstream}]"
    ) in err
    # The English page is not updated either: the pair stays line-aligned.
    assert (
        f"{out / 'antispam-5-7-23.en.md'}:1:1: warning: not updated either, so that the article's pages "
        "stay line-aligned (merge the change by hand, or --force to replace) "
        f"[source {upstream}]"
    ) in err
    assert page.read_text(encoding="utf-8") == edited
    assert "Support may not" not in (out / "antispam-5-7-23.en.md").read_text(encoding="utf-8")
    assert run(str(src), "--out", str(out), "--force") == 0
    err = capsys.readouterr().err
    assert (
        f"{out / 'antispam-5-7-23.ko.md'}:1:1: warning: replaced a page edited since import (--force)" in err
    )
    assert not is_edited(page.read_text(encoding="utf-8"))
    assert "Support may not" in (out / "antispam-5-7-23.en.md").read_text(encoding="utf-8")


def test_changed_source_rewrites_unedited_page(tmp_path: Path) -> None:
    src = tmp_path / "src"
    shutil.copytree(SEED, src)
    out = tmp_path / "out"
    assert run(str(src), "--out", str(out)) == 0
    article_path = src / "antispam-5-7-23.md"
    article_path.write_text(
        article_path.read_text(encoding="utf-8").replace("Microsoft support", "Support"), encoding="utf-8"
    )
    assert run(str(src), "--out", str(out)) == 0
    assert "Support may not" in (out / "antispam-5-7-23.en.md").read_text(encoding="utf-8")


def test_interrupted_write_leaves_old_page(seed_out: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    page = seed_out / "antispam-5-7-23.en.md"
    old = page.read_bytes()

    def boom(src: str, dst: str) -> None:
        raise KeyboardInterrupt

    monkeypatch.setattr(write_mod.os, "replace", boom)
    with pytest.raises(KeyboardInterrupt):
        write_mod.atomic_write(page, b"half")
    assert page.read_bytes() == old
    assert sorted(p.name for p in seed_out.iterdir()) == ["antispam-5-7-23.en.md", "antispam-5-7-23.ko.md"]


def test_summary_and_exit_status(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    src = tmp_path / "src"
    src.mkdir()
    (src / "good.md").write_text(article("# " + pair("제목", "Title") + "\n"), encoding="utf-8")
    (src / "bad.md").write_text(
        article(pair("하나", "One", "a-1").replace('stu-id="a-1"', 'stu-id="a-2"')), encoding="utf-8"
    )
    assert run(str(src), "--out", str(tmp_path / "out")) == 1
    out, err = capsys.readouterr()
    assert re.fullmatch(r"1 imported, 0 warnings, 1 failed in \d+\.\d\d s\n", out)
    assert re.search(r"bad\.md:9:1: error: data-ttu-id \"a-1\" and data-stu-id \"a-2\" differ", err)
    assert "Traceback" not in err
    assert (tmp_path / "out" / "good.ko.md").exists() and not (tmp_path / "out" / "bad.ko.md").exists()


def test_missing_source_dir(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert run(str(tmp_path / "nope"), "--out", str(tmp_path / "out")) == 2
    assert "error: not a folder" in capsys.readouterr().err


@pytest.mark.parametrize(
    "stem,slug",
    [
        ("antispam-5-7-23", "antispam-5-7-23"),
        ("Change-your-password-in-Outlook.com", "change-your-password-in-outlook.com"),
        ("run-windows-memory-diagnostics -in-windows-10", "run-windows-memory-diagnostics-in-windows-10"),
        ("--Weird__Name!!", "weird__name"),
        ("한국어 이름", "한국어-이름"),
        ("!!!", ""),
    ],
)
def test_path_part(stem: str, slug: str) -> None:
    assert path_part(stem) == slug


def test_diagnostic_format() -> None:
    assert str(error("a/b.md", 3, 7, "bad thing")) == "a/b.md:3:7: error: bad thing"


def _convert_text(text: str, name: str = "page.md") -> tuple[str, str]:
    from sxs.convert.model import SourceFile

    page = page_path(name)
    src = SourceFile(path=Path(name), rel=name, page=page, text=text, raw_sha256="0")
    result = convert(src, Publication(Path("."), (), {name: page}, {}))
    assert not result.failed, [str(d) for d in result.diags]
    ko, en = result.pages
    return ko.text, en.text


def test_video_makes_no_request_until_clicked() -> None:
    body = (
        "# "
        + pair("동영상", "Video")
        + "\n\n1. "
        + pair("단계", "Step", "v-2")
        + "\n\n    > [!VIDEO https://www.microsoft.com/videoplayer/embed/RE4xyz]\n"
    )
    ko, en = _convert_text(article(body))
    for page in (ko, en):
        html = to_html(page)
        assert "<iframe" not in html and " src=" not in html
        assert 'data-video-src="https://www.microsoft.com/videoplayer/embed/RE4xyz"' in html
        assert '<p><span class="sxs-video"' in html  # a span: valid inside the list item's paragraph
    assert "동영상 재생" in ko and "Play video" in en


def test_non_https_video_is_a_plain_link() -> None:
    ko, _ = _convert_text(article("> [!VIDEO javascript:alert(1)]\n"))
    assert "sxs-video" not in ko and "<a" not in to_html(ko)


def test_video_of_an_unknown_player_is_a_link_with_a_warning() -> None:
    """The site's policy frames only pages/videos.py's players: another host's video would never play."""
    from sxs.convert.model import SourceFile

    text = article("> [!VIDEO https://videos.example.com/embed/1]\n")
    src = SourceFile(path=Path("page.md"), rel="page.md", page="page", text=text, raw_sha256="0")
    result = convert(src, Publication(Path("."), (), {"page.md": "page"}, {}))
    ko = result.pages[0].text
    assert "sxs-video" not in ko
    assert '<a href="https://videos.example.com/embed/1">https://videos.example.com/embed/1</a>' in to_html(
        ko
    )
    assert (
        "page.md:9:1: warning: video URL 'https://videos.example.com/embed/1' is not a known video player"
        " (pages/videos.py); written as a link"
    ) in [str(d) for d in result.diags]


@settings(deadline=None)  # timing varies on a loaded machine; the property does not
@given(
    st.one_of(
        st.text(st.characters(blacklist_categories=("Cs",)), max_size=40),
        # YAML's own syntax, numbers, dates and booleans in small doses.
        st.text(alphabet=list("=<>-?:,[]{}#&*!|%@`'\" .0123456789eE+_~yYnNoOtTfFxX/\\"), max_size=8),
    )
)
def test_own_key_scalars_read_back(value: str) -> None:
    """Titles go through our small YAML writer: whatever they hold, YAML reads the same string."""
    from sxs.pages.frontmatter import own_keys

    text = own_keys([("title", value)])
    assert text.count("\n") == 1
    assert yaml.safe_load(text) == {"title": value}


def test_unwritable_output_is_one_error_per_article(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    blocker = tmp_path / "out"
    blocker.write_text("a file where the output folder should be", encoding="utf-8")
    assert run(str(SEED), "--out", str(blocker)) == 1
    out, err = capsys.readouterr()
    assert "0 imported, 0 warnings, 1 failed" in out
    assert re.search(r":0:0: error: cannot write pages of .*antispam-5-7-23\.md", err)
    assert "Traceback" not in err


def test_converter_bug_costs_one_article(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    import sxs.convert.pipeline as importer

    src = tmp_path / "src"
    src.mkdir()
    for name in ("a", "b"):
        (src / f"{name}.md").write_text(article("# " + pair(name, name.upper()) + "\n"), encoding="utf-8")
    real = importer.convert

    def flaky(source, *args, **kwargs):  # type: ignore[no-untyped-def]
        if source.page == "a":
            raise RuntimeError("boom")
        return real(source, *args, **kwargs)

    monkeypatch.setattr(importer, "convert", flaky)
    assert run(str(src), "--out", str(tmp_path / "out")) == 1
    out, err = capsys.readouterr()
    assert "1 imported, 0 warnings, 1 failed" in out
    assert "a.md:0:0: error: internal error, please report: RuntimeError('boom')" in err
    assert (tmp_path / "out" / "b.ko.md").exists()


def test_output_inside_source_is_not_imported_again(tmp_path: Path) -> None:
    src = tmp_path / "src"
    shutil.copytree(SEED, src)
    assert run(str(src), "--out", str(src / "out")) == 0
    assert run(str(src), "--out", str(src / "out")) == 0
    assert sorted(p.name for p in (src / "out").iterdir()) == [
        "antispam-5-7-23.en.md",
        "antispam-5-7-23.ko.md",
    ]


@pytest.mark.parametrize(
    "target,source",
    [
        # as in outlook-com-block-sender-french.md of the corpus
        ("+ 자세한 내용은 문서를 참조하세요.", "For more, read the article."),
        ("2020. 6. 2에 변경되었습니다.", "Changed on June 2, 2020."),
        ("# 해시로 시작", "> Starts with a quote mark"),
        ("- 빼기로 시작", "1) Starts like an item"),
        ("---", "* * *"),
    ],
)
def test_segment_starting_a_line_keeps_its_block_marker_as_text(target: str, source: str) -> None:
    """Inside its <span>, text like `+ ` or `2020. ` is text; moved to the start of a line it must stay so."""
    body = "# " + pair("제목", "Title") + "\n\nIntro " + pair("첫째", "First", "b-1") + "\n"
    body += pair(target, source, "b-2") + " " + pair("셋째", "Third", "b-3") + "\n\n"
    body += pair(target, source, "b-4") + "\n\n"
    body += "1. " + pair(target, source, "b-5") + "\n"
    ko, en = _convert_text(article(body))
    for page, text in ((ko, target), (en, source)):
        html = to_html(page)
        assert re.findall(r"<(ul|ol|li|h[1-6]|blockquote|hr)\b", html) == ["h1", "ol", "li"], page
        assert BeautifulSoup(html, "html.parser").get_text().count(text) == 3, html


def test_segment_empty_in_one_language_does_not_end_the_paragraph() -> None:
    """outlook-com-forwarding.md: a line holding only a pair whose English is empty (`.` / ``)
    continues the list item upstream; on a line of its own the English page got a blank line there."""
    body = "# " + pair("제목", "Title") + "\n\n1. " + pair("첫째 단계", "First step", "e-1") + "\n"
    body += "2. " + pair("화살표를 선택 합니다.", "Select the arrow", "e-2") + " <img src='icon.png' />\n"
    body += pair(".", "", "e-3") + "\n3. " + pair("보내기를 선택 합니다.", "Select Send.", "e-4") + "\n"
    ko, en = _convert_text(article(body))
    assert ko.count("\n") == en.count("\n")
    en_body = en.split("---\n", 2)[2]
    assert "\n\n3." not in en_body, en_body
    html = to_html(en)
    assert "<p>" not in html, "a tight list stays tight"
    assert BeautifulSoup(to_html(ko), "html.parser").get_text().count(".") >= 3


def test_a_pipe_inside_a_pair_stays_in_its_table_cell() -> None:
    """The translation lost the `\\` before a `|` (mdop): the Korean row must not gain a cell."""
    case = FIXTURES / "table-pipes" / "expected"
    rows = []
    for lang in ("ko", "en"):
        html = to_html((case / f"options.{lang}.md").read_text(encoding="utf-8"))
        table = BeautifulSoup(html, "html.parser").table
        assert table is not None
        rows.append([len(tr.find_all(["td", "th"])) for tr in table.find_all("tr")])
    assert rows == [[2, 2, 2], [2, 2, 2]]


def test_front_matter_the_translation_tool_joined_into_one_pair_is_recovered() -> None:
    """alchemy-ar-sa-2021's troubleshoot-presence-issues-outlook.md: the tool joined the keys of the
    front matter into one sentence (translating `title`) and tagged its list items as pairs."""
    from sxs.convert.frontmatter import split_front_matter

    pair = (
        '<span data-ttu-id="a-{n}">{t}</span>'
        '<span class="sxs-lookup"><span data-stu-id="a-{n}">{s}</span></span>'
    )
    text = (
        "---\n"
        + pair.format(
            n=1,
            t='العنوان: "استكشاف مشاكل الحضور" ms.author: pebaum ms.date: 04/8/2021 ms.custom: (',
            s='title: "Troubleshoot presence issues" ms.author: pebaum ms.date: 04/8/2021 ms.custom: (',
        )
        + "\n- "
        + pair.format(n=2, t="9257", s="9257")
        + "\n---\n\n# Body\n"
    )
    src = SourceFile(path=Path("p.md"), rel="p.md", page="p", text=text, raw_sha256="0")
    split = split_front_matter(src)
    assert isinstance(split, tuple), split
    front, body, _, _ = split
    assert dict(front.meta) == {
        "title": "استكشاف مشاكل الحضور",
        "ms.author": "pebaum",
        "ms.date": "04/8/2021",
        "ms.custom": ["9257"],
    }
    assert dict(front.source_meta)["title"] == "Troubleshoot presence issues"
    assert body == "\n# Body\n"
    # alchemy-zh-cn-2021's copy: the keys' colons written full width
    wide = text.replace('العنوان: "استكشاف مشاكل الحضور" ms.author:', 'title： "排查状态问题" ms.author：')
    split = split_front_matter(SourceFile(path=Path("p.md"), rel="p.md", page="p", text=wide, raw_sha256="0"))
    assert isinstance(split, tuple), split
    assert dict(split[0].meta)["title"] == "排查状态问题" and dict(split[0].meta)["ms.author"] == "pebaum"
