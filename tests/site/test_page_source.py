"""A page's front matter from the catalog (tools/sxs/site/page_source.py) is what MkDocs' own
Page.read_source reads: the same text after it and the same keys, for every page of the
converter's expected outputs, and MkDocs' own reading wherever the catalog's could differ."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from mkdocs.config import load_config
from mkdocs.structure.files import get_files
from mkdocs.structure.pages import Page
from mkdocs.utils import meta
from sites import ROOT
from sxs.pages.frontmatter import Front, read_front
from sxs.site.page_source import front_matter, read_source

CONVERTER = ROOT / "tests" / "fixtures" / "converter"


@pytest.fixture(scope="module")
def docs(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Every case's expected pages as the site's articles, and the seed article."""
    folder = tmp_path_factory.mktemp("docs")
    for case in sorted(CONVERTER.iterdir()):
        if (case / "expected").is_dir():
            shutil.copytree(case / "expected", folder / "articles" / case.name)
    for page in (ROOT / "docs" / "articles").glob("antispam-5-7-23.*.md"):
        shutil.copy2(page, folder / "articles" / page.name)
    return folder


def test_every_page_reads_as_mkdocs_reads_it(docs: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    config = load_config(str(ROOT / "mkdocs.yml"), docs_dir=str(docs))
    files = get_files(config)
    pages = [Page(None, file, config) for file in files.documentation_pages()]
    assert len(pages) > 120
    mkdocs = []
    for page in pages:
        Page.read_source(page, config)
        mkdocs.append((page.markdown, page.meta))
    parsed: list[str] = []  # ...and none of them is parsed again: the catalog has read them all
    monkeypatch.setattr(meta, "get_data", lambda source: parsed.append(source))
    ours = []
    for page in pages:
        read_source(page, config)
        ours.append((page.markdown, page.meta))

    assert parsed == []
    assert [page.file.src_uri for page, a, b in zip(pages, mkdocs, ours, strict=True) if a != b] == []


def test_the_keys_are_a_copy() -> None:
    source = "---\ntitle: A\ntags: [x]\n---\n\n# A\n"
    known = {"title: A\ntags: [x]\n": {"title": "A", "tags": ["x"]}}
    text, keys = front_matter(source, known)
    assert (text, keys) == ("# A\n", {"title": "A", "tags": ["x"]})
    keys["tags"].append("y")
    keys["search"] = {"exclude": True}
    assert known == {"title: A\ntags: [x]\n": {"title": "A", "tags": ["x"]}}


SOURCES = [
    "---\ntitle: A\n---\n\n# A\n",
    "---\ntitle: A\n...\ntags: [x]\n---\n# A\n",  # MkDocs' front matter ends at `...`
    "---  \ntitle: A\n---\n# A\n",  # MkDocs allows spaces after the first `---`
    "---\ntitle: A\n---",  # MkDocs wants a line end after the last
    "---\n- a list\n---\n# A\n",  # not a mapping: MkDocs keeps it in the text
    "---\n---\n# A\n",
    "Title: A\n\n# A\n",  # MultiMarkdown's keys
    "# A\n",
]


@pytest.mark.parametrize("source", SOURCES)
def test_front_matter_reads_as_mkdocs_reads_it(source: str) -> None:
    """Whatever the catalog found in these pages, each reads as MkDocs reads it."""
    fronts = [read_front(text) for text in SOURCES]
    known = {f.source: f.meta for f in fronts if isinstance(f, Front) and f.source is not None}
    assert "title: A\n" in known
    assert front_matter(source, known) == meta.get_data(source)
