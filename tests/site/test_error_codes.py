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
    ],
)
def test_what_is_a_code(text: str, keys: list[str]) -> None:
    assert [c.key for c in find_codes(text)] == keys


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
    ]
    assert sorted(keys, key=sort_key) == [
        "4.4.7",
        "5.4.1",
        "5.7.23",
        "5.7.501",
        "AADSTS50011",
        "0x80070005",
        "0-1036",
        "30015-4",
        "30015-25",
    ]
