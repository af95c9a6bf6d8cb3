"""Data shaping for the dashboard: what is on the map for a view, the table beside it, the
symbols (one per place) and the admin-1 shading.

Above ``MAX_POINTS`` places in a layer, features are aggregated server-side into grid cells
(sized circles with counts), so 100,000 events still send well under 2 MB to the browser.
Tooltips and popups are built by dashboard.markup, which escapes every text from data.
"""

from __future__ import annotations

import datetime as dt
import io
import json
import math
import re
import warnings
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from typing import Any

import geopandas as gpd
import numpy as np
import pandas as pd

from dashboard.markup import counts_html, esc, feature_html, when_text
from dashboard.view import POINT_LAYERS, MapView
from geo import export
from geo.csvrows import csv_writer, parse_sources
from geo.events import Dataset
from geo.layers import (
    NO_FILTERS,
    OUR_ORIGIN,
    Extent,
    Filters,
    as_day,
    features_on,
    in_extent,
    layer_counts,
)
from geo.schema import EVENT_LAYERS
from geo.symbology import (
    LAYER_STYLES,
    STATUS_LABEL_RANK,
    STATUS_LABELS,
    group_label,
    place_groups,
    place_marker,
    scaled_radius,
)

MAX_POINTS = 500  # places per layer drawn one by one; above this, grid cells
GRID_CELLS_DEG: tuple[float, ...] = (0.1, 0.25, 0.5, 1.0, 2.0, 4.0)
EVENTS_RAMP: tuple[str, ...] = ("#fff1e0", "#fdd0a2", "#fdae6b", "#f16913", "#a63603")
MAX_EVENTS_IN_POPUP = 8
_COLOUR_RE = re.compile(r"^#[0-9a-fA-F]{6}$")


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


def feature_table(
    frames: Mapping[str, gpd.GeoDataFrame], *, start: int = 0, stop: int | None = None
) -> pd.DataFrame:
    """One row per visible feature, for the table beside the map (plain text, no HTML).

    ``start``/``stop`` cut rows out of the whole table (layer after layer, as the frames come)
    before they are built, so a page of a 90,000-row table costs a page.
    """
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
    offset = 0
    for layer, frame in frames.items():
        n = len(frame)
        lo = max(start - offset, 0)
        hi = n if stop is None else min(stop - offset, n)
        offset += n
        if hi <= lo:
            continue
        frame = frame.iloc[lo:hi]
        # one frame from whole columns: assigning them one by one cost ~25 ms a page
        part: dict[str, Any] = {
            "layer": [LAYER_STYLES[layer].label] * len(frame),
            "when": list(map(when_text, frame["date"], frame["valid_from"], frame["valid_to"])),
        }
        for col in columns[2:-1]:
            values = frame[col]
            if values.dtype == object or isinstance(values.dtype, pd.StringDtype):
                values = values.fillna("")  # an empty cell, not "None"
            part[col] = values.to_numpy() if values.dtype == object else values.array
        part["link"] = [_first_url(s) for s in frame["sources"]]
        parts.append(pd.DataFrame(part))
    if not parts:
        return pd.DataFrame({c: pd.Series(dtype="object") for c in columns})
    return pd.concat(parts, ignore_index=True)[columns]


def table_csv(table: pd.DataFrame) -> str:
    """The table as CSV for the download button, formulas neutralised (geo.csvrows)."""
    out = io.StringIO()
    writer = csv_writer(out)
    writer.writerow(table.columns)
    writer.writerows(
        ["" if export.is_missing(v) else v for v in row] for row in table.itertuples(index=False)
    )
    return out.getvalue()


def _first_url(sources: str) -> str:
    try:
        return parse_sources(sources)[0].url
    except (ValueError, IndexError):
        return ""


PLACE_KINDS = {"admin1": "region", "admin2": "district", "country": "country"}


def places_on_map(
    frames: Mapping[str, gpd.GeoDataFrame],
    describe: Callable[[str], Any] | None = None,
) -> list[tuple[str, str, str]]:
    """(key, name, label) of every place with a visible feature, once each, sorted by label.

    The key is the place id (or the name of a place without one). ``describe`` (the
    gazetteer's ``get``) names a place by its id, so the airport and the city hall are listed
    as themselves ("Almaty International Airport · airport, Almaty") rather than as ten
    "Almaty"; the label ends with how many features the place has on the map.
    """
    seen: dict[str, list] = {}
    for frame in frames.values():
        # distinct pairs first: a cumulative view has tens of thousands of rows, few places
        pairs = frame[["place_id", "place"]].astype(object).fillna("").value_counts(sort=False)
        for (pid, name), n in pairs.items():
            name, pid = str(name), str(pid)
            key = pid or name
            if not key:
                continue
            if key in seen:
                seen[key][2] += int(n)
                continue
            kind, city = "", ""
            place = describe(pid) if describe and pid else None
            if place is not None:
                name = str(place.name)
                kind = PLACE_KINDS.get(place.kind, str(place.kind).replace("_", " "))
                city = str(place.city or "")
            seen[key] = [name or key, kind, int(n), city]
    out = []
    for key, (name, kind, n, city) in seen.items():
        where = ", ".join(p for p in (kind, city) if p and p.lower() not in name.lower())
        label = f"{name} · {where}" if where else name
        out.append((key, name, f"{label} ({n} on the map)"))
    return sorted(out, key=lambda t: (t[2].lower(), t[0]))


def layer_geojson(
    ds: Dataset,
    layer: str,
    day: dt.date | str | pd.Timestamp,
    *,
    window: int | None,
    filters: Filters = NO_FILTERS,
    extent: Extent | None = None,
) -> str:
    """One layer for a day as GeoJSON text: byte for byte what ``python -m geo export`` writes
    for the same layer, date, window and ``--bbox`` (when no filter is set); ``extent``: only
    what lies in the area on screen."""
    day = as_day(day)
    frame = in_extent(features_on(ds, layer, day, window=window, filters=filters), extent)
    meta = export.collection_metadata([layer], day, window, extent)
    return export.feature_collection_text([frame], metadata=meta) + "\n"


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
    unknown: bool = False  # its size was never reported (drawn hollow with "?")
    layer: str = ""
    rank: int = 0  # whose label is kept where labels collide (STATUS_LABEL_RANK)

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
            int(self.unknown),
            self.layer,
            self.rank,
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
        # the rows as they are (the popup reads no geometry): dropping the geometry made
        # pandas copy every column of them once more
        records = frame.iloc[missing].to_dict("records")
        for i, rec in zip(missing, records, strict=True):
            popups[ids[i]] = feature_html(rec)
    names = [str(v) if isinstance(v, str) else "" for v in frame["name"].tolist()]
    places = [str(v) if isinstance(v, str) else "" for v in frame["place"].tolist()]
    actors = [str(v) if isinstance(v, str) else "" for v in frame["actor"].tolist()]
    style = LAYER_STYLES[layer]
    symbols = []
    for group in groups:
        rows, counts, status = group.rows, group.counts, group.status
        mstyle = place_marker(layer, group)
        first = rows[0]
        name = names[first] or places[first]
        place = places[first] or name
        head = esc(name if layer in ("infrastructure", "troops") else place)
        if len(rows) > 1 and layer in ("infrastructure", "troops"):
            head = esc(group_label(layer, group, names, actors))  # what the group is
        elif len(rows) > 1:
            head += f" · {len(rows)} {esc(style.label.lower())}"
        summary = counts_html(counts)
        tooltip = f"<b>{head}</b>" + (f"<br>{summary}" if summary else "")
        if layer == "infrastructure" and status:
            tooltip += f"<br>{esc(STATUS_LABELS.get(status, status))}"
        popup = "".join(popups[ids[i]] for i in rows[:MAX_EVENTS_IN_POPUP])
        if len(rows) > MAX_EVENTS_IN_POPUP:
            more = len(rows) - MAX_EVENTS_IN_POPUP
            popup += f'<div class="cm-more">and {more} more (see the table)</div>'
        label = esc(group_label(layer, group, names, actors)) if mstyle.label and name else ""
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
                mstyle.unknown,
                layer,
                STATUS_LABEL_RANK.get(status or "", 0) if layer == "infrastructure" else 0,
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


def grid_symbols(
    frame: gpd.GeoDataFrame,
    layer: str,
    *,
    max_cells: int,
    coords: tuple[np.ndarray, np.ndarray] | None = None,
) -> list[Symbol]:
    """Features binned into grid cells: one circle per cell sized by its feature count.
    ``coords``: the features' (lat, lon) when the caller has them already."""
    if not len(frame):
        return []
    lat, lon = _coords(frame) if coords is None else coords
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
        summary = counts_html(counts)
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
                layer=layer,
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
    # distinct points in numpy: a set of 50k Python tuples cost ~40 ms a layer at 100k events
    distinct = len(np.unique(np.column_stack([np.round(lat, 5), np.round(lon, 5)]), axis=0))
    if distinct <= max_points:
        return place_symbols(frame, layer, popups=popups)
    return grid_symbols(frame, layer, max_cells=max_points, coords=(lat, lon))


# --- admin-1 shading --------------------------------------------------------------------------


def emergency_regions(
    ds: Dataset, day: pd.Timestamp, boundaries: gpd.GeoDataFrame | None = None
) -> dict[str, str]:
    """ISO 3166-2 code -> escaped popup text of each admin-1 unit under emergency on a day.

    The unit is the record's ``admin1:`` site, else its admin1, else the polygon its point is in.
    """
    return {code: html for code, (html, _, _) in _emergencies(ds, day, boundaries).items()}


def _emergencies(
    ds: Dataset, day: pd.Timestamp, boundaries: gpd.GeoDataFrame | None
) -> dict[str, tuple[str, str, Any]]:
    """ISO 3166-2 code -> (escaped popup text, the unit's name as recorded, the record's
    point) of each admin-1 unit under emergency on a day (see emergency_regions)."""
    frame = features_on(ds, "emergency", day, window=1, include_national=True)
    out: dict[str, tuple[str, str, Any]] = {}
    for rec, geom in zip(
        frame.drop(columns="geometry").to_dict("records"), frame.geometry, strict=True
    ):
        pid = str(rec.get("place_id") or "")
        code = pid.split(":", 1)[1] if pid.startswith("admin1:") else str(rec.get("admin1") or "")
        if not code and geom is not None and boundaries is not None and len(boundaries):
            inside = boundaries[boundaries.contains(geom)]
            code = str(inside["iso3166_2"].iloc[0]) if len(inside) else ""
        if code:
            out[code] = (feature_html(rec), str(rec.get("place") or code), geom)
    return out


def _circle(point: Any, km: float, sides: int = 48) -> dict[str, Any]:
    """A GeoJSON polygon of about ``km`` around a point (degrees scaled by latitude)."""
    lat, lon = float(point.y), float(point.x)
    dlat = km / 111.32
    dlon = dlat / max(math.cos(math.radians(lat)), 0.01)
    ring = [
        [round(lon + dlon * math.cos(a), 4), round(lat + dlat * math.sin(a), 4)]
        for a in (2 * math.pi * k / sides for k in range(sides))
    ]
    return {"type": "Polygon", "coordinates": [[*ring, ring[0]]]}


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
        regions = _emergencies(ds, view.day, boundaries)
        colour = LAYER_STYLES["emergency"].colour
        for code, name, geom in boundaries[["iso3166_2", "name", "geometry"]].itertuples(
            index=False
        ):
            if code in regions:
                tip = f"<b>{esc(name)}</b><br>state of emergency in force"
                popup = f'<div class="cm-pop">{regions[code][0]}</div>'
                out.append(_area(geom, colour, 0.55, tip, popup))
        # a unit the boundaries lack (Shymkent, a city unit; the regions created in 2022) is
        # a circle at its point, said to be one, rather than nothing
        # (the radius the gazetteer gives such a city unit when it places points)
        from geo.gazetteer import CITY_UNIT_RADIUS_KM as km

        drawn = set(boundaries["iso3166_2"])
        for code, (html, name, point) in regions.items():
            if code in drawn or point is None or point.is_empty:
                continue
            tip = (
                f"<b>{esc(name)}</b><br>state of emergency in force<br>"
                f"<i>no boundary in the data: a circle of {km:.0f} km at its centre</i>"
            )
            popup = f'<div class="cm-pop">{html}</div>'
            out.append({
                "type": "Feature",
                "geometry": _circle(point, km),
                "properties": {"c": colour, "o": 0.55, "t": tip, "p": popup},
            })  # fmt: skip
        return out
    counts = events_per_region(frames, boundaries)
    top = max(counts.values(), default=0)
    for code, name, geom in boundaries[["iso3166_2", "name", "geometry"]].itertuples(index=False):
        n = counts.get(code, 0)
        if n:
            tip = f"<b>{esc(name)}</b><br>{n:,} event{'' if n == 1 else 's'}"
            out.append(_area(geom, ramp_colour(n, top), 0.6, tip, tip))
    return out


def _area(geom: Any, colour: str, opacity: float, tooltip: str, popup: str) -> dict[str, Any]:
    return {
        "type": "Feature",
        "geometry": rounded_geometry(geom),
        "properties": {"c": colour, "o": opacity, "t": tooltip, "p": popup},
    }


def rounded_geometry(geom: Any) -> dict[str, Any]:
    from shapely.geometry import mapping

    return json.loads(json.dumps(mapping(geom)), parse_float=lambda s: round(float(s), 4))


def simplified_boundaries(
    boundaries: gpd.GeoDataFrame, *, tolerance: float = 0.02
) -> gpd.GeoDataFrame:
    """Admin-1 polygons simplified for the screen (about 2 km), keeping code and name."""
    out = boundaries[["iso3166_2", "name", "geometry"]].copy()
    out["geometry"] = out.geometry.simplify(tolerance, preserve_topology=True)
    return out
