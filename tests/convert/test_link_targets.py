"""Where links lead (convert/links.py, convert/sitemap.py), beyond the golden case docset-links."""

from __future__ import annotations

from pathlib import Path

import pytest
from sxs.cli import main
from sxs.convert.docset import Publication, _read_json
from sxs.convert.inline import LinkContext, clean
from sxs.convert.read import read_repository
from sxs.convert.sitemap import Target

ROOT = Path(__file__).resolve().parents[2]
REPO = ROOT / "tests" / "fixtures" / "converter" / "docset-links" / "src"


@pytest.fixture(scope="module")
def repo() -> Publication:
    return read_repository(REPO)


@pytest.mark.parametrize(
    ("address", "target"),
    [
        ("/windows/demo/develop/overview", Target(page="demo/develop/overview")),
        ("/WINDOWS/Demo/Develop/Overview.md#Part", Target(page="demo/develop/overview", fragment="#Part")),
        ("/windows/demo/develop/overview?view=v2", Target(page="demo/develop/overview")),
        ("/windows/demo/develop/", Target(page="demo/develop/index")),
        ("/windows/demo/develop", Target(page="demo/develop/index")),  # the folder, without its slash
        ("/windows/demo", Target(page="demo/index")),
        ("/windows/demo/index", Target(page="demo/index")),
        ("/windows/demo/extra/guide", Target(page="extra/guide")),  # the nested set's base wins
        ("/ko-kr/windows/demo/extra/guide", Target(page="extra/guide")),  # a locale in the path
        (
            "https://docs.microsoft.com/en-us/windows/demo/develop/overview",
            Target(page="demo/develop/overview"),
        ),
        ("https://learn.microsoft.com/windows/demo/develop/overview", Target(page="demo/develop/overview")),
        ("/windows/demo/older-overview#x", Target(page="demo/develop/overview", fragment="#x")),
        ("/windows/demo/develop/old-start", Target(page="demo/develop/unity/start", fragment="#first-steps")),
        ("/windows/demo/hololens-setup", Target(url="https://learn.microsoft.com/hololens/hololens-setup")),
        (
            "/windows/demo/old-hololens",
            Target(url="https://learn.microsoft.com/hololens/hololens-setup#step"),
        ),
        ("/windows/demo/develop/nothing", None),
        ("/windows/other/develop/overview", None),
        ("https://example.com/windows/demo/develop/overview", None),
    ],
)
def test_addresses_on_the_documentation_site(repo: Publication, address: str, target: Target | None) -> None:
    assert repo.site.at(address) == target


def clean_in(repo: Publication, text: str, rel: str = "demo/develop/unity/start.md") -> tuple[str, list[str]]:
    ctx = LinkContext(display=rel, rel=rel, repo=repo, page=repo.pages[rel])
    out = clean(text, ctx, 7, 1)
    return out, [d.message for d in ctx.diags]


def test_at_is_a_reference_only_where_docfx_reads_one(repo: Publication) -> None:
    text = "Mail user@contoso.com, see `@extra.guide`, (@extra.guide), @extra.guide."
    out, diags = clean_in(repo, text)
    assert out == (
        "Mail user@contoso.com, see `@extra.guide`, (@extra.guide), "
        "[\ue000T:extra.guide\ue001](../../../extra/guide.md)."
    )
    assert diags == []


def test_unresolved_shorthand_is_text_and_only_the_quoted_one_warns(repo: Publication) -> None:
    out, diags = clean_in(repo, 'Ask @Microsoft or @"No.Such.Uid" or <xref:No.Such?displayProperty=name>.')
    assert out == "Ask @Microsoft or No.Such.Uid or No.Such."
    assert diags == [
        'cross reference @"No.Such.Uid" names no page of the repository; its uid is kept',
        "cross reference <xref:No.Such> names no page of the repository; its uid is kept",
    ]


def test_links_in_an_include_resolve_from_the_fragment_in_any_case(repo: Publication) -> None:
    ctx = LinkContext(display="f", rel="demo/includes/shot.md", repo=repo, page="demo/develop/unity/start")
    out = clean("![s](../develop/unity/IMAGES/shot.png) [o](../Develop/Overview.md)", ctx, 1, 1)
    assert out == "![s](images/Shot.PNG) [o](../overview.md)"
    assert [a.dest_rel for a in ctx.assets.values()] == ["demo/develop/unity/images/Shot.PNG"]
    assert ctx.diags == []


def test_queries_are_kept_for_files_and_other_sites_only(repo: Publication) -> None:
    out, _ = clean_in(repo, "[a](images/shot.png?raw=1) [b](../overview.md?tabs=x#part) [c](/azure/x?view=y)")
    assert out == (
        "[a](images/Shot.PNG?raw=1) [b](../overview.md#part) [c](https://learn.microsoft.com/azure/x?view=y)"
    )


def test_a_link_with_spaces_is_text_as_in_docfx(repo: Publication) -> None:
    out, diags = clean_in(repo, "See [user roles](permissions-overview or assign.md).")
    assert out == "See [user roles]\\(permissions-overview or assign.md)."
    assert diags == []


def test_comments_and_trailing_commas_read_without_json5(tmp_path: Path) -> None:
    path = tmp_path / "c.json"
    path.write_text(
        '{\n  // a comment\n  "url": "https://docs.microsoft.com/a//b", /* block */\n  "list": [1, 2,],\n}\n',
        encoding="utf-8",
    )
    assert _read_json(path) == ({"url": "https://docs.microsoft.com/a//b", "list": [1, 2]}, None)


def test_check_still_reports_a_handler_on_an_image_it_cannot_find(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """The image is replaced by its alt text, but every attribute is looked at first."""
    expected = ROOT / "tests" / "fixtures" / "converter" / "docset-links" / "expected" / "archive"
    for lang in ("ko", "en"):
        text = (expected / f"old.{lang}.md").read_text(encoding="utf-8")
        (tmp_path / f"old.{lang}.md").write_text(
            text + '\n<img src="gone.png" onerror="alert(1)">\n', "utf-8"
        )
    assert main(["check", str(tmp_path)]) == 1
    assert (
        "could run in the reader's browser: removed event handler attribute onerror"
        in capsys.readouterr().out
    )


def test_inline_images_stay_and_svg_ones_go(repo: Publication) -> None:
    png, svg = "data:image/png;base64,iVBORw0KGgo=", "data:image/svg+xml;base64,PHN2Zz4="
    out, diags = clean_in(repo, f"<img src='{png}' /> ![a]({png}) <img src='{svg}'>")
    assert out == f"<img src='{png}'/> ![a]({png}) <img>"
    assert diags == ["removed unsafe URL from <img src>"]
