"""Geocoding a single name: the offline gazetteer first, optionally an online fallback.

``OfflineGeocoder`` has geopy's call shape (``geocode(query, exactly_one=True)``) and returns
``geopy.location.Location`` objects whose ``raw`` carries the Place fields, so code written for
geopy works unchanged. The online fallback (Nominatim) is off by default
(``settings.online_geocoder``); when on, it is rate-limited to one request a second, identified
by ``settings.nominatim_user_agent`` and cached on disk, as the Nominatim usage policy asks.

A failing online service never yields an empty result: the error is raised as
``GeocodeError`` naming the query, and nothing is cached for it.
"""

from __future__ import annotations

import dataclasses
import json
from pathlib import Path
from typing import Any, Protocol

from geopy.location import Location

from geo._cache import atomic_write_bytes
from geo.config import Settings
from geo.errors import GeocodeError, InputError
from geo.gazetteer import Gazetteer, normalize
from geo.schema import Place

CACHE_FILE = "nominatim-cache.json"
CACHE_VERSION = 1


class GeocoderLike(Protocol):
    """Anything with geopy's geocode call shape (a geopy geocoder, a fake in tests)."""

    def geocode(self, query: str, exactly_one: bool = True) -> Any: ...


def place_location(place: Place) -> Location:
    """A geopy Location for a gazetteer place; raw holds the Place fields and "source"."""
    raw = dataclasses.asdict(place)
    raw["aliases"] = list(place.aliases)
    raw["geocoder"] = "gazetteer"
    address = place.name if not place.country_code else f"{place.name}, {place.country_code}"
    return Location(address, (place.lat, place.lon), raw)


class OfflineGeocoder:
    """Geocodes names from the gazetteer; falls back to another geocoder when it has none."""

    def __init__(self, gazetteer: Gazetteer, *, fallback: GeocoderLike | None = None) -> None:
        self.gazetteer = gazetteer
        self.fallback = fallback

    def geocode(self, query: str, exactly_one: bool = True) -> Location | list[Location] | None:
        """The best place for query (or all candidates, best first, when exactly_one is False).

        None when neither the gazetteer nor the fallback knows the name. Raises GeocodeError
        (naming the query) when the fallback fails, InputError for an empty query.
        """
        if not isinstance(query, str) or not query.strip():
            msg = f"geocode query must be a non-empty string, got {query!r}"
            raise InputError(msg)
        places = self.gazetteer.lookup(query, limit=1 if exactly_one else 10)
        if places:
            locations = [place_location(p) for p in places]
            return locations[0] if exactly_one else locations
        if self.fallback is None:
            return None
        return self.fallback.geocode(query, exactly_one=exactly_one)


class CachedGeocoder:
    """Wraps an online geocoder: answers (and misses) persist in a JSON file, written atomically.

    Service errors are re-raised as GeocodeError naming the query and are not cached.
    """

    def __init__(self, online: GeocoderLike, cache_file: Path) -> None:
        self.online = online
        self.cache_file = cache_file
        self._entries: dict[str, Any] = self._read()

    def _read(self) -> dict[str, Any]:
        try:
            data = json.loads(self.cache_file.read_text(encoding="utf-8"))
        except FileNotFoundError:
            return {}
        except (OSError, ValueError):
            return {}  # a damaged cache is only a cache: start again
        if not isinstance(data, dict) or data.get("version") != CACHE_VERSION:
            return {}
        entries = data.get("entries")
        return entries if isinstance(entries, dict) else {}

    def _write(self) -> None:
        payload = {"version": CACHE_VERSION, "entries": self._entries}
        text = json.dumps(payload, ensure_ascii=False, indent=1, sort_keys=True)
        atomic_write_bytes(self.cache_file, text.encode("utf-8"))

    def geocode(self, query: str, exactly_one: bool = True) -> Location | list[Location] | None:
        """The online answer for query, from the cache when it has been asked before."""
        key = f"{'one' if exactly_one else 'all'}|{normalize(query)}"
        if key in self._entries:
            return _from_json(self._entries[key], exactly_one)
        try:
            answer = self.online.geocode(query, exactly_one=exactly_one)
        except Exception as exc:  # geopy raises many types; every one is reported per name
            msg = f"online geocoder failed for {query!r}: {type(exc).__name__}: {exc}"
            raise GeocodeError(msg) from exc
        self._entries[key] = _to_json(answer)
        self._write()
        return _from_json(self._entries[key], exactly_one)


def _to_json(answer: Location | list[Location] | None) -> list[dict[str, Any]]:
    if answer is None:
        return []
    items = answer if isinstance(answer, list) else [answer]
    return [
        {"address": loc.address, "lat": loc.latitude, "lon": loc.longitude, "raw": loc.raw}
        for loc in items
    ]


def _from_json(items: list[dict[str, Any]], exactly_one: bool) -> Location | list[Location] | None:
    locations = [
        Location(item["address"], (item["lat"], item["lon"]), item.get("raw") or {})
        for item in items
    ]
    if not locations:
        return None
    return locations[0] if exactly_one else locations


class _RateLimitedNominatim:
    """Nominatim behind geopy's RateLimiter (1 request per second), errors not swallowed."""

    def __init__(self, settings: Settings) -> None:
        from geopy.extra.rate_limiter import RateLimiter
        from geopy.geocoders import Nominatim

        service = Nominatim(
            user_agent=settings.nominatim_user_agent, timeout=settings.nominatim_timeout
        )
        self._geocode = RateLimiter(
            service.geocode, min_delay_seconds=1.0, max_retries=1, swallow_exceptions=False
        )

    def geocode(self, query: str, exactly_one: bool = True) -> Location | list[Location] | None:
        return self._geocode(query, exactly_one=exactly_one)


def build_geocoder(
    settings: Settings, gazetteer: Gazetteer, *, online: GeocoderLike | None = None
) -> OfflineGeocoder:
    """The project's geocoder: offline only unless settings.online_geocoder is on.

    When on, names the gazetteer lacks go to ``online`` (default: Nominatim, rate-limited to
    1 request/s, with settings.nominatim_user_agent and nominatim_timeout), cached in
    settings.cache_dir/nominatim-cache.json. Tests pass a fake ``online``.
    """
    if not settings.online_geocoder:
        return OfflineGeocoder(gazetteer)
    service = online if online is not None else _RateLimitedNominatim(settings)
    return OfflineGeocoder(
        gazetteer, fallback=CachedGeocoder(service, settings.cache_dir / CACHE_FILE)
    )
