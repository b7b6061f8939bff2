"""Property: whatever characters a segment holds, readers of both pages see exactly that text.

Random articles are built from segments of hostile characters, encoded the way a
correct side-by-side source encodes them (Markdown escapes, character references,
and bare `<word>` placeholders as real repositories write them), placed in
paragraphs, lists, headings, table cells and alerts. After `convert()`, each page
is rendered with the site's Markdown and every segment's text must appear, in order.
"""

from __future__ import annotations

import os
import re
from pathlib import Path

from bs4 import BeautifulSoup
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sxs.convert.docset import Publication
from sxs.convert.model import SourceFile
from sxs.convert.pipeline import convert
from sxs.pages.htmlcheck import to_html
from sxs_helpers import article

HOSTILE = list("aZ9가 <>&*_[]()#|\\`'\"!~-+=.:;{}/@%$^") + ["\u00a0", "é", "&amp;", "&lt;", "1. ", "- ", "> "]
PLACEHOLDERS = ["<CustomDomain>", "<email address>", "<값>", "<Group Name>"]
# `$` too: DocFX reads `$...$` as math (sxs.site.math renders it), so a literal dollar is written `\$`.
ESCAPE = {ch: "\\" + ch for ch in "\\`*_{}[]#|$"}
ESCAPE.update({"&": "&amp;", "<": "&lt;", ">": "&gt;"})
SPACE = re.compile(r"[ \t\n\r]+")

pieces = st.one_of(st.sampled_from(HOSTILE), st.sampled_from(PLACEHOLDERS))
plain_texts = (
    st.lists(pieces, min_size=1, max_size=12)
    .map("".join)
    .map(str.strip)
    .filter(lambda t: any(ch.isalnum() for ch in t))
)


def encode(text: str) -> str:
    """Source Markdown for a plain text; bare placeholder words stay bare, as upstream writes them."""
    out = []
    for i, part in enumerate(re.split(r"(<(?:CustomDomain|email address|값|Group Name)>)", text)):
        if i % 2:
            out.append(part)
            continue
        part = "".join(ESCAPE.get(ch, ch) for ch in part)
        out.append(part)
    return "".join(out)


def pair(n: int, target: str, source: str) -> str:
    ident = f"ab12c-{n}"
    return (
        f'<span data-ttu-id="{ident}">{encode(target)}</span>'
        f'<span class="sxs-lookup"><span data-stu-id="{ident}">{encode(source)}</span></span>'
    )


blocks = st.lists(
    st.tuples(
        st.sampled_from(["p", "ul", "ol", "h2", "table", "note", "quote"]),
        st.lists(st.tuples(plain_texts, plain_texts), min_size=1, max_size=4),
    ),
    min_size=1,
    max_size=5,
)


def build(
    title: tuple[str, str], body: list[tuple[str, list[tuple[str, str]]]]
) -> tuple[str, list[tuple[str, str]]]:
    counter = iter(range(100, 10_000))
    order = [title]
    lines = ['# <a name="t"></a>' + pair(next(counter), *title), ""]
    for kind, segs in body:
        order.extend(segs)
        joined = " ".join(pair(next(counter), t, s) for t, s in segs)
        if kind == "p":
            lines.append(joined)
        elif kind == "ul":
            lines.append("- " + joined)
        elif kind == "ol":
            lines.append("1. " + joined)
        elif kind == "h2":
            lines.append("## " + joined)
        elif kind == "table":
            # python-markdown reads `\\|` at a cell's end as an escaped pipe, in any source: avoid it.
            segs = [(t + "x" if t.endswith("\\") else t, s + "x" if s.endswith("\\") else s) for t, s in segs]
            lines += [
                "|" + "|".join(pair(next(counter), t, s) for t, s in segs) + "|",
                "|" + "---|" * len(segs),
            ]
            order[-len(segs) :] = segs
        elif kind == "note":
            lines += ["> [!NOTE]", "> " + joined]
        else:
            lines.append("> " + joined)
        lines.append("")
    return article("\n".join(lines) + "\n"), order


def visible(page: str) -> str:
    text = BeautifulSoup(to_html(page), "html.parser").get_text(" ")
    return SPACE.sub(" ", text).replace("¶", " ")


@settings(
    max_examples=int(os.environ.get("SXS_EXAMPLES", "150")),
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow],
)
@given(title=st.tuples(plain_texts, plain_texts), body=blocks)
def test_every_segment_round_trips(
    title: tuple[str, str], body: list[tuple[str, list[tuple[str, str]]]]
) -> None:
    text, order = build(title, body)
    src = SourceFile(path=Path("random.md"), rel="random.md", page="random", text=text, raw_sha256="0")
    result = convert(src, Publication(Path("."), (), {"random.md": "random"}, {}))
    assert not result.failed, [str(d) for d in result.diags]
    ko, en = result.pages
    assert ko.text.count("\n") == en.text.count("\n")
    for page, index in ((ko, 0), (en, 1)):
        seen = visible(page.text)
        pos = 0
        for segment in order:
            want = SPACE.sub(" ", segment[index])
            at = seen.find(want, pos)
            assert at >= 0, f"{want!r} not found in order in {seen!r}\n--- page ---\n{page.text}"
            pos = at + len(want)
