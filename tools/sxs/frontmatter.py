"""Stage 2a: split an article into its YAML front matter and Markdown body."""
from __future__ import annotations

import re
from typing import Any

import yaml  # type: ignore[import-untyped]

from .errors import Diagnostic, error
from .model import SourceFile

FENCE = re.compile(r"---[ \t]*\n")
SPAN_TAG = re.compile(r"<span\b|data-ttu-id|data-stu-id|sxs-lookup")


# libyaml's parser when the wheel has it (about 10x faster), else the pure-Python one.
_Base: type = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


class _Loader(_Base):  # type: ignore[misc]
    """Safe loader that keeps dates and times as the strings the author wrote."""


for _ch, _resolvers in list(_Loader.yaml_implicit_resolvers.items()):
    _Loader.yaml_implicit_resolvers[_ch] = [
        (tag, rx) for tag, rx in _resolvers if tag != "tag:yaml.org,2002:timestamp"
    ]


def split_front_matter(src: SourceFile) -> tuple[dict[str, Any], str, int, str] | Diagnostic:
    """Return (metadata, body, line where the body starts, raw YAML text) or the problem."""
    text = src.text
    opening = FENCE.match(text)
    if opening is None:
        return error(src.display, 1, 1, "no YAML front matter: the file must start with '---'")
    start = opening.end()
    end = re.search(r"^---[ \t]*$", text[start:], re.M)
    if end is None:
        return error(src.display, 1, 1, "front matter is not closed by a '---' line")
    block = text[start : start + end.start()]
    body_start = start + end.end() + 1
    body_line = text.count("\n", 0, min(body_start, len(text))) + 1
    for number, text_line in enumerate(block.split("\n"), start=2):
        hit = SPAN_TAG.search(text_line)
        if hit:
            return error(src.display, number, hit.start() + 1,
                         "front matter line is span-tagged (translated markup inside YAML)")
    try:
        meta = yaml.load(block, Loader=_Loader)  # noqa: S506 - SafeLoader subclass
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        line: int = mark.line + 2 if mark is not None else 2
        col: int = mark.column + 1 if mark is not None else 1
        problem = getattr(exc, "problem", None) or str(exc).splitlines()[0]
        return error(src.display, line, col, f"invalid YAML in front matter: {problem}")
    if meta is None:
        meta = {}
    if not isinstance(meta, dict):
        return error(src.display, 2, 1, "front matter is not a mapping of keys to values")
    return {str(k): v for k, v in meta.items()}, text[body_start:], body_line, block
