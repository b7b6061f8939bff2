"""The video players a page may embed: one list for the import and for the site's security policy.

`sxs import` writes DocFX's `[!VIDEO url]` as a click-to-play placeholder (docs/assets/video.js
frames the URL when the reader presses play) only when the URL is one of these players'; any
other address becomes a plain link. The site's Content-Security-Policy (site/security.py) lets
frames load from these players and nowhere else, so a placeholder the import wrote always plays.

Each entry is a CSP source expression with a path: scheme, host and a folder (ending in `/`),
which CSP matches as a prefix of the frame's path (CSP 3, "path-part matching"). These are the
players the shared corpus's articles use (YouTube, Microsoft's video player with and without a
locale, Channel 9's shows).
"""

from __future__ import annotations

from urllib.parse import urlsplit

PLAYERS: tuple[str, ...] = (
    "https://www.youtube.com/embed/",
    "https://www.youtube-nocookie.com/embed/",
    "https://www.microsoft.com/videoplayer/embed/",
    "https://www.microsoft.com/en-us/videoplayer/embed/",
    "https://channel9.msdn.com/Shows/",
)


def is_player(url: str) -> bool:
    """True when the browser would let `url` load in a frame under the site's policy: https, a
    listed host (any case) and a path under that player's folder (case kept, as CSP compares)."""
    try:
        parts = urlsplit(url.strip())
        host = (parts.hostname or "").lower()
        port = parts.port
    except ValueError:
        return False
    if parts.scheme.lower() != "https" or port not in (None, 443) or parts.username or parts.password:
        return False
    address = f"https://{host}{parts.path}"
    return any(address.startswith(player) for player in PLAYERS)
