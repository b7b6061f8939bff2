"""The reviewed synonym lists: words readers type that the articles don't, one list per locale
(`search: synonyms:` in tools/sxs/locales/<code>.yml).

A list holds groups of words or phrases that mean the same to a reader; a query word that is one
of them also finds pages with the others. Every problem in a list is reported at once, each with
the place it was found.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from .tokenize import Tokenizer

Group = list[tuple[str, list[str]]]
"""One group: for each phrase, the key a query word's stem must equal, and the phrase's terms."""


class SynonymError(ValueError):
    def __init__(self, path: Path, problems: list[str]) -> None:
        super().__init__("\n".join(f"{path}: error: {problem}" for problem in problems))
        self.problems = problems


def parse(groups: Any, tokenizer: Tokenizer, path: Path) -> list[Group]:
    """A locale's `search: synonyms:` list (None: no synonyms) as the index carries it, each
    phrase as `tokenizer` reads it; SynonymError with every problem, naming `path`."""
    if groups is None:
        return []
    if not isinstance(groups, list):
        raise SynonymError(path, ["search.synonyms: expected a list of groups"])
    problems: list[str] = []
    result: list[Group] = []
    for number, group in enumerate(groups, 1):
        where = f"search.synonyms, group {number}"
        if not isinstance(group, list) or len(group) < 2:
            problems.append(f"{where}: expected a list of two words or phrases or more")
            continue
        entries: Group = []
        for phrase in group:
            found = tokenizer.words(str(phrase)) if isinstance(phrase, (str, int, float)) else []
            terms = [term for word in found for term in word.terms]
            if not terms:
                problems.append(f"{where}: {phrase!r} has no searchable word")
                continue
            entries.append(("".join(word.stem for word in found), terms))
        result.append(entries)
    if problems:
        raise SynonymError(path, problems)
    return result
