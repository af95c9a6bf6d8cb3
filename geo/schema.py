"""The data model: layers, vocabularies, and the frozen records passed between stages.

Two kinds of record: dated events (a clash on 5 January) in the layers ``protests``, ``clashes``
and ``other``; and states that hold over an interval (the airport is closed from 5 to 13 January)
in the layers ``troops``, ``infrastructure`` and ``emergency``. National figures (the toll, the
injured, the detained as reported on a date) are kept apart, side by side, never averaged.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import NamedTuple

CRS = "EPSG:4326"

EVENT_LAYERS: tuple[str, ...] = ("protests", "clashes", "other")
STATE_LAYERS: tuple[str, ...] = ("troops", "infrastructure", "emergency")
MAP_LAYERS: tuple[str, ...] = ("protests", "clashes", "troops", "infrastructure", "emergency")
LAYERS: tuple[str, ...] = EVENT_LAYERS + STATE_LAYERS

INFRASTRUCTURE_STATUSES: tuple[str, ...] = (
    "operational",
    "disrupted",
    "closed",
    "seized",
    "damaged",
    "destroyed",
)
STATUSES: dict[str, tuple[str, ...]] = {
    "infrastructure": INFRASTRUCTURE_STATUSES,
    "troops": ("deployed",),
    "emergency": ("declared",),
}

CERTAINTIES: tuple[str, ...] = ("reported", "uncertain", "official claim", "retracted")
SCOPES: tuple[str, ...] = ("local", "national")
METRICS: tuple[str, ...] = ("deaths", "injured", "detained", "arrested")
# "detained" counts people held by police; "arrested" those held in custody by court order, a
# different and much smaller figure that must never stand in for the number detained.
METRIC_LABELS: dict[str, str] = {
    "deaths": "Deaths",
    "injured": "Injured",
    "detained": "Detained",
    "arrested": "Formally arrested",
}
QUALIFIERS: tuple[str, ...] = ("exact", "at least", "about", "more than", "up to")
COUNT_FIELDS: tuple[str, ...] = ("fatalities", "injured", "detained", "troops")

# Place kinds, most specific first; the order is also the tie-break rank in lookups.
PLACE_KINDS: tuple[str, ...] = (
    "facility",
    "airport",
    "city",
    "admin2",
    "admin1",
    "country",
    "demonym",
    "continent",
    "region",
)

# Columns of the data files (see data/README.md). Order is the order written on export.
EVENT_COLUMNS: tuple[str, ...] = (
    "id", "date", "time_precision", "layer", "event_type", "sub_event_type", "scope",
    "place", "site_id", "lat", "lon", "geo_precision", "fatalities", "injured", "detained",
    "count_note", "actor1", "actor2", "description", "certainty", "sources",
)  # fmt: skip
STATE_COLUMNS: tuple[str, ...] = (
    "id", "layer", "subject", "status", "valid_from", "valid_to", "scope", "place", "site_id",
    "lat", "lon", "geo_precision", "troops", "count_note", "actor", "description", "certainty",
    "sources",
)  # fmt: skip
FIGURE_COLUMNS: tuple[str, ...] = (
    "id", "date", "metric", "value", "qualifier", "part", "reported_by", "certainty", "note",
    "sources",
)  # fmt: skip
FACILITY_COLUMNS: tuple[str, ...] = (
    "site_id", "name", "kind", "city", "admin1", "lat", "lon", "precision", "aliases", "source",
    "note",
)  # fmt: skip


@dataclass(frozen=True)
class Place:
    """One gazetteer entry: a country, admin-1 unit, city, airport or curated facility."""

    id: str  # "gn:1526384", "admin1:KZ-ALA", "country:KZ", "airport:ALA", "site:almaty-city-hall"
    name: str
    kind: str  # one of PLACE_KINDS
    lat: float
    lon: float
    country_code: str
    admin1: str = ""  # ISO 3166-2 code in force in January 2022 where known (KZ-ALA)
    population: int = 0
    city: str = ""  # for facilities and airports: the city they belong to
    aliases: tuple[str, ...] = ()
    source: str = ""
    precision: int = 1  # 1: the place itself; 2: approximate (a site placed at its city centre)


@dataclass(frozen=True)
class Source:
    """Who reported a fact, and where."""

    publisher: str
    url: str


class Mention(NamedTuple):
    """A place name found in a text, with what it was resolved to and why.

    An immutable named tuple rather than a frozen dataclass: a geoparser makes one per
    mention, and building a tuple costs half as much (see geo/geoparse.py)."""

    text: str
    start: int
    end: int
    status: str  # "resolved", "ambiguous", "not_found"
    place: Place | None = None
    confidence: float = 0.0
    evidence: tuple[str, ...] = ()
    candidates: tuple[Place, ...] = ()

    def __repr__(self) -> str:  # the candidates are left out: five Places each
        return (
            f"Mention(text={self.text!r}, start={self.start!r}, end={self.end!r}, "
            f"status={self.status!r}, place={self.place!r}, confidence={self.confidence!r}, "
            f"evidence={self.evidence!r})"
        )

    @property
    def name(self) -> str:
        return self.place.name if self.place else ""

    def to_json(self) -> dict[str, object]:
        """The CLI's mention object (a contract other tools rely on)."""
        p = self.place
        return {
            "text": self.text,
            "start": self.start,
            "end": self.end,
            "name": p.name if p else None,
            "kind": p.kind if p else None,
            "lat": p.lat if p else None,
            "lon": p.lon if p else None,
            "country_code": p.country_code if p else None,
            "admin1": (p.admin1 or None) if p else None,
            "confidence": round(self.confidence, 3),
            "status": self.status,
        }
