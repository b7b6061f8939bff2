"""pages/videos.py: the players a page may embed, matched as the browser matches a CSP frame-src."""

from __future__ import annotations

import pytest
from sxs.pages.videos import PLAYERS, is_player


@pytest.mark.parametrize(
    "url",
    [
        "https://www.youtube.com/embed/1nlcdDNOdm8",
        "https://WWW.YouTube.com/embed/1nlcdDNOdm8?start=5",
        "https://www.microsoft.com/videoplayer/embed/RE4xyz",
        "https://www.microsoft.com/en-us/videoplayer/embed/RE4xyz?autoplay=false",
        "https://www.microsoft.com:443/videoplayer/embed/RE4xyz",
        "https://channel9.msdn.com/Shows/Docs-Mixed-Reality/Designing-Holograms/player",
    ],
)
def test_players(url: str) -> None:
    assert is_player(url)


@pytest.mark.parametrize(
    "url",
    [
        "http://www.youtube.com/embed/1",  # not https
        "https://www.youtube.com/watch?v=1",  # a page, not the player
        "https://www.youtube.com/embedded/1",  # a prefix of the folder's name is not the folder
        "https://www.youtube.com.example.org/embed/1",
        "https://user@www.youtube.com/embed/1",
        "https://www.youtube.com:8443/embed/1",
        "https://channel9.msdn.com/shows/x/player",  # CSP compares paths with their case
        "javascript:alert(1)",
        "https://[::1/embed/",
    ],
)
def test_not_players(url: str) -> None:
    assert not is_player(url)


def test_every_player_is_a_folder_on_an_https_host() -> None:
    for player in PLAYERS:
        assert player.startswith("https://") and player.endswith("/") and player.count("/") >= 4
