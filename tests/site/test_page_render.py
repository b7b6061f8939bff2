"""One Markdown instance for a whole build (tools/sxs/site/page_render.py) renders each page as
MkDocs' own Page.render does, with a new instance per page: the same HTML, table of contents,
title, anchors and links to anchors, for every page of the converter's expected outputs (every
kind of block DocFX has, links between pages) rendered one after the other."""

from __future__ import annotations

import shutil
from pathlib import Path
from typing import Any

import pytest
from mkdocs.config import load_config
from mkdocs.structure.files import get_files
from mkdocs.structure.pages import Page
from sites import ROOT
from sxs.site.page_render import SharedMarkdown

CONVERTER = ROOT / "tests" / "fixtures" / "converter"


def _rendered(page: Page) -> tuple[Any, ...]:
    return (
        page.content,
        str(page.toc),
        page._title_from_render,
        page.present_anchor_ids,
        {file.src_uri: anchors for file, anchors in (page.links_to_anchors or {}).items()},
    )


@pytest.fixture(scope="module")
def docs(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Every case's expected pages in a folder of its own, and the seed article."""
    folder = tmp_path_factory.mktemp("docs")
    for case in sorted(CONVERTER.iterdir()):
        if (case / "expected").is_dir():
            shutil.copytree(case / "expected", folder / case.name)
    for page in (ROOT / "docs" / "articles").glob("antispam-5-7-23.*.md"):
        shutil.copy2(page, folder / page.name)
    return folder


def test_a_shared_instance_renders_every_page_as_mkdocs_does(docs: Path) -> None:
    config = load_config(str(ROOT / "mkdocs.yml"), docs_dir=str(docs))
    files = get_files(config)
    pages = [Page(None, file, config) for file in files.documentation_pages()]
    assert len(pages) > 120
    for page in pages:
        page.read_source(config)

    mkdocs = []
    for page in pages:
        Page.render(page, config, files)
        mkdocs.append(_rendered(page))
    shared = SharedMarkdown(None)
    ours = []
    for page in pages:
        shared.render(page, config, files)
        ours.append(_rendered(page))

    assert shared.markdown is not None  # one instance made...
    assert shared.instance(config) is shared.markdown  # ...and kept while the settings stay
    different = [page.file.src_uri for page, a, b in zip(pages, mkdocs, ours, strict=True) if a != b]
    assert different == []


def test_changed_settings_make_a_new_instance(docs: Path) -> None:
    config = load_config(str(ROOT / "mkdocs.yml"), docs_dir=str(docs))
    shared = SharedMarkdown(None)
    first = shared.instance(config)
    config.mdx_configs.setdefault("toc", {})["permalink_title"] = "고유 링크"
    assert shared.instance(config) is not first
