"""Latin words to index terms: error codes as typed, stop words dropped, inflections stemmed
(Porter's steps 1 and 5a).

A word is a run of ASCII letters and digits, dots allowed inside (`5.7.23`, `outlook.com`: the
word and its parts). Error codes and other words with digits are kept as typed (`aadsts50011`,
`0x80070005`, `550`); the stop words are the locale's (`stop_words`: en.yml).

Only the inflectional steps of Porter's algorithm (M. F. Porter, 1980): plurals, -ed, -ing, -y,
and a final -e, so that `configure`, `configured` and `configuring` meet; the derivational steps
(2-4) are left out because they merge words readers keep apart (`organization`, `organ`).
docs/assets/search/english.js is the same for the query.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from .tokenize import Spec, Word, word_list

PATTERN = r"[a-z0-9]+(?:\.[a-z0-9]+)*"
"""A run of ASCII letters and digits, dots allowed inside."""


def lists(section: Mapping[str, Any]) -> Spec:
    return {"stop_words": sorted(set(word_list(section, "stop_words")))}


def _consonant(word: str, i: int) -> bool:
    if word[i] in "aeiou":
        return False
    if word[i] == "y":
        return i == 0 or not _consonant(word, i - 1)
    return True


def _measure(stem: str) -> int:
    """Porter's m: the number of vowel-consonant sequences in `stem`."""
    m, previous_vowel = 0, False
    for i in range(len(stem)):
        consonant = _consonant(stem, i)
        if consonant and previous_vowel:
            m += 1
        previous_vowel = not consonant
    return m


def _has_vowel(stem: str) -> bool:
    return any(not _consonant(stem, i) for i in range(len(stem)))


def _cvc(stem: str) -> bool:
    """Ends consonant-vowel-consonant, the last not w, x or y (Porter's *o)."""
    n = len(stem)
    return (
        n >= 3
        and _consonant(stem, n - 1)
        and not _consonant(stem, n - 2)
        and _consonant(stem, n - 3)
        and stem[-1] not in "wxy"
    )


def stem(word: str) -> str:
    """Porter's steps 1a, 1b, 1c and 5a on a lower-case ASCII word of letters."""
    if len(word) <= 2:
        return word
    # 1a: plurals
    if word.endswith("sses") or word.endswith("ies"):
        word = word[:-2]
    elif word.endswith("s") and not word.endswith("ss"):
        word = word[:-1]
    # 1b: -eed, -ed, -ing
    if word.endswith("eed"):
        if _measure(word[:-3]) > 0:
            word = word[:-1]
    else:
        for suffix in ("ed", "ing"):
            base = word[: -len(suffix)]
            if word.endswith(suffix) and _has_vowel(base):
                word = base
                if word.endswith(("at", "bl", "iz")):
                    word += "e"
                elif (
                    len(word) >= 2
                    and word[-1] == word[-2]
                    and _consonant(word, len(word) - 1)
                    and word[-1] not in "lsz"
                ):
                    word = word[:-1]
                elif _measure(word) == 1 and _cvc(word):
                    word += "e"
                break
    # 1c: -y to -i
    if word.endswith("y") and _has_vowel(word[:-1]):
        word = word[:-1] + "i"
    # 5a: final -e
    if word.endswith("e"):
        base = word[:-1]
        m = _measure(base)
        if m > 1 or (m == 1 and not _cvc(base)):
            word = base
    return word


class Script:
    def __init__(self, spec: Spec) -> None:
        self.stop_words = frozenset(spec["stop_words"])
        self.words: dict[str, Word | None] = {}  # a site has a few ten thousand distinct words

    def latin(self, token: str) -> Word | None:
        if token in self.words:
            return self.words[token]
        word: Word | None
        if "." in token:
            parts = [
                found.stem for part in token.split(".") if (found := self.latin(part)) and not part.isdigit()
            ]
            word = Word(token, (token, *dict.fromkeys(parts)))
        elif any(char.isdigit() for char in token):
            word = Word(token, (token,))
        elif len(token) < 2 or token in self.stop_words:
            word = None
        else:
            word = Word(stem(token), (stem(token),))
        self.words[token] = word
        return word

    def word(self, token: str, glued: bool, before: str | None) -> tuple[Word | None, str | None]:
        return self.latin(token), None
