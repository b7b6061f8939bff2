"""Links and images written in raw HTML, resolved as MkDocs resolves Markdown ones.

MkDocs turns a Markdown link or image (`[text](page.md)`, `![alt](images/x.png)`) into the URL of
that page or file in the language being built, but leaves raw HTML as written: `<a href="page.md">`
and `<img src="images/x.png">` (DocFX articles use them for sizes, tables and image maps). The import
writes both kinds relative to the page's file, like every link; a browser reads a raw one from the
page's URL instead (`a/page/`, `en/a/page/` in English, where images are not copied).

So, in each page's HTML, a relative `href` or `src` that names no file of the site from the page's
URL but names one from the page's file is rewritten to that file's URL, as MkDocs would have: a
page in the reader's language. What already works is left alone, Markdown links included.
"""

from __future__ import annotations

import posixpath
import re
from typing import Any
from urllib.parse import unquote

from mkdocs.utils import get_relative_url

URL_IN_TAG = re.compile(
    r"""(<(?:a|img|source|video|audio|area)\b[^>]*?\s(?:href|src)=)("[^"]*"|'[^']*')""", re.I
)
NOT_RELATIVE = re.compile(r"^(?:[A-Za-z][A-Za-z0-9+.-]*:|/|#|$)")


class RawHtmlLinks:
    def __init__(self, options: Any) -> None:
        self._files: Any = None
        self._urls: frozenset[str] = frozenset()

    def on_page_content(self, html: str, page: Any, config: Any, files: Any) -> str | None:
        if "<" not in html:
            return None
        if files is not self._files:  # a new build (each language has its own files)
            self._files = files
            self._urls = frozenset(f.url.rstrip("/") for f in files)

        def fix(m: re.Match[str]) -> str:
            quote, value = m.group(2)[0], m.group(2)[1:-1]
            new = self._resolve(value, page, files)
            return m.group(0) if new is None else f"{m.group(1)}{quote}{new}{quote}"

        return URL_IN_TAG.sub(fix, html)

    def _resolve(self, value: str, page: Any, files: Any) -> str | None:
        """The URL `value` should have been, or None when it is fine (or names nothing either way)."""
        if NOT_RELATIVE.match(value):
            return None
        path, hash_, fragment = value.partition("#")
        path, question, query = path.partition("?")
        url_dir = page.url if page.url.endswith("/") or not page.url else posixpath.dirname(page.url)
        from_url = posixpath.normpath(posixpath.join(url_dir, unquote(path)))
        if from_url.rstrip("/") in self._urls or from_url == ".":
            return None
        from_file = posixpath.normpath(posixpath.join(posixpath.dirname(page.file.src_uri), unquote(path)))
        target = files.get_file_from_path(from_file)
        if target is None:
            return None
        return get_relative_url(target.url, page.url) + question + query + hash_ + fragment
