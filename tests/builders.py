"""Tiny data folders built in code (events, states, figures) for export and snapshot tests."""

from __future__ import annotations

import csv
from pathlib import Path

from fakes import FakeGazetteer

from geo.config import Settings
from geo.events import Dataset, load_dataset
from geo.schema import EVENT_COLUMNS, FIGURE_COLUMNS, STATE_COLUMNS

SRC = "TASS <https://tass.com/world/1> ; Inform.kz <https://inform.kz/a>"

EVENTS = [
    dict(
        id="E1",
        date="2022-01-05",
        layer="clashes",
        event_type="Riots",
        sub_event_type="Violent demonstration",
        place="Almaty",
        fatalities="3",
        injured="40",
        actor1="Rioters (Kazakhstan)",
        actor2="Police Forces of Kazakhstan",
        description="Crowds clashed with police near the city hall.",
        sources=SRC,
    ),
    dict(
        id="E2",
        date="2022-01-05",
        layer="protests",
        event_type="Protests",
        sub_event_type="Peaceful protest",
        place="Zhanaozen",
        detained="12",
        count_note="about 1,000 participants",
        actor1="Protesters (Kazakhstan)",
        description="Residents rallied on the main square over fuel prices.",
        certainty="uncertain",
        sources="Inform.kz <https://inform.kz/b>",
    ),
    dict(
        id="E3",
        date="2022-01-04",
        layer="protests",
        event_type="Protests",
        place="Aktau",
        actor1="Protesters (Kazakhstan)",
        description="A rally outside the akimat.",
        sources=SRC,
    ),
    dict(
        id="E4",
        date="2022-01-05",
        layer="other",
        event_type="Strategic developments",
        sub_event_type="Arrests",
        lat="48.0",
        lon="66.0",
        geo_precision="2",
        actor1="Police Forces of Kazakhstan",
        description="Arrests in the steppe.",
        sources=SRC,
    ),
    dict(
        id="E5",
        date="2022-01-05",
        layer="clashes",
        event_type="",
        place="Aktau",
        description="Unclassified clash.",
        sources=SRC,
    ),
]
STATES = [
    dict(
        id="S1",
        layer="infrastructure",
        subject="Almaty International Airport",
        status="seized",
        valid_from="2022-01-05",
        valid_to="2022-01-06",
        site_id="airport:ALA",
        sources=SRC,
    ),
    dict(
        id="S2",
        layer="troops",
        subject="CSTO contingent",
        status="deployed",
        valid_from="2022-01-06",
        valid_to="2022-01-13",
        site_id="airport:ALA",
        troops="2030",
        sources=SRC,
    ),
    dict(
        id="S3",
        layer="emergency",
        subject="State of emergency, Mangystau",
        status="declared",
        valid_from="2022-01-05",
        valid_to="2022-01-19",
        site_id="admin1:KZ-MAN",
        sources=SRC,
    ),
]
FIGURES = [
    dict(
        id="F1",
        date="2022-01-09",
        metric="deaths",
        value="164",
        qualifier="exact",
        reported_by="Health Ministry",
        certainty="retracted",
        sources=SRC,
    ),
    dict(
        id="F2",
        date="2022-01-15",
        metric="deaths",
        value="225",
        qualifier="exact",
        reported_by="Prosecutor General's Office",
        certainty="official claim",
        sources=SRC,
    ),
    dict(
        id="F3",
        date="2022-01-10",
        metric="detained",
        value="7939",
        qualifier="exact",
        reported_by="Presidential press service",
        sources=SRC,
    ),
]


def write_csv(path: Path, columns: tuple[str, ...], rows: list[dict[str, str]]) -> Path:
    with path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.DictWriter(handle, fieldnames=columns)
        writer.writeheader()
        for row in rows:
            writer.writerow({c: row.get(c, "") for c in columns})
    return path


def write_data(folder: Path, *, events=EVENTS, states=STATES, figures=FIGURES) -> Path:  # noqa: ANN001
    folder.mkdir(parents=True, exist_ok=True)
    write_csv(folder / "events.csv", EVENT_COLUMNS, events)
    write_csv(folder / "states.csv", STATE_COLUMNS, states)
    write_csv(folder / "figures.csv", FIGURE_COLUMNS, figures)
    return folder


def dataset(folder: Path, **kwargs) -> Dataset:  # noqa: ANN003
    """The tiny data set, loaded with the fake gazetteer."""
    return load_dataset(Settings(data_dir=write_data(folder, **kwargs)), FakeGazetteer())
