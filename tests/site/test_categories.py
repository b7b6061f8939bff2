"""The category rules (data/categories.yml) and how they sort articles (tools/sxs/site/categories.py)."""

from __future__ import annotations

from pathlib import Path

import pytest
from mkdocs.exceptions import PluginError
from sxs.locales import available, locale
from sxs.site.catalog import Article, Catalog, Version
from sxs.site.categories import Categorizer, load_rules, main

ROOT = Path(__file__).resolve().parents[2]
RULES = ROOT / "data" / "categories.yml"
CATEGORIES = [
    "mail-flow",
    "outlook",
    "teams",
    "sharepoint-onedrive",
    "identity",
    "billing",
    "devices",
    "security",
    "other",
]


def rules() -> tuple:  # type: ignore[type-arg]
    return load_rules(RULES, RULES.stat().st_mtime_ns)


def article(slug: str, english: str | None) -> Article:
    versions = {"ko": Version("ko", "제목", (), "MT", None)}
    if english is not None:
        versions["en"] = Version("en", english, (), None, None)
    return Article(slug, versions)


def test_the_issues_categories_each_with_a_page_and_its_words_in_every_locale() -> None:
    assert [c.id for c in rules()] == CATEGORIES
    for category in CATEGORIES:
        page = ROOT / "docs" / "categories" / f"{category}.md"
        assert page.read_text(encoding="utf-8").startswith(
            f'---\ntitle: "{{{{ category.{category}.title }}}}"'
        )
        for code in available():
            words = locale(code).section("pages")
            assert words[f"category.{category}.title"] and words[f"category.{category}.intro"], code


@pytest.mark.parametrize(
    "slug, title, category",
    [
        ("antispam-5-7-23", "Fix email delivery issues for error code 5.7.23", "mail-flow"),
        ("x", "550 5.7.708 Access denied, traffic not accepted from this IP", "mail-flow"),
        ("x", "Migrate public folder data to Microsoft 365", "mail-flow"),
        ("x", "Calendar sharing in Outlook", "outlook"),
        ("x", "Add a guest to Microsoft Teams", "teams"),
        ("x", "Map a SharePoint library to a network drive", "sharepoint-onedrive"),
        ("x", "Addressing Teams sign-in error AADSTS9000411", "teams"),  # first matching category wins
        ("x", "Issues with Azure MFA", "identity"),
        ("x", "Add, update, or remove payment method", "billing"),
        ("x", "Troubleshoot issues with Microsoft Intune", "devices"),
        ("x", "Data Loss Prevention (DLP) overview", "security"),
        ("x", "Microsoft Stream Storage", "other"),
        ("reset-outlook-profile", None, "outlook"),  # no English title: the slug decides
    ],
)
def test_first_matching_rule_decides(slug: str, title: str | None, category: str) -> None:
    catalog = Catalog({slug: article(slug, title)})
    categorizer = Categorizer(rules(), catalog)
    assert categorizer.of[slug].id == category
    assert [a.path for a in categorizer.members[category]] == [slug]


def test_a_broken_rules_file_reports_every_problem_at_once(tmp_path: Path) -> None:
    bad = tmp_path / "categories.yml"
    bad.write_text("categories:\n  - id: mail\n    match: ['(unclosed']\n  - match: []\n", encoding="utf-8")
    with pytest.raises(PluginError) as caught:
        load_rules(bad, bad.stat().st_mtime_ns)
    message = str(caught.value)
    assert "mail: bad pattern '(unclosed'" in message
    assert "category 2: needs an `id`" in message
    assert "no `other` category" in message


def test_review_command_counts_and_lists(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    folder = tmp_path / "articles"
    folder.mkdir()
    (folder / "stream.en.md").write_text("---\ntitle: Microsoft Stream Storage\n---\n", encoding="utf-8")
    (folder / "ndr.en.md").write_text("---\ntitle: Fix NDR 5.7.23\n---\n", encoding="utf-8")
    assert main([str(tmp_path), "--rules", str(RULES)]) == 0
    counts = dict(line.split() for line in capsys.readouterr().out.splitlines())
    assert counts == {c: ("1" if c in ("mail-flow", "other") else "0") for c in CATEGORIES}
    assert main([str(tmp_path), "--rules", str(RULES), "--list", "other"]) == 0
    assert capsys.readouterr().out == "stream\tMicrosoft Stream Storage\n"
    assert main([str(tmp_path), "--rules", str(RULES), "--list", "nope"]) == 1
    assert capsys.readouterr().out == f"error: no category `nope` in {RULES}\n"
