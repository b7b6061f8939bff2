"""`sxs nginx-config [SITE]`: the nginx server configuration for a built site.

Fills in the template deploy/nginx.conf: where the site is and how it is reached (`--root`,
`--listen`, `--server-name`), the Content-Security-Policy header (the policy the build wrote
into the site's pages, read from SITE/index.html, plus the directives only a header can carry),
a 404 page for each language folder that has one, and Brotli unless `--no-brotli`.
"""

from __future__ import annotations

import argparse
import html
import re
import sys
from dataclasses import dataclass
from pathlib import Path

TEMPLATE = Path("deploy") / "nginx.conf"
"""Relative to the working folder, like `sxs check`'s docs/: the repository's root."""
META = re.compile(r'<meta http-equiv="Content-Security-Policy" content="([^"]*)"\s*/?>')
BROTLI = "    brotli_static on;\n"
LANGUAGE = """\
    location /{lang}/ {{
        error_page 404 /{lang}/404.html;
        try_files $uri $uri/ =404;
    }}
"""


class ConfigError(Exception):
    pass


@dataclass(frozen=True)
class Server:
    root: Path
    listen: str = "80"
    server_name: str = "_"
    brotli: bool = True


def page_policy(site: Path) -> str:
    """The policy of the site's pages, as its home page carries it."""
    home = site / "index.html"
    try:
        found = META.search(home.read_text(encoding="utf-8"))
    except OSError as exc:
        raise ConfigError(f"{home}: {exc.strerror}: build the site first (make build)") from exc
    if found is None:
        raise ConfigError(
            f"{home}: no Content-Security-Policy <meta>: not built by this project's mkdocs.yml"
        )
    return html.unescape(found.group(1))


def language_folders(site: Path) -> list[str]:
    """The language folders (`en`, ...): a folder of the site with a 404 page of its own."""
    return sorted(
        p.parent.name
        for p in site.glob("*/404.html")
        if re.fullmatch(r"[a-z]{2,3}(?:-[A-Za-z]+)?", p.parent.name)
    )


def render(template: str, site: Path, server: Server) -> str:
    from sxs.site.security import header_policy

    policy = header_policy(page_policy(site))
    values = {
        "@LISTEN@": server.listen,
        "@SERVER_NAME@": server.server_name,
        "@ROOT@": str(server.root),
        "@CSP@": policy,
        "@BROTLI@\n": BROTLI if server.brotli else "",
        "@LANGUAGES@\n": "".join(LANGUAGE.format(lang=lang) for lang in language_folders(site)),
    }
    for option, value, unsafe in (
        ("--listen", server.listen, r"[\s;{}\"'#]"),
        ("--server-name", server.server_name, r"[;{}\"'#]"),
        ("--root", str(server.root), r"[\s;{}\"'#]"),
    ):
        if not value.strip() or re.search(unsafe, value):
            raise ConfigError(f"{option} {value!r}: not a value nginx's configuration can hold here")
    for key, value in values.items():
        if key not in template:
            raise ConfigError(f"the template has no {key.strip()}")
        template = template.replace(key, value)
    return template


def configure(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("site", nargs="?", default="site", type=Path, help="the built site (default: site)")
    parser.add_argument(
        "--root", type=Path, help="where the server finds the site (default: SITE's absolute path)"
    )
    parser.add_argument("--listen", default="80", help="nginx's `listen` (default: 80), e.g. 127.0.0.1:8080")
    parser.add_argument("--server-name", default="_", help="nginx's `server_name` (default: _)")
    parser.add_argument(
        "--no-brotli",
        action="store_true",
        help="no brotli_static (nginx without libnginx-mod-http-brotli-static)",
    )
    parser.add_argument("--template", type=Path, default=TEMPLATE, help=f"the template (default: {TEMPLATE})")
    parser.add_argument("--out", type=Path, help="write the configuration here (default: standard output)")


def run(args: argparse.Namespace) -> int:
    site: Path = args.site
    server = Server((args.root or site).resolve(), args.listen, args.server_name, not args.no_brotli)
    try:
        template = args.template.read_text(encoding="utf-8")
    except OSError as exc:
        print(f"{args.template}: error: {exc.strerror}", file=sys.stderr)
        return 2
    try:
        config = render(template, site, server)
    except ConfigError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    if args.out is None:
        sys.stdout.write(config)
    else:
        args.out.write_text(config, encoding="utf-8")
    return 0
