"""`sxs nginx-config`: deploy/nginx.conf filled in from a built site (the server itself is tested in
tests/browser/test_server.py)."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from sites import ROOT
from sxs.cli import main

TEMPLATE = ["--template", str(ROOT / "deploy" / "nginx.conf")]


def config(site: Path, tmp_path: Path, *options: str) -> str:
    out = tmp_path / "sxs.conf"
    assert main(["nginx-config", str(site), "--out", str(out), *TEMPLATE, *options]) == 0
    return out.read_text(encoding="utf-8")


def test_filled_in_from_the_built_site(built_site: Path, tmp_path: Path) -> None:
    text = config(
        built_site,
        tmp_path,
        "--root",
        "/srv/sxs",
        "--listen",
        "127.0.0.1:8080",
        "--server-name",
        "kb.example.org",
    )
    assert "@" not in text.replace("@uri", "")  # no placeholder left
    assert "    listen 127.0.0.1:8080;\n    server_name kb.example.org;\n    root /srv/sxs;\n" in text
    assert "    brotli_static on;\n" in text
    policy = re.search(r'add_header Content-Security-Policy "([^"]*)" always;', text)
    assert policy is not None
    html = (built_site / "index.html").read_text(encoding="utf-8")
    page_policy = policy.group(1).removesuffix("; frame-ancestors 'none'")
    assert f'<meta http-equiv="Content-Security-Policy" content="{page_policy}">' in html
    assert policy.group(1).endswith("; frame-ancestors 'none'")
    # one 404 page per language folder
    assert re.findall(r"error_page 404 (\S+);", text) == ["/404.html", "/en/404.html"]


def test_without_brotli(built_site: Path, tmp_path: Path) -> None:
    text = config(built_site, tmp_path, "--no-brotli")
    assert "brotli_static" not in text and "gzip_static on;" in text


def test_the_root_defaults_to_the_site(built_site: Path, tmp_path: Path) -> None:
    assert f"    root {built_site.resolve()};\n" in config(built_site, tmp_path)


@pytest.mark.parametrize(
    "options,message",
    [
        (["--listen", "80; include /etc/passwd"], "error: --listen '80; include /etc/passwd': not a value"),
        (["--root", "/srv/my site"], "error: --root '/srv/my site': not a value"),
    ],
)
def test_values_that_would_break_the_configuration_are_refused(
    built_site: Path, options: list[str], message: str, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["nginx-config", str(built_site), *TEMPLATE, *options]) == 2
    assert capsys.readouterr().err.startswith(message)


def test_a_site_not_built_is_said_so(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["nginx-config", str(tmp_path / "site"), *TEMPLATE]) == 2
    assert capsys.readouterr().err == (
        f"error: {tmp_path / 'site' / 'index.html'}: No such file or directory:"
        " build the site first (make build)\n"
    )
    (tmp_path / "index.html").write_text("<html><head></head></html>", encoding="utf-8")
    assert main(["nginx-config", str(tmp_path), *TEMPLATE]) == 2
    assert "no Content-Security-Policy <meta>" in capsys.readouterr().err
