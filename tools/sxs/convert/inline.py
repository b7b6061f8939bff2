"""Inline clean-up of one piece of Markdown text (a segment, or text between pairs).

- Character references are decoded exactly once: `&amp;` becomes `&`, `&eacute;`
  becomes `é`; references that stand for Markdown punctuation or invisible
  characters stay references, because decoding them would change the rendering.
- Angle-bracket words (`<CustomDomain>`, `<email address>`) are text, so their
  `<` is escaped; harmless tags (`<br>`, `<kbd>`, `<sup>`, ...) are kept, and so
  are checkboxes and radio buttons (questionnaires): with every form removed they
  submit nothing; anything that could run, load or submit is removed with a warning.
- Link and image destinations are rewritten where links.py says they lead: links to
  other articles point at the generated page, local files are registered as assets,
  cross references (`xref:`, `<xref:...>`, `@uid`, `@"uid"`) become links to the page
  with that uid, `javascript:` and friends are dropped. Code spans are left exactly as written.
"""

from __future__ import annotations

import html
import posixpath
import re
import unicodedata
from collections.abc import Callable
from html.entities import html5

from .links import Kind, LinkContext, Resolved, escape, reported_xref, resolve, title_of, uid_of, xref

__all__ = ["LinkContext", "clean", "rewrite_url"]

TOKEN = re.compile(
    r"""
     (?P<esclt>\\<)
    |(?P<esc>\\[!-/:-@\[-`{-~])
    |(?P<code>(?<!`)(?P<ticks>`+)(?!`).+?(?<!`)(?P=ticks)(?!`))
    |(?P<xrefauto><xref:(?P<xuid>"[^"\n]*"|'[^'\n]*'|[^\s<>]+)>)
    |(?P<autolink><(?:https?|ftp|mailto):[^<>\s]*>|<[^<>\s@/]+@[^<>\s@]+\.[^<>\s@]+>)
    |(?P<comment><!--.*?-->)
    |(?P<block><(?P<bname>script|style|iframe|object|embed|noscript|template)\b.*?</(?P=bname)\s*>)
    |(?P<tag><(?P<close>/?)(?P<name>[A-Za-z][A-Za-z0-9-]*)(?P<attrs>(?:\s[^<>]*)?)/?>)
    |(?P<lt><(?=[A-Za-z/!?]))
    |(?P<ref>&(?:\#[0-9]{1,7}|\#[xX][0-9a-fA-F]{1,6}|[A-Za-z][A-Za-z0-9]{1,31});)
    |(?P<badlink>\[(?P<btext>[^\[\]\n]*)\]\(\s*(?:javascript|vbscript|data|file):[^()\s]*(?:\([^()\s]*\)[^()\s]*)*\s*\))
    |(?P<link>(?P<bang>!?)\[(?P<ltext>[^\[\]\n]*)\]\((?P<lurl><[^<>\n]*>|[^()\s]*(?:\([^()\s]*\)[^()\s]*)*)(?P<ltitle>(?:\s+(?:"[^"]*"|'[^']*'))?\s*)\))
    |(?P<at>(?:(?<=[\s.,;:!?~])|^)@(?:"(?P<atq>[^"\n]+)"|'(?P<atq2>[^'\n]+)'|(?P<atb>[A-Za-z][^\s"'<>\[\]|&`\\]*)))
    |(?P<refdef>^[ ]{0,3}\[[^\]\n]+\]:[ \t]*(?P<rurl><[^<>\n]*>|\S+))
    |(?P<spaced>\]\((?=[^()\s"'<]+(?:[ \t]+[^()\s"']+)+\)))
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


TRIGGER = re.compile(r"[\\`<&\]@]")


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
        if kind == "link":
            return _link(m, ctx, line, col, TOKEN.sub(sub, m.group("ltext")))
        if kind == "xrefauto":
            return _xref_autolink(m.group("xuid"), ctx, line, col)
        if kind == "at":
            return _shorthand(m, ctx, line, col)
        if kind == "spaced":  # `[text](a b.md)`: no link in DocFX's Markdown, so none here either
            return "]\\("
        if kind == "refdef":
            url = m.group("rurl")
            new = rewrite_url(url[1:-1] if url.startswith("<") else url, ctx, line, col)
            head = m.group(0)[: m.start("rurl") - m.start()]
            return head + ("#" if new.url is None or new is REMOVED else new.url)
        if kind == "dest":
            url = m.group("url")
            new = rewrite_url(url[1:-1] if url.startswith("<") else url, ctx, line, col)
            if new.url is None or new is REMOVED:
                return "]()"
            return f"]({new.url}{m.group('title')})"
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
    elsewhere: Resolved | None = None  # an image that is not a file of this site
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
        if low in ("src", "href") and value is not None:
            image = name == "img" and low == "src"
            new = rewrite_url(bare, ctx, line, col, "image" if image else "link")
            if image and not new.local:
                elsewhere = new
                continue
            if new.url is None:
                continue  # nothing to link to: the element stays, as text
            if new.url != bare:
                value = '"' + html.escape(new.url, quote=True) + '"'
        if low == "style":
            ctx.warn(line, col, f"removed style attribute from <{name}>")
            continue
        kept.append(key if value is None else f"{key}={value}")
    slash = "/" if m.group(0).endswith("/>") else ""
    if elsewhere is not None:  # every attribute was checked first: `sxs check` relies on the warnings
        return _image_elsewhere(attrs, elsewhere.url)
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


LINK_TEXT_START = re.compile(r"\[[ \t]*$")
REMOVED = Resolved("#removed")  # an unsafe target, taken out


def rewrite_url(url: str, ctx: LinkContext, line: int, col: int, kind: Kind = "link") -> Resolved:
    """Where a link or image leads (links.py), or REMOVED for an unsafe target."""
    plain = url.replace("&amp;", "&")
    if _unsafe_url(plain, allow_data_image=kind != "link"):
        ctx.warn(line, col, f"removed unsafe link target {url[:40]!r}")
        return REMOVED
    if kind != "link" and plain.lower().startswith("data:"):
        return Resolved(plain, local=True)  # inline (_unsafe_url lets only `data:image/...` through)
    return resolve(plain, ctx, line, col, kind)


def _link(m: re.Match[str], ctx: LinkContext, line: int, col: int, text: str) -> str:
    """One `[text](url "title")` or `![alt](url "title")`."""
    url = m.group("lurl")
    url = url[1:-1] if url.startswith("<") else url
    image = bool(m.group("bang"))
    # `[![alt](image)](page)`: an image that cannot be shown leaves its alt text, not a link in a link.
    in_link = LINK_TEXT_START.search(m.string, 0, m.start()) and m.string.startswith("](", m.end())
    new = rewrite_url(url, ctx, line, col, ("image in a link" if in_link else "image") if image else "link")
    if new is REMOVED:
        return f"{m.group('bang')}[{text}]()"
    if image and not new.local:  # not shown from another host: its alt text links to it
        if text.strip():
            return text if new.url is None else f"[{text}]({new.url})"
        name = posixpath.basename(url.split("?")[0].split("#")[0]).replace('"', "")
        return NO_ALT if new.url is None else f'[{NO_ALT}]({new.url} "{name}")'

    if new.url is None:
        return text
    if not text.strip() and url.lower().startswith("xref:"):
        text = title_of(uid_of(url[5:]))
    return f"{m.group('bang')}[{text}]({new.url}{m.group('ltitle')})"


def _xref_autolink(uid_spec: str, ctx: LinkContext, line: int, col: int) -> str:
    """`<xref:uid>`: a link showing the page's title; unresolved, the uid as text."""
    found = reported_xref(uid_spec, f"<xref:{uid_of(uid_spec)}>", "its uid is kept", ctx, line, col)
    if found is None:
        return escape(uid_of(uid_spec))
    return f"[{title_of(uid_of(uid_spec))}]({found[1]})"


# What DocFX does not take into a bare @uid when it ends it (then it is text again).
UID_TAIL = ".,;:!?~)"


def _shorthand(m: re.Match[str], ctx: LinkContext, line: int, col: int) -> str:
    """`@"uid"` and `@uid` (DocFX's shorthand). An unresolved `@word` is left as written: in prose
    it is a handle, a variable or a mail domain far more often than a reference (DocFX, too, shows
    it as text without a warning); an unresolved quoted one is reported."""
    quoted = m.group("atq") or m.group("atq2")
    if quoted is not None:
        found = reported_xref(quoted, f'@"{quoted}"', "its uid is kept", ctx, line, col)
        if found is None:
            return escape(quoted)
        return f"[{title_of(quoted)}]({found[1]})"
    uid = m.group("atb")
    if not ctx.repo.site.uids:
        return m.group(0)
    for cut in (uid, uid.rstrip(UID_TAIL)):
        found = xref(cut, ctx) if cut else None
        if found is not None:
            return f"[{title_of(cut)}]({found[1]}){uid[len(cut) :]}"
    return m.group(0)


# What stands for an image without alt text that cannot be shown (its file name is the link's title):
# a symbol, not words, so the sentence around it reads as upstream wrote it.
NO_ALT = "\U0001f5bc"


def _image_elsewhere(attrs: str, url: str | None) -> str:
    """A raw <img> that is not a file of this site: its alt text (else its file name), linked to
    where it is."""
    values = {am.group(1).lower(): (am.group(2) or "").strip("\"'") for am in ATTR.finditer(attrs)}
    alt = values.get("alt", "").strip()
    name = posixpath.basename(values.get("src", "").split("?")[0])
    label = html.escape(html.unescape(alt), quote=False) if alt else NO_ALT
    if url is None:
        return label
    title = "" if alt else f' title="{html.escape(name, quote=True)}"'
    return f'<a href="{html.escape(url, quote=True)}"{title}>{label}</a>'
