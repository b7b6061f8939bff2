"""Import each shared DocFX documentation set and read every page as the site renders it: none
shows DocFX's syntax as text.

The sets live outside the repository, in ../shared/corpus beside it; each test skips, saying so,
when its set is absent.
"""

from __future__ import annotations

import html
import re
from collections import Counter, defaultdict
from collections.abc import Iterator
from pathlib import Path

import pytest
from prefilter import renderers
from sxs.convert.model import Page, SourceFile
from sxs.convert.pipeline import convert
from sxs.convert.read import articles, read_article, read_repository
from sxs.pages.htmlcheck import FRONT, to_html

CORPUS = (Path(__file__).resolve().parents[2] / ".." / "shared" / "corpus").resolve()
SETS = ["mixed-reality-ko-2021", "mdop-ko-2021", "partner-center-ko-2021"]

# DocFX syntax that must not reach a reader, in the text of a page (code included: an admonition
# turned into an indented code block is exactly the failure to catch).
LEFTOVERS = {
    "[!div": re.compile(re.escape("[!div"), re.I),
    ":::image": re.compile(":::image"),
    ":::row": re.compile(":::row"),
    ":::column": re.compile(":::column"),
    "::: zone": re.compile(":::[ ]?zone"),
    "::: moniker": re.compile(":::[ ]?moniker"),
    "!!! ": re.compile(r"(?<!!)!!! "),  # an admonition left as text (a "!!!!!" comment in code is not)
    "[!INCLUDE": re.compile(re.escape("[!INCLUDE"), re.I),
}
TAB_LINK = re.compile(r"#tab/")  # also in links: a tab heading left as a heading links to #tab/...
COMMENT = re.compile(r"<!--.*?-->", re.S)
TAG = re.compile(r"<[^>]*>")


def _pages(name: str) -> Iterator[Page]:
    if not (CORPUS / name).is_dir():
        pytest.skip(f"shared corpus not found at {CORPUS / name}: clone shared/ beside the repository")
    repo = read_repository(CORPUS / name)
    for path in articles(repo):
        src = read_article(repo, path)
        if isinstance(src, SourceFile):
            yield from convert(src, repo).pages


def _leftovers(name: str) -> dict[str, list[str]]:
    found: dict[str, list[str]] = defaultdict(list)
    for page in _pages(name):
        markup = COMMENT.sub("", to_html(page.text))
        text = html.unescape(TAG.sub("", markup))
        hits: Counter[str] = Counter({k: len(rx.findall(text)) for k, rx in LEFTOVERS.items()})
        hits["#tab/"] = len(TAB_LINK.findall(markup))
        for key, count in hits.items():
            if count:
                found[key].append(f"{page.filename} ({count})")
    return found


@pytest.mark.parametrize("name", SETS)
def test_no_docfx_syntax_is_left_on_any_page(name: str) -> None:
    found = _leftovers(name)
    assert not found, "\n".join(f"{key}: {', '.join(pages[:10])}" for key, pages in sorted(found.items()))


def test_the_inline_prefilter_renders_a_whole_set_alike() -> None:
    """tools/sxs/site/inline_prefilter.py on real pages (tests/site/test_inline_prefilter.py has the
    reasons): every page of a documentation set, in both languages, rendered with it and without."""
    fast, plain = renderers()
    differ, count = [], 0
    for page in _pages("partner-center-ko-2021"):
        body = FRONT.sub("", page.text, count=1)
        count += 1
        if fast.reset().convert(body) != plain.reset().convert(body):
            differ.append(page.filename)
    assert count > 700
    assert differ == []
