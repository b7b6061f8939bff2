"""The navigation's HTML (tools/sxs/site/navigation_html.py): rendered in Python as Material's
macros render it, and squeezed.

The site of test_navigation.py (the golden case `tocs`: two documentation sets and a folder with a
table of contents, and the seed article) is built twice: with the site's partials/nav.html, whose
items navigation_html.py renders, and with Material's own, whose nav-item.html macros render them.
Every page must come out the same, byte for byte. In the first build Material's macros are replaced
by a marker, so a page the Python rendering left to them would show it.
"""

from __future__ import annotations

from pathlib import Path
from types import SimpleNamespace

import pytest
from hypothesis import given
from hypothesis import strategies as st
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import File, Files
from mkdocs.structure.nav import get_navigation
from mkdocs.utils import normalize_url
from sites import ROOT, build_site, site_copy
from sxs.site.navigation_html import SITE_PATH, NavigationItems, _Rendering, squeezed

TOCS = ROOT / "tests" / "fixtures" / "converter" / "tocs" / "expected"
MATERIAL_NAV = Path(__import__("material").__file__).parent / "templates" / "partials" / "nav.html"
MARKER = "MATERIAL-NAV-ITEM-MACRO"
FEATURES = "    - navigation.indexes\n    - navigation.prune\n"
# A page with a subtitle and a status (Material's page metadata), for the variant that has them.
FLAGGED = "guide/develop/unity/setup.ko.md"
# Headings for its table of contents, in both languages: nested, and titles with markup and quotes.
HEADINGS = (
    "\n## `Get-Item` &amp; <b>bold</b> \"quoted\" 'single'\n\n### First child\n\n#### Grandchild\n\n"
    "### Second child\n\n## Last\n"
)


def tocs_site(root: Path, features: str, flagged: bool) -> Path:
    site_copy(root, TOCS, with_seed=True)
    for lang in ("ko", "en"):
        page = root / "docs" / "articles" / FLAGGED.replace(".ko.", f".{lang}.")
        page.write_text(page.read_text(encoding="utf-8") + HEADINGS, encoding="utf-8")
    config = (root / "mkdocs.yml").read_text(encoding="utf-8")
    assert FEATURES in config
    config = config.replace(FEATURES, features)
    if flagged:
        config = config.replace("extra:\n", 'extra:\n  status:\n    new: "Added <this> month"\n', 1)
        page = root / "docs" / "articles" / FLAGGED
        text = page.read_text(encoding="utf-8")
        page.write_text(
            text.replace("---\n", "---\nsubtitle: Unity 2021\nstatus: new\n", 1), encoding="utf-8"
        )
    (root / "mkdocs.yml").write_text(config, encoding="utf-8")
    return root


def pages(site: Path) -> dict[str, str]:
    return {
        p.relative_to(site).as_posix(): squeezed(p.read_text(encoding="utf-8")) for p in site.rglob("*.html")
    }


@pytest.mark.parametrize(
    ("features", "flagged"),
    [(FEATURES, False), ("    - navigation.indexes\n", True)],
    ids=["indexes-pruned", "indexes-subtitle-status"],
)
def test_python_navigation_is_materials_byte_for_byte(tmp_path: Path, features: str, flagged: bool) -> None:
    ours = tocs_site(tmp_path / "ours", features, flagged)
    (ours / "overrides" / "partials" / "nav-item.html").write_text(
        f"{{% macro render(nav_item, path, level, parent) %}}{MARKER}{{% endmacro %}}\n", encoding="utf-8"
    )
    (ours / "overrides" / "partials" / "toc-item.html").write_text(MARKER, encoding="utf-8")
    materials = tocs_site(tmp_path / "materials", features, flagged)
    (materials / "overrides" / "partials" / "nav.html").unlink()  # Material's own partials and macros
    (materials / "overrides" / "partials" / "toc.html").unlink()

    built = pages(build_site(ours / "site", root=ours))
    expected = pages(build_site(materials / "site", root=materials))

    assert sorted(built) == sorted(expected)
    assert [name for name, html in built.items() if MARKER in html] == []
    assert [name for name in expected if built[name] != expected[name]] == []
    setup = built["articles/guide/develop/unity/setup/index.html"]
    assert (
        'md-nav__item--active"><input class="md-nav__toggle md-toggle" type="checkbox" id="__toc">' in setup
    )
    heading = '<nav class="md-nav" aria-label="Get-Item &amp; bold &#34;quoted&#34; &#39;single&#39;">'
    assert setup.count(heading) == 2  # in both sidebars
    assert setup.count('<span class="md-ellipsis"> Grandchild </span>') == 2
    if flagged:
        assert (
            '<br><small>Unity 2021</small></span><span class="md-status md-status--new" '
            'title="Added <this> month"></span>'
        ) in built["articles/guide/develop/unity/tutorial-01/index.html"]


def test_a_feature_it_does_not_render_leaves_the_items_to_materials_macros(tmp_path: Path) -> None:
    ours = tocs_site(tmp_path / "ours", FEATURES + "    - navigation.sections\n", flagged=False)
    (ours / "overrides" / "partials" / "nav-item.html").write_text(
        f"{{% macro render(nav_item, path, level, parent) %}}{MARKER}{{% endmacro %}}\n", encoding="utf-8"
    )
    built = pages(build_site(ours / "site", root=ours))
    assert MARKER in built["articles/guide/develop/unity/setup/index.html"]


def test_the_sidebars_have_no_template_white_space() -> None:
    sidebar = '<div class="md-sidebar md-sidebar--primary">'
    toc = '<div class="md-sidebar md-sidebar--secondary">'
    rest = '<div class="md-content">\n  <pre>  kept  </pre></div>'
    page = (
        f'<main>{sidebar}\n  <nav>\n    <a href="x/">\n      <span class="md-ellipsis">\n'
        f"        시작\n        하기\n      </span>\n    </a>\n  </nav>\n</div>\n{toc}\n  <nav>\n"
        f"    <label>\n      목차\n    </label>\n  </nav>\n</div>\n{rest}</main>"
    )
    item = '<a href="x/"><span class="md-ellipsis"> 시작 하기 </span></a>'
    assert (
        squeezed(page)
        == f"<main>{sidebar}<nav>{item}</nav></div>{toc}<nav><label> 목차 </label></nav></div>\n{rest}</main>"
    )


def test_without_the_plugin_the_table_of_contents_is_materials() -> None:
    ours = (ROOT / "overrides" / "partials" / "toc.html").read_text(encoding="utf-8")
    materials = (MATERIAL_NAV.parent / "toc.html").read_text(encoding="utf-8")
    fallback = ours.split("{% else %}\n", 1)[1].rsplit("{% endif %}", 1)[0]
    assert fallback == materials[materials.index("<nav") :]
    assert materials[: materials.index("<nav")].endswith(
        ours.split("{% if sxs_table_of_contents", 1)[0].split("-#}\n", 1)[1]
    )


PART = st.sampled_from(
    ["a", "b", "en", "x.html", "index.md", ".", "..", "", "c:d", "#top", "q?x", "w\\v", "https:"]
)
PATH = st.lists(PART, max_size=5).map("/".join)


@given(page=PATH, target=PATH)
def test_a_links_url_is_mkdocs_normalize_url(page: str, target: str) -> None:
    """The navigation's own relative URLs (for site paths; anything else is left to MkDocs)."""
    rendering = _Rendering(SimpleNamespace(url=page), "unused")
    assert rendering.url(target) == normalize_url(target, page=rendering.page, base="unused")
    base = "/" + page  # a template of its own (404.html): no page, its `base_url`
    assert _Rendering(None, base).url(target) == normalize_url(target, page=None, base=base)


@pytest.mark.parametrize(
    ("page", "target", "expected"),
    [
        ("articles/a/", "articles/b/", "../b/"),
        ("en/articles/a/", "en/", "../../"),
        ("", "articles/a/", "articles/a/"),
        ("articles/a/", "articles/a/", "./"),
        ("en/404.html", "en/articles/a/", "articles/a/"),
    ],
)
def test_site_paths_take_the_short_way(page: str, target: str, expected: str) -> None:
    assert SITE_PATH.fullmatch(target)
    assert _Rendering(SimpleNamespace(url=page), "unused").url(target) == expected


def test_an_item_rendered_once_for_the_pages_beside_each_other_reads_as_rendered_for_each() -> None:
    """Items off a page's way are rendered once per parent folder: `Elsewhere` links to
    guide/sub/x/ as `../guide/sub/x/` from other/, but as `sub/x/` from guide/, its neighbour."""
    pages = ["index.md", "other.md", "guide/index.md", "guide/sub/x.md"]
    config = MkDocsConfig()
    config.load_dict(
        {
            "site_name": "navigation",
            "docs_dir": "docs",
            "nav": [{"Home": "index.md"}, {"Other": "other.md"}, {"Guide": ["guide/index.md"]}]
            + [{"Elsewhere": ["guide/sub/x.md"]}],
        }
    )
    assert config.validate() == ([], [])
    nav = get_navigation(Files([File(page, "docs", "site", True) for page in pages]), config)
    features = ["navigation.indexes", "navigation.prune"]
    shared = NavigationItems(features, {})
    rendered = {}
    for page in nav.pages:
        page.active = True
        alone = NavigationItems(features, {})(nav, page, ".")
        assert shared(nav, page, ".") == alone, page.url
        rendered[page.url] = alone.before + alone.after if alone else ""
        page.active = False
    assert shared.settled  # (the items were rendered once)
    assert 'href="../guide/sub/x/"' in rendered["other/"]
    assert 'href="sub/x/"' in rendered["guide/"]
