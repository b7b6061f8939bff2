"""Property: damaged articles never crash the converter.

Random cuts, insertions and byte damage applied to real-looking articles must
end either in a diagnostic (`path:line:col: severity: message`) or in two
line-aligned pages; never in an exception.
"""

from __future__ import annotations

import os
import re
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sxs.convert.docset import Publication
from sxs.convert.model import SourceFile
from sxs.convert.pipeline import convert
from sxs.convert.read import read_source

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "converter"
SAMPLES = [
    p.read_text(encoding="utf-8")
    for p in sorted(FIXTURES.glob("*/src/*.md"))
    if p.parent.parent.name != "broken"
]
NOISE = [
    "<",
    ">",
    "</span>",
    "<span>",
    '<span data-ttu-id="x-1">',
    '<span class="sxs-lookup">',
    '<span data-stu-id="x-1">',
    "\n",
    "---",
    "> [!NOTE]",
    "```",
    "[",
    "](",
    ")",
    "&amp;",
    "&",
    "#",
    "|",
    "\\",
    "`",
    '"',
    ":",
    "\r\n",
    "\ufeff",
    "\ue000",
    "1. ",
    "- ",
    "    ",
]
DIAGNOSTIC = re.compile(r"^.+:\d+:\d+: (error|warning): .+$")


@st.composite
def damaged(draw: st.DrawFn) -> str:
    text = draw(st.sampled_from(SAMPLES))
    for _ in range(draw(st.integers(1, 6))):
        at = draw(st.integers(0, len(text)))
        if draw(st.booleans()):
            text = text[:at] + draw(st.sampled_from(NOISE)) + text[at:]
        else:
            text = text[:at] + text[at + draw(st.integers(1, 40)) :]
    return text


@settings(
    max_examples=int(os.environ.get("SXS_EXAMPLES", "300")),
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow],
)
@given(text=damaged())
def test_damage_is_reported_not_raised(text: str) -> None:
    src = SourceFile(path=Path("x.md"), rel="x.md", page="x", text=text.replace("\r\n", "\n"), raw_sha256="0")
    result = convert(src, Publication(Path("."), (), {"x.md": "x"}, {}))
    for diag in result.diags:
        assert DIAGNOSTIC.match(str(diag)), str(diag)
    if not result.failed:
        ko, en = result.pages
        assert ko.text.count("\n") == en.text.count("\n")


@settings(deadline=None)
@given(data=st.binary(max_size=200))
def test_any_bytes_are_read_or_reported(data: bytes) -> None:
    import tempfile

    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "x.md"
        path.write_bytes(data)
        got = read_source(path, Path(tmp), "x")
        assert isinstance(got, SourceFile) or DIAGNOSTIC.match(str(got))
