"""ACLED compatibility: import validates every row first; export writes ACLED's 31 columns."""

from __future__ import annotations

import csv
import io
from dataclasses import replace
from pathlib import Path

import pandas as pd
import pytest
from builders import dataset
from fakes import FakeGazetteer

from geo.acled import (
    ACLED_COLUMNS,
    ACLED_URL,
    acled_csv_text,
    admin1_code,
    inter_code,
    load_acled,
    only_origin,
    with_imported,
)
from geo.cli import main
from geo.csvrows import parse_sources
from geo.errors import DataError, InputError
from geo.events import load_events
from geo.layers import features_on

# A few Kazakhstan rows in ACLED's layout, written for these tests (not ACLED's own data).
ROWS = [
    dict(
        event_id_cnty="KAZ101",
        event_date="2022-01-02",
        year="2022",
        time_precision="1",
        disorder_type="Demonstrations",
        event_type="Protests",
        sub_event_type="Peaceful protest",
        actor1="Protesters (Kazakhstan)",
        assoc_actor_1="Oil Workers (Kazakhstan)",
        inter1="6",
        interaction="60",
        iso="398",
        region="Central Asia and the Caucasus",
        country="Kazakhstan",
        admin1="Mangystau",
        location="Zhanaozen",
        latitude="43.3412",
        longitude="52.8619",
        geo_precision="1",
        source="Inform.kz; Reuters",
        source_scale="National-International",
        notes="Drivers blocked a road over the doubled gas price.",
        fatalities="0",
        tags="crowd size=several hundred",
        timestamp="1641600000",
    ),
    dict(
        event_id_cnty="KAZ102",
        event_date="05 January 2022",
        year="2022",
        time_precision="1",
        disorder_type="Demonstrations",
        event_type="Riots",
        sub_event_type="Mob violence",
        actor1="Rioters (Kazakhstan)",
        actor2="Police Forces of Kazakhstan (2019-)",
        inter1="5",
        inter2="1",
        interaction="15",
        iso="398",
        region="Central Asia and the Caucasus",
        country="Kazakhstan",
        admin1="Almaty",
        location="Almaty",
        latitude="43.2525",
        longitude="76.9115",
        geo_precision="1",
        source="TASS",
        notes="A crowd set fire to the city administration.",
        fatalities="8",
        tags="injured=300; detained=50",
        timestamp="1641600000",
    ),
    dict(
        event_id_cnty="KAZ103",
        event_date="2022-01-06",
        year="2022",
        time_precision="2",
        disorder_type="Strategic developments",
        event_type="Strategic developments",
        sub_event_type="Arrests",
        actor1="Police Forces of Kazakhstan (2019-)",
        inter1="1",
        interaction="10",
        iso="398",
        region="Central Asia and the Caucasus",
        country="Kazakhstan",
        admin1="Qaraghandy",
        location="Karaganda",
        latitude="49.8019",
        longitude="73.1021",
        geo_precision="2",
        source="",
        notes="Arrests after the rally.",
        fatalities="0",
        timestamp="1641600000",
    ),
]


def acled_file(path: Path, rows: list[dict[str, str]], columns=ACLED_COLUMNS) -> Path:  # noqa: ANN001
    with path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.DictWriter(handle, fieldnames=list(columns), extrasaction="ignore")
        writer.writeheader()
        for row in rows:
            writer.writerow({c: row.get(c, "") for c in columns})
    return path


def test_import_maps_types_actors_sources_and_places(tmp_path: Path) -> None:
    frame = load_acled(acled_file(tmp_path / "acled.csv", ROWS))
    assert list(frame.id) == ["KAZ101", "KAZ102", "KAZ103"]
    assert list(frame.layer) == ["protests", "clashes", "other"]
    assert frame.crs.to_epsg() == 4326
    first, second, third = (frame.iloc[i] for i in range(3))
    assert (first.geometry.x, first.geometry.y) == (52.8619, 43.3412)  # x = lon
    assert first.actor1 == "Protesters (Kazakhstan); Oil Workers (Kazakhstan)"
    assert first.count_note == "several hundred"
    assert [(s.publisher, s.url) for s in parse_sources(first.sources)] == [
        ("ACLED: Inform.kz", ACLED_URL),
        ("ACLED: Reuters", ACLED_URL),
    ]
    assert second.date == pd.Timestamp("2022-01-05")  # ACLED's "05 January 2022" spelling
    assert (second.fatalities, second.injured, second.detained) == (8, 300, 50)
    assert second.actor2 == "Police Forces of Kazakhstan (2019-)"
    assert (first.admin1, second.admin1, third.admin1) == ("KZ-MAN", "KZ-ALA", "KZ-KAR")
    assert third.time_precision == 2 and third.geo_precision == 2
    assert parse_sources(third.sources)[0].publisher == "ACLED"  # no source named: ACLED itself
    assert set(frame.origin) == {"acled"}


def test_import_has_the_shape_of_our_loader(tmp_path: Path) -> None:
    imported = load_acled(acled_file(tmp_path / "acled.csv", ROWS))
    ours, _ = load_events(_our_events(tmp_path), None)
    assert list(imported.drop(columns="origin").columns) == list(ours.columns)
    for col in ours.columns:  # (columns our loader leaves all-empty have no meaningful dtype)
        if ours[col].notna().any():
            assert imported[col].dtype == ours[col].dtype, col


def _our_events(tmp_path: Path) -> Path:
    from builders import EVENTS, write_csv

    from geo.schema import EVENT_COLUMNS

    rows = [dict(e, lat="43.25", lon="76.9", place="") for e in EVENTS]
    return write_csv(tmp_path / "events.csv", EVENT_COLUMNS, rows)


@pytest.mark.parametrize(
    ("change", "line", "field", "needle"),
    [
        ({"event_date": "2022-13-45"}, 3, "event_date", "not a date"),
        ({"event_date": "Jan 5"}, 3, "event_date", "not a date"),
        ({"year": "2021"}, 3, "year", "does not match"),
        ({"latitude": "43,25"}, 3, "latitude", "not a number"),
        ({"latitude": "north"}, 3, "latitude", "not a number"),
        ({"longitude": "200"}, 3, "longitude", "out of range"),
        ({"latitude": ""}, 3, "latitude", "required"),
        ({"event_type": "Riot"}, 3, "event_type", "not one of"),
        ({"event_type": "Unrest"}, 3, "event_type", "not one of"),
        ({"fatalities": "dozens"}, 3, "fatalities", "whole number"),
        ({"fatalities": "-1"}, 3, "fatalities", "out of range"),
        ({"geo_precision": "4"}, 3, "geo_precision", "out of range"),
        ({"event_id_cnty": ""}, 3, "event_id_cnty", "required"),
        ({"event_id_cnty": "KAZ101"}, 3, "event_id_cnty", "already used on line 2"),
        ({"tags": "injured=many"}, 3, "tags", "whole number"),
    ],
)
def test_a_bad_row_names_file_line_and_field(
    tmp_path: Path, change: dict[str, str], line: int, field: str, needle: str
) -> None:
    rows = [ROWS[0], {**ROWS[1], **change}, ROWS[2]]
    with pytest.raises(DataError) as info:
        load_acled(acled_file(tmp_path / "acled.csv", rows))
    err = info.value
    assert (err.line, err.field) == (line, field), str(err)
    assert needle in str(err) and "acled.csv" in str(err)


def test_line_numbers_count_multiline_notes(tmp_path: Path) -> None:
    rows = [{**ROWS[0], "notes": "two\nlines"}, {**ROWS[1], "latitude": "x"}]
    with pytest.raises(DataError, match=r"line 4, field 'latitude'"):
        load_acled(acled_file(tmp_path / "acled.csv", rows))


def test_a_missing_column_is_reported_on_the_header(tmp_path: Path) -> None:
    columns = [c for c in ACLED_COLUMNS if c != "geo_precision"]
    with pytest.raises(DataError, match=r"line 1, field 'geo_precision'.*missing"):
        load_acled(acled_file(tmp_path / "acled.csv", ROWS, columns))


def test_a_byte_order_mark_is_accepted(tmp_path: Path) -> None:
    path = acled_file(tmp_path / "acled.csv", ROWS)
    path.write_bytes(b"\xef\xbb\xbf" + path.read_bytes())
    assert len(load_acled(path)) == 3


def test_import_cli_writes_our_format_atomically_or_nothing(tmp_path: Path, capsys) -> None:
    good = acled_file(tmp_path / "acled.csv", ROWS)
    out = tmp_path / "events.csv"
    assert main(["import-acled", str(good), "--out", str(out)]) == 0
    frame, unplaced = load_events(out, FakeGazetteer())
    assert list(frame.id) == ["KAZ101", "KAZ102", "KAZ103"] and unplaced == []
    assert frame.injured.iloc[1] == 300
    bad = acled_file(tmp_path / "bad.csv", [ROWS[0], {**ROWS[1], "latitude": "x"}])
    target = tmp_path / "never.csv"
    capsys.readouterr()
    assert main(["import-acled", str(bad), "--out", str(target)]) == 2
    err = capsys.readouterr().err
    assert len(err.strip().splitlines()) == 1 and "line 3, field 'latitude'" in err
    assert not target.exists() and not list(tmp_path.glob(".never*"))


def test_export_writes_acled_columns_in_order(tmp_path: Path) -> None:
    ds = dataset(tmp_path / "data")
    frames = [features_on(ds, lay, "2022-01-05", window=2) for lay in ("protests", "clashes")]
    text = acled_csv_text(frames, events=ds.events, now=lambda: 1641600000.0)
    table = pd.read_csv(io.StringIO(text), dtype=str, keep_default_na=False)
    assert tuple(table.columns) == ACLED_COLUMNS
    rows = {r["event_id_cnty"]: r for r in table.to_dict("records")}
    assert list(table.event_id_cnty) == ["E3", "E1", "E2", "E5"]  # by date, then id
    e1, e2, e5 = rows["E1"], rows["E2"], rows["E5"]
    assert (e1["iso"], e1["country"], e1["region"]) == (
        "398",
        "Kazakhstan",
        "Central Asia and the Caucasus",
    )
    assert (e1["latitude"], e1["longitude"]) == ("43.25249", "76.9115")
    assert (e1["admin1"], e1["location"], e1["year"]) == ("Almaty City", "Almaty", "2022")
    assert (e1["source"], e1["source_scale"]) == ("TASS; Inform.kz", "National-International")
    assert (e1["inter1"], e1["inter2"], e1["interaction"]) == ("5", "1", "15")
    assert e1["fatalities"] == "3" and e2["fatalities"] == "0"  # not reported -> 0, as ACLED
    assert e1["notes"] == "Crowds clashed with police near the city hall."
    assert "certainty=uncertain" in e2["tags"] and "detained=12" in e2["tags"]
    assert (e2["interaction"], e2["actor2"]) == ("60", "")
    assert (e5["event_type"], e5["sub_event_type"]) == ("Riots", "")  # fallback by layer
    assert e1["timestamp"] == "1641600000"


def test_states_cannot_be_written_as_acled_rows(tmp_path: Path) -> None:
    ds = dataset(tmp_path / "data")
    with pytest.raises(InputError, match="states over an interval"):
        acled_csv_text([features_on(ds, "troops", "2022-01-06")])


def test_round_trip_our_export_through_the_importer(tmp_path: Path) -> None:
    ds = dataset(tmp_path / "data")
    frames = [
        features_on(ds, lay, "2022-01-05", window=5) for lay in ("protests", "clashes", "other")
    ]
    path = tmp_path / "ours.acled.csv"
    path.write_text(acled_csv_text(frames, events=ds.events), encoding="utf-8")
    back = load_acled(path, FakeGazetteer()).set_index("id")
    ours = ds.events.set_index("id").loc[back.index]
    assert list(back.layer) == list(ours.layer)
    assert list(back.date) == list(ours.date)
    assert [(g.x, g.y) for g in back.geometry] == [(g.x, g.y) for g in ours.geometry]
    assert list(back.description) == list(ours.description)
    assert list(back.actor1) == list(ours.actor1.fillna(""))
    assert list(back.actor2) == list(ours.actor2.fillna(""))
    assert list(back.certainty) == list(ours.certainty)
    assert list(back.count_note) == list(ours.count_note.fillna(""))
    assert list(back.admin1) == list(ours.admin1)
    for col in ("injured", "detained"):
        assert back[col].fillna(-1).tolist() == ours[col].fillna(-1).tolist(), col
    assert back.fatalities.tolist() == ours.fatalities.fillna(0).tolist()  # ACLED's 0 rule
    publishers = [[s.publisher for s in parse_sources(c)] for c in back.sources]
    assert publishers[list(back.index).index("E1")] == ["ACLED: TASS", "ACLED: Inform.kz"]
    # and out again: the ACLED prefix is not doubled
    only_imported = with_imported(replace(ds, events=ds.events.iloc[:0]), back.reset_index())
    again = acled_csv_text([features_on(only_imported, "clashes", "2022-01-05")])
    assert "ACLED: " not in again and "TASS; Inform.kz" in again


def test_imported_events_merge_and_separate(tmp_path: Path) -> None:
    ds = dataset(tmp_path / "data")
    imported = load_acled(acled_file(tmp_path / "acled.csv", ROWS))
    merged = with_imported(ds, imported)
    assert len(merged.events) == len(ds.events) + 3
    assert set(merged.events.origin) == {"crisismap", "acled"}
    assert list(only_origin(merged, "acled").events.id) == ["KAZ101", "KAZ102", "KAZ103"]
    assert len(only_origin(merged, "crisismap").events) == len(ds.events)
    assert len(features_on(merged, "clashes", "2022-01-05")) == 3  # E1, E5 and KAZ102
    clash = {**ROWS[0], "event_id_cnty": "E1"}
    with pytest.raises(DataError, match=r"line 2, field 'event_id_cnty'.*already used"):
        with_imported(ds, load_acled(acled_file(tmp_path / "dup.csv", [clash])))


def test_inter_codes_and_admin1_names() -> None:
    assert inter_code("Police Forces of Kazakhstan (2019-)") == "1"
    assert inter_code("Protesters (Kazakhstan)") == "6"
    assert inter_code("CSTO: Collective Security Treaty Organization") == "8"
    assert inter_code("Unknown group") == ""
    assert admin1_code("Almaty", 76.91, 43.25) == "KZ-ALA"  # the city ...
    assert admin1_code("Almaty", 78.37, 45.01) == "KZ-ALM"  # ... or the region around it
    assert admin1_code("South Kazakhstan", 68.2, 43.3) == "KZ-YUZ"
    assert admin1_code("Mangystau Region", 51.1, 43.6) == "KZ-MAN"


def test_export_cli_refuses_state_layers_in_one_line(tmp_path: Path, capsys, monkeypatch) -> None:
    monkeypatch.setenv("CRISISMAP_DATA_DIR", str(tmp_path))
    argv = ["export", "--layer", "troops", "--date", "2022-01-06", "--format", "acled-csv"]
    assert main(argv) == 2
    err = capsys.readouterr().err
    assert len(err.strip().splitlines()) == 1 and "states over an interval" in err


def test_export_cli_acled_csv_to_a_folder(cli_data_dir: Path, tmp_path: Path) -> None:
    argv = [
        "export",
        "--layer",
        "all",
        "--date",
        "2022-01-05",
        "--format",
        "acled-csv",
        "--out",
        str(tmp_path),
    ]
    assert main(argv) == 0
    out = tmp_path / "crisismap-all-2022-01-05.acled.csv"
    table = pd.read_csv(out, dtype=str, keep_default_na=False)
    assert tuple(table.columns) == ACLED_COLUMNS
    assert sorted(table.event_id_cnty) == ["E1", "E2", "E4", "E5"]


def test_the_acled_files_setting_brings_imports_into_the_data_set(tmp_path: Path) -> None:
    from geo.cli import load_data
    from geo.config import Settings
    from geo.layers import Filters

    dataset(tmp_path / "data")  # our own small data folder
    path = acled_file(tmp_path / "acled.csv", ROWS)
    settings = Settings(data_dir=tmp_path / "data", acled_files=str(path))
    ds = load_data(settings, FakeGazetteer())
    assert set(ds.events.origin) == {"crisismap", "acled"}
    assert str(path.name) in " ".join(ds.files)
    both = features_on(ds, "clashes", "2022-01-05")
    assert set(both.origin) == {"crisismap", "acled"}
    apart = features_on(ds, "clashes", "2022-01-05", filters=Filters(origins=("acled",)))
    assert list(apart.id) == ["KAZ102"]
    broken = acled_file(tmp_path / "broken.csv", [{**ROWS[0], "latitude": "north"}])
    with pytest.raises(DataError, match=r"broken.csv, line 2, field 'latitude'"):
        load_data(settings.with_(acled_files=f"{path}:{broken}"), FakeGazetteer())
