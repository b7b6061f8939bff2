"""Arabic words to index terms: normalized, then light-stemmed (Larkey, Ballesteros and Connell's
light10, 2007).

Normalizing, as Arabic search usually does (Lucene's ArabicNormalizer): the locale's `drop`
characters (short vowels and other marks, tatweel) are removed and its `fold` letters replaced
(alef with hamza or madda by bare alef, taa marbuta by haa, alef maqsura by yaa), so that a word
is found however fully it is written. Stemming: the first of the locale's `prefixes`, in the
list's order, that leaves enough (a one-letter prefix, `و` or `ب`, at least four letters, so that
`بريد` keeps its `ب`; a longer one, `ال` or `وال`, two), then longer ones again while one does, so
that `الإلكتروني` meets `إلكتروني` (whose own `ال` goes too); then each of `suffixes` in the
list's order that leaves two letters or more. A word of one letter, or that is or stems to
one of `stop_words`, is no word. The lists are normalized like the text. ar.yml holds them;
docs/assets/search/arabic.js is the same for the query.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from .tokenize import Spec, TokenizerError, Word, word_list

PATTERN = "[\u0620-\u065f\u0670-\u06d3]+"
"""A run of Arabic letters and marks (tatweel included); Arabic-Indic digits are no part of it."""
ONE_LETTER_KEEPS = 4
PREFIX_KEEPS = 2
SUFFIX_KEEPS = 2


def lists(section: Mapping[str, Any]) -> Spec:
    fold = section.get("fold", {})
    drop = section.get("drop", "")
    if not isinstance(fold, Mapping) or not all(
        isinstance(key, str) and isinstance(value, str) and len(key) == 1 for key, value in fold.items()
    ):
        raise TokenizerError("search.fold: expected a mapping of one letter to its replacement")
    if not isinstance(drop, str):
        raise TokenizerError("search.drop: expected a string of the characters to remove")
    spec: Spec = {"fold": dict(fold), "drop": drop}
    script = Script({**spec, "prefixes": [], "suffixes": [], "stop_words": []})
    for key in ("prefixes", "suffixes", "stop_words"):
        spec[key] = list(dict.fromkeys(script.normal(word) for word in word_list(section, key)))
    return spec


class Script:
    def __init__(self, spec: Spec) -> None:
        table: dict[int, str | None] = {ord(char): None for char in spec["drop"]}
        table.update({ord(key): value for key, value in spec["fold"].items()})
        self.table = table
        self.prefixes: tuple[str, ...] = tuple(spec["prefixes"])
        self.suffixes: tuple[str, ...] = tuple(spec["suffixes"])
        self.stop_words = frozenset(spec["stop_words"])
        self.words: dict[str, Word | None] = {}

    def normal(self, word: str) -> str:
        return word.translate(self.table)

    def stem(self, word: str) -> str:
        first = True
        while True:
            for prefix in self.prefixes:
                one_letter = len(prefix) == 1
                keeps = ONE_LETTER_KEEPS if one_letter else PREFIX_KEEPS
                if (first or not one_letter) and word.startswith(prefix) and len(word) - len(prefix) >= keeps:
                    word, first = word[len(prefix) :], False
                    break
            else:
                break
        for suffix in self.suffixes:
            if word.endswith(suffix) and len(word) - len(suffix) >= SUFFIX_KEEPS:
                word = word[: -len(suffix)]
        return word

    def word(self, token: str, glued: bool, before: str | None) -> tuple[Word | None, str | None]:
        if token not in self.words:
            normal = self.normal(token)
            stem = self.stem(normal)
            keep = len(normal) >= 2 and normal not in self.stop_words and stem not in self.stop_words
            self.words[token] = Word(stem, (stem,)) if keep else None
        return self.words[token], None
