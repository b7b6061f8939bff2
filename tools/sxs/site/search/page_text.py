"""The searchable text of a page's rendered content: no tags, no heading permalinks, no H1
(the title is indexed on its own), no scripts, templates or navigation."""

from __future__ import annotations

from html.parser import HTMLParser

_SKIPPED = {"h1", "script", "style", "template", "nav"}


class _Text(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self.skipping: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in _SKIPPED or (tag == "a" and ("class", "headerlink") in attrs):
            self.skipping.append(tag)
        elif tag in ("p", "li", "br", "td", "th", "h2", "h3", "h4", "div", "pre"):
            self.parts.append(" ")

    def handle_endtag(self, tag: str) -> None:
        if self.skipping and self.skipping[-1] == tag:
            self.skipping.pop()

    def handle_data(self, data: str) -> None:
        if not self.skipping:
            self.parts.append(data)


def page_text(html: str) -> str:
    parser = _Text()
    parser.feed(html)
    parser.close()
    return "".join(parser.parts)
