"""Segments of rendered HTML and their pairing across languages (tools/sxs/site/segments.py)."""

from __future__ import annotations

from sxs.site.segments import Segment, mark, pair, segments

KO = (
    '<h1 id="t">제목 <em>강조</em><a class="headerlink" href="#t" title="Permanent link">&para;</a></h1>\n'
    "<p>첫 <strong>문장</strong></p>\n<ul>\n<li>단계<ul>\n<li>하위</li>\n</ul>\n</li>\n<li>\n<p>느슨한</p>\n</li>\n</ul>\n"  # noqa: E501
    '<div class="highlight"><pre><code><p>code</p></code></pre></div>\n'
    "<table><tr><td>셀</td><td>42</td></tr></table>"
)
EN = (
    '<h1 id="t">Title <em>stressed</em><a class="headerlink" href="#t" title="Permanent link">&para;</a></h1>\n'  # noqa: E501
    "<p>First <strong>sentence</strong></p>\n<ul>\n<li>Step<ul>\n<li>Sub</li>\n</ul>\n</li>\n<li>\n<p>Loose</p>\n</li>\n</ul>\n"  # noqa: E501
    '<div class="highlight"><pre><code><p>code</p></code></pre></div>\n'
    "<table><tr><td>Cell</td><td>42</td></tr></table>"
)


def test_segments_are_the_text_blocks_hold_directly() -> None:
    assert [(s.tag, s.html) for s in segments(KO)] == [
        ("h1", "제목 <em>강조</em>"),  # the permalink is not part of the heading's text
        ("p", "첫 <strong>문장</strong>"),
        ("li", "단계"),  # up to the nested list
        ("li", "하위"),
        ("p", "느슨한"),  # the loose item's paragraph; the item itself holds only whitespace
        ("td", "셀"),
        ("td", "42"),
    ]  # nothing from inside <pre>


def test_pairs_by_position_and_leaves_out_identical_text() -> None:
    mine, theirs = segments(KO), segments(EN)
    assert pair(mine, theirs) == [(0, 0), (1, 1), (2, 2), (3, 3), (4, 4), (5, 5)]  # "42" is the same


def test_pairs_by_tag_alignment_when_structure_differs() -> None:
    mine = segments("<p>하나 <code>a</code></p><p>둘</p><ul><li>셋</li></ul>")
    theirs = segments("<p>Two</p><ul><li>Three</li></ul>")
    assert pair(mine, theirs) == [(1, 0), (2, 1)]  # the first Korean line has no English one


def test_mark_numbers_the_chosen_segments_in_document_order() -> None:
    html = '<p>a</p><p class="x">b</p><hr/><p>c</p>'
    chosen = [s for s in segments(html) if s.html != "a"]
    assert mark(html, chosen) == '<p>a</p><p class="x" data-sxs-seg="0">b</p><hr/><p data-sxs-seg="1">c</p>'


def test_segment_text_ignores_markup_and_spacing() -> None:
    assert Segment("p", 0, 2, 'A <a href="x">link</a>\n and  more').text == "A link and more"


def test_template_drops_ids_that_would_repeat_once_shown() -> None:
    from sxs.site.bilingual import BilingualReading

    theirs = [Segment("p", 0, 2, 'see <a id="x" href="#y">this</a>'), Segment("li", 9, 12, "<em>two</em>")]
    assert BilingualReading._template("en", theirs) == (
        '<template id="sxs-alt" data-lang="en"><div data-sxs-alt="0">see <a href="#y">this</a></div>'
        '<div data-sxs-alt="1"><em>two</em></div></template>'
    )
