"""The reading aid's pairing (docs/assets/reader/segments.js), run by Node.js over two built pages:
which segment of a page gets which text of the other language's page. bilingual.js does the same
in the browser over the pages' DOM; here BeautifulSoup serializes the articles."""

from __future__ import annotations

import json
import shutil
import subprocess
from pathlib import Path

import pytest
from bs4 import BeautifulSoup
from sites import ROOT

SEGMENTS_JS = ROOT / "docs" / "assets" / "reader" / "segments.js"
# Reads [this page's article, the other page's article] as JSON; writes [tag, own html, other html] per pair.
SCRIPT = f"""
import {{ pair, segments }} from {json.dumps(SEGMENTS_JS.as_uri())}
let input = ""
for await (const chunk of process.stdin) input += chunk
const [mine, theirs] = JSON.parse(input).map(segments)
const pairs = pair(mine, theirs).map(([a, b]) => [mine[a].tag, mine[a].html, theirs[b].html])
process.stdout.write(JSON.stringify(pairs))
"""


def article_html(page: Path) -> str:
    """A built page's article without its header (notices, reader bar), as bilingual.js reads it."""
    article = BeautifulSoup(page.read_text(encoding="utf-8"), "html.parser").select_one(
        "article.md-content__inner"
    )
    assert article is not None, page
    header = article.select_one(".sxs-article-header")
    if header is not None:
        header.decompose()
    return article.decode_contents()


def paired(page: Path, other: Path) -> list[tuple[str, str, str]]:
    """(tag, this page's html, the other page's html) of each segment pair, in document order."""
    node = shutil.which("node")
    if node is None:
        pytest.fail("Node.js is not installed: run `make test`, which installs it")
    result = subprocess.run(
        [node, "--input-type=module", "-e", SCRIPT],
        input=json.dumps([article_html(page), article_html(other)]),
        capture_output=True,
        text=True,
        encoding="utf-8",
        check=True,
    )
    return [(tag, mine, theirs) for tag, mine, theirs in json.loads(result.stdout)]
