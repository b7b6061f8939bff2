"""Stage 2a: split an article into its YAML front matter and Markdown body."""

from __future__ import annotations

import html
import re

import yaml

from sxs.diagnostics import Diagnostic, error, warning
from sxs.pages.frontmatter import scalar

from .model import FrontMatter, SourceFile
from .parse import PAIR, repair_quotes

FENCE = re.compile(r"---[ \t]*\n")
SPAN_TAG = re.compile(r"<span\b|data-ttu-id|data-stu-id|sxs-lookup")


# libyaml's parser when the wheel has it (about 10x faster), else the pure-Python one.
_Base: type = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


class UpstreamLoader(_Base):  # type: ignore[misc]
    """Safe loader that keeps dates and times as the strings the author wrote."""


for _ch, _resolvers in list(UpstreamLoader.yaml_implicit_resolvers.items()):
    UpstreamLoader.yaml_implicit_resolvers[_ch] = [
        (tag, rx) for tag, rx in _resolvers if tag != "tag:yaml.org,2002:timestamp"
    ]


KEY_LINE = re.compile(r"(?P<key>[^\s:#-][^:]*):[ \t]*(?P<value>.*)$")
# A file whose front matter, fences and all, is the text of one pair.
WRAPPED = re.compile(
    r'\A\s*<span data-ttu-id="(?P<tid>[^"]*)">(?P<target>[ \t]*---[ \t]*\n.*?\n---[ \t]*)</span>'
    r'<span class="sxs-lookup"><span data-stu-id="(?P=tid)">(?P<source>[ \t]*---[ \t]*\n.*?\n---[ \t]*)'
    r"</span></span>[ \t]*\n?",
    re.S,
)


def _inner(block: str) -> str:
    """A tagged front matter's YAML, without its fences."""
    lines = block.strip().split("\n")
    return "\n".join(lines[1:-1])


# A key inside a line the translation tool made of several (`title: "..." ms.author: x ms.date: ...`).
FLAT_KEY = re.compile(r"(?:^|(?<=\s))(?P<key>[A-Za-z_][\w.]*):(?=\s|$)")
# The tool writes a key's colon full width in Chinese and Japanese (`title：`).
WIDE_COLON = re.compile(r"(?<=[A-Za-z0-9_.])：")
LIST_ITEM = re.compile(r"^(?P<dash>[ \t]*-[ \t]+)(?P<value>.*)$")


def _recover(line: str) -> list[tuple[str, str, str]] | str:
    """The (key, target value, source value) rows of a front matter line holding pairs, or why not.
    A list item's key is `-`; a line the tool joined from several (`key: v key: v`) gives one row each."""
    pairs = list(PAIR.finditer(line))
    if not pairs or SPAN_TAG.search(PAIR.sub("", line)):
        return "front matter line is span-tagged and cannot be recovered"
    if any(p.group("tid") != p.group("sid") for p in pairs):
        return "data-ttu-id and data-stu-id differ in front matter"
    target_text = WIDE_COLON.sub(":", _language(line, "target"))
    source_text = _language(line, "source")
    items = LIST_ITEM.match(target_text), LIST_ITEM.match(source_text)
    if items[0] is not None and items[1] is not None:
        return [("-", items[0].group("value"), items[1].group("value"))]
    target = KEY_LINE.match(target_text)
    source = KEY_LINE.match(source_text)
    if target is None or source is None:
        return "front matter line is span-tagged and cannot be recovered"
    joined = _unjoined(target_text, source_text)
    if joined is not None:
        return joined
    # The key is YAML, not prose: the English one, should the tool have translated it.
    values = [_value(m.group("value")) for m in (target, source)]
    return [(source.group("key"), values[0], values[1])]


def _unjoined(target: str, source: str) -> list[tuple[str, str, str]] | None:
    """The rows of a line the tool joined from several, or None. The English keys after the first
    stand untranslated in the translation too, which is where its values are cut."""
    keys = list(FLAT_KEY.finditer(source))
    if len(keys) < 2 or keys[0].start() != 0:
        return None
    cuts, at = [], 0
    for key in keys[1:]:
        found = target.find(f" {key.group()}", at)
        if found < 0:
            return None
        cuts.append(found)
        at = found + len(key.group()) + 1
    target_values = [target[: cuts[0]].split(":", 1)[1]] + [
        target[cut:end].strip().split(":", 1)[1]
        for cut, end in zip(cuts, [*cuts[1:], len(target)], strict=True)
    ]
    source_values = [
        source[key.end() : end]
        for key, end in zip(keys, [k.start() for k in keys[1:]] + [len(source)], strict=True)
    ]
    return [
        (key.group("key"), _value(t), _value(s))
        for key, t, s in zip(keys, target_values, source_values, strict=True)
    ]


def _value(text: str) -> str:
    """A recovered value as YAML gets it; one without a letter or digit (the tool's stray `(`) is
    none, so that the list lines after it belong to its key."""
    value = text.strip().strip("'\"")
    return value if any(ch.isalnum() for ch in value) else ""


def _language(line: str, part: str) -> str:
    """The line with each pair replaced by its text in one language (`target` or `source`)."""

    def text(pair: re.Match[str]) -> str:
        return pair.group(part)

    return html.unescape(PAIR.sub(text, line)).strip()


def _row(key: str, value: str) -> str:
    if key == "-":
        return f"  - {scalar(value)}"
    return f"{key}: {scalar(value)}" if value else f"{key}:"


def split_front_matter(src: SourceFile) -> tuple[FrontMatter, str, int, list[Diagnostic]] | Diagnostic:
    """Return (front matter, body, line where the body starts, warnings) or the problem."""
    text = src.text
    warnings: list[Diagnostic] = []
    if "&quot;" in text[:4096]:
        head, at = repair_quotes(text[:4096])
        if (
            at is not None
            and SPAN_TAG.search(head[:at]) is None
            and head.lstrip().startswith(("---", "<span"))
        ):
            text = head + text[4096:]
    wrapped = WRAPPED.match(text)
    if wrapped is not None:
        # The whole front matter went through the translation tool as one sentence.
        warnings.append(warning(src.display, 1, 1, "front matter was tagged as a translated pair; recovered"))
        return _split(src, wrapped.group("target"), wrapped.group("source"), text, wrapped.end(), warnings)
    opening = FENCE.match(text)
    if opening is None:
        return error(src.display, 1, 1, "no YAML front matter: the file must start with '---'")
    start = opening.end()
    end = re.search(r"^---[ \t]*$", text[start:], re.M)
    if end is None:
        return error(src.display, 1, 1, "front matter is not closed by a '---' line")
    block = text[start : start + end.start()]
    body_start = start + end.end() + 1
    return _split(src, block, None, text, body_start, warnings)


def _split(
    src: SourceFile,
    block: str,
    source_block: str | None,
    text: str,
    body_start: int,
    warnings: list[Diagnostic],
) -> tuple[FrontMatter, str, int, list[Diagnostic]] | Diagnostic:
    """Front matter from its YAML block (one per language when the tool tagged it whole)."""
    body_line = text.count("\n", 0, min(body_start, len(text))) + 1
    if source_block is not None:
        block, source_block = (_inner(b) for b in (block, source_block))
    target_lines, source_lines = [], []
    source_rows = source_block.split("\n") if source_block is not None else None
    for index, text_line in enumerate(block.split("\n")):
        number = index + 2
        source_line = (
            source_rows[index] if source_rows is not None and index < len(source_rows) else text_line
        )
        hit = SPAN_TAG.search(text_line)
        if hit is None:
            target_lines.append(text_line)
            source_lines.append(source_line)
            continue
        # Real repositories have front matter run through the translation tool: recover lines
        # holding pairs (`key: <pair>`, or a pair around the whole `key: value`), giving each page
        # its language's text.
        recovered = _recover(text_line)
        if isinstance(recovered, str):
            return error(src.display, number, hit.start() + 1, recovered)
        warnings.append(
            warning(
                src.display,
                number,
                hit.start() + 1,
                f"front matter key {recovered[0][0]!r} is span-tagged; each page keeps its language",
            )
        )
        for key, target_value, source_value in recovered:
            target_lines.append(_row(key, target_value))
            source_lines.append(_row(key, source_value))
    metas = []
    for lines in (target_lines, source_lines):
        try:
            meta = yaml.load("\n".join(lines), Loader=UpstreamLoader)  # noqa: S506 - SafeLoader subclass
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
