"""Template fragments rendered once per page depth, not once per page.

Some of what every page carries is the same on every page of a language at the same depth: most
of the header (logo, search box, palette), Material's `__config` JSON, its style and script
tags. Rendered anew for each page they were nearly a third of the time in templates. In a template,
`{% cached "name" %}...{% endcached %}` renders its body once per name, theme language,
`base_url` (the page's way back to the site's root) and the page's first folder (`articles`,
`en`), and gives the same text to every page that shares them: only for a body that reads
nothing else of the page. Each build (each language's) has a template environment, and so a
cache, of its own.

What MkDocs' `url` filter makes of a site path depends on the page's depth alone when the path
is outside the page's first folder (`assets/x.js` is `../../assets/x.js` from `articles/a/`), and
on its first folder too when the path is that folder itself (`en/` is `../../` from `en/a/b/`);
a path deeper inside the page's first folder (`../x.js` from `assets/b/`, but `../../x.js` from
`assets/b/c/`) depends on more, so a fragment with one is rendered for every page of that folder.
tests/site/test_fragments.py builds sites both ways and compares every file byte for byte.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from jinja2 import nodes, pass_context
from jinja2.ext import Extension
from jinja2.parser import Parser
from jinja2.runtime import Context
from mkdocs.config.defaults import MkDocsConfig

URL_FILTERS = ("url", "script_tag")
"""MkDocs' filters that make a site path relative to the page."""


class FragmentCache(Extension):
    tags = {"cached"}

    def __init__(self, environment: Any) -> None:
        super().__init__(environment)
        # by (name, language, base_url, first folder); None: rendered for every page
        self.fragments: dict[tuple[str, str, str, str], str | None] = {}
        self.recording: list[list[str]] = []  # the paths given to URL_FILTERS, by fragment being rendered
        for name in URL_FILTERS:
            if name in environment.filters:
                environment.filters[name] = self._recorded(environment.filters[name])

    def _recorded(self, url: Callable[..., str]) -> Callable[..., str]:
        @pass_context
        def recorded(context: Context, value: Any) -> str:
            for paths in self.recording:
                paths.append(str(value))
            return url(context, value)

        return recorded

    def parse(self, parser: Parser) -> nodes.Node:
        lineno = next(parser.stream).lineno
        name = parser.parse_expression()
        body = parser.parse_statements(("name:endcached",), drop_needle=True)
        call = self.call_method("_render", [name, nodes.ContextReference()])
        return nodes.CallBlock(call, [], [], body).set_lineno(lineno)

    def _render(self, name: str, context: Context, caller: Callable[[], str]) -> str:
        page = context.get("page")
        url = str(page.url) if page is not None else ""
        folder = url.split("/", 1)[0] if "/" in url else ""
        language = str(context.get("config")["theme"]["language"])
        key = (str(name), language, str(context.get("base_url")), folder)
        found = self.fragments.get(key)
        if found is not None:  # inside a fragment being rendered too: its paths hold for the same key
            return found
        paths: list[str] = []
        self.recording.append(paths)
        try:
            text = caller()
        finally:
            self.recording.pop()
        if key not in self.fragments:
            self.fragments[key] = text if all(_same_from_folder(path, folder) for path in paths) else None
        return text


def _same_from_folder(path: str, folder: str) -> bool:
    """Whether `url` makes the same of `path` for every page of `folder` at one depth."""
    first, _, rest = path.lstrip("/").partition("/")
    return first != folder or not rest.strip("/")


class CachedFragments:
    def __init__(self, options: Any) -> None:
        pass

    def on_env(self, env: Any, config: MkDocsConfig, files: Any) -> None:
        env.add_extension(FragmentCache)
