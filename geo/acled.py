"""ACLED compatibility: read an ACLED export into our events, write our events as ACLED rows.

Import (``load_acled``, ``python -m geo import-acled``) reads the 31 columns of an ACLED export
and returns a frame of the same shape as ``geo.events.load_events`` plus an ``origin`` column
(``"acled"``); ``with_imported`` merges it into a Dataset (our own events get origin
``"crisismap"``) and ``only_origin`` keeps one origin, so the map can show both or either.
Every row is validated before anything is returned: a bad row raises DataError naming the file,
its line and the field.

Mapping, both ways:

- event_type -> layer: Protests -> protests; Riots, Battles, Violence against civilians,
  Explosions/Remote violence -> clashes; Strategic developments -> other. Our export writes a
  ``layer=...`` tag only when a record's layer differs from that mapping, so a round trip keeps it.
- Sources: ACLED names publishers but gives no URLs. Each publisher becomes one of our sources
  ``ACLED: <publisher> <https://acleddata.com/>``: the publisher is who reported it, the URL says
  where the record was taken from (not the report itself). A row with no source gets
  ``ACLED <https://acleddata.com/>``. On export the ``ACLED: `` prefix is dropped again.
- Actors: our actor1 is ACLED's actor1 followed by assoc_actor_1 (joined by ``; ``); same for 2.
- fatalities: ACLED writes 0 when none are reported; so do we on export, and an import keeps 0.
- Counts ACLED has no column for (injured, detained), our count_note and a certainty other than
  ``reported`` travel in ``tags`` as ``key=value; ...`` and are read back from there.
- admin1: ISO 3166-2 codes as of January 2022 <-> names (``ADMIN1_NAMES``). The spelling of
  ACLED's own Kazakhstan admin1 names could not be checked offline; the import accepts the usual
  variants (Region/Oblast/City suffixes, Qaraghandy, Mangghystau, South Kazakhstan, Astana ...).
"""

from __future__ import annotations

import datetime as dt
import functools
import io
import math
import re
import sys
import time
from collections.abc import Callable, Iterable, Iterator
from dataclasses import replace
from pathlib import Path
from typing import TYPE_CHECKING, Any

import geopandas as gpd
import pandas as pd

from geo.articles import file_label
from geo.csvrows import csv_writer, format_sources, parse_sources, read_rows
from geo.errors import DataError, InputError
from geo.events import Dataset, point
from geo.export import is_missing
from geo.layers import OUR_ORIGIN
from geo.schema import CERTAINTIES, CRS, EVENT_COLUMNS, EVENT_LAYERS, Source

if TYPE_CHECKING:
    import argparse

    from geo.config import Settings
    from geo.gazetteer import Gazetteer

ACLED_COLUMNS: tuple[str, ...] = (
    "event_id_cnty",
    "event_date",
    "year",
    "time_precision",
    "disorder_type",
    "event_type",
    "sub_event_type",
    "actor1",
    "assoc_actor_1",
    "inter1",
    "actor2",
    "assoc_actor_2",
    "inter2",
    "interaction",
    "civilian_targeting",
    "iso",
    "region",
    "country",
    "admin1",
    "admin2",
    "admin3",
    "location",
    "latitude",
    "longitude",
    "geo_precision",
    "source",
    "source_scale",
    "notes",
    "fatalities",
    "tags",
    "timestamp",
)

ACLED_URL = "https://acleddata.com/"
ACLED_PREFIX = "ACLED: "
ORIGIN_COLUMN = "origin"
ACLED_ORIGIN = "acled"

LAYER_BY_EVENT_TYPE: dict[str, str] = {
    "Protests": "protests",
    "Riots": "clashes",
    "Battles": "clashes",
    "Violence against civilians": "clashes",
    "Explosions/Remote violence": "clashes",
    "Strategic developments": "other",
}
# When one of our events has no ACLED event_type, the export falls back to this one per layer.
DEFAULT_EVENT_TYPE: dict[str, str] = {
    "protests": "Protests",
    "clashes": "Riots",
    "other": "Strategic developments",
}
DISORDER_TYPE: dict[str, str] = {
    "Protests": "Demonstrations",
    "Riots": "Demonstrations",
    "Battles": "Political violence",
    "Violence against civilians": "Political violence",
    "Explosions/Remote violence": "Political violence",
    "Strategic developments": "Strategic developments",
}

# Kazakhstan as ACLED names it.
KZ_ISO_NUMERIC = "398"
KZ_COUNTRY = "Kazakhstan"
KZ_REGION = "Central Asia and the Caucasus"

ADMIN1_NAMES: dict[str, str] = {
    "KZ-AKM": "Akmola",
    "KZ-AKT": "Aktobe",
    "KZ-ALA": "Almaty City",
    "KZ-ALM": "Almaty",
    "KZ-AST": "Nur-Sultan",
    "KZ-ATY": "Atyrau",
    "KZ-KAR": "Karaganda",
    "KZ-KUS": "Kostanay",
    "KZ-KZY": "Kyzylorda",
    "KZ-MAN": "Mangystau",
    "KZ-PAV": "Pavlodar",
    "KZ-SEV": "North Kazakhstan",
    "KZ-SHY": "Shymkent",
    "KZ-VOS": "East Kazakhstan",
    "KZ-YUZ": "Turkistan",
    "KZ-ZAP": "West Kazakhstan",
    "KZ-ZHA": "Zhambyl",
}
_ADMIN1_VARIANTS: dict[str, str] = {
    "aqmola": "KZ-AKM",
    "aqtobe": "KZ-AKT",
    "aqtöbe": "KZ-AKT",
    "astana": "KZ-AST",
    "karagandy": "KZ-KAR",
    "qaraghandy": "KZ-KAR",
    "qostanay": "KZ-KUS",
    "kostanai": "KZ-KUS",
    "qyzylorda": "KZ-KZY",
    "mangistau": "KZ-MAN",
    "mangghystau": "KZ-MAN",
    "manghystau": "KZ-MAN",
    "turkestan": "KZ-YUZ",
    "south kazakhstan": "KZ-YUZ",
    "jambyl": "KZ-ZHA",
    "nursultan": "KZ-AST",
}
_ALMATY_CENTRE = (76.9115, 43.25249)  # lon, lat; "Almaty" alone is the city within 25 km

# Inter codes (ACLED's numeric actor types) for the actor names we use; unknown -> empty.
_STATE_FORCES = (
    r"\b(police|army|military|national guard|security (service|forces)|knb|interior ministry"
    r"|forces of kazakhstan|government of kazakhstan)\b"
)
_INTER_RULES: tuple[tuple[str, int], ...] = (
    (_STATE_FORCES, 1),
    (r"\b(csto|collective security|russia|armenia|belarus|tajikistan|kyrgyzstan)\b", 8),
    (r"\brioters?\b", 5),
    (r"\bprotesters?\b", 6),
    (r"\bcivilians?\b", 7),
)

# Publishers whose scale we know: Kazakh outlets are National, foreign ones International.
_NATIONAL = {
    "inform.kz",
    "kazinform",
    "tengrinews",
    "kursiv",
    "vlast.kz",
    "azattyq",
    "akorda",
    "orda.kz",
    "kaztag",
    "zakon.kz",
    "khabar",
    "interior ministry",
    "prosecutor general",
}
_INTERNATIONAL = {
    "tass",
    "reuters",
    "ap",
    "associated press",
    "afp",
    "bbc",
    "rfe/rl",
    "interfax",
    "al jazeera",
    "eurasianet",
    "csto",
    "ria novosti",
    "the guardian",
    "dw",
    "euronews",
    "cnn",
    "xinhua",
    "human rights watch",
    "amnesty international",
}

_TAG_KEYS = ("layer", "injured", "detained", "count note", "certainty")
_DATE_FORMATS = ("%Y-%m-%d", "%d %B %Y", "%d-%B-%Y", "%d %b %Y")


# --- import ----------------------------------------------------------------------------------


def _rows(path: Path, label: str) -> Iterator[tuple[int, dict[str, str]]]:
    """(first line of the row, stripped cells) for each non-empty row of an ACLED export."""
    hint = f"an ACLED export has: {', '.join(ACLED_COLUMNS)}"
    for row in read_rows(path, ACLED_COLUMNS, label=label, hint=hint):
        yield row.line, {k: (v or "").strip() for k, v in row.cells.items()}


class _AcledRow:
    """Typed getters for one ACLED row; each raises DataError naming file, line and field."""

    def __init__(self, label: str, line: int, cells: dict[str, str]) -> None:
        self.label, self.line, self.cells = label, line, cells

    def fail(self, name: str, problem: str) -> DataError:
        return DataError(self.label, self.line, name, problem)

    def text(self, name: str, *, required: bool = False) -> str:
        value = self.cells.get(name, "")
        if required and not value:
            raise self.fail(name, "is empty but required")
        return value

    def date(self, name: str) -> dt.date:
        value = self.text(name, required=True)
        for fmt in _DATE_FORMATS:
            try:
                return dt.datetime.strptime(value, fmt).date()
            except ValueError:
                continue
        raise self.fail(name, f"{value!r} is not a date (YYYY-MM-DD or '05 January 2022')")

    def integer(self, name: str, *, low: int = 0, high: int | None = None) -> int | None:
        value = self.text(name).replace(",", "")
        if not value:
            return None
        if not re.fullmatch(r"-?\d+", value):
            raise self.fail(name, f"{value!r} is not a whole number")
        n = int(value)
        if n < low or (high is not None and n > high):
            allowed = f"{low}..{high}" if high is not None else f"at least {low}"
            raise self.fail(name, f"{n} is out of range ({allowed})")
        return n

    def coordinate(self, name: str, limit: float) -> float:
        value = self.text(name, required=True)
        try:
            x = float(value)
        except ValueError:
            raise self.fail(name, f"{value!r} is not a number") from None
        if not math.isfinite(x) or not -limit <= x <= limit:
            raise self.fail(name, f"{value} is out of range [-{limit:g}, {limit:g}]")
        return x


def _split(cell: str) -> list[str]:
    return [p.strip() for p in cell.split(";") if p.strip()]


def parse_tags(cell: str) -> dict[str, str]:
    """``key=value; key=value`` -> dict (ACLED's own tags such as ``crowd size=...`` included)."""
    out: dict[str, str] = {}
    for part in _split(cell):
        key, sep, value = part.partition("=")
        if sep:
            out[key.strip().lower()] = value.strip()
    return out


def acled_sources(cell: str) -> str:
    """ACLED's ``source`` cell as our sources cell (see the module notes)."""
    publishers = _split(cell)
    if not publishers:
        return format_sources([Source("ACLED", ACLED_URL)])
    return format_sources(
        Source(ACLED_PREFIX + p.replace("<", "(").replace(">", ")"), ACLED_URL) for p in publishers
    )


def admin1_code(name: str, lon: float, lat: float, gazetteer: Gazetteer | None = None) -> str:
    """The ISO 3166-2 code (January 2022) for an ACLED admin1 name and point, or ""."""
    if gazetteer is not None and hasattr(gazetteer, "admin1_at"):
        found = gazetteer.admin1_at(lon, lat)
        if found:
            return found
    key = re.sub(r"\s+(region|oblast|oblysy|province|city)$", "", name.strip().lower())
    key = re.sub(r"^city of\s+", "", key)
    if key == "almaty" and not name.lower().endswith(("region", "oblast", "province")):
        near = _km(lon, lat, *_ALMATY_CENTRE) <= 25 or name.lower().startswith("city of")
        return "KZ-ALA" if near or name.lower().endswith("city") else "KZ-ALM"
    for code, known in ADMIN1_NAMES.items():
        if key == known.lower() or key == known.lower().removesuffix(" city"):
            return code
    if key.replace("-", "") in _ADMIN1_VARIANTS or key in _ADMIN1_VARIANTS:
        return _ADMIN1_VARIANTS.get(key) or _ADMIN1_VARIANTS[key.replace("-", "")]
    if gazetteer is not None and name:
        hits = gazetteer.lookup(name, kinds=("admin1",), limit=1)
        if hits:
            return hits[0].admin1
    return ""


def _km(lon1: float, lat1: float, lon2: float, lat2: float) -> float:
    dx = math.radians(lon2 - lon1) * math.cos(math.radians((lat1 + lat2) / 2))
    return 6371.0 * math.hypot(dx, math.radians(lat2 - lat1))


def _parse_acled_row(row: _AcledRow, gazetteer: Gazetteer | None) -> dict[str, Any]:
    event_type = row.text("event_type", required=True)
    if event_type not in LAYER_BY_EVENT_TYPE:
        raise row.fail(
            "event_type", f"{event_type!r} is not one of {', '.join(LAYER_BY_EVENT_TYPE)}"
        )
    day = row.date("event_date")
    year = row.integer("year", low=1900, high=2200)
    if year is not None and year != day.year:
        raise row.fail("year", f"{year} does not match event_date {day.isoformat()}")
    lat = row.coordinate("latitude", 90.0)
    lon = row.coordinate("longitude", 180.0)
    tags = parse_tags(row.text("tags"))
    layer = LAYER_BY_EVENT_TYPE[event_type]
    if tags.get("layer") in EVENT_LAYERS:
        layer = tags["layer"]
    certainty = tags.get("certainty", "reported")
    if certainty not in CERTAINTIES:
        raise row.fail("tags", f"certainty={certainty!r} is not one of {', '.join(CERTAINTIES)}")
    counts = {}
    for key in ("injured", "detained"):
        value = tags.get(key, "").replace(",", "")
        if value and not value.isdigit():
            raise row.fail("tags", f"{key}={tags[key]!r} is not a whole number")
        counts[key] = int(value) if value else None
    location = row.text("location")
    place_id = ""
    if gazetteer is not None and location:
        hits = gazetteer.lookup(location, limit=1)
        place_id = hits[0].id if hits else ""
    actors = [
        "; ".join(_split(row.text(a)) + _split(row.text(assoc)))
        for a, assoc in (("actor1", "assoc_actor_1"), ("actor2", "assoc_actor_2"))
    ]
    return {
        "id": row.text("event_id_cnty", required=True),
        "date": pd.Timestamp(day),
        "time_precision": row.integer("time_precision", low=1, high=3) or 1,
        "layer": layer,
        "event_type": event_type,
        "sub_event_type": row.text("sub_event_type"),
        "scope": "local",
        "place": location,
        "site_id": "",
        "geo_precision": row.integer("geo_precision", low=1, high=3) or 1,
        "fatalities": row.integer("fatalities"),
        "injured": counts["injured"],
        "detained": counts["detained"],
        "count_note": tags.get("count note") or tags.get("crowd size", ""),
        "actor1": actors[0],
        "actor2": actors[1],
        "description": row.text("notes"),
        "certainty": certainty,
        "sources": acled_sources(row.text("source")),
        "place_id": place_id,
        "place_name": location,
        "admin1": admin1_code(row.text("admin1"), lon, lat, gazetteer),
        "_line": row.line,
        ORIGIN_COLUMN: ACLED_ORIGIN,
        "geometry": point(lon, lat),
    }


_INT_COLUMNS = ("fatalities", "injured", "detained", "time_precision", "geo_precision")
FRAME_COLUMNS: tuple[str, ...] = (
    *(c for c in EVENT_COLUMNS if c not in ("lat", "lon")),
    "place_id",
    "place_name",
    "admin1",
    "_line",
    ORIGIN_COLUMN,
)


def _events_frame(records: list[dict[str, Any]]) -> gpd.GeoDataFrame:
    """Records as load_events returns them (same columns and dtypes), plus ``origin``."""
    cols = [*FRAME_COLUMNS, "geometry"]
    frame = (
        pd.DataFrame.from_records(records, columns=cols)
        if records
        else pd.DataFrame({c: pd.Series(dtype="object") for c in cols})
    )
    for c in _INT_COLUMNS:
        frame[c] = pd.array(frame[c].tolist(), dtype="Int64")
    frame["date"] = pd.to_datetime(frame["date"])
    return gpd.GeoDataFrame(frame, geometry="geometry", crs=CRS)


def load_acled(path: Path | str, gazetteer: Gazetteer | None = None) -> gpd.GeoDataFrame:
    """An ACLED export as our events (load_events' columns + ``origin``), or a DataError.

    The whole file is validated first; ids must be unique. With a gazetteer, places get their
    gazetteer id and admin-1 comes from the point; without, admin-1 comes from ACLED's name.
    """
    path = Path(path)
    label = file_label(path)
    records: list[dict[str, Any]] = []
    seen: dict[str, int] = {}
    for line, cells in _rows(path, label):
        rec = _parse_acled_row(_AcledRow(label, line, cells), gazetteer)
        if rec["id"] in seen:
            msg = f"event_id_cnty {rec['id']!r} is already used on line {seen[rec['id']]}"
            raise DataError(label, line, "event_id_cnty", msg)
        seen[rec["id"]] = line
        records.append(rec)
    frame = _events_frame(records)
    frame.attrs["file"] = label
    return frame


def with_imported(ds: Dataset, imported: gpd.GeoDataFrame, *, file: str = "") -> Dataset:
    """The Dataset with imported events added (our own get origin "crisismap"); ids must differ."""
    file = file or imported.attrs.get("file", "imported file")
    ours = ds.events.copy()
    if ORIGIN_COLUMN not in ours:
        ours[ORIGIN_COLUMN] = OUR_ORIGIN
    known = set(ours["id"]) | set(ds.states["id"]) | set(ds.figures["id"])
    for rid, line in zip(imported["id"], imported["_line"], strict=True):
        if rid in known:
            msg = f"id {rid!r} is already used by a record of the data set"
            raise DataError(file, int(line), "event_id_cnty", msg)
    merged = pd.concat([ours, imported[list(ours.columns)]], ignore_index=True)
    events = gpd.GeoDataFrame(merged, geometry="geometry", crs=CRS)
    return replace(ds, events=events, files=(*ds.files, file))


def only_origin(ds: Dataset, origin: str) -> Dataset:
    """The Dataset with only the events of one origin ("crisismap" or "acled"); states stay."""
    events = ds.events
    if ORIGIN_COLUMN in events:
        keep = events[ORIGIN_COLUMN].fillna(OUR_ORIGIN) == origin
    else:
        keep = pd.Series(origin == OUR_ORIGIN, index=events.index)
    return replace(ds, events=events[keep])


def events_csv_text(frame: gpd.GeoDataFrame) -> str:
    """An events frame written in our events.csv format (data/README.md)."""
    out = io.StringIO()
    writer = csv_writer(out)  # formulas neutralised
    writer.writerow(EVENT_COLUMNS)
    for rec in frame.to_dict("records"):
        geom = rec["geometry"]
        cells = []
        for col in EVENT_COLUMNS:
            if col == "lat":
                value: object = "" if geom is None else repr(round(geom.y, 6))
            elif col == "lon":
                value = "" if geom is None else repr(round(geom.x, 6))
            elif col == "date":
                value = pd.Timestamp(rec["date"]).date().isoformat()
            else:
                value = rec.get(col)
            cells.append("" if is_missing(value) else str(value))
        writer.writerow(cells)
    return out.getvalue()


# --- export ----------------------------------------------------------------------------------


@functools.lru_cache(maxsize=4096)
def inter_code(actor: str) -> str:
    """ACLED's inter code for one of our actor names ("1" state forces ... "8"), or ""."""
    name = actor.lower()
    for pattern, code in _INTER_RULES:
        if re.search(pattern, name):
            return str(code)
    return ""


@functools.lru_cache(maxsize=4096)
def _scale_of(publishers: tuple[str, ...]) -> str:
    return source_scale(publishers)


def source_scale(publishers: Iterable[str]) -> str:
    """National, International, National-International, or "" when any publisher is unknown."""
    scales = set()
    for p in publishers:
        key = p.strip().lower()
        if key in _NATIONAL:
            scales.add("National")
        elif key in _INTERNATIONAL:
            scales.add("International")
        else:
            return ""
    if scales == {"National", "International"}:
        return "National-International"
    return scales.pop() if scales else ""


@functools.lru_cache(maxsize=4096)
def _publishers(cell: str) -> tuple[str, ...]:
    try:
        sources = parse_sources(cell)
    except ValueError:
        return tuple(_split(cell))
    return tuple(s.publisher.removeprefix(ACLED_PREFIX) for s in sources)


def _tags(rec: dict[str, Any], layer: str, event_type: str) -> str:
    tags: list[str] = []
    if LAYER_BY_EVENT_TYPE.get(event_type) != layer:
        tags.append(f"layer={layer}")
    for key in ("injured", "detained"):
        if not is_missing(rec.get(key)):
            tags.append(f"{key}={int(rec[key])}")
    note = str(rec.get("count_note") or "").replace(";", ",").replace("=", "-").strip()
    if note:
        tags.append(f"count note={note}")
    certainty = str(rec.get("certainty") or "reported")
    if certainty != "reported":
        tags.append(f"certainty={certainty}")
    return "; ".join(tags)


def _actor_parts(cell: str) -> tuple[str, str]:
    parts = _split(cell)
    return (parts[0] if parts else "", "; ".join(parts[1:]))


def acled_row(rec: dict[str, Any], *, actors: tuple[str, str] | None, timestamp: int) -> list[str]:
    """One feature (FEATURE_COLUMNS record) as ACLED's 31 cells, in ACLED_COLUMNS order."""
    layer = str(rec["layer"])
    event_type = str(rec.get("event_type") or "")
    sub_event_type = str(rec.get("sub_event_type") or "")
    if event_type not in LAYER_BY_EVENT_TYPE:
        event_type, sub_event_type = DEFAULT_EVENT_TYPE[layer], ""
    if actors is None:  # only the combined "a vs b" text is known
        first, _, second = str(rec.get("actor") or "").partition(" vs ")
        actors = (first, second)
    (actor1, assoc1), (actor2, assoc2) = _actor_parts(actors[0]), _actor_parts(actors[1])
    inter1, inter2 = inter_code(actor1), inter_code(actor2) if actor2 else ""
    if not inter1:
        interaction = ""
    elif not actor2:
        interaction = inter1 + "0"  # one-sided events: 60 is protesters alone
    else:
        interaction = "".join(sorted((inter1, inter2))) if inter2 else ""
    geom = rec["geometry"]
    day = pd.Timestamp(rec["date"]).date()
    publishers = _publishers(str(rec.get("sources") or ""))
    fatalities = rec.get("fatalities")
    values = {
        "event_id_cnty": rec["id"],
        "event_date": day.isoformat(),
        "year": day.year,
        "time_precision": rec.get("time_precision") or 1,
        "disorder_type": DISORDER_TYPE[event_type],
        "event_type": event_type,
        "sub_event_type": sub_event_type,
        "actor1": actor1,
        "assoc_actor_1": assoc1,
        "inter1": inter1,
        "actor2": actor2,
        "assoc_actor_2": assoc2,
        "inter2": inter2,
        "interaction": interaction,
        "civilian_targeting": "Civilian targeting"
        if event_type == "Violence against civilians"
        else "",
        "iso": KZ_ISO_NUMERIC,
        "region": KZ_REGION,
        "country": KZ_COUNTRY,
        "admin1": ADMIN1_NAMES.get(str(rec.get("admin1") or ""), ""),
        "admin2": "",
        "admin3": "",
        "location": rec.get("place") or rec.get("name") or "",
        "latitude": repr(round(geom.y, 6)),
        "longitude": repr(round(geom.x, 6)),
        "geo_precision": rec.get("geo_precision") or 1,
        "source": "; ".join(publishers),
        "source_scale": _scale_of(publishers),
        "notes": rec.get("description") or "",
        "fatalities": 0 if is_missing(fatalities) else int(fatalities),
        "tags": _tags(rec, layer, event_type),
        "timestamp": timestamp,
    }
    return ["" if is_missing(values[c]) else str(values[c]) for c in ACLED_COLUMNS]


def acled_csv_text(
    frames: Iterable[gpd.GeoDataFrame],
    *,
    events: pd.DataFrame | None = None,
    now: Callable[[], float] = time.time,
) -> str:
    """Dated-event features (FEATURE_COLUMNS frames) as an ACLED CSV, by date then id.

    ``events`` (the Dataset's events) gives actor1 and actor2 apart; without it they are split
    from the combined ``actor`` text. States cannot be written: they are not dated events.
    """
    records: list[dict[str, Any]] = []
    for frame in frames:
        bad = sorted(set(frame["layer"]) - set(EVENT_LAYERS))
        if bad:
            msg = (
                f"layer {bad[0]} holds states over an interval, which ACLED's event format "
                f"cannot carry; export it as geojson or gpkg"
            )
            raise InputError(msg)
        columns = {c: frame[c].tolist() for c in frame.columns if c != "geometry"}
        columns["geometry"] = list(frame.geometry.array)
        records += [
            r
            for r in (
                dict(zip(columns, values, strict=True))
                for values in zip(*columns.values(), strict=True)
            )
            if r["geometry"] is not None
        ]
    records.sort(key=lambda r: (r["date"], str(r["id"])))
    actors: dict[str, tuple[str, str]] = {}
    if events is not None and len(events):
        for rid, a1, a2 in zip(events["id"], events["actor1"], events["actor2"], strict=True):
            actors[rid] = ("" if is_missing(a1) else str(a1), "" if is_missing(a2) else str(a2))
    stamp = int(now())
    out = io.StringIO()
    writer = csv_writer(out)  # formulas neutralised
    writer.writerow(ACLED_COLUMNS)
    for rec in records:
        writer.writerow(acled_row(rec, actors=actors.get(rec["id"]), timestamp=stamp))
    return out.getvalue()


# --- command line ----------------------------------------------------------------------------


def cmd_import_acled(args: argparse.Namespace, settings: Settings) -> int:
    """``import-acled FILE [--out events.csv]``: validate all rows, then write atomically."""
    from geo.export import write_atomic

    frame = load_acled(Path(args.file))
    text = events_csv_text(frame)
    if args.out is None:
        sys.stdout.write(text)
        return 0
    out = Path(args.out)
    if out.is_dir():
        out = out / f"{Path(args.file).stem}-events.csv"
    write_atomic(out, text)
    print(f"wrote {len(frame)} events to {out}", file=sys.stderr)
    return 0


def export_acled_csv(args, frames, day, window, export, ds=None) -> None:
    """The ``--format acled-csv`` writer of ``python -m geo export``."""
    events = {lay: f for lay, f in frames.items() if lay in EVENT_LAYERS}
    text = acled_csv_text(events.values(), events=None if ds is None else ds.events)
    n = text.count("\n") - 1
    if args.out is None:
        sys.stdout.write(text)
        return
    out = Path(args.out)
    if out.is_dir():
        out = out / export.default_filename(args.layer, day, "acled.csv")
    export.write_atomic(out, text)
    print(f"wrote {n} events in ACLED's format to {out}", file=sys.stderr)
