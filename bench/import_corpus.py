#!/usr/bin/env python3
"""Benchmark: wall time of `sxs import` over the whole shared corpus.

usage: .venv/bin/python bench/import_corpus.py [--runs N] [--corpus DIR]

Prints one line per run and then the figure the README quotes: the best and
median wall time of a cold import (empty output folder), and of a re-import
(everything unchanged). The budget is 5 s on a 2-core machine.
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

DEFAULT = (REPO / ".." / "shared" / "corpus" / "alchemy-ko-2020" / "AlchemyInsights").resolve()
BUDGET_S = 5.0


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


def main_bench() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--runs", type=int, default=5)
    ap.add_argument("--corpus", type=Path, default=DEFAULT)
    args = ap.parse_args()
    if not args.corpus.is_dir():
        print(f"{args.corpus}: corpus not found", file=sys.stderr)
        return 2
    cold, warm, cpu = [], [], []
    summary = ""
    for run in range(1, args.runs + 1):
        out = Path(tempfile.mkdtemp(prefix="sxs-bench-"))
        try:
            seconds, used, summary = timed_import(args.corpus, out)
            cold.append(seconds)
            cpu.append(used)
            again, _, _ = timed_import(args.corpus, out)
            warm.append(again)
        finally:
            shutil.rmtree(out)
        print(f"run {run}: cold {seconds:.2f} s wall ({used:.2f} s CPU), re-import {again:.2f} s")
    print(f"last run: {summary}")
    print(f"cpus: {os.cpu_count()}, load average {os.getloadavg()[0]:.2f}, python {sys.version.split()[0]}")
    print(
        f"import_corpus: cold best {min(cold):.2f} s, median {statistics.median(cold):.2f} s; "
        f"re-import best {min(warm):.2f} s, median {statistics.median(warm):.2f} s; "
        f"CPU median {statistics.median(cpu):.2f} s "
        f"(budget {BUDGET_S:.0f} s)"
    )
    return 0 if statistics.median(cold) <= BUDGET_S else 1


if __name__ == "__main__":
    sys.exit(main_bench())
