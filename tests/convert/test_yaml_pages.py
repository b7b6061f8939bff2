"""YAML pages (Landing, Hub, FAQ...) beyond the golden files: checks, re-imports, languages."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from sxs.cli import main
from sxs.contrib.check import check_paths
from sxs.convert.model import SourceFile
from sxs.convert.read import read_repository, read_source
from sxs.convert.yamlpages import convert_yaml_page
from sxs.pages.frontmatter import is_edited, read_meta
from sxs.pages.htmlcheck import to_html

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "converter"
CASES = ("yaml-landing", "yaml-hub", "yaml-faq", "yaml-other")


def run(*argv: str) -> int:
    return main(["import", *argv, "--progress", "never"])


def imported(case: str, tmp_path: Path) -> tuple[Path, Path]:
    src, out = tmp_path / "src", tmp_path / "out"
    shutil.copytree(FIXTURES / case / "src", src)
    run(str(src), "--out", str(out))
    return src, out


# What `sxs check` says of each case's pages: only the English text the Korean pages show too
# (written in Latin letters upstream, so shown as it is on both pages) counts as untranslated.
CHECKED = {
    "yaml-landing": [],
    "yaml-hub": [("index.ko.md", 124, "warning: same as English line 124: not translated")],
    "yaml-faq": [
        ("payout-faq.ko.md", 29, "warning: same as English line 29: not translated"),
        ("payout-faq.ko.md", 31, "warning: same as English line 31: not translated"),
    ],
    "yaml-other": [],
}


@pytest.mark.parametrize("case", CASES)
def test_check_on_imported_yaml_pages(case: str, tmp_path: Path) -> None:
    """Both pages line-aligned, tags and link targets carried over, Korean-only text not flagged."""
    _, out = imported(case, tmp_path)
    count, findings = check_paths([out])
    assert count == len(list(out.glob("*.ko.md")))
    got = [(Path(f.diag.path).name, f.diag.line, f"{f.diag.severity}: {f.diag.message}") for f in findings]
    assert got == CHECKED[case]


def test_english_page_marks_what_is_known_only_in_korean(tmp_path: Path) -> None:
    _, out = imported("yaml-landing", tmp_path)
    en = to_html((out / "index.en.md").read_text(encoding="utf-8"))
    assert '<h1 id="_1" lang="ko">파트너 센터 설명서<a class="headerlink"' in en
    assert '<div lang="ko">\n<p>파트너 센터는 MPN' in en
    assert '<h2 id="_2" lang="ko">파트너 센터 시작<a class="headerlink"' in en
    assert "<p><strong>Get started</strong></p>" in en
    assert '<li><a href="overview.md">What is Partner Center?</a></li>' in en
    marketplace = (
        "https://learn.microsoft.com/azure/marketplace"  # an absolute path on the documentation site
    )
    assert f'<li><a href="{marketplace}" lang="ko">상용 마켓플레이스 설명서</a></li>' in en
    ko = to_html((out / "index.ko.md").read_text(encoding="utf-8"))
    assert '<li><a href="overview.md">파트너 센터란?</a></li>' in ko
    assert "<p><strong>시작</strong></p>" in ko
    assert read_meta((out / "index.en.md").read_text(encoding="utf-8"))["title"] == "파트너 센터 설명서"


def test_single_faq_section_shows_no_name_and_several_do(tmp_path: Path) -> None:
    _, out = imported("yaml-faq", tmp_path)
    single = (out / "chip-faq.ko.md").read_text(encoding="utf-8")
    assert "무시됨" not in single  # "Ignored": the site showed the only section's questions alone
    assert "\n## 내 은행 및 세금 세부 정보를 제출할 어떻게 할까요?\n" in single
    several = (out / "payout-faq.ko.md").read_text(encoding="utf-8")
    assert "\n## 프로필 관리\n\n### 지급 계정을 변경할 수 있나요?\n" in several


def test_answer_markdown_is_converted_like_an_article(tmp_path: Path) -> None:
    _, out = imported("yaml-faq", tmp_path)
    ko = to_html((out / "chip-faq.ko.md").read_text(encoding="utf-8"))
    assert '<div class="admonition note">\n<p class="admonition-title">참고</p>' in ko
    assert '<a href="chip-intro.md">칩 탐색</a>' in ko
    assert '<h2 id="next-steps">다음 단계<a class="headerlink"' in ko


def test_articles_link_to_yaml_pages(tmp_path: Path) -> None:
    _, out = imported("yaml-faq", tmp_path)
    assert "See the [FAQ](chip-faq.md)." in (out / "chip-intro.en.md").read_text(encoding="utf-8")


def test_edited_yaml_page_is_kept_with_its_twin(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    src, out = imported("yaml-landing", tmp_path)
    page = out / "index.ko.md"
    edited = page.read_text(encoding="utf-8").replace("## 파트너 센터 시작", "## 파트너 센터 시작하기")
    page.write_text(edited, encoding="utf-8")
    assert is_edited(edited)
    capsys.readouterr()
    assert run(str(src), "--out", str(out)) == 0
    assert "edited since import" not in capsys.readouterr().err  # source unchanged: the edit stands
    assert page.read_text(encoding="utf-8") == edited
    landing = src / "index.yml"
    english = (out / "index.en.md").read_text(encoding="utf-8")
    landing.write_text(
        landing.read_text(encoding="utf-8").replace("title: 파트너 센터 시작", "title: 시작하기"),
        encoding="utf-8",
    )
    assert run(str(src), "--out", str(out)) == 0
    err = capsys.readouterr().err
    assert f"{page}:1:1: warning: edited since import and its source changed; not overwritten" in err
    assert f"{out / 'index.en.md'}:1:1: warning: not updated either" in err
    assert page.read_text(encoding="utf-8") == edited
    assert (out / "index.en.md").read_text(encoding="utf-8") == english


def test_english_link_text_follows_the_english_page(tmp_path: Path) -> None:
    """A link reads as the linked article's English title as its page says now (an edit included)."""
    src, out = imported("yaml-landing", tmp_path)
    article = out / "overview.en.md"
    article.write_text(
        article.read_text(encoding="utf-8").replace("title: What is Partner Center?", "title: About it"),
        encoding="utf-8",
    )
    assert run(str(src), "--out", str(out)) == 0
    assert "- [About it](overview.md)\n" in (out / "index.en.md").read_text(encoding="utf-8")


def test_pure_conversion_takes_english_titles_from_the_caller() -> None:
    root = FIXTURES / "yaml-landing" / "src"
    repo = read_repository(root)
    src = read_source(root / "index.yml", root, "index")
    assert isinstance(src, SourceFile)
    known = {"overview": "Overview title"}
    result = convert_yaml_page(src, repo, None, known.get)
    en = next(p for p in result.pages if p.id.lang == "en")
    assert "- [Overview title](overview.md)\n" in en.text
    assert '- [파트너 센터 공지](announcements.md#this-month){ lang="ko" }\n' in en.text
    assert [d.message for d in result.diags if d.is_error] == []


def test_target_language_from_the_set_when_the_page_has_none(tmp_path: Path) -> None:
    _, out = imported("yaml-hub", tmp_path)  # its Hub has no ms.contentlocale; the set is ko-kr
    assert (out / "index.ko.md").is_file() and (out / "index.en.md").is_file()
    assert "ms.contentlocale" not in read_meta((out / "index.ko.md").read_text(encoding="utf-8"))


def test_messages_name_the_yaml_line(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    src, out = tmp_path / "src", tmp_path / "out"
    shutil.copytree(FIXTURES / "yaml-hub" / "src", src)
    capsys.readouterr()
    run(str(src), "--out", str(out))
    err = capsys.readouterr().err
    lines = (src / "index.yml").read_text(encoding="utf-8").split("\n")
    assert "imageSrc: images/WMR_Docs_Landing_TroubleShooting.png" in lines[29 - 1]
    assert f"{src / 'index.yml'}:29:17: warning: image" in err


def test_yaml_text_is_sanitised_like_an_article(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    src, out = tmp_path / "src", tmp_path / "out"
    src.mkdir()
    (src / "faq.yml").write_text(
        "### YamlMime:FAQ\n"
        "metadata:\n"
        "  ms.contentlocale: ko-KR\n"
        "title: 질문 <script>alert(1)</script>\n"
        "sections:\n"
        "- name: 하나\n"
        "  questions:\n"
        "  - question: 안전한가요?\n"
        '    answer: "<img src=x onerror=alert(1)> [눌러](javascript:alert(1)) <iframe src=//x></iframe>"\n'
        "landing:\n"
        "  imageSrc: javascript:alert(1)\n",
        encoding="utf-8",
    )
    capsys.readouterr()
    assert run(str(src), "--out", str(out)) == 0
    err = capsys.readouterr().err
    for lang in ("ko", "en"):
        page = (out / f"faq.{lang}.md").read_text(encoding="utf-8")
        assert "<script" not in page and "onerror" not in page and "<iframe" not in page
        assert "\n🖼 눌러\n" in page  # a picture symbol for the missing image; the unsafe link's text
        assert "- `imageSrc`: javascript:alert(1)\n" in page  # a value no template knows: plain text
    display = src / "faq.yml"
    assert err.splitlines() == [
        f"{display}:4:8: warning: removed <script> element",
        f"{display}:9:1: warning: image 'x': not in the repository; its alt text is shown instead",
        f"{display}:9:1: warning: removed event handler attribute onerror from <img>",
        f"{display}:9:1: warning: removed unsafe link target from [눌러]",
        f"{display}:9:1: warning: removed <iframe> element",
        f"{display}:11:3: warning: 'landing' is not part of a FAQ page; shown as a list",
    ]
    _, findings = check_paths([out])
    assert [f.diag.message for f in findings] == []
