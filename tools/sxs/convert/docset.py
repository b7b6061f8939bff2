"""Stage 1a: what a repository publishes, and where: its documentation sets and their content.

A side-by-side repository holds one or more DocFX documentation sets. Where they are and what
they contain is read from the repository's own configuration, as the documentation site read it:

- `.openpublishing.publish.config.json` at the repository root lists the sets
  (`docsets_to_publish`: `build_source_folder`, `docset_name`, `locale`);
- each set's `docfx.json` names its content groups (`build.content`: `src`, `dest`, `files`,
  `exclude` globs) and resources (`build.resource`); a set without one takes every Markdown and
  YAML file but DocFX's usual exclusions;
- without a publish configuration, every folder holding a `docfx.json` is a set, and without
  any, the whole folder is one set.

A page is published at `<set folder>/<dest>/<path in its group>` (pages/identity.py gives the
case and the characters). A repository with one set publishes it at the output's root; with
several, each goes to the folder the documentation site built it into (`build_output_subfolder`),
else to its own folder's path. Markdown files outside every set (an `Archive/` folder, old
copies) are kept at their repository path, but for the repository's own README, LICENSE and the
like (and a lone set with such pages beside it gets its folder too); files under `includes/` are
fragments, not pages. Where a set was published on the documentation site (its `base_url`,
the folder above `breadcrumb/toc.json` in its `breadcrumb_path`, as that site laid out its sets)
turns absolute links into links between pages.
"""

from __future__ import annotations

import json
import logging
import posixpath
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

from wcmatch import glob

from sxs.diagnostics import Diagnostic, error, warning
from sxs.pages.identity import page_path, path_part

from .sitemap import SiteMap

log = logging.getLogger(__name__)

PUBLISH_CONFIG = ".openpublishing.publish.config.json"
DOCFX = "docfx.json"
PAGE_EXTENSIONS = (".md", ".yml")
TOC_NAMES = frozenset({"toc.yml", "toc.md", "toc.yaml"})
FRAGMENT_DIR = "includes"
# Folders that are never content: DocFX's build output, theme and localisation checkouts.
NOT_CONTENT = ("**/obj/**", "**/_themes/**", "**/_themes.pdf/**", "**/_repo.*/**", "**/.*/**")
# What a set without a docfx.json publishes, as DocFX's templates set it up.
DEFAULT_FILES = ("**/*.md", "**/*.yml")
DEFAULT_EXCLUDE = (
    *NOT_CONTENT,
    "**/includes/**",
    "README.md",
    "LICENSE",
    "LICENSE-CODE",
    "ThirdPartyNotices",
    "ThirdPartyNotices.md",
)
# Files of a repository's root that describe the repository, not its documentation.
REPOSITORY_FILES = frozenset(
    {
        "readme.md",
        "license.md",
        "license-code.md",
        "contributing.md",
        "thirdpartynotices.md",
        "code_of_conduct.md",
        "security.md",
        "changelog.md",
    }
)
GLOB_FLAGS = glob.GLOBSTAR | glob.IGNORECASE | glob.DOTGLOB | glob.NEGATE
BREADCRUMB_TAIL = "breadcrumb/toc.json"


@dataclass(frozen=True)
class ContentGroup:
    """One entry of docfx.json's `build.content`: which files under `src` publish at `dest`."""

    src: str  # POSIX folder, relative to the set's root ("" for the root)
    dest: str  # POSIX folder under the set's output ("" for its root)
    files: tuple[str, ...]
    exclude: tuple[str, ...]

    def place(self, rel: str) -> str | None:
        """Where a file (POSIX, relative to the set's root) is published, if this group takes it."""
        if self.src:
            if not rel.lower().startswith(self.src.lower() + "/"):
                return None
            rel = rel[len(self.src) + 1 :]
        if not glob.globmatch(rel, self.files, flags=GLOB_FLAGS, exclude=self.exclude or None):
            return None
        return posixpath.join(self.dest, rel) if self.dest else rel


@dataclass(frozen=True)
class DocSet:
    """One documentation set of the repository."""

    name: str
    root: str  # POSIX folder of the set in the repository ("" for the repository root)
    content: tuple[ContentGroup, ...]
    resources: tuple[ContentGroup, ...]
    base_url: str | None = None  # its address on the documentation site, e.g. "/windows/mixed-reality/"
    locale: str | None = None
    output: str | None = None  # the folder the documentation site built it into (publish config)
    folder: str = ""  # where it is written under the output folder ("" for the output's root)

    def place(self, rel: str, groups: Iterable[ContentGroup] | None = None) -> str | None:
        """The output path (POSIX, extension kept) of a repository file this set publishes."""
        if self.root:
            if not rel.lower().startswith(self.root.lower() + "/"):
                return None
            rel = rel[len(self.root) + 1 :]
        for group in self.content if groups is None else groups:
            placed = group.place(rel)
            if placed is not None:
                return posixpath.join(self.folder, placed) if self.folder else placed
        return None


@dataclass(frozen=True)
class Publication:
    """Every file of a repository and what becomes of it. Built once, before any article."""

    root: Path
    sets: tuple[DocSet, ...]
    pages: dict[str, str]  # source path (POSIX, relative to root) -> page path (pages/identity.py)
    files: dict[str, str]  # lower-cased source path -> source path, for every file (links are case-blind)
    assets: dict[str, str] = field(default_factory=dict)  # source path -> output path of a resource
    tocs: tuple[str, ...] = ()  # tables of contents (toc.yml, TOC.md), source paths
    fragments: Mapping[str, str] = field(default_factory=dict)  # repository path -> decoded text
    site: SiteMap = field(default_factory=SiteMap)  # addresses on the documentation site (sitemap.py)
    diags: tuple[Diagnostic, ...] = ()

    def set_of(self, rel: str) -> DocSet | None:
        """The set a repository path belongs to (the deepest set root above it)."""
        found = None
        for docset in self.sets:
            if not docset.root or rel.lower().startswith(docset.root.lower() + "/"):
                if found is None or len(docset.root) > len(found.root):
                    found = docset
        return found

    def asset_place(self, rel: str) -> str:
        """Where a referenced file (an image...) is written: its set's place, else its own path."""
        placed = self.assets.get(rel)
        if placed is None:
            docset = self.set_of(rel)
            placed = (docset.place(rel, docset.resources) if docset else None) or _lower_path(rel)
        return placed


def _lower_path(rel: str) -> str:
    return "/".join(p.lower() for p in rel.split("/"))


# A JSON string (kept), or a comment or a comma before a closing bracket (dropped).
JSON_EXTRAS = re.compile(r'("(?:\\.|[^"\\\n])*")|//[^\n]*|/\*.*?\*/|,(?=\s*[}\]])', re.S)


def _keep_strings(m: re.Match[str]) -> str:
    return m.group(1) or ""


def _read_json(path: Path) -> tuple[Any, Diagnostic | None]:
    """A JSON configuration file; DocFX's own files allow comments and trailing commas."""
    import json5  # only repositories with configuration files need it

    try:
        text = path.read_text(encoding="utf-8-sig")
    except (OSError, UnicodeDecodeError) as exc:
        return None, error(str(path), 0, 0, f"cannot read it: {exc}")
    try:
        return json.loads(text), None
    except json.JSONDecodeError:
        pass
    try:  # most such files only have // comments and trailing commas: json5 is ~100x slower
        return json.loads(JSON_EXTRAS.sub(_keep_strings, text)), None
    except json.JSONDecodeError:
        pass
    try:
        return json5.loads(text), None
    except ValueError as exc:
        return None, error(str(path), 1, 1, f"not valid JSON: {exc}")


def _strings(value: Any) -> tuple[str, ...]:
    if isinstance(value, str):
        return (value,)
    if isinstance(value, list):
        return tuple(str(v) for v in value if isinstance(v, str))
    return ()


def _groups(entries: Any, default_files: tuple[str, ...]) -> tuple[ContentGroup, ...]:
    groups = []
    for entry in entries if isinstance(entries, list) else []:
        if not isinstance(entry, dict):
            continue
        src = posixpath.normpath(str(entry.get("src") or ".")).strip("/")
        dest = posixpath.normpath(str(entry.get("dest") or ".")).strip("/")
        groups.append(
            ContentGroup(
                src="" if src == "." else src,
                dest="" if dest == "." else dest,
                files=_strings(entry.get("files")) or default_files,
                exclude=_strings(entry.get("exclude")) + NOT_CONTENT,
            )
        )
    return tuple(groups)


DEFAULT_CONTENT = (ContentGroup("", "", DEFAULT_FILES, DEFAULT_EXCLUDE),)
DEFAULT_RESOURCES = (ContentGroup("", "", ("**/*",), DEFAULT_EXCLUDE),)


def _docset(
    root: Path, folder: str, name: str, locale: str | None, output: str | None = None
) -> tuple[DocSet, list[Diagnostic]]:
    """A set from its docfx.json, or with DocFX's defaults when it has none."""
    config = root / folder / DOCFX if folder else root / DOCFX
    if not config.is_file():
        return DocSet(name, folder, DEFAULT_CONTENT, DEFAULT_RESOURCES, locale=locale, output=output), []
    data, problem = _read_json(config)
    if problem is not None or not isinstance(data, dict):
        diags = [problem or error(str(config), 1, 1, "not a DocFX configuration (an object)")]
        return DocSet(name, folder, DEFAULT_CONTENT, DEFAULT_RESOURCES, locale=locale, output=output), diags
    build: dict[str, Any] = data["build"] if isinstance(data.get("build"), dict) else {}
    content = _groups(build.get("content"), DEFAULT_FILES) or DEFAULT_CONTENT
    resources = _groups(build.get("resource"), ("**/*",)) or DEFAULT_RESOURCES
    meta: dict[str, Any] = build["globalMetadata"] if isinstance(build.get("globalMetadata"), dict) else {}
    breadcrumb = str(meta.get("breadcrumb_path") or "")
    base_url = None
    if breadcrumb.lower().endswith(BREADCRUMB_TAIL):
        base_url = "/" + breadcrumb[: -len(BREADCRUMB_TAIL)].strip("/") + "/"
        base_url = base_url.replace("//", "/")
    elif isinstance(build.get("dest"), str):
        log.debug("%s: no breadcrumb_path; its address on the documentation site is unknown", config)
    return DocSet(name, folder, content, resources, base_url=base_url, locale=locale, output=output), []


def _find_folder(root: Path, folder: str) -> str | None:
    """A folder named in a configuration, found whatever its case (upstream builds were case-blind)."""
    current = root
    parts: list[str] = []
    for part in [p for p in folder.replace("\\", "/").split("/") if p not in ("", ".")]:
        exact = current / part
        if exact.is_dir():
            match = part
        else:
            match = next(
                (c.name for c in sorted(current.iterdir()) if c.is_dir() and c.name.lower() == part.lower()),
                "",
            )
            if not match:
                return None
        parts.append(match)
        current = current / match
    return "/".join(parts)


def read_docsets(root: Path) -> tuple[list[DocSet], list[Diagnostic]]:
    """The documentation sets of the repository (or documentation folder) at `root`."""
    diags: list[Diagnostic] = []
    publish = root / PUBLISH_CONFIG
    sets: list[DocSet] = []
    if publish.is_file():
        data, problem = _read_json(publish)
        if problem is not None:
            diags.append(problem)
        entries = data.get("docsets_to_publish") if isinstance(data, dict) else None
        for entry in entries if isinstance(entries, list) else []:
            if not isinstance(entry, dict):
                continue
            named = str(entry.get("build_source_folder") or ".")
            folder = _find_folder(root, named)
            if folder is None:
                diags.append(
                    warning(
                        str(publish), 1, 1, f"documentation set folder {named!r} is not in the repository"
                    )
                )
                continue
            name = str(entry.get("docset_name") or folder or root.name)
            locale = entry.get("locale") if isinstance(entry.get("locale"), str) else None
            output = entry.get("build_output_subfolder")
            docset, found = _docset(root, folder, name, locale, output if isinstance(output, str) else None)
            diags.extend(found)
            sets.append(docset)
    if not sets:
        for config in sorted(root.rglob(DOCFX)):
            folder = config.parent.relative_to(root).as_posix()
            folder = "" if folder == "." else folder
            if _skipped(config.relative_to(root).as_posix()):
                continue
            docset, found = _docset(root, folder, folder or root.name, None)
            diags.extend(found)
            sets.append(docset)
    if not sets:
        sets.append(DocSet(root.name, "", DEFAULT_CONTENT, DEFAULT_RESOURCES))
    return sets, diags


def _with_folders(sets: list[DocSet], loose: bool) -> list[DocSet]:
    """Output folders: none for a lone set (unless pages outside it share the root), else one per
    set, named after the folder it was published to (`build_output_subfolder`), else its own."""
    if len(sets) == 1 and not loose:
        return [sets[0]]
    out = []
    for docset in sets:
        named = docset.output or docset.root or docset.name
        folder = "/".join(path_part(p) for p in named.split("/") if p not in ("", "."))
        out.append(replace(docset, folder=folder or path_part(docset.name)))
    return out


def _is_fragment(rel: str) -> bool:
    return FRAGMENT_DIR in (p.lower() for p in rel.split("/")[:-1])


def _skipped(rel: str) -> bool:
    """Never content: hidden folders, DocFX's output and theme checkouts."""
    return glob.globmatch(rel, NOT_CONTENT, flags=GLOB_FLAGS)


def publication(root: Path, exclude: Path | None = None) -> Publication:
    """What becomes of every file under `root` (`exclude`: our own output, if it lies inside)."""
    found_sets, diags = read_docsets(root)
    skip = exclude.resolve() if exclude is not None else None
    files: dict[str, str] = {}
    rels: list[str] = []
    for path in sorted(root.rglob("*")):
        if skip is not None and path.resolve().is_relative_to(skip):
            continue
        if not path.is_file():
            continue
        rel = path.relative_to(root).as_posix()
        files.setdefault(rel.lower(), rel)
        rels.append(rel)
    candidates = [
        rel
        for rel in rels
        if rel.lower().endswith(PAGE_EXTENSIONS) and not _skipped(rel) and not _is_fragment(rel)
    ]
    loose = any(_owner(found_sets, rel) is None and _loose(rel) for rel in candidates)
    sets = _with_folders(found_sets, loose)
    pages: dict[str, str] = {}
    tocs: list[str] = []
    by_page: dict[str, str] = {}
    for rel in candidates:
        name = rel.rsplit("/", 1)[-1].lower()
        docset = _owner(sets, rel)
        if docset is not None:
            placed = docset.place(rel)
        else:  # a table of contents outside every set still gives its folder a navigation (toc.py)
            placed = rel if name in TOC_NAMES else _loose(rel)
        if placed is None:
            continue
        if name in TOC_NAMES:
            if "breadcrumb" not in (p.lower() for p in rel.split("/")[:-1]):
                tocs.append(rel)
            continue
        if name.endswith(".yml") and not _is_yaml_page(root / rel):
            continue
        page = page_path(placed)
        if not page:
            diags.append(
                error(str(root / rel), 1, 1, "file name has no letters or digits to make a page name")
            )
            continue
        other = by_page.get(page)
        if other is not None:
            diags.append(
                error(
                    str(root / rel),
                    1,
                    1,
                    f"publishes at {page!r}, as {root / other} does; neither is written",
                )
            )
            pages.pop(other, None)
            continue
        by_page[page] = rel
        pages[rel] = page
    return Publication(root, tuple(sets), pages, files, tocs=tuple(tocs), diags=tuple(diags))


def _owner(sets: list[DocSet], rel: str) -> DocSet | None:
    found = None
    for docset in sets:
        if not docset.root or rel.lower().startswith(docset.root.lower() + "/"):
            if found is None or len(docset.root) > len(found.root):
                found = docset
    return found


def _loose(rel: str) -> str | None:
    """A Markdown file outside every set keeps its repository path; the repository's own files do not."""
    if "/" not in rel and rel.lower() in REPOSITORY_FILES:
        return None
    return rel if rel.lower().endswith(".md") else None


def _is_yaml_page(path: Path) -> bool:
    """A YAML page (Landing, Hub, FAQ...) says so on its first line; other YAML files are data."""
    try:
        with path.open(encoding="utf-8-sig") as fh:
            first = fh.readline()
    except (OSError, UnicodeDecodeError):
        return False
    return first.startswith("### YamlMime:")
