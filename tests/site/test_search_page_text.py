"""What of a page's rendered HTML the search indexes."""

from __future__ import annotations

from sxs.site.search.page_text import page_text


def test_text_without_title_permalinks_templates_or_navigation() -> None:
    html = (
        '<h1 id="t">제목<a class="headerlink" href="#t">¶</a></h1>'
        '<nav class="sxs-crumb"><a href="../">범주</a></nav>'
        '<p>첫 문단<a class="headerlink" href="#x">¶</a></p><ul><li>항목</li><li>둘째</li></ul>'
        '<h2 id="x">소제목<a class="headerlink" href="#x">¶</a></h2><p>A &amp; B</p>'
        '<template id="sxs-alt"><div>English text</div></template><script>var x = 1</script>'
    )
    assert page_text(html).split() == ["첫", "문단", "항목", "둘째", "소제목", "A", "&", "B"]


def test_blocks_do_not_run_together() -> None:
    assert page_text("<p>메일</p><p>배달</p>").split() == ["메일", "배달"]
    assert page_text("<td>5.7.23</td><td>오류</td>").split() == ["5.7.23", "오류"]
