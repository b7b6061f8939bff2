"""Text to search words and index terms, the same for pages and queries, in any language.

After NFKC and lower-casing, a word is a run of Hangul syllables or a run of ASCII letters and
digits, dots allowed inside (`5.7.23`, `outlook.com`). Error codes and other words with digits
are kept as typed (`aadsts50011`, `0x80070005`, `550`); Hangul runs go through korean.py, words
of letters through english.py. A particle glued to a Latin word (`Outlook에서`, `5.7.23에`) is
not a word. docs/assets/search/tokenize.js is the same algorithm for the query.
"""

from __future__ import annotations

import functools
import re
import unicodedata
from dataclasses import dataclass

from . import english, korean

WORD = re.compile(r"[\uac00-\ud7a3]+|[a-z0-9]+(?:\.[a-z0-9]+)*")
_SUFFIXES = frozenset(korean.SUFFIXES)


@dataclass(frozen=True)
class Word:
    stem: str
    """What synonyms are matched against: the word without particle or inflection."""
    terms: tuple[str, ...]
    """The index terms the word stands for."""


def normalize(text: str) -> str:
    return unicodedata.normalize("NFKC", text).lower()


@functools.lru_cache(maxsize=65536)  # a site has a few ten thousand distinct words
def _latin(token: str) -> Word | None:
    if "." in token:
        parts = [word.stem for part in token.split(".") if (word := _latin(part)) and not part.isdigit()]
        return Word(token, (token, *dict.fromkeys(parts)))
    if any(char.isdigit() for char in token):
        return Word(token, (token,))
    if len(token) < 2 or token in english.STOP_WORDS:
        return None
    stem = english.stem(token)
    return Word(stem, (stem,))


@functools.lru_cache(maxsize=65536)
def _korean_stem(token: str) -> str:
    return korean.stem(token)


def words(text: str) -> list[Word]:
    found: list[Word] = []
    text = normalize(text)
    previous_end = -1
    previous_hangul: str | None = None  # the last Hangul word, bare (no particle), while only spaces follow
    for match in WORD.finditer(text):
        token = match.group()
        if previous_hangul and not text[previous_end : match.start()].isspace():
            previous_hangul = None
        if "\uac00" <= token[0] <= "\ud7a3":
            stem = _korean_stem(token)
            glued = match.start() == previous_end
            if (glued and token in _SUFFIXES) or stem in korean.STOP_WORDS:
                previous_hangul = None
            else:
                across = [previous_hangul[-1] + stem[0]] if previous_hangul else []
                found.append(Word(stem, (*across, *korean.bigrams(stem))))
                previous_hangul = stem if stem == token else None
        else:
            previous_hangul = None
            if word := _latin(token):
                found.append(word)
        previous_end = match.end()
    return found


def terms(text: str) -> list[str]:
    return [term for word in words(text) for term in word.terms]
