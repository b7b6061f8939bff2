"""Material's interface texts from Python (tools/sxs/site/theme_texts.py, overrides/partials/language.html).

A site is built twice: with the site's partials/language.html, whose `t` is InterfaceTexts, and with
the macros it replaced (REFERENCE: Material's partial, answering "language" with the page's own
code). Every file must come out the same, byte for byte. Two sites: the reader fixtures (Korean and
English, pages in one language only), with a Korean language file that lacks texts English has
and one that English lacks too; and the other locales' search fixtures (Simplified Chinese, whose
<html lang> is zh-CN where Material's texts are zh, Arabic, English).
"""

from __future__ import annotations

from pathlib import Path

import jinja2
import pytest
from sites import ROOT, build_site, site_copy, site_files
from sxs.site.theme_texts import InterfaceTexts, language_file

LANGUAGES = Path(__import__("material").__file__).parent / "templates" / "partials" / "languages"
REFERENCE = """\
{% import "partials/languages/" ~ config.theme.language ~ ".html" as lang %}
{% import "partials/languages/en.html" as fallback %}
{% macro t(key) %}
  {%- if key == "language" and (i18n_page_locale or i18n_current_language) -%}
    {{ i18n_page_locale or i18n_current_language }}
  {%- else -%}
    {{ lang.t(key) or fallback.t(key) or key }}
  {%- endif -%}
{% endmacro %}
"""
# Texts taken out of a copy of Material's language file (the site's override of it): English's
# stand in for the first two, the key itself for "header", gone from English too.
TRIMMED = {"ko": ("toc", "search.result.term.missing", "header"), "en": ("header",)}


def texts_site(
    root: Path, articles: Path, trimmed: dict[str, tuple[str, ...]], language_html: str | None
) -> Path:
    site_copy(root, articles)
    for language, keys in trimmed.items():
        lines = (LANGUAGES / f"{language}.html").read_text(encoding="utf-8").splitlines(keepends=True)
        kept = [line for line in lines if not any(line.lstrip().startswith(f'"{key}":') for key in keys)]
        assert len(kept) == len(lines) - len(keys)
        override = root / "overrides" / language_file(language)
        override.parent.mkdir(parents=True, exist_ok=True)
        override.write_text("".join(kept), encoding="utf-8")
    if language_html is not None:
        (root / "overrides" / "partials" / "language.html").write_text(language_html, encoding="utf-8")
    return root


@pytest.mark.parametrize(
    ("articles", "trimmed"),
    [(ROOT / "tests" / "fixtures" / "reader", TRIMMED), (ROOT / "tests" / "fixtures" / "search-locales", {})],
    ids=["ko-en-trimmed", "zh-CN-ar-en"],
)
def test_interface_texts_render_as_materials_macros_byte_for_byte(
    tmp_path: Path, articles: Path, trimmed: dict[str, tuple[str, ...]]
) -> None:
    ours = texts_site(tmp_path / "ours", articles, trimmed, None)
    reference = texts_site(tmp_path / "reference", articles, trimmed, REFERENCE)
    assert "sxs_interface_texts" in (ours / "overrides" / "partials" / "language.html").read_text("utf-8")

    built = site_files(build_site(ours / "site", root=ours))
    expected = site_files(build_site(reference / "site", root=reference))

    assert sorted(built) == sorted(expected)
    assert [name for name in expected if built[name] != expected[name]] == []
    pages = {name: html.decode("utf-8") for name, html in built.items() if name.endswith(".html")}
    if trimmed:
        korean = pages["articles/ht-teams-0x80070005/index.html"]
        assert '<html lang="ko"' in korean
        assert '<nav class="md-nav md-nav--secondary" aria-label="Table of contents">' in korean
        assert '"search.result.term.missing": "Missing"' in korean
        assert 'placeholder="검색"' in korean
        assert 'aria-label="header"' in korean and 'aria-label="header"' in pages["en/index.html"]
        assert '<html lang="ko"' in pages["404.html"] and '<html lang="en"' in pages["en/404.html"]
    else:
        chinese = pages["zh-CN/articles/admin-password-reset/index.html"]
        assert '<html lang="zh-CN"' in chinese and 'placeholder="搜索"' in chinese
        arabic = pages["articles/fix-printer-issues/index.html"]
        assert '<html lang="ar"' in arabic and 'placeholder="بحث"' in arabic
        assert '<html lang="zh-CN"' in pages["zh-CN/404.html"]


def test_a_text_is_the_languages_else_englishs_else_the_key() -> None:
    def language(texts: str) -> str:
        return "{% macro t(key) %}{{ {" + texts + "}[key] }}{% endmacro %}"

    env = jinja2.Environment(
        loader=jinja2.DictLoader(
            {
                language_file("en"): language('"language": "en", "toc": "Table of contents", "top": "Top"'),
                language_file("ko"): language('"language": "ko", "top": "맨위로", "blank": " "'),
            }
        )
    )
    texts = InterfaceTexts(env)
    page = texts("ko", "zh-CN")
    assert [page(key) for key in ("top", "toc", "nav", "blank", "language")] == [
        "맨위로",
        "Table of contents",
        "nav",
        " ",
        "zh-CN",
    ]
    assert texts("ko", None)("language") == "ko"
    assert texts("en", "")("top") == "Top"
