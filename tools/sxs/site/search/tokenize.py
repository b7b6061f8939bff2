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
        follows the previous run of any script with nothing between."""
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


class Tokenizer:
    def __init__(self, specs: Sequence[Spec]) -> None:
        self.specs = list(specs)
        self.scripts: list[Script] = [module(spec["module"]).Script(spec) for spec in self.specs]
        self.pattern = re.compile("|".join(f"({spec['pattern']})" for spec in self.specs))

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
        found: list[Word] = []
        # split() lists each run with the text before it, [text, run's groups..., text, ...], with
        # no match object per run (a site's index reads a few million runs)
        parts = self.pattern.split(normalize(text))
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
            if word:
                found.append(word)
            carried = (number, carry) if carry else None
        return found

    def terms(self, text: str) -> list[str]:
        return [term for word in self.words(text) for term in word.terms]
