"""Exports: GeoJSON layers (RFC 7946), written atomically.

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
from pathlib import Path
from typing import IO, Any

import geopandas as gpd
import pandas as pd
from shapely.geometry import mapping
from shapely.geometry.polygon import orient

from geo.errors import ExportError
from geo.layers import FEATURE_COLUMNS

# Property types are fixed per column so every feature of every layer carries the same types.
INT_PROPERTIES = ("fatalities", "injured", "detained", "troops", "geo_precision", "time_precision")
DATE_PROPERTIES = ("date", "valid_from", "valid_to")


def feature_properties(row: pd.Series) -> dict[str, Any]:
    """JSON-ready properties of one feature: ints or null, dates as YYYY-MM-DD or null, text."""
    props: dict[str, Any] = {}
    for col in FEATURE_COLUMNS:
        value = row.get(col)
        if col in INT_PROPERTIES:
            props[col] = None if _missing(value) else int(value)
        elif col in DATE_PROPERTIES:
            props[col] = None if _missing(value) else pd.Timestamp(value).date().isoformat()
        else:
            props[col] = "" if _missing(value) else str(value)
    return props


def _missing(value: object) -> bool:
    if value is None or value is pd.NA or value is pd.NaT:
        return True
    return isinstance(value, float) and math.isnan(value)


def _geometry(geom: Any) -> dict[str, Any] | None:
    """RFC 7946 geometry: lon/lat order, 6 decimals, polygons counter-clockwise outside."""
    if geom is None or geom.is_empty:
        return None
    if geom.geom_type == "Polygon":
        geom = orient(geom, sign=1.0)
    elif geom.geom_type == "MultiPolygon":
        geom = type(geom)([orient(p, sign=1.0) for p in geom.geoms])
    return json.loads(json.dumps(mapping(geom)), parse_float=lambda s: round(float(s), 6))


def to_feature_collection(
    frames: Iterable[gpd.GeoDataFrame], *, metadata: dict[str, Any] | None = None
) -> dict[str, Any]:
    """One RFC 7946 FeatureCollection of FEATURE_COLUMNS frames (no ``crs`` member: WGS84)."""
    features = []
    for frame in frames:
        if frame.crs is not None and frame.crs.to_epsg() != 4326:
            frame = frame.to_crs(4326)
        for _, row in frame.iterrows():
            props = feature_properties(row)
            features.append(
                {
                    "type": "Feature",
                    "id": props["id"],
                    "geometry": _geometry(row.geometry),
                    "properties": props,
                }
            )
    out: dict[str, Any] = {"type": "FeatureCollection", "features": features}
    if metadata:
        out["metadata"] = metadata  # foreign member, allowed by RFC 7946 section 6.1
    return out


def geojson_text(collection: dict[str, Any]) -> str:
    """Compact, stable JSON text of a FeatureCollection."""
    return json.dumps(collection, ensure_ascii=False, separators=(",", ":"), sort_keys=False)


def default_filename(layer: str, day: dt.date | pd.Timestamp, suffix: str) -> str:
    """``kz-clashes-2022-01-05.geojson``-style names that carry layer and date."""
    return f"crisismap-{layer}-{pd.Timestamp(day).date().isoformat()}.{suffix.lstrip('.')}"


def write_atomic(path: Path | str, write: Callable[[IO[bytes]], None] | bytes | str) -> Path:
    """Write a file through a temporary sibling and rename it into place.

    ``write`` is the content (bytes or text) or a callable that writes to a binary handle.
    On any failure the temporary file is removed and ExportError names the path.
    """
    path = Path(path)
    folder = path.parent if str(path.parent) else Path(".")
    if not folder.is_dir():
        msg = f"cannot write {path}: folder {folder} does not exist"
        raise ExportError(msg)
    try:
        fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".part", dir=folder)
    except OSError as exc:
        msg = f"cannot write {path}: {exc.strerror}"
        raise ExportError(msg) from None
    try:
        with os.fdopen(fd, "wb") as handle:
            if callable(write):
                write(handle)
            else:
                handle.write(write.encode("utf-8") if isinstance(write, str) else write)
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(tmp, path)
    except BaseException as exc:
        Path(tmp).unlink(missing_ok=True)
        if isinstance(exc, OSError):
            msg = f"cannot write {path}: {exc.strerror or exc}"
            raise ExportError(msg) from None
        raise
    return path


def write_path_atomic(path: Path | str, write_to: Callable[[Path], None]) -> Path:
    """Like write_atomic, for writers that need a file name (GeoPackage, PNG by path)."""
    path = Path(path)
    folder = path.parent if str(path.parent) else Path(".")
    if not folder.is_dir():
        msg = f"cannot write {path}: folder {folder} does not exist"
        raise ExportError(msg)
    try:
        tmp_dir = tempfile.mkdtemp(prefix=f".{path.name}.", dir=folder)
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
