"""The words the reader features add to pages, in each language of the site."""

from __future__ import annotations

TEXTS: dict[str, dict[str, str]] = {
    "ko": {
        "only_in": "이 문서는 {language}로만 제공됩니다.",
        "only_in_short": "{language}만",
        "language.ko": "한국어",
        "language.en": "영어",
        "machine_translated": "이 문서는 기계 번역되었습니다.",
        "read_english": "영어 원문 보기",
        "handed_off": "번역 전달일",
        "category": "범주",
        "articles": "문서 {count}개",
        "show_original": "영어 원문 표시",
        "side_by_side": "나란히 보기",
        "reading_options": "읽기 옵션",
        "reading_failed": "영어 원문을 불러오지 못했습니다",
        "offline": "오프라인",
        "codes_heading": "오류 코드로 찾기",
        "codes_intro": (
            "반송 메시지(NDR)나 오류 메시지를 아래에 붙여 넣으면 그 안의 오류 코드와 관련 문서를 찾습니다. "
            "입력한 내용은 브라우저 밖으로 전송되지 않습니다."
        ),
        "codes_label": "반송 메시지 또는 오류 메시지",
        "codes_found": "찾은 오류 코드: {codes}",
        "codes_none": "알려진 오류 코드를 찾지 못했습니다.",
        "codes_all": "문서에서 다루는 오류 코드 {count}개",
        "categories_heading": "범주별로 찾기",
        "permalink": "제목 링크",
    },
    "en": {
        "only_in": "This article is available in {language} only.",
        "only_in_short": "{language} only",
        "language.ko": "Korean",
        "language.en": "English",
        "machine_translated": "This article was machine translated.",
        "read_english": "Read the English original",
        "handed_off": "Translation handed off",
        "category": "Category",
        "articles": "Articles: {count}",
        "show_original": "Show Korean text",
        "side_by_side": "Side by side",
        "reading_options": "Reading options",
        "reading_failed": "Could not load the Korean text",
        "offline": "offline",
        "codes_heading": "Find by error code",
        "codes_intro": (
            "Paste a bounce message (NDR) or an error message below to find the error codes in it "
            "and the articles about them. What you paste never leaves your browser."
        ),
        "codes_label": "Bounce message or error message",
        "codes_found": "Error codes found: {codes}",
        "codes_none": "No known error code found.",
        "codes_all": "{count} error codes covered by articles",
        "categories_heading": "Browse by category",
        "permalink": "Permanent link",
    },
}


def text(lang: str, key: str, **values: object) -> str:
    """The text `key` in `lang` (English when the language has no such text), filled in."""
    table = TEXTS.get(lang, TEXTS["en"])
    return table.get(key, TEXTS["en"][key]).format(**values)
