"""The site's Content-Security-Policy (tools/sxs/site/security.py): the policy itself, the markup it
blocks, every built page carrying it before anything it loads, Material's inline scripts as files
(kept equal to Material's own), and redirect pages without inline script."""

from __future__ import annotations

import re
from pathlib import Path
from types import SimpleNamespace

import material
import pytest
from bs4 import BeautifulSoup
from mkdocs.exceptions import PluginError
from sites import ROOT, site_with_articles
from sxs.site.compress import CompressedCopies
from sxs.site.security import Policy, SecurityPolicy, blocked_markup, header_policy, resolver_sources

MATERIAL_SCRIPTS = Path(material.__file__).parent / "templates" / "partials" / "javascripts"
THEME = ROOT / "docs" / "assets" / "theme"
LINKS = ROOT / "tests" / "fixtures" / "converter" / "docset-links" / "expected"


def test_the_policy() -> None:
    policy = Policy(resolver_sources("https://cloudflare-dns.com/dns-query https://dns.google/dns-query"))
    assert policy.meta == (
        "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; font-src 'self'; "
        "connect-src 'self' https://cloudflare-dns.com/dns-query https://dns.google/dns-query; "
        "frame-src https://www.youtube.com/embed/ https://www.youtube-nocookie.com/embed/ "
        "https://www.microsoft.com/videoplayer/embed/ https://www.microsoft.com/en-us/videoplayer/embed/ "
        "https://channel9.msdn.com/Shows/; base-uri 'self'; form-action 'self'"
    )
    assert header_policy(policy.meta) == policy.meta + "; frame-ancestors 'none'"
    assert "'unsafe-inline'" not in policy.meta
    assert "script-src 'self' 'unsafe-inline';" in Policy((), inline_scripts=True).meta  # mkdocs serve


def test_resolver_sources() -> None:
    assert resolver_sources(
        "http://127.0.0.1:8053/dns-query?ct=1  https://dns.example https://dns.example/"
    ) == (
        "http://127.0.0.1:8053/dns-query",
        "https://dns.example/",
    )
    assert resolver_sources("") == ()
    for bad in ("dns.google/dns-query", "ftp://dns.example/", "https://dns.example/q;script-src"):
        with pytest.raises(PluginError, match="extra.doh"):
            resolver_sources(bad)


@pytest.mark.parametrize(
    "html,found",
    [
        ('<script src="a.js"></script><script id="__config" type="application/json">{}</script>', []),
        ("<p>text &lt;script&gt;alert(1)&lt;/script&gt; onclick=x style=y</p>", []),
        ("<script>alert(1)</script>", ["an inline <script> ('alert(1)</script>'...)"]),
        ('<img src="x" onerror="alert(1)">', ["an event handler attribute (onerror= on <img>)"]),
        ('<td style="text-align: left">', ["a style attribute (on <td>)"]),
        ("<style>p{}</style>", ["a <style> element"]),
        ('<a href=" javascript:alert(1)">', ["a javascript: address (on <a>)"]),
        ("<p>Type javascript: in the box</p>", []),
        ('<img alt="online=yes" title="a > b">', []),
        # commented-out markup never runs (mixed reality comments out a styled table)
        ('<!-- <table style="border: 0"><script>x()</script> --><p>', []),
        ('<!-- a --><td style="border: 0">', ["a style attribute (on <td>)"]),
    ],
)
def test_blocked_markup(html: str, found: list[str]) -> None:
    assert blocked_markup(html) == found


def test_a_page_with_blocked_markup_is_named_by_the_build(caplog: pytest.LogCaptureFixture) -> None:
    feature = SecurityPolicy(SimpleNamespace(serve=False))
    page = SimpleNamespace(file=SimpleNamespace(src_uri="articles/x.ko.md"))
    feature.on_page_content('<p>ok</p><img src="a" onerror="b()">', page, None, None)  # type: ignore[arg-type]
    feature.on_post_page("<html><script>x()</script>", page, None)  # type: ignore[arg-type]
    assert [r.getMessage() for r in caplog.records] == [
        "articles/x.ko.md: an event handler attribute (onerror= on <img>),"
        " which the site's security policy blocks",
        "articles/x.ko.md: an inline <script> ('x()</script>'...), which the site's security policy blocks",
    ]


def test_every_page_carries_the_policy_before_anything_it_loads(built_site: Path) -> None:
    pages = list(built_site.rglob("*.html"))
    assert len(pages) > 10
    for page in pages:
        head = BeautifulSoup(page.read_text(encoding="utf-8"), "html.parser").head
        assert head is not None, page
        first = head.find(True, recursive=False)
        loads = head.find_all(["script", "link", "style"])
        policy = head.select_one('meta[http-equiv="Content-Security-Policy"]')
        assert policy is not None, page
        assert first is not None and first.get("charset") == "utf-8"
        assert all(policy.sourceline < tag.sourceline for tag in loads), page  # type: ignore[operator]
        assert blocked_markup(str(page.read_text(encoding="utf-8"))) == [], page


@pytest.mark.parametrize(
    "partial,file,material_expression,ours",
    [
        (
            "base",
            "base.js",
            'new URL("{{ config.extra.scope | d(base_url) }}",location)',
            'new URL("../../",document.currentScript.src)',
        ),
        ("palette", "palette.js", "", ""),
        ("content", "content.js", "", ""),
    ],
)
def test_materials_inline_scripts_are_ours_word_for_word(
    partial: str, file: str, material_expression: str, ours: str
) -> None:
    """A Material upgrade that changes one of its inline scripts fails here: copy it again."""
    scripts = re.findall(r"<script>(.*?)</script>", (MATERIAL_SCRIPTS / f"{partial}.html").read_text(), re.S)
    code = [line for line in (THEME / file).read_text().splitlines() if not line.startswith("//")]
    assert code == [scripts[-1].replace(material_expression, ours) if material_expression else scripts[-1]]
    tabs = [
        line
        for line in (THEME / "content-tabs-link.js").read_text().splitlines()
        if not line.startswith("//")
    ]
    if partial == "content":
        assert tabs == [scripts[0]]


def test_the_base_script_finds_the_site_root_as_materials_does(built_site: Path) -> None:
    """Material's scope is the page's base_url: the folder two levels above assets/theme/base.js."""
    for page in (
        "index.html",
        "articles/antispam-5-7-23/index.html",
        "en/articles/antispam-5-7-23/index.html",
    ):
        soup = BeautifulSoup((built_site / page).read_text(encoding="utf-8"), "html.parser")
        script = soup.select_one('script[src$="assets/theme/base.js"]')
        assert script is not None
        assert (built_site / page).parent.joinpath(
            str(script["src"])
        ).resolve() == built_site / "assets/theme/base.js"


def test_redirect_pages_have_the_policy_and_no_inline_script() -> None:
    site = site_with_articles(LINKS, "sxs-redirect-policy-")
    for old in ("articles/demo/old-overview", "en/articles/demo/old-overview"):
        html = (site / old / "index.html").read_text(encoding="utf-8")
        assert blocked_markup(html) == []
        soup = BeautifulSoup(html, "html.parser")
        assert soup.select_one('meta[http-equiv="Content-Security-Policy"]') is not None
        script = soup.select_one("script")
        assert (
            script is not None
            and script["src"]
            == ("../../../" if old.startswith("articles") else "../../../../") + "assets/redirect.js"
        )
        assert (site / old).joinpath(str(script["src"])).resolve() == site / "assets" / "redirect.js"


def test_under_mkdocs_serve_nothing_is_compressed_and_inline_scripts_run() -> None:
    """`mkdocs serve` injects an inline live-reload script and sends files as they are."""
    options = SimpleNamespace(serve=True, compress=True)
    assert not CompressedCopies(options).enabled
    feature = SecurityPolicy(options)
    feature.on_config(SimpleNamespace(extra={"doh": "https://dns.example/q"}))  # type: ignore[arg-type]
    assert feature.policy == Policy(("https://dns.example/q",), inline_scripts=True)
