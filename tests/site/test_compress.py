"""Compressed copies of the built site (tools/sxs/site/compress.py): beside every text file worth
it a .gz, and beside every one but the pages a .br, holding exactly its bytes, smaller; nothing
else compressed."""

from __future__ import annotations

import gzip
from pathlib import Path

import brotli
from sxs.site.compress import BROTLI_SUFFIXES, ENCODINGS, MIN_BYTES, TEXT_SUFFIXES, compressed


def test_every_text_file_has_its_copies(built_site: Path) -> None:
    files = [p for p in built_site.rglob("*") if p.is_file() and p.suffix not in ENCODINGS]
    texts = [p for p in files if p.suffix in TEXT_SUFFIXES and p.stat().st_size >= MIN_BYTES]
    assert len(texts) > 50
    for path in texts:
        data = path.read_bytes()
        gz, br = (path.with_name(path.name + suffix) for suffix in ENCODINGS)
        assert gzip.decompress(gz.read_bytes()) == data, path
        assert gz.stat().st_size < len(data), path
        if path.suffix == ".html":
            assert not br.exists(), path  # a page goes out gzipped
        else:
            assert brotli.decompress(br.read_bytes()) == data, path
            assert br.stat().st_size < gz.stat().st_size, path
    # the home page, an article, the search table, Material's bundle and the sitemap among them
    names = {p.relative_to(built_site).as_posix() for p in texts}
    assert {
        "index.html",
        "en/articles/antispam-5-7-23/index.html",
        "assets/search/ko/docs.json",
        "assets/javascripts/bundle.a5f9d56c.min.js",
        "sitemap.xml",
    } <= names


def test_nothing_else_is_compressed(built_site: Path) -> None:
    copies = {p for p in built_site.rglob("*") if p.suffix in ENCODINGS and p.name != "sitemap.xml.gz"}
    originals = {p.with_name(p.name[: -len(p.suffix)]) for p in copies}
    assert all(p.suffix in TEXT_SUFFIXES and p.stat().st_size >= MIN_BYTES for p in originals)
    assert all(p.with_name(p.name[:-3]).suffix in BROTLI_SUFFIXES for p in copies if p.suffix == ".br")
    assert not (built_site / "assets" / "images" / "favicon.png.gz").exists()
    assert not list(built_site.rglob("*.map.gz"))


def test_a_copy_is_written_only_when_smaller() -> None:
    noise = bytes(range(256)) * 2  # compresses well
    assert set(compressed(noise, ".json")) == {".gz", ".br"}
    assert set(compressed(noise, ".html")) == {".gz"}
    random_bytes = bytes((i * 7919 + 13) * 104729 % 251 for i in range(300))
    assert all(len(copy) < len(random_bytes) for copy in compressed(random_bytes, ".js").values())
    assert compressed(b"x", ".js") == {}  # one byte never shrinks
