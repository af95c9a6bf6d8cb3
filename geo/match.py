"""Matching candidates against the records we already hold.

An event candidate matches a record of its layer dated within a day of it at the same site, or
within a distance that grows with the coarser of the two precisions (a city 25 km, near a town
50 km, a region: the same admin-1 unit); national candidates match national records. A state
matches a state of its layer at the same site (or place) whose interval overlaps its own; the
same status corroborates, another status is a dispute. A figure matches a figure of its metric
reported within a day for the same part; another value is a dispute, never an overwrite.

``RecordIndex.from_frames`` reads the data set's frames once (events, states, figures: ours and
any ACLED imports); ``match`` returns each candidate with ``matches`` and ``disputes`` filled.
"""

from __future__ import annotations

import datetime as dt
import math
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from geo.extract import Candidate
from geo.gazetteer import haversine_km

_KM_BY_PRECISION = {1: 25.0, 2: 50.0}
_STATUS_FAMILY = {"withdrawing": "deployed", "withdrawn": "deployed"}


@dataclass(frozen=True)
class _Record:
    id: str
    layer: str
    start: int  # day ordinal
    end: int | None  # last day (states), None if open
    status: str
    lat: float | None
    lon: float | None
    place_id: str
    site_id: str
    admin1: str
    precision: int
    national: bool
    metric: str = ""
    value: int | None = None
    qualifier: str = ""
    part: str = ""


@dataclass
class RecordIndex:
    """Records bucketed by layer (or metric) and day, for matching many candidates fast."""

    events: dict[tuple[str, int], list[_Record]] = field(default_factory=lambda: defaultdict(list))
    states: dict[str, list[_Record]] = field(default_factory=lambda: defaultdict(list))
    figures: dict[tuple[str, int], list[_Record]] = field(default_factory=lambda: defaultdict(list))

    @classmethod
    def from_frames(
        cls, events: Any = None, states: Any = None, figures: Any = None
    ) -> RecordIndex:
        """An index of the data set's frames (any may be None or empty)."""
        index = cls()
        for row in _rows(events):
            rec = _record(row, row["date"], None, "")
            index.events[(rec.layer, rec.start)].append(rec)
        for row in _rows(states):
            rec = _record(row, row["valid_from"], row.get("valid_to"), str(row.get("status") or ""))
            index.states[rec.layer].append(rec)
        for row in _rows(figures):
            day = _ordinal(row["date"])
            if day is None:
                continue
            part = row.get("part")
            rec = _Record(
                id=str(row["id"]), layer="", start=day, end=None, status="", lat=None,
                lon=None, place_id="", site_id="", admin1="", precision=3, national=True,
                metric=str(row["metric"]), value=_int(row.get("value")),
                qualifier=str(row.get("qualifier") or ""),
                part="" if _missing(part) else str(part).lower(),
            )  # fmt: skip
            index.figures[(rec.metric, day)].append(rec)
        return index


def match(candidates: Iterable[Candidate], index: RecordIndex) -> list[Candidate]:
    """Each candidate with the ids of the records it corroborates (``matches``) and of those
    that say otherwise (``disputes``)."""
    return [_match_one(c, index) for c in candidates]


def _match_one(c: Candidate, index: RecordIndex) -> Candidate:
    if c.date is None and c.valid_to is None:
        return c
    day = (c.date or c.valid_to or dt.date.min).toordinal()
    same: list[str] = []
    other: list[str] = []
    if c.kind == "event" and c.layer:
        for d in (day - 1, day, day + 1):
            for rec in index.events.get((c.layer, d), ()):
                if _same_place(c, rec):
                    same.append(rec.id)
    elif c.kind == "state" and c.layer:
        end = c.valid_to.toordinal() if c.valid_to else day
        for rec in index.states.get(c.layer, ()):
            rec_end = rec.end if rec.end is not None else 10**7
            if rec.start > end or rec_end < day or not _same_place(c, rec):
                continue
            if c.layer == "infrastructure" and (c.part or "") != "" and not rec.national:
                continue
            status = _STATUS_FAMILY.get(c.status or "", c.status)
            (same if status == rec.status else other).append(rec.id)
    elif c.kind == "figure" and c.metric:
        if c.place is not None:
            return c  # our figures are national; a city's figure is not theirs
        part = (c.part or "").lower()
        for d in (day - 1, day, day + 1):
            for rec in index.figures.get((c.metric, d), ()):
                if bool(part) != bool(rec.part):
                    continue
                if rec.value == c.value and (rec.qualifier or "exact") == (c.qualifier or "exact"):
                    same.append(rec.id)
                elif d == day:
                    other.append(rec.id)
    if not same and not other:
        return c
    return c.with_(matches=tuple(dict.fromkeys(same)), disputes=tuple(dict.fromkeys(other)))


def _same_place(c: Candidate, rec: _Record) -> bool:
    p = c.place
    if p is None or rec.national:
        return p is None and rec.national
    if c.site_id and p.kind != "admin1":
        return c.site_id in {rec.site_id, rec.place_id}  # only the same site corroborates
    if p.id and p.id == rec.place_id:
        return True
    if p.kind == "admin1" or rec.precision >= 3:
        return bool(p.admin1) and p.admin1 == rec.admin1
    if rec.lat is None or rec.lon is None or abs(rec.lat - p.lat) > 0.5:
        return False
    precision = max(c.geo_precision or 1, rec.precision)
    return haversine_km(p.lat, p.lon, rec.lat, rec.lon) <= _KM_BY_PRECISION.get(precision, 50.0)


def _rows(frame: Any) -> Iterable[dict[str, Any]]:
    if frame is None or len(frame) == 0:
        return []
    return frame.to_dict("records")


def _record(row: dict[str, Any], start: Any, end: Any, status: str) -> _Record:
    geom = row.get("geometry")
    has_point = geom is not None and not getattr(geom, "is_empty", True)
    lat = geom.y if has_point else None
    lon = geom.x if has_point else None
    site = row.get("site_id")
    return _Record(
        id=str(row["id"]), layer=str(row["layer"]), start=_ordinal(start) or 0,
        end=_ordinal(end), status=status, lat=lat, lon=lon,
        place_id="" if _missing(row.get("place_id")) else str(row.get("place_id")),
        site_id="" if _missing(site) else str(site),
        admin1="" if _missing(row.get("admin1")) else str(row.get("admin1")),
        precision=_int(row.get("geo_precision")) or 1,
        national=str(row.get("scope") or "") == "national" or not has_point,
    )  # fmt: skip


def _missing(value: Any) -> bool:
    return value is None or (isinstance(value, float) and math.isnan(value)) or value == ""


def _int(value: Any) -> int | None:
    if _missing(value):
        return None
    try:
        return int(value)
    except (TypeError, ValueError):
        return None


def _ordinal(value: Any) -> int | None:
    if _missing(value):
        return None
    try:
        return value.toordinal()  # date, datetime, pandas Timestamp
    except (AttributeError, ValueError):
        return None
