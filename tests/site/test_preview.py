"""`mkdocs serve` after an edit: an article page is rendered again on its own, anything else rebuilds."""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator
from pathlib import Path

import pytest
from sites import FIXTURES, ROOT

MKDOCS = Path(sys.executable).with_name("mkdocs")
ARTICLE = "articles/ht-teams-0x80070005"


def _port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def fetch(url: str) -> str:
    with urllib.request.urlopen(url, timeout=30) as response:
        return str(response.read().decode("utf-8"))


class Served:
    def __init__(self, root: Path, base: str, log: Path) -> None:
        self.root, self.base, self.log = root, base, log

    def wait_for(self, path: str, text: str, timeout: float = 60) -> float:
        """Seconds until the page at `path` holds `text`."""
        started = time.perf_counter()
        while time.perf_counter() - started < timeout:
            try:
                if text in fetch(self.base + path):
                    return time.perf_counter() - started
            except OSError:
                pass
            time.sleep(0.05)
        raise AssertionError(
            f"{path} never showed {text!r}; the server said:\n{self.log.read_text()[-3000:]}"
        )


@pytest.fixture(scope="module")
def served(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Served]:
    root = tmp_path_factory.mktemp("serve")
    for name in ("mkdocs.yml", "overrides", "data"):
        source = ROOT / name
        (shutil.copytree if source.is_dir() else shutil.copy2)(source, root / name)
    shutil.copytree(ROOT / "docs", root / "docs", ignore=shutil.ignore_patterns("articles"))
    shutil.copytree(FIXTURES, root / "docs" / "articles")
    port = _port()
    log = root / "serve.log"
    with log.open("wb") as out:
        server = subprocess.Popen(
            [str(MKDOCS), "serve", "--dev-addr", f"127.0.0.1:{port}"],
            cwd=root,
            env={**os.environ, "NO_MKDOCS_2_WARNING": "1"},
            stdout=out,
            stderr=subprocess.STDOUT,
        )
        try:
            here = Served(root, f"http://127.0.0.1:{port}/", log)
            here.wait_for(f"{ARTICLE}/", "Teams", timeout=180)
            yield here
        finally:
            server.terminate()
            server.wait(timeout=30)


def edit(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def test_an_edited_article_page_is_rendered_again_on_its_own(served: Served) -> None:
    page = served.root / "docs" / f"{ARTICLE}.ko.md"
    line = next(
        line for line in page.read_text(encoding="utf-8").split("\n")[6:] if line and line[0] not in "#-|`<!"
    )
    edit(page, line, line + " 미리보기에서고친문장")
    served.wait_for(f"{ARTICLE}/", "미리보기에서고친문장")
    assert "preview: 1 page(s) rendered again" in served.log.read_text()
    english = served.root / "docs" / f"{ARTICLE}.en.md"
    edit(english, "Teams", "Teams (edited in preview)")
    served.wait_for(f"en/{ARTICLE}/", "Teams (edited in preview)")
    assert served.log.read_text().count("preview: 1 page(s) rendered again") == 2
    assert "Detected file changes" in served.log.read_text()


def test_a_new_page_needs_the_whole_site_rebuilt(served: Served) -> None:
    before = served.log.read_text().count("Building documentation")
    (served.root / "docs" / "articles" / "new-page.ko.md").write_text(
        "# 새 문서\n\n새로 쓴 문서.\n", encoding="utf-8"
    )
    served.wait_for("articles/new-page/", "새로 쓴 문서")
    assert served.log.read_text().count("Building documentation") > before
