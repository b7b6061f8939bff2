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


class Script:
    def __init__(self, spec: Spec) -> None:
        self.suffixes: tuple[str, ...] = tuple(spec["suffixes"])
        self.glued_suffixes = frozenset(self.suffixes)
        self.stop_words = frozenset(spec["stop_words"])
        self.stems: dict[str, str] = {}

    def stem(self, word: str) -> str:
        """`word` without its particle or ending, if it has one. A one-syllable suffix only
        leaves words of three syllables or more (`추가`, `결과` stay whole)."""
        if (found := self.stems.get(word)) is not None:
            return found
        stem = word
        for suffix in self.suffixes:
            keep = len(word) - len(suffix)
            if word.endswith(suffix) and keep >= (2 if len(suffix) == 1 else 1):
                stem = word[:keep]
                break
        self.stems[word] = stem
        return stem

    def word(self, token: str, glued: bool, before: str | None) -> tuple[Word | None, str | None]:
        stem = self.stem(token)
        if (glued and token in self.glued_suffixes) or stem in self.stop_words:
            return None, None
        across = (before[-1] + stem[0],) if before else ()
        return Word(stem, (*across, *bigrams(stem))), (stem if stem == token else None)
