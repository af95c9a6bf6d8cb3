"""Shared fixtures.

``settings`` and ``gazetteer`` are session-scoped: the gazetteer index is built once (a few
seconds, the first time on a machine) into the cache that ``Settings.from_env()`` names
(CRISISMAP_CACHE_DIR, else ~/.cache/crisismap), the same cache the CLI subprocesses in
test_cli.py use, so they start warm. Tests that need a fresh cache or changed data build their
own into tmp_path (see test_gazetteer.py).
"""

from __future__ import annotations

import pytest

from geo.config import Settings
from geo.gazetteer import Gazetteer


@pytest.fixture(scope="session")
def settings() -> Settings:
    """The project's settings from defaults and the environment."""
    return Settings.from_env()


@pytest.fixture(scope="session")
def gazetteer(settings: Settings) -> Gazetteer:
    """The real offline gazetteer, built once per session (and cached on disk)."""
    return Gazetteer.load(settings)
