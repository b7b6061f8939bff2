"""Units of a machine-translated article (`ms.translationtype: MT`, as the seed is) are marked so in
every export format, read back with translate-toolkit's own readers; a translator's edit still imports."""

from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path

import pytest
from contrib_helpers import KEY, Run, find_line, git, line, replace_line
from translate.storage import po, tmx, xliff

ARTICLE = "antispam-5-7-23"
UNITS = 7  # translatable lines of the seed
MT_NOTE = "machine translation (ms.translationtype: MT)"
EXT = {"po": "po", "xliff": "xlf", "tmx": "tmx"}
STALE_NOTE = "stale: the English line changed after this translation; review it"


def xliff_target(unit: xliff.xliffunit) -> dict[str, str]:
    return dict(unit.getlanguageNode(lang=None, index=1).attrib)


def tmx_children(unit: tmx.tmxunit) -> list[tuple[str, str, str]]:
    """(tag, type attribute, text) of the TU's children, in document order."""
    out = []
    for child in unit.xmlelement:
        tag = child.tag.rsplit("}", 1)[-1]
        out.append((tag, child.get("type", ""), (child.text or "").strip() if tag != "tuv" else ""))
    return out


def make_human(ko: Path) -> None:
    n = find_line(ko, "ms.translationtype:")
    assert line(ko, n) == "ms.translationtype: MT"
    replace_line(ko, n, "ms.translationtype: HT")


def upstream_change(repo: Path, en: Path) -> int:
    n = find_line(en, "Make note of the detailed")
    replace_line(en, n, "Write down the detailed external error available in the bounce message.")
    git(repo, "commit", "-q", "-am", "upstream change")
    return n


def test_po_units_carry_an_automatic_comment(
    repo: Path, pages: tuple[Path, Path], tmp_path: Path, sxs: Run
) -> None:
    """Not `fuzzy`: msgfmt would drop the units and import-translations would skip them."""
    n = upstream_change(repo, pages[1])
    assert sxs("export", "--format", "po", "--out", str(tmp_path))[0] == 0
    path = tmp_path / f"{KEY}.ko.po"
    units = [u for u in po.pofile.parsefile(str(path)).units if not u.isheader()]
    assert len(units) == UNITS
    notes = {u.getcontext(): (u.getnotes("developer"), u.isfuzzy()) for u in units}
    stale = f"{KEY}:{n}"
    assert notes.pop(stale) == (f"{MT_NOTE}\n{STALE_NOTE}", True)
    assert set(notes.values()) == {(MT_NOTE, False)}
    assert f"#. {MT_NOTE}\n" in path.read_text(encoding="utf-8")
    if shutil.which("msgfmt") is None:
        pytest.skip("msgfmt (Debian package gettext) is not installed")
    check = subprocess.run(
        ["msgfmt", "--check", "--statistics", "-o", "/dev/null", str(path)],
        capture_output=True,
        text=True,
        env={**os.environ, "LC_ALL": "C", "LANGUAGE": ""},
    )
    assert (check.returncode, check.stderr) == (
        0,
        f"{UNITS - 1} translated messages, 1 fuzzy translation.\n",
    )


def test_xliff_targets_are_mt_suggestions(
    repo: Path, pages: tuple[Path, Path], tmp_path: Path, sxs: Run
) -> None:
    """state-qualifier="mt-suggestion" says where the text came from; `state` stays as it was."""
    n = upstream_change(repo, pages[1])
    assert sxs("export", "--format", "xliff", "--out", str(tmp_path))[0] == 0
    units = xliff.xlifffile.parsefile(str(tmp_path / f"{KEY}.ko.xlf")).units
    assert len(units) == UNITS
    by_key = {u.getid().rsplit("\x04", 1)[-1]: u for u in units}
    stale = by_key.pop(f"{KEY}:{n}")
    assert xliff_target(stale) == {"state": "needs-review-translation", "state-qualifier": "mt-suggestion"}
    assert stale.isfuzzy() and not stale.isapproved()
    for unit in by_key.values():
        assert xliff_target(unit) == {"state": "translated", "state-qualifier": "mt-suggestion"}
        assert unit.isapproved() and not unit.isfuzzy()


def test_tmx_units_carry_a_translationtype_prop(repo: Path, tmp_path: Path, sxs: Run) -> None:
    assert sxs("export", "--format", "tmx", "--out", str(tmp_path))[0] == 0
    units = tmx.tmxfile.parsefile(str(tmp_path / f"{KEY}.ko.tmx")).units
    assert len(units) == UNITS
    for unit in units:
        # TMX 1.4: (note|prop)*, then tuv+
        assert tmx_children(unit) == [
            ("note", "", unit.getnotes()),
            ("prop", "x-translationtype", "MT"),
            ("tuv", "", ""),
            ("tuv", "", ""),
        ]
        assert unit.getnotes().startswith(f"{KEY}:")
        assert unit.getcontext() == ""  # the prop is not taken for an x-context


@pytest.mark.parametrize("fmt", ["po", "xliff", "tmx"])
def test_human_translation_is_not_marked(
    pages: tuple[Path, Path], tmp_path: Path, sxs: Run, fmt: str
) -> None:
    make_human(pages[0])
    assert sxs("export", "--format", fmt, "--out", str(tmp_path))[0] == 0
    path = tmp_path / f"{KEY}.ko.{EXT[fmt]}"
    text = path.read_text(encoding="utf-8")
    assert "mt-suggestion" not in text and MT_NOTE not in text and "x-translationtype" not in text
    if fmt == "po":
        units = [u for u in po.pofile.parsefile(str(path)).units if not u.isheader()]
        assert len(units) == UNITS and all(u.getnotes("developer") == "" for u in units)
    elif fmt == "xliff":
        units = xliff.xlifffile.parsefile(str(path)).units
        assert len(units) == UNITS and all(xliff_target(u) == {"state": "translated"} for u in units)
    else:
        units = tmx.tmxfile.parsefile(str(path)).units
        assert len(units) == UNITS and all(
            [tag for tag, _, _ in tmx_children(u)] == ["note", "tuv", "tuv"] for u in units
        )


@pytest.mark.parametrize("fmt,ext", [("po", "po"), ("xliff", "xlf")])
def test_edited_mt_unit_is_imported(
    pages: tuple[Path, Path], tmp_path: Path, sxs: Run, fmt: str, ext: str
) -> None:
    ko, _ = pages
    assert sxs("export", "--format", fmt, "--out", str(tmp_path))[0] == 0
    path = tmp_path / f"{KEY}.ko.{ext}"
    n = find_line(ko, "Microsoft support가")
    new = "Microsoft 지원 팀이 더 이상 도와드리지 못할 수 있습니다."
    store = po.pofile.parsefile(str(path)) if fmt == "po" else xliff.xlifffile.parsefile(str(path))
    for unit in store.units:
        ident = unit.getcontext() if fmt == "po" else unit.getid()
        if ident.endswith(f"{KEY}:{n}"):
            if fmt == "po":
                assert unit.getnotes("developer") == MT_NOTE
            else:
                assert xliff_target(unit)["state-qualifier"] == "mt-suggestion"
            unit.target = new
            break
    else:
        raise AssertionError(f"no unit {ARTICLE}:{n}")
    path.write_bytes(bytes(store))
    status, out, err = sxs("import-translations", str(path))
    assert (status, out, err) == (0, f"1 applied, {UNITS - 1} unchanged; 1 pages changed\n", "")
    assert line(ko, n) == new
