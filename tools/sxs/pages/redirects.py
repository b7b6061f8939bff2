"""The redirect data an import writes beside its pages, and the site reads.

`sxs import` writes `REDIRECT_FILE` in its output folder when the repository has redirections
(`.openpublishing.redirection.json`): one YAML mapping, each key the path of a page that moved or
was removed upstream, each value where it leads now. Paths are page paths (pages/identity.py)
relative to the file's folder; a value is a page path with an optional `#fragment`, or a full
address elsewhere (`https://...`). For example, in `docs/articles/.sxs-redirects.yml`:

    mixed-reality-docs/gaze: mixed-reality-docs/design/gaze-and-commit
    mixed-reality-docs/hololens-status: https://learn.microsoft.com/hololens/hololens-status

The site's plugin (site/redirects.py) turns every entry into a redirect page in each language.
The name starts with a dot, so MkDocs does not publish the file itself.
"""

from __future__ import annotations

from typing import Any

import yaml

from .frontmatter import scalar

REDIRECT_FILE = ".sxs-redirects.yml"
HEADER = (
    "# Written by `sxs import` from the repository's .openpublishing.redirection.json; each import of\n"
    "# that repository rewrites it. `old page path: where it leads` (a page path here, or an address\n"
    "# elsewhere), relative to this folder; the site makes each a redirect page in every language.\n"
)


def dump(redirects: dict[str, str]) -> str:
    return HEADER + "".join(f"{scalar(old)}: {scalar(new)}\n" for old, new in sorted(redirects.items()))


def load(text: str) -> dict[str, str]:
    """The mapping in a redirect file; ValueError when it is not one of strings."""
    try:
        data: Any = yaml.safe_load(text)
    except yaml.YAMLError as exc:
        raise ValueError(f"not valid YAML: {exc}") from exc
    if data is None:
        return {}
    if not isinstance(data, dict) or not all(
        isinstance(k, str) and isinstance(v, str) for k, v in data.items()
    ):
        raise ValueError("not a mapping of page paths to targets")
    return dict(data)
