"""The built site's search: one index per language (a table of pages, the postings in shards), only
that language's pages, fetched from every page at its own address, and Material's merged index
left empty."""

from __future__ import annotations

import hashlib
import json
from pathlib import Path
from typing import Any
from urllib.parse import urljoin

from bs4 import BeautifulSoup
from sxs.site.search.index import SHARDS, shard

SEED = "articles/antispam-5-7-23/"


def load(path: Path) -> Any:
    return json.loads(path.read_text(encoding="utf-8"))


def index(site: Path, language: str) -> dict[str, Any]:
    """docs.json, with the terms of every shard as "terms"."""
    folder = site / "assets" / "search" / language
    data: dict[str, Any] = load(folder / "docs.json")
    data["terms"] = {}
    for name in data["files"]:
        data["terms"].update(load(folder / name))
    return data


def page_language(site: Path, url: str) -> str:
    html = BeautifulSoup((site / url / "index.html").read_text(encoding="utf-8"), "html.parser").html
    assert html is not None
    return str(html.get("lang"))


def test_each_language_indexes_its_own_pages_only(built_site: Path) -> None:
    for language in ("ko", "en"):
        data = index(built_site, language)
        assert data["language"] == language
        urls = [doc[0] for doc in data["docs"]]
        assert (SEED if language == "ko" else f"en/{SEED}") in urls
        assert {page_language(built_site, url) for url in urls} == {language}


def test_listing_pages_are_not_indexed(built_site: Path) -> None:
    urls = {doc[0] for language in ("ko", "en") for doc in index(built_site, language)["docs"]}
    assert not {"", "en/"} & urls
    assert not [url for url in urls if "categories/" in url or "translation-status/" in url]


def test_seed_terms_and_title(built_site: Path) -> None:
    ko, en = index(built_site, "ko"), index(built_site, "en")
    assert [doc[1] for doc in ko["docs"] if doc[0] == SEED] == [
        "오류 코드 5.7.23에 대 한 전자 메일 배달 문제 해결"
    ]
    assert {"5.7.23", "메일", "배달", "spf"} <= set(ko["terms"])
    assert {"5.7.23", "email", "deliveri", "spf"} <= set(en["terms"])
    assert "배달" not in en["terms"] and "deliveri" not in ko["terms"]


def test_each_term_is_in_its_shard_and_every_shard_has_its_file(built_site: Path) -> None:
    for language in ("ko", "en"):
        folder = built_site / "assets" / "search" / language
        docs = load(folder / "docs.json")
        assert docs["shards"] == SHARDS and len(docs["files"]) == SHARDS
        assert sorted(path.name for path in folder.glob("*.json")) == sorted(["docs.json", *docs["files"]])
        for number, name in enumerate(docs["files"]):
            data = (folder / name).read_bytes()
            # named by its content: a rebuild that changes it changes its name
            assert name == f"terms-{number}.{hashlib.sha256(data).hexdigest()[:8]}.json"
            assert {shard(term) for term in json.loads(data)} <= {number}


def test_materials_own_index_is_empty(built_site: Path) -> None:
    material = json.loads((built_site / "search" / "search_index.json").read_text(encoding="utf-8"))
    assert material["docs"] == []


def test_every_page_asks_for_its_own_language_index(built_site: Path) -> None:
    pages = list(built_site.rglob("*.html"))
    assert len(pages) > 4
    for page in pages:
        relative = page.relative_to(built_site).as_posix()
        soup = BeautifulSoup(page.read_text(encoding="utf-8"), "html.parser")
        form = soup.select_one("form[data-sxs-search]")
        assert form is not None, relative
        address = urljoin(f"http://site/{relative}", str(form["data-index"]))
        language = "en" if relative.startswith("en/") else "ko"
        assert address == f"http://site/assets/search/{language}/docs.json", relative
        assert soup.select_one('form[name="search"], [data-md-component="search"]') is None, relative
