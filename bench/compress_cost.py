"""What the compressed copies (tools/sxs/site/compress.py) cost `mkdocs build`.

usage: python bench/compress_cost.py [CORPUS] [--runs N]   (`make bench-compress`)

Builds the seed site (the project as it is) and a scratch site with the corpus imported, each
N times with its copies and N times without (SXS_COMPRESS=false), alternating so that both see
the same load on a shared machine, and prints the median build times and their ratio.
`mkdocs serve` never writes the copies, so its rebuilds pay nothing.
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from scratch_site import BIN, CORPUS, ROOT, scratch_site  # noqa: E402


def build_seconds(root: Path, compress: bool) -> float:
    with tempfile.TemporaryDirectory(prefix="sxs-compress-") as site:
        env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "SXS_COMPRESS": "true" if compress else "false"}
        start = time.perf_counter()
        done = subprocess.run(
            [str(BIN / "mkdocs"), "build", "--site-dir", site],
            cwd=root,
            env=env,
            capture_output=True,
            text=True,
        )
        seconds = time.perf_counter() - start
        if done.returncode != 0:
            sys.exit(f"mkdocs build failed in {root}:\n{done.stderr[-3000:]}")
        return seconds


def measure(name: str, root: Path, runs: int) -> None:
    times: dict[bool, list[float]] = {False: [], True: []}
    for _ in range(runs):
        for compress in (False, True):
            times[compress].append(build_seconds(root, compress))
    without, with_ = statistics.median(times[False]), statistics.median(times[True])
    print(
        f"{name:<10} {without:6.1f} s without, {with_:6.1f} s with copies: "
        f"x{with_ / without:.3f} (median of {runs})"
    )


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("corpus", nargs="?", type=Path, default=CORPUS)
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory(prefix="sxs-seed-") as seed:
        for name in ("mkdocs.yml", "overrides", "data", "docs"):
            source = ROOT / name
            (shutil.copytree if source.is_dir() else shutil.copy2)(source, Path(seed) / name)
        measure("seed", Path(seed), args.runs)
    with scratch_site(args.corpus) as root:
        measure(args.corpus.name, root, args.runs)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
