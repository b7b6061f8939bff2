"""`sxs build`: the site built one language per process, side by side, and the parts merged.

static-i18n builds the languages one after the other, on one core. Here each language is an
independent `mkdocs build` (SXS_BUILD_LANGUAGE: build.py) into a folder of its own, all running at
once, in processes forked from this one once it has read the articles on every core (catalog.py:
each process needs them all, and would read them all again) and imported MkDocs; merging the
folders gives the site a sequential `mkdocs build` gives, byte for byte (tests/site/test_split.py).
The parts can be built anywhere, e.g. as the jobs of a CI matrix:

    sxs build --language ko --site-dir part-ko        # on one machine
    sxs build --language en --site-dir part-en        # on another
    sxs build --merge ko=part-ko en=part-en --site-dir site

Merging takes a file only one part has as it is. A file several parts have must be the same in
each, but for the site-wide files every language's build writes its own version of:
- `sitemap.xml`: each part lists its language's pages; they are joined in the site's language
  order, as static-i18n's last build writes it, and `sitemap.xml.gz` is made again from it;
- `404.html` at the root: the default language's (not_found.py).
A file's compressed copies (compress.py) go with it. Parts built apart have none: the merge writes
them for the whole site; `sxs build` has each language's process compress its part once built.
Any other difference is an error naming the file: the parts were not built from the same sources.
"""

from __future__ import annotations

import argparse
import filecmp
import gc
import gzip
import io
import multiprocessing
import os
import resource
import shutil
import sys
import tempfile
import time
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from . import languages as site_languages
from .build import ONE_LANGUAGE
from .catalog import Catalog
from .compress import ENCODINGS, compress_files, compress_site, worth_a_copy

SITEMAP = "sitemap.xml"
DEFAULT_WINS = frozenset({"404.html"})
URLSET_END = "\n</urlset>"


class MergeError(Exception):
    """The parts cannot make one site; the message names the file."""


@dataclass(frozen=True)
class Languages:
    """The site's languages, in the order static-i18n builds them (the default first), and whether
    its build writes compressed copies (compress.py: done once, on the merged site)."""

    order: tuple[str, ...]
    compress: bool = False

    @property
    def default(self) -> str:
        return self.order[0]

    @classmethod
    def of(cls, config_file: Path) -> Languages:
        return cls.of_config(_load(config_file))

    @classmethod
    def of_config(cls, config: Any) -> Languages:
        sxs = config.plugins.get("sxs")
        compress = bool(sxs is not None and sxs.config.enabled and sxs.config.compress)
        i18n = config.plugins.get("i18n")
        if i18n is None:
            return cls((str(config.theme["language"]),), compress)
        site_languages.configure(config)  # the languages of the imported pages, as the build takes them
        built = [lang.locale for lang in i18n.config.languages if lang.build]
        default = str(i18n.default_language)
        return cls((default, *[lang for lang in built if lang != default]), compress)


def _load(config_file: Path) -> Any:
    from mkdocs.config import load_config

    return load_config(str(config_file))


def merge(
    parts: dict[str, Path], languages: Languages, dest: Path, move: bool = False, compressed: bool = False
) -> None:
    """Merge the language parts' folders into `dest` (emptied first); `move` takes their files
    rather than copying them (parts of our own, on the same file system: a site is hundreds of MB);
    `compressed`: the parts have their compressed copies already."""
    missing = [lang for lang in languages.order if lang not in parts]
    if missing:
        raise MergeError(
            f"no part for {', '.join(missing)} (the site's languages: {', '.join(languages.order)})"
        )
    if dest.exists():
        shutil.rmtree(dest)
    _merge_folder({lang: parts[lang] for lang in languages.order}, dest, "", move)
    sitemaps = [parts[lang] / SITEMAP for lang in languages.order if (parts[lang] / SITEMAP).is_file()]
    if sitemaps:  # (a part's sitemap.xml.gz is never taken: _merge_folder skips it)
        _gzip_like(dest / SITEMAP, sitemaps[0].with_name(SITEMAP + ".gz"))
    if languages.compress and not compressed:
        compress_site(dest)
    elif languages.compress and sitemaps and worth_a_copy(str(dest / SITEMAP)):
        compress_files([dest / SITEMAP])


def _merge_folder(folders: dict[str, Path], dest: Path, rel: str, move: bool) -> None:
    """The same folder of several parts (in the site's language order, the default first) into `dest`.
    A folder only one part has is taken whole: a language's pages are one rename, not thousands."""
    owners: dict[str, list[str]] = {}
    for lang, folder in folders.items():
        for name in sorted(os.listdir(folder)):
            owners.setdefault(name, []).append(lang)
    dest.mkdir(parents=True, exist_ok=True)
    for name, langs in sorted(owners.items()):
        path, target = f"{rel}{name}", dest / name
        sources = [folders[lang] / name for lang in langs]
        if all(source.is_dir() for source in sources):
            if len(sources) == 1:
                _take(sources[0], target, move)
            else:
                _merge_folder(dict(zip(langs, sources, strict=True)), target, f"{path}/", move)
        elif any(source.is_dir() for source in sources):
            raise MergeError(f"{path}: a folder in one part and a file in another")
        elif path == SITEMAP:
            target.write_text(_joined_sitemap(sources), encoding="utf-8")
        elif _uncompressed(path) != SITEMAP:  # its copies are made from the joined sitemap
            different = [
                lang
                for lang, other in zip(langs[1:], sources[1:], strict=True)
                if not filecmp.cmp(sources[0], other, shallow=False)
            ]
            if different and _uncompressed(path) not in DEFAULT_WINS:
                raise MergeError(
                    f"{path}: the {langs[0]} and {different[0]} parts differ; were they built alike?"
                )
            _take(sources[0], target, move)  # the default language's, where it has one


def _uncompressed(path: str) -> str:
    """The file `path` is a compressed copy of, or `path`."""
    stem, suffix = os.path.splitext(path)
    return stem if suffix in ENCODINGS else path


def _take(source: Path, target: Path, move: bool) -> None:
    if move:
        os.replace(source, target)
    elif source.is_dir():
        shutil.copytree(source, target)
    else:
        shutil.copy2(source, target)


def _joined_sitemap(files: list[Path]) -> str:
    """The first part's sitemap with every other part's <url> entries after its own."""
    texts = [f.read_text(encoding="utf-8") for f in files]
    head, end, tail = texts[0].rpartition(URLSET_END)
    if not end:
        raise MergeError(f"{files[0]}: not a sitemap (no </urlset>)")
    entries = []
    for path, text in zip(files[1:], texts[1:], strict=True):
        start = text.find(">", text.find("<urlset")) + 1
        stop = text.rfind(URLSET_END)
        if start <= 0 or stop < start:
            raise MergeError(f"{path}: not a sitemap")
        entries.append(text[start:stop])
    return head + "".join(entries) + end + tail


def _gzip_like(sitemap: Path, model: Path) -> None:
    """sitemap.xml.gz as MkDocs writes it (its timestamp taken from a part's own copy)."""
    mtime = int.from_bytes(model.read_bytes()[4:8], "little") if model.exists() else 0
    buffer = io.BytesIO()
    with gzip.GzipFile(fileobj=buffer, filename=str(sitemap) + ".gz", mode="wb", mtime=mtime) as gz:
        gz.write(sitemap.read_bytes())
    (sitemap.parent / (sitemap.name + ".gz")).write_bytes(buffer.getvalue())


@dataclass(frozen=True)
class Built:
    seconds: float
    read_seconds: float  # of `seconds`: reading the articles for every language's process
    merge_seconds: float  # of `seconds`: merging the parts (compressed in their processes)
    peak_rss_mb: float  # the largest of the language processes


def build(languages: Sequence[str], site_dir: Path, mkdocs_args: Sequence[str], config_file: Path) -> Built:
    """Build each language in a process of its own, all at once, then merge them into site_dir."""
    started = time.perf_counter()
    config = _load(config_file)
    order = Languages.of_config(config)
    wanted = list(languages) or list(order.order)
    whole = len(wanted) == len(order.order)  # else a part, to be merged with the others later
    compress = whole and order.compress
    with tempfile.TemporaryDirectory(
        prefix="sxs-build-", dir=site_dir.parent if site_dir.parent.exists() else None
    ) as tmp:
        Catalog.load(config.docs_dir, workers=os.cpu_count() or 1)  # what the forked processes start with
        read = time.perf_counter()
        parts = {lang: Path(tmp) / lang for lang in wanted}
        gc.freeze()  # the collectors of the processes leave what they share alone (not copied on a look)
        fork = multiprocessing.get_context("fork")
        jobs = {
            lang: fork.Process(
                target=_build_language, args=(lang, parts[lang], mkdocs_args, compress), name=lang
            )
            for lang in wanted
        }
        try:
            for job in jobs.values():
                job.start()
            for job in jobs.values():
                job.join()
        finally:
            gc.unfreeze()
        failed = [lang for lang, job in jobs.items() if job.exitcode != 0]
        if failed:
            raise MergeError(f"the {', '.join(failed)} build failed (its messages are above)")
        peak = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
        built = time.perf_counter()
        if whole:
            merge(parts, order, site_dir, move=True, compressed=compress)
        else:
            if site_dir.exists():
                shutil.rmtree(site_dir)
            shutil.move(parts[wanted[0]], site_dir)
    done = time.perf_counter()
    return Built(done - started, read - started, done - built, peak)


def _build_language(language: str, site_dir: Path, mkdocs_args: Sequence[str], compress: bool) -> None:
    """`mkdocs build` of one language, as its command line runs it, in a process `build` forked;
    `compress`: then its part's compressed copies, while the other languages may still build."""
    from mkdocs.__main__ import cli

    os.environ[ONE_LANGUAGE] = language
    try:
        cli.main(["build", "--site-dir", str(site_dir), *mkdocs_args], prog_name="mkdocs")
    except SystemExit as done:  # (how click's command line always ends)
        if done.code not in (None, 0):
            raise
    if compress:
        compress_site(site_dir)


def configure(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--site-dir", type=Path, default=Path("site"), help="where the site goes (default: site/)"
    )
    parser.add_argument("--config-file", type=Path, default=Path("mkdocs.yml"))
    parser.add_argument(
        "--language", action="append", default=[], help="build only this language (a part to merge later)"
    )
    parser.add_argument(
        "--merge", nargs="+", metavar="LANG=DIR", help="merge parts built elsewhere instead of building"
    )
    parser.add_argument("--strict", action="store_true", help="fail on any warning (mkdocs build --strict)")


def run(args: argparse.Namespace) -> int:
    try:
        if args.merge:
            parts = {}
            for item in args.merge:
                lang, sep, folder = item.partition("=")
                if not sep or not Path(folder).is_dir():
                    print(
                        f"{item}:0:0: error: expected LANG=FOLDER, a folder of a language's build",
                        file=sys.stderr,
                    )
                    return 2
                parts[lang] = Path(folder)
            merge(parts, Languages.of(args.config_file), args.site_dir)
            print(f"merged {', '.join(parts)} into {args.site_dir}/")
            return 0
        mkdocs_args = ["--config-file", str(args.config_file), *(["--strict"] if args.strict else [])]
        built = build(args.language, args.site_dir, mkdocs_args, args.config_file)
    except MergeError as exc:
        print(f"{args.site_dir}:0:0: error: {exc}", file=sys.stderr)
        return 1
    print(
        f"built in {built.seconds:.1f} s (reading the articles {built.read_seconds:.1f} s, "
        f"merging {built.merge_seconds:.1f} s), "
        f"peak memory {built.peak_rss_mb:.0f} MB per process"
    )
    return 0
