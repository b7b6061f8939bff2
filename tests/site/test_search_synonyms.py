"""The synonym lists contributors review (each locale's `search: synonyms:`) and how their mistakes
are reported."""

from __future__ import annotations

from pathlib import Path

import pytest
from sxs import locales
from sxs.site.search import synonyms
from sxs.site.search.tokenize import Tokenizer


def reviewed(language: str) -> dict[str, list[str]]:
    tokenizer = Tokenizer.of(language, ["ko", "en"])
    groups = synonyms.parse(locales.locale(language).section("search")["synonyms"], tokenizer, Path("x"))
    return {key: terms for group in groups for key, terms in group}


def test_the_reviewed_lists_load() -> None:
    korean = reviewed("ko")
    assert korean["비밀번호"] == ["비밀", "밀번", "번호"]
    assert korean["암호"] == ["암호"]
    assert korean["전자메일"] == ["전자", "자메", "메일"]  # a phrase's key is its words' stems run together
    assert korean["outlook"] == ["outlook"]  # the English script of a Korean page
    assert reviewed("en")["sign"] == ["sign"]  # `in` is a stop word


def test_every_problem_is_reported_at_once(tmp_path: Path) -> None:
    path = tmp_path / "ko.yml"
    tokenizer = Tokenizer.of("ko", ["en"])
    with pytest.raises(synonyms.SynonymError) as error:
        synonyms.parse([["암호"], ["암호", "..."], "비밀번호"], tokenizer, path)
    assert error.value.problems == [
        "search.synonyms, group 1: expected a list of two words or phrases or more",
        "search.synonyms, group 2: '...' has no searchable word",
        "search.synonyms, group 3: expected a list of two words or phrases or more",
    ]
    assert str(error.value).startswith(f"{path}: error: search.synonyms, group 1:")
    with pytest.raises(synonyms.SynonymError, match="expected a list of groups"):
        synonyms.parse("nothing", tokenizer, path)


def test_no_list_no_synonyms() -> None:
    assert synonyms.parse(None, Tokenizer.of("ko"), Path("ko.yml")) == []
