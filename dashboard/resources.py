"""Objects shared by the dashboard's pages: one per server process, cached by Streamlit."""

from __future__ import annotations

import streamlit as st

from geo.config import Settings
from geo.store import Store


@st.cache_resource(show_spinner=False)
def get_store(settings: Settings) -> Store:
    """The store: one connection pool per process; every read or decision is its own session."""
    return Store.open(settings, fill=False)
