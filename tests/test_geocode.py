"""Geocoding: the gazetteer with geopy's call shape, and the online fallback behind a fake."""

from __future__ import annotations

import json
from pathlib import Path

import geopy.geocoders
import pytest
from geopy.exc import GeocoderTimedOut
from geopy.location import Location

from geo.config import Settings
from geo.errors import GeocodeError, InputError
from geo.gazetteer import Gazetteer
from geo.geocode import CACHE_FILE, CachedGeocoder, OfflineGeocoder, build_geocoder


class FakeOnline:
    """Stands in for an online geocoder: answers from a dict, counts calls, can fail."""

    def __init__(self, answers: dict[str, tuple[float, float]], fail: bool = False) -> None:
        self.answers = answers
        self.fail = fail
        self.calls: list[str] = []

    def geocode(self, query: str, exactly_one: bool = True) -> Location | list[Location] | None:
        self.calls.append(query)
        if self.fail:
            raise GeocoderTimedOut("Service timed out")
        if query not in self.answers:
            return None
        loc = Location(f"{query}, somewhere", self.answers[query], {"osm_id": 1})
        return loc if exactly_one else [loc]


def test_offline_geocode_has_geopys_shape(gazetteer: Gazetteer) -> None:
    geocoder = OfflineGeocoder(gazetteer)
    loc = geocoder.geocode("Alma-Ata")
    assert isinstance(loc, Location)
    assert (loc.latitude, loc.longitude) == (43.25249, 76.9115)
    assert loc.raw["id"] == "gn:1526384" and loc.raw["admin1"] == "KZ-ALA"
    assert loc.raw["kind"] == "city" and loc.raw["geocoder"] == "gazetteer"
    many = geocoder.geocode("Aktau", exactly_one=False)
    assert isinstance(many, list) and many[0].raw["id"] == "gn:610612" and len(many) >= 3
    assert geocoder.geocode("Almaty airport").raw["id"] == "airport:ALA"


def test_unknown_name_offline_is_none(gazetteer: Gazetteer) -> None:
    assert OfflineGeocoder(gazetteer).geocode("Xyzzyville") is None


def test_empty_query_is_an_input_error(gazetteer: Gazetteer) -> None:
    with pytest.raises(InputError):
        OfflineGeocoder(gazetteer).geocode("  ")


def test_online_off_by_default(gazetteer: Gazetteer, tmp_path: Path) -> None:
    geocoder = build_geocoder(Settings(cache_dir=tmp_path), gazetteer, online=FakeOnline({}))
    assert geocoder.fallback is None
    assert geocoder.geocode("Xyzzyville") is None


def test_online_fallback_is_cached(gazetteer: Gazetteer, tmp_path: Path) -> None:
    settings = Settings(cache_dir=tmp_path, online_geocoder=True)
    fake = FakeOnline({"Xyzzyville": (10.0, 20.0)})
    geocoder = build_geocoder(settings, gazetteer, online=fake)
    assert geocoder.geocode("Almaty").raw["id"] == "gn:1526384"  # the gazetteer first
    loc = geocoder.geocode("Xyzzyville")
    assert (loc.latitude, loc.longitude) == (10.0, 20.0)
    assert geocoder.geocode("xyzzyville").address == "Xyzzyville, somewhere"
    assert geocoder.geocode("Nowhere at all") is None
    assert geocoder.geocode("Nowhere at all") is None
    assert fake.calls == ["Xyzzyville", "Nowhere at all"]  # repeats come from the cache
    stored = json.loads((tmp_path / CACHE_FILE).read_text(encoding="utf-8"))
    assert stored["version"] == 1 and len(stored["entries"]) == 2
    reopened = CachedGeocoder(FakeOnline({}), tmp_path / CACHE_FILE)
    assert reopened.geocode("Xyzzyville").latitude == 10.0


def test_online_failure_is_reported_per_name_and_not_cached(
    gazetteer: Gazetteer, tmp_path: Path
) -> None:
    settings = Settings(cache_dir=tmp_path, online_geocoder=True)
    fake = FakeOnline({}, fail=True)
    geocoder = build_geocoder(settings, gazetteer, online=fake)
    with pytest.raises(GeocodeError, match="Xyzzyville"):
        geocoder.geocode("Xyzzyville")
    assert not (tmp_path / CACHE_FILE).exists()
    fake.fail = False
    assert geocoder.geocode("Xyzzyville") is None and len(fake.calls) == 2


def test_damaged_cache_file_is_ignored(tmp_path: Path) -> None:
    (tmp_path / CACHE_FILE).write_text("{not json", encoding="utf-8")
    cached = CachedGeocoder(FakeOnline({"A": (1.0, 2.0)}), tmp_path / CACHE_FILE)
    assert cached.geocode("A").longitude == 2.0


class FakeService:
    """Replaces geopy's Nominatim class to check the wiring without any network."""

    made: list[dict[str, object]] = []

    def __init__(self, **kwargs: object) -> None:
        FakeService.made.append(kwargs)

    def geocode(self, query: str, exactly_one: bool = True) -> Location | None:
        return Location(query, (1.0, 2.0), {})


def test_default_online_service_wiring(
    gazetteer: Gazetteer, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(geopy.geocoders, "Nominatim", FakeService)
    settings = Settings(
        cache_dir=tmp_path,
        online_geocoder=True,
        nominatim_user_agent="ua-test",
        nominatim_timeout=3,
    )
    geocoder = build_geocoder(settings, gazetteer)
    assert FakeService.made[-1] == {"user_agent": "ua-test", "timeout": 3}
    limiter = geocoder.fallback.online._geocode  # type: ignore[union-attr]
    assert limiter.min_delay_seconds == 1.0
    assert geocoder.geocode("Xyzzyville").longitude == 2.0
