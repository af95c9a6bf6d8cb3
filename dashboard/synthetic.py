"""Synthetic data folders in the project's file formats, for tests, benchmarks and demos.

``write_dataset(folder, n_events=...)`` writes events.csv, states.csv, figures.csv and a few
articles around real Kazakh cities (so points fall inside the admin-1 polygons), and copies the
reference files the gazetteer reads from the bundled ``data/`` folder. Every local record has
lat/lon, so loading needs no gazetteer lookups beyond the admin-1 of a point.
"""

from __future__ import annotations

import csv
import datetime as dt
import shutil
from pathlib import Path

import numpy as np

from geo.config import PROJECT_ROOT
from geo.schema import EVENT_COLUMNS, FIGURE_COLUMNS, STATE_COLUMNS

REFERENCE_FILES = (
    "facilities.csv",
    "kz_admin1.csv",
    "kz_admin1_later.csv",
    "kz_admin1.geojson",
    "kz_place_names.csv",
    "not_places.csv",
)
FIRST_DAY = dt.date(2022, 1, 1)

# name, lat, lon, weight
CITIES: tuple[tuple[str, float, float, float], ...] = (
    ("Almaty", 43.2525, 76.9115, 5.0),
    ("Zhanaozen", 43.3412, 52.8619, 2.0),
    ("Aktau", 43.6511, 51.1978, 2.0),
    ("Nur-Sultan", 51.1801, 71.4460, 2.0),
    ("Shymkent", 42.3000, 69.6000, 1.5),
    ("Taraz", 42.9000, 71.3667, 1.0),
    ("Aktobe", 50.2797, 57.2072, 1.0),
    ("Kyzylorda", 44.8528, 65.5092, 1.0),
    ("Oral", 51.2333, 51.3667, 0.7),
    ("Atyrau", 47.1167, 51.8833, 0.7),
    ("Karaganda", 49.8019, 73.1021, 0.7),
    ("Taldykorgan", 45.0156, 78.3739, 0.7),
)
SOURCES = "TASS <https://tass.com/world/1> ; Reuters <https://www.reuters.com/world/asia-pacific/x>"
ACTORS = ("Protesters (Kazakhstan)", "Rioters (Kazakhstan)", "Police Forces of Kazakhstan")
HOSTILE = '<script>alert("x")</script><img src=x onerror=alert(1)>'


def copy_reference_files(folder: Path, source: Path = PROJECT_ROOT / "data") -> None:
    """Copy the gazetteer's reference files (boundaries, facilities, names) into ``folder``."""
    folder.mkdir(parents=True, exist_ok=True)
    for name in REFERENCE_FILES:
        if (source / name).exists():
            shutil.copyfile(source / name, folder / name)


def _write(path: Path, columns: tuple[str, ...], rows: list[dict[str, object]]) -> None:
    with path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.DictWriter(handle, fieldnames=list(columns))
        writer.writeheader()
        for row in rows:
            writer.writerow({c: row.get(c, "") for c in columns})


def write_dataset(
    folder: Path,
    *,
    n_events: int = 40,
    days: int = 20,
    seed: int = 7,
    hostile_text: bool = False,
    spread_km: float = 8.0,
    reference: bool = True,
) -> Path:
    """A data folder with ``n_events`` events over ``days`` days, some states and figures.

    ``hostile_text`` puts HTML/script into a description and an article, to test escaping.
    ``spread_km`` jitters events around their city (0 puts them exactly on it).
    """
    folder = Path(folder)
    folder.mkdir(parents=True, exist_ok=True)
    if reference:
        copy_reference_files(folder)
    rng = np.random.default_rng(seed)
    weights = np.array([c[3] for c in CITIES])
    city_idx = rng.choice(len(CITIES), size=n_events, p=weights / weights.sum())
    day_idx = rng.integers(0, days, size=n_events)
    layer_draw = rng.random(n_events)
    jitter = rng.normal(0.0, spread_km / 111.0, size=(n_events, 2))
    deaths = rng.poisson(0.6, size=n_events)
    detained = rng.poisson(4.0, size=n_events)
    events = []
    for i in range(n_events):
        name, lat, lon, _w = CITIES[city_idx[i]]
        layer = (
            "protests" if layer_draw[i] < 0.55 else "clashes" if layer_draw[i] < 0.9 else "other"
        )
        event_type = {"protests": "Protests", "clashes": "Riots", "other": "Strategic developments"}
        description = f"Synthetic {layer} event {i} in {name}."
        if hostile_text and i == 0:
            description = f"Crowd gathered {HOSTILE} near the square."
        events.append(
            {
                "id": f"E{i + 1:06d}",
                "date": (FIRST_DAY + dt.timedelta(days=int(day_idx[i]))).isoformat(),
                "time_precision": 1,
                "layer": layer,
                "event_type": event_type[layer],
                "sub_event_type": "",
                "scope": "local",
                "place": name,
                "lat": f"{lat + jitter[i, 0]:.5f}",
                "lon": f"{lon + jitter[i, 1]:.5f}",
                "geo_precision": 1,
                "fatalities": int(deaths[i]) if layer == "clashes" else "",
                "detained": int(detained[i]) if layer != "clashes" else "",
                "actor1": ACTORS[0] if layer == "protests" else ACTORS[1],
                "actor2": ACTORS[2] if layer == "clashes" else "",
                "description": description,
                "certainty": "uncertain" if i % 17 == 3 else "reported",
                "sources": SOURCES,
            }
        )
    if events and hostile_text:
        # The same hostile text in the place name: it reaches tooltips and labels.
        events[0]["place"] = "Almaty <b>bold</b>"
    _write(folder / "events.csv", EVENT_COLUMNS, events)
    last = FIRST_DAY + dt.timedelta(days=days - 1)
    states = [
        {
            "id": "S001",
            "layer": "infrastructure",
            "subject": "Almaty International Airport",
            "status": "seized",
            "valid_from": FIRST_DAY + dt.timedelta(days=4),
            "valid_to": FIRST_DAY + dt.timedelta(days=4),
            "place": "Almaty International Airport",
            "lat": 43.3521,
            "lon": 77.0405,
            "geo_precision": 1,
            "actor": "Rioters (Kazakhstan)",
            "description": "Airport seized." + (HOSTILE if hostile_text else ""),
            "sources": SOURCES,
        },
        {
            "id": "S002",
            "layer": "infrastructure",
            "subject": "Almaty International Airport",
            "status": "closed",
            "valid_from": FIRST_DAY + dt.timedelta(days=5),
            "valid_to": FIRST_DAY + dt.timedelta(days=12),
            "place": "Almaty International Airport",
            "lat": 43.3521,
            "lon": 77.0405,
            "geo_precision": 1,
            "sources": SOURCES,
        },
        {
            "id": "S003",
            "layer": "infrastructure",
            "subject": "Almaty city hall",
            "status": "damaged",
            "valid_from": FIRST_DAY + dt.timedelta(days=4),
            "valid_to": "",
            "place": "Almaty city hall",
            "lat": 43.2383,
            "lon": 76.9453,
            "geo_precision": 1,
            "sources": SOURCES,
        },
        {
            "id": "S004",
            "layer": "troops",
            "subject": "CSTO contingent",
            "status": "deployed",
            "valid_from": FIRST_DAY + dt.timedelta(days=6),
            "valid_to": min(last, FIRST_DAY + dt.timedelta(days=13)),
            "place": "Almaty",
            "lat": 43.30,
            "lon": 76.85,
            "geo_precision": 1,
            "troops": 2030,
            "actor": "CSTO",
            "sources": SOURCES,
        },
        {
            "id": "S005",
            "layer": "emergency",
            "subject": "State of emergency",
            "status": "declared",
            "valid_from": FIRST_DAY + dt.timedelta(days=4),
            "valid_to": min(last, FIRST_DAY + dt.timedelta(days=18)),
            "place": "Mangystau Region",
            "lat": 43.65,
            "lon": 51.20,
            "geo_precision": 3,
            "sources": SOURCES,
        },
        {
            "id": "S006",
            "layer": "emergency",
            "subject": "State of emergency",
            "status": "declared",
            "valid_from": FIRST_DAY + dt.timedelta(days=4),
            "valid_to": min(last, FIRST_DAY + dt.timedelta(days=18)),
            "place": "Almaty (city)",
            "lat": 43.25,
            "lon": 76.91,
            "geo_precision": 3,
            "sources": SOURCES,
        },
    ]
    _write(folder / "states.csv", STATE_COLUMNS, states)
    figures = [
        {
            "id": "F001",
            "date": FIRST_DAY + dt.timedelta(days=8),
            "metric": "deaths",
            "value": 164,
            "qualifier": "exact",
            "reported_by": "Health Ministry",
            "certainty": "retracted",
            "note": "withdrawn the next day",
            "sources": SOURCES,
        },
        {
            "id": "F002",
            "date": FIRST_DAY + dt.timedelta(days=14),
            "metric": "deaths",
            "value": 225,
            "qualifier": "exact",
            "reported_by": "Prosecutor General's Office",
            "certainty": "official claim",
            "sources": SOURCES,
        },
        {
            "id": "F003",
            "date": FIRST_DAY + dt.timedelta(days=5),
            "metric": "detained",
            "value": 2000,
            "qualifier": "about",
            "reported_by": "Interior Ministry",
            "sources": SOURCES,
        },
        {
            "id": "F004",
            "date": FIRST_DAY + dt.timedelta(days=9),
            "metric": "detained",
            "value": 7939,
            "qualifier": "exact",
            "reported_by": "Interior Ministry",
            "sources": SOURCES,
        },
    ]
    _write(folder / "figures.csv", FIGURE_COLUMNS, figures)
    articles = folder / "articles"
    articles.mkdir(exist_ok=True)
    body = (
        "Protesters gathered in Almaty and in Zhanaozen. Police in Almaty used stun grenades; "
        "the airport in Almaty was seized."
    )
    if hostile_text:
        body += f" A placard read {HOSTILE} in Aktau."
    first_ids = ", ".join(e["id"] for e in events[:2])
    (articles / "2022-01-05-almaty.txt").write_text(
        f"title: Unrest in Almaty <i>{'&' if hostile_text else ''}</i>\n"
        f"date: {(FIRST_DAY + dt.timedelta(days=4)).isoformat()}\npublisher: TASS\n"
        f"url: https://tass.com/world/1\n"
        f"records: {first_ids}{', ' if first_ids else ''}S001\n---\n{body}\n",
        encoding="utf-8",
    )
    return folder
