"""The synonym list contributors review (data/search-synonyms.yml) and how its mistakes are reported."""

from __future__ import annotations

from pathlib import Path

import pytest
from sxs.site.search import synonyms

ROOT = Path(__file__).resolve().parents[2]


def test_the_reviewed_list_loads() -> None:
    groups = synonyms.load(ROOT / "data" / "search-synonyms.yml")
    korean = {key: terms for group in groups["ko"] for key, terms in group}
    assert korean["비밀번호"] == ["비밀", "밀번", "번호"]
    assert korean["암호"] == ["암호"]
    assert korean["전자메일"] == ["전자", "자메", "메일"]  # a phrase's key is its words' stems run together
    assert "en" in groups


def test_every_problem_is_reported_at_once(tmp_path: Path) -> None:
    path = tmp_path / "synonyms.yml"
    path.write_text("ko:\n  - [암호]\n  - [암호, '...']\n  - 비밀번호\nen: nothing\n", encoding="utf-8")
    with pytest.raises(synonyms.SynonymError) as error:
        synonyms.load(path)
    assert error.value.problems == [
        "ko, group 1: expected a list of two words or phrases or more",
        "ko, group 2: '...' has no searchable word",
        "ko, group 3: expected a list of two words or phrases or more",
        "en: expected a list of groups",
    ]
    assert str(error.value).startswith(f"{path}: error: ko, group 1:")


def test_no_file_no_synonyms(tmp_path: Path) -> None:
    assert synonyms.load(tmp_path / "missing.yml") == {}
