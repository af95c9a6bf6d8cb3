"""Export and snapshot timings on synthetic data: prints figures, asserts nothing.

    .venv/bin/python bench/bench_export.py [--sizes 10000,100000]

Events are spread around Kazakh cities over 20 days; every export is of all of them (one
cumulative window), written to a temporary folder through the same atomic writers as the CLI.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from pathlib import Path

import geopandas as gpd
import numpy as np
import pandas as pd

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from geo import export  # noqa: E402
from geo.acled import FRAME_COLUMNS, acled_csv_text  # noqa: E402
from geo.config import PROJECT_ROOT  # noqa: E402
from geo.events import Dataset  # noqa: E402
from geo.layers import features_on  # noqa: E402
from geo.schema import CRS, EVENT_LAYERS, FIGURE_COLUMNS, STATE_COLUMNS  # noqa: E402
from geo.snapshot import render_snapshot  # noqa: E402

CITIES = np.array(
    [
        (76.91, 43.25),
        (52.86, 43.34),
        (51.17, 43.66),
        (71.45, 51.18),
        (69.6, 42.3),
        (57.21, 50.28),
        (73.1, 49.8),
        (65.51, 44.85),
        (51.37, 51.23),
        (78.37, 45.02),
    ]
)


def synthetic(n: int, seed: int = 7) -> Dataset:
    """n dated events in load_events' shape, no states or figures."""
    rng = np.random.default_rng(seed)
    where = CITIES[rng.integers(0, len(CITIES), n)] + rng.normal(0, 0.08, (n, 2))
    layers = rng.choice(EVENT_LAYERS, n, p=[0.5, 0.35, 0.15])
    types = {"protests": "Protests", "clashes": "Riots", "other": "Strategic developments"}
    counts = np.where(rng.random(n) < 0.3, rng.integers(0, 40, n), -1)
    frame = pd.DataFrame(
        {
            "id": [f"E{i:06d}" for i in range(n)],
            "date": pd.to_datetime("2022-01-01") + pd.to_timedelta(rng.integers(0, 20, n), "D"),
            "time_precision": pd.array([1] * n, dtype="Int64"),
            "layer": layers,
            "event_type": [types[x] for x in layers],
            "sub_event_type": "",
            "scope": "local",
            "place": "Somewhere",
            "site_id": "",
            "geo_precision": pd.array(rng.integers(1, 4, n), dtype="Int64"),
            "fatalities": pd.array(np.where(counts >= 0, counts, None), dtype="Int64"),
            "injured": pd.array([None] * n, dtype="Int64"),
            "detained": pd.array(np.where(counts >= 0, counts * 3, None), dtype="Int64"),
            "count_note": "",
            "actor1": "Protesters (Kazakhstan)",
            "actor2": np.where(layers == "clashes", "Police Forces of Kazakhstan", ""),
            "description": "A synthetic event used to measure export speed.",
            "certainty": "reported",
            "sources": "TASS <https://tass.com/world/1> ; Inform.kz <https://inform.kz/a>",
            "place_id": "",
            "place_name": "Somewhere",
            "admin1": "KZ-ALA",
            "_line": np.arange(2, n + 2),
        }
    )
    events = gpd.GeoDataFrame(
        frame[[c for c in FRAME_COLUMNS if c != "origin"]],
        geometry=gpd.points_from_xy(where[:, 0], where[:, 1]),
        crs=CRS,
    )
    states = gpd.GeoDataFrame(
        pd.DataFrame(
            {
                c: pd.Series(dtype="object")
                for c in [*STATE_COLUMNS, "place_id", "place_name", "admin1", "_line"]
            }
        ),
        geometry=gpd.GeoSeries([], crs=CRS),
        crs=CRS,
    )
    for c in ("valid_from", "valid_to"):
        states[c] = pd.to_datetime(states[c])
    figures = pd.DataFrame({c: pd.Series(dtype="object") for c in FIGURE_COLUMNS})
    figures["date"] = pd.to_datetime(figures["date"])
    return Dataset(events=events, states=states, figures=figures)


def timed(fn):  # noqa: ANN001, ANN201
    start = time.perf_counter()
    result = fn()
    return result, time.perf_counter() - start


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="10000,100000")
    args = parser.parse_args()
    boundaries = gpd.read_file(PROJECT_ROOT / "data" / "kz_admin1.geojson")
    day = "2022-01-20"
    print(f"{'features':>9}  {'step':<26} {'seconds':>8} {'MB':>8}")
    for n in (int(x) for x in args.sizes.split(",")):
        run(n, boundaries, day)


def run(n: int, boundaries: gpd.GeoDataFrame, day: str) -> None:
    """Time features_on, the three exports and two snapshots on n synthetic events."""
    ds = synthetic(n)
    frames, t = timed(lambda: {lay: features_on(ds, lay, day, window=None) for lay in EVENT_LAYERS})
    print(f"{n:>9}  {'features_on (3 layers)':<26} {t:>8.2f}")
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)

        def geojson() -> Path:
            text = export.geojson_text(export.to_feature_collection(frames.values()))
            return export.write_atomic(folder / "all.geojson", text)

        def gpkg() -> Path:
            return export.write_geopackage(folder / "all.gpkg", frames)

        def acled() -> Path:
            text = acled_csv_text(frames.values(), events=ds.events)
            return export.write_atomic(folder / "all.acled.csv", text)

        for name, fn in (("GeoJSON", geojson), ("GeoPackage", gpkg), ("ACLED CSV", acled)):
            path, t = timed(fn)
            print(f"{n:>9}  {name + ' export':<26} {t:>8.2f} {path.stat().st_size / 1e6:>8.2f}")
    for window, label in ((1, "snapshot (1 day)"), (None, "snapshot (all days)")):
        png, t = timed(
            lambda w=window: render_snapshot(ds, boundaries, day=day, window=w, cities=())
        )
        print(f"{n:>9}  {label:<26} {t:>8.2f} {len(png) / 1e6:>8.2f}")


if __name__ == "__main__":
    main()
