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
import pandas as pd
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


def _frame(records: list[dict[str, Any]], columns: Iterable[str]) -> gpd.GeoDataFrame:
    """A GeoDataFrame in EPSG:4326 with nullable integer counts; geometry None when unplaced."""
    cols = list(dict.fromkeys([*columns, "place_id", "place_name", "admin1", "_line"]))
    frame = pd.DataFrame.from_records(records, columns=[*cols, "geometry"]) if records else None
    if frame is None:
        frame = pd.DataFrame({c: pd.Series(dtype="object") for c in [*cols, "geometry"]})
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


# --- public loaders --------------------------------------------------------------------------


def load_events(
    path: Path,
    gazetteer: Gazetteer | None,
    *,
    strict: bool = True,
    max_bytes: int | None = None,
    rows: Iterable[Row] | None = None,
) -> tuple[gpd.GeoDataFrame, list[Unplaced]]:
    """Dated events from one CSV (format in data/README.md) and the rows left unplaced.

    ``rows`` instead of the file's: the same rows from another source (the store)."""
    placer = _Placer(gazetteer)
    records, unplaced = _read_records(
        path, ("id", "date", "layer", "sources"), _parse_event, placer, strict=strict,
        label=file_label(path), max_bytes=max_bytes, rows=rows,
    )  # fmt: skip
    return _frame(records, EVENT_COLUMNS), unplaced


def load_states(
    path: Path,
    gazetteer: Gazetteer | None,
    *,
    strict: bool = True,
    max_bytes: int | None = None,
    rows: Iterable[Row] | None = None,
) -> tuple[gpd.GeoDataFrame, list[Unplaced]]:
    """States over intervals from one CSV (or its ``rows``) and the rows left unplaced."""
    placer = _Placer(gazetteer)
    records, unplaced = _read_records(
        path, ("id", "layer", "subject", "status", "valid_from", "sources"), _parse_state, placer,
        strict=strict, label=file_label(path), max_bytes=max_bytes, rows=rows,
    )  # fmt: skip
    frame = _frame(records, STATE_COLUMNS)
    _check_no_overlap(frame, file_label(path))
    return frame, unplaced


def load_figures(
    path: Path, *, max_bytes: int | None = None, rows: Iterable[Row] | None = None
) -> pd.DataFrame:
    """National figures as reported on each date, side by side (from the file, or ``rows``)."""
    required = ("id", "date", "metric", "value", "sources")
    if rows is None:
        rows = read_rows(path, required, label=file_label(path), max_bytes=max_bytes)
    records = [_parse_figure(r) for r in rows]
    frame = pd.DataFrame.from_records(records, columns=[*FIGURE_COLUMNS, "_line"])
    frame["value"] = pd.array(frame["value"].tolist(), dtype="Int64")
    frame["date"] = pd.to_datetime(frame["date"])
    return frame


def _check_no_overlap(states: gpd.GeoDataFrame, label: str) -> None:
    """One facility (or one national subject, such as the internet) has one state a day."""
    infra = states[states["layer"] == "infrastructure"]
    keys = infra["place_id"].where(infra["place_id"] != "", "national: " + infra["subject"])
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
        """The rows of one record file (events.csv, ...), or None when there is no such file."""

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

    def rows(name: str) -> list[Row] | None:
        return None if source is None else source.rows(name)

    def present(name: str) -> bool:
        return (folder / name).exists() if source is None else source.rows(name) is not None

    files: list[str] = []
    limit = settings.max_data_bytes
    events, unplaced_e = _optional(
        folder / EVENTS_FILE, load_events, gazetteer, strict, present(EVENTS_FILE),
        rows(EVENTS_FILE), limit,
    )  # fmt: skip
    states, unplaced_s = _optional(
        folder / STATES_FILE, load_states, gazetteer, strict, present(STATES_FILE),
        rows(STATES_FILE), limit,
    )  # fmt: skip
    figures_path = folder / FIGURES_FILE
    figures = (
        load_figures(figures_path, max_bytes=limit, rows=rows(FIGURES_FILE))
        if present(FIGURES_FILE)
        else _empty_figures()
    )
    articles = load_articles(folder / ARTICLES_DIR) if source is None else source.articles()
    for p in (folder / EVENTS_FILE, folder / STATES_FILE, figures_path):
        if present(p.name):
            files.append(file_label(p))
    ids: list[tuple[str, str, int]] = []
    for path, frame in ((folder / EVENTS_FILE, events), (folder / STATES_FILE, states)):
        ids += [(file_label(path), r, int(n)) for r, n in zip(frame.id, frame._line, strict=True)]
    ids += [
        (file_label(figures_path), r, int(n))
        for r, n in zip(figures.id, figures._line, strict=True)
    ]
    _check_unique(ids)
    known = {i for _, i, _ in ids}
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


def _optional(
    path: Path,
    loader: Callable[..., tuple[gpd.GeoDataFrame, list[Unplaced]]],
    gazetteer: Gazetteer | None,
    strict: bool,
    present: bool,
    rows: list[Row] | None,
    max_bytes: int | None,
) -> tuple[gpd.GeoDataFrame, list[Unplaced]]:
    if present:
        return loader(path, gazetteer, strict=strict, max_bytes=max_bytes, rows=rows)
    columns = EVENT_COLUMNS if loader is load_events else STATE_COLUMNS
    return _frame([], columns), []


def _empty_figures() -> pd.DataFrame:
    frame = pd.DataFrame({c: pd.Series(dtype="object") for c in [*FIGURE_COLUMNS, "_line"]})
    frame["date"] = pd.to_datetime(frame["date"])
    return frame
