"""The inline prefilter (tools/sxs/site/inline_prefilter.py) changes how fast the site's Markdown
renders, not what: the same HTML with it and without it. The shared documentation sets are
compared too (tests/corpus/test_docfx_corpus.py)."""

from __future__ import annotations

from pathlib import Path

import pytest
from prefilter import renderers
from sxs.pages.htmlcheck import FRONT
from sxs.site.inline_prefilter import PrefilteredInlineProcessor, marks

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures"

SNIPPETS = [
    "plain words only",
    "a *b* c, **bold** and __also__, ***both***, _under_score_ in_word and a_b_c * d",
    "**설정**에서 *굵게* 표시된 __항목__을 선택 합니다.",
    "`code *not em*`, ``code with ` tick`` and `a` [b] `c` *d*",
    "\\*escaped\\*, \\\\`code after escaped backslashes` and \\[not a link]",
    "[link](http://x.example 'title') and ![img](a.png) and wow! [x]",
    "[ref][1], [short] and ![ref img][i]\n\n[1]: http://x.example\n[short]: y.md\n[i]: a.png",
    "*a [b *c* d](e) f* and [**bold link**](x) and *[em link](y)*",
    "<http://auto.link.example> and <me@example.com> and <not a link>",
    "a <span>html *em*</span> &amp; &copy; &#169; &#x41; &notanentity; <!-- a comment --> text",
    "line  \nbreak, and one without\nbreak",
    "math $x^2$ and money $5 and \\$y$ and $\\frac{a}{b}$",
    "[link](x){: .button } and text",
    "- item *one*\n- item `two`\n\n| a | *b* |\n|---|---|\n| [c](d) | &lt; |",
    '!!! note "Title *em*"\n    Body with **strong** and `code`.',
]


def _alike(texts: list[str]) -> list[int]:
    """The indexes of the texts the two render differently."""
    fast, plain = renderers()
    return [i for i, text in enumerate(texts) if fast.reset().convert(text) != plain.reset().convert(text)]


def test_every_inline_pattern_of_the_site_has_its_marks() -> None:
    # A pattern whose marks are not known is always tried: correct, but slow again. A new
    # Python-Markdown or extension with patterns of its own shows up here.
    fast, _ = renderers()
    assert isinstance(fast.treeprocessors["inline"], PrefilteredInlineProcessor)
    names = [item.name for item in fast.inlinePatterns._priority]
    assert [name for name in names if marks(fast.inlinePatterns[name]) is None] == []


def test_a_pattern_is_not_tried_on_a_text_without_its_marks(monkeypatch: pytest.MonkeyPatch) -> None:
    tried: list[str] = []
    apply = PrefilteredInlineProcessor._InlineProcessor__applyPattern

    def counting(self: PrefilteredInlineProcessor, pattern: object, *args: object) -> object:
        tried.append(type(pattern).__name__)
        return apply(self, pattern, *args)

    monkeypatch.setattr(PrefilteredInlineProcessor, "_InlineProcessor__applyPattern", counting)
    fast, _ = renderers()
    assert fast.convert("plain words only") == "<p>plain words only</p>"
    assert tried == []
    assert fast.reset().convert("an &amp; entity") == "<p>an &amp; entity</p>"
    assert set(tried) == {"HtmlInlineProcessor"}  # the entity pattern; the tag pattern needs a `<`


@pytest.mark.parametrize("text", SNIPPETS)
def test_inline_markdown_renders_alike(text: str) -> None:
    assert _alike([text]) == []


def test_the_fixture_pages_render_alike() -> None:
    pages = sorted(path for path in FIXTURES.rglob("*.md") if path.is_file())
    texts = [FRONT.sub("", path.read_text(encoding="utf-8-sig", errors="replace"), count=1) for path in pages]
    assert len(texts) > 100
    assert [pages[i].relative_to(FIXTURES).as_posix() for i in _alike(texts)] == []
