"""Chinese and Japanese words to index terms: a run of Han and Kana characters cut into bigrams.

Chinese and Japanese put no space between words, so a run is a phrase or a whole sentence;
overlapping pairs of characters find a word anywhere inside it (`密码` in `重置用户密码`) without a
dictionary, as CJK bigram indexing does (Lucene's CJKBigramFilter). A run of one character is its
own term. A run that is one of the locale's `stop_words` is no word. docs/assets/search/han.js is
the same for the query.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from .korean import bigrams
from .tokenize import Spec, Word, word_list

PATTERN = (
    "[\u3005\u3041-\u3096\u309d-\u309f\u30a1-\u30fa\u30fc-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]+"
)
"""A run of Han ideographs (the basic plane's blocks, 々) and Kana (ー, not the middle dot ・)."""


def lists(section: Mapping[str, Any]) -> Spec:
    return {"stop_words": sorted(set(word_list(section, "stop_words")))}


class Script:
    def __init__(self, spec: Spec) -> None:
        self.stop_words = frozenset(spec["stop_words"])

    def word(self, token: str, glued: bool, before: str | None) -> tuple[Word | None, str | None]:
        if token in self.stop_words:
            return None, None
        return Word(token, tuple(bigrams(token))), None
