"""`sxs build`: one process per language, the parts merged, gives the site a sequential build gives."""

from __future__ import annotations

import filecmp
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from sites import FIXTURES, ROOT, build_site, site_copy, site_files
from sxs.pages.identity import page_files
from sxs.site import catalog as catalog_module
from sxs.site import split
from sxs.site.catalog import Catalog
from sxs.site.split import Languages, MergeError, merge

SXS = Path(sys.executable).with_name("sxs")


@pytest.fixture(scope="module")
def sequential(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return build_site(tmp_path_factory.mktemp("sequential") / "site")


def test_parallel_build_is_the_sequential_site_byte_for_byte(sequential: Path, tmp_path: Path) -> None:
    done = subprocess.run(
        [str(SXS), "build", "--strict", "--site-dir", str(tmp_path / "site")],
        cwd=ROOT,
        env={**os.environ, "NO_MKDOCS_2_WARNING": "1"},
        capture_output=True,
        text=True,
    )
    assert done.returncode == 0, done.stderr[-3000:]
    assert "built in" in done.stdout and "peak memory" in done.stdout
    got, want = site_files(tmp_path / "site"), site_files(sequential)
    assert sorted(got) == sorted(want)
    assert [rel for rel in want if got[rel] != want[rel]] == []


def test_the_language_processes_start_with_the_articles_read_once(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Read before the processes are forked: none of them reads an article again."""
    site = site_copy(tmp_path / "project", FIXTURES)
    readers = tmp_path / "readers"
    read = catalog_module.ArticleFiles.read

    def reading(cls: type, path: str, *rest: Any) -> catalog_module.ArticleFiles:
        with readers.open("a") as f:
            f.write(f"{os.getpid()} {path}\n")
        return read(path, *rest)

    monkeypatch.setattr(catalog_module.ArticleFiles, "read", classmethod(reading))  # (forked: patched too)
    monkeypatch.setattr(Catalog, "_cached", None)
    monkeypatch.setenv("NO_MKDOCS_2_WARNING", "1")
    config = site / "mkdocs.yml"
    built = split.build([], tmp_path / "site", ["--config-file", str(config)], config)

    assert (tmp_path / "site" / "index.html").is_file()
    assert (tmp_path / "site" / "en" / "index.html").is_file()
    readings = [line.split(" ", 1) for line in readers.read_text().splitlines()]
    articles = {page.path for page, _ in page_files(site / "docs" / "articles")}
    assert sorted(path for _, path in readings) == sorted(articles)  # each once
    assert {pid for pid, _ in readings} == {str(os.getpid())}  # here, before the forks
    assert built.peak_rss_mb > 0


def test_parts_built_apart_merge_into_the_same_site(sequential: Path, tmp_path: Path) -> None:
    """The jobs of a CI matrix: each language on its own, then one merge."""
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    for lang in ("ko", "en"):
        done = subprocess.run(
            [str(SXS), "build", "--language", lang, "--site-dir", str(tmp_path / lang)],
            cwd=ROOT,
            env=env,
            capture_output=True,
            text=True,
        )
        assert done.returncode == 0, done.stderr[-3000:]
    assert (tmp_path / "en" / "en" / "index.html").exists() and not (tmp_path / "en" / "articles").exists()
    merged = subprocess.run(
        [
            str(SXS),
            "build",
            "--merge",
            f"ko={tmp_path / 'ko'}",
            f"en={tmp_path / 'en'}",
            "--site-dir",
            str(tmp_path / "site"),
        ],
        cwd=ROOT,
        capture_output=True,
        text=True,
    )
    assert merged.returncode == 0, merged.stderr
    assert not filecmp.dircmp(tmp_path / "site", sequential).diff_files
    assert site_files(tmp_path / "site") == site_files(sequential)


def test_parts_that_disagree_are_refused_naming_the_file(tmp_path: Path) -> None:
    for lang in ("ko", "en"):
        (tmp_path / lang / "assets").mkdir(parents=True)
        (tmp_path / lang / "assets" / "app.js").write_text(f"// {lang}\n")
    with pytest.raises(MergeError, match=r"^assets/app.js: the ko and en parts differ"):
        merge({"ko": tmp_path / "ko", "en": tmp_path / "en"}, Languages(("ko", "en")), tmp_path / "site")
    with pytest.raises(MergeError, match="no part for en"):
        merge({"ko": tmp_path / "ko"}, Languages(("ko", "en")), tmp_path / "site")


def test_a_folder_one_part_has_is_taken_whole_and_a_folder_against_a_file_is_refused(tmp_path: Path) -> None:
    (tmp_path / "ko" / "articles" / "a").mkdir(parents=True)
    (tmp_path / "ko" / "articles" / "a" / "index.html").write_text("ko")
    (tmp_path / "en" / "en" / "articles").mkdir(parents=True)
    (tmp_path / "en" / "en" / "articles" / "index.html").write_text("en")
    merge(
        {"ko": tmp_path / "ko", "en": tmp_path / "en"}, Languages(("ko", "en")), tmp_path / "site", move=True
    )
    assert site_files(tmp_path / "site") == {"articles/a/index.html": b"ko", "en/articles/index.html": b"en"}
    assert not (tmp_path / "ko" / "articles").exists() and not (tmp_path / "en" / "en").exists()

    (tmp_path / "ko" / "x").mkdir()
    (tmp_path / "en" / "x").write_text("a file")
    with pytest.raises(MergeError, match=r"^x: a folder in one part and a file in another"):
        merge({"ko": tmp_path / "ko", "en": tmp_path / "en"}, Languages(("ko", "en")), tmp_path / "site")
