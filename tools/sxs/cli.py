"""Command line: `sxs <command> ...`, a thin layer over the library.

Each command lives in its own module exposing `configure(parser)` and
`run(args) -> int`; add one by adding a line to COMMANDS.
"""

from __future__ import annotations

import argparse
import importlib
import logging
import sys
from collections.abc import Sequence

# command name -> (module, one-line help)
COMMANDS: dict[str, tuple[str, str]] = {
    "import": ("sxs.convert.command", "convert a side-by-side localized repository into bilingual pages"),
    "check": ("sxs.contrib.check", "check that article pairs are aligned and safely translated"),
    "stale": (
        "sxs.contrib.stale_cmd",
        "list translated lines whose English line changed after them (git history)",
    ),
    "export": ("sxs.contrib.export_cmd", "export aligned lines as PO, XLIFF or TMX translation units"),
    "build": ("sxs.site.split", "build the site, one process per language, and merge the parts"),
    "import-translations": (
        "sxs.contrib.import_translations",
        "take translated PO or XLIFF units back into the pages",
    ),
    "nginx-config": ("sxs.publish.nginx", "write the nginx configuration that serves the built site"),
}


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="sxs", description="Side-by-side localized docs to MkDocs.")
    parser.add_argument("-v", "--verbose", action="store_true", help="log debugging detail")
    sub = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")
    for name, (module, help_text) in COMMANDS.items():
        cmd = sub.add_parser(name, help=help_text, description=help_text)
        mod = importlib.import_module(module)
        mod.configure(cmd)
        cmd.set_defaults(_run=mod.run)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    logging.basicConfig(
        level=logging.DEBUG if args.verbose else logging.WARNING,
        format="%(levelname)s: %(name)s: %(message)s",
    )
    status: int = args._run(args)
    return status


if __name__ == "__main__":
    sys.exit(main())
