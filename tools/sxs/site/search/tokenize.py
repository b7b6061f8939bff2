"""Text to search words and index terms, the same for pages and queries, by script.

After NFKC and lower-casing, a word is a run of one script's characters: each script has its
module here (`korean`, `han`, `arabic`, `english`), chosen by a locale file's `search: tokenizer:`,
which says what a run of its script is (its `PATTERN`) and how a run becomes a `Word`, with the
word lists of the locale's `search:` section. A language's tokenizer is its own locale's script
first, then the scripts of the site's other languages (the English product names and error codes
of a Korean page), each script once. docs.json carries these specs (`Spec`) to the browser, where
docs/assets/search/tokenize.js and the modules of the same names do exactly the same
(tests/site/test_search_parity.py compares the two).
"""

from __future__ import annotations

import importlib
import re
import unicodedata
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from types import ModuleType
from typing import Any, Protocol

from ... import locales


@dataclass(frozen=True, slots=True)  # slots: made a million times per index, 40 % faster
class Word:
    stem: str
    """What synonyms are matched against: the word without particle or inflection."""
    terms: tuple[str, ...]
    """The index terms the word stands for."""


Spec = dict[str, Any]
"""One script's rules as docs.json carries them: {"module": name, "pattern": one word's regular
expression (no capturing group), and the module's word lists}."""


class Script(Protocol):
    def word(self, token: str, glued: bool, before: str | None) -> tuple[Word | None, str | None]:
        """The word a run of the script stands for (None: no word) and what the next run of the
        same script receives as `before` if only spaces come between; `glued` when the run
        follows the previous run of any script with nothing between. What a run passes on
        depends on the run and `glued` only, not on `before` (Tokenizer.words relies on it)."""
        ...


class TokenizerError(ValueError):
    pass


_MODULE = re.compile(r"[a-z][a-z0-9_]*")


def normalize(text: str) -> str:
    return unicodedata.normalize("NFKC", text).lower()


def module(name: object) -> ModuleType:
    """A script's module of this package, as a locale file names it."""
    if not isinstance(name, str) or not _MODULE.fullmatch(name):
        raise TokenizerError(
            f"search.tokenizer: expected the name of a module of {__package__}, not {name!r}"
        )
    try:
        found = importlib.import_module(f"{__package__}.{name}")
    except ModuleNotFoundError:
        found = None
    if found is None or not hasattr(found, "PATTERN") or not hasattr(found, "Script"):
        raise TokenizerError(f"search.tokenizer: {name!r} is not a tokenizer module of {__package__}")
    if re.search(found.PATTERN, " "):
        raise TokenizerError(f"search.tokenizer: {name!r}'s PATTERN takes a space, which no run holds")
    return found


def word_list(section: Mapping[str, Any], key: str) -> list[str]:
    """A word list of a locale's `search:` section: a string of words apart by spaces, or a list."""
    value = section.get(key, [])
    if isinstance(value, str):
        return value.split()
    if isinstance(value, list) and all(isinstance(item, str) for item in value):
        return [str(item) for item in value]
    raise TokenizerError(f"search.{key}: expected words apart by spaces, or a list of words")


def locale_path(code: str) -> Path:
    return locales.FOLDER / f"{locales.locale(code).code}.yml"


def spec(code: str) -> Spec:
    """The script spec of a language's locale file; TokenizerError names the file."""
    section = locales.locale(code).section("search")
    try:
        name = section.get("tokenizer") if isinstance(section, Mapping) else None
        if not isinstance(section, Mapping) or name is None:
            raise TokenizerError("search.tokenizer: missing (the script module of the language's words)")
        chosen = module(name)
        return {"module": name, "pattern": chosen.PATTERN, **chosen.lists(section)}
    except TokenizerError as error:
        raise TokenizerError(f"{locale_path(code)}: error: {error}") from error


@dataclass(frozen=True, slots=True)
class _Chunk:
    """A text between two spaces, read alone: its runs' words, but for what the runs before it
    can change (`Tokenizer.words`)."""

    first: int  # the script of its first run; -1: it has no run
    token: str  # its first run
    head: Word | None  # the first run's word, read with nothing passed on to it
    rest: tuple[Word, ...]  # the words of the runs after it
    opens: bool  # only white space before its first run (in all of it, when it has none)
    carry: tuple[int, str] | None  # what its last run passes on, if only white space follows it


class Tokenizer:
    def __init__(self, specs: Sequence[Spec]) -> None:
        self.specs = list(specs)
        self.scripts: list[Script] = [module(spec["module"]).Script(spec) for spec in self.specs]
        self.pattern = re.compile("|".join(f"({spec['pattern']})" for spec in self.specs))
        # A site's texts are a few million chunks between spaces, a hundred thousand distinct:
        # each is read once.
        self.chunks: dict[str, _Chunk] = {}

    @classmethod
    def of(cls, language: str, others: Iterable[str] = ()) -> Tokenizer:
        """The tokenizer of a language's pages: its locale's script, then the other languages'."""
        specs: list[Spec] = []
        for code in dict.fromkeys([language, *others]):
            found = spec(code)
            if all(found["module"] != other["module"] for other in specs):
                specs.append(found)
        return cls(specs)

    def words(self, text: str) -> list[Word]:
        """The words of `text`, as `runs` reads them: chunk by chunk between spaces (no run holds
        one), each chunk's first run reading what the run before it passes on when only white
        space comes between."""
        found: list[Word] = []
        carried: tuple[int, str] | None = None
        chunks = self.chunks
        for piece in normalize(text).split(" "):
            chunk = chunks.get(piece)
            if chunk is None:
                chunk = chunks[piece] = self._chunk(piece)
            if chunk.first < 0:
                if not chunk.opens:
                    carried = None
                continue
            head = chunk.head
            if carried is not None and chunk.opens and carried[0] == chunk.first:
                head = self.scripts[chunk.first].word(chunk.token, False, carried[1])[0]
            if head is not None:
                found.append(head)
            found += chunk.rest
            carried = chunk.carry
        return found

    def _chunk(self, piece: str) -> _Chunk:
        parts = self.pattern.split(piece)
        runs = self._runs(parts)
        if not runs:
            return _Chunk(-1, "", None, (), not piece or piece.isspace(), None)
        first, token, head, _ = runs[0]
        carry = runs[-1][3]
        return _Chunk(
            first,
            token,
            head,
            tuple(word for _, _, word, _ in runs[1:] if word is not None),
            not parts[0] or parts[0].isspace(),
            carry if not parts[-1] or parts[-1].isspace() else None,
        )

    def runs(self, text: str) -> list[tuple[int, str, Word | None, tuple[int, str] | None]]:
        """Each run of a normalized text read in turn: its script, the run, its word, and what it
        passes on to the next run of its script."""
        # split() lists each run with the text before it, [text, run's groups..., text, ...], with
        # no match object per run
        return self._runs(self.pattern.split(text))

    def _runs(self, parts: list[Any]) -> list[tuple[int, str, Word | None, tuple[int, str] | None]]:
        found = []
        scripts, stride = self.scripts, len(self.scripts) + 1
        carried: tuple[int, str] | None = None  # the previous run's script and what it passes on
        for at in range(1, len(parts), stride):
            number = 0
            while parts[at + number] is None:  # the run's script is its group's
                number += 1
            between = parts[at - 1]
            before = carried[1] if carried and carried[0] == number and between.isspace() else None
            glued = at > 1 and not between  # the first run follows none
            word, carry = scripts[number].word(parts[at + number], glued, before)
            carried = (number, carry) if carry else None
            found.append((number, parts[at + number], word, carried))
        return found

    def terms(self, text: str) -> list[str]:
        return [term for word in self.words(text) for term in word.terms]
