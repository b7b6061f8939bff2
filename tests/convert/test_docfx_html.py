"""DocFX's Markdown, imported (the golden pages of tests/fixtures/converter/docfx-*), as readers see it.

Each page is rendered with the site's own Markdown (htmlcheck reads mkdocs.yml) and must give
Material's HTML for the DocFX construct, in both languages.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from sxs.pages.htmlcheck import normalise, to_html

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "converter"


def html(case: str, page: str) -> str:
    return normalise(to_html((FIXTURES / case / "expected" / page).read_text(encoding="utf-8")))


def test_lists_indented_as_docfx_keep_their_items_alerts_and_tables() -> None:
    got = html("docfx-lists", "deploy-client.en.md")
    # Content indented by three (`1. ` is three wide) stays in its item: one list, numbered 1 to 3.
    assert got.count("<ol>") == 3 and "<li><p>Run the command:</p>" in got
    assert (
        "<li><p>Copy the App-V 5.0 client installation file to the computer on which it will be "
        "installed.</p>"
        "<p>Choose from the following client types:</p><table>"
    ) in got
    assert (
        '<li><p><strong>.msi</strong></p></li></ul><div class="admonition note">'
        '<p class="admonition-title">Note</p>'
        "<p>After the installation, only the .exe file can be uninstalled.</p></div></li>"
    ) in got
    # A list straight after a paragraph, an alert straight after a list item's or a paragraph's text.
    assert (
        '<ul><li><p>64-bit Windows 10 Pro, Enterprise, or Education</p><div class="admonition note">'
    ) in got
    assert (
        '<p>The alert below follows its paragraph with no blank line.</p><div class="admonition warning">'
        '<p class="admonition-title">Warning</p>'
    ) in got
    # An alert that opens a list item, on its marker line: all its paragraphs kept.
    assert (
        '<ol><li><!-- --><div class="admonition note"><p class="admonition-title">Note</p>'
        "<p>Before performing the following procedure, install the parent application.</p>"
        "<p>For example, install Microsoft Excel locally.</p></div></li>"
    ) in got
    assert "!!!" not in got and "[!NOTE]" not in got


def test_div_classes_checklists_selectors_and_next_step_buttons() -> None:
    got = html("docfx-divs", "get-started.ko.md")
    assert '<div class="checklist"><ul><li>개발 환경 설정</li><li>새 웹 페이지 만들기</li></ul></div>' in got
    assert '<div class="op_single_selector"><ul><li><a href="unity.md">Unity</a></li>' in got
    assert (
        '<div class="nextstepaction"><p><a class="md-button md-button--primary" href="unity.md">'
        "HoloLens 또는 몰입형 헤드셋에 배포</a></p></div>"
    ) in got
    # Inside a list item too (md_in_html could not do that).
    assert '<li><p>단계.</p><div class="nextstepaction">' in got
    assert "[!div" not in got


def test_tabs_become_content_tabs_with_titles_in_the_page_language() -> None:
    got = html("docfx-tabs", "configure.en.md")
    assert (
        '<div class="tabbed-labels"><label for="__tabbed_1_1">Unity 2020 + OpenXR</label>'
        '<label for="__tabbed_1_2">Legacy WSA</label></div>'
    ) in got
    assert '<div class="tabbed-block"><h3 id="clone-the-profile">Clone the profile' in got
    # `---` ends the group; the next heading-tabs make a second group.
    assert '</div></div></div><p>A paragraph after the tabs.</p><div class="tabbed-set' in got
    assert '<label for="__tabbed_2_2">4.26</label>' in got
    assert "#tab/" not in got and "<hr" not in got
    assert '<label for="__tabbed_1_2">레거시 WSA</label>' in html("docfx-tabs", "configure.ko.md")


def test_rows_and_columns_become_a_row_of_columns() -> None:
    got = html("docfx-grid", "motion-controllers.en.md")
    assert (
        '<div class="sxs-row"><div class="column"><p>Motion controllers are <a href='
        '"https://docs.microsoft.com/windows/mixed-reality/discover/hardware-accessories">'
        "hardware accessories</a>."
    ) in got
    assert '<div class="column"><p><img alt="Windows Mixed Reality motion controller" src=' in got
    assert '<div class="column span2"><p><strong>A wide column</strong></p><ul><li>First</li>' in got
    assert ":::" not in got and "<pre>" not in got


def test_zones_and_monikers_keep_their_content_and_show_their_condition() -> None:
    got = html("docfx-conditions", "profiles.en.md")
    assert (
        '<div class="sxs-condition sxs-moniker"><p><span class="sxs-condition__label">Applies to: '
        "&gt;= mrtkunity-2021-05</span></p>"
        "<p>Use the default profile for all of Unity's XR pipelines.</p></div>"
    ) in got
    assert 'Applies to: &lt; mrtkunity-2021-05</span></p><div class="admonition info">' in got
    assert '<li><p>Select your platform.</p><div class="sxs-condition sxs-zone"><p><span' in got
    assert "적용 대상: windows</span></p><p>Windows에서 앱을 실행 합니다.</p>" in html(
        "docfx-conditions", "profiles.ko.md"
    )
    assert "::: moniker" not in got and "::: zone" not in got


@pytest.mark.parametrize(
    ("page", "alt", "description"),
    [
        ("marketplace.en.md", "Shows the private marketplace menu option.", "Image description"),
        ("marketplace.ko.md", "개인 marketplace 메뉴 옵션을 표시 합니다.", "이미지 설명"),
    ],
)
def test_images_with_alt_text_in_the_page_language_lightbox_and_border(
    page: str, alt: str, description: str
) -> None:
    got = html("docfx-images", page)
    assert (
        f'<a href="media/private-marketplace-zoom.png"><img alt="{alt}" class="mx-imgBorder" '
        'src="media/private-marketplace.png" /></a>'
    ) in got
    assert '<img alt="" src="media/private-marketplace.png" />' in got  # an icon is decorative
    assert (
        'class="mx-imgBorder" src="media/private-marketplace.png" /></p>'
        f'<details class="abstract"><summary>{description}</summary>' in got
    )
    assert "УНН/NZOU" in got and ":::" not in got


def test_code_includes_show_the_repository_file() -> None:
    got = html("docfx-code", "docs/program.en.md")
    assert got.count('<div class="highlight">') == 2
    # range=8-11 and highlight=3: the line of the range that writes, marked.
    assert '<span class="hll"><span class="w"></span><span class="n">Console</span>' in got
    assert "// &lt;snippet_Main&gt;" not in got and "snippet_Main" not in got


def test_math_is_mathml_and_dollars_that_are_not_math_stay_text() -> None:
    got = html("docfx-math", "formulas.en.md")
    assert '<math xmlns="http://www.w3.org/1998/Math/MathML" display="inline"><mrow><mi>&#x003C0;</mi>' in got
    assert '<math xmlns="http://www.w3.org/1998/Math/MathML" display="block"><mrow><mfrac>' in got
    assert "<p>$DOMAIN$\\$SERVERNAME$ - Enter the server name.</p>" in got
    assert got.count("<math") == 2
    assert html("docfx-math", "formulas.ko.md").count("<math") == 2


def test_checkboxes_and_radio_buttons_stay_other_inputs_go() -> None:
    got = html("forms", "questionnaire.en.md")
    assert '<li><input type="checkbox"> We have meeting rooms.</li>' in got
    assert '<li><input type="checkbox" disabled checked> We assessed the network.</li>' in got
    assert '<li><input type="radio" name="size"> Fewer than 100 employees</li>' in got
    assert got.count("<input") == 3 and "<li>Company name</li>" in got
