"""Code blocks highlighted with the build's shared Pygments objects (tools/sxs/site/highlighting.py)
are pymdownx.highlight's own, byte for byte: several languages, line numbers, highlighted lines,
titles, an unknown language, and two styles one after the other (the second inline, where the
formatter writes its style's colours)."""

from __future__ import annotations

from typing import Any

import markdown  # type: ignore[import-untyped]
import pygments.lexers  # type: ignore[import-untyped]
import pymdownx.highlight  # type: ignore[import-untyped]
import pytest
from mkdocs.config import load_config
from sites import ROOT
from sxs.site import highlighting

FENCE = "```"
CODE = f"""
{FENCE}python
def f(x):
    return x  # a comment
{FENCE}

{FENCE}csharp
public class A {{ private int x = 1; }}
{FENCE}

{FENCE}vb
Dim x As Integer = 1
{FENCE}

{FENCE}{{.json linenums="1" hl_lines="2"}}
{{
  "a": [1, 2.5, true, null]
}}
{FENCE}

{FENCE}powershell title="get.ps1"
Get-Item -Path "C:\\" | Select-Object Name
{FENCE}

{FENCE}no-such-language
plain text
{FENCE}
"""
STYLES = [{}, {"pygments_style": "monokai", "noclasses": True}]


def _rendered() -> list[str]:
    config = load_config(str(ROOT / "mkdocs.yml"))
    pages = []
    for style in STYLES:
        settings = {**config.mdx_configs, "pymdownx.highlight": style}
        extensions = [*config.markdown_extensions, "pymdownx.highlight"]
        pages.append(markdown.Markdown(extensions=extensions, extension_configs=settings).convert(CODE))
    return pages


def _original(name: str) -> Any:
    formatter = getattr(pymdownx.highlight, name)
    return formatter.__bases__[1] if issubclass(formatter, highlighting.SharedStylesheet) else formatter


def test_shared_lexers_and_stylesheets_highlight_as_pymdownx_does(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(pymdownx.highlight, "get_lexer_by_name", pygments.lexers.get_lexer_by_name)
    originals = {name: _original(name) for name in highlighting.FORMATTERS}
    for name, formatter in originals.items():
        monkeypatch.setattr(pymdownx.highlight, name, formatter)
    monkeypatch.setattr(highlighting, "_STYLESHEETS", {})
    theirs = _rendered()
    assert "monokai" not in theirs[1] and 'style="color: #' in theirs[1]  # (inline colours)

    highlighting.install()
    highlighting.install()  # (idempotent: once a subclass)
    ours = _rendered()

    assert ours == theirs
    assert len(highlighting._STYLESHEETS) == 2  # one per style, made once
    for name, formatter in originals.items():
        assert getattr(pymdownx.highlight, name).__bases__ == (highlighting.SharedStylesheet, formatter)
