"""Admin-1 boundaries for any case: import a file a user has, or Natural Earth's when online.

``python -m geo boundaries FILE`` reads a GeoJSON, GeoPackage or shapefile (anything pyogrio
reads), keeps one country's first-level units if asked, and writes the case's
``data/admin1.geojson`` (EPSG:4326, properties ``iso3166_2`` and ``name``) that the map, the
snapshots and the gazetteer's point-in-polygon read. ``--natural-earth CC`` downloads Natural
Earth's admin-1 polygons (public domain) instead; that is the only network access, and only when
asked. Codes and names are found among the columns the common sources use (Natural Earth,
geoBoundaries, GADM, our own files) or named with ``--code-field`` / ``--name-field``.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from geo.errors import InputError

if TYPE_CHECKING:
    import geopandas

OUT_NAME = "admin1.geojson"
# Columns that hold an admin-1 unit's ISO 3166-2 code (or a code like it), first found wins.
CODE_FIELDS = ("iso3166_2", "iso_3166_2", "ISO_3166_2", "shapeISO", "HASC_1", "GID_1", "code")
NAME_FIELDS = ("name", "name_en", "NAME_1", "shapeName", "NAME", "Name")
COUNTRY_FIELDS = ("iso_a2", "ISO_A2", "country_code", "GID_0", "shapeGroup", "adm0_a3")
NATURAL_EARTH_URL = (
    "https://raw.githubusercontent.com/nvkelso/natural-earth-vector/master/geojson/"
    "ne_10m_admin_1_states_provinces.geojson"
)


def _field(
    frame: geopandas.GeoDataFrame, given: str | None, known: tuple[str, ...], what: str, src: str
) -> str:
    """The column that holds ``what``: the one given, else the first of ``known`` present."""
    if given:
        if given not in frame.columns:
            msg = f"{src}: no column {given!r} for the {what}; columns: {', '.join(frame.columns)}"
            raise InputError(msg)
        return given
    for name in known:
        if name in frame.columns:
            return name
    msg = (
        f"{src}: no column for the {what} (looked for {', '.join(known)}); name one with "
        f"--{what.split()[-1]}-field; columns: {', '.join(map(str, frame.columns))}"
    )
    raise InputError(msg)


def normalise_boundaries(
    frame: geopandas.GeoDataFrame,
    *,
    source: str,
    country: str | None = None,
    code_field: str | None = None,
    name_field: str | None = None,
) -> geopandas.GeoDataFrame:
    """Columns iso3166_2, name, geometry in EPSG:4326: one row per unit, valid polygons.

    ``country`` (ISO alpha-2) keeps that country's units: by a country column where there is
    one, else by the code's prefix ("UA-" in "UA-32"). Raises InputError naming the source and
    the column on anything it cannot use."""
    import geopandas as gpd
    from shapely import make_valid

    if frame.crs is None:
        frame = frame.set_crs(4326)  # GeoJSON without crs is WGS84 by RFC 7946
    elif frame.crs.to_epsg() != 4326:
        frame = frame.to_crs(4326)
    code = _field(frame, code_field, CODE_FIELDS, "unit code", source)
    name = _field(frame, name_field, NAME_FIELDS, "unit name", source)
    if country:
        country = country.upper()
        column = next((c for c in COUNTRY_FIELDS if c in frame.columns), None)
        if column is not None and frame[column].astype(str).str.upper().isin([country]).any():
            frame = frame[frame[column].astype(str).str.upper() == country]
        else:
            frame = frame[frame[code].astype(str).str.upper().str.startswith(f"{country}-")]
        if not len(frame):
            msg = f"{source}: no unit of country {country!r}"
            raise InputError(msg)
    frame = frame[frame.geometry.notna()]
    if not len(frame):
        msg = f"{source}: no polygon to import"
        raise InputError(msg)
    codes = frame[code].astype(str).str.strip()
    if (codes == "").any() or codes.isin(["nan", "None", "-99"]).any():
        row = int((codes == "").to_numpy().argmax())
        msg = f"{source}: row {row + 1}, field {code!r}: empty unit code"
        raise InputError(msg)
    names = frame[name].astype(str).str.strip()
    out = gpd.GeoDataFrame(
        {"iso3166_2": codes.to_numpy(), "name": names.to_numpy()},
        geometry=[make_valid(g) for g in frame.geometry],
        crs="EPSG:4326",
    )
    # a unit in several rows (islands, exclaves) becomes one multipolygon
    return out.dissolve(by="iso3166_2", as_index=False, aggfunc="first")[
        ["iso3166_2", "name", "geometry"]
    ]


def read_boundaries_file(path: Path, *, layer: str | None = None) -> geopandas.GeoDataFrame:
    """Any file pyogrio reads (GeoJSON, GeoPackage, shapefile, ...), with a clear error."""
    import geopandas as gpd

    if not path.exists():
        msg = f"{path}: no such file"
        raise InputError(msg)
    try:
        return gpd.read_file(path, layer=layer) if layer else gpd.read_file(path)
    except Exception as exc:  # pyogrio raises its own DataSourceError and friends
        msg = f"{path}: cannot read as GeoJSON, GeoPackage or shapefile: {exc}"
        raise InputError(msg) from exc


def fetch_natural_earth(url: str = NATURAL_EARTH_URL, *, timeout: float = 60.0) -> bytes:
    """Natural Earth's admin-1 polygons (GeoJSON bytes). The only network access of the
    project outside the opt-in geocoder and tiles, made only by ``--natural-earth``."""
    import urllib.request

    try:
        with urllib.request.urlopen(url, timeout=timeout) as response:  # noqa: S310 (fixed https URL)
            return response.read()
    except OSError as exc:
        msg = f"cannot download Natural Earth admin-1 ({url}): {exc}; offline? bring a file instead"
        raise InputError(msg) from exc


def write_boundaries(frame: geopandas.GeoDataFrame, out: Path) -> Path:
    """RFC 7946 GeoJSON (coordinates rounded to 5 decimals, ~1 m), written atomically."""
    from shapely.geometry import mapping

    from geo.export import write_atomic

    def rounded(value: object) -> object:
        if isinstance(value, float):
            return round(value, 5)
        if isinstance(value, list | tuple):
            return [rounded(v) for v in value]
        return value

    features = [
        {
            "type": "Feature",
            "properties": {"iso3166_2": code, "name": name},
            "geometry": {k: rounded(v) for k, v in mapping(geom).items()},
        }
        for code, name, geom in zip(frame["iso3166_2"], frame["name"], frame.geometry, strict=True)
    ]
    text = json.dumps({"type": "FeatureCollection", "features": features}, ensure_ascii=False)
    return write_atomic(out, text.encode("utf-8"))


def import_boundaries(
    source: Path | None,
    out: Path,
    *,
    country: str | None = None,
    code_field: str | None = None,
    name_field: str | None = None,
    layer: str | None = None,
    natural_earth: bool = False,
    fetch: Callable[[], bytes] = fetch_natural_earth,
) -> tuple[Path, int]:
    """Read ``source`` (or Natural Earth through ``fetch``), normalise and write ``out``.
    Returns the path written and the number of units."""
    import io

    import geopandas as gpd

    if country is not None and not re.fullmatch(r"[A-Za-z]{2}", country):
        msg = f"--country {country!r}: give an ISO 3166 alpha-2 code, e.g. UA"
        raise InputError(msg)
    if natural_earth:
        if not country:
            msg = "--natural-earth needs --country (Natural Earth covers the whole world)"
            raise InputError(msg)
        frame = gpd.read_file(io.BytesIO(fetch()))
        label = "Natural Earth admin-1"
    else:
        if source is None:
            msg = "give a boundaries FILE, or --natural-earth with --country"
            raise InputError(msg)
        frame = read_boundaries_file(source, layer=layer)
        label = str(source)
    units = normalise_boundaries(
        frame, source=label, country=country, code_field=code_field, name_field=name_field
    )
    return write_boundaries(units, out), len(units)
