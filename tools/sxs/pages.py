"""The layout of a generated page's front matter, shared by import and later commands.

Every generated page starts with this front matter, keys in this order, the same
keys in both languages so the two files stay line-aligned:

    title:           H1 text of this page's language (what the site shows)
    lang:            language of this page ("ko", "en", ...)
    upstream_title:  the upstream `title:` value (target language, usually shorter)
    source_path:     the article's path relative to the imported folder (POSIX)
    source_sha256:   SHA-256 of the source file's bytes at import time
    page_hash:       "sha256:" + SHA-256 of this file with the page_hash line removed;
                     a mismatch means the page was edited after import
    <upstream keys>: every other upstream key, in upstream order, values unchanged
                     (ms.locfileid, ms.translationtype, ms.openlocfilehash,
                     ms.lasthandoff, ms.contentlocale, author, ...)

Read it back with `read_meta(text)`; test for edits with `is_edited(text)`.
"""
from __future__ import annotations

import hashlib
import re
from typing import Any

import yaml

HASH_KEY = "page_hash"
OWN_KEYS = ("title", "lang", "upstream_title", "source_path", "source_sha256", HASH_KEY)
HASH_LINE = re.compile(rf"^{HASH_KEY}:[^\n]*\n", re.M)
FRONT = re.compile(r"\A---\n(.*?\n)---\n", re.S)


_Dumper: type = getattr(yaml, "CSafeDumper", yaml.SafeDumper)


def dump_yaml(items: list[tuple[str, Any]]) -> str:
    """Block-style YAML keeping key order; long values never wrap."""
    if not items:
        return ""
    return yaml.dump(dict(items), Dumper=_Dumper, allow_unicode=True, sort_keys=False,
                     default_flow_style=False, width=2**31 - 1)


def compute_hash(text: str) -> str:
    """Hash of a page with its page_hash line left out."""
    return "sha256:" + hashlib.sha256(HASH_LINE.sub("", text, count=1).encode("utf-8")).hexdigest()


def seal(text: str) -> str:
    """Fill in the page_hash line of a freshly rendered page."""
    return HASH_LINE.sub(f"{HASH_KEY}: {compute_hash(text)}\n", text, count=1)


def read_meta(text: str) -> dict[str, Any]:
    m = FRONT.match(text.replace("\r\n", "\n"))
    if m is None:
        return {}
    data = yaml.safe_load(m.group(1))
    return data if isinstance(data, dict) else {}


def is_edited(text: str) -> bool:
    """True when the page no longer matches the hash written at import time."""
    m = re.search(rf"^{HASH_KEY}: (\S+)$", text, re.M)
    return m is None or m.group(1) != compute_hash(text)
