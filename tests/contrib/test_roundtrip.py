"""Export, edit one unit in a translation tool's format, import it back: only that Korean line changes."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest
from contrib_helpers import KEY, SEED, Run, find_line, git, line, replace_line
from sxs.pages.frontmatter import is_edited, read_meta
from translate.storage import po, tmx, xliff

KO = "docs/articles/antispam-5-7-23.ko.md"
UNITS = 7  # translatable lines of the seed: the H1 and six sentences


def edit_unit(store: object, key: str, target: str, clear_fuzzy: bool = False) -> None:
    for unit in store.units:  # type: ignore[attr-defined]
        ident = unit.getcontext() if isinstance(unit, po.pounit) else unit.getid()
        if ident.endswith(key):
            unit.target = target
            if clear_fuzzy:
                unit.markfuzzy(False)
            return
    raise AssertionError(f"no unit {key}")


def test_po_opens_in_gettext_and_translate_toolkit(repo: Path, tmp_path: Path, sxs: Run) -> None:
    status, out, _ = sxs("export", "--format", "po", "--out", str(tmp_path / "po"))
    assert (status, out) == (0, f"{UNITS} units of 1 articles written to {tmp_path / 'po'}/\n")
    path = tmp_path / "po" / "articles" / "antispam-5-7-23.ko.po"
    if shutil.which("msgfmt") is None:
        pytest.skip("msgfmt (Debian package gettext) is not installed")
    check = subprocess.run(
        ["msgfmt", "--check", "-o", "/dev/null", str(path)], capture_output=True, text=True
    )
    assert (check.returncode, check.stderr) == (0, "")
    store = po.pofile.parsefile(str(path))
    units = [u for u in store.units if not u.isheader()]
    assert len(units) == UNITS
    ko = repo / KO
    n = find_line(ko, "바운스 메시지에서")
    unit = next(u for u in units if u.getcontext() == f"{KEY}:{n}")
    assert unit.source == "Make note of the detailed external error available in the bounce message."
    assert unit.target == line(ko, n)
    assert unit.getlocations() == [f"docs/articles/antispam-5-7-23.en.md:{n}"]
    assert not unit.isfuzzy()


def test_xliff_and_tmx_open_in_translate_toolkit(repo: Path, tmp_path: Path, sxs: Run) -> None:
    assert sxs("export", "--format", "xliff", "--out", str(tmp_path))[0] == 0
    assert sxs("export", "--format", "tmx", "--out", str(tmp_path))[0] == 0
    xlf = xliff.xlifffile.parsefile(str(tmp_path / "articles" / "antispam-5-7-23.ko.xlf"))
    assert (xlf.sourcelanguage, xlf.targetlanguage) == ("en", "ko")
    assert len(xlf.units) == UNITS and all(u.isapproved() and not u.isfuzzy() for u in xlf.units)
    tm = tmx.tmxfile.parsefile(str(tmp_path / "articles" / "antispam-5-7-23.ko.tmx"))
    heading = repo / KO
    h1 = find_line(heading, "# ")
    assert [u.source for u in tm.units][0] == "Fix email delivery issues for error code 5.7.23"
    assert tm.units[0].target == line(heading, h1)[2 : line(heading, h1).index(" {#")]


def test_stale_line_is_fuzzy(repo: Path, pages: tuple[Path, Path], tmp_path: Path, sxs: Run) -> None:
    ko, en = pages
    n = find_line(en, "Make note of the detailed")
    replace_line(en, n, "Write down the detailed external error available in the bounce message.")
    git(repo, "commit", "-q", "-am", "upstream change")
    assert sxs("export", "--format", "po", "--out", str(tmp_path))[0] == 0
    assert sxs("export", "--format", "xliff", "--out", str(tmp_path))[0] == 0
    fuzzy = [
        u.getcontext()
        for u in po.pofile.parsefile(str(tmp_path / "articles" / "antispam-5-7-23.ko.po")).units
        if u.isfuzzy()
    ]
    assert fuzzy == [f"{KEY}:{n}"]
    review = [
        u.getid()
        for u in xliff.xlifffile.parsefile(str(tmp_path / "articles" / "antispam-5-7-23.ko.xlf")).units
        if u.isfuzzy()
    ]
    assert [r.rsplit("\x04", 1)[-1] for r in review] == [f"{KEY}:{n}"]


def test_markup_only_lines_are_no_units(pages: tuple[Path, Path], tmp_path: Path, sxs: Run) -> None:
    """A line like the seed's `<div data-spf-checker></div>` has nothing to translate."""
    for page in pages:
        lines = page.read_text(encoding="utf-8").split("\n")
        at = lines.index("", lines.index("---", 1) + 2)
        lines[at:at] = ["", "<div data-spf-checker></div>"]
        page.write_text("\n".join(lines), encoding="utf-8")
    assert sxs("check")[0] == 0
    status, out, _ = sxs("export", "--format", "po", "--out", str(tmp_path))
    assert (status, out) == (0, f"{UNITS} units of 1 articles written to {tmp_path}/\n")
    assert f"{UNITS} translatable lines" in sxs("stale")[1]


def test_stale_line_stays_out_of_the_translation_memory(
    repo: Path, pages: tuple[Path, Path], tmp_path: Path, sxs: Run
) -> None:
    """A TM offers its pairs as matches: the new English with the outdated Korean would come back as
    a 100% match for that very sentence, and a TMX note does not stop a CAT tool from using it."""
    ko, en = pages
    n = find_line(en, "Make note of the detailed")
    new_english = "Write down the detailed external error available in the bounce message."
    replace_line(en, n, new_english)
    git(repo, "commit", "-q", "-am", "upstream change")
    status, out, _ = sxs("export", "--format", "tmx", "--out", str(tmp_path))
    assert (status, out) == (0, f"{UNITS - 1} units of 1 articles written to {tmp_path}/\n")
    tm = tmx.tmxfile.parsefile(str(tmp_path / "articles" / "antispam-5-7-23.ko.tmx"))
    assert new_english not in [u.source for u in tm.units] and len(tm.units) == UNITS - 1


@pytest.mark.parametrize("fmt,ext", [("po", "po"), ("xliff", "xlf")])
def test_import_changes_only_the_edited_line(
    repo: Path, pages: tuple[Path, Path], tmp_path: Path, sxs: Run, fmt: str, ext: str
) -> None:
    ko, en = pages
    before = ko.read_text(encoding="utf-8").split("\n")
    en_before = en.read_text(encoding="utf-8")
    assert sxs("export", "--format", fmt, "--out", str(tmp_path))[0] == 0
    path = tmp_path / "articles" / f"antispam-5-7-23.ko.{ext}"
    store = po.pofile.parsefile(str(path)) if fmt == "po" else xliff.xlifffile.parsefile(str(path))
    n = find_line(ko, "Microsoft support가")
    edit_unit(store, f"{KEY}:{n}", "Microsoft 지원 팀이 더 이상 도와드리지 못할 수 있습니다.")
    path.write_bytes(bytes(store))

    status, out, err = sxs("import-translations", str(path))
    assert (status, out, err) == (0, f"1 applied, {UNITS - 1} unchanged; 1 pages changed\n", "")
    after = ko.read_text(encoding="utf-8").split("\n")
    changed = [i + 1 for i, (a, b) in enumerate(zip(before, after, strict=True)) if a != b]
    assert changed == [n] and len(after) == len(before)
    assert after[n - 1] == "Microsoft 지원 팀이 더 이상 도와드리지 못할 수 있습니다."
    assert en.read_text(encoding="utf-8") == en_before
    assert sxs("check")[0] == 0
    # page_hash is left alone: the page counts as edited, and a re-import keeps it
    assert is_edited(ko.read_text(encoding="utf-8"))
    status, out, err = sxs("import", str(SEED), "--out", "docs/articles", "--progress", "never")
    assert (status, err) == (0, "")
    assert ko.read_text(encoding="utf-8").split("\n") == after


def test_heading_unit_updates_the_title(pages: tuple[Path, Path], tmp_path: Path, sxs: Run) -> None:
    ko, _ = pages
    assert sxs("export", "--format", "po", "--out", str(tmp_path))[0] == 0
    path = tmp_path / "articles" / "antispam-5-7-23.ko.po"
    store = po.pofile.parsefile(str(path))
    h1 = find_line(ko, "# ")
    edit_unit(store, f"{KEY}:{h1}", "오류 코드 5.7.23의 메일 배달 문제 해결")
    path.write_bytes(bytes(store))
    assert sxs("import-translations", str(path))[0] == 0
    assert (
        line(ko, h1)
        == "# 오류 코드 5.7.23의 메일 배달 문제 해결 {#fix-email-delivery-issues-for-error-code-5723}"
    )
    assert read_meta(ko.read_text(encoding="utf-8"))["title"] == "오류 코드 5.7.23의 메일 배달 문제 해결"


def test_unit_whose_english_changed_is_refused(
    repo: Path, pages: tuple[Path, Path], tmp_path: Path, sxs: Run
) -> None:
    ko, en = pages
    assert sxs("export", "--format", "po", "--out", str(tmp_path))[0] == 0
    path = tmp_path / "articles" / "antispam-5-7-23.ko.po"
    store = po.pofile.parsefile(str(path))
    a = find_line(ko, "높은 위험 배달 풀의")
    b = find_line(ko, "Microsoft support가")
    edit_unit(store, f"{KEY}:{a}", "고위험 배달 풀의 메시지는 SPF 검사를 통과하지 못합니다.")
    edit_unit(
        store,
        f"{KEY}:{b}",
        "[링크](https://example.org) Microsoft 지원 팀이 도와드리지 못할 수 있습니다.",
    )
    path.write_bytes(bytes(store))
    replace_line(en, a, "Messages in the high-risk delivery pool fail SPF checks.")
    before = ko.read_text(encoding="utf-8")

    status, out, err = sxs("import-translations", str(path))
    assert status == 1
    assert err.splitlines() == [
        f"{KO}:{a}:1: error: unit {KEY}:{a} of {path} refused: its English source no longer matches "  # noqa: E501
        f"English line {a}",
        f"{KO}:{b}:{len('[링크](') + 1}: error: unit {KEY}:{b} of {path} refused: link target "
        f"'https://example.org' is not in English line {b}",
    ]
    assert out == f"2 refused, {UNITS - 2} unchanged; 0 pages changed\n"
    assert ko.read_text(encoding="utf-8") == before


def test_fuzzy_units_wait_for_review(repo: Path, pages: tuple[Path, Path], tmp_path: Path, sxs: Run) -> None:
    ko, en = pages
    n = find_line(en, "Make note of the detailed")
    replace_line(en, n, "Write down the detailed external error available in the bounce message.")
    git(repo, "commit", "-q", "-am", "upstream change")
    assert sxs("export", "--format", "po", "--out", str(tmp_path))[0] == 0
    path = tmp_path / "articles" / "antispam-5-7-23.ko.po"
    store = po.pofile.parsefile(str(path))
    edit_unit(store, f"{KEY}:{n}", "반송 메시지에 있는 자세한 외부 오류를 적어 두세요.")
    path.write_bytes(bytes(store))
    assert (
        sxs("import-translations", str(path))[1]
        == f"1 fuzzy, skipped, {UNITS - 1} unchanged; 0 pages changed\n"
    )
    edit_unit(store, f"{KEY}:{n}", "반송 메시지에 있는 자세한 외부 오류를 적어 두세요.", clear_fuzzy=True)
    path.write_bytes(bytes(store))
    assert sxs("import-translations", str(path))[1] == f"1 applied, {UNITS - 1} unchanged; 1 pages changed\n"
    assert line(ko, n) == "반송 메시지에 있는 자세한 외부 오류를 적어 두세요."
    assert "0 stale (0.0%)" in sxs("stale")[1]


def test_unreadable_file(repo: Path, tmp_path: Path, sxs: Run) -> None:
    bad = tmp_path / "bad.xlf"
    bad.write_text("<xliff><oops", encoding="utf-8")
    status, out, err = sxs("import-translations", str(bad))
    assert status == 1
    assert err.startswith(f"{bad}:0:0: error: cannot read it as PO or XLIFF: ")


def test_missing_file_is_an_error(repo: Path, tmp_path: Path, sxs: Run) -> None:
    # translate-toolkit hands back an empty store for a path that does not exist:
    # a mistyped name must not pass as "no units", exit 0.
    missing = tmp_path / "articles" / "antispam-5-7-23.ko.po.typo"
    status, out, err = sxs("import-translations", str(missing))
    assert status == 1
    assert err == f"{missing}:0:0: error: no such file\n"
    assert out == "1 unreadable files; 0 pages changed\n"
