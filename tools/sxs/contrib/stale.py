"""Translation status from git history: which translated lines are stale, which were edited.

A translated line is stale when its English line was changed by a later commit than the one
that last changed it (`git blame` of both files, commits ordered by `git rev-list --topo-order`,
so two commits in the same second still have an order). Uncommitted changes count as newest.

A line is "edited" when it changed after the commit that first added the translated page, i.e.
a contributor (or a later re-import) touched it: the site's measure of human translation.

Git is asked a fixed number of questions per run (rev-list, one log, status); `git blame` only
runs for the pairs whose history could hold a stale or edited line. On a shallow clone or
without git, `status()` still returns every article, with `stale=None` and a note saying why.
"""

from __future__ import annotations

import logging
import re
import subprocess
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from sxs.pages.pairs import Pair
from sxs.pages.skeleton import has_text, shapes

log = logging.getLogger(__name__)
UNCOMMITTED = "0" * 40
BLAME_HEADER = re.compile(r"^([0-9a-f]{40}) \d+ \d+")


@dataclass(frozen=True)
class StaleLine:
    line: int  # 1-based, the same in both files
    source_commit: str  # the commit that last changed the English line
    source_date: str  # YYYY-MM-DD, "" when uncommitted
    target_commit: str
    target_date: str


@dataclass(frozen=True)
class ArticleStatus:
    article: str  # the article's path (pages/identity.py)
    path: str  # the translated page
    translation: str | None  # "MT" or "HT" from ms.translationtype
    handed_off: str | None  # ms.lasthandoff
    lines: int  # translatable lines
    stale: tuple[StaleLine, ...] | None  # None: history unavailable
    edited: int | None  # translated lines changed since the page was first committed


@dataclass(frozen=True)
class SiteStatus:
    articles: tuple[ArticleStatus, ...]
    note: str | None  # why stale lines could not be computed

    @property
    def stale_lines(self) -> int:
        return sum(len(a.stale or ()) for a in self.articles)

    def summary(self) -> str:
        arts = self.articles
        mt = sum(1 for a in arts if a.translation == "MT")
        ht = sum(1 for a in arts if a.translation == "HT")
        lines = sum(a.lines for a in arts)
        text = f"{len(arts)} articles ({mt} machine translated, {ht} human translated"
        text += f", {len(arts) - mt - ht} unknown); {lines} translatable lines"
        if self.note is not None:
            return text + f"; stale lines unknown: {self.note}"
        stale_articles = sum(1 for a in arts if a.stale)
        edited = sum(a.edited or 0 for a in arts)
        return (
            text
            + f": {self.stale_lines} stale ({_pct(self.stale_lines, lines)}) in {stale_articles} articles, "
            f"{edited} edited since import ({_pct(edited, lines)})"
        )


def _pct(part: int, whole: int) -> str:
    return f"{100 * part / whole:.1f}%" if whole else "0%"


class GitError(Exception):
    """Git history is missing or unusable; the message says why, for the reader."""


class Repo:
    """The git facts needed for a run, each asked once."""

    def __init__(self, folder: Path) -> None:
        self.cwd = folder
        try:
            top = self._git("rev-parse", "--show-toplevel")
        except GitError:
            raise GitError("not in a git repository: stale lines need git history") from None
        self.top = Path(top.strip())
        if self._git("rev-parse", "--is-shallow-repository").strip() == "true":
            raise GitError("shallow clone: git history is missing (run `git fetch --unshallow`)")
        try:
            order = self._git("rev-list", "--topo-order", "HEAD").split()
        except GitError:
            raise GitError("no commits yet: stale lines need git history") from None
        # newest first; uncommitted work is newer than anything
        self.order = {sha: i for i, sha in enumerate(order)}
        self.order[UNCOMMITTED] = -1
        self.head = order[0]
        self.dates: dict[str, str] = {UNCOMMITTED: ""}
        self.commits: dict[str, list[str]] = {}  # repo-relative path -> commits touching it, newest first
        self.dirty: set[str] = set()

    def _git(self, *args: str) -> str:
        try:
            done = subprocess.run(["git", *args], cwd=self.cwd, capture_output=True, text=True, check=False)
        except OSError as exc:
            raise GitError(f"cannot run git: {exc.strerror}") from exc
        if done.returncode != 0:
            raise GitError(done.stderr.strip() or f"git {args[0]} failed")
        return done.stdout

    def rel(self, path: Path) -> str:
        return path.resolve().relative_to(self.top.resolve()).as_posix()

    def load(self, folders: Sequence[str]) -> None:
        """Which commits touched each file under `folders`, and which files have uncommitted changes."""
        out = self._git(
            "-C",
            str(self.top),
            "log",
            "--format=%x00%H %cs",
            "--name-only",
            "--no-renames",
            "HEAD",
            "--",
            *folders,
        )
        for block in out.split("\0")[1:]:
            head, *names = block.strip("\n").split("\n")
            sha, date = head.split(" ")
            self.dates[sha] = date
            for name in names:
                if name:
                    self.commits.setdefault(name, []).append(sha)
        status = self._git(
            "-C", str(self.top), "status", "--porcelain", "-z", "--untracked-files=all", "--", *folders
        )
        self.dirty = {entry[3:] for entry in status.split("\0") if len(entry) > 3}

    def blame(self, rel: str) -> list[str]:
        """The commit that last changed each line of a file (working tree included)."""
        out = self._git("-C", str(self.top), "blame", "--porcelain", "--", rel)
        shas: list[str] = []
        current = UNCOMMITTED
        for line in out.split("\n"):
            if line.startswith("\t"):
                shas.append(current)
            else:
                m = BLAME_HEADER.match(line)
                if m is not None:
                    current = m.group(1)
        return shas

    def newer(self, a: str, b: str) -> bool:
        """True when commit a came after commit b."""
        return self.order.get(a, len(self.order)) < self.order.get(b, len(self.order))


def translatable_lines(pair: Pair) -> list[int]:
    start = pair.source.front_end
    declared = pair.declared_translated()
    return [
        start + i + 1
        for i, s in enumerate(shapes(pair.source.lines[start:]))
        if has_text(s) and start + i + 1 not in declared
    ]


@dataclass(frozen=True)
class PairLines:
    """What the status needs of an article pair, read from its two pages: a site keeps these for
    its thousands of pairs (site/catalog.py), not the pages' lines."""

    key: str  # the article's path
    target: Path  # the translated page
    source: Path  # the English original
    translation: str | None  # ms.translationtype, upper case
    handed_off: str | None  # ms.lasthandoff
    lines: tuple[int, ...]  # the translatable lines
    source_length: int  # the English page's number of lines

    @classmethod
    def of(cls, pair: Pair) -> PairLines:
        meta = pair.target.meta
        kind = meta.get("ms.translationtype")
        handed = meta.get("ms.lasthandoff")
        return cls(
            pair.key,
            pair.target.path,
            pair.source.path,
            str(kind).upper() if kind else None,
            str(handed) if handed else None,
            tuple(translatable_lines(pair)),
            len(pair.source.lines),
        )


def status(pairs: Sequence[Pair | PairLines], folder: Path) -> SiteStatus:
    """The translation status of every pair; git is asked from `folder`."""
    found = [pair if isinstance(pair, PairLines) else PairLines.of(pair) for pair in pairs]
    note: str | None = None
    repo: Repo | None = None
    try:
        repo = Repo(folder)
        folders = sorted({repo.rel(p.source.parent) for p in found})
        if folders:
            repo.load(folders)
    except GitError as exc:
        note, repo = str(exc), None
    articles = []
    for pair in found:
        stale: tuple[StaleLine, ...] | None = None
        edited: int | None = None
        if repo is not None:
            try:
                stale, edited = _pair_history(repo, pair)
            except GitError as exc:
                log.warning("%s: %s", pair.target, exc)
        articles.append(
            ArticleStatus(
                pair.key, str(pair.target), pair.translation, pair.handed_off, len(pair.lines), stale, edited
            )
        )
    return SiteStatus(tuple(articles), note)


def _pair_history(repo: Repo, pair: PairLines) -> tuple[tuple[StaleLine, ...], int]:
    ko, en = repo.rel(pair.target), repo.rel(pair.source)
    ko_commits, en_commits = repo.commits.get(ko, []), repo.commits.get(en, [])
    if not ko_commits:
        return (), 0  # the translation is not committed yet: nothing to compare with
    created = ko_commits[-1]
    # One commit made the English page and the translation is no older: no line can be stale,
    # and a translation touched by that one commit only has no edited line. Skips blame for most pages.
    simple_en = len(en_commits) == 1 and en not in repo.dirty and not repo.newer(en_commits[0], created)
    if simple_en and len(ko_commits) == 1 and ko not in repo.dirty:
        return (), 0
    ko_blame = repo.blame(ko)
    en_blame = repo.blame(en) if not simple_en else [en_commits[0]] * pair.source_length
    stale: list[StaleLine] = []
    edited = 0
    for number in pair.lines:
        if number > len(ko_blame) or number > len(en_blame):
            break  # misaligned pages: `sxs check` reports it
        k, e = ko_blame[number - 1], en_blame[number - 1]
        if k != created:
            edited += 1
        if repo.newer(e, k):
            stale.append(StaleLine(number, e, repo.dates.get(e, ""), k, repo.dates.get(k, "")))
    return tuple(stale), edited
