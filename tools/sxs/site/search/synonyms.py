"""The reviewed synonym list (data/search-synonyms.yml): words readers type that the articles don't.

The file maps a language to groups of words or phrases that mean the same to a reader; a query
word that is one of them also finds pages with the others. Every problem in the file is
reported at once, each with the place it was found.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import yaml

from .tokenize import words

Group = list[tuple[str, list[str]]]
"""One group: for each phrase, the key a query word's stem must equal, and the phrase's terms."""


class SynonymError(ValueError):
    def __init__(self, path: Path, problems: list[str]) -> None:
        super().__init__("\n".join(f"{path}: error: {problem}" for problem in problems))
        self.problems = problems


def load(path: Path) -> dict[str, list[Group]]:
    """Each language's groups; an empty dict if the file does not exist."""
    if not path.exists():
        return {}
    data: Any = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
    problems: list[str] = []
    if not isinstance(data, dict):
        raise SynonymError(path, ["expected a mapping of language codes to lists of groups"])
    result: dict[str, list[Group]] = {}
    for language, groups in data.items():
        if not isinstance(groups, list):
            problems.append(f"{language}: expected a list of groups")
            continue
        result[str(language)] = []
        for number, group in enumerate(groups, 1):
            where = f"{language}, group {number}"
            if not isinstance(group, list) or len(group) < 2:
                problems.append(f"{where}: expected a list of two words or phrases or more")
                continue
            entries: Group = []
            for phrase in group:
                found = words(str(phrase)) if isinstance(phrase, (str, int, float)) else []
                terms = [term for word in found for term in word.terms]
                if not terms:
                    problems.append(f"{where}: {phrase!r} has no searchable word")
                    continue
                entries.append(("".join(word.stem for word in found), terms))
            result[str(language)].append(entries)
    if problems:
        raise SynonymError(path, problems)
    return result
