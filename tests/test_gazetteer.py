"""The offline gazetteer: names, January-2022 admin-1 codes, airports, facilities, the cache."""

from __future__ import annotations

import csv
import dataclasses
import shutil
import sys
from pathlib import Path

import pytest

from geo._cache import package_version
from geo.config import PROJECT_ROOT, Settings
from geo.errors import DataError
from geo.gazetteer import (
    INPUT_FILES,
    PACKAGES,
    Gazetteer,
    admin1_boundaries,
    cache_path,
    index_key,
    normalize,
)
from geo.schema import Place

DATA = PROJECT_ROOT / "data"

JAN2022_CODES = {
    "KZ-AKM", "KZ-AKT", "KZ-ALA", "KZ-ALM", "KZ-AST", "KZ-ATY", "KZ-KAR", "KZ-KUS", "KZ-KZY",
    "KZ-MAN", "KZ-PAV", "KZ-SEV", "KZ-SHY", "KZ-VOS", "KZ-YUZ", "KZ-ZAP", "KZ-ZHA",
}  # fmt: skip

REQUIRED_SITES = (
    "site:almaty-city-hall", "site:almaty-presidential-residence", "site:almaty-republic-square",
    "site:almaty-chpp-1", "site:almaty-chpp-2", "site:almaty-chpp-3", "site:zhetygen-airfield",
    "site:almaty-prosecutors-office", "site:almaty-knb-department", "site:almaty-nur-otan-office",
    "site:taraz-nur-otan-office", "site:taraz-akimat", "site:taldykorgan-akimat",
    "site:aktobe-akimat", "site:aktau-akimat", "site:shymkent-akimat", "site:nur-sultan-akimat",
    "site:zhanaozen-square", "site:almaty-khabar-tv", "site:almaty-mir-tv",
    "site:almaty-kazakhstan-tv", "site:almaty-military-institute", "site:kyzylorda-akimat",
    "site:atyrau-square",
)  # fmt: skip


def first_id(g: Gazetteer, name: str, **kw: object) -> str | None:
    found = g.lookup(name, **kw)  # type: ignore[arg-type]
    return found[0].id if found else None


@pytest.mark.parametrize(
    ("raw", "key"),
    [
        ("Alma-Ata", "alma ata"),
        ("ALMA ATA", "alma ata"),
        ("  alma   ata ", "alma ata"),
        ("Ural'sk", "uralsk"),
        ("Öskemen", "oskemen"),
        ("Aqtöbe", "aqtobe"),
        ("mayor’s office", "mayors office"),
        ("Taldıqorğan", "taldiqorgan"),
    ],
)
def test_normalize(raw: str, key: str) -> None:
    assert normalize(raw) == key


@pytest.mark.parametrize(
    ("name", "place_id"),
    [
        ("Alma-Ata", "gn:1526384"),
        ("alma ata", "gn:1526384"),
        ("ALMATY", "gn:1526384"),
        ("Astana", "gn:1526273"),
        ("Nur-Sultan", "gn:1526273"),
        ("Nursultan", "gn:1526273"),
        ("Akmola", "gn:1526273"),
        ("Tselinograd", "gn:1526273"),
        ("Oskemen", "gn:1520316"),
        ("Uralsk", "gn:608668"),
        ("Aktau", "gn:610612"),
        ("Janaozen", "gn:607610"),
        ("Konaev", "gn:1519948"),
        ("Kazakhstan", "country:KZ"),
        ("Republic of Kazakhstan", "country:KZ"),
        ("Russian", "demonym:RU"),
        ("Kazakhstani", "demonym:KZ"),
        ("Kyrgyz", "demonym:KG"),
        ("Mangystau", "admin1:KZ-MAN"),
        ("Mangyshlak", "admin1:KZ-MAN"),
        ("Almaty Oblast", "admin1:KZ-ALM"),
        ("South Kazakhstan", "admin1:KZ-YUZ"),
        ("Shyghys Qazaqstan", "admin1:KZ-VOS"),
        ("Jambyl", "admin1:KZ-ZHA"),
    ],
)
def test_lookup_spellings(gazetteer: Gazetteer, name: str, place_id: str) -> None:
    assert first_id(gazetteer, name) == place_id


def test_january_2022_display_names(gazetteer: Gazetteer) -> None:
    assert gazetteer.get("gn:1526273").name == "Nur-Sultan"
    assert gazetteer.get("gn:1519948").name == "Kapchagay"
    assert gazetteer.get("admin1:KZ-AST").city == "Nur-Sultan"


def test_generic_site_of_a_city_or_a_unit(gazetteer: Gazetteer) -> None:
    """A city's (or an admin-1 unit's centre's) site named by a generic noun: the parsers'
    "the airport", "акимат", "airports in Aktobe and Aktau"."""

    def site(place_id: str, noun: str) -> str | None:
        found = gazetteer.generic_site(gazetteer.get(place_id), noun)  # type: ignore[arg-type]
        return found.id if found else None

    assert site("gn:610611", "airport") == "airport:AKX"
    assert site("gn:610611", "akimat") == "site:aktobe-akimat"
    assert site("admin1:KZ-AKT", "akimat") == "site:aktobe-akimat"  # (its centre, Aktobe)
    assert site("gn:1526384", "prosecutor's office") == "site:almaty-prosecutors-office"
    assert site("gn:1516905", "prosecutor's office") is None


def test_two_aktaus_rank_the_caspian_city_first(gazetteer: Gazetteer) -> None:
    found = gazetteer.lookup("Aktau", kinds=["city"])
    assert [p.id for p in found][:1] == ["gn:610612"]
    assert {p.admin1 for p in found[1:]} == {"KZ-KAR"}
    assert len(found) >= 3


def test_lookup_filters_by_kind_and_country(gazetteer: Gazetteer) -> None:
    assert all(p.kind == "airport" for p in gazetteer.lookup("Almaty airport", kinds=["airport"]))
    assert gazetteer.lookup("Moscow", country="KZ") == []
    assert first_id(gazetteer, "Moscow", country="RU") == "gn:524901"


@pytest.mark.parametrize(
    "name",
    ["Almaty airport", "Almaty International Airport", "ALMATY AIRPORT", "airport of Almaty",
     "Alma-Ata airport"],
)  # fmt: skip
def test_almaty_airport_names(gazetteer: Gazetteer, name: str) -> None:
    assert first_id(gazetteer, name) == "airport:ALA"


@pytest.mark.parametrize(
    "name",
    ["Nur-Sultan airport", "Astana airport", "Nursultan Nazarbayev International Airport"],
)
def test_capital_airport_names(gazetteer: Gazetteer, name: str) -> None:
    assert first_id(gazetteer, name) == "airport:NQZ"


def test_airports_of_kazakhstan(gazetteer: Gazetteer) -> None:
    ala = gazetteer.get("airport:ALA")
    assert (ala.kind, ala.city, ala.admin1) == ("airport", "Almaty", "KZ-ALA")
    assert (ala.lat, ala.lon) == pytest.approx((43.3521, 77.0405))
    for code in ("NQZ", "SCO", "AKX", "CIT", "GUW", "URA", "KZO"):
        assert gazetteer.get(f"airport:{code}").country_code == "KZ"
    assert gazetteer.get("airport:NQZ").city == "Nur-Sultan"


def test_iata_codes_only_in_upper_case(gazetteer: Gazetteer) -> None:
    assert first_id(gazetteer, "ALA") == "airport:ALA"
    assert gazetteer.lookup("ala") == []
    assert gazetteer.lookup("Ala") == []


def test_admin1_units_are_the_17_of_january_2022_and_3_later(gazetteer: Gazetteer) -> None:
    units = gazetteer.admin1_units("KZ")
    assert {u.admin1 for u in units} == JAN2022_CODES | {"KZ-10", "KZ-33", "KZ-62"}
    assert all(u.id == f"admin1:{u.admin1}" and u.kind == "admin1" for u in units)
    almaty_region = gazetteer.get("admin1:KZ-ALM")
    assert almaty_region.city == "Taldykorgan"  # the centre in January 2022


@pytest.mark.parametrize(
    ("place_id", "code"),
    [
        ("gn:1519422", "KZ-VOS"),  # Semey: Abai Region only from June 2022
        ("gn:1518542", "KZ-ALM"),  # Taldykorgan: Jetisu Region only from June 2022
        ("gn:1516589", "KZ-KAR"),  # Zhezkazgan: Ulytau Region only from June 2022
        ("gn:1518980", "KZ-SHY"),
        ("gn:1526273", "KZ-AST"),
        ("gn:1526384", "KZ-ALA"),
        ("gn:610612", "KZ-MAN"),
        ("gn:1517945", "KZ-YUZ"),
    ],
)
def test_places_carry_january_2022_admin1(gazetteer: Gazetteer, place_id: str, code: str) -> None:
    assert gazetteer.get(place_id).admin1 == code


@pytest.mark.parametrize(
    ("lon", "lat", "code"),
    [
        (69.60042, 42.30988, "KZ-SHY"),  # Shymkent: the radius rule (no polygon of its own)
        (68.25685, 43.29458, "KZ-YUZ"),  # Turkistan
        (76.9115, 43.25249, "KZ-ALA"),
        (78.37389, 45.01556, "KZ-ALM"),
        (63.3167, 45.6167, "KZ-KZY"),  # Baikonur: a hole in the polygon, nearest unit
        (51.17392, 43.66105, "KZ-MAN"),
        (37.6178, 55.7520, ""),  # Moscow
        (74.59, 42.87, ""),  # Bishkek: within reach of Zhambyl's polygon, but not in Kazakhstan
        (69.2401, 41.2995, ""),  # Tashkent
        (80.42, 44.21, ""),  # Khorgos, the Chinese side
    ],
)
def test_admin1_at(gazetteer: Gazetteer, lon: float, lat: float, code: str) -> None:
    assert gazetteer.admin1_at(lon, lat) == code


def test_admin1_boundaries(settings: Settings) -> None:
    frame = admin1_boundaries(settings)
    assert frame.crs.to_epsg() == 4326
    assert list(frame.columns) == ["iso3166_2", "name", "geometry"]
    assert set(frame["iso3166_2"]) == JAN2022_CODES - {"KZ-SHY"}
    assert frame.geometry.is_valid.all()
    lon_min, lat_min, lon_max, lat_max = frame.total_bounds
    assert 46 < lon_min < 47.5 and 87 < lon_max < 88 and 40 < lat_min < 41 and 55 < lat_max < 56


def test_countries_and_demonyms(gazetteer: Gazetteer) -> None:
    # a country mention is national scope: its representative point, not its capital
    kz = gazetteer.get("country:KZ")
    assert (kz.kind, kz.lat, kz.lon) == ("country", 48.0, 68.0)
    assert "representative point" in kz.source
    us = gazetteer.get("country:US")
    assert (us.lat, us.lon) == (39.76, -98.5) and "GeoNames" in us.source
    assert first_id(gazetteer, "U.S.") == "country:US"
    assert first_id(gazetteer, "Canadian") == "demonym:CA"
    ru = gazetteer.get("demonym:RU")
    assert (ru.kind, ru.country_code) == ("demonym", "RU")
    assert (ru.lat, ru.lon) == (gazetteer.get("country:RU").lat, gazetteer.get("country:RU").lon)


def test_required_facilities(gazetteer: Gazetteer) -> None:
    for site in REQUIRED_SITES:
        place = gazetteer.get(site)
        assert place is not None, site
        assert place.kind == "facility" and place.admin1.startswith("KZ-") and place.source
    zhetygen = gazetteer.get("site:zhetygen-airfield")
    assert (zhetygen.lat, zhetygen.lon, zhetygen.admin1) == (43.733101, 77.119404, "KZ-ALM")
    assert first_id(gazetteer, "Almaty city hall") == "site:almaty-city-hall"
    assert first_id(gazetteer, "Almaty CHPP-2") == "site:almaty-chpp-2"
    assert first_id(gazetteer, "TETs-2") == "site:almaty-chpp-2"
    assert first_id(gazetteer, "Zhetygen airfield") == "site:zhetygen-airfield"


def test_generic_facility_nouns_are_city_scoped(gazetteer: Gazetteer) -> None:
    almaty = next(i for i in range(len(gazetteer)) if gazetteer.row(i)[0] == "gn:1526384")
    taraz = next(i for i in range(len(gazetteer)) if gazetteer.row(i)[0] == "gn:1516905")
    city_hall = gazetteer.generic["city hall"]
    assert gazetteer.row(city_hall[almaty])[0] == "site:almaty-city-hall"
    assert gazetteer.row(city_hall[taraz])[0] == "site:taraz-akimat"
    assert gazetteer.row(gazetteer.generic["airport"][almaty])[0] == "airport:ALA"
    assert "city hall" not in gazetteer.names  # never matched without a city


@pytest.mark.parametrize(
    "name", ["Nur Otan", "Tokayev", "Nursultan Nazarbayev", "Karim Massimov", "Mir", "Police",
             "Union", "March", "Center", "Internet"],
)  # fmt: skip
def test_not_places(gazetteer: Gazetteer, name: str) -> None:
    assert gazetteer.lookup(name) == []


def test_places_are_shared_objects(gazetteer: Gazetteer) -> None:
    assert gazetteer.get("gn:1526384") is gazetteer.lookup("Almaty")[0]
    assert gazetteer.get("gn:0") is None


def test_places_are_built_as_the_dataclass_builds_them(gazetteer: Gazetteer) -> None:
    """Gazetteer.place fills a Place's fields without its __init__: the same object."""
    for place_id in ("gn:1526384", "site:almaty-city-hall", "country:KZ", "admin1:KZ-ALA"):
        place = gazetteer.get(place_id)
        assert place is not None
        fields = [getattr(place, f.name) for f in dataclasses.fields(Place)]
        again = Place(*fields)
        assert place == again and hash(place) == hash(again) and repr(place) == repr(again)
        assert vars(place) == vars(again) and list(vars(place)) == list(vars(again))
        with pytest.raises(dataclasses.FrozenInstanceError):
            place.name = "x"  # type: ignore[misc]


# --- the cache -------------------------------------------------------------------------------


def copy_data(tmp_path: Path) -> Path:
    data = tmp_path / "data"
    data.mkdir()
    for name in INPUT_FILES:
        if (DATA / name).exists():  # (admin1.geojson: another case's boundaries, not ours)
            shutil.copy(DATA / name, data / name)
    return data


def test_warm_load_uses_the_cache(gazetteer: Gazetteer, settings: Settings) -> None:
    again = Gazetteer.load(settings)
    assert again.from_cache
    assert cache_path(settings).exists()
    assert len(again) == len(gazetteer)


def test_changed_input_rebuilds_the_index(tmp_path: Path) -> None:
    data = copy_data(tmp_path)
    settings = Settings(data_dir=data, cache_dir=tmp_path / "cache")
    messages: list[str] = []
    first = Gazetteer.load(settings, progress=messages.append)
    assert not first.from_cache and messages and "first run" in messages[0]
    assert Gazetteer.load(settings).from_cache
    old_key = index_key(settings)

    with (data / "facilities.csv").open("a", encoding="utf-8", newline="") as handle:
        csv.writer(handle).writerow(
            ["site:test-depot", "Test depot", "depot", "Almaty", "KZ-ALA", "43.3", "76.9", "1",
             "Almaty test depot", "test fixture", ""]
        )  # fmt: skip
    assert index_key(settings) != old_key
    rebuilt = Gazetteer.load(settings)
    assert not rebuilt.from_cache
    assert first_id(rebuilt, "Almaty test depot") == "site:test-depot"
    assert [p.name for p in (tmp_path / "cache").glob("gazetteer-*.index")] == [
        cache_path(settings).name
    ]  # the stale index is removed


def test_package_version_says_what_importlib_metadata_says(tmp_path: Path) -> None:
    """The index key's versions come from the .dist-info folders' names (a fast path): the
    same as importlib.metadata's, "absent" for a package not installed, and a dist-info
    folder on sys.path is read."""
    from importlib import metadata

    for name in (*PACKAGES, "marisa_trie", "Jinja2", "no-such-package-here"):
        try:
            expected = metadata.version(name)
        except metadata.PackageNotFoundError:
            expected = "absent"
        assert package_version(name) == expected, name
    (tmp_path / "No_Such.Package-9.8.7.dist-info").mkdir()
    with pytest.MonkeyPatch.context() as mp:
        mp.syspath_prepend(str(tmp_path))
        assert package_version("no-such-package") == "9.8.7"


def test_bad_facility_row_names_file_line_and_field(tmp_path: Path) -> None:
    data = copy_data(tmp_path)
    with (data / "facilities.csv").open("a", encoding="utf-8", newline="") as handle:
        csv.writer(handle).writerow(
            ["site:bad", "Bad", "depot", "Almaty", "KZ-ALA", "north", "76.9", "1", "", "x", ""]
        )
    lines = (data / "facilities.csv").read_text(encoding="utf-8").count("\n")
    with pytest.raises(DataError) as info:
        Gazetteer.load(Settings(data_dir=data, cache_dir=tmp_path / "cache"))
    assert info.value.line == lines and info.value.field == "lat"
    assert "facilities.csv" in str(info.value)
    assert not list((tmp_path / "cache").glob("gazetteer-*"))


def test_regions_created_in_2022_are_found_within_their_january_2022_units(
    gazetteer: Gazetteer,
) -> None:
    """data/kz_admin1_later.csv: Abai, Zhetisu and Ulytau Regions (8 June 2022) are found by
    their names at their admin centres, as units of their own (no January-2022 polygon is
    theirs: an emergency there is never drawn as the whole unit they came from); their towns
    stay in the January-2022 units."""
    abai = gazetteer.lookup("Abai Region")[0]
    assert (abai.id, abai.kind, abai.admin1, abai.city) == (
        "admin1:KZ-10", "admin1", "KZ-10", "Semey",
    )  # fmt: skip
    assert (abai.lat, abai.lon) == (
        gazetteer.get("gn:1519422").lat,
        gazetteer.get("gn:1519422").lon,
    )
    assert "created 2022-06-08 from KZ-VOS" in abai.source
    assert gazetteer.lookup("Zhetysu region")[0].id == "admin1:KZ-33"
    assert gazetteer.lookup("Jetisu")[0].id == "admin1:KZ-33"
    assert gazetteer.lookup("Ulytau Oblast")[0].id == "admin1:KZ-62"
    assert gazetteer.lookup("Ulytau")[0].kind == "city"  # the village keeps its name
    assert gazetteer.get("gn:1519422").admin1 == "KZ-VOS"  # Semey
    assert gazetteer.get("gn:1516589").admin1 == "KZ-KAR"  # Zhezkazgan


def test_russian_units_by_their_english_and_iso_names(gazetteer: Gazetteer) -> None:
    """GeoNames' old English names of some Russian units ("Tjumen", "Voronezj") missed "Tyumen
    Oblast"; the ISO 3166-2 name ("Tyumenskaya oblast'") links the unit to its biggest town,
    whose name with the unit word finds it. The town itself stays the town."""
    for name in ("Tyumen Oblast", "Tyumen region", "Tyumenskaya oblast'"):
        assert gazetteer.lookup(name)[0].id == "admin1:RU.78", name
    assert gazetteer.lookup("Voronezh Oblast")[0].id == "admin1:RU.86"
    assert gazetteer.lookup("Tver region")[0].id == "admin1:RU-TVE"
    assert gazetteer.lookup("Tyumen")[0].kind == "city"


def test_sites_are_the_curated_facilities(gazetteer: Gazetteer) -> None:
    """Gazetteer.sites(): every row of data/facilities.csv, with its aliases (Cyrillic ones
    too, which the Cyrillic geoparser reads)."""
    sites = {p.id: p for p in gazetteer.sites()}
    assert "site:almaty-republic-square" in sites and all(i.startswith("site:") for i in sites)
    assert "площадь Республики" in sites["site:almaty-republic-square"].aliases


def test_russian_units_whose_adjective_alters_the_name(gazetteer: Gazetteer) -> None:
    """The adjectives of Kaluga (Kaluzhskaya), Vologda (Vologodskaya), Penza (Penzenskaya),
    Yaroslavl (Yaroslavskaya) and Altai Krai (Altayskiy) are not the name plus -skaya; each
    unit is still linked, and GeoNames' Dutch spellings ("Jaroslavl", "Orjol") are shown as the
    English press writes them, the old spelling kept as a name. Republics have their English
    forms ("Altai Republic", "Republic of Tatarstan")."""
    expected = {
        "Kaluga Oblast": "admin1:RU.25", "Kaluzhskaya oblast'": "admin1:RU.25",
        "Vologda Oblast": "admin1:RU.85", "Penza Oblast": "admin1:RU.57",
        "Yaroslavl Oblast": "admin1:RU.88", "Jaroslavl": "admin1:RU.88",
        "Altayskiy kray": "admin1:RU.04", "Altai Krai": "admin1:RU.04",
        "Altai Republic": "admin1:RU-AL", "Republic of Tatarstan": "admin1:RU-TA",
        "Republic of Mordovia": "admin1:RU-MO",
    }  # fmt: skip
    for name, place_id in expected.items():
        assert gazetteer.lookup(name, kinds=["admin1"])[0].id == place_id, name
    assert gazetteer.get("admin1:RU.88").name == "Yaroslavl"
    assert gazetteer.get("admin1:RU.56").name == "Oryol"
    assert gazetteer.get("admin1:RU.51").name == "Nizhniy Novgorod"


@pytest.mark.parametrize(
    ("column", "value"),
    [("within_jan2022", "KZ-XXX"), ("iso3166_2", "KZ-ABAI"), ("created", "June 2022"),
     ("admin_centre_geonameid", "1"), ("sources", " "), ("iso3166_2", "KZ-10")],
)  # fmt: skip
def test_bad_later_unit_row_names_file_line_and_field(
    tmp_path: Path, column: str, value: str
) -> None:
    data = copy_data(tmp_path)
    path = data / "kz_admin1_later.csv"
    with path.open(encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle))
    rows[1][column] = value
    with path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.DictWriter(handle, fieldnames=list(rows[0]))
        writer.writeheader()
        writer.writerows(rows)
    with pytest.raises(DataError) as info:
        Gazetteer.load(Settings(data_dir=data, cache_dir=tmp_path / "cache"))
    assert (info.value.line, info.value.field) == (3, column)
    assert "kz_admin1_later.csv" in str(info.value)


def test_approximate_sites_carry_precision_2(gazetteer: Gazetteer) -> None:
    assert gazetteer.get("site:almaty-chpp-2").precision == 2  # placed at the city centre
    assert gazetteer.get("site:almaty-republic-square").precision == 1
    assert gazetteer.get("gn:1526384").precision == 1


# --- issue 18: unreadable inputs, unwritable caches, two cases side by side ------------------


def _quick_builds(monkeypatch: pytest.MonkeyPatch, gazetteer: Gazetteer) -> list[str]:
    """Builds of a one-place index under the new key (fast); returns the keys built."""
    import geo.gazetteer

    built: list[str] = []

    class QuickBuilder:
        def __init__(self, settings: Settings, key: str) -> None:
            self.key = key

        def build(self):  # noqa: ANN202
            built.append(self.key)
            return geo.gazetteer._Index(
                key=self.key, aoi="KZ", rows=[gazetteer.row(0)], names={"x": (0,)}, generic={},
                iata={}, city_of={},
            )  # fmt: skip

    monkeypatch.setattr(geo.gazetteer, "_Builder", QuickBuilder)
    return built


def test_two_data_folders_keep_their_own_cached_index(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, gazetteer: Gazetteer
) -> None:
    """Building for one case deleted every other index: alternating cases rebuilt each time."""
    built = _quick_builds(monkeypatch, gazetteer)
    (tmp_path / "one").mkdir()
    (tmp_path / "two").mkdir()
    one, two = copy_data(tmp_path / "one"), copy_data(tmp_path / "two")
    with (two / "facilities.csv").open("a", encoding="utf-8", newline="") as handle:
        csv.writer(handle).writerow(
            ["site:depot", "Depot", "depot", "Almaty", "KZ-ALA", "43.3", "76.9", "1", "", "x", ""]
        )
    cache = tmp_path / "cache"
    for folder in (one, two, one, two):
        Gazetteer.load(Settings(data_dir=folder, cache_dir=cache))
    assert len(built) == 2
    assert len(list(cache.glob("gazetteer-*.index"))) == 2


def test_an_unreadable_input_file_is_a_one_line_error(tmp_path: Path) -> None:
    data = copy_data(tmp_path)
    (data / "facilities.csv").unlink()
    (data / "facilities.csv").mkdir()  # unreadable even for root, unlike chmod 000
    with pytest.raises(DataError, match=r"facilities.csv: cannot be read \(Is a directory\)"):
        Gazetteer.load(Settings(data_dir=data, cache_dir=tmp_path / "cache"))


def test_a_cache_folder_that_cannot_be_created_is_a_one_line_error(tmp_path: Path) -> None:
    from geo.errors import InputError

    blocker = tmp_path / "file"
    blocker.write_text("not a folder", encoding="utf-8")
    settings = Settings(data_dir=copy_data(tmp_path), cache_dir=blocker / "cache")
    with pytest.raises(InputError, match=r"cannot write the cache folder .*CRISISMAP_CACHE_DIR"):
        Gazetteer.load(settings)


def test_without_a_boundaries_file_points_stay_and_maps_fall_back(tmp_path: Path) -> None:
    """The README promises a fallback extent; a missing file was fatal."""
    data = copy_data(tmp_path)
    (data / "kz_admin1.geojson").unlink(missing_ok=True)
    settings = Settings(data_dir=data, cache_dir=tmp_path / "cache")
    assert len(admin1_boundaries(settings)) == 0
    (data / "kz_admin1.geojson").write_text("{not json", encoding="utf-8")
    with pytest.raises(DataError, match="cannot read boundaries"):
        admin1_boundaries(settings)  # a damaged file is still an error


def test_admin1_units_of_the_world(gazetteer: Gazetteer) -> None:
    """US states, Canadian provinces, Australian states, UK nations; ISO 3166-2 where pycountry
    has the unit; a point inside the unit; abbreviations only as a separate table."""
    for name, code, lat, lon in (
        ("Ohio", "US-OH", 40.4, -82.7),
        ("Virginia", "US-VA", 37.5, -78.8),
        ("Alberta", "CA-AB", 54.5, -114.8),
        ("Queensland", "AU-QLD", -21.0, 146.0),
        ("Scotland", "GB-SCT", 57.0, -4.0),
    ):
        place = gazetteer.lookup(name, kinds=["admin1"])[0]
        assert (place.id, place.admin1) == (f"admin1:{code}", code), name
        assert abs(place.lat - lat) < 3 and abs(place.lon - lon) < 3, name
    assert gazetteer.lookup("Ohio")[0].kind == "admin1"  # not a town elsewhere
    # a unit named like a city of its country keeps the name only as an alias: city first
    assert gazetteer.lookup("New York")[0].kind == "city"
    assert gazetteer.abbreviations["kan"] == next(
        i for i in range(len(gazetteer)) if gazetteer.row(i)[0] == "admin1:US-KS"
    )
    # Kazakhstan keeps its curated January-2022 units (17, tested above), no GeoNames ones
    assert all(p.id.startswith("admin1:KZ-") for p in gazetteer.admin1_units("KZ"))
    # cities abroad carry their unit's code
    assert gazetteer.get("gn:4560349").admin1 == "US-PA"  # Philadelphia


def test_continents_and_regions(gazetteer: Gazetteer) -> None:
    assert first_id(gazetteer, "Africa") == "continent:AF"
    assert first_id(gazetteer, "Asia") == "continent:AS"
    assert first_id(gazetteer, "Central Asia") == "region:central-asia"
    assert first_id(gazetteer, "the Caucasus") == "region:caucasus"
    assert gazetteer.get("region:central-asia").source


def test_a_case_without_the_kz_files(tmp_path: Path) -> None:
    """kz_* files are optional: another case's data folder has none, Kazakhstan then gets
    GeoNames' units like any country, and the area of interest is another country."""
    data = tmp_path / "data"
    data.mkdir()
    settings = Settings(data_dir=data, cache_dir=tmp_path / "cache", area_of_interest="GE")
    g = Gazetteer.load(settings)
    kz_units = g.admin1_units("KZ")
    assert kz_units and all("GeoNames" in p.source for p in kz_units)
    kutaisi = g.lookup("Kutaisi", kinds=["city"])[0]
    assert (kutaisi.country_code, kutaisi.admin1) == ("GE", "GE-IM")
    assert g.lookup("Imereti")[0].kind == "admin1"
    assert g.get("site:almaty-city-hall") is None  # facilities.csv is the bundled case's
    assert len(admin1_boundaries(settings)) == 0


def test_historic_forms_and_organisations_are_no_names(gazetteer: Gazetteer) -> None:
    """A historic form that only aliases a city abroad yields to a place of that name (Berea:
    not Aleppo), and organisations named like places (geo/reference/organisations.csv) are
    not places."""
    assert "gn:170063" not in [p.id for p in gazetteer.lookup("Berea")]  # Aleppo
    assert gazetteer.lookup("Hamas") == []  # was an alias of Hamm (Germany)
    assert gazetteer.lookup("Xinhua") == []
    assert first_id(gazetteer, "American") == "demonym:US"


# --- issue 17: the index file, opened lazily ------------------------------------------------


def test_the_index_file_answers_like_the_index_it_was_built_from(tmp_path: Path) -> None:
    """Names, prefixes, rows and ids read on demand from the file equal what was written."""
    from geo._indexfile import open_index, write_index

    rows = [
        ("gn:1", "Almaty", "city", 43.25, 76.95, "KZ", "KZ-ALA", 2000000, "", "Alma-Ata", "x"),
        ("gn:2", "Aktau", "city", 43.65, 51.2, "KZ", "KZ-MAN", 180000, "", "", "x"),
        ("gn:2", "Aktau", "city", 50.2, 73.1, "KZ", "KZ-KAR", 100, "", "", "x"),  # id twice
    ]
    names = {"almaty": (0,), "alma ata": (~0,), "aktau": (1, 2), "nur otan": ()}
    path = tmp_path / "index"
    with path.open("wb") as handle:
        write_index(handle, header={"key": "k"}, names=names, prefixes=["alma"], rows=rows)
    index = open_index(path)
    assert index is not None and index.header["key"] == "k" and index.count == 3
    assert index.names.get("aktau") == (1, 2) and index.names["alma ata"] == (-1,)
    assert index.names.get("nur otan") == () and "nur otan" in index.names  # not a place
    assert index.names.get("astana") is None and "astana" not in index.names
    assert dict(index.names) == names and len(index.names) == 4
    assert "alma" in index.prefixes and "almaty" not in index.prefixes
    assert [index.rows[i] for i in range(3)] == rows == index.all_rows()
    assert index.row_of("gn:2") == 2 and index.row_of("gn:9") is None  # the last row wins
    with pytest.raises(IndexError):
        index.rows[3]
    start, length = index.header["sections"]["names"]
    damaged = bytearray(path.read_bytes())
    damaged[start : start + length] = b"\xff" * length
    path.write_bytes(bytes(damaged))
    assert open_index(path) is None  # (Gazetteer.load then rebuilds it)


def test_compiled_and_python_row_readers_read_every_row_alike(gazetteer: Gazetteer) -> None:
    """geo/_rows.pyx and its pure-Python fallback read the same tuples (the same values, of
    the same types) as the whole list unpickled at once, for every row of the index."""
    from geo import _indexfile

    assert _indexfile._RowReader is not None, "geo/_rows.pyx is not built: run make setup"
    index = gazetteer._file
    compiled = index.row_reader(compiled=True)
    python = index.row_reader(compiled=False)
    assert isinstance(compiled, _indexfile._RowReader)
    assert isinstance(python, _indexfile._PythonRows)
    every = index.all_rows()
    for i, row in enumerate(every):
        assert compiled.row(i) == python.row(i) == row, i
        assert list(map(type, compiled.row(i))) == list(map(type, python.row(i))), i
    assert list(map(type, every[0])) == list(_indexfile.ROW_TYPES)
    with pytest.raises(IndexError):
        compiled.row(len(every))


def test_compiled_and_python_name_lookups_agree(gazetteer: Gazetteer) -> None:
    """geo/_rows.pyx's NameCodes and _PythonNameCodes read the same codes for every name of
    the index (and None, or the default, for a name that is not there)."""
    from geo import _indexfile

    assert _indexfile._CompiledNameCodes is not None, "geo/_rows.pyx is not built"
    index = gazetteer._file
    assert isinstance(index.names, _indexfile._CompiledNameCodes)
    args = (index.names._names, index._ints("name_offsets", "i"), index._ints("name_values", "i"))
    compiled = _indexfile._CompiledNameCodes(*args)
    python = _indexfile._PythonNameCodes(*args)
    keys = list(index.names)
    assert len(keys) > 100_000
    for key in [*keys, "no such place", ""]:
        assert compiled.get(key) == python.get(key), key
        assert compiled.get(key, "x") == python.get(key, "x"), key
    assert compiled.get("no such place", 5) == 5 and compiled.get(keys[0]) is compiled.get(keys[0])


def test_compiled_places_are_the_python_ones(gazetteer: Gazetteer) -> None:
    """geo/_rows.pyx builds each Place as Gazetteer._python_place does: equal, with the same
    fields in the same order and of the same types, for every row."""
    from geo.gazetteer import _PLACE_FIELDS, _SEP, _make_place

    assert _make_place is not None, "geo/_rows.pyx is not built: run make setup"
    precision = gazetteer._precision
    assert any(v != 1 for v in precision.values())  # a site placed at its city centre
    for i in range(len(gazetteer)):
        got = _make_place(gazetteer.row(i), Place, _PLACE_FIELDS, precision, _SEP)
        want = gazetteer._python_place(i)
        assert type(got) is Place and got == want, i
        assert [(k, type(v)) for k, v in vars(got).items()] == [
            (k, type(v)) for k, v in vars(want).items()
        ], i
    assert gazetteer.place(0) is gazetteer.place(0)


def test_a_damaged_row_is_an_error_not_a_crash(tmp_path: Path) -> None:
    """Row offsets that point outside the rows (a damaged file) raise ValueError in C."""
    from geo._indexfile import open_index, write_index

    rows = [("gn:1", "Almaty", "city", 43.25, 76.95, "KZ", "KZ-ALA", 2000000, "", "A\x1fB", "x")]
    path = tmp_path / "index"
    with path.open("wb") as handle:
        write_index(handle, header={"key": "k"}, names={}, prefixes=[], rows=rows)
    index = open_index(path)
    assert index is not None and index.compiled_rows is not None
    assert index.compiled_rows.row(0) == rows[0]
    start, length = index.header["sections"]["row_offsets"]
    damaged = bytearray(path.read_bytes())
    damaged[start + 8 : start + 16] = (10**9).to_bytes(8, sys.byteorder)
    path.write_bytes(bytes(damaged))
    index = open_index(path)
    assert index is not None and index.compiled_rows is not None
    with pytest.raises(ValueError, match="row 0"):
        index.compiled_rows.row(0)


def test_the_index_refuses_a_row_it_cannot_store(tmp_path: Path) -> None:
    """A row whose fields are not of ROW_TYPES stops the build with the row named."""
    from geo._indexfile import write_index

    row = ("gn:1", "Almaty", "city", 43, 76.95, "KZ", "KZ-ALA", 2000000, "", "", "x")  # int lat
    with (tmp_path / "index").open("wb") as handle, pytest.raises(ValueError, match="row 0"):
        write_index(handle, header={"key": "k"}, names={}, prefixes=[], rows=[row])


def test_an_index_file_of_the_previous_layout_is_rebuilt(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, gazetteer: Gazetteer
) -> None:
    """A cache written by an older version (layout 1: one pickle per row) under the name the
    current key gives is not read: it is rebuilt in the current layout."""
    built = _quick_builds(monkeypatch, gazetteer)
    settings = Settings(data_dir=copy_data(tmp_path), cache_dir=tmp_path / "cache")
    settings.cache_dir.mkdir()
    old = b"crisismap gazetteer index 1\n" + (b"\0" * 16) + b"rows"
    cache_path(settings).write_bytes(old)
    assert not Gazetteer.load(settings).from_cache and len(built) == 1
    assert cache_path(settings).read_bytes()[:28] == b"crisismap gazetteer index 2\n"
    again = Gazetteer.load(settings)
    assert again.from_cache and len(built) == 1
    assert again.row(0) == gazetteer.row(0)


def test_a_damaged_index_file_is_rebuilt(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                         gazetteer: Gazetteer) -> None:  # fmt: skip
    built = _quick_builds(monkeypatch, gazetteer)
    settings = Settings(data_dir=copy_data(tmp_path), cache_dir=tmp_path / "cache")
    settings.cache_dir.mkdir()
    cache_path(settings).write_bytes(b"crisismap gazetteer index 1\n" + b"\xff" * 40)
    assert not Gazetteer.load(settings).from_cache and len(built) == 1
    assert Gazetteer.load(settings).from_cache and len(built) == 1


def test_rows_read_one_by_one_equal_the_whole_list(gazetteer: Gazetteer) -> None:
    every = list(gazetteer.rows)
    assert len(every) == len(gazetteer)
    for i in (0, 1, len(every) // 2, len(every) - 1):
        assert gazetteer.row(i) == gazetteer.rows[i] == every[i]
    assert gazetteer.rows[-1] == every[-1] and gazetteer.rows[:2] == every[:2]
    almaty = gazetteer.row_of("gn:1526384")
    assert almaty is not None and gazetteer.row(almaty)[1] == "Almaty"


def test_subdivision_codes_do_not_depend_on_the_hash_seed():
    """pycountry hands subdivisions over as a set: Veszprém was HU-VE (the county) or HU-VM
    (its city) from one index build to the next, with the process's hash seed."""
    import os
    import subprocess
    import sys

    code = (
        "from geo.gazetteer import _iso_subdivisions, normalize; "
        "print(_iso_subdivisions('HU')[normalize('Veszprém')][0], "
        "_iso_subdivisions('MZ')[normalize('Maputo')][0])"
    )
    seen = {
        subprocess.run(
            [sys.executable, "-c", code],
            env={**os.environ, "PYTHONHASHSEED": str(seed)},
            cwd=PROJECT_ROOT,
            capture_output=True,
            text=True,
            check=True,
        ).stdout.strip()
        for seed in (1, 2, 3, 4)
    }
    assert seen == {"HU-VE MZ-L"}
