"""The search tokenizer: how page text and queries become index terms (tools/sxs/site/search/)."""

from __future__ import annotations

import pytest
from sxs.site.search import english, korean
from sxs.site.search.tokenize import terms, words


def stems(text: str) -> list[str]:
    return [word.stem for word in words(text)]


@pytest.mark.parametrize(
    "text,expected",
    [
        ("메일이", ["메일"]),
        ("메일을", ["메일"]),
        ("배달을", ["배달"]),
        ("로그인이", ["로그인"]),
        ("도메인에서는", ["도메인"]),
        ("팀에서", ["팀"]),
        ("설정하려면", ["설정"]),
        ("만료되지", ["만료"]),
        ("배달되지", ["배달"]),
        ("공유가", ["공유"]),
        # nouns that end like a particle keep it: too short to lose a syllable
        ("추가", ["추가"]),
        ("결과", ["결과"]),
        ("회의", ["회의"]),
        ("제한", ["제한"]),
        ("권한", ["권한"]),
    ],
)
def test_korean_particles_and_endings_are_stripped(text: str, expected: list[str]) -> None:
    assert stems(text) == expected


def test_compound_without_spaces_shares_terms_with_the_spaced_words() -> None:
    assert terms("전자메일") == ["전자", "자메", "메일"]
    assert terms("전자 메일") == ["전자", "자메", "메일"]  # the bigram across the space
    assert terms("화면공유가") == terms("화면 공유")
    assert terms("테넌트") == ["테넌", "넌트"]
    assert set(terms("테넌트")) <= set(terms("테 넌 트"))  # machine translation's split word


def test_word_inside_a_longer_word() -> None:
    assert "녹화" in terms("녹음/녹화")
    assert "만료" in terms("만료 되지 않도록")
    assert "동기" in terms("동기화")


def test_across_the_space_only_between_hangul_words() -> None:
    assert terms("메일, 배달") == ["메일", "배달"]  # punctuation between
    assert terms("메일 SPF 배달") == ["메일", "spf", "배달"]
    assert terms("메일이 배달") == ["메일", "배달"]  # a word with a particle ends a compound


@pytest.mark.parametrize(
    "query,expected",
    [
        ("5.7.23", ["5.7.23"]),
        ("550 5.7.501", ["550", "5.7.501"]),
        ("AADSTS50011", ["aadsts50011"]),
        ("0x80070005", ["0x80070005"]),
        ("오류 코드 5.7.23에 대 한", ["오류", "류코", "코드", "5.7.23"]),
        ("5.7.23.", ["5.7.23"]),  # the sentence's full stop is not part of the code
        ("Outlook에서", ["outlook"]),  # a particle glued to a Latin word is no word
        ("outlook.com", ["outlook.com", "outlook", "com"]),
    ],
)
def test_error_codes_and_latin_words_as_typed(query: str, expected: list[str]) -> None:
    assert terms(query) == expected


def test_full_width_and_case_are_normalized() -> None:
    assert terms("ＡＡＤＳＴＳ５００１１") == ["aadsts50011"]


@pytest.mark.parametrize(
    "word,stem",
    [
        ("configure", "configur"),
        ("configured", "configur"),
        ("configuring", "configur"),
        ("emails", "email"),
        ("mailboxes", "mailbox"),
        ("policies", "polici"),
        ("policy", "polici"),
        ("delayed", "delai"),
        ("delays", "delai"),
        ("crashing", "crash"),
        ("crashes", "crash"),
        ("sharing", "share"),
        ("shared", "share"),
        ("stopped", "stop"),
        ("agreed", "agre"),
        ("organization", "organization"),
    ],
)
def test_english_inflections_meet(word: str, stem: str) -> None:
    assert english.stem(word) == stem


def test_english_stop_words_and_single_letters_are_no_words() -> None:
    assert terms("How do I turn off the Focused Inbox?") == ["do", "turn", "off", "focus", "inbox"]
    assert terms("can't") == ["can"]


def test_korean_stop_words() -> None:
    assert terms("화면 공유가 안 돼요") == ["화면", "면공", "공유"]
    assert "안" in korean.STOP_WORDS
