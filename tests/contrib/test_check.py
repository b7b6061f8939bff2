"""`sxs check`: clean pages pass; misalignment, broken targets, front matter and copies are found by line."""

from __future__ import annotations

import json
import re
import time
from pathlib import Path

import pytest
from contrib_helpers import ROOT, Run, find_line, line, replace_line
from sxs.pages.skeleton import cells, commented, emphasis_marks, protected, shape

KO = "docs/articles/antispam-5-7-23.ko.md"
EN = "docs/articles/antispam-5-7-23.en.md"
SUMMARY = re.compile(r"^1 articles checked: (\d+) errors, (\d+) warnings in \d+\.\d\d s\n$")


def insert_line(path: Path, after: int, text: str) -> None:
    lines = path.read_text(encoding="utf-8").split("\n")
    lines.insert(after, text)
    path.write_text("\n".join(lines), encoding="utf-8")


def test_the_project_docs_are_clean(sxs: Run, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(ROOT)
    status, out, err = sxs("check", "docs")
    assert (status, out) == (0, "")


def test_fresh_import_is_clean(repo: Path, sxs: Run) -> None:
    status, out, err = sxs("check")
    assert (status, out) == (0, "")
    assert SUMMARY.match(err) and SUMMARY.match(err).groups() == ("0", "0")  # type: ignore[union-attr]


def test_inserted_line_is_named(pages: tuple[Path, Path], sxs: Run) -> None:
    ko, en = pages
    n = find_line(ko, "높은 위험 배달 풀의 메시지는")
    insert_line(ko, n, "이 줄은 영어 문서에 없습니다.")
    status, out, _ = sxs("check")
    assert status == 1
    total = len(en.read_text(encoding="utf-8").splitlines())
    assert out == (
        f"{KO}:{n + 1}:1: error: 1 line(s) here that the English page does not have: lines out of "
        f"step from English line {n + 1} on (English has {total} lines, this page {total + 1})\n"
    )


def test_skeleton_change_is_named(pages: tuple[Path, Path], sxs: Run) -> None:
    ko, _ = pages
    n = find_line(ko, "# 오류 코드 5.7.23")
    replace_line(ko, n, "# 오류 코드 5.7.23에 대 한 전자 메일 배달 문제 해결")  # the {#id} anchor dropped
    status, out, _ = sxs("check")
    assert status == 1
    assert out.splitlines() == [
        f"{KO}:{n}:1: error: skeleton differs from English line {n}: heading `# … "
        "{#fix-email-delivery-issues-for-error-code-5723}` there, heading `# …` here"
    ]


def test_broken_link_target_is_named(pages: tuple[Path, Path], sxs: Run) -> None:
    ko, _ = pages
    n = find_line(ko, "아웃 바운드 메시지가")
    text = line(ko, n)
    broken = text.replace("high-risk-delivery-pool", "high-risk-pool")
    replace_line(ko, n, broken)
    status, out, _ = sxs("check")
    assert status == 1
    col = broken.index("(https://") + 2
    target = "https://docs.microsoft.com/microsoft-365/security/office-365-security/"
    assert out.splitlines() == [
        f"{KO}:{n}:1: error: link target '{target}high-risk-delivery-pool-for-outbound-messages' "
        f"of English line {n} is missing",
        f"{KO}:{n}:{col}: error: link target '{target}high-risk-pool-for-outbound-messages' "
        f"is not in English line {n}",
    ]
    data = json.loads(sxs("check", "--format", "json")[1])
    assert (data["articles"], data["errors"], data["warnings"]) == (1, 2, 0)
    assert {(f["path"], f["line"], f["rule"], f["severity"]) for f in data["findings"]} == {
        (KO, n, "protected", "error")
    }


def test_markup_that_could_run_is_named_in_either_language(pages: tuple[Path, Path], sxs: Run) -> None:
    """The same injection in both pages is aligned and protected, but must never reach the site."""
    ko, en = pages
    n = find_line(ko, "바운스 메시지에서")
    replace_line(
        ko, n, '바운스 메시지를 <img src="x.png" onerror="alert(1)"> [기록](javascript:alert(1)) 합니다.'
    )
    replace_line(
        en, n, 'Note the bounce <img src="x.png" onerror="alert(1)"> [message](javascript:alert(1)).'
    )
    m = find_line(ko, "Microsoft support가")
    replace_line(ko, m, "Microsoft support가 더 이상 <script>alert(2)</script> 지원 하지 않을 수 있습니다.")
    replace_line(en, m, "Microsoft support may not be able <script>alert(2)</script> to assist further.")
    status, out, _ = sxs("check")
    assert status == 1
    run = "error: could run in the reader's browser: removed"
    assert out.splitlines() == [
        f"{KO}:{n}:1: {run} event handler attribute onerror from <img>",
        f"{KO}:{n}:1: {run} unsafe link target from [기록]",
        f"{EN}:{n}:1: {run} event handler attribute onerror from <img>",
        f"{EN}:{n}:1: {run} unsafe link target from [message]",
        f"{KO}:{m}:1: {run} <script> element",
        f"{EN}:{m}:1: {run} <script> element",
    ]


def test_protected_tokens_and_emphasis(pages: tuple[Path, Path], sxs: Run) -> None:
    ko, _ = pages
    n = find_line(ko, "바운스 메시지에서")
    text = "**바운스 메시지에서 `Get-Mailbox` 오류 5.7.24 를 기록 합니다."
    replace_line(ko, n, text)
    status, out, _ = sxs("check")
    assert status == 1
    assert out.splitlines() == [
        f"{KO}:{n}:1: error: unbalanced `**` or `__` (odd count)",
        f"{KO}:{n}:{text.index('`') + 1}: error: inline code '`Get-Mailbox`' is not in English line {n}",
        f"{KO}:{n}:{text.index('5.7') + 1}: error: error code '5.7.24' is not in English line {n}",
    ]


def test_untranslated_and_empty_lines(pages: tuple[Path, Path], sxs: Run) -> None:
    ko, en = pages
    n = find_line(ko, "Microsoft support가")
    replace_line(ko, n, line(en, n))
    status, out, _ = sxs("check")
    assert (status, out) == (0, f"{KO}:{n}:1: warning: same as English line {n}: not translated\n")


def test_lines_the_english_page_says_are_korean_are_not_untranslated(
    pages: tuple[Path, Path], sxs: Run
) -> None:
    """A YAML page's Korean-only Markdown sits in `<div lang="ko" markdown>` on both pages (the
    same wordy line on both pages is what the rule looks for)."""
    ko, en = pages
    n = find_line(ko, "Microsoft support가")
    same = line(en, n)
    for page in (ko, en):
        replace_line(page, n, same)
        insert_line(page, n - 1, '<div lang="ko" markdown>')
        insert_line(page, n + 1, "</div>")
    assert sxs("check")[:2] == (0, "")
    for page in (ko, en):  # another language's block is no excuse
        replace_line(page, n, '<div lang="ja" markdown>')
    assert sxs("check")[:2] == (0, f"{KO}:{n + 1}:1: warning: same as English line {n + 1}: not translated\n")


def test_front_matter(pages: tuple[Path, Path], sxs: Run) -> None:
    ko, en = pages
    replace_line(ko, find_line(ko, "title:"), "title: ")
    sha = find_line(en, "source_sha256:")
    replace_line(en, sha, "source_sha256: 0000")
    status, out, _ = sxs("check")
    assert status == 1
    assert out.splitlines() == [
        f"{KO}:2:1: error: no title",
        f"{KO}:{sha}:1: error: provenance `source_sha256` differs from the English page",
    ]


def test_missing_path(sxs: Run, tmp_path: Path) -> None:
    assert sxs("check", str(tmp_path / "nowhere")) == (
        2,
        "",
        f"{tmp_path / 'nowhere'}:0:0: error: no such file or folder\n",
    )


def test_shape_of_lines() -> None:
    assert shape("    - **Step** one").signature == ("item", "    -", "", "")
    assert shape("2.  Click").signature == shape("2. 클릭").signature
    assert shape("## Title {#t}").suffix == " {#t}"
    assert shape('!!! note "참고"').text == "참고"
    assert shape("|a|b|c|").detail == "3" and cells("| a `x|y` | b \\| c |") == 2
    assert shape("---").kind == "break" and shape("|:--|--:|").kind == "table-sep"
    assert shape('    === "Windows 10"').text == "Windows 10" and shape('=== "A"').suffix == '"'
    assert shape("/// html | div.checklist").kind == "block" and shape("    ///").kind == "block"


def test_protected_tokens() -> None:
    found = [
        (t.kind, t.value)
        for t in protected(
            "See [docs](https://a.example/x) and https://b.example/y를 `code` <user name> 0x8004FC12 at 10:30."  # noqa: E501
        )
    ]
    assert found == [
        ("inline code", "`code`"),
        ("link target", "https://a.example/x"),
        ("URL", "https://b.example/y"),
        ("HTML tag or placeholder", "<user name>"),
        ("error code", "0x8004FC12"),
        ("number", "10:30"),
    ]


def test_what_translation_may_change_in_protected_tokens() -> None:
    """Seen on mixed reality's Korean pages: a translated link title, a URL the translation tool glued
    to the word before it, an inline tag moved to the start of the line."""
    ko = protected('<a href="t.md" title="MR 및 Azure 301">301</a> 릴리스 정보https://x.example/notes')
    en = protected('<a href="t.md" title="MR and Azure 301">301</a> release notes https://x.example/notes')
    assert (
        [(t.kind, t.value) for t in ko]
        == [(t.kind, t.value) for t in en]
        == [
            ("URL", "https://x.example/notes"),
            ("HTML tag or placeholder", '<a href="t.md" title="…">'),
            ("HTML tag or placeholder", "</a>"),
            ("number", "301"),
        ]
    )
    assert protected('<a href="u.md" title="x">')[0].value != protected('<a href="t.md" title="x">')[0].value
    assert shape('<a href="t.md">SpatialLocator</a> 클래스를 사용하여').kind == "text"
    assert shape('<div class="x">').kind == shape("<!-- note -->").kind == shape("</table>").kind == "html"


def test_lines_inside_html_comments() -> None:
    lines = [
        "a",
        "<!-- ## Team",
        '<table style="x">',
        "-->",
        "<!-- one -->",
        '<!-- a --> <b style="y">',
        "x <!--",
        "-->",
    ]
    assert sorted(commented(lines)) == [1, 2, 3, 4, 7]


def test_markup_commented_out_is_not_runnable(pages: tuple[Path, Path], sxs: Run) -> None:
    n = find_line(pages[0], "Microsoft support가")
    for page in pages:
        insert_line(page, n, "<!--")
        insert_line(page, n + 1, '<table style="border-collapse:collapse"><tr><td>x</td></tr></table>')
        insert_line(page, n + 2, "-->")
    assert sxs("check")[:2] == (0, "")


def test_link_targets_with_parentheses_in_linear_time() -> None:
    """Unclosed `](` runs made the link-target pattern backtrack: 800 of them took 11 s, a page minutes."""
    assert [
        t.value for t in protected("[a](https://x.example/a_(b)_c) [d](e(f)g)") if t.kind == "link target"
    ] == [
        "https://x.example/a_(b)_c",
        "e(f)g",
    ]
    hostile = "[![x](" * 2000
    start = time.perf_counter()
    protected(hostile)
    emphasis_marks(hostile)
    assert time.perf_counter() - start < 2


def test_one_changed_page_is_checked_with_its_pair(pages: tuple[Path, Path], sxs: Run) -> None:
    ko, en = pages
    assert sxs("check", KO)[:2] == (0, "")
    n = find_line(en, "Microsoft support may")
    replace_line(en, n, "Microsoft support (`aka.ms/help`) may not be able to assist further.")
    status, out, _ = sxs("check", EN)  # what a pre-commit hook passes: the changed file only
    assert (status, out) == (
        1,
        f"{KO}:{n}:1: error: inline code '`aka.ms/help`' of English line {n} is missing\n",
    )


def test_pre_commit_hook_runs_sxs_check() -> None:
    import yaml
    from sxs.cli import COMMANDS

    hooks = yaml.safe_load((ROOT / ".pre-commit-hooks.yaml").read_text(encoding="utf-8"))
    assert [h["id"] for h in hooks] == ["sxs-check"]
    hook = hooks[0]
    assert hook["entry"] == "sxs check" and hook["language"] == "python" and "check" in COMMANDS
    assert re.search(hook["files"], KO) and not re.search(hook["files"], "tools/sxs/check.py")


def test_emphasis_marks() -> None:
    from sxs.pages.skeleton import emphasis_marks

    assert emphasis_marks(r"\*\*사용자 추가**를 클릭") == (1, 0)  # escaped marks do not count
    assert emphasis_marks("a *b* snake_case `x*y` c") == (0, 2)
    assert emphasis_marks("[x](https://a.example/#__toc) https://b.example/a_b_") == (0, 0)


def test_the_converters_own_markup_is_not_runnable(sxs: Run) -> None:
    """The click-to-play video (a <button>, no src until clicked) and kept tags pass."""
    status, out, _ = sxs("check", str(ROOT / "tests" / "fixtures" / "converter" / "blocks" / "expected"))
    assert "sxs-video" in (ROOT / "tests/fixtures/converter/blocks/expected/blocks.ko.md").read_text(
        encoding="utf-8"
    )
    assert "could run" not in out


@pytest.mark.parametrize("broken", ["--- x", "..."])
def test_unreadable_english_page_is_named_not_called_missing(
    pages: tuple[Path, Path], sxs: Run, broken: str
) -> None:
    """A damaged closing `---` on the English page: say so there, not that the page is missing."""
    _, en = pages
    lines = en.read_text(encoding="utf-8").split("\n")
    closing = lines.index("---", 1)
    replace_line(en, closing + 1, broken)
    status, out, _ = sxs("check")
    assert status == 1
    assert out.splitlines() == [f"{EN}:1:1: error: front matter is not closed by a '---' line"]


def test_english_page_without_provenance_is_named(pages: tuple[Path, Path], sxs: Run) -> None:
    _, en = pages
    n = find_line(en, "source_path:")
    replace_line(en, n, "source: antispam-5-7-23.md")
    status, out, _ = sxs("check")
    assert status == 1
    assert out.splitlines() == [
        f"{EN}:1:1: error: no `source_path` in its front matter; the page is not paired"
    ]


def test_page_saved_with_bom_and_crlf_is_read_like_mkdocs_reads_it(
    pages: tuple[Path, Path], sxs: Run
) -> None:
    """Windows editors (Notepad) save UTF-8 with a BOM and CRLF; MkDocs reads such a page as usual."""
    ko, _ = pages
    ko.write_bytes(b"\xef\xbb\xbf" + ko.read_text(encoding="utf-8").replace("\n", "\r\n").encode("utf-8"))
    status, out, err = sxs("check")
    assert (status, out) == (0, "")
    assert SUMMARY.match(err) and SUMMARY.match(err).groups() == ("0", "0")  # type: ignore[union-attr]


def test_pipes_outside_a_table_are_text(pages: tuple[Path, Path], sxs: Run) -> None:
    """Without a separator row Python-Markdown makes no table: a line ending in `|` is a paragraph's text
    (the corpus's focused-inbox-in-outlook has such a machine translation)."""
    ko, en = pages
    n = find_line(ko, "Microsoft support가")
    replace_line(ko, n, "Microsoft support가 | 더 이상 지원 하지 않을 수 있습니다. |")
    assert sxs("check")[:2] == (0, "")
    insert_line(ko, n - 1, "|---|---|")
    insert_line(en, n - 1, "|---|---|")
    status, out, _ = sxs("check")
    assert status == 1
    assert out == (
        f"{KO}:{n + 1}:1: error: skeleton differs from English line {n + 1}: "
        "text indented 0 there, a table row of 2 cells here\n"
    )


def test_text_the_english_page_declares_korean_is_no_translation_unit(tmp_path: Path, sxs: Run) -> None:
    """A YAML page's text exists in Korean only; its English page marks it so (lang="ko"): nothing to
    export to translators, nothing to count as stale."""
    from translate.storage import po

    faq = ROOT / "tests" / "fixtures" / "converter" / "yaml-faq" / "expected"
    assert sxs("export", str(faq), "--format", "po", "--out", str(tmp_path))[0] == 0
    for path in tmp_path.glob("*.po"):
        for unit in po.pofile.parsefile(str(path)).units:
            assert not re.search("[가-힣]", str(unit.source)), (path.name, unit.source)
    # payout-faq: English left untranslated on the Korean page is still for translators
    assert sorted(p.name for p in tmp_path.glob("*.po")) == ["chip-intro.ko.po", "payout-faq.ko.po"]
