"""Pages to one language's search index: a JSON inverted index small enough to fetch on first search.

{"version": 1, "language": "ko",
 "docs": [[url, title, summary], ...],              url relative to the site root
 "terms": {term: postings},                         see `encode` and WEIGHT_STEPS
 "synonyms": [[[key, [term, ...]], ...], ...]}       synonyms.py's groups for this language

A weight is the term's BM25 term-frequency part for the page's text (k1 = 1.2, b = 0.75), plus
TITLE_WEIGHT when the term is in the title, times WEIGHT_SCALE and rounded (1 to 15; finer steps
change no ranking of bench/search-queries.yml and cost a tenth of the index): the browser
multiplies it by the term's IDF, which it computes from the length of the posting list. Packing gap and
weight into one number, written as a base-32 string, makes the index less than half the size
of JSON pairs of numbers. Terms on more than MAX_SHARE of the pages (`니다`, `사용`, `see`) are
left out: they rank nothing and would be a tenth of the bytes.
"""
from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field
from typing import Any

from .synonyms import Group
from .tokenize import terms

K1, B = 1.2, 0.75
TITLE_WEIGHT = 2.0
WEIGHT_SCALE, WEIGHT_STEPS = 4, 16
"""A posting is gap * WEIGHT_STEPS + weight; docs/assets/search/engine.js unpacks it the same way."""
MAX_SHARE = 0.25
MIN_KEPT = 100
"""A term on at most this many pages is always kept, so that a small site keeps every term."""
SUMMARY_CHARS = 64
"""One line under the title in the results; summaries are a quarter of the index's bytes."""
_SPACE = re.compile(r"\s+")
_LAST_DIGITS = "0123456789abcdefghijklmnopqrstuv"
_DIGITS = "ABCDEFGHIJKLMNOPQRSTUVWXYZ!#$%&*"


def encode(numbers: list[int]) -> str:
    """Each number in base 32, most significant digit first; the last digit of a number from
    `_LAST_DIGITS`, the others from `_DIGITS`, so that no separator is needed."""
    out: list[str] = []
    for number in numbers:
        digits = [_LAST_DIGITS[number % 32]]
        number //= 32
        while number:
            digits.append(_DIGITS[number % 32])
            number //= 32
        out.extend(reversed(digits))
    return "".join(out)


@dataclass
class _Doc:
    url: str
    title: str
    summary: str
    body: Counter[str]
    title_terms: frozenset[str]
    length: int


@dataclass
class IndexBuilder:
    language: str
    synonyms: list[Group] = field(default_factory=list)
    docs: list[_Doc] = field(default_factory=list)

    def add(self, url: str, title: str, text: str) -> None:
        text = _SPACE.sub(" ", text).strip()
        body = Counter(terms(text))
        summary = text if len(text) <= SUMMARY_CHARS else text[:SUMMARY_CHARS].rstrip() + "…"
        self.docs.append(_Doc(url, title, summary, body, frozenset(terms(title)), sum(body.values())))

    def to_json(self) -> dict[str, Any]:
        average = sum(doc.length for doc in self.docs) / len(self.docs) if self.docs else 1.0
        postings: dict[str, list[int]] = {}
        limit = max(MAX_SHARE * len(self.docs), MIN_KEPT)
        last: dict[str, int] = {}
        for number, doc in enumerate(self.docs):
            norm = K1 * (1 - B + B * doc.length / max(average, 1.0))
            for term in sorted(doc.body.keys() | doc.title_terms):
                tf = doc.body[term]
                weight = tf * (K1 + 1) / (tf + norm) + (TITLE_WEIGHT if term in doc.title_terms else 0.0)
                step = min(WEIGHT_STEPS - 1, max(1, round(WEIGHT_SCALE * weight)))
                packed = (number - last.get(term, 0)) * WEIGHT_STEPS + step
                postings.setdefault(term, []).append(packed)
                last[term] = number
        return {
            "version": 1,
            "language": self.language,
            "docs": [[doc.url, doc.title, doc.summary] for doc in self.docs],
            "terms": {term: encode(numbers) for term, numbers in postings.items() if len(numbers) <= limit},
            "synonyms": self.synonyms,
        }
