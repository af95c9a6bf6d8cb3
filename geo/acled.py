"""ACLED compatibility: read ACLED exports into our events, write our events as ACLED rows.

Import (``read_acled``, ``load_acled``, ``python -m geo import-acled``) reads the exports analysts
really have: every vintage since the 2016 "ACLED 6/7" files (see README "ACLED formats").

- Columns are found by name, case-insensitively; unknown columns (``data_id``, ``gwno``, a pandas
  index) are ignored and absent optional ones are empty. Only event_id_cnty, event_date,
  event_type, latitude and longitude are required. ``ally_actor_1/2`` are read as
  ``assoc_actor_1/2``.
- Event types before the 2019 taxonomy are mapped to the current ones by
  ``geo/reference/acled_old_event_types.csv`` (with its source in the README).
- Dates: ISO, ``21 March 2020``, ``9-May-20`` (the export tool, Excel), ``31-12-19`` and other
  numeric forms (day first unless the file shows otherwise).
- Rows repeating an event_id_cnty once per actor are one event with all their actors.
- inter1/inter2/interaction may be ACLED's numbers or its text ("State forces", "Protesters only").
- A bad row is skipped and reported (line, field, reason); ``strict`` makes any bad row an error.
  An actor type, interaction or country not understood is reported and the row kept without it.
- Places: ACLED's own point and country are kept. Admin-1 comes from the point within the
  country's boundaries where we have them (Kazakhstan), else from ACLED's admin1 name (matched to
  an ISO 3166-2 code with pycountry, or kept as written); never from a neighbour's polygon. A
  gazetteer place is linked only when it lies in the same country within PLACE_NEAR_KM of the
  point: a name never moves or re-files an ACLED event.

The imported frame has load_events' columns, ``origin`` ("acled") and ACLED_EXTRA_COLUMNS
(country, inter1, inter2); ``with_imported`` merges it into a Dataset (our own events get origin
"crisismap") and ``only_origin`` keeps one origin, so the map can show both or either.

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
- Country: the export writes each event's own country (ISO 3166 numeric ``iso``, ACLED's country
  and region names from ``geo/reference/acled_countries.csv``); an event whose country cannot be
  told gets empty cells, never Kazakhstan by default.
- inter codes: ACLED's own codes for imported events; for ours, from the actor's type (its name)
  and the event's country ("Military Forces of Russia" in Kazakhstan is 8, external forces).
- admin1: ISO 3166-2 codes as of January 2022 <-> names (``ADMIN1_NAMES`` for Kazakhstan,
  pycountry's names elsewhere). The spelling of ACLED's own Kazakhstan admin1 names could not be
  checked offline; the import accepts the usual variants (Region/Oblast/City suffixes,
  Qaraghandy, Mangghystau, South Kazakhstan, Astana ...).
"""

from __future__ import annotations

import csv
import datetime as dt
import functools
import io
import math
import re
import sys
import time
import unicodedata
from collections.abc import Callable, Iterable
from dataclasses import dataclass, replace
from pathlib import Path
from typing import TYPE_CHECKING, Any, NamedTuple

import geopandas as gpd
import pandas as pd

from geo.articles import file_label
from geo.csvrows import csv_writer, format_sources, parse_sources
from geo.errors import DataError, InputError
from geo.events import Dataset, point
from geo.export import is_missing
from geo.layers import OUR_ORIGIN
from geo.schema import CERTAINTIES, CRS, EVENT_COLUMNS, EVENT_LAYERS, Source

if TYPE_CHECKING:
    import argparse

    from geo.config import Settings
    from geo.gazetteer import Gazetteer

# The columns our export writes, in ACLED's order (the 2020s export); the import needs only some.
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
REQUIRED_COLUMNS: tuple[str, ...] = (
    "event_id_cnty",
    "event_date",
    "event_type",
    "latitude",
    "longitude",
)
# Other names older vintages give a column we read (ACLED 6/7: "ally" actors).
COLUMN_ALIASES: dict[str, str] = {
    "ally_actor_1": "assoc_actor_1",
    "ally_actor_2": "assoc_actor_2",
    "iso_3": "iso3",
}
_READ_COLUMNS = frozenset(ACLED_COLUMNS) | {"iso3"}

ACLED_URL = "https://acleddata.com/"
ACLED_PREFIX = "ACLED: "
ORIGIN_COLUMN = "origin"
ACLED_ORIGIN = "acled"
# What an imported frame carries beyond our events: ISO alpha-2 country, ACLED's inter codes.
ACLED_EXTRA_COLUMNS: tuple[str, ...] = ("country", "inter1", "inter2")
REFERENCE_DIR = Path(__file__).resolve().parent / "reference"
COUNTRIES_FILE = REFERENCE_DIR / "acled_countries.csv"
OLD_TYPES_FILE = REFERENCE_DIR / "acled_old_event_types.csv"
# A gazetteer place of the same name is linked to an ACLED event only this close to its point.
PLACE_NEAR_KM = 50.0

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
# ACLED's actor types (inter codes); the 2024 API writes the text, older files the number.
INTER_TYPES: dict[int, str] = {
    1: "State forces",
    2: "Rebel group",
    3: "Political militia",
    4: "Identity militia",
    5: "Rioters",
    6: "Protesters",
    7: "Civilians",
    8: "External/Other forces",
}

# Kazakhstan: the country whose admin-1 polygons we hold (data/kz_admin1.geojson).
KZ = "KZ"
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
# Kazakhstan's cities of republican significance lie inside a region of their own: an ACLED
# admin1 naming the region, for a point this close to the city centre, is the city (without
# polygons at hand; with them, the point decides). (lon, lat, km, region around it)
_CITY_UNITS: dict[str, tuple[float, float, float, str]] = {
    "KZ-ALA": (76.9115, 43.25249, 15.0, "KZ-ALM"),
    "KZ-AST": (71.44598, 51.1801, 15.0, "KZ-AKM"),
    "KZ-SHY": (69.5901, 42.3, 20.0, "KZ-YUZ"),
}

# Actor types from ACLED's actor-naming conventions, first match wins. State forces are 1 in
# their own country and 8 (external forces) elsewhere.
_OWNER = r"(?P<owner>[^(]+?)\s*(?:\(|$)"
_STATE_OF = re.compile(
    r"^(?:(?:military|police|naval|air|special|border|security|armed) forces"
    r"|government|national security committee|national guard|ministry of [a-z ]+) of " + _OWNER,
    re.I,
)
_INTER_RULES: tuple[tuple[str, int], ...] = (
    (r"^rioters?\b", 5),
    (r"^protesters?\b", 6),
    (r"^civilians?\b", 7),
    (r"\b(csto|collective security treaty|peacekeep|united nations|nato)\b", 8),
    (r"\b(communal|ethnic|clan|tribal) militia\b", 4),
    (r"\b(unidentified armed group|militia)\b", 3),
    (r"\b(police|army|military|national guard|knb|interior ministry)\b", 1),
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


# --- reference data ---------------------------------------------------------------------------


def _fold(text: str) -> str:
    """Lower case, no accents, apostrophes or punctuation: 'Ysyk-Köl' -> 'ysyk kol'."""
    text = unicodedata.normalize("NFKD", text)
    text = "".join(c for c in text if not unicodedata.combining(c))
    text = re.sub(r"['’ʻʼ`]", "", text.lower())
    return " ".join(re.sub(r"[^0-9a-z]+", " ", text).split())


@dataclass(frozen=True)
class Country:
    """A country as ACLED writes it: ISO codes, ACLED's name and region."""

    alpha2: str
    alpha3: str
    numeric: str  # ACLED's iso: the ISO 3166 numeric code without leading zeros ("4", "398")
    name: str
    region: str


@functools.cache
def _countries() -> tuple[dict[str, Country], dict[str, str]]:
    """(alpha-2 -> Country, folded name or code -> alpha-2) from the reference file + pycountry."""
    import pycountry

    by_code: dict[str, Country] = {}
    index: dict[str, str] = {}
    with COUNTRIES_FILE.open(encoding="utf-8", newline="") as handle:
        for row in csv.DictReader(handle):
            iso3 = row["iso3"]
            found = pycountry.countries.get(alpha_3=iso3)
            if found is not None:
                alpha2, numeric = found.alpha_2, str(int(found.numeric))
                names = [found.name, getattr(found, "common_name", ""),
                         getattr(found, "official_name", "")]  # fmt: skip
            else:  # not in ISO 3166 (Kosovo): the file gives the codes ACLED uses
                alpha2, numeric, names = row["iso2"], row["iso_numeric"], []
            name = row["acled_name"] or getattr(found, "common_name", "") or found.name
            by_code[alpha2] = Country(alpha2, iso3, numeric, name, row["region"])
            others = [n.strip() for n in row["other_names"].split(";")]
            for key in (name, *names, *others, alpha2, iso3):
                if key:
                    index.setdefault(_fold(key), alpha2)
            index.setdefault(f"#{numeric}", alpha2)
    return by_code, index


def country(code: str) -> Country | None:
    """The Country for an ISO alpha-2 code, or None."""
    return _countries()[0].get(code.upper())


def country_code(*, iso: str = "", iso3: str = "", name: str = "") -> str:
    """ISO alpha-2 from ACLED's iso (numeric), iso3 or country name, first that is known; or ""."""
    index = _countries()[1]
    number = iso.strip().removesuffix(".0")
    if number.isdigit() and f"#{int(number)}" in index:
        return index[f"#{int(number)}"]
    for key in (iso3, name):
        if key.strip() and _fold(key) in index:
            return index[_fold(key)]
    return ""


@dataclass(frozen=True)
class OldType:
    """One line of the old-event-type table: when it applies and what it becomes."""

    old: str
    when_inter: int | None  # applies when an actor has this inter code; None: always
    event_type: str
    sub_event_type: str


@functools.cache
def old_event_types() -> dict[str, tuple[OldType, ...]]:
    """Folded old event type -> its mappings, conditional ones first (the reference file)."""
    out: dict[str, list[OldType]] = {}
    with OLD_TYPES_FILE.open(encoding="utf-8", newline="") as handle:
        for row in csv.DictReader(handle):
            when = row["when"].strip()
            inter = int(when.partition("=")[2]) if when else None
            out.setdefault(_fold(row["old_event_type"]), []).append(
                OldType(row["old_event_type"], inter, row["event_type"], row["sub_event_type"])
            )
    return {k: tuple(sorted(v, key=lambda t: t.when_inter is None)) for k, v in out.items()}


_CURRENT_TYPES = {_fold(t): t for t in LAYER_BY_EVENT_TYPE}
_ADMIN1_SUFFIXES = re.compile(
    r"\b(province|region|oblast|oblysy|oblusu|division|state|governorate|district|city|shaary"
    r"|county|prefecture|department|municipality|wilayah|vilayati|viloyati)\b"
)


@functools.cache
def _subdivisions(alpha2: str) -> dict[str, str]:
    """Folded first-level subdivision name (suffixes dropped) -> ISO 3166-2 code (pycountry)."""
    import pycountry

    out: dict[str, str] = {}
    seen: set[str] = set()
    for sub in pycountry.subdivisions.get(country_code=alpha2) or ():
        if sub.parent_code is not None:
            continue
        key = _ADMIN1_SUFFIXES.sub("", _fold(sub.name)).replace(" ", "")
        if key in seen:  # two units fold to one name: neither can be told by name
            out.pop(key, None)
        else:
            out[key] = sub.code
        seen.add(key)
    return out


def subdivision_code(alpha2: str, name: str) -> str:
    """The ISO 3166-2 code of a country's first-level unit called ``name``, or ""."""
    key = _ADMIN1_SUFFIXES.sub("", _fold(name)).replace(" ", "")
    return _subdivisions(alpha2.upper()).get(key, "") if key else ""


@functools.cache
def admin1_name(code: str) -> str:
    """The name our export writes for an admin1 value: Kazakh codes as ACLED names them,
    other ISO 3166-2 codes by pycountry's name, anything else (ACLED's own name) as it is."""
    if code in ADMIN1_NAMES:
        return ADMIN1_NAMES[code]
    if re.fullmatch(r"[A-Z]{2}-[A-Z0-9]{1,3}", code):
        import pycountry

        sub = pycountry.subdivisions.get(code=code)
        if sub is not None:
            return sub.name
    return code


# --- import: reading the file -----------------------------------------------------------------


@dataclass(frozen=True)
class _RawRow:
    line: int
    cells: dict[str, str]
    problem: DataError | None = None  # the row could not be read as a row at all


def _header_key(name: str) -> str:
    key = re.sub(r"[\s\-]+", "_", name.strip().strip('"').lower())
    return COLUMN_ALIASES.get(key, key)


def _decode(path: Path, label: str) -> tuple[str, str]:
    """(text, note): UTF-8 (BOM allowed), else Windows-1252 as spreadsheets save it."""
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise DataError(label, None, None, f"cannot be read ({exc.strerror})") from None
    if data[:4] == b"PK\x03\x04":
        raise DataError(label, None, None, "is an Excel workbook, not CSV; save it as CSV (UTF-8)")
    try:
        return data.decode("utf-8-sig"), ""
    except UnicodeDecodeError:
        return data.decode("cp1252", errors="replace"), "not UTF-8: read as Windows-1252"


def _read_table(path: Path, label: str) -> tuple[list[_RawRow], list[str], str]:
    """The rows of an ACLED CSV as (first line, cells by canonical column), notes on the file
    and its delimiter.

    A header without a required column is an error for the whole file; a row with too few or
    too many cells (a truncated last line, a stray delimiter) comes back with its problem.
    """
    text, note = _decode(path, label)
    notes = [note] if note else []
    first = text.split("\n", 1)[0]
    delimiter = max((",", ";", "\t"), key=first.count)
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
    try:
        header = next(reader)
    except StopIteration:
        raise DataError(label, 1, None, "is empty (no header)") from None
    except csv.Error as exc:
        raise DataError(label, 1, None, f"is not valid CSV ({exc})") from None
    keys = [_header_key(h) for h in header]
    positions: dict[str, int] = {}
    for i, key in enumerate(keys):
        if key in _READ_COLUMNS and key not in positions:
            positions[key] = i
    missing = [c for c in REQUIRED_COLUMNS if c not in positions]
    if missing:
        problem = (
            "column is missing from the header (an ACLED export needs "
            f"{', '.join(REQUIRED_COLUMNS)}; other columns are optional)"
        )
        raise DataError(label, 1, missing[0], problem)
    rows: list[_RawRow] = []
    line = 1
    while True:
        start = line + 1
        try:
            cells = next(reader)
        except StopIteration:
            break
        except csv.Error as exc:  # e.g. a NUL byte; the rest of the file cannot be trusted
            rows.append(_RawRow(start, {}, DataError(label, start, None, f"not CSV ({exc})")))
            notes.append(f"stopped reading at line {start}")
            break
        line = reader.line_num
        if not any(c.strip() for c in cells):
            continue
        if len(cells) > len(header) and not any(c.strip() for c in cells[len(header) :]):
            cells = cells[: len(header)]  # trailing empty cells a spreadsheet added
        if len(cells) != len(header):
            how = "fewer" if len(cells) < len(header) else "more"
            problem = f"has {len(cells)} cells, {how} than the header's {len(header)}" + (
                " (a truncated line?)" if how == "fewer" else ""
            )
            cell_map = {k: cells[i].strip() for k, i in positions.items() if i < len(cells)}
            rows.append(_RawRow(start, cell_map, DataError(label, start, None, problem)))
            continue
        rows.append(_RawRow(start, {k: cells[i].strip() for k, i in positions.items()}))
    return rows, notes, delimiter


# --- import: one row ---------------------------------------------------------------------------

_MONTH_FORMATS = (
    "%d %B %Y",
    "%d %b %Y",
    "%d-%b-%y",
    "%d-%b-%Y",
    "%d-%B-%y",
    "%d-%B-%Y",
    "%d %b %y",
    "%d/%b/%Y",
    "%d/%b/%y",
    "%B %d, %Y",
    "%b %d, %Y",
    "%d.%m.%Y",
)
_NUMERIC_DATE = re.compile(r"(\d{1,2})[-/.](\d{1,2})[-/.](\d{4}|\d{2})")
_ISO_DATE = re.compile(r"(\d{4})[-/](\d{1,2})[-/](\d{1,2})(?:[ T][\d:.]+Z?)?")


def parse_acled_date(value: str, *, day_first: bool = True) -> dt.date:
    """A date in any form ACLED exports have used; raises ValueError.

    ISO (with or without a time), ``21 March 2020``, ``9-May-20``, ``31-12-19``. Numeric dates
    are day first unless ``day_first`` is False (a file whose days show they are month first).
    """
    value = " ".join(value.split())
    m = _ISO_DATE.fullmatch(value)
    if m:
        return dt.date(int(m[1]), int(m[2]), int(m[3]))
    m = _NUMERIC_DATE.fullmatch(value)
    if m:
        a, b, year = int(m[1]), int(m[2]), int(m[3])
        if len(m[3]) == 2:
            year += 2000 if year < 69 else 1900
        if a > 12 >= b:
            day, month = a, b
        elif b > 12 >= a:
            day, month = b, a
        else:
            day, month = (a, b) if day_first else (b, a)
        return dt.date(year, month, day)
    for fmt in _MONTH_FORMATS:
        try:
            return dt.datetime.strptime(value.title() if "%b" in fmt or "%B" in fmt else value,
                                        fmt).date()  # fmt: skip
        except ValueError:
            continue
    msg = f"{value!r} is not a date"
    raise ValueError(msg)


def _day_first(values: Iterable[str]) -> bool:
    """Whether a file's numeric dates are day first: no if some can only be month first."""
    month_first = 0
    day_first = 0
    for v in values:
        m = _NUMERIC_DATE.fullmatch(v.strip())
        if m:
            day_first += int(m[1]) > 12
            month_first += int(m[2]) > 12
    return not (month_first and not day_first)


def parse_inter(value: str) -> int | None:
    """ACLED's actor type: 1-8 or its text ("State forces", "External/Other forces"); 0/"" ->
    None. Raises ValueError for anything else."""
    text = value.strip().removesuffix(".0")
    if text in ("", "0"):
        return None
    if text.isdigit() and int(text) in INTER_TYPES:
        return int(text)
    key = _fold(text).removesuffix("s")
    for code, name in INTER_TYPES.items():
        if _fold(name).removesuffix("s") == key:
            return code
    if key in ("external force", "other force", "external other force"):
        return 8
    msg = f"{value!r} is not an ACLED actor type (1-8 or {', '.join(INTER_TYPES.values())})"
    raise ValueError(msg)


def parse_interaction(value: str) -> tuple[int | None, int | None]:
    """ACLED's interaction as two actor types: "15", "60", "State forces-Protesters",
    "Protesters only". The order of a number's digits says nothing about who is actor1."""
    text = value.strip().removesuffix(".0")
    if not text:
        return None, None
    if text.isdigit() and len(text) == 2:
        return parse_inter(text[0]), parse_inter(text[1])
    if re.search(r"\bonly$", text, re.I):
        return parse_inter(re.sub(r"\s*\bonly$", "", text, flags=re.I)), None
    first, sep, second = text.partition("-")
    if sep:
        return parse_inter(first), parse_inter(second)
    return parse_inter(text), None


class _AcledRow:
    """Typed getters for one ACLED row; each raises DataError naming file, line and field."""

    def __init__(
        self,
        label: str,
        line: int,
        cells: dict[str, str],
        *,
        day_first: bool = True,
        decimal_comma: bool = False,
    ) -> None:
        self.label, self.line, self.cells = label, line, cells
        self.day_first, self.decimal_comma = day_first, decimal_comma
        self.kept: list[DataError] = []  # values not understood in a row that is kept

    def fail(self, name: str | None, problem: str) -> DataError:
        return DataError(self.label, self.line, name, problem)

    def text(self, name: str, *, required: bool = False) -> str:
        value = self.cells.get(name, "")
        if required and not value:
            raise self.fail(name, "is empty but required")
        return value

    def date(self, name: str) -> dt.date:
        value = self.text(name, required=True)
        try:
            return parse_acled_date(value, day_first=self.day_first)
        except ValueError:
            problem = f"{value!r} is not a date (2022-01-05, 05 January 2022, 5-Jan-22, 05-01-22)"
            raise self.fail(name, problem) from None

    def integer(self, name: str, *, low: int = 0, high: int | None = None) -> int | None:
        value = self.text(name).replace(",", "")
        value = re.sub(r"\.0+$", "", value)  # a spreadsheet's 3.0
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
        if self.decimal_comma and re.fullmatch(r"-?\d+,\d+", value):
            value = value.replace(",", ".")  # a semicolon-separated file from a comma locale
        try:
            x = float(value)
        except ValueError:
            raise self.fail(name, f"{value!r} is not a number") from None
        if not math.isfinite(x) or not -limit <= x <= limit:
            raise self.fail(name, f"{value} is out of range [-{limit:g}, {limit:g}]")
        return x

    def inter(self, name: str) -> int | None:
        """An actor type, or None; a value not understood is noted and the row kept."""
        try:
            return parse_inter(self.text(name))
        except ValueError as exc:
            self.note(name, f"{exc}; the row is kept without it")
            return None

    def note(self, name: str, problem: str) -> None:
        if all(k.field != name for k in self.kept):
            self.kept.append(self.fail(name, problem))

    def event_type(self) -> tuple[str, str]:
        """(current event type, sub event type), old types mapped by the reference table."""
        value = self.text("event_type", required=True)
        sub = self.text("sub_event_type")
        current = _CURRENT_TYPES.get(_fold(value))
        if current:
            return current, sub
        mappings = old_event_types().get(_fold(value))
        if not mappings:
            known = ", ".join(LAYER_BY_EVENT_TYPE)
            raise self.fail(
                "event_type",
                f"{value!r} is not one of {known}, nor an older ACLED type (README, ACLED formats)",
            )
        inters = {self.inter("inter1"), self.inter("inter2")}
        for m in mappings:
            if m.when_inter is None or m.when_inter in inters:
                return m.event_type, sub or m.sub_event_type
        raise self.fail("event_type", f"{value!r} has no mapping for these actors")


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


def _km(lon1: float, lat1: float, lon2: float, lat2: float) -> float:
    dx = math.radians(lon2 - lon1) * math.cos(math.radians((lat1 + lat2) / 2))
    return 6371.0 * math.hypot(dx, math.radians(lat2 - lat1))


def _kz_admin1_by_name(name: str, lon: float, lat: float) -> str:
    """A Kazakh admin1 name (any usual spelling) as its code; a region's name for a point in
    one of its cities of republican significance is that city (Almaty, Nur-Sultan, Shymkent)."""
    low = name.strip().lower()
    key = re.sub(r"\s+(region|oblast|oblysy|province|city)$", "", low)
    key = re.sub(r"^city of\s+", "", key)
    code = ""
    if key == "almaty":
        code = "KZ-ALM" if low.endswith(("region", "oblast", "province")) else "KZ-ALA"
        if code == "KZ-ALA" and not (low.endswith("city") or low.startswith("city of")):
            code = "KZ-ALM"  # a bare "Almaty" is the region unless the point is in the city
    else:
        for known_code, known in ADMIN1_NAMES.items():
            if key in (known.lower(), known.lower().removesuffix(" city")):
                code = known_code
                break
        else:
            code = _ADMIN1_VARIANTS.get(key) or _ADMIN1_VARIANTS.get(key.replace("-", ""), "")
    for city, (clon, clat, radius, region) in _CITY_UNITS.items():
        if code in (region, city) and _km(lon, lat, clon, clat) <= radius:
            return city
    return code


def admin1_code(
    name: str,
    lon: float,
    lat: float,
    gazetteer: Gazetteer | None = None,
    *,
    country: str = KZ,
) -> str:
    """Our admin1 value for an ACLED event: an ISO 3166-2 code (January 2022 for Kazakhstan),
    else ACLED's own name, else "".

    In Kazakhstan the point decides when a gazetteer (with the boundaries) is given, else the
    name does; elsewhere the name does (pycountry's codes). Never another country's polygon.
    """
    if country == KZ:
        if gazetteer is not None and hasattr(gazetteer, "admin1_at"):
            found = gazetteer.admin1_at(lon, lat)
            if found:
                return found
        return (_kz_admin1_by_name(name, lon, lat) or name) if name else ""
    if not country or not name:
        return name
    return subdivision_code(country, name) or name


def linked_place(
    gazetteer: Gazetteer | None, name: str, lon: float, lat: float, *, country: str = ""
) -> str:
    """The id of a gazetteer place called ``name`` in the same country within PLACE_NEAR_KM of
    the point, or "": a name alone never links an event to a namesake elsewhere."""
    if gazetteer is None or not name:
        return ""
    for place in gazetteer.lookup(name, limit=10):
        if country and place.country_code and place.country_code != country:
            continue
        if _km(lon, lat, place.lon, place.lat) <= PLACE_NEAR_KM:
            return place.id
    return ""


def _parse_acled_row(row: _AcledRow, gazetteer: Gazetteer | None) -> dict[str, Any]:
    rid = row.text("event_id_cnty", required=True)
    event_type, sub_event_type = row.event_type()
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
    cc = country_code(iso=row.text("iso"), iso3=row.text("iso3"), name=row.text("country"))
    if not cc and (row.text("country") or row.text("iso3")):
        given = row.text("country") or row.text("iso3")
        problem = f"{given!r} is not a country we know (ISO 3166, ACLED names)"
        row.note("country", f"{problem}; the row is kept without a country")
    inter1, inter2 = row.inter("inter1"), row.inter("inter2")
    if inter1 is None or ("inter2" not in row.cells and inter2 is None):
        try:
            pair = parse_interaction(row.text("interaction"))
        except ValueError as exc:
            row.note("interaction", f"{exc}; the row is kept without it")
            pair = (None, None)
        if inter1 is None:
            inter1, inter2 = pair
        elif inter2 is None:
            inter2 = pair[1] if pair[0] == inter1 else pair[0] if pair[1] == inter1 else None
    location = row.text("location")
    actors = [
        _split(row.text(a)) + _split(row.text(assoc))
        for a, assoc in (("actor1", "assoc_actor_1"), ("actor2", "assoc_actor_2"))
    ]
    return {
        "id": rid,
        "date": pd.Timestamp(day),
        "time_precision": row.integer("time_precision", low=1, high=3) or 1,
        "layer": layer,
        "event_type": event_type,
        "sub_event_type": sub_event_type,
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
        "sources": _split(row.text("source")),
        "place_id": linked_place(gazetteer, location, lon, lat, country=cc),
        "place_name": location,
        "admin1": admin1_code(row.text("admin1"), lon, lat, gazetteer, country=cc),
        "_line": row.line,
        ORIGIN_COLUMN: ACLED_ORIGIN,
        "country": cc,
        "inter1": "" if inter1 is None else str(inter1),
        "inter2": "" if inter2 is None else str(inter2),
        "geometry": point(lon, lat),
    }


def _merge_actor_row(first: dict[str, Any], rec: dict[str, Any], label: str) -> None:
    """Fold a later row of the same event (one row per actor) into the first; a row that
    differs in date, type or place is another event under a used id, an error."""
    for key, what in (("date", "date"), ("event_type", "event type"), ("country", "country")):
        if first[key] != rec[key]:
            msg = (
                f"event_id_cnty {rec['id']!r} is already used on line {first['_line']} "
                f"for an event with another {what}"
            )
            raise DataError(label, rec["_line"], "event_id_cnty", msg)
    if first["geometry"].distance(rec["geometry"]) > 1e-3:
        msg = (
            f"event_id_cnty {rec['id']!r} is already used on line {first['_line']} "
            f"for an event at another place"
        )
        raise DataError(label, rec["_line"], "event_id_cnty", msg)
    named = set(first["actor1"]) | set(first["actor2"])
    for side in ("actor1", "actor2"):
        for actor in rec[side]:
            if actor not in named:
                first[side].append(actor)
                named.add(actor)
    first["sources"] += [s for s in rec["sources"] if s not in first["sources"]]
    for key in ("inter1", "inter2", "sub_event_type", "admin1", "place_id", "description"):
        first[key] = first[key] or rec[key]
    if rec["fatalities"] is not None and (first["fatalities"] or 0) < rec["fatalities"]:
        first["fatalities"] = rec["fatalities"]


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
    """Records as load_events returns them (same columns and dtypes), + origin and extras."""
    cols = [*FRAME_COLUMNS, *ACLED_EXTRA_COLUMNS, "geometry"]
    frame = (
        pd.DataFrame.from_records(records, columns=cols)
        if records
        else pd.DataFrame({c: pd.Series(dtype="object") for c in cols})
    )
    for c in _INT_COLUMNS:
        frame[c] = pd.array(frame[c].tolist(), dtype="Int64")
    frame["date"] = pd.to_datetime(frame["date"])
    return gpd.GeoDataFrame(frame, geometry="geometry", crs=CRS)


@dataclass(frozen=True)
class AcledImport:
    """What reading an ACLED file gave: the events, and the rows skipped (with their reason)."""

    frame: gpd.GeoDataFrame
    skipped: tuple[DataError, ...]
    rows: int  # data rows in the file
    merged: int  # rows that added actors to an event of an earlier row
    notes: tuple[str, ...] = ()
    kept: tuple[DataError, ...] = ()  # values not understood in rows that were kept

    def report(self) -> list[str]:
        """One line per skipped row, one per kind of value kept out of kept rows (with how
        many rows had it), then the count: what the CLI prints on stderr."""
        lines = [f"skipped: {e}" for e in self.skipped]
        kinds: dict[tuple[str | None, str], list[DataError]] = {}
        for e in self.kept:
            kinds.setdefault((e.field, e.problem), []).append(e)
        for same in kinds.values():
            more = f" (and {len(same) - 1} more rows)" if len(same) > 1 else ""
            lines.append(f"kept: {same[0]}{more}")
        lines += [f"note: {self.frame.attrs.get('file', '')}: {n}" for n in self.notes]
        merged = f", {self.merged} rows merged as extra actors" if self.merged else ""
        lines.append(
            f"{len(self.frame)} events from {self.rows} rows{merged}; "
            f"{len(self.skipped)} rows skipped"
        )
        return lines


def read_acled(path: Path | str, gazetteer: Gazetteer | None = None) -> AcledImport:
    """An ACLED export as our events, skipping (and listing) the rows that cannot be read.

    A file that cannot be read at all (missing required column, not CSV) is a DataError.
    With a gazetteer, Kazakh admin-1 comes from the point and nearby places are linked.
    """
    path = Path(path)
    label = file_label(path)
    raw, notes, delimiter = _read_table(path, label)
    day_first = _day_first(r.cells.get("event_date", "") for r in raw)
    skipped: list[DataError] = []
    kept: list[DataError] = []
    events: dict[str, dict[str, Any]] = {}
    merged = 0
    for r in raw:
        if r.problem is not None:
            skipped.append(r.problem)
            continue
        row = _AcledRow(label, r.line, r.cells, day_first=day_first, decimal_comma=delimiter != ",")
        try:
            rec = _parse_acled_row(row, gazetteer)
            if rec["id"] in events:
                _merge_actor_row(events[rec["id"]], rec, label)
                merged += 1
            else:
                events[rec["id"]] = rec
        except DataError as exc:
            skipped.append(exc)
        else:
            kept += row.kept
    records = []
    for rec in events.values():
        rec["actor1"], rec["actor2"] = "; ".join(rec["actor1"]), "; ".join(rec["actor2"])
        rec["sources"] = acled_sources("; ".join(rec["sources"]))
        records.append(rec)
    frame = _events_frame(records)
    frame.attrs["file"] = label
    return AcledImport(frame, tuple(skipped), len(raw), merged, tuple(notes), tuple(kept))


def load_acled(
    path: Path | str, gazetteer: Gazetteer | None = None, *, strict: bool = False
) -> gpd.GeoDataFrame:
    """An ACLED export as our events (load_events' columns + origin + ACLED_EXTRA_COLUMNS).

    Bad rows are left out (``read_acled`` lists them); with ``strict`` the first is a DataError.
    """
    result = read_acled(path, gazetteer)
    if strict and result.skipped:
        raise result.skipped[0]
    return result.frame


def with_imported(
    ds: Dataset,
    imported: gpd.GeoDataFrame,
    *,
    file: str = "",
    skipped: Iterable[DataError] = (),
) -> Dataset:
    """The Dataset with imported events added (our own get origin "crisismap").

    An imported event whose id the data set already has (ours, or an earlier file's) is left
    out; it and the ``skipped`` rows of the import are listed in ``Dataset.unplaced``.
    """
    from geo.events import Unplaced

    file = file or imported.attrs.get("file", "imported file")
    ours = ds.events.copy()
    if ORIGIN_COLUMN not in ours:
        ours[ORIGIN_COLUMN] = OUR_ORIGIN
    for col in ACLED_EXTRA_COLUMNS:
        if col not in ours:
            ours[col] = ""
    known = set(ours["id"]) | set(ds.states["id"]) | set(ds.figures["id"])
    unplaced = [
        Unplaced(e.file, e.line or 0, "", f"skipped ({e.field or 'row'}): {e.problem}")
        for e in skipped
    ]
    clash = imported["id"].isin(known)  # an overlapping download, or one of our own ids
    for rid, line in zip(imported["id"][clash], imported["_line"][clash], strict=True):
        reason = f"skipped (event_id_cnty): id {rid!r} is already used by a record of the data set"
        unplaced.append(Unplaced(file, int(line), str(rid), reason))
    imported = imported[~clash]
    merged = pd.concat([ours, imported.reindex(columns=ours.columns)], ignore_index=True)
    events = gpd.GeoDataFrame(merged, geometry="geometry", crs=CRS)
    unplaced_all = (*ds.unplaced, *unplaced)
    return replace(ds, events=events, files=(*ds.files, file), unplaced=unplaced_all)


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
def inter_code(actor: str, country: str = "") -> str:
    """ACLED's inter code for an actor name ("1" state forces ... "8"), or "" when its type
    cannot be told. State forces of another country than the event's (alpha-2) are "8"."""
    name = actor.strip()
    m = _STATE_OF.match(name)
    if m:
        owner = country_code(name=m["owner"])
        return "8" if country and owner and owner != country else "1"
    for pattern, code in _INTER_RULES:
        if re.search(pattern, name, re.I):
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


class EventFacts(NamedTuple):
    """What an event's Dataset row tells the export beyond its feature: both actors apart and,
    for imported events, ACLED's country and inter codes."""

    actor1: str = ""
    actor2: str = ""
    country: str = ""
    inter1: str = ""
    inter2: str = ""


def _cell(value: object) -> str:
    return "" if is_missing(value) else str(value)


def _texts(events: pd.DataFrame, column: str) -> list[str]:
    if column not in events:
        return [""] * len(events)
    values = events[column].astype(object)
    return values.where(values.notna(), "").astype(str).tolist()


def event_facts(events: pd.DataFrame | None) -> dict[str, EventFacts]:
    """EventFacts by event id from a Dataset's events frame."""
    if events is None or not len(events):
        return {}
    columns = [_texts(events, c) for c in EventFacts._fields]
    return {
        str(rid): EventFacts(*facts)
        for rid, *facts in zip(events["id"].tolist(), *columns, strict=True)
    }


def event_country(rec: dict[str, Any], facts: EventFacts | None, gazetteer: Any = None) -> str:
    """The ISO alpha-2 country of a feature: ACLED's own for imported events, else from its
    admin-1 code, its place id, or the gazetteer place it is linked to; "" when none tells."""
    if facts is not None and facts.country:
        return facts.country
    m = re.fullmatch(r"([A-Z]{2})-[A-Z0-9]{1,3}", str(rec.get("admin1") or ""))
    if m and country(m[1]) is not None:
        return m[1]
    pid = _cell(rec.get("place_id"))
    kind, _, rest = pid.partition(":")
    if kind in ("country", "admin1") and country(rest[:2]) is not None:
        return rest[:2]
    if gazetteer is not None and pid:
        place = gazetteer.get(pid)
        if place is not None and place.country_code:
            return place.country_code
    return ""


def acled_row(
    rec: dict[str, Any],
    *,
    actors: tuple[str, str] | None = None,
    timestamp: int,
    facts: EventFacts | None = None,
    gazetteer: Any = None,
    cc: str | None = None,
) -> list[str]:
    """One feature (FEATURE_COLUMNS record) as ACLED's 31 cells, in ACLED_COLUMNS order.

    ``cc``: the event's country when the caller knows it (else ``event_country`` tells)."""
    layer = str(rec["layer"])
    event_type = str(rec.get("event_type") or "")
    sub_event_type = str(rec.get("sub_event_type") or "")
    if event_type not in LAYER_BY_EVENT_TYPE:
        event_type, sub_event_type = DEFAULT_EVENT_TYPE[layer], ""
    if actors is None and facts is not None:
        actors = (facts.actor1, facts.actor2)
    if actors is None:  # only the combined "a vs b" text is known
        first, _, second = str(rec.get("actor") or "").partition(" vs ")
        actors = (first, second)
    (actor1, assoc1), (actor2, assoc2) = _actor_parts(actors[0]), _actor_parts(actors[1])
    if cc is None:
        cc = event_country(rec, facts, gazetteer)
    where = country(cc) if cc else None
    inter1 = (facts.inter1 if facts else "") or inter_code(actor1, cc)
    inter2 = ((facts.inter2 if facts else "") or inter_code(actor2, cc)) if actor2 else ""
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
        "iso": where.numeric if where else "",
        "region": where.region if where else "",
        "country": where.name if where else "",
        "admin1": admin1_name(_cell(rec.get("admin1"))),
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
    gazetteer: Any = None,
    now: Callable[[], float] = time.time,
) -> str:
    """Dated-event features (FEATURE_COLUMNS frames) as an ACLED CSV, by date then id.

    ``events`` (the Dataset's events) gives actor1 and actor2 apart and an imported event's
    ACLED country and inter codes; without it actors are split from the combined ``actor``
    text. ``gazetteer`` tells the country of places our records are linked to. States cannot be
    written: they are not dated events.
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
    facts = event_facts(events)
    stamp = int(now())
    out = io.StringIO()
    writer = csv_writer(out)  # formulas neutralised
    writer.writerow(ACLED_COLUMNS)
    countries: dict[tuple[str, str], str] = {}  # (admin1, place_id) -> country, asked once
    for rec in records:
        known = facts.get(str(rec["id"]))
        cc = known.country if known is not None else ""
        if not cc:
            key = (_cell(rec.get("admin1")), _cell(rec.get("place_id")))
            if key not in countries:
                countries[key] = event_country(rec, None, gazetteer)
            cc = countries[key]
        writer.writerow(acled_row(rec, timestamp=stamp, facts=known, gazetteer=gazetteer, cc=cc))
    return out.getvalue()


# --- command line ----------------------------------------------------------------------------


def cmd_import_acled(args: argparse.Namespace, settings: Settings) -> int:
    """``import-acled FILE [--out events.csv] [--strict]``: read every row, report the ones
    skipped, then write the rest atomically (with --strict, any skipped row writes nothing)."""
    from geo.export import write_atomic

    result = read_acled(Path(args.file))
    for line in result.report():
        print(line, file=sys.stderr)
    if args.strict and result.skipped:
        msg = (
            f"{len(result.skipped)} of {result.rows} rows cannot be imported (listed above); "
            "nothing written (--strict)"
        )
        raise InputError(msg)
    text = events_csv_text(result.frame)
    if args.out is None:
        sys.stdout.write(text)
        return 0
    out = Path(args.out)
    if out.is_dir():
        out = out / f"{Path(args.file).stem}-events.csv"
    write_atomic(out, text)
    print(f"wrote {len(result.frame)} events to {out}", file=sys.stderr)
    return 0


class _OnFirstUse:
    """A gazetteer's ``get``, loading the gazetteer the first time it is asked."""

    def __init__(self, load: Callable[[], Any]) -> None:
        self._load, self._loaded = load, None

    def get(self, place_id: str) -> Any:
        if self._loaded is None:
            self._loaded = self._load()
        return self._loaded.get(place_id)


def export_acled_csv(args, frames, day, window, export, ds=None) -> None:
    """The ``--format acled-csv`` writer of ``python -m geo export``."""
    from geo.config import Settings
    from geo.gazetteer import Gazetteer

    def load() -> Gazetteer:
        return Gazetteer.load(Settings.from_env(), progress=lambda m: print(m, file=sys.stderr))

    events = {lay: f for lay, f in frames.items() if lay in EVENT_LAYERS}
    # The gazetteer tells the country of our records linked to places outside Kazakhstan; it
    # is loaded (from its cache, as the export's data set just was) only if such a record is met.
    gazetteer = _OnFirstUse(load)
    text = acled_csv_text(
        events.values(), events=None if ds is None else ds.events, gazetteer=gazetteer
    )
    n = text.count("\n") - 1
    if args.out is None:
        sys.stdout.write(text)
        return
    out = Path(args.out)
    if out.is_dir():
        out = out / export.default_filename(args.layer, day, "acled.csv")
    export.write_atomic(out, text)
    print(f"wrote {n} events in ACLED's format to {out}", file=sys.stderr)
