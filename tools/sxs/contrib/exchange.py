"""Translation units of an article pair, and the exchange formats translators use (PO, XLIFF, TMX).

A unit is one aligned line: its English text as source, the translated text as target (the
line's skeleton — indentation, list marker, heading hashes and `{#id}` — is left out: it is
not the translator's), and its location. The key `<article path>:<line>` travels as the PO msgctxt,
the XLIFF trans-unit id and a TMX note, so a file that comes back names the line it belongs to.
The formats are written and read by translate-toolkit, so they open in the usual tools.

Units of a machine-translated article (front matter `ms.translationtype: MT`) are marked the way
each format intends, so a CAT tool or a translation memory does not take raw machine translation
for reviewed human work: XLIFF 1.2 `state-qualifier="mt-suggestion"` on the target (its `state`
unchanged), a PO automatic comment (`#. machine translation (ms.translationtype: MT)`; not the
`fuzzy` flag, which msgfmt drops and import-translations skips), a TMX
`<prop type="x-translationtype">MT</prop>` on the TU.
"""

from __future__ import annotations

import re
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from translate.storage import factory, po, tmx, xliff

from sxs.pages.identity import SOURCE_LANG
from sxs.pages.pairs import Pair
from sxs.pages.skeleton import Shape, has_text, shapes

FORMATS = {"po": ".po", "xliff": ".xlf", "tmx": ".tmx"}
KEY = re.compile(r"(?P<article>[^\s:\x04]+):(?P<line>\d+)$")
STALE_NOTE = "stale: the English line changed after this translation; review it"
MT_NOTE = "machine translation (ms.translationtype: MT)"
MT_QUALIFIER = "mt-suggestion"  # XLIFF 1.2 state-qualifier: the target comes from machine translation
TRANSLATION_TYPE = "x-translationtype"  # TMX <prop type=...> naming MT or HT


@dataclass(frozen=True)
class Unit:
    article: str  # the article's path (pages/identity.py)
    line: int
    source: str
    target: str
    source_path: str
    target_path: str
    stale: bool = False
    machine: bool = False  # the article is machine translated (ms.translationtype: MT)

    @property
    def key(self) -> str:
        return f"{self.article}:{self.line}"


def aligned_shapes(pair: Pair) -> list[tuple[int, Shape, Shape]] | None:
    """(line, translated shape, English shape) of every body line; None when the pair is misaligned."""
    ko, en = pair.target, pair.source
    if ko.front_end != en.front_end or len(ko.lines) != len(en.lines):
        return None
    start = ko.front_end
    return [
        (start + i + 1, k, e)
        for i, (k, e) in enumerate(zip(shapes(ko.lines[start:]), shapes(en.lines[start:]), strict=False))
    ]


def machine_translated(pair: Pair) -> bool:
    """True when the translated page's front matter says `ms.translationtype: MT`."""
    return str(pair.target.meta.get("ms.translationtype") or "").strip().upper() == "MT"


def units(pair: Pair, stale: set[int] | frozenset[int] = frozenset()) -> list[Unit] | None:
    """The units of an aligned pair (lines with text to translate); None when misaligned."""
    lines = aligned_shapes(pair)
    if lines is None:
        return None
    machine = machine_translated(pair)
    declared = pair.declared_translated()
    return [
        Unit(
            pair.key,
            number,
            e.text,
            k.text,
            pair.source.display,
            pair.target.display,
            number in stale,
            machine,
        )
        for number, k, e in lines
        if has_text(e) and k.signature == e.signature and number not in declared
    ]


def build_store(fmt: str, found: list[Unit], target_lang: str, project: str = "sxs") -> Any:
    """A translate-toolkit store of `fmt` holding the units."""
    if fmt == "po":
        store: Any = po.pofile()
        # every header field filled in: `msgfmt --check` warns about the template's defaults
        store.updateheader(
            add=True,
            Project_Id_Version=project,
            Language=target_lang,
            PO_Revision_Date=time.strftime("%Y-%m-%d %H:%M%z"),
            Last_Translator="sxs export",
            Language_Team=target_lang,
            Content_Type="text/plain; charset=UTF-8",
            Content_Transfer_Encoding="8bit",
            X_Source_Language=SOURCE_LANG,
        )
        for unit in found:
            pu = store.addsourceunit(unit.source)
            pu.target = unit.target
            pu.setcontext(unit.key)
            pu.addlocation(f"{unit.source_path}:{unit.line}")
            if unit.machine:
                pu.addnote(MT_NOTE, origin="developer")
            if unit.stale:
                pu.addnote(STALE_NOTE, origin="developer")
                pu.markfuzzy(True)
        return store
    if fmt == "xliff":
        store = xliff.xlifffile(sourcelanguage=SOURCE_LANG, targetlanguage=target_lang)
        for unit in found:
            xu = store.addsourceunit(unit.source)
            xu.target = unit.target
            xu.setid(unit.key)
            xu.addlocation(f"{unit.source_path}:{unit.line}")
            state = "needs-review-translation" if unit.stale else "translated"
            if unit.stale:
                xu.addnote(STALE_NOTE, origin="developer")
            xu.set_state_n(xliff.xliffunit.statemap[state])
            if unit.machine:  # translate-toolkit has no API for state-qualifier
                xu.getlanguageNode(lang=None, index=1).set("state-qualifier", MT_QUALIFIER)
        return store
    if fmt == "tmx":
        store = tmx.tmxfile(sourcelanguage=SOURCE_LANG, targetlanguage=target_lang)
        for unit in found:
            note = f"{unit.key} {STALE_NOTE}" if unit.stale else unit.key
            tu = store.addsourceunit(unit.source, SOURCE_LANG)
            tu.settarget(unit.target, target_lang, append=True)
            tu.addnote(note)
            if unit.machine:  # translate-toolkit writes no <prop> but x-context: (note|prop)*, then tuv+
                prop = tu.xmlelement.makeelement(tu.namespaced("prop"), {"type": TRANSLATION_TYPE})
                prop.text = "MT"
                tuv = tu.xmlelement.find(tu.namespaced(tu.languageNode))
                tu.xmlelement.insert(tu.xmlelement.index(tuv), prop)
        return store
    raise ValueError(f"unknown format {fmt!r}")


@dataclass(frozen=True)
class Returned:
    """A unit read back from a translated file."""

    article: str
    line: int
    source: str
    target: str
    fuzzy: bool
    lang: str | None  # the file's target language, when it names one


def read_store(path: Path) -> list[Returned | str]:
    """The units of a PO or XLIFF file; a string for each unit without a usable location."""
    store = factory.getobject(str(path))
    lang = str(store.gettargetlanguage() or "").strip().lower().replace("_", "-") or None
    out: list[Returned | str] = []
    for unit in store.units:
        if unit.isheader() or not unit.source:
            continue
        ident = unit.getcontext() if isinstance(unit, po.pounit) else unit.getid()  # type: ignore[no-untyped-call]
        m = KEY.search(ident or "")
        if m is None:
            out.append(f"unit {str(unit.source)[:40]!r} has no `<article>:<line>` key; skipped")
            continue
        out.append(
            Returned(
                m["article"],
                int(m["line"]),
                str(unit.source),
                str(unit.target or ""),
                bool(unit.isfuzzy()),
                lang,
            )
        )
    return out
