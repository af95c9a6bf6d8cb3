"""Objects shared by the dashboard's pages: one per server process, cached by Streamlit."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import streamlit as st

from geo.config import Settings
from geo.errors import GeoError
from geo.store import Store, fill_store, store_follows_folder

ROOT = Path(__file__).resolve().parent.parent


@st.cache_resource(show_spinner=False)
def get_store(settings: Settings) -> Store:
    """The store: one connection pool per process; every read or decision is its own session."""
    return Store.open(settings, fill=False)


def fill_store_apart(settings: Settings, store: Store) -> None:
    """The store's first fill (or a refill after the data folder changed) in a process of its
    own. Importing places every record with the gazetteer; done in the server, the memory that
    work freed stayed with the server for good (~70 MB at 100k events, which took it past the
    1 GB of issue 17). A refused file raises its one-line message here, as before."""
    if not store.needs_fill(Path(settings.data_dir), follow=store_follows_folder(settings)):
        return
    done = subprocess.run(
        [sys.executable, "-c", "from dashboard.resources import _fill; _fill()"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=False,
    )
    if done.returncode:
        lines = done.stderr.strip().splitlines() or ["the store could not be filled"]
        raise GeoError(lines[-1])


def _fill() -> None:
    """fill_store_apart's process: the settings come from the same environment."""
    from geo.gazetteer import Gazetteer

    try:
        settings = Settings.from_env()
        with Store.open(settings, fill=False) as store:
            fill_store(settings, store, Gazetteer.load(settings))
    except GeoError as exc:
        sys.exit(str(exc).replace("\n", " "))
