"""Inline clean-up of one piece of Markdown text (a segment, or text between pairs).

- Character references are decoded exactly once: `&amp;` becomes `&`, `&eacute;`
  becomes `é`; references that stand for Markdown punctuation or invisible
  characters stay references, because decoding them would change the rendering.
- Angle-bracket words (`<CustomDomain>`, `<email address>`) are text, so their
  `<` is escaped; harmless tags (`<br>`, `<kbd>`, `<sup>`, ...) are kept, and so
  are checkboxes and radio buttons (questionnaires): with every form removed they
  submit nothing; anything that could run, load or submit is removed with a warning.
- Link and image destinations are rewritten: links to other articles point at
  the generated page, local files are registered as assets, `javascript:` and
  friends are dropped. Code spans are left exactly as written.
"""

from __future__ import annotations

import html
import posixpath
import re
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass, field
from html.entities import html5
from urllib.parse import unquote

from sxs.diagnostics import Diagnostic, warning
from sxs.pages.identity import relative

from .docset import Publication
from .model import Asset

TOKEN = re.compile(
    r"""
     (?P<esclt>\\<)
    |(?P<esc>\\[!-/:-@\[-`{-~])
    |(?P<code>(?<!`)(?P<ticks>`+)(?!`).+?(?<!`)(?P=ticks)(?!`))
    |(?P<autolink><(?:https?|ftp|mailto):[^<>\s]*>|<[^<>\s@/]+@[^<>\s@]+\.[^<>\s@]+>)
    |(?P<comment><!--.*?-->)
    |(?P<block><(?P<bname>script|style|iframe|object|embed|noscript|template)\b.*?</(?P=bname)\s*>)
    |(?P<tag><(?P<close>/?)(?P<name>[A-Za-z][A-Za-z0-9-]*)(?P<attrs>(?:\s[^<>]*)?)/?>)
    |(?P<lt><(?=[A-Za-z/!?]))
    |(?P<ref>&(?:\#[0-9]{1,7}|\#[xX][0-9a-fA-F]{1,6}|[A-Za-z][A-Za-z0-9]{1,31});)
    |(?P<badlink>\[(?P<btext>[^\[\]\n]*)\]\(\s*(?:javascript|vbscript|data|file):[^()\s]*(?:\([^()\s]*\)[^()\s]*)*\s*\))
    |(?P<refdef>^[ ]{0,3}\[[^\]\n]+\]:[ \t]*(?P<rurl><[^<>\n]*>|\S+))
    |(?P<dest>\]\((?P<url><[^<>\n]*>|[^()\s]*(?:\([^()\s]*\)[^()\s]*)*)(?P<title>(?:\s+(?:"[^"]*"|'[^']*'))?\s*)\))
    """,
    re.X | re.S | re.I | re.M,
)
REF_LIKE = re.compile(r"(?:#[0-9]{1,7}|#[xX][0-9a-fA-F]{1,6}|[A-Za-z][A-Za-z0-9]{1,31});")
ATTR = re.compile(r"""([^\s=/>"']+)(?:\s*=\s*("[^"]*"|'[^']*'|[^\s"'>]+))?""")

# Tags that only format or lay out text, recognised in lower case only: `<Table>` or
# `<Name>` in a sentence are placeholders for the reader to fill in, so they stay text.
HARMLESS = frozenset(
    {
        "a",
        "abbr",
        "b",
        "br",
        "cite",
        "code",
        "del",
        "em",
        "i",
        "img",
        "ins",
        "kbd",
        "mark",
        "q",
        "s",
        "samp",
        "small",
        "strong",
        "sub",
        "sup",
        "u",
        "var",
        "wbr",
        "blockquote",
        "caption",
        "center",
        "col",
        "colgroup",
        "dd",
        "details",
        "div",
        "dl",
        "dt",
        "figcaption",
        "figure",
        "font",
        "h1",
        "h2",
        "h3",
        "h4",
        "h5",
        "h6",
        "hr",
        "label",
        "li",
        "ol",
        "p",
        "pre",
        "span",
        "summary",
        "table",
        "tbody",
        "td",
        "tfoot",
        "th",
        "thead",
        "tr",
        "ul",
    }
)
# Tags that can run code, load other pages or take input: removed, never escaped.
DANGEROUS = frozenset(
    {
        "script",
        "style",
        "iframe",
        "object",
        "embed",
        "applet",
        "frame",
        "frameset",
        "form",
        "input",
        "button",
        "textarea",
        "select",
        "link",
        "meta",
        "base",
        "svg",
        "math",
        "noscript",
        "template",
    }
)
# Inputs that only show a state. No <form> survives, so they submit nothing; other inputs are removed.
SHOWN_INPUTS = frozenset({"checkbox", "radio"})
UNSAFE_SCHEMES = frozenset({"javascript", "vbscript", "data", "file"})
URL_ATTRS = frozenset({"href", "src", "action", "formaction", "xlink:href", "srcset", "background"})
CONTROL = re.compile(r"[\x00-\x20\x7f]+")
SCHEME = re.compile(r"([A-Za-z][A-Za-z0-9+.-]*):")


@dataclass
class LinkContext:
    """What inline rewriting needs to know about the repository being imported."""

    display: str  # path for messages
    rel: str  # POSIX path of the article (or include) relative to the source root: links start there
    repo: Publication
    page: str  # the path of the page being written (pages/identity.py): links are made relative to it
    assets: dict[str, Asset] = field(default_factory=dict)
    diags: list[Diagnostic] = field(default_factory=list)

    def warn(self, line: int, col: int, message: str) -> None:
        self.diags.append(warning(self.display, line, col, message))


TRIGGER = re.compile(r"[\\`<&\]]")


def clean(text: str, ctx: LinkContext, line: int, col: int) -> str:
    """Rewrite one piece of inline Markdown; see the module docstring."""
    if TRIGGER.search(text) is None:
        return text  # nothing to rewrite: most sentences take this path

    def sub(m: re.Match[str]) -> str:
        kind = m.lastgroup
        if kind == "code" or kind == "esc":
            return m.group(0)
        if kind == "autolink" or kind == "comment":
            return m.group(0)
        if kind == "block":
            ctx.warn(line, col, f"removed <{m.group('bname').lower()}> element")
            return ""
        if kind == "tag":
            return _tag(m, ctx, line, col, sub)
        if kind == "esclt" or kind == "lt":
            return "&lt;"
        if kind == "ref":
            return _ref(m.group(0), m.string, m.end())
        if kind == "badlink":
            ctx.warn(line, col, f"removed unsafe link target from [{m.group('btext')[:40]}]")
            return TOKEN.sub(sub, m.group("btext"))
        if kind == "refdef":
            url = m.group("rurl")
            new = rewrite_url(url[1:-1] if url.startswith("<") else url, ctx, line, col)
            head = m.group(0)[: m.start("rurl") - m.start()]
            return head + ("#" if new.startswith("#removed") else new)
        if kind == "dest":
            url = m.group("url")
            new = rewrite_url(url[1:-1] if url.startswith("<") else url, ctx, line, col)
            if new.startswith("#removed"):
                return "]()"
            return f"]({new}{m.group('title')})"
        raise AssertionError(kind)

    return TOKEN.sub(sub, text)


def _tag(m: re.Match[str], ctx: LinkContext, line: int, col: int, sub: Callable[[re.Match[str]], str]) -> str:
    name = m.group("name").lower()
    shown = _shown_input(name, m.group("attrs") or "")
    if name in DANGEROUS and not shown:
        ctx.warn(line, col, f"removed <{name}> tag")
        return ""
    if (name not in HARMLESS and not shown) or m.group("name") != name:
        # A word in angle brackets such as <CustomDomain>: keep it visible.
        rest = m.group(0)[1:]
        return "&lt;" + TOKEN.sub(sub, rest)
    attrs = m.group("attrs") or ""
    kept: list[str] = []
    for am in ATTR.finditer(attrs):
        key, value = am.group(1), am.group(2)
        low = key.lower()
        bare = (value or "").strip("\"'")
        if low.startswith("on"):
            ctx.warn(line, col, f"removed event handler attribute {key} from <{name}>")
            continue
        if low in URL_ATTRS and _unsafe_url(bare, allow_data_image=(name == "img" and low == "src")):
            ctx.warn(line, col, f"removed unsafe URL from <{name} {key}>")
            continue
        if low in ("src", "href") and value is not None and not SCHEME.match(bare):
            new = rewrite_url(bare, ctx, line, col)
            if new != bare:
                value = '"' + html.escape(new, quote=True) + '"'
        if low == "style":
            ctx.warn(line, col, f"removed style attribute from <{name}>")
            continue
        kept.append(key if value is None else f"{key}={value}")
    slash = "/" if m.group(0).endswith("/>") else ""
    body = " ".join([m.group("close") + m.group("name")] + kept)
    return f"<{body}{slash}>"


def _shown_input(name: str, attrs: str) -> bool:
    """A checkbox or radio button tied to no form (`form`, `formaction`... would tie it to one)."""
    if name != "input":
        return False
    found = {key.lower(): (value or "").strip("\"'").strip().lower() for key, value in ATTR.findall(attrs)}
    return found.get("type") in SHOWN_INPUTS and not any(key.startswith("form") for key in found)


def _unsafe_url(url: str, allow_data_image: bool = False) -> bool:
    if ":" not in url and "&" not in url:
        return False  # no scheme, and no reference that could hide one
    # Browsers ignore control characters and white space inside a scheme ("java\tscript:").
    compact = CONTROL.sub("", html.unescape(url) if "&" in url else url)
    scheme = SCHEME.match(compact)
    if scheme is None:
        return False
    name = scheme.group(1).lower()
    if name == "data" and allow_data_image and compact.lower().startswith("data:image/"):
        return compact.lower().startswith("data:image/svg")
    return name in UNSAFE_SCHEMES


def _ref(ref: str, text: str, end: int) -> str:
    """Decode one character reference unless decoding would change the rendering."""
    body = ref[1:]
    if not body.startswith("#") and body not in html5:
        return ref  # not a real entity: Markdown leaves it as written
    char = html.unescape(ref)
    if char == "&":
        return "&amp;" if REF_LIKE.match(text, end) else "&"
    if char == "<":
        return "&lt;"
    if len(char) != 1:
        return char
    if char.isascii() and not char.isalnum() and char not in "\"'":
        return ref  # Markdown punctuation: decoding could start emphasis, links, ...
    category = unicodedata.category(char)
    if category.startswith(("Z", "C")) or category == "Mn":
        return ref  # invisible or combining: keep it visible to editors
    return char


def rewrite_url(url: str, ctx: LinkContext, line: int, col: int) -> str:
    """Point links between articles at generated pages and register local files."""
    plain = url.replace("&amp;", "&")
    if _unsafe_url(plain):
        ctx.warn(line, col, f"removed unsafe link target {url[:40]!r}")
        return "#removed"
    if not plain or plain.startswith(("#", "/")) or SCHEME.match(plain):
        return plain
    path, sep, frag = plain.partition("#")
    path, qsep, query = path.partition("?")
    target = posixpath.normpath(posixpath.join(posixpath.dirname(ctx.rel), unquote(path)))
    if target.startswith("../"):
        ctx.warn(line, col, f"link target {url!r} is outside the imported folder; kept as written")
        return plain
    found = ctx.repo.files.get(target.lower())
    if path.lower().endswith((".md", ".yml")):
        page = ctx.repo.pages.get(found or target)
        if page is None:
            ctx.warn(line, col, f"link to {url!r}, which is not an imported article; kept as written")
            return plain
        return relative(f"{page}.md", ctx.page) + sep + frag
    if found is None:
        ctx.warn(line, col, f"link or image {url!r} not found under the source folder; kept as written")
        return plain
    dest = ctx.repo.asset_place(found)
    ctx.assets.setdefault(found, Asset(source=ctx.repo.root / found, dest_rel=dest))
    return relative(dest, ctx.page).replace(" ", "%20") + (qsep + query) + (sep + frag)
