"""Where `sxs import` publishes each file of a repository: docset.py on small repositories."""

from __future__ import annotations

import json
from pathlib import Path

from sxs.convert.docset import publication, read_docsets

ARTICLE = "---\nms.contentlocale: ko-KR\n---\n# x\n"


def write(root: Path, files: dict[str, str]) -> Path:
    for rel, text in files.items():
        path = root / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    return root


def publish_config(*sets: dict[str, str]) -> str:
    return json.dumps({"docsets_to_publish": list(sets)})


def test_a_folder_without_configuration_is_one_set_at_the_root(tmp_path: Path) -> None:
    root = write(tmp_path, {"a.md": ARTICLE, "Sub Folder/B_Page.md": ARTICLE, "media/x.png": "png"})
    found = publication(root)
    assert found.pages == {"a.md": "a", "Sub Folder/B_Page.md": "sub-folder/b_page"}
    assert [s.folder for s in found.sets] == [""]
    assert found.asset_place("media/x.png") == "media/x.png"


def test_several_sets_each_in_the_folder_they_were_built_into(tmp_path: Path) -> None:
    root = write(
        tmp_path,
        {
            ".openpublishing.publish.config.json": "// sets\n"
            + publish_config(
                {"docset_name": "guide", "build_source_folder": "guide", "build_output_subfolder": "guide"},
                # upstream configuration names folders in any case
                {
                    "docset_name": "dev",
                    "build_source_folder": "docs/dev-docs",
                    "build_output_subfolder": "docs/dev-docs",
                },
            ),
            "Guide/index.md": ARTICLE,
            "Guide/README.md": ARTICLE,
            "Guide/includes/part.md": "fragment",
            "docs/dev-docs/index.md": ARTICLE,
            "docs/dev-docs/toc.yml": "- name: x\n",
            "docs/dev-docs/breadcrumb/toc.yml": "- name: x\n",
            "docs/dev-docs/landing.yml": "### YamlMime:Landing\ntitle: x\n",
            "docs/dev-docs/data.yml": "key: value\n",
            "Archive/old.md": ARTICLE,
            "README.md": "# the repository",
            "LICENSE.md": "license",
        },
    )
    found = publication(root)
    assert [(s.name, s.root, s.folder) for s in found.sets] == [
        ("guide", "Guide", "guide"),
        ("dev", "docs/dev-docs", "docs/dev-docs"),
    ]
    assert found.pages == {
        "Archive/old.md": "archive/old",
        "Guide/index.md": "guide/index",
        "docs/dev-docs/index.md": "docs/dev-docs/index",
        "docs/dev-docs/landing.yml": "docs/dev-docs/landing",
    }
    assert found.tocs == ("docs/dev-docs/toc.yml",)
    assert not found.diags


def test_content_groups_publish_files_at_their_dest(tmp_path: Path) -> None:
    docfx = {
        "build": {
            "content": [
                {"files": ["**/*.md"], "exclude": ["drafts/**"], "src": "articles", "dest": "learn"},
                {"files": ["index.md"]},
            ],
            "resource": [{"files": ["**/*.png"], "src": "articles", "dest": "learn"}],
            "globalMetadata": {"breadcrumb_path": "/windows/product/breadcrumb/toc.json"},
        }
    }
    root = write(
        tmp_path,
        {
            "docfx.json": json.dumps(docfx),
            "index.md": ARTICLE,
            "articles/Start.md": ARTICLE,
            "articles/drafts/later.md": ARTICLE,
            "articles/img/a.png": "png",
        },
    )
    found = publication(root)
    assert found.pages == {"index.md": "index", "articles/Start.md": "learn/start"}
    assert found.sets[0].base_url == "/windows/product/"
    assert found.asset_place("articles/img/a.png") == "learn/img/a.png"


def test_two_sources_at_one_path_are_an_error_naming_both(tmp_path: Path) -> None:
    root = write(tmp_path, {"Guide.md": ARTICLE, "guide.md": ARTICLE, "other.md": ARTICLE})
    found = publication(root)
    assert found.pages == {"other.md": "other"}
    [diag] = found.diags
    assert diag.is_error
    assert str(root / "guide.md") in str(diag) and str(root / "Guide.md") in str(diag)


def test_a_set_folder_missing_from_the_repository_is_reported(tmp_path: Path) -> None:
    root = write(
        tmp_path,
        {
            ".openpublishing.publish.config.json": publish_config(
                {"docset_name": "gone", "build_source_folder": "gone"},
                {"docset_name": "here", "build_source_folder": "here"},
            ),
            "here/a.md": ARTICLE,
        },
    )
    sets, diags = read_docsets(root)
    assert [s.name for s in sets] == ["here"]
    assert [d.message for d in diags] == ["documentation set folder 'gone' is not in the repository"]


def test_broken_configuration_is_reported_not_raised(tmp_path: Path) -> None:
    root = write(tmp_path, {"docfx.json": "{ not json", "a.md": ARTICLE})
    found = publication(root)
    assert found.pages == {"a.md": "a"}
    [diag] = found.diags
    assert str(diag).startswith(f"{root / 'docfx.json'}:1:1: error: not valid JSON")


def test_the_publish_configs_locale_stands_in_for_a_missing_contentlocale(tmp_path: Path) -> None:
    from sxs.cli import main

    pair = (
        '<span data-ttu-id="a-1">제목</span>'
        '<span class="sxs-lookup"><span data-stu-id="a-1">Title</span></span>'
    )
    root = write(
        tmp_path / "repo",
        {
            ".openpublishing.publish.config.json": publish_config(
                {"docset_name": "d", "build_source_folder": "docs", "locale": "ko-kr"}
            ),
            "docs/page.md": f"---\ntitle: x\n---\n# {pair}\n",
        },
    )
    assert main(["import", str(root), "--out", str(tmp_path / "out"), "--progress", "never"]) == 0
    assert (tmp_path / "out" / "page.ko.md").read_text(encoding="utf-8").endswith("# 제목\n")
