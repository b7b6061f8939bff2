"""A YAML page read into values that remember where they were written.

A DocFX YAML page (`index.yml`, `*-faq.yml`) says its type on its first line, `### YamlMime:<Type>`,
and holds its texts as YAML values. Reading it keeps each value's line and column, so that every
message names the place in the `.yml` file, and notes which keys a page type used: a key nobody
read is reported rather than dropped in silence (`unread`).
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any

import yaml

from sxs.diagnostics import Diagnostic, error

from ..frontmatter import UpstreamLoader
from ..model import SourceFile

MIME = re.compile(r"^###[ \t]*YamlMime:[ \t]*(?P<type>[\w.-]+)")
TEXT_TAG = "tag:yaml.org,2002:str"


@dataclass(frozen=True)
class Scalar:
    """A value written as one YAML scalar; `text` as YAML reads it (a number or `true` too)."""

    text: str
    line: int  # 1-based, where the value starts
    col: int
    tag: str  # YAML's resolved tag: a string, or a number, boolean, null...
    block: bool = False  # written as a `|` or `>` block: its text starts on the next line

    @property
    def is_text(self) -> bool:
        return self.tag == TEXT_TAG

    @property
    def first_line(self) -> int:
        """The line of the value's first line of text."""
        return self.line + 1 if self.block else self.line


@dataclass
class Mapping:
    """A YAML mapping; reading a key marks it as used."""

    items: dict[str, Node]
    line: int
    col: int
    used: set[str] = field(default_factory=set)
    whole: set[str] = field(default_factory=set)  # keys taken as they are, nothing under them unread

    def get(self, key: str) -> Node | None:
        self.used.add(key)
        return self.items.get(key)

    def text(self, key: str) -> Scalar | None:
        """A key's text, None when it is missing, empty or not a scalar."""
        value = self.get(key)
        return value if isinstance(value, Scalar) and value.text.strip() else None

    def mapping(self, key: str) -> Mapping | None:
        value = self.get(key)
        return value if isinstance(value, Mapping) else None

    def mappings(self, key: str) -> list[Mapping]:
        """The mappings of a key's list (entries of other shapes are left for `unread` to report)."""
        value = self.get(key)
        if not isinstance(value, Sequence):
            return []
        found = [item for item in value.items if isinstance(item, Mapping)]
        if len(found) == len(value.items):
            return found
        value.odd = True
        return found

    def take(self, *keys: str) -> None:
        """Keys taken whole: kept in the front matter, or changing nothing on the page (a theme)."""
        self.used.update(keys)
        self.whole.update(keys)


@dataclass
class Sequence:
    items: list[Node]
    line: int
    col: int
    odd: bool = False  # holds entries of a shape its reader skipped


Node = Scalar | Mapping | Sequence


@dataclass(frozen=True)
class YamlPage:
    """A YAML page: its type, its values with their places, and the same values as plain data."""

    mime: str
    root: Mapping
    data: dict[str, Any]


def read_yaml_page(src: SourceFile) -> YamlPage | Diagnostic:
    """The YAML page `src` holds, or why it cannot be read."""
    first = src.text.split("\n", 1)[0]
    mime = MIME.match(first)
    if mime is None:
        return error(src.display, 1, 1, "not a YAML page: the first line must be '### YamlMime:<type>'")
    try:
        node = yaml.compose(src.text, Loader=UpstreamLoader)
        data = yaml.load(src.text, Loader=UpstreamLoader)  # noqa: S506 - a safe loader
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        line, col = (mark.line + 1, mark.column + 1) if mark is not None else (1, 1)
        problem = getattr(exc, "problem", None) or str(exc).splitlines()[0]
        return error(src.display, line, col, f"invalid YAML: {problem}")
    root = _value(node) if node is not None else None
    if not isinstance(root, Mapping) or not isinstance(data, dict):
        return error(src.display, 2, 1, "a YAML page must be a mapping of keys to values")
    return YamlPage(mime.group("type"), root, {str(k): v for k, v in data.items()})


def _value(node: yaml.Node) -> Node:
    line, col = node.start_mark.line + 1, node.start_mark.column + 1
    if isinstance(node, yaml.MappingNode):
        items: dict[str, Node] = {}
        for key, value in node.value:
            items.setdefault(str(key.value), _value(value))
        return Mapping(items, line, col)
    if isinstance(node, yaml.SequenceNode):
        return Sequence([_value(item) for item in node.value], line, col)
    style = getattr(node, "style", None)  # a ScalarNode's: "|" or ">" for a block
    return Scalar(str(node.value), line, col, node.tag, block=style in ("|", ">"))


def unread(node: Node, where: str = "") -> Iterator[tuple[str, int, int]]:
    """(key path, line, col) of every key no reader used, and of list entries of a shape skipped."""
    if isinstance(node, Mapping):
        for key, value in node.items.items():
            path = f"{where}.{key}" if where else key
            if key not in node.used:
                yield path, value.line, value.col
            elif key not in node.whole:
                yield from unread(value, path)
    elif isinstance(node, Sequence):
        for i, item in enumerate(node.items):
            if node.odd and not isinstance(item, Mapping):
                yield f"{where}[{i}]", item.line, item.col
            else:
                yield from unread(item, f"{where}[{i}]")
