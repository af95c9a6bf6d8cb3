"""Crisis map dashboard: a time-slider map of Kazakhstan, January 2022, fully offline, and the
review desk beside it.

Run from the project root: ``streamlit run dashboard/app.py``. Point it at another data folder
with ``CRISISMAP_DATA_DIR``. Two pages (Streamlit's multipage navigation): "Map"
(``map_page.py``, the default, at ``/``) and "Review" (``review_page.py``, at ``/review``).
"""

from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:  # `streamlit run dashboard/app.py` puts only dashboard/ on the path
    sys.path.insert(0, str(ROOT))

import streamlit as st  # noqa: E402

from dashboard import map as cmap  # noqa: E402
from dashboard.desk import DESK_CSS  # noqa: E402

HERE = Path(__file__).resolve().parent

st.set_page_config(page_title="Crisis map", page_icon="🗺️", layout="wide")
st.markdown(cmap.PAGE_CSS + DESK_CSS, unsafe_allow_html=True)
page = st.navigation(
    [
        st.Page(HERE / "map_page.py", title="Map", icon=":material/map:", default=True),
        st.Page(
            HERE / "review_page.py",
            title="Review",
            icon=":material/rate_review:",
            url_path="review",
        ),
    ]
)
page.run()
