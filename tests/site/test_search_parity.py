"""The browser tokenizes queries exactly as the build tokenized pages: tokenize.py against tokenize.js."""
from __future__ import annotations

import json
import shutil
import subprocess
from collections.abc import Iterator
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from sxs.site.search import korean
from sxs.site.search.tokenize import words

TOKENIZE_JS = Path(__file__).resolve().parents[2] / "docs" / "assets" / "search" / "tokenize.js"
# Reads one JSON string a line, answers with its words as [stem, terms] pairs.
SCRIPT = f"""
import {{ words }} from {json.dumps(TOKENIZE_JS.as_uri())}
import {{ createInterface }} from "node:readline"
for await (const line of createInterface({{ input: process.stdin }})) {{
  process.stdout.write(JSON.stringify(words(JSON.parse(line)).map(w => [w.stem, w.terms])) + "\\n")
}}
"""


class Node:
    def __init__(self) -> None:
        node = shutil.which("node")
        if node is None:
            pytest.fail("Node.js is not installed: run `make test`, which installs it")
        self.process = subprocess.Popen([node, "--input-type=module", "-e", SCRIPT], stdin=subprocess.PIPE,
                                        stdout=subprocess.PIPE, text=True, encoding="utf-8")

    def words(self, text: str) -> list[list[object]]:
        assert self.process.stdin and self.process.stdout
        self.process.stdin.write(json.dumps(text) + "\n")
        self.process.stdin.flush()
        return json.loads(self.process.stdout.readline())  # type: ignore[no-any-return]


@pytest.fixture(scope="module")
def node() -> Iterator[Node]:
    runner = Node()
    yield runner
    assert runner.process.stdin
    runner.process.stdin.close()
    runner.process.wait(timeout=10)


SYLLABLES = "메일이가을를은는에서로의와과도만전자배달화면공유테넌트녹음화만료되지않하려면설정안돼요수대한"
PIECES = st.sampled_from([
    *SYLLABLES, *korean.SUFFIXES, *korean.STOP_WORDS, " ", "  ", "\n", ".", ",", "/", "-", "(", ")", "'",
    "a", "e", "i", "o", "u", "y", "s", "d", "g", "n", "t", "l", "b", "z", "x", "w", "ing", "ed", "es", "ies",
    "sses", "eed", "ational", "0", "5", "7", "x8", "AADSTS", "Outlook", "É", "ß", "ＡＢ", "５", "ﬁ", "İ",
])
TEXT = st.lists(PIECES, max_size=40).map("".join)


@settings(max_examples=1500, deadline=None)
@given(TEXT)
def test_python_and_javascript_tokenize_alike(node: Node, text: str) -> None:
    assert node.words(text) == [[word.stem, list(word.terms)] for word in words(text)]


@pytest.mark.parametrize("text", ["화면공유가 안돼요", "5.7.23에 대 한 전자 메일 배달", "Configuring users' e-mails at outlook.com"])
def test_known_texts(node: Node, text: str) -> None:
    assert node.words(text) == [[word.stem, list(word.terms)] for word in words(text)]
