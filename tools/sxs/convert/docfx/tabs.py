"""DocFX tabs as Material's content tabs (pymdownx.tabbed).

DocFX makes a tab of a heading whose only content is a link to `#tab/<id>` (optionally
`#tab/<id>/<condition>`); the tab holds the blocks after it, up to the next tab heading. A group
ends at a thematic break (`---`, consumed) or at the end of the container it stands in. The
localised repositories put an anchor before the link (`# <a name="x"></a>[Windows](#tab/windows)`):
still a tab. In Material each tab is `=== "title"` with its content indented by four.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

TAB_HEADING = re.compile(
    r"^#{1,6}[ \t]+(?:<a[ \t]+(?:name|id)=\"[^\"]*\"[ \t]*/?>[ \t]*(?:</a>)?[ \t]*)?"
    r"\[(?P<title>.*)\]\(#tab/(?P<id>[A-Za-z0-9\-]+(?:\+[A-Za-z0-9\-]+)*)(?:/[A-Za-z0-9\-]*)?\)"
    r"[ \t]*#*[ \t]*$"
)


@dataclass(frozen=True)
class Tab:
    title: str  # the link text: Markdown, pair placeholders included

    @property
    def header(self) -> str:
        return f'=== "{self.title}"'


def tab(heading: str) -> Tab | None:
    """The tab a heading line opens, if it is a DocFX tab heading."""
    m = TAB_HEADING.match(heading.strip())
    return Tab(m.group("title").strip()) if m else None
