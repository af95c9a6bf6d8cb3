"""Shared fixtures.

``settings`` and ``gazetteer`` are session-scoped: the gazetteer index is built once (a few
seconds, the first time on a machine) into the cache that ``Settings.from_env()`` names
(CRISISMAP_CACHE_DIR, else ~/.cache/crisismap), the same cache the CLI subprocesses in
test_cli.py use, so they start warm. Tests that need a fresh cache or changed data build their
own into tmp_path (see test_gazetteer.py).
"""

from __future__ import annotations

import os
import shutil
import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest
from builders import dataset
from fakes import FakeGazetteer

import geo.cli
from geo.config import PROJECT_ROOT, Settings
from geo.gazetteer import Gazetteer


@pytest.fixture(scope="session")
def settings() -> Settings:
    """The project's settings from defaults and the environment."""
    return Settings.from_env()


@pytest.fixture(scope="session")
def gazetteer(settings: Settings) -> Gazetteer:
    """The real offline gazetteer, built once per session (and cached on disk)."""
    return Gazetteer.load(settings)


@pytest.fixture
def cli_data_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """The tiny data set (tests/builders.py) with the real boundaries, in a folder the CLI
    reads through CRISISMAP_DATA_DIR; the CLI's gazetteer is faked."""
    folder = tmp_path / "data"
    dataset(folder)
    shutil.copy(PROJECT_ROOT / "data" / "kz_admin1.geojson", folder / "kz_admin1.geojson")
    monkeypatch.setenv("CRISISMAP_DATA_DIR", str(folder))
    monkeypatch.setattr(geo.cli, "load_gazetteer", lambda settings: FakeGazetteer())
    return folder


# --- the store: SQLite and a real PostGIS ------------------------------------------------------


@pytest.fixture(scope="session")
def postgis_server() -> Iterator[str]:
    """A throwaway PostgreSQL + PostGIS cluster (tests/pgcluster.py) for the whole session.

    Skipped where PostgreSQL or PostGIS is missing, except in CI (CI=true), where ``make test``
    has installed them and a missing server is a failure.
    """
    import pgcluster

    why = pgcluster.missing()
    if why:
        if os.environ.get("CI"):
            pytest.fail(why)
        pytest.skip(why)
    with pgcluster.postgis_cluster() as url:
        yield url


@pytest.fixture(params=["sqlite", "postgis"])
def store_url(request: pytest.FixtureRequest, tmp_path: Path) -> str:
    """A fresh, empty store: a SQLite file, or a new database on the PostGIS cluster."""
    if request.param == "sqlite":
        return f"sqlite:///{tmp_path / 'store.sqlite'}"
    import pgcluster

    server = request.getfixturevalue("postgis_server")
    return pgcluster.create_database(server, f"t{uuid.uuid4().hex[:12]}")
