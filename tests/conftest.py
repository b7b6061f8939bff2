"""Fixtures shared by every test folder: where things are, and a built site."""

from __future__ import annotations

from pathlib import Path

import pytest
from sites import BuildFailed, build_site


@pytest.fixture(scope="session")
def built_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The site as `make build` makes it, built once per test session."""
    try:
        return build_site(tmp_path_factory.mktemp("site"))
    except BuildFailed as failure:
        pytest.fail(str(failure))
