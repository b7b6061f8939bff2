#!/usr/bin/env python3
"""Benchmark: wall time of `sxs import` over each shared repository, and how it grows.

usage: .venv/bin/python bench/import_corpus.py [--runs N] [--corpus DIR ...]

For each repository (by default the four shared ones: the flat Alchemy Insights folder and the
three DocFX documentation sets), one line per run, then its figure: the best and median wall
time of a cold import (empty output folder) and of a re-import (everything unchanged), its
articles and megabytes, and the time the linear model of the README predicts for it
(MS_PER_ARTICLE per article plus S_PER_MB per megabyte of Markdown). The import must stay
linear: no repository may take more than SLACK times its prediction. The machine is shared
and noisy, so the comparison is a ratio within one run.
"""

from __future__ import annotations

import argparse
import contextlib
import io
import os
import resource
import shutil
import statistics
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO / "tools"))

from sxs.cli import main  # noqa: E402

SHARED = (REPO / ".." / "shared" / "corpus").resolve()
DEFAULT = [
    SHARED / "alchemy-ko-2020" / "AlchemyInsights",
    SHARED / "mixed-reality-ko-2021",
    SHARED / "mdop-ko-2021",
    SHARED / "partner-center-ko-2021",
]
MS_PER_ARTICLE = 1.3  # the import's cost before documentation sets, measured on Alchemy Insights
S_PER_MB = 0.14
SLACK = 2.0


def cpu_seconds() -> float:
    """CPU time of this process and its finished children: the figure load on the machine does not inflate."""
    own, kids = resource.getrusage(resource.RUSAGE_SELF), resource.getrusage(resource.RUSAGE_CHILDREN)
    return own.ru_utime + own.ru_stime + kids.ru_utime + kids.ru_stime


def timed_import(corpus: Path, out: Path) -> tuple[float, float, str]:
    sink_out, sink_err = io.StringIO(), io.StringIO()
    cpu = cpu_seconds()
    start = time.perf_counter()
    with contextlib.redirect_stdout(sink_out), contextlib.redirect_stderr(sink_err):
        status = main(["import", str(corpus), "--out", str(out), "--progress", "never"])
    elapsed = time.perf_counter() - start
    cpu = cpu_seconds() - cpu
    if status not in (0, 1):
        raise SystemExit(f"import failed with status {status}:\n{sink_err.getvalue()}")
    return elapsed, cpu, sink_out.getvalue().strip()


def size_of(corpus: Path) -> tuple[int, float]:
    """Markdown articles (files with pairs) and megabytes of Markdown under a repository."""
    files = [p for p in corpus.rglob("*.md") if "includes" not in p.parts]
    articles = sum(1 for p in files if b"data-ttu-id" in p.read_bytes())
    return articles, sum(p.stat().st_size for p in files) / 1e6


def bench(corpus: Path, runs: int) -> bool:
    cold, warm, cpu = [], [], []
    summary = ""
    for run in range(1, runs + 1):
        out = Path(tempfile.mkdtemp(prefix="sxs-bench-"))
        try:
            seconds, used, summary = timed_import(corpus, out)
            cold.append(seconds)
            cpu.append(used)
            again, _, _ = timed_import(corpus, out)
            warm.append(again)
        finally:
            shutil.rmtree(out)
        print(f"  run {run}: cold {seconds:.2f} s wall ({used:.2f} s CPU), re-import {again:.2f} s")
    articles, megabytes = size_of(corpus)
    predicted = articles * MS_PER_ARTICLE / 1000 + megabytes * S_PER_MB
    ratio = statistics.median(cold) / predicted
    print(f"  last run: {summary}")
    print(
        f"import {corpus.relative_to(SHARED) if corpus.is_relative_to(SHARED) else corpus}: "
        f"{articles} articles, {megabytes:.1f} MB; cold best {min(cold):.2f} s, median "
        f"{statistics.median(cold):.2f} s; re-import best {min(warm):.2f} s; CPU median "
        f"{statistics.median(cpu):.2f} s; linear model {predicted:.2f} s, median/model {ratio:.2f} "
        f"(at most {SLACK:.1f})"
    )
    return ratio <= SLACK


def main_bench() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--runs", type=int, default=5)
    ap.add_argument("--corpus", type=Path, action="append", help="a repository (default: every shared one)")
    args = ap.parse_args()
    corpora = args.corpus or DEFAULT
    missing = [c for c in corpora if not c.is_dir()]
    if missing:
        print(f"{missing[0]}: corpus not found", file=sys.stderr)
        return 2
    print(f"cpus: {os.cpu_count()}, load average {os.getloadavg()[0]:.2f}, python {sys.version.split()[0]}")
    linear = [bench(corpus, args.runs) for corpus in corpora]
    return 0 if all(linear) else 1


if __name__ == "__main__":
    sys.exit(main_bench())
