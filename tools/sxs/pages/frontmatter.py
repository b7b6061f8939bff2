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

Read it back with `read_meta(text)` (or `read_front(text)` for its position and problems); test
for edits with `is_edited(text)`. This module is the one reader of pages' front matter.
"""

from __future__ import annotations

import hashlib
import json
import re
from dataclasses import dataclass
from typing import Any

import yaml

HASH_KEY = "page_hash"
OWN_KEYS = ("title", "lang", "upstream_title", "source_path", "source_sha256", HASH_KEY)
HASH_LINE = re.compile(rf"^{HASH_KEY}:[^\n]*\n", re.M)
FRONT = re.compile(r"\A---\n(.*?\n)?---[ \t]*(?:\n|\Z)", re.S)


_Dumper: type = getattr(yaml, "CSafeDumper", yaml.SafeDumper)


def dump_yaml(items: list[tuple[str, Any]]) -> str:
    """Block-style YAML keeping key order; long values never wrap."""
    if not items:
        return ""
    text: str = yaml.dump(
        dict(items),
        Dumper=_Dumper,
        allow_unicode=True,
        sort_keys=False,
        default_flow_style=False,
        width=2**31 - 1,
    )
    return text


PLAIN = re.compile(r"[^\s\-?:,\[\]{}#&*!|>'\"%@`][^:#\n]*")
_RESOLVER = yaml.resolver.Resolver()


def _plain_is_string(text: str) -> bool:
    """Would YAML read this unquoted text back as the same string (not a number, date, bool...)?"""
    tag: str = _RESOLVER.resolve(yaml.ScalarNode, text, (True, False))  # type: ignore[no-untyped-call]
    return tag == "tag:yaml.org,2002:str"


YAML_UNSAFE = re.compile(
    "[^\t\n\r\x20-\x7e\xa0-\u2027\u202a-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]|\ufeff"
)


def scalar(value: Any) -> str:
    """A YAML scalar for our own keys: plain when unambiguous, else double-quoted (JSON is valid YAML)."""
    if value is None:
        return "null"
    text = str(value)
    if PLAIN.fullmatch(text) and text.isprintable() and not text.endswith(" ") and _plain_is_string(text):
        return text
    # YAML rejects raw non-printable characters even when quoted, and folds NEL/LS/PS: escape them.
    return YAML_UNSAFE.sub(lambda m: f"\\u{ord(m.group()):04x}", json.dumps(text, ensure_ascii=False))


def own_keys(items: list[tuple[str, Any]]) -> str:
    return "".join(f"{key}: {scalar(value)}\n" for key, value in items)


def without_key(block: str, key: str) -> str | None:
    """The YAML text minus one single-line top-level key; None when that is not safe to do by lines."""
    lines = block.split("\n")
    for i, line in enumerate(lines):
        m = re.match(rf"{re.escape(key)}[ \t]*:(.*)$", line)
        if m is None:
            continue
        value = m.group(1).strip()
        nxt = lines[i + 1] if i + 1 < len(lines) else ""
        if not value or value[0] in "|>[{&*!" or nxt.startswith((" ", "\t", "-")):
            return None
        rest = lines[:i] + lines[i + 1 :]
        return "\n".join(rest).strip("\n") + "\n"
    return block.strip("\n") + "\n" if block.strip() else ""


def compute_hash(text: str) -> str:
    """Hash of a page with its page_hash line left out."""
    return "sha256:" + hashlib.sha256(HASH_LINE.sub("", text, count=1).encode("utf-8")).hexdigest()


def seal(text: str) -> str:
    """Fill in the page_hash line of a freshly rendered page."""
    return HASH_LINE.sub(f"{HASH_KEY}: {compute_hash(text)}\n", text, count=1)


_Loader: Any = getattr(yaml, "CSafeLoader", yaml.SafeLoader)  # libyaml: ten times faster on 3,000 pages


@dataclass(frozen=True)
class Front:
    """A page's front matter: its keys, and the 1-based line of its closing `---` (0 without one)."""

    meta: dict[str, Any]
    end: int
    source: str | None = None  # the YAML read, when it reads as a mapping (MkDocs' front matter too)


@dataclass(frozen=True)
class FrontError:
    """Why a page's front matter cannot be read, at a 1-based line."""

    line: int
    message: str


def read_front(text: str) -> Front | FrontError:
    """The front matter of a page's text (a BOM and CRLF line ends allowed, as MkDocs reads pages)."""
    text = text.removeprefix("\ufeff").replace("\r\n", "\n")
    if not text.startswith("---\n"):
        return Front({}, 0)
    m = FRONT.match(text)
    if m is None:
        return FrontError(1, "front matter is not closed by a '---' line")
    try:
        loaded = yaml.load(m.group(1) or "", Loader=_Loader)  # noqa: S506 - a safe loader
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        line = mark.line + 2 if mark is not None else 1
        return FrontError(line, f"front matter is not valid YAML: {getattr(exc, 'problem', exc)}")
    if not isinstance(loaded, dict):
        return Front({}, m.group(0).count("\n"))
    return Front(loaded, m.group(0).count("\n"), m.group(1) or "")


def body_of(text: str) -> str:
    """A page's text after its front matter (all of it when it has none)."""
    text = text.removeprefix("\ufeff")
    m = FRONT.match(text.replace("\r\n", "\n")) if text.startswith("---") else None
    return text.replace("\r\n", "\n")[m.end() :] if m else text


def read_meta(text: str) -> dict[str, Any]:
    """The front matter's keys; empty when there is none or it cannot be read."""
    front = read_front(text)
    return front.meta if isinstance(front, Front) else {}


def is_edited(text: str) -> bool:
    """True when the page no longer matches the hash written at import time."""
    m = re.search(rf"^{HASH_KEY}: (\S+)$", text, re.M)
    return m is None or m.group(1) != compute_hash(text)
