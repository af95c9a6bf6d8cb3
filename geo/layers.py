"""Layer queries: what each map layer shows on a day, with counts; national figures; timeline.

Events show in a window of days ending on the selected day (``window=1`` is that day only,
``window=None`` everything up to it); states show when they are in force on that day.
Every layer comes back with the same columns (``FEATURE_COLUMNS``), so the map, the exports and
the dashboard table read one shape.
"""

from __future__ import annotations

import bisect
import datetime as dt
import math
from collections.abc import Iterable
from dataclasses import dataclass
from typing import TYPE_CHECKING

import geopandas as gpd
import numpy as np
import pandas as pd

from geo.errors import InputError
from geo.events import Dataset
from geo.schema import CRS, EVENT_LAYERS, LAYERS, MAP_LAYERS, STATE_LAYERS

if TYPE_CHECKING:
    from geo.gazetteer import Gazetteer

Extent = tuple[float, float, float, float]  # lon0, lat0, lon1, lat1 (W, S, E, N)

FEATURE_COLUMNS: tuple[str, ...] = (
    "id", "layer", "name", "place", "place_id", "date", "valid_from", "valid_to", "status",
    "event_type", "sub_event_type", "fatalities", "injured", "detained", "troops", "count_note",
    "actor", "admin1", "geo_precision", "time_precision", "certainty", "description", "sources",
    "origin",
)  # fmt: skip
OUR_ORIGIN = "crisismap"  # records of our own data files; imported ones name their origin
COUNT_COLUMNS: tuple[str, ...] = ("fatalities", "injured", "detained", "troops")


@dataclass(frozen=True)
class Filters:
    """What an analyst narrows the map to; an empty tuple means no restriction."""

    admin1: tuple[str, ...] = ()
    event_types: tuple[str, ...] = ()
    actor: str = ""
    certainty: tuple[str, ...] = ()
    origins: tuple[str, ...] = ()

    def apply(self, frame: gpd.GeoDataFrame) -> gpd.GeoDataFrame:
        """Rows of a FEATURE_COLUMNS frame that pass every filter (the frame itself when
        nothing is filtered: callers do not modify what they get)."""
        if not (self.admin1 or self.event_types or self.actor or self.certainty or self.origins):
            return frame  # no copy of every row on every slider step
        keep = pd.Series(True, index=frame.index)
        if self.admin1:
            keep &= frame["admin1"].isin(self.admin1)
        if self.event_types:
            keep &= frame["event_type"].isin(self.event_types) | frame["layer"].isin(STATE_LAYERS)
        if self.actor:
            keep &= frame["actor"].str.contains(self.actor, case=False, regex=False)
        if self.certainty:
            keep &= frame["certainty"].isin(self.certainty)
        if self.origins:
            keep &= frame["origin"].isin(self.origins)
        return frame[keep]


NO_FILTERS = Filters()


def as_day(value: dt.date | str | pd.Timestamp) -> pd.Timestamp:
    """A day as a normalized Timestamp; strings must be YYYY-MM-DD."""
    if isinstance(value, str):
        try:
            value = dt.date.fromisoformat(value)
        except ValueError:
            msg = f"date {value!r} is not YYYY-MM-DD"
            raise InputError(msg) from None
    if not isinstance(value, dt.date):  # pd.Timestamp and datetime are dates too
        msg = f"a day must be a date or YYYY-MM-DD text, not {type(value).__name__}"
        raise InputError(msg)
    return pd.Timestamp(value).normalize()


def check_layer(layer: str, allowed: Iterable[str] = LAYERS) -> str:
    """The layer name, or an InputError listing the known ones."""
    allowed = tuple(allowed)
    if layer not in allowed:
        msg = f"unknown layer {layer!r}; choose one of {', '.join(allowed)}"
        raise InputError(msg)
    return layer


def check_window(window: int | None) -> int | None:
    if window is not None and window < 1:
        msg = f"window must be at least 1 day, not {window}"
        raise InputError(msg)
    return window


def features_on(
    ds: Dataset,
    layer: str,
    day: dt.date | str | pd.Timestamp,
    *,
    window: int | None = 1,
    filters: Filters = NO_FILTERS,
    include_national: bool = False,
    once: bool = False,
) -> gpd.GeoDataFrame:
    """The features of one layer on a day: events in the window, states in force that day.

    National records (no point) are left out unless ``include_national``; unplaced ones always.
    ``once``: for a caller that asks once (a command, not the dashboard's steps): unless the
    data set keeps the layer reshaped already, only the rows shown are reshaped, and nothing
    is kept (the same frame; each of pandas' selections copies every column of its rows).
    """
    check_layer(layer)
    day = as_day(day)
    check_window(window)
    if once and f"standard:{layer}" not in ds.memo:
        source = ds.events if layer in EVENT_LAYERS else ds.states
        frame, (first, last, placed) = source, _day_arrays(source, layer)
        ours = (source["layer"] == layer).to_numpy(dtype=bool, na_value=False)
        keep = ours & _in_time(first, last, layer, day, window)
        if not include_national:
            keep &= placed
        return filters.apply(_standard(frame[keep]))
    frame = standard_layer(ds, layer)
    first, last, placed = _layer_arrays(ds, layer)
    keep = _in_time(first, last, layer, day, window)
    if not include_national:
        keep &= placed
    # one selection of the rows (each of pandas' takes copies every column)
    return filters.apply(frame.copy(deep=False) if keep.all() else frame[keep])


def _in_time(
    first: np.ndarray, last: np.ndarray, layer: str, day: pd.Timestamp, window: int | None
) -> np.ndarray:
    """Which records of a layer show on ``day``: events in the window, states in force."""
    when = day.to_datetime64()
    if layer in EVENT_LAYERS:  # an event's first and last day are its date
        start = pd.Timestamp.min if window is None else day - pd.Timedelta(days=window - 1)
        keep = (first >= start.to_datetime64()) & (first <= when)
    else:  # a state is in force from valid_from to valid_to (open-ended without one)
        keep = (first <= when) & (last >= when)
    return keep


def _layer_arrays(ds: Dataset, layer: str) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """A layer's first days, last days (NaT-free: an open end is the far future; an event's
    are its date) and which records have a point, as numpy arrays, once per data set: a
    slider step compares these instead of pandas columns."""
    key = f"arrays:{layer}"
    if key not in ds.memo:
        ds.memo[key] = _day_arrays(standard_layer(ds, layer), layer)
    return ds.memo[key]


def _day_arrays(frame: gpd.GeoDataFrame, layer: str) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """_layer_arrays of the rows of ``frame`` (a layer's, or the events or states)."""
    if layer in EVENT_LAYERS:
        first = last = frame["date"].to_numpy(dtype="datetime64[ns]")
    else:
        first = frame["valid_from"].to_numpy(dtype="datetime64[ns]")
        last = frame["valid_to"].to_numpy(dtype="datetime64[ns]")
        last = np.where(np.isnat(last), np.datetime64(pd.Timestamp.max, "ns"), last)
    return first, last, frame.geometry.notna().to_numpy()


def standard_layer(ds: Dataset, layer: str) -> gpd.GeoDataFrame:
    """All records of one layer in FEATURE_COLUMNS shape, computed once per data set.

    Slider steps only filter these frames by date; callers must not modify what they get.
    """
    key = f"standard:{layer}"
    if key not in ds.memo:
        source = ds.events if layer in EVENT_LAYERS else ds.states
        ds.memo[key] = _standard(source[source["layer"] == layer])
    return ds.memo[key]


def map_features(
    ds: Dataset,
    day: dt.date | str | pd.Timestamp,
    *,
    window: int | None = 1,
    layers: Iterable[str] = MAP_LAYERS,
    filters: Filters = NO_FILTERS,
    once: bool = False,
) -> dict[str, gpd.GeoDataFrame]:
    """Every requested layer's features on a day, by layer name (``once``: features_on's)."""
    return {
        lay: features_on(ds, lay, day, window=window, filters=filters, once=once) for lay in layers
    }


def layer_counts(frame: pd.DataFrame) -> dict[str, int]:
    """Number of features and the sum of each count column.

    Missing counts add nothing, and neither do retracted records: a withdrawn figure stays on
    the map, marked, but is never added into a total.
    """
    out = {"features": len(frame)}
    counted = frame[frame["certainty"] != "retracted"] if "certainty" in frame else frame
    for col in COUNT_COLUMNS:
        out[col] = int(counted[col].sum(skipna=True)) if col in counted and len(counted) else 0
    return out


def national_figures(ds: Dataset, day: dt.date | str | pd.Timestamp) -> pd.DataFrame:
    """Every national figure reported on or before a day, newest first, with two flags.

    ``latest`` marks, per metric, the newest figure that counts everyone (empty ``part``) and
    has not been retracted; partial, disputed and retracted figures stay in the frame, side by
    side with their dates and sources, and are never added up.

    ``current`` marks what a briefer reads out, per metric: the ``latest`` figure, every figure
    of the newest day that reported the metric (parts and disputed figures of one day stay
    together), and the newest figure of each group (``part``: security forces, "armed
    criminals"...) reported since that headline, so on 7 January the 26 "armed criminals"
    stand beside the 18 security forces while no total is known. The rest is history.
    """
    day = as_day(day)
    figs = ds.figures[ds.figures["date"] <= day].copy()
    figs = figs.sort_values(["metric", "date", "value"], ascending=[True, False, False])
    figs["latest"] = False
    part = figs["part"].fillna("") if "part" in figs else pd.Series("", index=figs.index)
    usable = figs[(figs["certainty"] != "retracted") & (part == "")]
    if len(usable):
        figs.loc[usable.groupby("metric").head(1).index, "latest"] = True
    by_metric = figs.groupby("metric")["date"]
    headline = figs["date"].where(figs["latest"]).groupby(figs["metric"]).transform("max")
    newest_of_part = figs["date"] == figs.groupby([figs["metric"], part])["date"].transform("max")
    since_headline = headline.isna() | (figs["date"] > headline)
    figs["current"] = (
        figs["latest"]
        | (figs["date"] == by_metric.transform("max"))
        | (newest_of_part & since_headline)
    )
    return figs.drop(columns=[c for c in ("_line",) if c in figs])


def figures_as_of(ds: Dataset, day: dt.date | str | pd.Timestamp) -> dt.date | None:
    """The last day on or before ``day`` that reported a national figure (None before the
    first report): ``national_figures`` is the same for every day until the next report, so
    the dashboard builds its panel once per report day, not once per day."""
    days = ds.memo.get("figure_days")
    if days is None:
        # (by arrays: a Timestamp per figure cost a 100k snapshot 0.05 s)
        stamps = pd.to_datetime(ds.figures["date"]).dropna().to_numpy(dtype="datetime64[ns]")
        days = np.unique(stamps.astype("datetime64[D]")).tolist()  # datetime.date objects
        ds.memo["figure_days"] = days
    i = bisect.bisect_right(days, as_day(day).date())
    return days[i - 1] if i else None


def events_per_day(
    ds: Dataset, *, layers: Iterable[str] = EVENT_LAYERS, filters: Filters = NO_FILTERS
) -> pd.DataFrame:
    """Dated events counted per day and layer (columns date, layer, events), for a timeline."""
    shaped = [standard_layer(ds, layer) for layer in layers]  # shaped once per data set
    frame = filters.apply(pd.concat(shaped)) if shaped else pd.DataFrame()
    if not len(frame):
        return pd.DataFrame({"date": [], "layer": [], "events": []})
    counts = frame.groupby(["date", "layer"]).size().rename("events").reset_index()
    return counts


def busiest_day(ds: Dataset) -> dt.date | None:
    """The day with the most dated events (the earliest of a tie), or None without events:
    where the dashboard opens, so a new user first sees the story, not an empty map."""
    per_day = events_per_day(ds)
    if not len(per_day):
        return None
    totals = per_day.groupby("date")["events"].sum()
    return pd.Timestamp(totals.idxmax()).date()


def _standard(frame: gpd.GeoDataFrame) -> gpd.GeoDataFrame:
    """Events or states reshaped to FEATURE_COLUMNS (+ geometry)."""
    n = len(frame)
    is_event = "date" in frame.columns and "subject" not in frame.columns
    out = pd.DataFrame(index=frame.index)
    out["id"] = frame["id"]
    out["layer"] = frame["layer"]
    if is_event:
        out["name"] = frame["place_name"]
    else:
        out["name"] = frame["subject"]
    out["place"] = frame["place_name"]
    out["place_id"] = frame["place_id"]
    none_dates = pd.Series(pd.NaT, index=frame.index, dtype="datetime64[ns]")
    out["date"] = frame["date"] if is_event else none_dates
    out["valid_from"] = none_dates if is_event else frame["valid_from"]
    out["valid_to"] = none_dates if is_event else frame["valid_to"]
    out["status"] = "" if is_event else frame["status"]
    for col in ("event_type", "sub_event_type"):
        out[col] = frame[col] if is_event else ""
    missing = pd.arrays.IntegerArray(np.ones(n, dtype=np.int64), np.ones(n, dtype=bool))
    for col in COUNT_COLUMNS:  # (the missing counts by whole arrays, not a list of NA)
        out[col] = frame[col] if col in frame else missing.copy()
    out["count_note"] = frame["count_note"]
    if is_event:
        actors = frame["actor1"].fillna("")
        second = frame["actor2"].fillna("")
        out["actor"] = actors.where(second == "", actors + " vs " + second)
        out["time_precision"] = frame["time_precision"]
    else:
        out["actor"] = frame["actor"]
        out["time_precision"] = pd.arrays.IntegerArray(
            np.ones(n, dtype=np.int64), np.zeros(n, dtype=bool)
        )
    for col in ("admin1", "geo_precision", "certainty", "description", "sources"):
        out[col] = frame[col]
    out["origin"] = frame["origin"].fillna(OUR_ORIGIN) if "origin" in frame else OUR_ORIGIN
    for col in ("date", "valid_from", "valid_to"):
        out[col] = pd.to_datetime(out[col]).astype("datetime64[ns]")
    out = out[list(FEATURE_COLUMNS)]
    return gpd.GeoDataFrame(out, geometry=frame.geometry.values, crs=CRS)


def data_extent(ds: Dataset, *, pad_deg: float = 0.5) -> tuple[float, float, float, float] | None:
    """(lon0, lat0, lon1, lat1) around every located record of the data set, padded by
    ``pad_deg`` (a lone point gets a box of its own), or None when nothing is located. The map
    and the snapshot fit this when the data set has no admin-1 boundaries."""
    boxes = []
    for frame in (ds.events, ds.states):
        if len(frame):  # (the points alone: a selection of the frame copies every column)
            geoms = frame.geometry
            located = geoms[geoms.notna() & ~geoms.is_empty]
            if len(located):
                boxes.append(tuple(float(v) for v in located.total_bounds))
    if not boxes:
        return None
    lon0 = min(b[0] for b in boxes) - pad_deg
    lat0 = min(b[1] for b in boxes) - pad_deg
    lon1 = max(b[2] for b in boxes) + pad_deg
    lat1 = max(b[3] for b in boxes) + pad_deg
    return max(lon0, -180.0), max(lat0, -85.0), min(lon1, 180.0), min(lat1, 85.0)


FEED_COLUMNS: tuple[str, ...] = (
    "date", "kind", "layer", "id", "name", "place", "place_id", "status", "event_type",
    "sub_event_type", "fatalities", "injured", "detained", "troops", "count_note", "actor",
    "description", "certainty", "sources", "origin", "lat", "lon",
)  # fmt: skip
# Within a day, what a briefer says first: sites seized or reopened, troops, clashes, national
# decisions, emergencies, then protests.
_FEED_ORDER = {
    layer: i
    for i, layer in enumerate(("infrastructure", "troops", "clashes", "other", "emergency"))
}


def day_feed(
    ds: Dataset,
    day: dt.date | str | pd.Timestamp,
    *,
    window: int | None = 1,
    filters: Filters = NO_FILTERS,
) -> pd.DataFrame:
    """What happened on a day (or in the window ending on it), national records included:
    the briefer's list, newest first (``FEED_COLUMNS``).

    ``kind`` is "event" for a dated event, "begins" for a state that starts in the window (the
    airport closed, a contingent deployed) and "ends" for the last day of a state in the window
    that nothing takes over from the next day (a contingent leaving; the airport reopening is
    the "begins" of its next status, not the end of the closure; a one-day state only
    begins). ``lat``/``lon`` are empty for national records, which have no point. Within a
    day, site statuses come first, then troops, clashes, national decisions, emergencies and
    protests.
    """
    day = as_day(day)
    check_window(window)
    start = pd.Timestamp.min if window is None else day - pd.Timedelta(days=window - 1)
    feed = _whole_feed(ds, filters)
    # newest first: the window is one run of rows (dates are descending)
    dates = feed["date"].to_numpy()[::-1]  # ascending
    n = len(dates)
    first = n - int(np.searchsorted(dates, day.to_datetime64(), side="right"))
    last = n - int(np.searchsorted(dates, start.to_datetime64(), side="left"))
    return feed.iloc[first:last].reset_index(drop=True)


def _whole_feed(ds: Dataset, filters: Filters) -> pd.DataFrame:
    """Every line any day's feed can hold, in the feed's order (``day_feed`` slices it): an
    event on its date, a state on the day it begins and, unless something takes over the next
    day, on the day it ends. Kept for the data set's latest filters (a slider step in the
    dashboard then costs a slice, not a query per layer)."""
    kept = ds.memo.get("feed")
    if kept is not None and kept[0] == filters:
        return kept[1]
    parts = []
    for layer in EVENT_LAYERS:
        frame = filters.apply(standard_layer(ds, layer))
        parts.append(frame[frame["date"].notna()].assign(kind="event"))
    for layer in STATE_LAYERS:
        frame = filters.apply(standard_layer(ds, layer))
        begins = frame[frame["valid_from"].notna()]
        parts.append(begins.assign(kind="begins", date=begins["valid_from"]))
        ends = frame[frame["valid_to"].notna()]
        ends = ends[(ends["valid_to"] > ends["valid_from"]) & ~_taken_over(ends, frame)]
        parts.append(ends.assign(kind="ends", date=ends["valid_to"]))
    parts = [p for p in parts if len(p)]
    if not parts:
        feed = pd.DataFrame({col: [] for col in FEED_COLUMNS})
        feed["date"] = feed["date"].astype("datetime64[ns]")
    else:
        feed = pd.concat(parts)
        points = feed.geometry
        located = points.notna() & ~points.is_empty
        feed["lat"] = points.y.where(located)
        feed["lon"] = points.x.where(located)
        feed["_order"] = feed["layer"].map(_FEED_ORDER).fillna(len(_FEED_ORDER))  # protests last
        feed["_kind"] = feed["kind"].map({"begins": 0, "event": 1, "ends": 2})
        feed = feed.sort_values(
            ["date", "_order", "_kind", "id"], ascending=[False, True, True, True]
        )
        feed = pd.DataFrame(feed[list(FEED_COLUMNS)]).reset_index(drop=True)
    ds.memo["feed"] = (filters, feed)
    return feed


def _taken_over(ends: pd.DataFrame, states: pd.DataFrame) -> pd.Series:
    """For each ending state: does a state of the same layer and name or place begin the
    next day (closed until the 12th, operating from the 13th)?"""
    if not len(ends):
        return pd.Series(False, index=ends.index)
    starts = {
        (layer, key, start)
        for layer, name, place, start in zip(
            states["layer"], states["name"], states["place_id"], states["valid_from"], strict=True
        )
        for key in (name, place)
        if isinstance(key, str) and key
    }
    nxt = ends["valid_to"] + pd.Timedelta(days=1)
    return pd.Series(
        [
            any((layer, key, n) in starts for key in (name, place) if isinstance(key, str) and key)
            for layer, name, place, n in zip(
                ends["layer"], ends["name"], ends["place_id"], nxt, strict=True
            )
        ],
        index=ends.index,
    )


# --- an area of the map: --bbox, --place, the dashboard's zoomed view -----------------------------


def parse_bbox(text: str) -> Extent:
    """``W,S,E,N`` in degrees (e.g. 76.7,43.1,77.2,43.4) -> (lon0, lat0, lon1, lat1)."""
    parts = [p.strip() for p in text.split(",")]
    try:
        w, south, e, n = (float(p) for p in parts)
    except ValueError:
        msg = f"--bbox {text!r} is not W,S,E,N in degrees, e.g. 76.7,43.1,77.2,43.4"
        raise InputError(msg) from None
    if not (-180 <= w < e <= 180 and -90 <= south < n <= 90):
        msg = f"--bbox {text!r}: need -180 <= W < E <= 180 and -90 <= S < N <= 90"
        raise InputError(msg)
    return w, south, e, n


# Half the side (degrees of latitude) of the area shown around a named place, by kind.
PLACE_HALF_SIDE = {"city": 0.25, "airport": 0.12, "facility": 0.08}


def place_extent(
    name: str, gazetteer: Gazetteer, boundaries: gpd.GeoDataFrame | None, country: str = "KZ"
) -> Extent:
    """The extent for ``--place NAME``: an admin-1 unit's outline (when the boundaries have
    it), else an area around the gazetteer's best match (a city, airport or site)."""
    key = name.strip().casefold()
    if boundaries is not None and len(boundaries):
        hit = boundaries[
            (boundaries["name"].str.casefold() == key)
            | (boundaries["iso3166_2"].str.casefold() == key)
        ]
        if len(hit):
            lon0, lat0, lon1, lat1 = (float(v) for v in hit.total_bounds)
            return lon0 - 0.1, lat0 - 0.1, lon1 + 0.1, lat1 + 0.1
    hits = gazetteer.lookup(name, country=country, limit=1) or gazetteer.lookup(name, limit=1)
    if not hits:
        msg = f"--place {name!r} is not in the gazetteer; give --bbox W,S,E,N instead"
        raise InputError(msg)
    place = hits[0]
    half = PLACE_HALF_SIDE.get(place.kind, 1.5)
    k = max(0.2, math.cos(math.radians(place.lat)))
    return place.lon - half / k, place.lat - half, place.lon + half / k, place.lat + half


def in_extent(frame: gpd.GeoDataFrame, extent: Extent | None) -> gpd.GeoDataFrame:
    """The rows of a layer frame whose geometry touches ``extent`` (all rows when it is None):
    what a map zoomed to that area shows, and what its downloads hold."""
    if extent is None:
        return frame
    lon0, lat0, lon1, lat1 = extent
    return frame.cx[lon0:lon1, lat0:lat1]


def extent_metadata(extent: Extent | None) -> dict[str, list[float]]:
    """The ``bbox`` entry an export's metadata carries when it holds only an area."""
    return {} if extent is None else {"bbox": [round(v, 4) for v in extent]}
