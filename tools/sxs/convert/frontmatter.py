"""Stage 2a: split an article into its YAML front matter and Markdown body."""

from __future__ import annotations

import html
import re

import yaml

from sxs.diagnostics import Diagnostic, error, warning
from sxs.pages.frontmatter import scalar

from .model import FrontMatter, SourceFile
from .parse import PAIR

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


KEY_LINE = re.compile(r"(?P<key>[^\s:#-][^:]*):[ \t]*(?P<value>.*)$")


def split_front_matter(src: SourceFile) -> tuple[FrontMatter, str, int, list[Diagnostic]] | Diagnostic:
    """Return (front matter, body, line where the body starts, warnings) or the problem."""
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
    warnings: list[Diagnostic] = []
    target_lines, source_lines = [], []
    for number, text_line in enumerate(block.split("\n"), start=2):
        hit = SPAN_TAG.search(text_line)
        if hit is None:
            target_lines.append(text_line)
            source_lines.append(text_line)
            continue
        # Real repositories have front matter run through the translation tool: recover
        # `key: <pair>` lines, giving each page its language's text.
        m = KEY_LINE.match(text_line)
        value = m.group("value") if m else ""
        pairs = list(PAIR.finditer(value))
        if m is None or not pairs or SPAN_TAG.search(PAIR.sub("", value)):
            return error(
                src.display,
                number,
                hit.start() + 1,
                "front matter line is span-tagged and cannot be recovered",
            )
        if any(p.group("tid") != p.group("sid") for p in pairs):
            return error(
                src.display, number, hit.start() + 1, "data-ttu-id and data-stu-id differ in front matter"
            )
        warnings.append(
            warning(
                src.display,
                number,
                hit.start() + 1,
                f"front matter key {m.group('key')!r} is span-tagged; each page keeps its language",
            )
        )
        for lines, part in ((target_lines, "target"), (source_lines, "source")):
            plain = PAIR.sub(lambda p, part=part: p.group(part), value).strip().strip("'\"")
            lines.append(f"{m.group('key')}: {scalar(html.unescape(plain))}")
    metas = []
    for lines in (target_lines, source_lines):
        try:
            meta = yaml.load("\n".join(lines), Loader=_Loader)  # noqa: S506 - SafeLoader subclass
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
        metas.append(tuple((str(k), v) for k, v in meta.items()))
        if target_lines is source_lines or target_lines == source_lines:
            metas.append(metas[0])
            break
    front = FrontMatter(
        meta=metas[0],
        source_meta=metas[1],
        yaml_text="\n".join(target_lines),
        source_yaml_text="\n".join(source_lines),
    )
    return front, text[body_start:], body_line, warnings
