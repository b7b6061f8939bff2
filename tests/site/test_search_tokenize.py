"""The search tokenizer: how page text and queries become index terms (tools/sxs/site/search/),
with the word lists of the locale files."""

from __future__ import annotations

import pytest
from hypothesis import example, given
from hypothesis import strategies as st
from sxs.site.search import english
from sxs.site.search.tokenize import Tokenizer, normalize

KOREAN = Tokenizer.of("ko", ["en"])
CHINESE = Tokenizer.of("zh-CN", ["en"])
ARABIC = Tokenizer.of("ar", ["en"])
words, terms = KOREAN.words, KOREAN.terms


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


def test_a_run_read_before_reads_as_its_new_context_says() -> None:
    """Each run's reading is remembered (a site repeats its words a million times), its context is not."""
    after = ["배달", "달메", "메일", "일화", "화면", "면메", "메일", "일메", "메일", "메일"]
    assert terms("배달 메일 화면 메일 메일이 메일") == after  # 메일 after 배달, 화면, 메일이
    assert terms("Teams가 가 가나다 Teams가") == ["team", "가", "가가", "가나", "나다", "team"]


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
    assert terms("안") == []


def test_a_language_reads_its_own_script_first_then_the_other_languages_each_once() -> None:
    assert [spec["module"] for spec in Tokenizer.of("zh-CN", ["ko", "en", "zh-CN"]).specs] == [
        "han",
        "korean",
        "english",
    ]
    assert [spec["module"] for spec in Tokenizer.of("en", ["ko", "en"]).specs] == ["english", "korean"]


def test_chinese_runs_become_overlapping_bigrams() -> None:
    # zh-CN corpus, admin-password-reset.md
    text = "如果忘记密码，但使用缓存凭据登录，请在“我的帐户”中添加安全信息，然后使用 SSPR 重置密码。"
    assert terms_of(CHINESE, text) == [
        ["如果", "果忘", "忘记", "记密", "密码"],
        ["但使", "使用", "用缓", "缓存", "存凭", "凭据", "据登", "登录"],
        ["请在"],
        ["我的", "的帐", "帐户"],
        ["中添", "添加", "加安", "安全", "全信", "信息"],
        ["然后", "后使", "使用"],
        ["sspr"],
        ["重置", "置密", "密码"],
    ]
    assert terms_of(CHINESE, "密") == [["密"]]  # a one-character run is its own term
    assert terms_of(CHINESE, "如何 重置密码") == [["重置", "置密", "密码"]]  # a stop word typed apart


def test_japanese_kana_and_kanji_runs_become_bigrams() -> None:
    assert terms_of(CHINESE, "パスワードをリセット") == [
        ["パス", "スワ", "ワー", "ード", "ドを", "をリ", "リセ", "セッ", "ット"]
    ]
    assert terms_of(CHINESE, "管理センター・設定々") == [
        ["管理", "理セ", "セン", "ンタ", "ター"],
        ["設定", "定々"],
    ]


def terms_of(tokenizer: Tokenizer, text: str) -> list[list[str]]:
    return [list(word.terms) for word in tokenizer.words(text)]


@pytest.mark.parametrize(
    "text,expected",
    [
        # ar-SA corpus, admin-password-reset.md
        ("إعادة تعيين كلمة مرور المسؤول", ["اعاد", "تع", "كلم", "مرور", "مسؤول"]),
        (
            "إذا نسيت كلمة المرور الخاصة بك",
            ["نسيت", "كلم", "مرور", "خاص"],
        ),
        # the article, and the conjunction or preposition before it
        ("البريد والبريد بالبريد للبريد", ["بريد", "بريد", "بريد", "بريد"]),
        # a one-letter prefix leaves four letters at least: بريد keeps its ب, وبريد loses its و
        ("بريد وبريد", ["بريد", "بريد"]),
        # spelled with or without hamza and article, the word meets itself
        ("الإلكتروني إلكتروني الالكتروني", ["كترون", "كترون", "كترون"]),
        # suffixes: plural, possessive, taa marbuta
        ("الإعدادات إعداداتها إعداد", ["اعداد", "اعداد", "اعداد"]),
        # diacritics, tatweel, alef maqsura and taa marbuta
        ("المُستَخـــدِم مستخدم إلى مستشفى مستشفي", ["مستخدم", "مستخدم", "مستشف", "مستشف"]),
    ],
)
def test_arabic_words_are_normalized_and_light_stemmed(text: str, expected: list[str]) -> None:
    assert ARABIC.terms(text) == expected


def test_arabic_stop_words_and_latin_words_in_arabic_text() -> None:
    assert ARABIC.terms("في Outlook على الويب") == ["outlook", "ويب"]


def read_run_by_run(tokenizer: Tokenizer, text: str) -> list[tuple[str, tuple[str, ...]]]:
    return [(word.stem, word.terms) for _, _, word, _ in tokenizer.runs(normalize(text)) if word]


PIECES = "메일 메일이 화면 공유 이 테 넌 트 Outlook 5.7.23 設定 中文 البريد".split()
SPACES = [" ", "  ", "\t", "\u00a0", "\u3000", ", ", "-", "(", ")", "", "\n", " . "]


@given(st.lists(st.sampled_from(PIECES + SPACES), max_size=12).map("".join))
@example("화면 (공유")  # a chunk that does not open with its run: no bigram across the space
@example("화면) 공유")
@example("화면\t공유 설정")
def test_words_read_chunk_by_chunk_are_the_words_read_run_by_run(text: str) -> None:
    """`words` reads each text between spaces once for the whole index (`runs` reads every run)."""
    for tokenizer in (KOREAN, CHINESE, ARABIC):
        words = [(word.stem, word.terms) for word in tokenizer.words(text)]
        assert words == read_run_by_run(tokenizer, text)
