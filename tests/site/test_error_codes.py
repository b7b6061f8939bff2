"""Error codes found in text (tools/sxs/site/error_codes.py); the browser's copy is tested in
tests/browser/test_error_finder.py against the same cases."""

from __future__ import annotations

import pytest
from sxs.site.error_codes import Code, find_codes, sort_key

NDR = """Delivery has failed to these recipients or groups:
user@contoso.com
Remote Server returned '550 5.7.501 Access denied, spam abuse detected. AS(1234)'
Diagnostic information: 4.4.7 after 5.7.501 again; Sign-in failed: AADSTS50011 (0x8004de40)."""


def test_codes_of_a_bounce_message_in_order_each_once() -> None:
    assert find_codes(NDR) == [
        Code("5.7.501", "550 5.7.501"),
        Code("4.4.7", "4.4.7"),
        Code("AADSTS50011", "AADSTS50011"),
        Code("0x8004DE40", "0x8004DE40"),
    ]


@pytest.mark.parametrize(
    "text, keys",
    [
        ("Fix email delivery issues for error code 5.7.23", ["5.7.23"]),
        ("550-5.4.1 Relay Access Denied", ["5.4.1"]),
        ("오류 코드 5.7.23에 대 한 전자 메일", ["5.7.23"]),
        ("error aadsts9000411.", ["AADSTS9000411"]),
        ("Windows 10.0.19041, TLS 1.2, version 2.0.1.5, 5.7.5011, v5.1.1", []),
        ("0x80070005 and 0X80070005", ["0x80070005"]),
        ("0xZZ12 and 0x123", []),
        ("Solutions for error 30015-25", ["30015-25"]),
        ("Error code 30125-4 or 30125-1011 when installing Office", ["30125-4"]),
        ("오류 코드: 30088-4", ["30088-4"]),
        ("Released 2020-02-26, pages 1-2, error 30015-25-7", []),
        # numbered errors: a number is a code only right after the word error, code, 오류 or 코드
        ("1554 Winsock error 10061", ["10061"]),
        ("1554 Winsock 오류 10061", ["10061"]),
        ("Troubleshoot Error 404, File not found", ["404"]),
        ("오류 404: SharePoint 또는 OneDrive에서 파일을 찾을 수 없음", ["404"]),
        ("오류 404를 해결", ["404"]),
        ("Outlook.com 오류 550", ["550"]),
        ("Error 550/553 in Outlook.com", ["550", "553"]),
        ("error code: 1603 and 오류 코드 80070005", ["1603", "80070005"]),
        ("오류 코드 0x15", ["0x15"]),
        ("ERROR CODE 0x0a then error 0x12345", ["0x0A", "0x12345"]),
        # ... and the basic reply code before an enhanced one is not a code of its own
        ("오류 코드 550 5.7.705 액세스 거부", ["5.7.705"]),
        ("Error: 550-5.4.1 and error 451 4.4.62", ["5.4.1", "4.4.62"]),
        ("Error 0-1036 when installing office", ["0-1036"]),
    ],
)
def test_what_is_a_code(text: str, keys: list[str]) -> None:
    assert [c.key for c in find_codes(text)] == keys


@pytest.mark.parametrize(
    "text",
    [
        # a number alone, or after words that are not error/code
        "1554 Winsock 10061 on port 443, TLS 1.2, build 19041, 2020",
        "Connect to port 587 or 993; HTTP 404; KB4023057; 1,000 users",
        # a number error/code does not name: too short, a version, date, time, decimal, range
        "error 1 of 3, code 42, 오류 2개, error 0x, 코드 7",
        "error 10.0.19041, code 2.0, error 404.3, 오류 1,234, error 12:30",
        "error 2020-02-26, code 2020/02/26, error 100-200-300, error 550/5",
        # a part of a word, before or after
        "barcode 12345, Unicode 128, zipcode 98052, errors 500, error 128bit, code 365x, code 123_4",
        "error 12345678901 (eleven digits), 오류 코드 0x1G, error 0x12345678901",
    ],
)
def test_what_is_not_a_code(text: str) -> None:
    assert find_codes(text) == []


def test_a_code_after_the_word_is_found_in_a_bounce_message() -> None:
    message = (
        "Remote server returned error 550 5.7.501; then Winsock error: 10061 (connection refused) at 10:42"
    )
    assert find_codes(message) == [Code("5.7.501", "550 5.7.501"), Code("10061", "10061")]


def test_codes_sort_numerically_then_by_kind() -> None:
    keys = [
        "30015-4",
        "0x80070005",
        "AADSTS50011",
        "5.7.501",
        "5.7.23",
        "4.4.7",
        "5.4.1",
        "30015-25",
        "0-1036",
        "10061",
        "0x15",
        "550",
        "404",
    ]
    assert sorted(keys, key=sort_key) == [
        "4.4.7",
        "5.4.1",
        "5.7.23",
        "5.7.501",
        "AADSTS50011",
        "0x15",
        "0x80070005",
        "0-1036",
        "30015-4",
        "30015-25",
        "404",
        "550",
        "10061",
    ]
