"""Records: load, validate and place dated events, states over intervals, national figures
and articles.

Every file is validated whole before anything is returned: a bad row raises ``DataError``
naming the file, line and field, and nothing is half-loaded. Places are joined from the
gazetteer (coordinates, admin-1, precision); a record that names no known place is an error by
default, or listed in ``Dataset.unplaced`` with its line and reason when asked.
"""

from __future__ import annotations

import datetime as dt
import math
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any, Protocol

import geopandas as gpd
import numpy as np
import pandas as pd
import shapely
from shapely.geometry import Point

from geo.articles import Article, file_label, read_article
from geo.csvrows import Row, read_rows
from geo.errors import DataError
from geo.schema import (
    CERTAINTIES,
    CRS,
    EVENT_COLUMNS,
    EVENT_LAYERS,
    FIGURE_COLUMNS,
    METRICS,
    QUALIFIERS,
    SCOPES,
    STATE_COLUMNS,
    STATE_LAYERS,
    STATUSES,
    Place,
)

if TYPE_CHECKING:
    from geo.config import Settings
    from geo.gazetteer import Gazetteer

EVENTS_FILE = "events.csv"
STATES_FILE = "states.csv"
FIGURES_FILE = "figures.csv"
ARTICLES_DIR = "articles"

_PRECISION_BY_KIND = {"facility": 1, "airport": 1, "city": 1, "admin1": 3, "country": 3}
# A row with lat/lon is linked to a gazetteer place of its name only this close to its point.
NEAR_KM = 50.0


def _km(lon1: float, lat1: float, lon2: float, lat2: float) -> float:
    dx = math.radians(lon2 - lon1) * math.cos(math.radians((lat1 + lat2) / 2))
    return 6371.0 * math.hypot(dx, math.radians(lat2 - lat1))


def point(lon: float, lat: float) -> Point:
    """The one place where coordinates become geometry: x = lon, y = lat (as geopandas does)."""
    return Point(float(lon), float(lat))


@dataclass(frozen=True)
class Unplaced:
    """A record that could not be put on the map, with where it is and why."""

    file: str
    line: int
    record_id: str
    reason: str


@dataclass(frozen=True)
class Dataset:
    """Everything the map shows: events, states, national figures and articles."""

    events: gpd.GeoDataFrame
    states: gpd.GeoDataFrame
    figures: pd.DataFrame
    articles: tuple[Article, ...] = ()
    unplaced: tuple[Unplaced, ...] = ()
    files: tuple[str, ...] = field(default=())
    # Derived frames computed once per data set (geo.layers fills it); the data never change.
    # init=False: dataclasses.replace() starts a new, empty memo instead of sharing this one.
    memo: dict[str, Any] = field(default_factory=dict, init=False, repr=False, compare=False)

    def date_range(self) -> tuple[dt.date, dt.date]:
        """First and last day any event or state touches (open-ended states excluded)."""
        days: list[pd.Timestamp] = []
        for col, frame in (("date", self.events), ("valid_from", self.states)):
            if len(frame):
                days += [frame[col].min(), frame[col].max()]
        if len(self.states):
            ends = self.states["valid_to"].dropna()
            if len(ends):
                days.append(ends.max())
        if not days:
            today = dt.date.today()
            return today, today
        return min(days).date(), max(days).date()


# --- placing records -------------------------------------------------------------------------


class _Placer:
    """Joins a row's place / site_id / lat-lon to a point, admin-1 and precision."""

    def __init__(self, gazetteer: Gazetteer | None) -> None:
        self.gazetteer = gazetteer  # ranks candidates by the area of interest it was built for

    def place(self, row: Row) -> tuple[dict[str, Any], str | None]:
        """Placement columns for a local row, and the reason it is unplaced (or None)."""
        site_id = row.text("site_id")
        name = row.text("place")
        lat = row.coord("lat", 90.0)
        lon = row.coord("lon", 180.0)
        if (lat is None) != (lon is None):
            raise row.fail("lon" if lon is None else "lat", "lat and lon go together")
        found: Place | None = None
        if site_id:
            found = self.gazetteer.get(site_id) if self.gazetteer else None
            if found is None:
                raise row.fail("site_id", f"{site_id!r} is not in the gazetteer")
        elif name and self.gazetteer is not None:
            candidates = self.gazetteer.lookup(name, limit=10 if lat is not None else 1)
            if lat is not None and lon is not None:  # the row's point wins over a namesake
                candidates = [c for c in candidates if _km(lon, lat, c.lon, c.lat) <= NEAR_KM]
            found = candidates[0] if candidates else None
        out: dict[str, Any] = {
            "place_id": found.id if found else "",
            "place_name": name or (found.name if found else ""),
            "admin1": found.admin1 if found else "",
            # a site the gazetteer only knows approximately (placed at its city centre) is 2
            "precision_default": max(_PRECISION_BY_KIND.get(found.kind, 2), found.precision)
            if found
            else 1,
        }
        if lat is not None and lon is not None:
            out["geometry"] = point(lon, lat)
            # the admin-1 boundaries we hold are the area of interest's: a place abroad keeps
            # its own
            home = getattr(self.gazetteer, "area_of_interest", "KZ")
            abroad = found is not None and found.country_code not in ("", home)
            if self.gazetteer is not None and hasattr(self.gazetteer, "admin1_at") and not abroad:
                out["admin1"] = self.gazetteer.admin1_at(lon, lat) or out["admin1"]
            return out, None
        if found is not None:
            out["geometry"] = point(found.lon, found.lat)
            return out, None
        out["geometry"] = None
        if not name:
            return out, "a local record needs a place, a site_id or lat/lon"
        return out, f"place {name!r} is not in the gazetteer and the row has no lat/lon"


def _read_records(
    path: Path,
    columns: tuple[str, ...],
    parse: Callable[[Row], dict[str, Any]],
    placer: _Placer,
    *,
    strict: bool,
    label: str,
    max_bytes: int | None = None,
    rows: Iterable[Row] | None = None,
) -> tuple[list[dict[str, Any]], list[Unplaced]]:
    records: list[dict[str, Any]] = []
    unplaced: list[Unplaced] = []
    if rows is None:
        rows = read_rows(path, columns, label=label, max_bytes=max_bytes)
    for row in rows:
        rec = parse(row)
        rec["_line"] = row.line
        if rec["scope"] == "national":
            rec.update(place_id="", place_name=row.text("place"), admin1="", geometry=None)
            rec["geo_precision"] = rec["geo_precision"] or None
        else:
            placed, reason = placer.place(row)
            default_precision = placed.pop("precision_default")
            rec.update(placed)
            rec["geo_precision"] = rec["geo_precision"] or default_precision
            if reason:
                if strict:
                    raise row.fail("place", reason)
                unplaced.append(Unplaced(label, row.line, rec["id"], reason))
        records.append(rec)
    return records, unplaced


def _parse_common(row: Row) -> dict[str, Any]:
    return {
        "id": row.text("id", required=True),
        "scope": row.choice("scope", SCOPES, default="local"),
        "geo_precision": row.precision("geo_precision"),
        "count_note": row.text("count_note"),
        "description": row.text("description"),
        "certainty": row.choice("certainty", CERTAINTIES, default="reported"),
        "sources": row.sources(),
    }


def _parse_event(row: Row) -> dict[str, Any]:
    rec = _parse_common(row)
    rec.update(
        date=row.date("date"),
        time_precision=row.precision("time_precision") or 1,
        layer=row.choice("layer", EVENT_LAYERS),
        event_type=row.text("event_type"),
        sub_event_type=row.text("sub_event_type"),
        fatalities=row.count("fatalities"),
        injured=row.count("injured"),
        detained=row.count("detained"),
        actor1=row.text("actor1"),
        actor2=row.text("actor2"),
    )
    return rec


def _parse_state(row: Row) -> dict[str, Any]:
    rec = _parse_common(row)
    layer = row.choice("layer", STATE_LAYERS)
    start, end = row.date("valid_from"), row.date("valid_to", required=False)
    if end is not None and end < start:
        raise row.fail("valid_to", f"{end.date()} is before valid_from {start.date()}")
    rec.update(
        layer=layer,
        subject=row.text("subject", required=True),
        status=row.choice("status", STATUSES[layer]),
        valid_from=start,
        valid_to=end,
        troops=row.count("troops"),
        actor=row.text("actor"),
    )
    return rec


def _parse_figure(row: Row) -> dict[str, Any]:
    return {
        "id": row.text("id", required=True),
        "date": row.date("date"),
        "metric": row.choice("metric", METRICS),
        "value": row.count("value") if row.text("value", required=True) else None,
        "qualifier": row.choice("qualifier", QUALIFIERS, default="exact"),
        "part": row.text("part"),
        "reported_by": row.text("reported_by"),
        "certainty": row.choice("certainty", CERTAINTIES, default="reported"),
        "note": row.text("note"),
        "sources": row.sources(),
        "_line": row.line,
    }


# Row validation without placing, for the store's import (geo.store): the same rules as the
# loaders. Row (geo.csvrows) is the row type a RowSource (the store) hands to load_dataset.
parse_event_row = _parse_event
parse_state_row = _parse_state
parse_figure_row = _parse_figure

_INT_COLUMNS = ("fatalities", "injured", "detained", "troops", "time_precision", "geo_precision")


def _frame_columns(columns: Iterable[str]) -> list[str]:
    return [*dict.fromkeys([*columns, "place_id", "place_name", "admin1", "_line"]), "geometry"]


def _frame(records: list[dict[str, Any]], columns: Iterable[str]) -> gpd.GeoDataFrame:
    """A GeoDataFrame in EPSG:4326 with nullable integer counts; geometry None when unplaced."""
    frame = pd.DataFrame.from_records(records, columns=_frame_columns(columns)) if records else None
    return _frame_of(frame, columns)


def _frame_of(frame: pd.DataFrame | None, columns: Iterable[str] = ()) -> gpd.GeoDataFrame:
    """_frame's typing of a frame of records (None: no records, ``columns`` give the shape)."""
    if frame is None:
        frame = pd.DataFrame({c: pd.Series(dtype="object") for c in _frame_columns(columns)})
    for c in _INT_COLUMNS:
        if c in frame:
            frame[c] = pd.array(frame[c].tolist(), dtype="Int64")
    for c in ("date", "valid_from", "valid_to"):
        if c in frame:
            frame[c] = pd.to_datetime(frame[c])
    for c in ("lat", "lon"):
        if c in frame:
            frame = frame.drop(columns=c)
    return gpd.GeoDataFrame(frame, geometry="geometry", crs=CRS)


def _check_unique(ids: list[tuple[str, str, int]]) -> None:
    seen: dict[str, tuple[str, int]] = {}
    for file, rid, line in ids:
        if rid in seen:
            first_file, first_line = seen[rid]
            msg = f"id {rid!r} is already used at {first_file}, line {first_line}"
            raise DataError(file, line, "id", msg)
        seen[rid] = (file, line)


# --- vectorised loading ----------------------------------------------------------------------
#
# The loaders validate and place whole columns: each rule runs once per distinct cell value
# (a file holds few distinct dates, layers or counts) through the same Row getter as the row
# path, so a value is accepted exactly when the row path accepts it. When any row breaks a
# rule, the row path reads that row again and raises its message (file, line, field).


@dataclass(frozen=True)
class Cells:
    """One record file's cells as text ("" when empty), by column, and each row's line.

    A source that holds typed values (the store) may hand a column as ``coded`` (each row's
    index into the column's distinct cells) or, for coordinates, as ``numbers`` (floats and
    which cells are empty): the text of such a column is made only when a row path asks."""

    label: str
    columns: dict[str, list[str]]
    lines: list[int]
    coded: dict[str, tuple[np.ndarray, list[str]]] = field(default_factory=dict)
    numbers: dict[str, tuple[np.ndarray, np.ndarray]] = field(default_factory=dict)
    placed: Placed | None = None  # the store's placements of these rows, if it keeps them
    # columns whose cells the source knows have no spaces around them (str.strip keeps them)
    stripped: frozenset[str] = frozenset()

    def __len__(self) -> int:
        return len(self.lines)

    def get(self, name: str) -> list[str]:
        """A column's cells; a column the file lacks reads as empty cells."""
        column = self.columns.get(name)
        if column is not None:
            return column
        if name in self.coded:
            codes, distinct = self.coded[name]
            column = np.asarray(distinct, dtype=object)[codes].tolist()
        elif name in self.numbers:
            x, empty = self.numbers[name]
            column = ["" if e else repr(v) for v, e in zip(x.tolist(), empty.tolist(), strict=True)]
        else:
            return [""] * len(self.lines)
        self.columns[name] = column  # made once, as the file's columns are
        return column

    def factorized(self, name: str) -> tuple[np.ndarray, list[str]]:
        """A column as (each row's index into its distinct cells, the distinct cells)."""
        if name in self.coded:
            return self.coded[name]
        codes, distinct = pd.factorize(np.asarray(self.get(name), dtype=object))
        return codes, list(distinct)

    def row(self, i: int) -> Row:
        """Row i as the row path reads it."""
        names = dict.fromkeys([*self.columns, *self.coded, *self.numbers])
        return Row(self.label, self.lines[i], {c: self.get(c)[i] for c in names})

    @classmethod
    def from_rows(cls, label: str, rows: Iterable[Row]) -> Cells:
        """The cells of rows read one by one (a CSV file, or a store's RowSource)."""
        rows = list(rows)
        names = list(dict.fromkeys(name for r in rows[:1] for name in r.cells))
        columns = {name: [r.cells.get(name) or "" for r in rows] for name in names}
        for r in rows:  # rows of one file share their header; any other column is kept too
            for name in r.cells.keys() - columns.keys():
                columns[name] = [x.cells.get(name) or "" for x in rows]
        return cls(label, columns, [r.line for r in rows])


def _by_value(
    factorized: tuple[np.ndarray, list[str]], convert: Callable[[str], Any]
) -> tuple[np.ndarray, np.ndarray]:
    """``convert`` applied once per distinct value of a factorized column (Cells.factorized):
    (results, which rows it refused)."""
    codes, uniques = factorized
    out = np.empty(len(uniques), dtype=object)
    refused = np.zeros(len(uniques), dtype=bool)
    for k, value in enumerate(uniques):
        try:
            out[k] = convert(value)
        except DataError:
            refused[k] = True
    if not len(codes):
        return np.empty(0, dtype=object), np.zeros(0, dtype=bool)
    return out[codes], refused[codes]


class _Columns:
    """A file's columns read through Row getters, collecting the rows any rule refuses."""

    def __init__(self, cells: Cells) -> None:
        self.cells = cells
        self.bad = np.zeros(len(cells), dtype=bool)

    def text(self, name: str) -> np.ndarray:
        return _stripped(self.cells.get(name), known=name in self.cells.stripped)

    def read(self, name: str, getter: str, *args: Any, where: Any = None, **kw: Any) -> np.ndarray:
        """Column ``name`` through ``Row.<getter>``; ``where``: only those rows must pass."""

        def convert(value: str) -> Any:
            return getattr(Row("", 0, {name: value}), getter)(name, *args, **kw)

        values, refused = _coords(self.cells, name, args[0]) if getter == "coord" else (None, None)
        if getter == "text" and not args and set(kw) <= {"required"}:
            # Row.text is a strip (ids and subjects are nearly all distinct: no memo)
            values = _stripped(self.cells.get(name), known=name in self.cells.stripped)
            refused = values == "" if kw.get("required") else np.zeros(len(values), dtype=bool)
        if values is None:
            values, refused = _by_value(self.cells.factorized(name), convert)
        self.bad |= refused if where is None else refused & where
        return values


def _stripped(cells: list[str], *, known: bool = False) -> np.ndarray:
    """Row.text of every cell (cells are text): the value without surrounding spaces
    (``known``: the source found none, so the cells are their own text)."""
    out = np.empty(len(cells), dtype=object)
    out[:] = cells if known else [c.strip() for c in cells]
    return out


def _coords(cells: Cells, name: str, limit: float) -> tuple[np.ndarray | None, np.ndarray | None]:
    """Row.coord for a whole column: float() on every cell (a C loop over the same float()),
    None for empty cells; (None, None) when some cell is not a number (the getter decides).
    A column the source holds as floats is read as they are (float(repr(x)) is x)."""
    if name in cells.numbers:
        x, empty = cells.numbers[name]
        x = np.where(empty, np.nan, x)
    else:
        text = cells.get(name)
        empty = np.fromiter((not c or c.isspace() for c in text), dtype=bool, count=len(text))
        x = np.full(len(text), np.nan)
        try:
            x[~empty] = np.asarray(text, dtype=object)[~empty].astype(float)
        except ValueError:
            return None, None
    with np.errstate(invalid="ignore"):
        refused = ~empty & ~((-limit <= x) & (x <= limit))
    values = x.astype(object)
    values[empty] = None
    return values, refused


def _is_none(values: np.ndarray) -> np.ndarray:
    return np.fromiter((v is None for v in values), dtype=bool, count=len(values))


def _km_many(lon: np.ndarray, lat: np.ndarray, lon2: float, lat2: float) -> np.ndarray:
    """``_km`` from many points to one (the same formula, element by element)."""
    dx = np.radians(lon2 - lon) * np.cos(np.radians((lat + lat2) / 2))
    return 6371.0 * np.hypot(dx, np.radians(lat2 - lat))


def _common_columns(read: _Columns) -> dict[str, Any]:
    return {
        "id": read.read("id", "text", required=True),
        "scope": read.read("scope", "choice", SCOPES, default="local"),
        "geo_precision": read.read("geo_precision", "precision"),
        "count_note": read.text("count_note"),
        "description": read.text("description"),
        "certainty": read.read("certainty", "choice", CERTAINTIES, default="reported"),
        "sources": read.read("sources", "sources"),
    }


def _event_columns(read: _Columns) -> dict[str, Any]:
    cols = _common_columns(read)
    precision = read.read("time_precision", "precision")
    cols.update(
        date=read.read("date", "date"),
        time_precision=np.where(_is_none(precision), 1, precision),
        layer=read.read("layer", "choice", EVENT_LAYERS),
        event_type=read.text("event_type"),
        sub_event_type=read.text("sub_event_type"),
        fatalities=read.read("fatalities", "count"),
        injured=read.read("injured", "count"),
        detained=read.read("detained", "count"),
        actor1=read.text("actor1"),
        actor2=read.text("actor2"),
    )
    return cols


def _state_columns(read: _Columns) -> dict[str, Any]:
    cols = _common_columns(read)
    layer = read.read("layer", "choice", STATE_LAYERS)
    start = read.read("valid_from", "date")
    end = read.read("valid_to", "date", required=False)
    read.bad |= (pd.to_datetime(pd.Series(end)) < pd.to_datetime(pd.Series(start))).to_numpy()
    statuses = read.cells.get("status")
    seen: dict[tuple[Any, str], Any] = {}
    status = np.empty(len(statuses), dtype=object)
    for i, key in enumerate(zip(layer, statuses, strict=True)):
        if key not in seen:
            try:
                allowed = STATUSES[key[0]] if key[0] in STATUSES else ()
                seen[key] = Row("", 0, {"status": key[1]}).choice("status", allowed)
            except DataError:
                seen[key] = DataError
        status[i] = seen[key]
    refused = np.fromiter((v is DataError for v in status), dtype=bool, count=len(status))
    read.bad |= refused
    cols.update(
        layer=layer,
        subject=read.read("subject", "text", required=True),
        status=np.where(refused, "", status),
        valid_from=start,
        valid_to=end,
        troops=read.read("troops", "count"),
        actor=read.text("actor"),
    )
    return cols


def _place_columns(
    read: _Columns,
    cols: dict[str, Any],
    gazetteer: Gazetteer | None,
    *,
    strict: bool,
    stored: Placed | None = None,
) -> list[tuple[int, str]]:
    """Placement columns for every row (national rows as the row path leaves them); the
    (row, reason) of local rows left unplaced. ``stored``: placements kept in the store for
    this gazetteer (rows it marks fresh are not placed again)."""
    n = len(read.cells)
    local = cols["scope"] != "national"
    name = read.text("place")
    got = _placement(read, local, gazetteer, stored)
    has_point, lon_f, lat_f, is_found = got.has_point, got.lon, got.lat, got.found
    geometry = np.full(n, None, dtype=object)
    if has_point.any():
        geometry[has_point] = shapely.points(lon_f[has_point], lat_f[has_point])
    by_found = local & ~has_point & is_found
    if by_found.any():
        rows = np.flatnonzero(by_found)
        geometry[rows] = shapely.points(got.place_lon[rows], got.place_lat[rows])
    unplaced_rows = np.flatnonzero(local & ~has_point & ~is_found)
    unplaced = [
        (int(i), f"place {name[i]!r} is not in the gazetteer and the row has no lat/lon"
         if name[i] else "a local record needs a place, a site_id or lat/lon")
        for i in unplaced_rows
    ]  # fmt: skip
    if strict and len(unplaced_rows):
        read.bad[unplaced_rows] = True
    precision = cols["geo_precision"]
    cols["geo_precision"] = np.where(
        _is_none(precision), np.where(local, got.precision, None), precision
    )
    cols["place_id"] = np.where(local, got.place_id, "")
    cols["place_name"] = np.where(local & (name == ""), got.name, name)
    cols["admin1"] = np.where(local, got.admin1, "")
    cols["geometry"] = np.where(local, geometry, None)
    return unplaced


@dataclass(frozen=True)
class Placed:
    """Placements the store keeps, by row: which rows' placement is fresh (made with the
    gazetteer in use, from the row as it is now), their place id ("" when none was found)
    and admin-1 code (geo.store writes and reads them; placement_key names the gazetteer)."""

    fresh: np.ndarray
    place_id: list[str | None]
    admin1: list[str | None]


@dataclass(frozen=True)
class _Placement:
    """Each row's placement: its own point (if any), the place found and the admin-1."""

    has_point: np.ndarray
    lon: np.ndarray
    lat: np.ndarray
    found: np.ndarray
    place_id: np.ndarray
    name: np.ndarray
    admin1: np.ndarray
    precision: np.ndarray
    place_lon: np.ndarray
    place_lat: np.ndarray


def _placement(
    read: _Columns, local: np.ndarray, gazetteer: Gazetteer | None, stored: Placed | None
) -> _Placement:
    """Validate the placing columns (read.bad) and place every local row: by site id, by
    name (the row's point wins over a namesake), admin-1 by the point. Rows ``stored``
    marks fresh take its place id and admin-1 instead of asking the gazetteer again."""
    n = len(read.cells)
    site_id, name = read.text("site_id"), read.text("place")
    lat = read.read("lat", "coord", 90.0, where=local)
    lon = read.read("lon", "coord", 180.0, where=local)
    no_lat, no_lon = _is_none(lat), _is_none(lon)
    read.bad |= local & (no_lat != no_lon)
    has_point = local & ~no_lat & ~no_lon & ~read.bad  # a refused row is not placed at all
    lat_f = np.where(has_point, lat, np.nan).astype(float)
    lon_f = np.where(has_point, lon, np.nan).astype(float)
    fresh = np.zeros(n, dtype=bool) if stored is None or gazetteer is None else stored.fresh
    need = local & ~fresh
    found = np.full(n, None, dtype=object)
    if fresh.any():  # each stored place once (a data set names few places)
        ids = np.asarray(stored.place_id, dtype=object)
        places = {p: gazetteer.get(p) if p else None for p in set(ids[fresh])}
        found[fresh] = [places[p] for p in ids[fresh]]
        # a stored id the index does not hold (never, with the key that made it): place again
        lost = fresh & _is_none(found) & (ids != "")
        need |= local & lost
        fresh = fresh & ~lost
    by_site = need & (site_id != "")
    if by_site.any():
        if gazetteer is None:
            read.bad |= by_site
        else:
            places = {s: gazetteer.get(s) for s in set(site_id[by_site])}
            found[by_site] = [places[s] for s in site_id[by_site]]
            read.bad |= by_site & _is_none(found)
    read.bad |= fresh & local & (site_id != "") & _is_none(found)
    by_name = need & (site_id == "") & (name != "")
    if gazetteer is not None and by_name.any():
        for value in set(name[by_name]):
            rows = np.flatnonzero(by_name & (name == value))
            candidates = gazetteer.lookup(value, limit=10)
            if not candidates:
                continue
            point_rows = rows[has_point[rows]]
            found[rows[~has_point[rows]]] = candidates[0]
            left = np.ones(len(point_rows), dtype=bool)  # the row's point wins over a namesake
            for c in candidates:
                km = _km_many(lon_f[point_rows], lat_f[point_rows], c.lon, c.lat)
                edge = np.abs(km - NEAR_KM) < 1e-6  # the row path's own arithmetic decides
                for j in np.flatnonzero(edge):
                    km[j] = _km(lon_f[point_rows[j]], lat_f[point_rows[j]], c.lon, c.lat)
                hit = left & (km <= NEAR_KM)
                found[point_rows[hit]] = c
                left &= ~hit
    # each distinct place's columns once (a data set names few places), then spread by row
    first, which = np.unique(np.fromiter(map(id, found), dtype=np.uint64, count=n),
                             return_index=True, return_inverse=True)[1:]  # fmt: skip
    per_place = [None if p is None else (p.id, p.name, p.admin1, p.country_code,
                 max(_PRECISION_BY_KIND.get(p.kind, 2), p.precision), p.lon, p.lat)
                 for p in found[first]]  # fmt: skip

    def spread(k: int, missing: Any, dtype: Any = object) -> np.ndarray:
        return np.array([missing if d is None else d[k] for d in per_place], dtype=dtype)[which]

    is_found = np.array([d is not None for d in per_place], dtype=bool)[which]
    admin1 = spread(2, "")
    if fresh.any():
        admin1[fresh] = np.asarray(stored.admin1, dtype=object)[fresh]
    home = getattr(gazetteer, "area_of_interest", "KZ")
    abroad = np.array([d is not None and d[3] not in ("", home) for d in per_place],
                      dtype=bool)[which]  # fmt: skip
    ask = has_point & ~abroad & ~fresh
    if gazetteer is not None and hasattr(gazetteer, "admin1_at") and ask.any():
        rows = np.flatnonzero(ask)
        if hasattr(gazetteer, "admin1_codes"):
            codes = gazetteer.admin1_codes(lon_f[rows], lat_f[rows])
        else:
            codes = [gazetteer.admin1_at(x, y) for x, y in zip(lon_f[rows], lat_f[rows],
                                                                strict=True)]  # fmt: skip
        admin1[rows] = [c or a for c, a in zip(codes, admin1[rows], strict=True)]
    return _Placement(
        has_point=has_point, lon=lon_f, lat=lat_f, found=is_found, place_id=spread(0, ""),
        name=spread(1, ""), admin1=admin1, precision=spread(4, 1),
        place_lon=spread(5, np.nan, float), place_lat=spread(6, np.nan, float),
    )  # fmt: skip


def _load_columns(
    cells: Cells, kind: str, gazetteer: Gazetteer | None, *, strict: bool
) -> tuple[gpd.GeoDataFrame, list[Unplaced]] | int:
    """The frame and unplaced rows of a file's cells, or the index of its first bad row."""
    read = _Columns(cells)
    cols = _event_columns(read) if kind == "event" else _state_columns(read)
    unplaced = _place_columns(read, cols, gazetteer, strict=strict, stored=cells.placed)
    if read.bad.any():
        return int(np.argmax(read.bad))
    cols["_line"] = cells.lines
    columns = EVENT_COLUMNS if kind == "event" else STATE_COLUMNS
    # arrays as they are (a list of each first cost pandas a second look at every value)
    listed = {name: _column(values) for name, values in cols.items()}
    listed["place"] = listed["site_id"] = np.full(len(cells), np.nan)  # as the row path leaves them
    frame = pd.DataFrame(listed, columns=_frame_columns(columns)) if len(cells) else None
    frame = _frame_of(frame, columns)
    ids = cols["id"]
    return frame, [Unplaced(cells.label, cells.lines[i], ids[i], why) for i, why in unplaced]


def _load_cells(
    cells: Cells,
    path: Path,
    columns: tuple[str, ...],
    kind: str,
    gazetteer: Gazetteer | None,
    *,
    strict: bool,
) -> tuple[gpd.GeoDataFrame, list[Unplaced]]:
    """Events or states from cells: columns at once, or the row path's message for a bad row."""
    got = _load_columns(cells, kind, gazetteer, strict=strict)
    if not isinstance(got, int):
        return got
    parse = _parse_event if kind == "event" else _parse_state
    placer = _Placer(gazetteer)
    rows = [cells.row(got)]  # raises its own message; if not, the row path reads every row
    for attempt in (rows, [cells.row(i) for i in range(len(cells))]):
        records, unplaced = _read_records(path, columns, parse, placer, strict=strict,
                                          label=cells.label, rows=attempt)  # fmt: skip
    return _frame(records, columns), unplaced


def _figure_frame(cells: Cells) -> pd.DataFrame | int:
    """National figures from cells, or the index of the first bad row."""
    cols = _figure_columns(cells)
    if isinstance(cols, int):
        return cols
    return pd.DataFrame({name: _column(values) for name, values in cols.items()})


def _column(values: Any) -> Any:
    """A column for pd.DataFrame: an object array as it is, anything else as a list."""
    if isinstance(values, np.ndarray) and values.dtype == object:
        return values
    return list(values)


def _figure_columns(cells: Cells) -> dict[str, Any] | int:
    """National figures' columns from cells, or the index of the first bad row."""
    read = _Columns(cells)
    required = read.read("value", "text", required=True)
    value = read.read("value", "count")
    cols = {
        "id": read.read("id", "text", required=True),
        "date": read.read("date", "date"),
        "metric": read.read("metric", "choice", METRICS),
        "value": np.where(required == "", None, value),
        "qualifier": read.read("qualifier", "choice", QUALIFIERS, default="exact"),
        "part": read.text("part"),
        "reported_by": read.text("reported_by"),
        "certainty": read.read("certainty", "choice", CERTAINTIES, default="reported"),
        "note": read.text("note"),
        "sources": read.read("sources", "sources"),
        "_line": cells.lines,
    }
    if read.bad.any():
        return int(np.argmax(read.bad))
    return cols


def parse_columns(
    cells: Cells, kind: str, *, gazetteer: Gazetteer | None = None
) -> dict[str, Any] | int:
    """A file's cells validated and typed by column (the store's import): the same values as
    the ``parse_*_row`` functions plus lat, lon, place and site_id, or the index of the first
    row some rule refuses (its row path then raises the message). With a ``gazetteer``, also
    "_placed": each row's placement as the store keeps it (Placed), unless a row could not be
    placed (a site id the gazetteer lacks, half a point: the loaders then say why)."""
    if kind == "figure":
        return _figure_columns(cells)
    read = _Columns(cells)
    cols = _event_columns(read) if kind == "event" else _state_columns(read)
    cols["lat"] = read.read("lat", "coord", 90.0)
    cols["lon"] = read.read("lon", "coord", 180.0)
    cols["place"], cols["site_id"] = read.text("place"), read.text("site_id")
    if read.bad.any():
        return int(np.argmax(read.bad))
    cols["_line"] = cells.lines
    if gazetteer is not None:
        got = _placement(read, cols["scope"] != "national", gazetteer, None)
        if not read.bad.any():
            fresh = np.ones(len(cells), dtype=bool)
            cols["_placed"] = Placed(fresh, got.place_id.tolist(), got.admin1.tolist())
    return cols


# --- public loaders --------------------------------------------------------------------------


_REQUIRED: dict[str, tuple[str, ...]] = {
    "event": ("id", "date", "layer", "sources"),
    "state": ("id", "layer", "subject", "status", "valid_from", "sources"),
    "figure": ("id", "date", "metric", "value", "sources"),
}


def _cells(
    path: Path,
    kind: str,
    rows: Iterable[Row] | None,
    cells: Cells | None,
    max_bytes: int | None,
    label: str,
) -> Cells:
    """The cells to load: given, from given rows, or read from the file."""
    if cells is not None:
        return cells
    if rows is None:
        rows = read_rows(path, _REQUIRED[kind], label=label, max_bytes=max_bytes)
    return Cells.from_rows(label, rows)


def load_events(
    path: Path,
    gazetteer: Gazetteer | None,
    *,
    strict: bool = True,
    max_bytes: int | None = None,
    rows: Iterable[Row] | None = None,
    cells: Cells | None = None,
) -> tuple[gpd.GeoDataFrame, list[Unplaced]]:
    """Dated events from one CSV (format in data/README.md) and the rows left unplaced.

    ``rows`` or ``cells`` instead of the file's: the same rows from another source (the
    store)."""
    label = cells.label if cells is not None else file_label(path)
    cells = _cells(path, "event", rows, cells, max_bytes, label)
    return _load_cells(cells, path, EVENT_COLUMNS, "event", gazetteer, strict=strict)


def load_states(
    path: Path,
    gazetteer: Gazetteer | None,
    *,
    strict: bool = True,
    max_bytes: int | None = None,
    rows: Iterable[Row] | None = None,
    cells: Cells | None = None,
) -> tuple[gpd.GeoDataFrame, list[Unplaced]]:
    """States over intervals from one CSV (or its ``rows``/``cells``) and the rows left
    unplaced."""
    label = cells.label if cells is not None else file_label(path)
    cells = _cells(path, "state", rows, cells, max_bytes, label)
    frame, unplaced = _load_cells(cells, path, STATE_COLUMNS, "state", gazetteer, strict=strict)
    _check_no_overlap(frame, label)
    return frame, unplaced


def load_figures(
    path: Path,
    *,
    max_bytes: int | None = None,
    rows: Iterable[Row] | None = None,
    cells: Cells | None = None,
) -> pd.DataFrame:
    """National figures as reported on each date, side by side (from the file, ``rows`` or
    ``cells``)."""
    label = cells.label if cells is not None else file_label(path)
    cells = _cells(path, "figure", rows, cells, max_bytes, label)
    got = _figure_frame(cells)
    if isinstance(got, int):
        _parse_figure(cells.row(got))  # raises the row's own message
        records = [_parse_figure(cells.row(i)) for i in range(len(cells))]
        got = pd.DataFrame.from_records(records, columns=[*FIGURE_COLUMNS, "_line"])
    frame = got
    frame["value"] = pd.array(frame["value"].tolist(), dtype="Int64")
    frame["date"] = pd.to_datetime(frame["date"])
    return frame


def _check_no_overlap(states: gpd.GeoDataFrame, label: str) -> None:
    """One facility (or one national subject, such as the internet) has one state a day."""
    infra = states[states["layer"] == "infrastructure"]
    keys = infra["place_id"].where(infra["place_id"] != "", "national: " + infra["subject"])
    # Whether two states of one key overlap does not depend on how ties of valid_from are
    # ordered, so a sort finds it at once; the groups are walked only to name the first.
    spans = pd.DataFrame({"key": keys, "start": infra["valid_from"], "end": infra["valid_to"]})
    spans = spans.sort_values(["key", "start"], kind="stable")
    same = spans["key"].eq(spans["key"].shift())
    before = spans["end"].shift()
    if not (same & (before.isna() | (spans["start"] <= before))).any():
        return
    for key, group in infra.groupby(keys):
        group = group.sort_values("valid_from")
        starts, ends = group["valid_from"].tolist(), group["valid_to"].tolist()
        ids, lines = group["id"].tolist(), group["_line"].tolist()
        for i in range(1, len(group)):
            if pd.isna(ends[i - 1]) or starts[i] <= ends[i - 1]:
                msg = f"{key} already has state {ids[i - 1]} in force on {starts[i].date()}"
                raise DataError(label, int(lines[i]), "valid_from", msg)


def load_articles(folder: Path) -> tuple[Article, ...]:
    """Every ``*.txt`` article in a folder, by date then name."""
    if not folder.is_dir():
        return ()
    articles = [read_article(p) for p in sorted(folder.glob("*.txt"))]
    return tuple(sorted(articles, key=lambda a: (a.date, a.path.name)))


class RowSource(Protocol):
    """Where a data set's rows come from when not from the files of a folder (the store)."""

    folder: Path  # the data folder the rows were read from (names files in messages)

    def rows(self, name: str) -> list[Row] | None:
        """The rows of one record file (events.csv, ...), or None when there is no such file.

        A source may also offer ``cells(name) -> Cells | None``, the same rows by column,
        which the loaders read without building a Row per record."""

    def articles(self) -> tuple[Article, ...]:
        """The articles, by date then name."""


def load_dataset(
    settings: Settings,
    gazetteer: Gazetteer | None,
    *,
    strict: bool = True,
    source: RowSource | None = None,
) -> Dataset:
    """The whole data set in ``settings.data_dir`` (or in ``source``): validated and placed,
    or a DataError."""
    folder = Path(settings.data_dir) if source is None else source.folder
    labels = {name: file_label(folder / name) for name in (EVENTS_FILE, STATES_FILE, FIGURES_FILE)}

    def cells(name: str) -> Cells | None:
        if source is None:
            return None
        if hasattr(source, "cells"):  # a source that hands whole columns (the store)
            return source.cells(name)
        rows = source.rows(name)
        return None if rows is None else Cells.from_rows(labels[name], rows)

    given = {name: cells(name) for name in labels}

    def present(name: str) -> bool:
        return (folder / name).exists() if source is None else given[name] is not None

    limit = settings.max_data_bytes
    events, unplaced_e = (
        load_events(folder / EVENTS_FILE, gazetteer, strict=strict, max_bytes=limit,
                    cells=given[EVENTS_FILE])
        if present(EVENTS_FILE) else (_frame([], EVENT_COLUMNS), [])
    )  # fmt: skip
    states, unplaced_s = (
        load_states(folder / STATES_FILE, gazetteer, strict=strict, max_bytes=limit,
                    cells=given[STATES_FILE])
        if present(STATES_FILE) else (_frame([], STATE_COLUMNS), [])
    )  # fmt: skip
    figures = (
        load_figures(folder / FIGURES_FILE, max_bytes=limit, cells=given[FIGURES_FILE])
        if present(FIGURES_FILE)
        else _empty_figures()
    )
    articles = load_articles(folder / ARTICLES_DIR) if source is None else source.articles()
    files = [labels[name] for name in labels if present(name)]
    frames = ((EVENTS_FILE, events), (STATES_FILE, states), (FIGURES_FILE, figures))
    all_ids = pd.concat([frame["id"].astype(object) for _, frame in frames], ignore_index=True)
    if all_ids.duplicated().any():  # the row-by-row check names the first repeat
        _check_unique([
            (labels[name], r, int(n))
            for name, frame in frames
            for r, n in zip(frame.id, frame._line, strict=True)
        ])  # fmt: skip
    known = set(all_ids)
    for article in articles:
        for rid in article.records:
            if rid not in known:
                msg = f"cites record {rid!r}, which no data file holds"
                raise DataError(file_label(article.path), None, "records", msg)
    ds = Dataset(
        events=events,
        states=states,
        figures=figures,
        articles=articles,
        unplaced=tuple(unplaced_e + unplaced_s),
        files=tuple(files),
    )
    return ds


def _empty_figures() -> pd.DataFrame:
    frame = pd.DataFrame({c: pd.Series(dtype="object") for c in [*FIGURE_COLUMNS, "_line"]})
    frame["date"] = pd.to_datetime(frame["date"])
    return frame
