"""Small stand-ins for services, built in code: tests pass these instead of the real thing."""

from __future__ import annotations

from geo.schema import Place

PLACES = (
    Place("gn:1526384", "Almaty", "city", 43.25249, 76.9115, "KZ", "KZ-ALA", 2000900),
    Place("gn:607610", "Zhanaozen", "city", 43.34116, 52.86192, "KZ", "KZ-MAN", 147962),
    Place("gn:610612", "Aktau", "city", 43.66105, 51.17392, "KZ", "KZ-MAN", 178000),
    Place("airport:ALA", "Almaty International Airport", "airport", 43.3521, 77.0405, "KZ",
          "KZ-ALA", city="Almaty"),
    Place("site:almaty-city-hall", "Almaty city hall", "facility", 43.2383, 76.9453, "KZ",
          "KZ-ALA", city="Almaty"),
    Place("admin1:KZ-MAN", "Mangystau Region", "admin1", 43.66, 51.17, "KZ", "KZ-MAN"),
)  # fmt: skip


class FakeGazetteer:
    """Answers get/lookup from a handful of places; no cache, no packages."""

    def __init__(self, places: tuple[Place, ...] = PLACES) -> None:
        self.places = {p.id: p for p in places}

    def get(self, place_id: str) -> Place | None:
        return self.places.get(place_id)

    def lookup(self, name: str, *, kinds=None, country=None, limit: int = 10) -> list[Place]:
        key = name.strip().lower()
        hits = [p for p in self.places.values() if p.name.lower() == key]
        return [p for p in hits if kinds is None or p.kind in kinds][:limit]

    def admin1_at(self, lon: float, lat: float) -> str:
        return "KZ-ALA" if abs(lat - 43.25) < 0.5 and abs(lon - 76.9) < 0.5 else ""


def fake_extractor(settings):  # ExtractorFactory: module level, so Dask workers can import it
    """Extraction stand-in: one event candidate per sentence naming a known place, and the
    known places as mentions; deterministic, no gazetteer."""
    import os

    names = {p.name: p for p in PLACES}

    def extract(doc) -> dict:
        mentions, candidates = [], []
        for name, place in names.items():
            start = doc.body.find(name)
            if start < 0:
                continue
            end = start + len(name)
            mentions.append({"text": name, "start": start, "end": end, "name": place.name,
                             "kind": place.kind, "lat": place.lat, "lon": place.lon,
                             "country_code": "KZ", "admin1": place.admin1, "confidence": 0.9,
                             "status": "resolved"})  # fmt: skip
            candidate = fake_candidate(doc, place, start, end)
            candidate["reported_by"] = f"process {os.getpid()}"  # tells where extraction ran
            candidates.append(candidate)
        return {"candidates": candidates, "mentions": mentions}

    return extract


def fake_candidate(doc, place, start: int, end: int) -> dict:
    """A contract candidate (issue 10) for a protest at a place, dated by the document."""
    return {
        "kind": "event", "layer": "protests", "event_type": "Protests",
        "date": doc.published.isoformat(), "valid_to": None, "status": None, "metric": None,
        "value": None, "qualifier": None, "part": None, "reported_by": None,
        "counts": {"fatalities": None, "injured": None, "detained": 40, "troops": None},
        "place": place.name, "site_id": place.id if place.id.startswith("site:") else None,
        "lat": place.lat, "lon": place.lon, "admin1": place.admin1, "geo_precision": 1,
        "time_precision": 1, "actor1": "Protesters (Kazakhstan)", "certainty": "reported",
        "evidence": {"start": start, "end": end, "text": doc.body[start:end]},
        "confidence": 0.8, "matches": [],
    }  # fmt: skip
