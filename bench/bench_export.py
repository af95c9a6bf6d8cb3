"""Exports, snapshot and loading as a user meets them: whole processes from a fresh start.

    .venv/bin/python bench/bench_export.py [--sizes 10000,100000] [--repeat 3] [--before DIR]
                                           [--keep DIR]

For each size a synthetic data folder is written to a temporary folder (events, plus states and
national figures in the bundled data's proportion, every local row with place name and lat/lon
around a Kazakh city) and the CLI is pointed at it the way a user does: CRISISMAP_DATA_DIR (and
a fresh XDG_CACHE_HOME, so the gazetteer and the store start empty). Then, as subprocesses:

- the store's first-use fill (``python -m geo db import DIR``; every later command reads it);
- ``python -m geo export --layer all --cumulative`` as GeoJSON and as GeoPackage, each beside a
  plain geopandas script that reads the same CSV rows (pd.read_csv -> GeoDataFrame), keeps the
  same features and writes the same file type (``to_file``);
- ``python -m geo snapshot`` (default options, the last day);
- loading alone (``geo.cli.load_data`` in a child that reports its own time and memory).

Every command of ours runs twice: first with no placed data set on disk (the figure that
counts, as a user's first command after the records changed), then "(cached)", reading the
placed data set that run left in the cache folder (geo.store.placed_path).

Runs alternate (ours, plain, ours, ...) and each figure is the median of ``--repeat`` runs:
wall seconds, CPU seconds and peak memory (getrusage RUSAGE_CHILDREN of a one-child wrapper).
``--before DIR`` also runs the code of another checkout (``git archive`` of an older commit),
alternated with this one, so before/after come from one run on one machine. ``--keep DIR``
keeps the data folders, caches and stores in DIR and reuses them on the next run (the store is
filled, and the fill timed, only where DIR holds none yet: ~12 s saved per run at 100k).
"""

from __future__ import annotations

import argparse
import csv
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parent.parent
DAYS = 20
FIRST_DAY = np.datetime64("2022-01-01")
LAST_DAY = "2022-01-20"
# Reference files the gazetteer reads from a data folder (copied as they are).
REFERENCE_FILES = ("facilities.csv", "kz_admin1.csv", "kz_admin1_later.csv", "kz_admin1.geojson",
                   "kz_place_names.csv", "not_places.csv")  # fmt: skip
CITIES = (
    ("Almaty", 76.91, 43.25),
    ("Zhanaozen", 52.86, 43.34),
    ("Aktau", 51.17, 43.66),
    ("Nur-Sultan", 71.45, 51.18),
    ("Shymkent", 69.6, 42.3),
    ("Aktobe", 57.21, 50.28),
    ("Karaganda", 73.1, 49.8),
    ("Kyzylorda", 65.51, 44.85),
    ("Uralsk", 51.37, 51.23),
    ("Taldykorgan", 78.37, 45.02),
)
SOURCES = (
    "TASS <https://tass.com/world/1>",
    "Inform.kz <https://inform.kz/a>",
    "Reuters <https://reuters.com/world/asia-pacific/kazakhstan-1>",
    "Vlast.kz <https://vlast.kz/novosti/2>",
)
# The bundled data holds 113 events, 48 states and 38 national figures.
STATES_PER_EVENT, FIGURES_PER_EVENT = 0.42, 0.34

TARGETS = {
    "snapshot": "<= 3 s",
    "export geojson": "no slower than plain geopandas",
    "export gpkg": "no slower than plain geopandas",
}


# --- the data set ------------------------------------------------------------------------------


def write_dataset(folder: Path, n: int, seed: int = 7) -> dict[str, int]:
    """A data folder of n events, states and figures in proportion; record counts by file."""
    rng = np.random.default_rng(seed)
    folder.mkdir(parents=True, exist_ok=True)
    for name in REFERENCE_FILES:
        shutil.copy(ROOT / "data" / name, folder / name)
    counts = {
        "events.csv": _write_events(folder / "events.csv", n, rng),
        "states.csv": _write_states(folder / "states.csv", int(n * STATES_PER_EVENT), rng),
        "figures.csv": _write_figures(folder / "figures.csv", int(n * FIGURES_PER_EVENT), rng),
    }
    return counts


def _near_city(n: int, rng: np.random.Generator) -> tuple[list[str], np.ndarray, np.ndarray]:
    pick = rng.integers(0, len(CITIES), n)
    lon = np.array([CITIES[i][1] for i in pick]) + rng.normal(0, 0.08, n)
    lat = np.array([CITIES[i][2] for i in pick]) + rng.normal(0, 0.08, n)
    return [CITIES[i][0] for i in pick], np.round(lon, 5), np.round(lat, 5)


def _sources(rng: np.random.Generator) -> str:
    k = int(rng.integers(1, 3))
    return " ; ".join(SOURCES[i] for i in rng.choice(len(SOURCES), k, replace=False))


def _count(rng: np.random.Generator) -> str:
    return str(int(rng.integers(0, 400))) if rng.random() < 0.3 else ""


def _write_events(path: Path, n: int, rng: np.random.Generator) -> int:
    from geo.schema import EVENT_COLUMNS

    places, lon, lat = _near_city(n, rng)
    days = FIRST_DAY + rng.integers(0, DAYS, n)
    layers = rng.choice(("protests", "clashes", "other"), n, p=[0.5, 0.35, 0.15])
    types = {"protests": "Protests", "clashes": "Riots", "other": "Strategic developments"}
    national = rng.random(n) < 0.03
    with path.open("w", encoding="utf-8", newline="") as handle:
        out = csv.writer(handle, lineterminator="\n")
        out.writerow(EVENT_COLUMNS)
        for i in range(n):
            local = not national[i]
            out.writerow([
                f"E{i:06d}", str(days[i]), "1", layers[i], types[layers[i]], "",
                "local" if local else "national", places[i] if local else "", "",
                lat[i] if local else "", lon[i] if local else "", "",
                _count(rng), _count(rng), _count(rng), "",
                "Protesters (Kazakhstan)",
                "Police Forces of Kazakhstan" if layers[i] == "clashes" else "",
                f"Synthetic event {i}, near {places[i]}: a crowd gathered, then dispersed.",
                "reported" if rng.random() < 0.9 else "uncertain", _sources(rng),
            ])  # fmt: skip
    return n


def _write_states(path: Path, n: int, rng: np.random.Generator) -> int:
    from geo.schema import STATE_COLUMNS

    places, lon, lat = _near_city(n, rng)
    layers = rng.choice(("troops", "infrastructure", "emergency"), n, p=[0.4, 0.4, 0.2])
    statuses = ("operational", "disrupted", "closed", "seized", "damaged", "destroyed")
    start = rng.integers(0, DAYS, n)
    length = rng.integers(0, 10, n)
    with path.open("w", encoding="utf-8", newline="") as handle:
        out = csv.writer(handle, lineterminator="\n")
        out.writerow(STATE_COLUMNS)
        for i in range(n):
            layer = layers[i]
            infra = layer == "infrastructure"
            status = {"troops": "deployed", "emergency": "declared"}.get(layer) or statuses[
                int(rng.integers(0, len(statuses)))
            ]
            end = "" if rng.random() < 0.2 else str(FIRST_DAY + start[i] + length[i])
            out.writerow([
                f"S{i:06d}", layer, f"Site {i}" if infra else f"{layer} in {places[i]}", status,
                str(FIRST_DAY + start[i]), end, "local",
                "" if infra else places[i], "", lat[i], lon[i], "",
                str(int(rng.integers(50, 3000))) if layer == "troops" else "", "",
                "CSTO" if layer == "troops" else "Government of Kazakhstan",
                f"Synthetic state {i}.", "reported", _sources(rng),
            ])  # fmt: skip
    return n


def _write_figures(path: Path, n: int, rng: np.random.Generator) -> int:
    from geo.schema import FIGURE_COLUMNS

    metrics = ("deaths", "injured", "detained", "arrested")
    days = FIRST_DAY + rng.integers(0, DAYS, n)
    with path.open("w", encoding="utf-8", newline="") as handle:
        out = csv.writer(handle, lineterminator="\n")
        out.writerow(FIGURE_COLUMNS)
        for i in range(n):
            out.writerow([
                f"F{i:06d}", str(days[i]), metrics[i % 4], str(int(rng.integers(1, 10000))),
                "exact" if rng.random() < 0.7 else "at least", "", "Interior Ministry",
                "reported", "", _sources(rng),
            ])  # fmt: skip
    return n


# --- the plain geopandas script (the yardstick) --------------------------------------------------

PLAIN = r"""
import sys
import geopandas as gpd
import pandas as pd

folder, fmt, out, day = sys.argv[1:5]
day = pd.Timestamp(day)
events = pd.read_csv(f"{folder}/events.csv", dtype=str, keep_default_na=False)
states = pd.read_csv(f"{folder}/states.csv", dtype=str, keep_default_na=False)
events = events[(pd.to_datetime(events["date"]) <= day) & (events["lat"] != "")]
start = pd.to_datetime(states["valid_from"])
end = pd.to_datetime(states["valid_to"].replace("", None))
states = states[(start <= day) & (end.isna() | (end >= day)) & (states["lat"] != "")]
frames = {}
for frame in (events, states):
    geometry = gpd.points_from_xy(frame["lon"].astype(float), frame["lat"].astype(float))
    gdf = gpd.GeoDataFrame(frame.drop(columns=["lat", "lon"]), geometry=geometry, crs=4326)
    for layer, part in gdf.groupby("layer"):
        frames[layer] = part
if fmt == "geojson":
    pd.concat(frames.values()).to_file(out, driver="GeoJSON")
else:
    for layer, part in frames.items():
        part.to_file(out, layer=layer, driver="GPKG")
"""

# A wrapper that runs one child and reports its wall time and getrusage(RUSAGE_CHILDREN).
WRAPPER = r"""
import json, resource, subprocess, sys, time
t = time.perf_counter()
rc = subprocess.run(sys.argv[1:], stdout=subprocess.DEVNULL, stderr=subprocess.PIPE).returncode
wall = time.perf_counter() - t
ru = resource.getrusage(resource.RUSAGE_CHILDREN)
print(json.dumps({"rc": rc, "wall": wall, "cpu": ru.ru_utime + ru.ru_stime,
                  "peak_mib": ru.ru_maxrss / 1024}))
"""

# Loading alone: the CLI's load_data, timed inside a child, memory by ru_maxrss before/after.
LOADING = r"""
import json, resource, time
from geo.cli import load_data, load_gazetteer
from geo.config import Settings
settings = Settings.from_env()
gazetteer = load_gazetteer(settings)
gazetteer.lookup("Almaty"); gazetteer.get("site:none")
before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
t = time.perf_counter(); c = time.process_time()
ds = load_data(settings, gazetteer)
wall, cpu = time.perf_counter() - t, time.process_time() - c
grown = (resource.getrusage(resource.RUSAGE_SELF).ru_maxrss - before) * 1024
print(json.dumps({"records": len(ds.events) + len(ds.states) + len(ds.figures),
                  "wall": wall, "cpu": cpu, "bytes": grown}))
"""


def measure(argv: list[str], env: dict[str, str], cwd: Path) -> dict[str, float]:
    """Wall, CPU and peak memory of one whole process (through the wrapper)."""
    done = subprocess.run(
        [sys.executable, "-c", WRAPPER, *argv], env=env, cwd=cwd, capture_output=True, text=True
    )
    result = json.loads(done.stdout)
    if result["rc"] != 0:
        msg = f"{' '.join(argv[:4])}... failed: {done.stderr.strip()[-400:]}"
        raise SystemExit(msg)
    return result


def environment(code: Path, folder: Path, cache: Path) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("CRISISMAP_")}
    env.update(
        PYTHONPATH=str(code),
        XDG_CACHE_HOME=str(cache),
        CRISISMAP_DATA_DIR=str(folder),
        CRISISMAP_MAX_DATA_MB="0",  # a 100k data set is over the default 50 MB guard
        MPLBACKEND="Agg",
    )
    return env


def median(runs: list[dict[str, float]], key: str) -> float:
    return statistics.median(r[key] for r in runs)


def run_size(n: int, codes: dict[str, Path], repeat: int, tmp: Path, *, keep: bool) -> None:
    folder = tmp / f"data-{n}"
    counts = _kept_counts(folder) if keep else None
    if counts is None:
        counts = write_dataset(folder, n)
        folder.with_suffix(".json").write_text(json.dumps(counts))
    records = sum(counts.values())
    mb = sum((folder / f).stat().st_size for f in counts) / 1e6
    print(f"\n{n:,} events, {counts['states.csv']:,} states, {counts['figures.csv']:,} figures "
          f"({records:,} records, {mb:.1f} MB of CSV)")  # fmt: skip
    out = tmp / "out"
    out.mkdir(exist_ok=True)
    envs = {
        name: environment(code, folder, tmp / f"cache-{name}-{n}") for name, code in codes.items()
    }
    py = sys.executable
    for env in envs.values():  # the gazetteer index, built once per cache (not timed here)
        measure([py, "-m", "geo", "places", "Almaty"], env, out)
    rows: dict[str, dict[str, list[dict[str, float]]]] = {}

    def add(step: str, who: str, result: dict[str, float]) -> None:
        rows.setdefault(step, {}).setdefault(who, []).append(result)

    export = [py, "-m", "geo", "export", "--layer", "all", "--date", LAST_DAY, "--cumulative"]

    def cold(env: dict[str, str]) -> None:
        """No placed data set on disk: the command validates and places, as a first run."""
        for stale in Path(env["XDG_CACHE_HOME"]).glob("crisismap/placed-*"):
            stale.unlink()

    def loading(env: dict[str, str]) -> dict[str, float]:
        done = subprocess.run([py, "-c", LOADING], env=env, cwd=out, capture_output=True,
                              text=True, check=True)  # fmt: skip
        return json.loads(done.stdout.strip().splitlines()[-1])

    for r in range(repeat):
        for name, env in envs.items():
            stores = list(Path(env["XDG_CACHE_HOME"]).glob("crisismap/store-*"))
            if keep and stores:
                continue  # kept from an earlier run
            for stale in stores:
                stale.unlink()
            add("store fill (first use)", name,
                measure([py, "-m", "geo", "db", "import", str(folder)], env, out))  # fmt: skip
        for name, env in envs.items():
            # Each command twice: first with no placed data set on disk (the headline), then
            # again, reading the one the first run left (code that keeps none does it all again).
            for fmt in ("geojson", "gpkg"):
                target = out / f"{name}-{n}-{r}.{fmt}"
                argv = [*export, "--format", fmt, "--out", str(target)]
                cold(env)
                add(f"export {fmt}", name, measure(argv, env, out))
                add(f"export {fmt} (cached)", name, measure(argv, env, out))
                plain = [py, "-c", PLAIN, str(folder), fmt, str(out / f"plain-{n}-{r}.{fmt}")]
                add(f"export {fmt}", "plain geopandas", measure([*plain, LAST_DAY], env, out))
            png = out / f"{name}-{n}-{r}.png"
            snapshot = [py, "-m", "geo", "snapshot", "--date", LAST_DAY, "--out", str(png)]
            cold(env)
            add("snapshot", name, measure(snapshot, env, out))
            add("snapshot (cached)", name, measure(snapshot, env, out))
            cold(env)
            add("loading", name, loading(env))
            add("loading (cached)", name, loading(env))
    print(f"{'step':<24} {'code':<16} {'wall s':>7} {'cpu s':>7} {'peak MiB':>9}  target")
    for step, by in rows.items():
        for who, runs in by.items():
            if step.startswith("loading"):
                per = median(runs, "wall") / records * 1e6
                size = median(runs, "bytes") / records
                print(f"{step:<24} {who:<16} {median(runs, 'wall'):>7.2f} "
                      f"{median(runs, 'cpu'):>7.2f} {'':>9}  {per:.1f} us and "
                      f"{size:,.0f} bytes per record")  # fmt: skip
                continue
            base = step.removesuffix(" (cached)")
            target = TARGETS.get(base, "") if who != "plain geopandas" else ""
            plain = rows.get(base, {}).get("plain geopandas")
            if target.startswith("no slower") and plain:
                wall = median(runs, "wall") / median(plain, "wall")
                cpu = median(runs, "cpu") / median(plain, "cpu")
                target += f" ({wall:.2f}x wall, {cpu:.2f}x cpu)"
            print(f"{step:<24} {who:<16} {median(runs, 'wall'):>7.2f} {median(runs, 'cpu'):>7.2f} "
                  f"{median(runs, 'peak_mib'):>9.0f}  {target}")  # fmt: skip


def _kept_counts(folder: Path) -> dict[str, int] | None:
    """The record counts of the data folder an earlier --keep run wrote, None if none."""
    try:
        return json.loads(folder.with_suffix(".json").read_text())
    except (OSError, ValueError):
        return None


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="10000,100000")
    parser.add_argument("--repeat", type=int, default=3, help="runs per figure (median kept)")
    parser.add_argument("--before", type=Path, help="another checkout to run alternated with this")
    parser.add_argument("--quick", action="store_true", help="10,000 events, one run")
    parser.add_argument("--keep", type=Path, help="keep data, caches and stores here, reuse them")
    args = parser.parse_args()
    if args.quick:
        args.sizes, args.repeat = "10000", 1
    codes = {"this": ROOT}
    if args.before:
        codes = {"before": args.before.resolve(), "this": ROOT}
    print("whole processes, medians of", args.repeat, "(machine load makes wall time noisy)")
    if args.keep:
        args.keep.mkdir(parents=True, exist_ok=True)
        for n in (int(x) for x in args.sizes.split(",")):
            run_size(n, codes, args.repeat, args.keep.resolve(), keep=True)
        return
    with tempfile.TemporaryDirectory(prefix="bench-export-") as tmp:
        for n in (int(x) for x in args.sizes.split(",")):
            run_size(n, codes, args.repeat, Path(tmp), keep=False)


if __name__ == "__main__":
    sys.path.insert(0, str(ROOT))
    main()
