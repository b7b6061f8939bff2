"""DocFX code includes: the code comes from a file of the repository, into a fenced block.

    [!code-csharp[Main](../samples/Program.cs?range=3-10,12&highlight=2)]
    [!code-csharp[Main](../samples/Program.cs#snippet_Main)]
    :::code language="csharp" source="../samples/Program.cs" range="3-10" id="snippet_Main" highlight="2":::

A `range` keeps those lines (`3-10,12`, `5-` to the end); an `id` (`#name` or `id="name"`) keeps the
lines between the comments `<name>` and `</name>` (or `#region name` ... `#endregion`). Lines of
other such tags are left out, and the common indentation is removed, as DocFX does. `highlight`
lines (numbered in the snippet) are marked with superfences' `hl_lines`.

The files come from `Publication.fragments` (read.py reads a repository file when first asked for).
"""

from __future__ import annotations

import posixpath
import re
import textwrap
from collections.abc import Callable
from dataclasses import dataclass
from urllib.parse import parse_qs, unquote

from .grammar import attributes

# What a code file's name says its language is, for the fence (and which files read.py loads).
LANGUAGES = {
    ".cs": "csharp",
    ".vb": "vb",
    ".fs": "fsharp",
    ".cpp": "cpp",
    ".cc": "cpp",
    ".h": "cpp",
    ".hpp": "cpp",
    ".c": "c",
    ".java": "java",
    ".js": "javascript",
    ".ts": "typescript",
    ".py": "python",
    ".ps1": "powershell",
    ".psm1": "powershell",
    ".sh": "bash",
    ".bat": "batch",
    ".cmd": "batch",
    ".sql": "sql",
    ".json": "json",
    ".xml": "xml",
    ".xaml": "xml",
    ".config": "xml",
    ".csproj": "xml",
    ".html": "html",
    ".cshtml": "cshtml",
    ".css": "css",
    ".yml": "yaml",
    ".yaml": "yaml",
    ".go": "go",
    ".rb": "ruby",
    ".php": "php",
    ".kql": "kusto",
    ".txt": "text",
}

CODE_LINK = re.compile(
    r"^\[!code(?:-(?P<lang>[\w+#.-]+))?[ \t]*\[(?P<name>[^\]]*)\][ \t]*\((?P<target>[^()\s]+)"
    r"(?:[ \t]+\"[^\"]*\")?\)[ \t]*\][ \t]*$",
    re.I,
)
CODE_BLOCK = re.compile(r"^:::code[ \t]+(?P<attrs>.*?):::[ \t]*$", re.I)
RANGE = re.compile(r"^(\d+)(?:-(\d*))?$")
# A line that is only a snippet tag in a comment: `// <Main>`, `# </Main>`, `#region Main`.
TAG_LINE = re.compile(
    r"^\s*(?://|#|'|<!--|/\*|--|REM\b)?\s*(?:<\s*/?\s*[\w.-]+\s*>|#\s*(?:end)?region\b.*)"
    r"\s*(?:-->|\*/)?\s*$",
    re.I,
)


@dataclass(frozen=True)
class Include:
    """What one code include asks for."""

    path: str  # as written, relative to the file that includes it
    language: str
    ranges: str = ""
    region: str = ""
    highlight: str = ""


def parse(content: str) -> Include | None:
    """The code include a line holds (its whole content), if any."""
    link = CODE_LINK.match(content)
    if link:
        target = link.group("target")
        target, _, region = target.partition("#")
        path, _, query = target.partition("?")
        args = {k.lower(): v[0] for k, v in parse_qs(query).items()}
        return Include(
            unquote(path),
            link.group("lang") or "",
            args.get("range", ""),
            region or args.get("name", ""),
            args.get("highlight", ""),
        )
    block = CODE_BLOCK.match(content)
    if block:
        found = attributes(block.group("attrs"))
        if "source" in found:
            return Include(
                unquote(found["source"]),
                found.get("language", ""),
                found.get("range", ""),
                found.get("id", ""),
                found.get("highlight", ""),
            )
    return None


def resolve(include: Include, including: str) -> str:
    """The repository path of the code file (`~/` is the repository root)."""
    if include.path.startswith("~/"):
        return posixpath.normpath(include.path[2:])
    return posixpath.normpath(posixpath.join(posixpath.dirname(including), include.path))


def fence(include: Include, code: str, warn: Callable[[str], None]) -> list[str]:
    """The fenced block for an include, given the file's text."""
    lines = code.split("\n")
    if include.region:
        lines = _region(lines, include.region, warn)
    if include.ranges:
        lines = _ranges(lines, include.ranges, warn)
    lines = [line for line in lines if not TAG_LINE.match(line)]
    lines = textwrap.dedent("\n".join(lines)).split("\n")
    while lines and not lines[-1].strip():
        lines.pop()
    language = include.language or LANGUAGES.get(posixpath.splitext(include.path)[1].lower(), "")
    marks = ",".join(str(n) for n in _numbers(include.highlight, len(lines)))
    info = language + (f' hl_lines="{marks.replace(",", " ")}"' if marks else "")
    ticks = "`" * max(3, max((len(m) for m in re.findall(r"`{3,}", code)), default=0) + 1)
    return [ticks + info, *lines, ticks]


def _region(lines: list[str], name: str, warn: Callable[[str], None]) -> list[str]:
    start_tag = re.compile(r"<\s*" + re.escape(name) + r"\s*>|#\s*region\s+" + re.escape(name) + r"\b", re.I)
    end_tag = re.compile(r"<\s*/\s*" + re.escape(name) + r"\s*>|#\s*endregion\b", re.I)
    for i, line in enumerate(lines):
        if start_tag.search(line):
            for j in range(i + 1, len(lines)):
                if end_tag.search(lines[j]):
                    return lines[i + 1 : j]
            break
    warn(f"snippet {name!r} not found in the code file; the whole file is shown")
    return lines


def _numbers(spec: str, count: int) -> list[int]:
    numbers: list[int] = []
    for part in spec.replace(" ", "").split(","):
        m = RANGE.match(part)
        if m:
            first = int(m.group(1))
            last = count if m.group(2) == "" else int(m.group(2) or first)
            numbers.extend(range(first, min(last, count) + 1))
    return numbers


def _ranges(lines: list[str], spec: str, warn: Callable[[str], None]) -> list[str]:
    numbers = _numbers(spec, len(lines))
    if not numbers:
        warn(f"range {spec!r} selects no line of the code file; the whole file is shown")
        return lines
    return [lines[n - 1] for n in numbers if 0 < n <= len(lines)]
