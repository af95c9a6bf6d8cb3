"""The dashboard's view state: day, mode (one day, the last N days, everything up to the day),
layers, filters and shading, as an analyst picks them, and the day read from a shared URL.

Pure values, no Streamlit: app.py binds them to widgets and query parameters.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping
from dataclasses import dataclass

import pandas as pd

from geo.layers import NO_FILTERS, Filters, as_day

# Point layers an analyst can switch on and off, in drawing order (bottom first).
POINT_LAYERS: tuple[str, ...] = ("protests", "clashes", "other", "troops", "infrastructure")
DEFAULT_LAYERS: tuple[str, ...] = ("protests", "clashes", "troops", "infrastructure")
SHADINGS: dict[str, str] = {
    "emergency": "State of emergency in force",
    "events": "Events per region",
    "none": "No shading",
}
TABLE_PAGE_ROWS = 500  # rows of the table sent to the browser at a time (the CSV has them all)
MODES: dict[str, str] = {
    "day": "This day only",
    "window": "Last N days",
    "cumulative": "Everything up to this day",
}


@dataclass(frozen=True)
class MapView:
    """What the analyst looks at: a day, a window of days, layers, filters and a shading."""

    day: pd.Timestamp
    window: int | None = 1  # 1 = that day only, N = last N days, None = everything up to it
    layers: tuple[str, ...] = DEFAULT_LAYERS
    filters: Filters = NO_FILTERS
    shading: str = "emergency"

    @classmethod
    def of(
        cls,
        day: dt.date | str | pd.Timestamp,
        *,
        mode: str = "day",
        days: int = 3,
        layers: Iterable[str] = DEFAULT_LAYERS,
        filters: Filters = NO_FILTERS,
        shading: str = "emergency",
    ) -> MapView:
        """A view from the dashboard's widgets: ``mode`` is one of MODES."""
        return cls(as_day(day), window_for(mode, days), tuple(layers), filters, shading)


def window_for(mode: str, days: int) -> int | None:
    """The ``features_on`` window for a dashboard mode (``day``, ``window``, ``cumulative``)."""
    if mode == "day":
        return 1
    if mode == "window":
        return max(1, int(days))
    if mode == "cumulative":
        return None
    msg = f"unknown mode {mode!r}; choose one of {', '.join(MODES)}"
    raise ValueError(msg)


def day_from_url(
    text: str | None, first: dt.date, last: dt.date, *, default: dt.date | None = None
) -> dt.date:
    """The day a link asks for (YYYY-MM-DD), kept within the data's range; else ``default``
    (the page passes the busiest day, so it never opens on an empty map), else the first."""
    try:
        day = dt.date.fromisoformat((text or "").strip())
    except ValueError:
        day = default or first
    return min(max(day, first), last)


def choices_from_url(
    values: list[str], options: Mapping[str, str] | list[str], labels: Mapping[str, str]
) -> list[str]:
    """The options a link names, by their stable value ("cumulative", "KZ-ALA") or by the
    label older links carried ("Everything up to this day", "Almaty (city) (KZ-ALA)");
    unknown ones are dropped, order and duplicates kept out."""
    by_label = {label: key for key, label in labels.items()}
    out: list[str] = []
    for value in values:
        key = value if value in options else by_label.get(value)
        if key is not None and key not in out:
            out.append(key)
    return out


def map_view_from_url(params: Mapping[str, str]) -> tuple[float, float, float] | None:
    """(lat, lon, zoom) a link names (``z``, ``lat``, ``lon``), or None (the map then fits
    the case): values out of range are ignored, not clamped."""
    try:
        lat, lon, zoom = float(params["lat"]), float(params["lon"]), float(params["z"])
    except (KeyError, TypeError, ValueError):
        return None
    if not (-85 <= lat <= 85 and -180 <= lon <= 180 and 1 <= zoom <= 18):
        return None
    return lat, lon, zoom


def next_day(day: dt.date, first: dt.date, last: dt.date) -> dt.date:
    """The day after ``day`` for playback, wrapping from the last day back to the first."""
    return first if day >= last else day + dt.timedelta(days=1)
