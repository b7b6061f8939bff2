"""`.ci/system-deps` (run by `make test`): apt is asked for exactly the packages whose command is missing.

The step runs with a PATH holding only stand-ins: a command counts as present when a stand-in of
that name is there, and `apt-get` is a stand-in that records its arguments (and can be made to fail).
"""

from __future__ import annotations

import shutil
import stat
import subprocess
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
STEP = ROOT / ".ci" / "system-deps"
BASH = shutil.which("bash") or "/bin/bash"


def stand_in(folder: Path, name: str, body: str = "exit 0") -> None:
    path = folder / name
    path.write_text(f"#!{BASH}\n{body}\n")
    path.chmod(path.stat().st_mode | stat.S_IXUSR)


def run_step(
    tmp_path: Path, present: list[str], apt_fails_on: str | None = None
) -> tuple[int, list[str], str]:
    """Run the step with `present` commands on PATH; returns (status, apt-get calls, stderr)."""
    bin_dir = tmp_path / "bin"
    bin_dir.mkdir()
    log = tmp_path / "apt.log"
    for name in present:
        stand_in(bin_dir, name)
    fail = f'[[ "$*" == *{apt_fails_on}* ]] && exit 100' if apt_fails_on else ""
    stand_in(bin_dir, "apt-get", f'echo "$*" >> {log}\n{fail}\nexit 0')
    done = subprocess.run(
        [BASH, str(STEP)], env={"PATH": str(bin_dir)}, capture_output=True, text=True, timeout=30
    )
    calls = log.read_text().splitlines() if log.exists() else []
    return done.returncode, calls, done.stderr


def test_only_chromium_missing_asks_apt_for_chromium_alone(tmp_path: Path) -> None:
    status, calls, _ = run_step(tmp_path, ["node", "npm", "msgfmt", "nginx"])
    assert status == 0
    assert calls == ["update -qq", "install -y -qq chromium"]


def test_nothing_missing_calls_no_apt(tmp_path: Path) -> None:
    status, calls, stderr = run_step(tmp_path, ["chromium", "node", "npm", "msgfmt", "nginx"])
    assert (status, calls, stderr) == (0, [], "")


def test_node_missing_asks_for_nodejs_and_npm_once(tmp_path: Path) -> None:
    status, calls, _ = run_step(tmp_path, ["chromium", "msgfmt", "nginx"])
    assert status == 0
    assert calls == ["update -qq", "install -y -qq nodejs npm"]


def test_nginx_missing_asks_for_nginx_with_its_brotli_module(tmp_path: Path) -> None:
    status, calls, _ = run_step(tmp_path, ["chromium", "node", "npm", "msgfmt"])
    assert status == 0
    assert calls == ["update -qq", "install -y -qq nginx libnginx-mod-http-brotli-static"]


def test_each_missing_tool_is_its_own_transaction(tmp_path: Path) -> None:
    status, calls, _ = run_step(tmp_path, ["node", "npm"])
    assert status == 0
    assert calls == [
        "update -qq",
        "install -y -qq chromium",
        "install -y -qq gettext",
        "install -y -qq nginx libnginx-mod-http-brotli-static",
    ]


@pytest.mark.parametrize("failing", ["chromium", "update"])
def test_a_failed_install_names_the_package_and_stops(tmp_path: Path, failing: str) -> None:
    status, calls, stderr = run_step(tmp_path, ["node", "npm"], apt_fails_on=failing)
    assert status != 0
    assert "gettext" not in " ".join(calls[1:]) and "nginx" not in " ".join(calls)  # stopped at the failure
    assert "apt-get install chromium" in stderr  # how to install it by hand


def test_make_stops_before_the_tests_when_the_step_fails(tmp_path: Path) -> None:
    """`make test-py` depends on system-deps: a failure there means no half-run test suite."""
    make = shutil.which("make")
    if make is None:
        pytest.skip("make is not installed")
    bin_dir = tmp_path / "bin"
    bin_dir.mkdir()
    stand_in(bin_dir, "apt-get", "[[ $1 == install ]] && exit 100; exit 0")
    for name in ("node", "npm", "msgfmt", "nginx"):
        stand_in(bin_dir, name)
    # bash itself must be found by make's recipe; chromium must not be.
    stand_in(bin_dir, "bash", f'exec {BASH} "$@"')
    done = subprocess.run(
        [make, "-C", str(ROOT), "--no-print-directory", "system-deps"],
        env={"PATH": str(bin_dir)},
        capture_output=True,
        text=True,
        timeout=30,
    )
    assert done.returncode != 0
    assert "could not install chromium" in done.stderr
    assert "Error" in done.stderr  # make's own report of the failed step
