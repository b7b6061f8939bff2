"""Template fragments rendered once per language and depth (tools/sxs/site/fragments.py).

The reader fixtures' site is built twice: with the site's templates, and with each `{% cached %}`
block turned into an `{% if true %}` block (the same white space control), which renders its body
for every page. Every file must come out the same, byte for byte. The English pages are all in
`en/`, whose home page the header links to; two pages of the site are in docs/assets/, the folder
of the fragments' scripts, and at the same depth: from assets/search/notes/ the search index is
`../ko/docs.json`, from assets/other/notes/ `../../search/ko/docs.json`.
"""

from __future__ import annotations

import re
from pathlib import Path

from sites import FIXTURES, ROOT, build_site, site_copy, site_files

CACHED = re.compile(r"\{%(-?)\s*cached\b[^%]*?(-?)%\}")
END = re.compile(r"\{%(-?)\s*endcached\s*(-?)%\}")
INSIDE_ASSETS = ("assets/other/notes.md", "assets/search/notes.md")
MATERIAL = Path(__import__("material").__file__).parent / "templates"


def fragments_site(root: Path, cached: bool) -> Path:
    site_copy(root, FIXTURES)
    for page in INSIDE_ASSETS:
        (root / "docs" / page).parent.mkdir(parents=True, exist_ok=True)
        (root / "docs" / page).write_text("# Notes\n\nA page beside the site's scripts.\n", "utf-8")
    if not cached:
        for template in (root / "overrides").rglob("*.html"):
            text = template.read_text(encoding="utf-8")
            text = END.sub(r"{%\1 endif \2%}", CACHED.sub(r"{%\1 if true \2%}", text))
            template.write_text(text, encoding="utf-8")
    return root


def test_cached_fragments_render_as_the_templates_do_byte_for_byte(tmp_path: Path) -> None:
    ours = fragments_site(tmp_path / "ours", cached=True)
    reference = fragments_site(tmp_path / "reference", cached=False)
    overrides = [p.read_text("utf-8") for p in (ours / "overrides").rglob("*.html")]
    assert sum(len(CACHED.findall(text)) for text in overrides) >= 3
    assert not any(CACHED.search(p.read_text("utf-8")) for p in (reference / "overrides").rglob("*.html"))

    built = site_files(build_site(ours / "site", root=ours))
    expected = site_files(build_site(reference / "site", root=reference))

    assert sorted(built) == sorted(expected)
    assert [name for name in expected if built[name] != expected[name]] == []
    article = built["articles/ht-teams-0x80070005/index.html"].decode("utf-8")
    english = built["en/articles/ht-teams-0x80070005/index.html"].decode("utf-8")
    other = built["assets/other/notes/index.html"].decode("utf-8")
    search = built["assets/search/notes/index.html"].decode("utf-8")
    assert 'data-index="../../assets/search/ko/docs.json"' in article
    assert 'data-index="../../../assets/search/en/docs.json"' in english
    assert '<a href="../../" title=' in english  # the header's link home, to en/
    assert 'data-index="../../search/ko/docs.json"' in other
    assert 'data-index="../ko/docs.json"' in search
    assert 'src="../../javascripts/bundle.' in search  # Material's scripts block, read from there too


def test_the_header_is_materials_with_its_fragments_marked() -> None:
    ours = (ROOT / "overrides" / "partials" / "header.html").read_text(encoding="utf-8")
    comment, _, template = ours.partition("-#}\n")
    assert "Material's partials/header.html" in comment
    assert len(CACHED.findall(template)) == len(END.findall(template)) == 3
    unmarked = END.sub("", CACHED.sub("", template))
    assert unmarked == (MATERIAL / "partials" / "header.html").read_text(encoding="utf-8")
