"""Dashboard benchmark: slider step, bytes sent, time to first map, memory. Prints only.

    python bench/bench_dashboard.py [--sizes 1000 10000 100000] [--no-browser]

For 1,000, 10,000 and 100,000 synthetic events (dashboard/synthetic.py):
- step: server-side time of one slider step (layer queries + symbols + feature group render),
  median over days, for each mode;
- sent: bytes of the feature group script st_folium sends for that step (largest over days);
- first map: streamlit started as a subprocess until the map iframe shows a Leaflet map
  (needs /usr/bin/chromium; else AppTest's first run is timed instead);
- memory: peak RSS of that streamlit server at 100,000 events.
Targets: step <= 150 ms at 10k and <= 1 s at 100k; <= 2 MB sent at 100k; memory <= 1 GB.
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

import folium  # noqa: E402
from streamlit_folium import _get_feature_group_string  # noqa: E402

from dashboard import map as cmap  # noqa: E402
from dashboard.serve import CHROMIUM, CHROMIUM_ARGS, running_app  # noqa: E402
from dashboard.synthetic import write_dataset  # noqa: E402
from geo.config import Settings  # noqa: E402
from geo.events import load_dataset  # noqa: E402
from geo.gazetteer import admin1_boundaries  # noqa: E402
from geo.layers import standard_layer  # noqa: E402

MODES = (("day", "day"), ("window", "last 3 days"), ("cumulative", "up to the day"))


def step_once(ds, boundaries, day: str, mode: str) -> tuple[float, int]:
    """One slider step as the app does it: (seconds, bytes of the feature group script)."""
    t0 = time.perf_counter()
    view = cmap.MapView.of(day, mode=mode, days=3, shading="emergency")
    frames = cmap.visible_features(ds, view, layers=cmap.POINT_LAYERS)
    cmap.counts_by_layer(frames)
    shown = {lay: frames[lay] for lay in view.layers}
    day_layer = cmap.day_feature_group(ds, view, boundaries, frames=shown)
    script = _get_feature_group_string(day_layer.group, folium.Map(tiles=None))
    return time.perf_counter() - t0, len(script.encode("utf-8"))


def bench_steps(n: int, folder: Path, settings: Settings, boundaries) -> None:
    write_dataset(folder, n_events=n, reference=False)
    t0 = time.perf_counter()
    ds = load_dataset(settings.with_(data_dir=folder), None)
    load = time.perf_counter() - t0
    t0 = time.perf_counter()
    for layer in cmap.POINT_LAYERS:  # as the app's cached data set: shaped once, then masked
        standard_layer(ds, layer)
    built = time.perf_counter() - t0
    print(
        f"\n{n:>7,} events (loaded in {load:.1f} s without gazetteer,"
        f" layers shaped in {built:.2f} s)"
    )
    days = [f"2022-01-{d:02d}" for d in (3, 6, 9, 12, 15, 18, 20)]
    for mode, label in MODES:
        step_once(ds, boundaries, days[0], mode)  # warm up
        times, sizes = [], []
        for day in days:
            t, size = step_once(ds, boundaries, day, mode)
            times.append(t)
            sizes.append(size)
        print(
            f"  {label:<14} step median {statistics.median(times) * 1000:7.1f} ms"
            f" (max {max(times) * 1000:7.1f} ms)   sent max {max(sizes) / 1e6:6.2f} MB"
        )


def _rss_mb(pid: int) -> float:
    """Resident memory of a process and its children, in MB (Linux /proc)."""
    total = 0
    pids = [pid]
    children = Path(f"/proc/{pid}/task/{pid}/children")
    if children.exists():
        pids += [int(p) for p in children.read_text().split()]
    for p in pids:
        try:
            for line in Path(f"/proc/{p}/status").read_text().splitlines():
                if line.startswith("VmHWM:"):  # peak resident set size
                    total += int(line.split()[1])
        except OSError:
            pass
    return total / 1024


def first_map(folder: Path, cache_dir: str) -> tuple[float, float]:
    """(seconds from `streamlit run` to a drawn Leaflet map, server peak RSS MB)."""
    from playwright.sync_api import sync_playwright

    env = {"CRISISMAP_DATA_DIR": str(folder), "CRISISMAP_CACHE_DIR": cache_dir}
    t0 = time.perf_counter()
    with running_app(env, timeout=600) as (url, proc), sync_playwright() as p:
        browser = p.chromium.launch(executable_path=str(CHROMIUM), args=list(CHROMIUM_ARGS))
        page = browser.new_page(viewport={"width": 1400, "height": 1000})
        page.goto(f"{url}/?date=2022-01-20", timeout=600_000)
        frame = page.frame_locator('iframe[title="streamlit_folium.st_folium"]')
        frame.locator(".leaflet-container").wait_for(timeout=600_000)
        elapsed = time.perf_counter() - t0
        browser.close()
        return elapsed, _rss_mb(proc.pid)


def first_map_apptest(folder: Path, cache_dir: str) -> float:
    from streamlit.testing.v1 import AppTest

    os.environ.update(CRISISMAP_DATA_DIR=str(folder), CRISISMAP_CACHE_DIR=cache_dir)
    t0 = time.perf_counter()
    AppTest.from_file(str(ROOT / "dashboard" / "app.py"), default_timeout=600).run()
    return time.perf_counter() - t0


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[1000, 10000, 100000])
    parser.add_argument("--no-browser", action="store_true", help="time AppTest, not chromium")
    args = parser.parse_args()
    settings = Settings.from_env()
    boundaries = cmap.simplified_boundaries(admin1_boundaries(settings))
    cache_dir = os.environ.get("CRISISMAP_CACHE_DIR") or tempfile.mkdtemp(prefix="crisismap-cache-")
    print("Slider step (server side: layer queries + symbols + feature group script)")
    print("targets: step <= 150 ms at 10k, <= 1 s at 100k; sent <= 2 MB at 100k")
    with tempfile.TemporaryDirectory() as tmp:
        for n in args.sizes:
            bench_steps(n, Path(tmp) / f"n{n}", settings, boundaries)
        print("\nTime to first map and server memory (first run builds the gazetteer index once)")
        print("targets: memory <= 1 GB at 100k")
        for n in args.sizes:
            folder = write_dataset(Path(tmp) / f"app{n}", n_events=n)
            if CHROMIUM.exists() and not args.no_browser:
                seconds, rss = first_map(folder, cache_dir)
                print(
                    f"  {n:>7,} events: first map in {seconds:5.1f} s (streamlit + chromium),"
                    f" server peak RSS {rss:6.0f} MB"
                )
            else:
                seconds = first_map_apptest(folder, cache_dir)
                print(f"  {n:>7,} events: first AppTest run {seconds:5.1f} s")


if __name__ == "__main__":
    main()
