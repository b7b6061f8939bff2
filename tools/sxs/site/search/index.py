"""Pages to one language's search index: a table of the pages, fetched when the reader starts to
search, and the postings in SHARDS files, each fetched only when a query has a term in it.

docs.json   {"version": 4, "language": "ko", "shards": SHARDS,
             "docs": [[url, title, summary], ...],          url relative to the site root
             "tokenizer": [spec, ...],                      tokenize.py's Spec of each script
             "synonyms": [[[key, [term, ...]], ...], ...],  synonyms.py's groups for this language
             "files": [name of shard 0, ...]}               see `written`
terms-N.H.json {term: postings, ...}                        the terms whose `shard` is N; see `encode`

The summaries stay in the table: typed key by key, a query shows ten results at every key, so
summaries fetched by block of pages for the results shown would save at most a third of the
table's gzip-compressed bytes on the first search, for twenty more requests and one more round
trip before each new page of results.

A weight is the term's BM25 term-frequency part for the page's text (k1 = 1.2, b = 0.75), plus
TITLE_WEIGHT when the term is in the title, times WEIGHT_SCALE and rounded (1 to 15; finer steps
change no ranking of bench/search-queries.yml and cost a tenth of the index): the browser
multiplies it by the term's IDF, which it computes from the length of the posting list. Packing gap and
weight into one number, written as a base-32 string, makes the index less than half the size
of JSON pairs of numbers. Terms on more than MAX_SHARE of the pages (`니다`, `사용`, `see`) are
left out: they rank nothing and would be a tenth of the bytes.
"""

from __future__ import annotations

import functools
import hashlib
import json
from collections import Counter, defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from itertools import pairwise
from typing import Any

from .synonyms import Group
from .tokenize import Tokenizer

K1, B = 1.2, 0.75
TITLE_WEIGHT = 2.0
WEIGHT_SCALE, WEIGHT_STEPS = 4, 16
"""A posting is gap * WEIGHT_STEPS + weight; docs/assets/search/engine.js unpacks it the same way."""
MAX_SHARE = 0.25
MIN_KEPT = 100
"""A term on at most this many pages is always kept, so that a small site keeps every term."""
SHARDS = 128
"""Postings files per language. Typing a query key by key needs the shards of every prefix's
terms (a syllable typed is a term for a moment): a dozen for a Korean query of
bench/search-queries.yml. Measured on the corpus (Korean postings 435 KiB, 227 KiB
gzip-compressed), the shards of a Korean query weigh on average 83 KiB gzip-compressed with 32
shards, 47 with 64, 28 with 128 and 16 with 256 (as many requests): 256 would save 12 KiB more
for twice the files on the host."""
SUMMARY_CHARS = 64
"""One line under the title in the results; summaries are a quarter of the index's bytes."""
_LAST_DIGITS = "0123456789abcdefghijklmnopqrstuv"
_DIGITS = "ABCDEFGHIJKLMNOPQRSTUVWXYZ!#$%&*"


def encode(numbers: Iterable[int]) -> str:
    """Each number in base 32, most significant digit first; the last digit of a number from
    `_LAST_DIGITS`, the others from `_DIGITS`, so that no separator is needed."""
    return "".join(map(_digits, numbers))


@functools.cache  # postings repeat a few thousand small numbers millions of times
def _digits(number: int) -> str:
    digits = [_LAST_DIGITS[number % 32]]
    number //= 32
    while number:
        digits.append(_DIGITS[number % 32])
        number //= 32
    return "".join(reversed(digits))


def _gaps(entries: list[int]) -> list[int]:
    """A term's postings as written, from its entries `page number * WEIGHT_STEPS + weight`:
    each page number as the gap from the page before it."""
    return [entry - (before - before % WEIGHT_STEPS) for before, entry in pairwise([0, *entries])]


def _step(tf: int, in_title: bool, norm: float) -> int:
    """A posting's weight (see the module's docstring); `norm` is the page's BM25 length norm."""
    weight = tf * (K1 + 1) / (tf + norm) + (TITLE_WEIGHT if in_title else 0.0)
    return min(WEIGHT_STEPS - 1, max(1, round(WEIGHT_SCALE * weight)))


def shard(term: str) -> int:
    """The postings file of `term`: FNV-1a (32 bits) of its first two characters, modulo SHARDS.

    The first two only, so that every completion of a Latin word being typed (two characters
    or more, engine.js's `completions`) is in the one file of the word. A Hangul term is one
    or two syllables (a Han term two characters), all of it. Characters are code points: every
    script's pattern is in the Basic Multilingual Plane, so they are JavaScript's UTF-16 units
    too. docs/assets/search/engine.js has the same function."""
    value = 2166136261
    for char in term[:2]:
        value = ((value ^ ord(char)) * 16777619) & 0xFFFFFFFF
    return value % SHARDS


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
    tokenizer: Tokenizer
    synonyms: list[Group] = field(default_factory=list)
    docs: list[_Doc] = field(default_factory=list)

    def add(self, url: str, title: str, text: str) -> None:
        text = " ".join(text.split())  # runs of white space as one space (what `\s+` matches)
        terms = self.tokenizer.terms
        body = Counter(terms(text))
        summary = text if len(text) <= SUMMARY_CHARS else text[:SUMMARY_CHARS].rstrip() + "…"
        self.docs.append(_Doc(url, title, summary, body, frozenset(terms(title)), sum(body.values())))

    def files(self) -> dict[str, Any]:
        """The index's files by name, each as the JSON value to write; every shard has its file,
        empty or not, so that the browser never asks for one that is missing."""
        average = sum(doc.length for doc in self.docs) / len(self.docs) if self.docs else 1.0
        entries: defaultdict[str, list[int]] = defaultdict(list)
        for number, doc in enumerate(self.docs):
            norm = K1 * (1 - B + B * doc.length / max(average, 1.0))
            first = number * WEIGHT_STEPS
            steps = {tf: _step(tf, False, norm) for tf in set(doc.body.values())}  # a few per page
            for term, tf in doc.body.items():
                if term not in doc.title_terms:
                    entries[term].append(first + steps[tf])
            for term in doc.title_terms:
                entries[term].append(first + _step(doc.body[term], True, norm))
        limit = max(MAX_SHARE * len(self.docs), MIN_KEPT)
        shards: list[dict[str, str]] = [{} for _ in range(SHARDS)]
        for term in sorted(entries):
            if len(entries[term]) <= limit:
                shards[shard(term)][term] = encode(_gaps(entries[term]))
        return {
            "docs.json": {
                "version": 4,
                "language": self.language,
                "shards": SHARDS,
                "docs": [[doc.url, doc.title, doc.summary] for doc in self.docs],
                "tokenizer": self.tokenizer.specs,
                "synonyms": self.synonyms,
            },
            **{f"terms-{number}.json": terms for number, terms in enumerate(shards)},
        }


def written(files: dict[str, Any]) -> dict[str, bytes]:
    """`IndexBuilder.files()` as written: JSON bytes, each postings file named `terms-N.H.json` by
    the first 8 hex digits (H) of its bytes' SHA-256, and docs.json listing those names ("files").
    A server can then let browsers keep a postings file for good (deploy/nginx.conf): a rebuild
    that changes one gives it a new name, which only the new docs.json names."""

    def encode(value: Any) -> bytes:
        return json.dumps(value, ensure_ascii=False, separators=(",", ":")).encode()

    out: dict[str, bytes] = {}
    names: list[str] = []
    for number in range(SHARDS):
        data = encode(files[f"terms-{number}.json"])
        names.append(f"terms-{number}.{hashlib.sha256(data).hexdigest()[:8]}.json")
        out[names[-1]] = data
    return {"docs.json": encode({**files["docs.json"], "files": names}), **out}
