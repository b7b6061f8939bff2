"""Import the whole shared corpus (a real localized repository) and check nothing is lost.

The corpus lives outside the repository, in ../shared beside it; these tests skip,
saying so, when it is absent.
"""

from __future__ import annotations

import re
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from sxs.cli import main
from sxs.convert.pipeline import convert
from sxs.convert.read import articles, read_article, read_repository
from sxs.pages.htmlcheck import normalise, to_html

REPO = Path(__file__).resolve().parents[2]
SHARED = (REPO / ".." / "shared").resolve()
CORPUS = SHARED / "corpus" / "alchemy-ko-2020" / "AlchemyInsights"
CONSERVATION = SHARED / "checks" / "conservation.py"

pytestmark = pytest.mark.skipif(
    not CORPUS.is_dir(), reason=f"shared corpus not found at {CORPUS}: clone shared/ beside the repository"
)

# Articles that must fail, with the reason. The 2020 Korean AlchemyInsights export
# has damaged articles, but every one of them is still readable: all are repaired
# with a warning (below) and none fails. includes/ holds a fragment, not an article.
EXPECTED_FAILURES: dict[str, str] = {}

EXPECTED_WARNINGS = [
    (
        "activation-sign-in-issue-another-account-is-already-signed-in.md",
        28,
        168,
        'pair "f64bb-108" is split across lines; joined into one line',
    ),
    (
        "activation-sign-in-issue-trusted-platform-module-malfunctioned.md",
        28,
        168,
        'pair "18440-108" is split across lines; joined into one line',
    ),
    ("add-users-to-office-365.md", 26, 4, 'pair "73ed7-104" is split across lines; joined into one line'),
    # A YAML file of settings only (`chromeless: true`): no page to show.
    ("chromeless.yml", 1, 1, "YamlMime:Yaml file has nothing to show (settings only); no page written"),
    (
        "errors-opening-or-saving-files.md",
        41,
        3,
        'pair "f257b-118" is split across lines; joined into one line',
    ),
    ("network-migration.md", 25, 366, 'pair "adcfc-107" is split across lines; joined into one line'),
    (
        "options-for-audio-conferencing.md",
        29,
        1,
        'pair "8b850-109" is split across lines; joined into one line',
    ),
    ("outlook-com-setting-changes.md", 35, 3, 'stray </span> inside the target text of "ab0de-112"; removed'),
    ("outlook-com-setting-changes.md", 35, 3, 'stray </span> inside the source text of "ab0de-112"; removed'),
    (
        "planner-common-issues-and-resolutions.md",
        31,
        577,
        'pair "8d358-112" is split across lines; joined into one line',
    ),
    ("test-test.md", 28, 270, 'pair "ceff0-109" is split across lines; joined into one line'),
    (
        "uninstall-or-exclude-teams-from-office-installations.md",
        27,
        3,
        'pair "33047-107" is split across lines; joined into one line',
    ),
    (
        "workflow-email-not-being-sent.md",
        33,
        4,
        'stray </span> inside the target text of "91e20-110"; removed',
    ),
    (
        "workflow-email-not-being-sent.md",
        33,
        4,
        'stray </span> inside the source text of "91e20-110"; removed',
    ),
]
MESSAGE = re.compile(r"^(?P<path>.*?):(?P<line>\d+):(?P<col>\d+): (?P<sev>error|warning): (?P<msg>.*)$")


class Run:
    def __init__(self, out: Path, status: int, stdout: str, stderr: str) -> None:
        self.out, self.status, self.stdout, self.stderr = out, status, stdout, stderr

    def messages(self, severity: str) -> list[tuple[str, int, int, str]]:
        found = []
        for line in self.stderr.splitlines():
            m = MESSAGE.match(line)
            assert m, f"not a diagnostic line: {line!r}"
            if m.group("sev") == severity:
                found.append(
                    (
                        Path(m.group("path")).relative_to(CORPUS).as_posix(),
                        int(m.group("line")),
                        int(m.group("col")),
                        m.group("msg"),
                    )
                )
        return found


@pytest.fixture(scope="module")
def corpus_run(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Run]:
    out = tmp_path_factory.mktemp("alchemy")
    capture = pytest.MonkeyPatch()
    import contextlib
    import io

    stdout, stderr = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(stdout), contextlib.redirect_stderr(stderr):
        status = main(["import", str(CORPUS), "--out", str(out), "--progress", "never"])
    capture.undo()
    yield Run(out, status, stdout.getvalue(), stderr.getvalue())


def test_summary(corpus_run: Run) -> None:
    assert re.fullmatch(r"1629 imported, 14 warnings, 0 failed in \d+\.\d\d s\n", corpus_run.stdout)
    assert corpus_run.status == 0
    assert "Traceback" not in corpus_run.stderr


def test_exact_failures(corpus_run: Run) -> None:
    failures = {path: msg for path, _, _, msg in corpus_run.messages("error")}
    assert failures == EXPECTED_FAILURES


def test_exact_warnings(corpus_run: Run) -> None:
    assert corpus_run.messages("warning") == EXPECTED_WARNINGS


def test_conservation(corpus_run: Run) -> None:
    if not CONSERVATION.is_file():
        pytest.skip(f"{CONSERVATION} not found")
    done = subprocess.run(
        [sys.executable, str(CONSERVATION), str(CORPUS), str(corpus_run.out)],
        capture_output=True,
        text=True,
        check=False,
    )
    last = done.stdout.strip().splitlines()[-1]
    m = re.match(
        r"conservation: (\d+)/(\d+) segments kept over (\d+) articles, 0 pages missing, 0 articles short",
        last,
    )
    assert m and m.group(1) == m.group(2), done.stdout
    assert done.returncode == 0


def test_pages_are_line_aligned(corpus_run: Run) -> None:
    kos = sorted(corpus_run.out.glob("*.ko.md"))
    assert len(kos) == 1629
    for ko in kos:
        en = ko.with_name(ko.name[: -len(".ko.md")] + ".en.md")
        assert ko.read_text(encoding="utf-8").count("\n") == en.read_text(encoding="utf-8").count("\n"), (
            ko.name
        )


def test_images_copied(corpus_run: Run) -> None:
    media = {p.name for p in (corpus_run.out / "media").iterdir()}
    for page in corpus_run.out.glob("*.md"):
        for ref in re.findall(r"\]\((media/[^)\s]+)\)", page.read_text(encoding="utf-8")):
            assert ref.split("/", 1)[1].replace("%20", " ") in media, (page.name, ref)


def test_reimport_writes_nothing(corpus_run: Run) -> None:
    before = {p: p.stat().st_mtime_ns for p in corpus_run.out.glob("*.md")}
    assert main(["import", str(CORPUS), "--out", str(corpus_run.out), "--progress", "never"]) == 0
    assert {p: p.stat().st_mtime_ns for p in corpus_run.out.glob("*.md")} == before


SAFE_TAGS = {
    "p",
    "a",
    "strong",
    "em",
    "code",
    "pre",
    "ul",
    "ol",
    "li",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "table",
    "thead",
    "tbody",
    "tr",
    "th",
    "td",
    "br",
    "img",
    "div",
    "blockquote",
    "hr",
    "kbd",
    "sup",
    "sub",
    "span",
    "button",
    "b",
    "i",
    "u",
}


def test_rendering(corpus_run: Run) -> None:
    """Every page renders only safe tags, and splitting lines changed white space only."""
    root = CORPUS
    repo = read_repository(root)
    paths = articles(repo)
    for path in paths:
        src = read_article(repo, path)
        split = convert(src, repo)  # type: ignore[arg-type]
        whole = convert(src, repo, split=False)  # type: ignore[arg-type]
        for one, other in zip(split.pages, whole.pages, strict=False):
            html = to_html(one.text)
            assert normalise(html) == normalise(to_html(other.text)), one.filename
            visible = re.sub(r"<pre>.*?</pre>|<code>.*?</code>", "", html, flags=re.S)
            tags = {t.lower() for t in re.findall(r"</?([A-Za-z][\w-]*)", visible)}
            assert tags <= SAFE_TAGS, (one.filename, tags - SAFE_TAGS)
