"""Korean words to index terms: strip a trailing particle or ending, then cut into syllable bigrams.

Bigrams find compounds written with or without spaces (`전자메일` and `전자 메일` share `전자`, `메일`)
and words inside longer words (`만료` in `만료되지`). Stripping the particle first keeps `메일이`
and `메일을` from adding noise bigrams (`일이`, `일을`) on both sides. A bare word (no particle)
and the next, apart only by spaces, also share the bigram across the space (`화면 공유` has
`면공`, `메일이 배달` has none), so that a compound typed without spaces (`화면공유`) and machine
translation's split words (`테 넌 트`) still meet. A suffix glued to a word of another script
(`Outlook에서`, `5.7.23에`) is no word. The word lists are the locale's (`suffixes`,
`stop_words`: ko.yml); docs/assets/search/korean.js is the same for the query.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from .tokenize import Spec, Word, word_list

PATTERN = "[\uac00-\ud7a3]+"
"""A run of Hangul syllables."""


def lists(section: Mapping[str, Any]) -> Spec:
    """The locale's lists as docs.json carries them: suffixes longest first, so the longest wins."""
    return {
        "suffixes": sorted(set(word_list(section, "suffixes")), key=lambda suffix: (-len(suffix), suffix)),
        "stop_words": sorted(set(word_list(section, "stop_words"))),
    }


def bigrams(word: str) -> list[str]:
    """Overlapping pairs of characters; a one-character word is its own term."""
    if len(word) < 2:
        return [word]
    return [word[i : i + 2] for i in range(len(word) - 1)]


Reading = tuple[Word | None, str | None]
"""What `Script.word` returns: the word (None: no word) and what it passes on to the next run."""


class Script:
    def __init__(self, spec: Spec) -> None:
        self.suffixes = frozenset(spec["suffixes"])
        self.lengths = sorted({len(suffix) for suffix in self.suffixes}, reverse=True)
        self.stop_words = frozenset(spec["stop_words"])
        # A site has a few ten thousand distinct Korean runs in a million and a half: each is
        # read once, alone and glued (the bigram across a space is added to the reading, not
        # remembered: a hundred thousand pairs of words, 60 MB, for a few tenths of a second).
        self.readings: dict[str, tuple[Reading, Reading]] = {}

    def stem(self, word: str) -> str:
        """`word` without its particle or ending, if it has one: the longest one that leaves
        enough. A one-syllable suffix only leaves words of three syllables or more (`추가`,
        `결과` stay whole)."""
        for length in self.lengths:
            keep = len(word) - length
            if keep >= (2 if length == 1 else 1) and word[keep:] in self.suffixes:
                return word[:keep]
        return word

    def _read(self, token: str) -> tuple[Reading, Reading]:
        """The token's reading after a space or another word (index 0) and glued to the run
        before it (index 1)."""
        stem = self.stem(token)
        if stem in self.stop_words:
            return (None, None), (None, None)
        alone: Reading = Word(stem, tuple(bigrams(stem))), (stem if stem == token else None)
        return alone, ((None, None) if token in self.suffixes else alone)

    def word(self, token: str, glued: bool, before: str | None) -> Reading:
        readings = self.readings.get(token)
        if readings is None:
            readings = self.readings[token] = self._read(token)
        found = readings[glued]
        word = found[0]
        if word is None or not before:
            return found
        return Word(word.stem, (before[-1] + word.stem[0], *word.terms)), found[1]
