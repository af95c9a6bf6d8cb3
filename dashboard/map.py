"""The dashboard map: folium building and feature styling, testable without Streamlit.

The map has two parts. The *base map* (admin-1 outlines, legend, optional tiles) never changes
with the day, so ``st_folium`` keeps it mounted. The *day layer* (``day_feature_group``) holds
everything that depends on the day, mode, layers and filters: admin-1 shading and one canvas
symbol per place. It is swapped onto the mounted map through ``feature_group_to_add``.

Above ``max_points`` places in a layer, features are aggregated server-side into grid cells
(sized circles with counts), so 100,000 events still send well under 2 MB to the browser.
Every text that comes from data files is escaped (``html.escape``) before it becomes HTML; the
JavaScript payload is JSON with ``<``, ``>`` and ``&`` escaped, so it is safe inside a page.
"""

from __future__ import annotations

import datetime as dt
import html
import json
import math
import re
import warnings
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

import folium
import geopandas as gpd
import numpy as np
import pandas as pd
from branca.element import Element, MacroElement
from jinja2 import Template

from dashboard.assets import OfflineMap
from geo import export
from geo.events import Dataset, parse_sources
from geo.layers import NO_FILTERS, OUR_ORIGIN, Filters, as_day, features_on, layer_counts
from geo.schema import EVENT_LAYERS, METRIC_LABELS, METRICS
from geo.symbology import (
    LAYER_STYLES,
    STATUS_COLOURS,
    STATUS_LABELS,
    legend_entries,
    place_groups,
    place_marker,
    scaled_radius,
)

# Point layers an analyst can switch on and off, in drawing order (bottom first).
POINT_LAYERS: tuple[str, ...] = ("protests", "clashes", "other", "troops", "infrastructure")
DEFAULT_LAYERS: tuple[str, ...] = ("protests", "clashes", "troops", "infrastructure")
SHADINGS: dict[str, str] = {
    "emergency": "State of emergency in force",
    "events": "Events per region",
    "none": "No shading",
}
MODES: dict[str, str] = {
    "day": "This day only",
    "window": "Last N days",
    "cumulative": "Everything up to this day",
}
MAX_POINTS = 500  # places per layer drawn one by one; above this, grid cells
GRID_CELLS_DEG: tuple[float, ...] = (0.1, 0.25, 0.5, 1.0, 2.0, 4.0)
EVENTS_RAMP: tuple[str, ...] = ("#fff1e0", "#fdd0a2", "#fdae6b", "#f16913", "#a63603")
WORLD_BOUNDS = ((-50.0, -170.0), (70.0, 170.0))  # a data set with nothing located
MAX_EVENTS_IN_POPUP = 8
_COLOUR_RE = re.compile(r"^#[0-9a-fA-F]{6}$")


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


def day_from_url(text: str | None, first: dt.date, last: dt.date) -> dt.date:
    """The day a link asks for (YYYY-MM-DD), kept within the data's range; else the first day."""
    try:
        day = dt.date.fromisoformat((text or "").strip())
    except ValueError:
        return first
    return min(max(day, first), last)


def next_day(day: dt.date, first: dt.date, last: dt.date) -> dt.date:
    """The day after ``day`` for playback, wrapping from the last day back to the first."""
    return first if day >= last else day + dt.timedelta(days=1)


# --- what is on the map ----------------------------------------------------------------------


def visible_features(
    ds: Dataset,
    view: MapView,
    *,
    layers: Iterable[str] | None = None,
) -> dict[str, gpd.GeoDataFrame]:
    """The features of each switched-on point layer for the view (placed records only).

    ``layers`` overrides the view's layers (the app asks for all of them to count them).
    """
    wanted = view.layers if layers is None else tuple(layers)
    out = {}
    for layer in POINT_LAYERS:
        if layer not in wanted:
            continue
        out[layer] = features_on(ds, layer, view.day, window=view.window, filters=view.filters)
    return out


def origins_of(ds: Dataset) -> list[str]:
    """The origins of the data set's events: ours ("crisismap") and any imported ("acled")."""
    if "origin" not in ds.events:
        return [OUR_ORIGIN]
    return sorted(set(ds.events["origin"].fillna(OUR_ORIGIN)))


def national_total_text(ds: Dataset, layer: str, day: pd.Timestamp, filters: Filters) -> str:
    """' · whole force 2,030 (official claim)' for national-scope states in force that day.

    National records have no point; their totals (the whole CSTO force) are shown beside the
    sum of the mapped parts, never added to it.
    """
    if layer not in ("troops",):
        return ""
    frame = features_on(ds, layer, day, filters=filters, include_national=True)
    frame = frame[frame.geometry.isna() & frame["troops"].notna()]
    return "".join(
        f" · whole force {int(n):,} ({esc(c)})"
        for n, c in zip(frame["troops"], frame["certainty"], strict=True)
    )


def counts_by_layer(frames: Mapping[str, gpd.GeoDataFrame]) -> dict[str, dict[str, int]]:
    """``layer_counts`` (features and summed counts) of each layer's frame."""
    return {layer: layer_counts(frame) for layer, frame in frames.items()}


def feature_table(frames: Mapping[str, gpd.GeoDataFrame]) -> pd.DataFrame:
    """One row per visible feature, for the table beside the map (plain text, no HTML)."""
    columns = [
        "layer",
        "when",
        "id",
        "name",
        "place",
        "admin1",
        "status",
        "fatalities",
        "injured",
        "detained",
        "troops",
        "actor",
        "certainty",
        "origin",
        "description",
        "sources",
        "link",
    ]
    parts = []
    for layer, frame in frames.items():
        if not len(frame):
            continue
        part = pd.DataFrame(index=frame.index)
        part["layer"] = LAYER_STYLES[layer].label
        part["when"] = [_when(r) for r in frame[["date", "valid_from", "valid_to"]].itertuples()]
        for col in columns[2:-1]:
            if col not in ("layer", "when"):
                part[col] = frame[col]
        part["link"] = [_first_url(s) for s in frame["sources"]]
        parts.append(part)
    if not parts:
        return pd.DataFrame({c: pd.Series(dtype="object") for c in columns})
    return pd.concat(parts, ignore_index=True)[columns]


def _when(row: Any) -> str:
    return when_text(row.date, row.valid_from, row.valid_to)


def when_text(date: object, valid_from: object, valid_to: object) -> str:
    """``2022-01-05`` for an event, ``2022-01-05 to 2022-01-13`` (or ``to …``) for a state."""
    if not pd.isna(date):
        return pd.Timestamp(date).date().isoformat()
    start = pd.Timestamp(valid_from).date().isoformat() if not pd.isna(valid_from) else "?"
    end = pd.Timestamp(valid_to).date().isoformat() if not pd.isna(valid_to) else "…"
    return f"{start} to {end}"


def _first_url(sources: str) -> str:
    try:
        return parse_sources(sources)[0].url
    except (ValueError, IndexError):
        return ""


def places_on_map(frames: Mapping[str, gpd.GeoDataFrame]) -> list[tuple[str, str]]:
    """(place_id or name, place name) of every place with a visible feature, by name."""
    seen: dict[str, str] = {}
    for frame in frames.values():
        for pid, name in zip(frame["place_id"], frame["place"], strict=True):
            name = str(name or "")
            key = str(pid or "") or name
            if key and key not in seen:
                seen[key] = name or key
    return sorted(seen.items(), key=lambda kv: kv[1].lower())


def layer_geojson(
    ds: Dataset,
    layer: str,
    day: dt.date | str | pd.Timestamp,
    *,
    window: int | None,
    filters: Filters = NO_FILTERS,
) -> str:
    """One layer for a day as GeoJSON text: byte for byte what ``python -m geo export`` writes
    for the same layer, date and window (when no filter is set)."""
    day = as_day(day)
    frame = features_on(ds, layer, day, window=window, filters=filters)
    meta = {
        "layers": [layer],
        "date": day.date().isoformat(),
        "window_days": window,
        "generator": "crisismap geo export",
    }
    return export.geojson_text(export.to_feature_collection([frame], metadata=meta)) + "\n"


# --- HTML: escaped text ----------------------------------------------------------------------


def esc(value: object) -> str:
    """Text from data files made safe for HTML (and for a JS template literal)."""
    if value is None or value is pd.NA or (isinstance(value, float) and math.isnan(value)):
        return ""
    return html.escape(str(value), quote=True).replace("`", "&#96;").replace("$", "&#36;")


def sources_html(cell: str) -> str:
    """``Publisher <URL> ; ...`` as escaped links that open in a new tab (http(s) only)."""
    try:
        sources = parse_sources(cell)
    except ValueError:
        return esc(cell)
    links = []
    for s in sources:
        if not s.url.startswith(("https://", "http://")):
            links.append(esc(s.publisher))
            continue
        links.append(
            f'<a href="{esc(s.url)}" target="_blank" rel="noopener noreferrer">'
            f"{esc(s.publisher)}</a>"
        )
    return ", ".join(links)


def _count_text(value: object) -> str | None:
    if value is None or value is pd.NA or (isinstance(value, float) and math.isnan(value)):
        return None
    return f"{int(value):,}"


def _counts_html(row: Mapping[str, Any]) -> str:
    parts = []
    for col, label in (
        ("fatalities", "deaths"),
        ("injured", "injured"),
        ("detained", "detained"),
        ("troops", "troops"),
    ):
        text = _count_text(row.get(col))
        if text is not None:
            parts.append(f"{label} {text}")
    note = esc(row.get("count_note"))
    out = " · ".join(parts)
    if note:
        out += f' <span class="cm-note">({note})</span>'
    return out


def feature_html(row: Mapping[str, Any]) -> str:
    """One feature as a popup section: date or interval, place, counts, status, actor, sources."""
    layer = str(row["layer"])
    style = LAYER_STYLES[layer]
    when = when_text(row.get("date"), row.get("valid_from"), row.get("valid_to"))
    lines = [f'<div class="cm-feature"><b>{esc(row.get("name") or row.get("place"))}</b>']
    lines.append(f'<div class="cm-meta">{esc(style.label)} · {esc(when)}</div>')
    place = row.get("place") or ""
    if place and place != row.get("name"):
        lines.append(f"<div>at {esc(place)}{_admin_suffix(row)}</div>")
    elif row.get("admin1"):
        lines.append(f"<div>{esc(row.get('admin1'))}</div>")
    precision = row.get("geo_precision")
    if isinstance(precision, int | float) and precision >= 2:
        where = "approximate" if precision == 2 else "region only"
        lines.append(f'<div class="cm-meta">location: {where} (precision {int(precision)})</div>')
    status = str(row.get("status") or "")
    if status and layer == "infrastructure":
        colour = STATUS_COLOURS.get(status, "#444444")
        lines.append(
            f'<div>status: <span class="cm-status" style="background:{colour}">'
            f"{esc(STATUS_LABELS.get(status, status))}</span></div>"
        )
    elif status:
        lines.append(f"<div>status: {esc(status)}</div>")
    kind = " / ".join(x for x in (row.get("event_type"), row.get("sub_event_type")) if x)
    if kind:
        lines.append(f"<div>{esc(kind)}</div>")
    counts = _counts_html(row)
    if counts:
        lines.append(f"<div>{counts}</div>")
    if row.get("actor"):
        lines.append(f"<div>actor: {esc(row.get('actor'))}</div>")
    certainty = str(row.get("certainty") or "reported")
    if certainty != "reported":
        lines.append(
            f'<div><span class="cm-badge cm-{esc(certainty.replace(" ", "-"))}">'
            f"{esc(certainty)}</span></div>"
        )
    if row.get("description"):
        lines.append(f'<div class="cm-desc">{esc(row.get("description"))}</div>')
    lines.append(
        f'<div class="cm-src">sources: {sources_html(str(row.get("sources") or ""))}</div>'
    )
    lines.append("</div>")
    return "".join(lines)


def _admin_suffix(row: Mapping[str, Any]) -> str:
    return f" ({esc(row.get('admin1'))})" if row.get("admin1") else ""


# --- symbols ---------------------------------------------------------------------------------


@dataclass(frozen=True)
class Symbol:
    """One drawn symbol: where, how it looks, and its (already escaped) HTML texts."""

    lat: float
    lon: float
    radius: float
    colour: str
    shape: str
    tooltip: str
    popup: str
    label: str = ""
    count: int = 1  # features it stands for

    def as_row(self) -> list[Any]:
        colour = self.colour if _COLOUR_RE.match(self.colour) else "#444444"
        return [
            round(self.lat, 5),
            round(self.lon, 5),
            round(self.radius, 1),
            colour,
            self.shape,
            self.tooltip,
            self.popup,
            self.label,
            self.count,
        ]


def _coords(frame: gpd.GeoDataFrame) -> tuple[np.ndarray, np.ndarray]:
    geom = frame.geometry
    return geom.y.to_numpy(dtype=float), geom.x.to_numpy(dtype=float)


def place_symbols(
    frame: gpd.GeoDataFrame, layer: str, *, popups: dict[str, str] | None = None
) -> list[Symbol]:
    """One symbol per place (same coordinates): its features listed in the popup.

    ``popups`` caches each feature's popup HTML by id (it depends on the record only, not on
    the day), so a slider step renders only the features it has not shown before.
    """
    if not len(frame):
        return []
    popups = {} if popups is None else popups
    lat, lon = _coords(frame)
    groups = place_groups(frame, lat, lon)
    ids = frame["id"].astype(str).tolist()
    shown_rows = [i for g in groups for i in g.rows[:MAX_EVENTS_IN_POPUP]]
    missing = [i for i in shown_rows if ids[i] not in popups]
    if missing:
        records = frame.iloc[missing].drop(columns="geometry").to_dict("records")
        for i, rec in zip(missing, records, strict=True):
            popups[ids[i]] = feature_html(rec)
    names = [str(v) if isinstance(v, str) else "" for v in frame["name"].tolist()]
    places = [str(v) if isinstance(v, str) else "" for v in frame["place"].tolist()]
    style = LAYER_STYLES[layer]
    symbols = []
    for group in groups:
        rows, counts, status = group.rows, group.counts, group.status
        mstyle = place_marker(layer, group)
        first = rows[0]
        name = names[first] or places[first]
        place = places[first] or name
        head = esc(name if layer in ("infrastructure", "troops") else place)
        if len(rows) > 1:
            head += f" · {len(rows)} {esc(style.label.lower())}"
        summary = _counts_html(counts)
        tooltip = f"<b>{head}</b>" + (f"<br>{summary}" if summary else "")
        if layer == "infrastructure" and status:
            tooltip += f"<br>{esc(STATUS_LABELS.get(status, status))}"
        popup = "".join(popups[ids[i]] for i in rows[:MAX_EVENTS_IN_POPUP])
        if len(rows) > MAX_EVENTS_IN_POPUP:
            more = len(rows) - MAX_EVENTS_IN_POPUP
            popup += f'<div class="cm-more">and {more} more (see the table)</div>'
        label = esc(name) if mstyle.label and name else ""
        symbols.append(
            Symbol(
                group.lat,
                group.lon,
                mstyle.radius,
                mstyle.colour,
                style.shape,
                tooltip,
                f'<div class="cm-pop">{popup}</div>',
                label,
                len(rows),
            )
        )
    # Big symbols first so small ones on top stay clickable.
    symbols.sort(key=lambda s: -s.radius)
    return symbols


def grid_size(lat: np.ndarray, lon: np.ndarray, max_cells: int) -> float:
    """The smallest grid cell (degrees) from GRID_CELLS_DEG that gives at most ``max_cells``."""
    for cell in GRID_CELLS_DEG:
        keys = np.floor(lat / cell) * 100000 + np.floor(lon / cell)
        if len(np.unique(keys)) <= max_cells:
            return cell
    return GRID_CELLS_DEG[-1]


def grid_symbols(frame: gpd.GeoDataFrame, layer: str, *, max_cells: int) -> list[Symbol]:
    """Features binned into grid cells: one circle per cell sized by its feature count."""
    if not len(frame):
        return []
    lat, lon = _coords(frame)
    cell = grid_size(lat, lon, max_cells)
    work = pd.DataFrame(
        {
            "gy": np.floor(lat / cell).astype(int),
            "gx": np.floor(lon / cell).astype(int),
            "lat": lat,
            "lon": lon,
            "place": frame["place"].fillna("").astype(str).to_numpy(),
            "date": frame["date"].to_numpy(),
        }
    )
    retracted = (frame["certainty"] == "retracted").to_numpy()
    for col in ("fatalities", "injured", "detained", "troops"):
        values = pd.to_numeric(frame[col], errors="coerce").to_numpy(dtype=float)
        work[col] = np.where(retracted, np.nan, values)  # withdrawn figures are never added
    grouped = work.groupby(["gy", "gx"], sort=False)
    agg = grouped.agg(
        n=("lat", "size"),
        lat=("lat", "mean"),
        lon=("lon", "mean"),
        first=("date", "min"),
        last=("date", "max"),
        fatalities=("fatalities", "sum"),
        injured=("injured", "sum"),
        detained=("detained", "sum"),
        troops=("troops", "sum"),
    )
    top_places = (
        work[work["place"] != ""]
        .groupby(["gy", "gx", "place"], sort=False)
        .size()
        .sort_values(ascending=False)
        .groupby(level=[0, 1], sort=False)
        .head(3)
    )
    places: dict[tuple[int, int], list[str]] = {}
    for (gy, gx, name), _n in top_places.items():
        places.setdefault((gy, gx), []).append(name)
    style = LAYER_STYLES[layer]
    symbols = []
    for (gy, gx), row in zip(agg.index, agg.to_dict("records"), strict=True):
        n = int(row["n"])
        counts = {
            c: (int(row[c]) if row[c] > 0 else None)
            for c in ("fatalities", "injured", "detained", "troops")
        }
        summary = _counts_html(counts)
        names = ", ".join(esc(p) for p in places.get((gy, gx), []))
        when = _span(row["first"], row["last"])
        head = f"<b>{n:,} {esc(style.label.lower())}</b>"
        tooltip = head + (f"<br>{names}" if names else "") + (f"<br>{summary}" if summary else "")
        popup = (
            f'<div class="cm-pop"><div class="cm-feature">{head}'
            f'<div class="cm-meta">grid cell {cell:g}° around {row["lat"]:.2f}, {row["lon"]:.2f}'
            f"{' · ' + esc(when) if when else ''}</div>"
            + (f"<div>places: {names}</div>" if names else "")
            + (f"<div>{summary}</div>" if summary else "")
            + '<div class="cm-more">Zoom the time window or filter to see single events; '
            "the table lists each one with its sources.</div></div></div>"
        )
        radius = scaled_radius(n, per_unit=1.2)
        symbols.append(
            Symbol(
                float(row["lat"]),
                float(row["lon"]),
                radius,
                style.colour,
                "circle",
                tooltip,
                popup,
                "",
                n,
            )
        )
    symbols.sort(key=lambda s: -s.radius)
    return symbols


def _span(first: object, last: object) -> str:
    if pd.isna(first):
        return ""
    a, b = pd.Timestamp(first).date().isoformat(), pd.Timestamp(last).date().isoformat()
    return a if a == b else f"{a} to {b}"


def layer_symbols(
    frame: gpd.GeoDataFrame,
    layer: str,
    *,
    max_points: int = MAX_POINTS,
    popups: dict[str, str] | None = None,
) -> list[Symbol]:
    """The symbols of one layer: one per place, or grid cells when there are too many places."""
    if not len(frame):
        return []
    lat, lon = _coords(frame)
    distinct = len(set(zip(np.round(lat, 5).tolist(), np.round(lon, 5).tolist(), strict=True)))
    if distinct <= max_points:
        return place_symbols(frame, layer, popups=popups)
    return grid_symbols(frame, layer, max_cells=max_points)


# --- admin-1 shading --------------------------------------------------------------------------


def emergency_regions(
    ds: Dataset, day: pd.Timestamp, boundaries: gpd.GeoDataFrame | None = None
) -> dict[str, str]:
    """ISO 3166-2 code -> escaped popup text of each admin-1 unit under emergency on a day.

    The unit is the record's ``admin1:`` site, else its admin1, else the polygon its point is in.
    """
    frame = features_on(ds, "emergency", day, window=1, include_national=True)
    out: dict[str, str] = {}
    for rec, geom in zip(
        frame.drop(columns="geometry").to_dict("records"), frame.geometry, strict=True
    ):
        pid = str(rec.get("place_id") or "")
        code = pid.split(":", 1)[1] if pid.startswith("admin1:") else str(rec.get("admin1") or "")
        if not code and geom is not None and boundaries is not None and len(boundaries):
            inside = boundaries[boundaries.contains(geom)]
            code = str(inside["iso3166_2"].iloc[0]) if len(inside) else ""
        if code:
            out[code] = feature_html(rec)
    return out


def events_per_region(
    frames: Mapping[str, gpd.GeoDataFrame], boundaries: gpd.GeoDataFrame | None
) -> dict[str, int]:
    """Visible dated events counted per admin-1 code (by their admin1, else by location)."""
    parts = [f for lay, f in frames.items() if lay in EVENT_LAYERS and len(f)]
    if not parts:
        return {}
    events = pd.concat(parts)
    codes = events["admin1"].fillna("").astype(str)
    missing = codes == ""
    if missing.any() and boundaries is not None and len(boundaries):
        pts = gpd.GeoDataFrame(geometry=events.geometry[missing], crs=events.crs)
        codes.loc[missing] = _region_codes(pts, boundaries)
    counts = codes[codes != ""].value_counts()
    return {str(k): int(v) for k, v in counts.items()}


def _region_codes(points: gpd.GeoDataFrame, boundaries: gpd.GeoDataFrame) -> pd.Series:
    """The admin-1 code of each point: the polygon it is in, else the nearest within 0.3°
    (simplified coastlines leave Aktau in the sea), else ""."""
    polys = boundaries[["iso3166_2", "geometry"]]
    joined = gpd.sjoin(points, polys, how="left", predicate="within")
    codes = joined[~joined.index.duplicated()]["iso3166_2"]
    lost = codes.isna()
    if lost.any():
        with warnings.catch_warnings():
            warnings.simplefilter("ignore", UserWarning)  # degrees are fine for "nearest"
            near = gpd.sjoin_nearest(points[lost.to_numpy()], polys, how="left", max_distance=0.3)
        near = near[~near.index.duplicated()]["iso3166_2"]
        codes.loc[near.index] = near
    return codes.fillna("").astype(str)


def ramp_colour(n: int, top: int) -> str:
    """The EVENTS_RAMP colour for a count, on a square-root scale up to ``top``."""
    if n <= 0 or top <= 0:
        return EVENTS_RAMP[0]
    step = math.sqrt(n / top) * (len(EVENTS_RAMP) - 1)
    return EVENTS_RAMP[max(1, min(len(EVENTS_RAMP) - 1, math.ceil(step)))]


def shading_features(
    ds: Dataset,
    view: MapView,
    frames: Mapping[str, gpd.GeoDataFrame],
    boundaries: gpd.GeoDataFrame | None,
) -> list[dict[str, Any]]:
    """GeoJSON features of the admin-1 units to shade, each with a style and escaped popup."""
    if boundaries is None or not len(boundaries) or view.shading == "none":
        return []
    out = []
    if view.shading == "emergency":
        regions = emergency_regions(ds, view.day, boundaries)
        colour = LAYER_STYLES["emergency"].colour
        for code, name, geom in boundaries[["iso3166_2", "name", "geometry"]].itertuples(
            index=False
        ):
            if code in regions:
                tip = f"<b>{esc(name)}</b><br>state of emergency in force"
                out.append(
                    _area(geom, colour, 0.55, tip, f'<div class="cm-pop">{regions[code]}</div>')
                )
        return out
    counts = events_per_region(frames, boundaries)
    top = max(counts.values(), default=0)
    for code, name, geom in boundaries[["iso3166_2", "name", "geometry"]].itertuples(index=False):
        n = counts.get(code, 0)
        if n:
            tip = f"<b>{esc(name)}</b><br>{n:,} events"
            out.append(_area(geom, ramp_colour(n, top), 0.6, tip, tip))
    return out


def _area(geom: Any, colour: str, opacity: float, tooltip: str, popup: str) -> dict[str, Any]:
    return {
        "type": "Feature",
        "geometry": _rounded_geometry(geom),
        "properties": {"c": colour, "o": opacity, "t": tooltip, "p": popup},
    }


def _rounded_geometry(geom: Any) -> dict[str, Any]:
    from shapely.geometry import mapping

    return json.loads(json.dumps(mapping(geom)), parse_float=lambda s: round(float(s), 4))


def simplified_boundaries(
    boundaries: gpd.GeoDataFrame, *, tolerance: float = 0.02
) -> gpd.GeoDataFrame:
    """Admin-1 polygons simplified for the screen (about 2 km), keeping code and name."""
    out = boundaries[["iso3166_2", "name", "geometry"]].copy()
    out["geometry"] = out.geometry.simplify(tolerance, preserve_topology=True)
    return out


# --- folium elements -------------------------------------------------------------------------


def js_json(value: object) -> str:
    """JSON that is also safe inside an HTML <script> (no ``<``, ``>``, ``&``, U+2028/9)."""
    text = json.dumps(value, ensure_ascii=False, separators=(",", ":"))
    return (
        text.replace("<", "\\u003c")
        .replace(">", "\\u003e")
        .replace("&", "\\u0026")
        .replace("\u2028", "\\u2028")
        .replace("\u2029", "\\u2029")
    )


class Verbatim(Element):
    """Text that goes into the page exactly as given: never compiled as a Jinja template."""

    def __init__(self, text: str) -> None:
        super().__init__()
        self.text = text

    def render(self, **kwargs: Any) -> str:
        return self.text


class DataElement(MacroElement):
    """A MacroElement whose rendered output carries data, added to the page verbatim.

    branca's MacroElement.render wraps each rendered part in ``Element(output)``, which compiles
    the output as a Jinja template: text from data or articles containing ``{{ ... }}`` would
    then run on the server when the page renders (template injection), and compiling a large
    payload on every slider step costs tens of milliseconds.
    """

    def render(self, **kwargs: Any) -> None:
        figure = self.get_root()
        module = self._template.module.__dict__
        for part, target in (
            ("header", figure.header),
            ("html", figure.html),
            ("script", figure.script),
        ):
            macro = module.get(part)
            if macro is not None:
                target.add_child(Verbatim(macro(self, kwargs)), name=self.get_name())
        for element in self._children.values():
            element.render(**kwargs)


class SymbolLayer(DataElement):
    """Symbols of one layer drawn into the parent feature group.

    Circles are canvas ``L.circleMarker``s (fast at thousands); squares and diamonds are small
    ``L.divIcon``s. Labels (facility names) sit beside the symbol and are decluttered: a label
    that would overlap one already shown is hidden until the user zooms in.
    """

    _template = Template(
        """
{% macro script(this, kwargs) %}
(function () {
  var group = {{ this._parent.get_name() }};
  var rows = {{ this.payload }};
  rows.forEach(function (r) {
    var m;
    if (r[4] === "circle") {
      m = L.circleMarker([r[0], r[1]], {radius: r[2], color: "#ffffff", weight: 1,
        fillColor: r[3], fillOpacity: 0.78, opacity: 0.9});
    } else {
      var size = Math.round(r[2] * 1.6);
      var shape = '<span class="cm-shape cm-' + r[4] + '" style="width:' + size + 'px;height:' +
        size + 'px;background:' + r[3] + '"></span>';
      var label = r[7] ? '<span class="cm-label">' + r[7] + '</span>' : '';
      m = L.marker([r[0], r[1]], {icon: L.divIcon({className: "cm-icon", html: shape + label,
        iconSize: [size, size], iconAnchor: [size / 2, size / 2]}), riseOnHover: true,
        zIndexOffset: r[4] === "diamond" ? 1000 : 0});
    }
    m.bindTooltip(r[5], {direction: "top", sticky: r[4] === "circle"});
    m.bindPopup(r[6], {maxWidth: 340, maxHeight: 320});
    group.addLayer(m);
  });
  {{ this.layer_js }}
})();
{% endmacro %}
"""
    )

    def __init__(self, layer: str, symbols: Sequence[Symbol]) -> None:
        super().__init__()
        self._name = "SymbolLayer"
        self.layer = layer
        self.symbols = list(symbols)
        self.payload = js_json([s.as_row() for s in self.symbols])
        self.layer_js = f"group.cmCounts = group.cmCounts || {{}}; group.cmCounts[{js_json(layer)}] = {len(self.symbols)};"


class AreaShading(DataElement):
    """Filled admin-1 polygons (GeoJSON with per-feature colour, tooltip and popup)."""

    _template = Template(
        """
{% macro script(this, kwargs) %}
(function () {
  var group = {{ this._parent.get_name() }};
  var layer = L.geoJSON({{ this.payload }}, {
    style: function (f) { return {color: "#9a6b6b", weight: 1, fillColor: f.properties.c,
      fillOpacity: f.properties.o}; },
    onEachFeature: function (f, l) { l.bindTooltip(f.properties.t, {sticky: true});
      l.bindPopup(f.properties.p, {maxWidth: 340, maxHeight: 320}); }
  });
  group.addLayer(layer);
})();
{% endmacro %}
"""
    )

    def __init__(self, features: Sequence[dict[str, Any]]) -> None:
        super().__init__()
        self._name = "AreaShading"
        self.features = list(features)
        self.payload = js_json({"type": "FeatureCollection", "features": self.features})


class LabelDeclutter(DataElement):
    """Hides facility labels that overlap a label already shown; reruns on zoom."""

    _template = Template(
        """
{% macro script(this, kwargs) %}
(function () {
  var map = {{ this._parent.get_name() }};
  function declutter() {
    var boxes = [];
    var labels = map.getContainer().querySelectorAll(".cm-label");
    labels.forEach(function (el) {
      el.style.visibility = "visible";
      var b = el.getBoundingClientRect();
      var hit = boxes.some(function (o) {
        return b.left < o.right + 2 && b.right > o.left - 2 && b.top < o.bottom + 1 && b.bottom > o.top - 1;
      });
      if (hit) { el.style.visibility = "hidden"; } else { boxes.push(b); }
    });
  }
  var timer = null;
  function later() { if (timer) { window.clearTimeout(timer); } timer = window.setTimeout(declutter, 30); }
  map.on("zoomend layeradd", later);
  later();
})();
{% endmacro %}
"""
    )

    def __init__(self) -> None:
        super().__init__()
        self._name = "LabelDeclutter"


class Boundaries(DataElement):
    """The static admin-1 outlines with their names as tooltips: the offline base map."""

    _template = Template(
        """
{% macro script(this, kwargs) %}
(function () {
  var map = {{ this._parent.get_name() }};
  L.geoJSON({{ this.payload }}, {
    style: function () { return {color: "#7d8793", weight: 1, fillColor: "#fbfaf6", fillOpacity: 1}; },
    onEachFeature: function (f, l) { l.bindTooltip(f.properties.t, {sticky: true}); }
  }).addTo(map);
})();
{% endmacro %}
"""
    )

    def __init__(self, boundaries: gpd.GeoDataFrame) -> None:
        super().__init__()
        self._name = "Boundaries"
        features = [
            {
                "type": "Feature",
                "geometry": _rounded_geometry(geom),
                "properties": {"t": f"<b>{esc(name)}</b> ({esc(code)})"},
            }
            for code, name, geom in boundaries[["iso3166_2", "name", "geometry"]].itertuples(
                index=False
            )
        ]
        self.payload = js_json({"type": "FeatureCollection", "features": features})


class Legend(DataElement):
    """A legend control in the map's corner; its HTML is built (and escaped) in Python."""

    _template = Template(
        """
{% macro script(this, kwargs) %}
(function () {
  var map = {{ this._parent.get_name() }};
  var legend = L.control({position: "topright"});
  legend.onAdd = function () {
    var div = L.DomUtil.create("div", "cm-legend");
    div.innerHTML = {{ this.payload }};
    L.DomEvent.disableClickPropagation(div);
    L.DomEvent.disableScrollPropagation(div);
    // An open popup matters more than the legend: fade the legend out of its way.
    map.on("popupopen", function () { div.classList.add("cm-faded"); });
    map.on("popupclose", function () { div.classList.remove("cm-faded"); });
    return div;
  };
  legend.addTo(map);
})();
{% endmacro %}
"""
    )

    def __init__(self, legend: str) -> None:
        super().__init__()
        self._name = "Legend"
        self.payload = js_json(legend)


def legend_html(layers: Sequence[str] = POINT_LAYERS) -> str:
    """The legend: one row per layer, infrastructure statuses in two columns, the shadings."""
    rows, statuses = [], []
    for label, colour, shape in legend_entries(list(layers)):
        item = (
            f'<div class="cm-row"><span class="cm-key cm-{esc(shape)}" style="background:{colour}">'
            f"</span>{esc(label)}</div>"
        )
        (statuses if label in STATUS_LABELS.values() else rows).append(item)
    if statuses:
        rows.append(
            f'<div class="cm-sub">{esc(LAYER_STYLES["infrastructure"].label)}</div>'
            f'<div class="cm-grid">{"".join(statuses)}</div>'
        )
    rows.append(
        '<div class="cm-row"><span class="cm-key cm-area" '
        f'style="background:{LAYER_STYLES["emergency"].colour}"></span>State of emergency</div>'
    )
    ramp = ", ".join(EVENTS_RAMP)
    rows.append(
        f'<div class="cm-row"><span class="cm-ramp" style="background:linear-gradient(90deg,{ramp})">'
        "</span>Events per region</div>"
    )
    rows.append('<div class="cm-row cm-small">Size: deaths, detained, troops or events</div>')
    return '<div class="cm-legend-title">Legend</div>' + "".join(rows)


MAP_CSS = """
<style>
.leaflet-container { background: #dfe7ee; font-family: "Source Sans Pro", Arial, sans-serif; }
.cm-legend { background: rgba(255,255,255,0.93); padding: 6px 9px; border-radius: 5px;
  box-shadow: 0 1px 4px rgba(0,0,0,0.35); font-size: 12px; line-height: 17px; color: #222; }
.cm-legend-title { font-weight: 600; margin-bottom: 2px; }
.cm-legend.cm-faded { opacity: 0.12; pointer-events: none; }
.cm-row { white-space: nowrap; }
.cm-small { color: #555; font-size: 11px; }
.cm-sub { margin-top: 3px; font-weight: 600; font-size: 11.5px; }
.cm-grid { display: grid; grid-template-columns: auto auto; column-gap: 10px; }
.cm-key { display: inline-block; width: 11px; height: 11px; margin-right: 6px;
  vertical-align: -1px; border: 1px solid rgba(0,0,0,0.35); }
.cm-key.cm-circle { border-radius: 50%; }
.cm-key.cm-diamond { transform: rotate(45deg) scale(0.85); }
.cm-key.cm-area { opacity: 0.8; }
.cm-ramp { display: inline-block; width: 32px; height: 10px; margin-right: 6px; vertical-align: -1px;
  border: 1px solid rgba(0,0,0,0.25); }
.cm-icon { background: none; border: none; }
.cm-shape { position: absolute; left: 0; top: 0; box-sizing: border-box;
  border: 1.5px solid #ffffff; box-shadow: 0 0 0 1px rgba(0,0,0,0.45); }
.cm-shape.cm-diamond { transform: rotate(45deg) scale(0.82); }
.cm-shape.cm-square { opacity: 0.8; }
.cm-label { position: absolute; left: 100%; top: 50%; transform: translate(5px, -50%);
  white-space: nowrap; font-size: 11px; font-weight: 600; color: #1e2a36; pointer-events: none;
  text-shadow: 0 0 2px #fff, 0 0 2px #fff, 0 0 3px #fff, 0 0 4px #fff; }
.cm-pop { font-size: 12.5px; line-height: 1.35; }
.cm-feature + .cm-feature { border-top: 1px solid #ddd; margin-top: 6px; padding-top: 6px; }
.cm-meta { color: #555; }
.cm-desc { margin: 3px 0; }
.cm-src a { color: #1d4e89; }
.cm-status { color: #fff; padding: 0 4px; border-radius: 3px; }
.cm-badge { background: #eee; color: #333; padding: 0 4px; border-radius: 3px; font-size: 11px; }
.cm-badge.cm-retracted { background: #c8102e; color: #fff; }
.cm-badge.cm-uncertain { background: #f08c00; color: #fff; }
.cm-more, .cm-note { color: #666; font-size: 11.5px; }
</style>
"""


@dataclass(frozen=True)
class DayLayer:
    """The day-dependent part of the map and what it stands for."""

    group: folium.FeatureGroup
    symbols: dict[str, list[Symbol]] = field(default_factory=dict)
    shaded: int = 0

    @property
    def aggregated(self) -> dict[str, bool]:
        """Per layer, whether its symbols are grid cells rather than places."""
        return {
            lay: any("grid cell" in s.popup for s in syms) for lay, syms in self.symbols.items()
        }


def day_feature_group(
    ds: Dataset,
    view: MapView,
    boundaries: gpd.GeoDataFrame | None = None,
    *,
    frames: Mapping[str, gpd.GeoDataFrame] | None = None,
    max_points: int = MAX_POINTS,
) -> DayLayer:
    """Everything that depends on the view, as one feature group for ``feature_group_to_add``."""
    frames = visible_features(ds, view) if frames is None else frames
    group = folium.FeatureGroup(name="day", control=False)
    areas = shading_features(ds, view, frames, boundaries)
    if areas:
        group.add_child(AreaShading(areas))
    symbols: dict[str, list[Symbol]] = {}
    for layer in POINT_LAYERS:
        if layer not in frames:
            continue
        popups = ds.memo.setdefault(f"dashboard.popups:{layer}", {})  # per data set, by id
        symbols[layer] = layer_symbols(frames[layer], layer, max_points=max_points, popups=popups)
        if symbols[layer]:
            group.add_child(SymbolLayer(layer, symbols[layer]))
    return DayLayer(group, symbols, len(areas))


LEGEND_ROOM_PX = 190


def base_map(
    boundaries: gpd.GeoDataFrame | None,
    *,
    online_tiles: bool = False,
    map_class: type[folium.Map] = OfflineMap,
    extent: tuple[float, float, float, float] | None = None,
) -> folium.Map:
    """The base map: no tiles (offline), admin-1 outlines, legend; OSM tiles only if asked.
    It fits the boundaries, else ``extent`` (lon0, lat0, lon1, lat1: the data's, from
    geo.layers.data_extent), else the world."""
    if boundaries is not None and len(boundaries):
        minx, miny, maxx, maxy = (float(v) for v in boundaries.total_bounds)
        bounds = [[miny, minx], [maxy, maxx]]
    elif extent is not None:
        bounds = [[extent[1], extent[0]], [extent[3], extent[2]]]
    else:
        bounds = [list(WORLD_BOUNDS[0]), list(WORLD_BOUNDS[1])]
    m = map_class(
        location=((bounds[0][0] + bounds[1][0]) / 2, (bounds[0][1] + bounds[1][1]) / 2),
        zoom_start=5,
        tiles=None,
        prefer_canvas=True,
        control_scale=True,
        min_zoom=2,
        max_zoom=14,
        zoom_snap=0.25,
    )
    if online_tiles:
        folium.TileLayer("OpenStreetMap", name="OpenStreetMap (online)", control=False).add_to(m)
    m.get_root().header.add_child(Verbatim(MAP_CSS), name="crisismap_css")
    if boundaries is not None and len(boundaries):
        if not online_tiles:
            m.add_child(Boundaries(boundaries))
        else:
            # Outlines only, so the tiles show through.
            m.add_child(_Outlines(boundaries))
    # Room at the top for the legend (top right), so it does not cover the country.
    m.fit_bounds(bounds, padding_top_left=(0, LEGEND_ROOM_PX))
    m.add_child(Legend(legend_html()))
    m.add_child(LabelDeclutter())
    return m


class _Outlines(Boundaries):
    _template = Template(
        """
{% macro script(this, kwargs) %}
(function () {
  var map = {{ this._parent.get_name() }};
  L.geoJSON({{ this.payload }}, {
    style: function () { return {color: "#4a5663", weight: 1.2, fill: false}; },
    interactive: false
  }).addTo(map);
})();
{% endmacro %}
"""
    )


def standalone_html(
    ds: Dataset, view: MapView, boundaries: gpd.GeoDataFrame | None, **kwargs: Any
) -> str:
    """The whole map for a view as one HTML page (base map plus the day layer), for checks."""
    m = base_map(boundaries, **kwargs)
    day_feature_group(ds, view, boundaries).group.add_to(m)
    return m.get_root().render()


# --- articles --------------------------------------------------------------------------------


@dataclass(frozen=True)
class Span:
    """A place mention in an article body: offsets into the body and what it resolved to."""

    start: int
    end: int
    place_id: str
    name: str


def article_head_html(title: str, day: dt.date, publisher: str, url: str) -> str:
    """An article's title, date, publisher and source link, every part escaped."""
    link = (
        f'<a href="{esc(url)}" target="_blank" rel="noopener noreferrer">source</a>'
        if url.startswith(("http://", "https://"))
        else ""
    )
    return (
        f'<div class="cm-article-head"><b>{esc(title)}</b><br>'
        f'<span class="cm-meta">{day.isoformat()} · {esc(publisher)} · {link}</span></div>'
    )


def highlight_html(text: str, spans: Sequence[Span], *, selected: str = "") -> str:
    """The text escaped, with every span wrapped in ``<mark>`` (the selected place's stronger).

    Escaping happens per segment, so offsets into the raw text stay right and no tag in the
    text survives. Paragraph breaks become ``<br>``.
    """
    out: list[str] = []
    pos = 0
    for span in sorted(spans, key=lambda s: s.start):
        if span.start < pos or span.end > len(text):
            continue
        out.append(esc(text[pos : span.start]))
        cls = "cm-hit" if selected and span.place_id == selected else "cm-mention"
        title = esc(span.name)
        out.append(f'<mark class="{cls}" title="{title}">{esc(text[span.start : span.end])}</mark>')
        pos = span.end
    out.append(esc(text[pos:]))
    return "".join(out).replace("\n\n", "<br><br>").replace("\n", " ")


def figure_html(figures: pd.DataFrame) -> str:
    """National figures as reported by a day: per metric the latest, then earlier, disputed and
    retracted ones (struck through, with a badge). All text escaped."""
    if not len(figures):
        return '<p class="cm-none">No national figures reported by this day.</p>'
    parts = []
    for metric in METRICS:
        rows = figures[figures["metric"] == metric]
        rows = rows.sort_values("latest", ascending=False, kind="stable")  # headline first
        if not len(rows):
            continue
        items = []
        for rec in rows.to_dict("records"):
            value = "?" if pd.isna(rec["value"]) else f"{int(rec['value']):,}"
            qualifier = "" if rec["qualifier"] in ("exact", "", None) else f"{rec['qualifier']} "
            text = f"{esc(qualifier)}{value}"
            certainty = str(rec.get("certainty") or "reported")
            if certainty == "retracted":
                text = f"<s>{text}</s>"
            badge = ""
            if certainty != "reported":
                badge = f' <span class="cm-badge cm-{esc(certainty.replace(" ", "-"))}">{esc(certainty)}</span>'
            day = pd.Timestamp(rec["date"]).date().isoformat()
            who = esc(rec.get("reported_by") or "")
            note = f' <span class="cm-note">{esc(rec["note"])}</span>' if rec.get("note") else ""
            cls = "cm-latest" if rec.get("latest") else "cm-earlier"
            part = str(rec.get("part") or "")
            if part:  # a figure for one group only: never the headline, always labelled
                badge += f' <span class="cm-part">{esc(part)} only</span>'
            items.append(
                f'<li class="{cls}"><span class="cm-value">{text}</span>{badge} '
                f'<span class="cm-meta">{day}{", " + who if who else ""}</span>{note} '
                f'<span class="cm-src">{sources_html(str(rec.get("sources") or ""))}</span></li>'
            )
        parts.append(
            f'<div class="cm-metric"><b>{esc(METRIC_LABELS[metric])}</b><ul>{"".join(items)}</ul></div>'
        )
    return "".join(parts)


PAGE_CSS = """
<style>
.cm-metric ul { margin: 0 0 0.4rem 0; padding-left: 1.1rem; }
.cm-metric li { margin: 0; font-size: 0.9rem; }
.cm-metric li.cm-latest .cm-value { font-size: 1.35rem; font-weight: 700; }
.cm-metric li.cm-earlier { color: #555; }
.cm-meta { color: #666; font-size: 0.82rem; }
.cm-note { color: #777; font-size: 0.8rem; }
.cm-part { font-style: italic; color: #444; font-size: 0.8rem; }
.cm-src { font-size: 0.8rem; }
.cm-badge { background: #eee; color: #333; padding: 0 5px; border-radius: 4px; font-size: 0.75rem; }
.cm-badge.cm-retracted { background: #c8102e; color: #fff; }
.cm-badge.cm-uncertain { background: #f08c00; color: #fff; }
.cm-badge.cm-official-claim { background: #1d4e89; color: #fff; }
mark.cm-mention { background: #fff3bf; padding: 0 2px; }
mark.cm-hit { background: #ffd43b; font-weight: 600; padding: 0 2px; }
.cm-article { font-size: 0.95rem; line-height: 1.5; }
</style>
"""
