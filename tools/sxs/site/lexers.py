"""Pygments lexers made once per build, not once per code block.

pymdownx.highlight asks Pygments for a new lexer for every fenced block, and Pygments compiles a
lexer's rules when it is made: for some (C#, VB.NET, whose `unicodelevel` option makes them keep
their rules on the instance) every time. On the mixed reality set that was 8 of a build's 150
seconds. A lexer keeps nothing between the texts it reads, so one instance per language and
options serves every block.
"""

from __future__ import annotations

import functools
from collections.abc import Hashable
from typing import Any

import pymdownx.highlight  # type: ignore[import-untyped]
from pygments.lexers import get_lexer_by_name  # type: ignore[import-untyped]


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


def install() -> None:
    """Make pymdownx.highlight take its lexers from the cache (idempotent)."""
    pymdownx.highlight.get_lexer_by_name = lexer_by_name
