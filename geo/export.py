"""Exports: GeoJSON layers (RFC 7946) and GeoPackage tables, written atomically.

Files are written to a temporary file in the target folder and renamed into place, so a failed
export never leaves a truncated file behind.
"""

from __future__ import annotations

import datetime as dt
import json
import math
import os
import tempfile
from collections.abc import Callable, Iterable
from json.encoder import encode_basestring  # type: ignore[attr-defined]
from pathlib import Path
from typing import IO, Any

import geopandas as gpd
import numpy as np
import pandas as pd
from shapely.geometry import mapping
from shapely.geometry.polygon import orient

from geo._cache import atomic_write, sweep_leftovers, temp_prefix
from geo.errors import ExportError
from geo.layers import FEATURE_COLUMNS, Extent, extent_metadata
from geo.schema import CRS

# The process umask, read once at import (reading it means setting it; not thread-safe later).
_UMASK = os.umask(0o022)
os.umask(_UMASK)

# pandas' default text type (what a list of str becomes): such a column is copied whole.
_ARROW_TEXT = pd.StringDtype(storage="pyarrow", na_value=np.nan)
# Property types are fixed per column so every feature of every layer carries the same types.
INT_PROPERTIES = ("fatalities", "injured", "detained", "troops", "geo_precision", "time_precision")
DATE_PROPERTIES = ("date", "valid_from", "valid_to")


def is_missing(value: object) -> bool:
    """None, NA, NaT or NaN: a value not reported (written as null or an empty cell)."""
    if value is None or value is pd.NA or value is pd.NaT:
        return True
    return isinstance(value, float) and math.isnan(value)


def _geometry(geom: Any) -> dict[str, Any] | None:
    """RFC 7946 geometry: lon/lat order, 6 decimals, polygons counter-clockwise outside."""
    if geom is None or geom.is_empty:
        return None
    _check_range(geom)
    if geom.geom_type == "Point":
        return {"type": "Point", "coordinates": [round(geom.x, 6), round(geom.y, 6)]}
    if geom.geom_type == "Polygon":
        geom = orient(geom, sign=1.0)
    elif geom.geom_type == "MultiPolygon":
        geom = type(geom)([orient(p, sign=1.0) for p in geom.geoms])
    return json.loads(json.dumps(mapping(geom)), parse_float=lambda s: round(float(s), 6))


def _check_range(geom: Any) -> None:
    lon0, lat0, lon1, lat1 = geom.bounds
    if not (-180 <= lon0 <= lon1 <= 180 and -90 <= lat0 <= lat1 <= 90):
        msg = f"geometry {geom.wkt[:60]} is not lon/lat in WGS84 (lon -180..180, lat -90..90)"
        raise ExportError(msg)


def to_feature_collection(
    frames: Iterable[gpd.GeoDataFrame], *, metadata: dict[str, Any] | None = None
) -> dict[str, Any]:
    """One RFC 7946 FeatureCollection of FEATURE_COLUMNS frames (no ``crs`` member: WGS84).

    Raises ExportError for a coordinate outside lon [-180, 180] / lat [-90, 90].
    """
    features: list[dict[str, Any]] = []
    for frame in frames:
        if frame.crs is not None and frame.crs.to_epsg() != 4326:
            frame = frame.to_crs(4326)
        columns = [_property_values(frame, col) for col in FEATURE_COLUMNS]
        ids = columns[FEATURE_COLUMNS.index("id")]
        rows = zip(*columns, strict=True)
        geometries = _geometries(frame.geometry.array)
        features += [
            {"type": "Feature", "id": i, "geometry": g,
             "properties": dict(zip(FEATURE_COLUMNS, p, strict=True))}
            for i, g, p in zip(ids, geometries, rows, strict=True)
        ]  # fmt: skip
    out: dict[str, Any] = {"type": "FeatureCollection", "features": features}
    if metadata:
        out["metadata"] = metadata  # foreign member, allowed by RFC 7946 section 6.1
    return out


def _points(geoms: Any) -> tuple[Any, Any, list[tuple[int, float, float]]]:
    """(geometries as an object array, which are non-empty points, [(row, x, y)] of those
    points rounded to 6 decimals), by whole arrays; ExportError for a point out of range."""
    import numpy as np
    import shapely

    geoms = np.asarray(geoms, dtype=object)
    points = shapely.get_type_id(geoms) == 0  # None is -1
    points &= ~shapely.is_empty(geoms)
    if not points.any():
        return geoms, points, []
    xs, ys = shapely.get_x(geoms[points]), shapely.get_y(geoms[points])
    inside = (-180 <= xs) & (xs <= 180) & (-90 <= ys) & (ys <= 90)
    if not inside.all():
        _check_range(geoms[points][int(np.argmin(inside))])
    rows = np.flatnonzero(points).tolist()
    xs, ys = _rounded(xs), _rounded(ys)
    return geoms, points, list(zip(rows, xs.tolist(), ys.tolist(), strict=True))


def _rounded(values: Any, digits: int = 6) -> Any:
    """``round(v, digits)`` of every float, by whole arrays: the scaled value rounded to the
    nearest integer, then scaled back (one correctly rounded division, as round's own last
    step), which is round's answer unless the scaled value lies within its rounding error
    of a half; those few are rounded by round itself."""
    import numpy as np

    scaled = values * 10.0**digits
    out = np.rint(scaled) / 10.0**digits
    # |x * 10**d| < 2**53 here (coordinates), so the product is off by far less than 1e-6
    tie = np.abs(scaled - np.floor(scaled) - 0.5) < 1e-6
    tie |= ~(np.abs(scaled) < 2.0**52)
    for k in np.flatnonzero(tie):
        out[k] = round(float(values[k]), digits)
    return out


def _geometries(geoms: Any) -> list[dict[str, Any] | None]:
    """``_geometry`` of every geometry; points (nearly all) by whole arrays."""
    import numpy as np

    geoms, points, coords = _points(geoms)
    out: list[dict[str, Any] | None] = [None] * len(geoms)
    for k, x, y in coords:
        out[k] = {"type": "Point", "coordinates": [x, y]}
    for k in np.flatnonzero(~points):
        out[k] = _geometry(geoms[k])
    return out


def _property_values(frame: pd.DataFrame, col: str) -> list[Any]:
    """One column's JSON values: ints or null, dates as YYYY-MM-DD or null, text."""
    if col not in frame:
        return [None if col in INT_PROPERTIES or col in DATE_PROPERTIES else ""] * len(frame)
    values = frame[col]
    if col in INT_PROPERTIES:
        return [None if is_missing(v) else int(v) for v in values.tolist()]
    if col in DATE_PROPERTIES and pd.api.types.is_datetime64_any_dtype(values):
        days = {v: None if is_missing(v) else pd.Timestamp(v).date().isoformat()
                for v in values.unique()}  # fmt: skip
        return [days[v] for v in values.tolist()]
    if col in DATE_PROPERTIES:
        return [None if is_missing(v) else pd.Timestamp(v).date().isoformat() for v in values]
    texts = values.tolist()
    if all(type(v) is str for v in texts):
        return texts
    return ["" if is_missing(v) else str(v) for v in texts]


def geojson_text(collection: dict[str, Any]) -> str:
    """Compact, stable JSON text of a FeatureCollection."""
    return json.dumps(collection, ensure_ascii=False, separators=(",", ":"), sort_keys=False)


def feature_collection_text(
    frames: Iterable[gpd.GeoDataFrame], *, metadata: dict[str, Any] | None = None
) -> str:
    """``geojson_text(to_feature_collection(frames, metadata=metadata))``, the same text, built
    by column (``feature_collection_bytes``).

    Raises ExportError for a coordinate outside lon [-180, 180] / lat [-90, 90].
    """
    return feature_collection_bytes(frames, metadata=metadata).decode("utf-8")


def feature_collection_bytes(
    frames: Iterable[gpd.GeoDataFrame], *, metadata: dict[str, Any] | None = None
) -> bytes:
    """``feature_collection_text(frames, metadata=metadata)`` as UTF-8 bytes, built by whole
    columns in Arrow (pyarrow.compute): each property's JSON text per column, then each
    feature joined from its parts, so no Python string is made per value or per feature
    (the text of 100k features took a second that way). Values Arrow cannot write as json
    does (text that needs escaping, columns of other types) are written by ``_json``.

    Raises ExportError for a coordinate outside lon [-180, 180] / lat [-90, 90].
    """
    import pyarrow as pa
    import pyarrow.compute as pc

    features: list[Any] = []
    for frame in frames:
        if frame.crs is not None and frame.crs.to_epsg() != 4326:
            frame = frame.to_crs(4326)
        if not len(frame):
            continue
        values = {col: _arrow_json(frame, col) for col in FEATURE_COLUMNS}
        geometries = pa.array(_geometry_texts(frame.geometry.array), type=pa.large_string())
        parts: list[Any] = ['{"type":"Feature","id":', values["id"], ',"geometry":', geometries,
                            ',"properties":{']  # fmt: skip
        for k, col in enumerate(FEATURE_COLUMNS):
            parts += [("," if k else "") + f"{_json(col)}:", values[col]]
        parts += ["}},", ""]  # each feature ends with the comma before the next; no separator
        text = [pa.scalar(p, pa.large_string()) if isinstance(p, str) else p for p in parts]
        features.append(pc.binary_join_element_wise(*text))
    # The features' text is each Arrow chunk's bytes, one after the other (less the last
    # ","), joined straight from Arrow's buffers: one copy of the whole text, not three.
    pieces: list[Any] = [b'{"type":"FeatureCollection","features":[']
    chunks = [c for f in features for c in getattr(f, "chunks", [f]) if len(c)]
    for k, chunk in enumerate(chunks):
        offsets = np.frombuffer(chunk.buffers()[1], dtype=np.int64)
        first, last = int(offsets[chunk.offset]), int(offsets[chunk.offset + len(chunk)])
        last -= k == len(chunks) - 1
        pieces.append(chunk.buffers()[2].slice(first, last - first))
    pieces.append(b"]")
    if metadata:
        pieces.append(b',"metadata":' + _json(metadata).encode("utf-8"))
    return b"".join([*pieces, b"}"])


def _arrow_json(frame: pd.DataFrame, col: str) -> Any:
    """One property's JSON values (as ``_property_values`` then ``_json_scalar`` write them)
    as an Arrow large_string array, or a scalar for a column the frame lacks."""
    import pyarrow as pa
    import pyarrow.compute as pc

    if col not in frame:
        return "null" if col in INT_PROPERTIES or col in DATE_PROPERTIES else '""'
    values = frame[col]
    if col in INT_PROPERTIES and isinstance(values.dtype, pd.Int64Dtype):
        ints = pa.array(values.array, type=pa.int64())
        return pc.fill_null(pc.cast(ints, pa.large_string()), "null")
    if col in DATE_PROPERTIES and pd.api.types.is_datetime64_any_dtype(values):
        codes, days = pd.factorize(values)  # NaT is code -1: null, written as null
        texts = [_json(pd.Timestamp(v).date().isoformat()) for v in days]
        coded = pa.array(codes, mask=codes < 0, type=pa.int32())
        decoded = pa.DictionaryArray.from_arrays(coded, pa.array(texts, pa.large_string()))
        return pc.fill_null(decoded.cast(pa.large_string()), "null")
    if (
        col in INT_PROPERTIES
        or col in DATE_PROPERTIES
        or not isinstance(values.dtype, pd.StringDtype)
    ):
        listed = _property_values(frame, col)
        return pa.array(list(map(_json_scalar, listed)), type=pa.large_string())
    texts = pc.fill_null(pa.array(values.array).cast(pa.large_string()), "")  # NA is ""
    quote, none = pa.scalar('"', pa.large_string()), pa.scalar("", pa.large_string())
    quoted = pc.binary_join_element_wise(quote, texts, quote, none)
    escape = pc.match_substring_regex(texts, r'[\x00-\x1f"\\]')  # json.dumps escapes these
    if pc.any(escape).as_py():
        rows = np.flatnonzero(escape.to_numpy(zero_copy_only=False))
        escaped = [encode_basestring(v) for v in texts.take(pa.array(rows)).to_pylist()]
        quoted = pc.replace_with_mask(quoted, escape, pa.array(escaped, pa.large_string()))
    return quoted


def _json(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False, separators=(",", ":"))


def _json_scalar(value: Any) -> str:
    """A value as ``_json`` writes it; text, whole numbers and null without an encoder object
    (json.dumps writes text with this same ``encode_basestring`` when ensure_ascii is off)."""
    kind = type(value)
    if kind is str:
        return encode_basestring(value)
    if value is None:
        return "null"
    if kind is int:
        return int.__repr__(value)
    return _json(value)


def _geometry_texts(geoms: Any) -> list[str]:
    """``_geometries`` as JSON text: points (nearly all) by whole arrays, others dumped."""
    import numpy as np

    geoms, points, coords = _points(geoms)
    out = ["null"] * len(geoms)
    for k, x, y in coords:
        out[k] = f'{{"type":"Point","coordinates":[{x!r},{y!r}]}}'
    for k in np.flatnonzero(~points):
        out[k] = _json(_geometry(geoms[k]))
    return out


def collection_metadata(
    layers: Iterable[str], day: pd.Timestamp, window: int | None, extent: Extent | None = None
) -> dict[str, Any]:
    """The metadata of an exported FeatureCollection: its layers, day, window and area. The
    command and the dashboard's downloads both use it, so their files are the same bytes."""
    return {
        "layers": list(layers),
        "date": day.date().isoformat(),
        "window_days": window,
        **extent_metadata(extent),
        "generator": "crisismap geo export",
    }


def default_filename(layer: str, day: dt.date | pd.Timestamp, suffix: str) -> str:
    """``kz-clashes-2022-01-05.geojson``-style names that carry layer and date."""
    return f"crisismap-{layer}-{pd.Timestamp(day).date().isoformat()}.{suffix.lstrip('.')}"


def _existing_folder(path: Path) -> Path:
    """The folder a file will be written in, or ExportError when it does not exist."""
    folder = path.parent if str(path.parent) else Path(".")
    if not folder.is_dir():
        msg = f"cannot write {path}: folder {folder} does not exist"
        raise ExportError(msg)
    return folder


def write_atomic(path: Path | str, write: Callable[[IO[bytes]], None] | bytes | str) -> Path:
    """Write a file through a temporary sibling and rename it into place.

    ``write`` is the content (bytes or text) or a callable that writes to a binary handle.
    On any failure the temporary file is removed and ExportError names the path.
    """
    path = Path(path)
    _existing_folder(path)
    content = write.encode("utf-8") if isinstance(write, str) else write
    try:
        # A normal file (mode), and no fsync: the rename is what keeps a reader from ever seeing
        # half a file; waiting for the disk (half a second at 100k) would only guard a file
        # made from the store (itself durable) against a power cut between write and flush,
        # which a GeoPackage or PNG written by GDAL or matplotlib is not guarded against either.
        atomic_write(path, content, mode=0o666 & ~_UMASK, durable=False)
    except OSError as exc:
        msg = f"cannot write {path}: {exc.strerror or exc}"
        raise ExportError(msg) from None
    return path


def write_path_atomic(path: Path | str, write_to: Callable[[Path], None]) -> Path:
    """Like write_atomic, for writers that need a file name (GeoPackage, PNG by path)."""
    path = Path(path)
    folder = _existing_folder(path)
    try:
        sweep_leftovers(path)
        tmp_dir = tempfile.mkdtemp(prefix=temp_prefix(path), dir=folder)
    except OSError as exc:
        msg = f"cannot write {path}: {exc.strerror}"
        raise ExportError(msg) from None
    tmp = Path(tmp_dir) / path.name
    try:
        write_to(tmp)
        os.replace(tmp, path)
    except OSError as exc:
        msg = f"cannot write {path}: {exc.strerror or exc}"
        raise ExportError(msg) from None
    finally:
        for leftover in Path(tmp_dir).glob("*"):
            leftover.unlink(missing_ok=True)
        Path(tmp_dir).rmdir()
    return path


def check_writable(out: Path | str) -> None:
    """ExportError unless ``out`` is an existing folder or a file in one (checked before work)."""
    path = Path(out)
    if path.is_dir():
        folder = path
    else:
        folder = path.parent if str(path.parent) else Path(".")
        if not folder.is_dir():
            msg = f"cannot write {path}: folder {folder} does not exist"
            raise ExportError(msg)
    if not os.access(folder, os.W_OK):
        msg = f"cannot write {path}: folder {folder} is not writable"
        raise ExportError(msg)


# --- GeoPackage --------------------------------------------------------------------------------


def geopackage_table(frame: gpd.GeoDataFrame) -> gpd.GeoDataFrame:
    """A FEATURE_COLUMNS frame typed for a GeoPackage table: Int64 counts, DateTime dates, text."""
    out = pd.DataFrame(index=range(len(frame)))
    for col in FEATURE_COLUMNS:
        values = frame[col] if col in frame else pd.Series([None] * len(frame))
        values = values.reset_index(drop=True)
        # Columns already of the table's type are copied whole; others value by value.
        if col in INT_PROPERTIES and isinstance(values.dtype, pd.Int64Dtype):
            out[col] = values.array.copy()
        elif col in INT_PROPERTIES:
            out[col] = pd.array(values.tolist(), dtype="Int64")
        elif col in DATE_PROPERTIES:
            out[col] = pd.to_datetime(values).astype("datetime64[ms]")
        elif len(values) and values.dtype == _ARROW_TEXT:
            # (an empty table keeps the REAL field type an empty list of text gave it)
            out[col] = values.fillna("").array
        else:
            out[col] = ["" if is_missing(v) else str(v) for v in values.tolist()]
    geoms = gpd.GeoSeries(frame.geometry.array, crs=frame.crs or CRS)
    if geoms.crs.to_epsg() != 4326:
        geoms = geoms.to_crs(4326)
    return gpd.GeoDataFrame(out, geometry=geoms.values, crs=CRS)


def write_geopackage(
    path: Path | str, frames: dict[str, gpd.GeoDataFrame], *, metadata: dict[str, str] | None = None
) -> Path:
    """One GeoPackage table per layer (named after it, empty layers included), atomically."""
    import pyogrio
    from pyogrio.errors import DataLayerError, DataSourceError

    tables = {layer: geopackage_table(frame) for layer, frame in frames.items()}

    def write_to(tmp: Path) -> None:
        for layer, table in tables.items():
            kinds = set(table.geom_type.dropna().unique())  # (not a Python loop over rows)
            geometry_type = "Point" if not kinds else None
            if kinds & {"Polygon", "MultiPolygon"}:
                geometry_type = "MultiPolygon"
            try:
                pyogrio.write_dataframe(
                    table, tmp, layer=layer, driver="GPKG", geometry_type=geometry_type,
                    promote_to_multi=geometry_type == "MultiPolygon",
                    layer_metadata=metadata or None, use_arrow=True,  # pyarrow is pinned
                )  # fmt: skip
            except (DataLayerError, DataSourceError) as exc:
                msg = f"cannot write table {layer} of {path}: {exc}"
                raise ExportError(msg) from None

    return write_path_atomic(path, write_to)


# --- emergency areas ---------------------------------------------------------------------------


def with_admin1_areas(frame: gpd.GeoDataFrame, boundaries: gpd.GeoDataFrame) -> gpd.GeoDataFrame:
    """Features whose admin1 has a boundary get that polygon as geometry (emergency areas).

    A feature whose admin1 has no polygon (Shymkent, absent from older boundary sets) keeps its
    point, so nothing disappears.
    """
    if boundaries.crs is not None and boundaries.crs.to_epsg() != 4326:
        boundaries = boundaries.to_crs(4326)
    shapes = dict(zip(boundaries["iso3166_2"], boundaries.geometry, strict=True))
    geoms = [
        shapes.get(code, geom) for code, geom in zip(frame["admin1"], frame.geometry, strict=True)
    ]
    return frame.set_geometry(gpd.GeoSeries(geoms, index=frame.index, crs=CRS))
