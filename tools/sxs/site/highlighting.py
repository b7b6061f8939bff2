"""Code highlighting's Pygments objects made once per build, not once per code block.

pymdownx.highlight makes, for every fenced block:
- a new lexer, and Pygments compiles a lexer's rules when it is made: for some (C#, VB.NET,
  whose `unicodelevel` option makes them keep their rules on the instance) every time. On the
  mixed reality set that was 8 of a build's 150 seconds. A lexer keeps nothing between the
  texts it reads, so one instance per language and options serves every block;
- a new HTML formatter, which works out the CSS class of every token type of the style when
  it is made (0.4 ms; 1,672 blocks in a language of the four shared repositories). The classes
  depend on the style and the class prefix only, and a formatter only reads them: they are
  worked out once per style and prefix.
tests/site/test_highlighting.py highlights the same blocks with and without them.
"""

from __future__ import annotations

import functools
from collections.abc import Hashable
from typing import Any

import pymdownx.highlight  # type: ignore[import-untyped]
from pygments.lexers import get_lexer_by_name  # type: ignore[import-untyped]

FORMATTERS = ("BlockHtmlFormatter", "InlineHtmlFormatter")
"""pymdownx.highlight's formatter classes, which it looks up by these names for every block."""


@functools.lru_cache(maxsize=256)
def _made(name: str, options: tuple[tuple[str, Hashable], ...]) -> Any:
    return get_lexer_by_name(name, **dict(options))


def lexer_by_name(name: str, **options: Any) -> Any:
    """Pygments' get_lexer_by_name, each lexer made once (unhashable options: made anew)."""
    key = tuple(sorted(options.items()))
    try:
        return _made(name, key)
    except TypeError:  # an option that cannot be a cache key
        return get_lexer_by_name(name, **options)


_STYLESHEETS: dict[tuple[Any, str], tuple[dict[Any, str], dict[str, Any]]] = {}


class SharedStylesheet:
    """A Pygments HTML formatter whose token classes come from the first formatter of its style."""

    style: Any
    classprefix: str
    ttype2class: dict[Any, str]
    class2style: dict[str, Any]

    def _create_stylesheet(self) -> None:
        key = (self.style, self.classprefix)
        if key not in _STYLESHEETS:
            super()._create_stylesheet()  # type: ignore[misc]
            _STYLESHEETS[key] = (self.ttype2class, self.class2style)
        self.ttype2class, self.class2style = _STYLESHEETS[key]


def install() -> None:
    """Make pymdownx.highlight take its lexers and formatters' classes from the caches (idempotent)."""
    pymdownx.highlight.get_lexer_by_name = lexer_by_name
    for name in FORMATTERS:
        formatter = getattr(pymdownx.highlight, name)
        if not issubclass(formatter, SharedStylesheet):
            setattr(pymdownx.highlight, name, type(name, (SharedStylesheet, formatter), {}))
