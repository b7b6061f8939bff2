"""Debian's Chromium (never a downloaded build) as the browser tests and the benchmarks launch it."""

from __future__ import annotations

import shutil
from pathlib import Path

from playwright.sync_api import Browser, Playwright

PATH = shutil.which("chromium") or "/usr/bin/chromium"
# As root, without a sandbox; and no background traffic to Google's hosts, so that
# every request the tests record comes from the page itself.
ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]


def installed() -> bool:
    return Path(PATH).exists()


def launch(playwright: Playwright) -> Browser:
    """A headless Chromium from Debian's package."""
    return playwright.chromium.launch(executable_path=PATH, headless=True, args=ARGS)
