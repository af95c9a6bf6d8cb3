"""ACLED compatibility: import validates every row first; export writes ACLED's 31 columns."""

from __future__ import annotations

import csv
import datetime as dt
import io
from dataclasses import replace
from pathlib import Path

import pandas as pd
import pytest
from builders import SRC, dataset, write_data
from fakes import PLACES, FakeGazetteer

from geo.acled import (
    ACLED_COLUMNS,
    ACLED_EXTRA_COLUMNS,
    ACLED_URL,
    LAYER_BY_EVENT_TYPE,
    OLD_TYPES_FILE,
    acled_csv_text,
    admin1_code,
    country,
    country_code,
    inter_code,
    load_acled,
    only_origin,
    parse_acled_date,
    parse_inter,
    parse_interaction,
    read_acled,
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
        region="Caucasus and Central Asia",
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
        region="Caucasus and Central Asia",
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
        region="Caucasus and Central Asia",
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
    extras = ["origin", *ACLED_EXTRA_COLUMNS]
    assert list(imported.drop(columns=extras).columns) == list(ours.columns)
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
def test_a_bad_row_is_skipped_and_named_by_file_line_and_field(
    tmp_path: Path, change: dict[str, str], line: int, field: str, needle: str
) -> None:
    rows = [ROWS[0], {**ROWS[1], **change}, ROWS[2]]
    path = acled_file(tmp_path / "acled.csv", rows)
    result = read_acled(path)
    assert list(result.frame.id) == ["KAZ101", "KAZ103"]  # the others are kept
    assert len(result.skipped) == 1
    err = result.skipped[0]
    assert (err.line, err.field) == (line, field), str(err)
    assert needle in str(err) and "acled.csv" in str(err)
    assert result.report()[-1] == "2 events from 3 rows; 1 rows skipped"
    with pytest.raises(DataError) as info:
        load_acled(path, strict=True)
    assert str(info.value) == str(err)


def test_line_numbers_count_multiline_notes(tmp_path: Path) -> None:
    rows = [{**ROWS[0], "notes": "two\nlines"}, {**ROWS[1], "latitude": "x"}]
    with pytest.raises(DataError, match=r"line 4, field 'latitude'"):
        load_acled(acled_file(tmp_path / "acled.csv", rows), strict=True)


def test_a_missing_required_column_is_reported_on_the_header(tmp_path: Path) -> None:
    columns = [c for c in ACLED_COLUMNS if c != "latitude"]
    with pytest.raises(DataError, match=r"line 1, field 'latitude'.*missing"):
        load_acled(acled_file(tmp_path / "acled.csv", ROWS, columns))


def test_optional_columns_may_be_missing(tmp_path: Path) -> None:
    columns = [c for c in ACLED_COLUMNS if c not in ("geo_precision", "tags", "timestamp")]
    frame = load_acled(acled_file(tmp_path / "acled.csv", ROWS, columns))
    assert list(frame.geo_precision) == [1, 1, 1] and frame.injured.isna().all()


def test_a_byte_order_mark_is_accepted(tmp_path: Path) -> None:
    path = acled_file(tmp_path / "acled.csv", ROWS)
    path.write_bytes(b"\xef\xbb\xbf" + path.read_bytes())
    assert len(load_acled(path)) == 3


def test_import_cli_writes_our_format_atomically(tmp_path: Path, capsys) -> None:
    good = acled_file(tmp_path / "acled.csv", ROWS)
    out = tmp_path / "events.csv"
    assert main(["import-acled", str(good), "--out", str(out)]) == 0
    frame, unplaced = load_events(out, FakeGazetteer())
    assert list(frame.id) == ["KAZ101", "KAZ102", "KAZ103"] and unplaced == []
    assert frame.injured.iloc[1] == 300
    assert "3 events from 3 rows; 0 rows skipped" in capsys.readouterr().err


def test_import_cli_skips_bad_rows_and_fails_only_when_strict(tmp_path: Path, capsys) -> None:
    bad = acled_file(tmp_path / "bad.csv", [ROWS[0], {**ROWS[1], "latitude": "x"}])
    out = tmp_path / "events.csv"
    capsys.readouterr()
    assert main(["import-acled", str(bad), "--out", str(out)]) == 0
    err = capsys.readouterr().err.strip().splitlines()
    assert err[0].startswith("skipped: ") and "bad.csv, line 3, field 'latitude': " in err[0]
    assert "1 events from 2 rows; 1 rows skipped" in err[1]
    assert list(load_events(out, FakeGazetteer())[0].id) == ["KAZ101"]  # the whole good part
    target = tmp_path / "never.csv"
    assert main(["import-acled", str(bad), "--out", str(target), "--strict"]) == 2
    err = capsys.readouterr().err.strip().splitlines()
    assert "line 3, field 'latitude'" in err[0]
    assert err[-1].startswith("python -m geo import-acled: error: 1 of 2 rows")
    assert not target.exists() and not list(tmp_path.glob(".never*"))  # nothing half-written


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
        "Caucasus and Central Asia",  # ACLED's own name for the region
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
    again = with_imported(merged, load_acled(acled_file(tmp_path / "dup.csv", [clash, ROWS[1]])))
    assert len(again.events) == len(merged.events)  # E1 is ours, KAZ102 came in already
    assert [(u.line, u.record_id) for u in again.unplaced] == [(2, "E1"), (3, "KAZ102")]
    assert "already used by a record of the data set" in again.unplaced[0].reason


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
    broken = acled_file(tmp_path / "broken.csv", [{**ROWS[0], "event_id_cnty": "X1"},
                                                  {**ROWS[0], "latitude": "north"}])  # fmt: skip
    ds = load_data(settings.with_(acled_files=f"{path}:{broken}"), FakeGazetteer())
    assert "X1" in set(ds.events.id)  # one bad row does not keep the file out
    [skipped] = ds.unplaced
    assert (skipped.file.endswith("broken.csv"), skipped.line) == (True, 3)
    assert "latitude" in skipped.reason and "not a number" in skipped.reason


# --- the exports analysts really have (synthetic fixtures, tests/fixtures/acled/README.md) ------

FIXTURES = Path(__file__).parent / "fixtures" / "acled"
VINTAGES = {  # file -> (events, rows merged as extra actors)
    "export_tool_2020.csv": (4, 0),
    "api_2020.csv": (3, 0),
    "api_2024.csv": (3, 0),
    "acled7_2016.csv": (10, 0),
    "trimmed.csv": (2, 0),
    "per_actor.csv": (2, 2),
}


@pytest.mark.parametrize("name", sorted(VINTAGES))
def test_every_vintage_imports_whole(name: str) -> None:
    result = read_acled(FIXTURES / name)
    assert result.skipped == ()
    assert (len(result.frame), result.merged) == VINTAGES[name]
    assert result.frame.country.str.fullmatch(r"[A-Z]{2}").all()
    assert result.frame.geometry.notna().all()


def _by_id(name: str, gazetteer=None) -> dict[str, pd.Series]:  # noqa: ANN001
    frame = load_acled(FIXTURES / name, gazetteer, strict=True)
    return {r.id: r for r in frame.itertuples(index=False)}


def test_export_tool_2020_dates_countries_and_extra_columns() -> None:
    rows = _by_id("export_tool_2020.csv")
    assert rows["KAZ9001"].date == pd.Timestamp("2020-05-09")  # 9-May-20
    assert {r.country for r in rows.values()} == {"KZ", "KG", "AM"}
    assert (rows["KGZ9002"].admin1, rows["KGZ9003"].admin1) == ("KG-GB", "KG-C")  # pycountry
    assert rows["ARM9004"].admin1 == "Yerevan"  # no ISO 3166-2 name matches: ACLED's own name
    assert rows["KAZ9001"].admin1 == "KZ-ALA"


def test_api_2024_text_codes_and_no_timestamp() -> None:
    rows = _by_id("api_2024.csv")
    assert rows["BGD8001"].date == pd.Timestamp("2024-08-05")  # 5-Aug-24
    assert (rows["BGD8001"].inter1, rows["BGD8001"].inter2) == ("6", "")  # "Protesters only"
    assert (rows["BGD8002"].inter1, rows["BGD8002"].inter2) == ("5", "1")  # "State forces"
    assert (rows["BGD8003"].inter1, rows["BGD8003"].inter2) == ("3", "7")
    assert rows["BGD8001"].actor1 == "Protesters (Bangladesh); Students (Bangladesh)"
    assert rows["BGD8001"].count_note == "several thousand"
    assert rows["BGD8001"].admin1 == "BD-C"


OLD_TYPES = {  # ACLED 6/7 fixture row -> (event type, sub event type) under the 2019 taxonomy
    "NIG6001": ("Protests", ""),  # Riots/Protests by protesters
    "NIG6002": ("Riots", ""),  # Riots/Protests by rioters (inter 5)
    "SOM6003": ("Explosions/Remote violence", ""),
    "SOM6004": ("Battles", "Armed clash"),
    "SOM6005": ("Battles", "Government regains territory"),
    "SOM6006": ("Battles", "Non-state actor overtakes territory"),
    "KEN6007": ("Violence against civilians", ""),
    "KEN6008": ("Strategic developments", ""),
    "SOM6009": ("Strategic developments", "Non-violent transfer of territory"),
    "SOM6010": ("Strategic developments", "Headquarters or base established"),
}


def test_acled7_2016_old_types_upper_case_headers_and_ally_actors() -> None:
    rows = _by_id("acled7_2016.csv")
    assert {rid: (r.event_type, r.sub_event_type) for rid, r in rows.items()} == OLD_TYPES
    assert rows["NIG6001"].date == pd.Timestamp("2015-12-31")  # 31-12-15
    assert rows["NIG6001"].layer == "protests" and rows["SOM6004"].layer == "clashes"
    assert rows["SOM6003"].country == "SO"  # from the country name: gwno is not ISO
    assert rows["SOM6004"].actor2 == "Al Shabaab"


def test_the_old_type_table_is_data_with_its_source_in_the_readme() -> None:
    table = pd.read_csv(OLD_TYPES_FILE, dtype=str, keep_default_na=False)
    readme = (Path(__file__).parents[1] / "README.md").read_text(encoding="utf-8")
    issue_types = {
        "Riots/Protests", "Remote violence", "Battle-No change of territory",
        "Battle-Government regains territory", "Battle-Non-state actor overtakes territory",
        "Strategic development", "Non-violent transfer of territory",
        "Headquarters or base established", "Violence against civilians",
    }  # fmt: skip
    assert set(table.old_event_type) == issue_types
    assert set(table.event_type) <= set(LAYER_BY_EVENT_TYPE)
    assert "geo/reference/acled_old_event_types.csv" in readme
    for old in issue_types:
        assert f"`{old}`" in readme, old


def test_trimmed_columns_take_inter2_from_the_interaction() -> None:
    rows = _by_id("trimmed.csv")
    assert (rows["KAZ9102"].inter1, rows["KAZ9102"].inter2) == ("5", "1")  # interaction 15
    assert rows["KAZ9102"].actor2 == ""


def test_rows_per_actor_are_one_event_with_all_its_actors() -> None:
    rows = _by_id("per_actor.csv")
    clash = rows["KGZ9201"]
    assert clash.actor1 == "Military Forces of Kyrgyzstan (2017-); Border Guards of Kyrgyzstan"
    assert clash.actor2 == "Military Forces of Tajikistan (1994-)"
    assert [s.publisher for s in parse_sources(clash.sources)] == [
        "ACLED: Synthetic Wire",
        "ACLED: Other Synthetic Wire",
    ]
    assert clash.fatalities == 2  # not summed: the same event


def test_a_reused_id_for_another_event_is_skipped(tmp_path: Path) -> None:
    rows = [ROWS[0], {**ROWS[2], "event_id_cnty": "KAZ101"}]
    result = read_acled(acled_file(tmp_path / "acled.csv", rows))
    assert list(result.frame.id) == ["KAZ101"]
    assert "already used on line 2 for an event with another date" in str(result.skipped[0])


def test_bad_rows_and_a_truncated_last_line_are_skipped_and_counted(capsys) -> None:
    result = read_acled(FIXTURES / "bad_rows.csv")
    assert list(result.frame.id) == ["KAZ9301", "KAZ9304"]
    assert [(e.line, e.field) for e in result.skipped] == [
        (3, "event_id_cnty"),
        (4, "event_date"),
        (6, None),
    ]
    assert "truncated" in result.skipped[2].problem
    assert main(["import-acled", str(FIXTURES / "bad_rows.csv")]) == 0
    captured = capsys.readouterr()
    assert captured.out.count("\n") == 3  # header + the two good events
    assert captured.err.strip().splitlines()[-1] == "2 events from 5 rows; 3 rows skipped"


@pytest.mark.parametrize(
    ("text", "day"),
    [
        ("2020-03-21", "2020-03-21"),
        ("2020-03-22T00:00:00", "2020-03-22"),
        ("2020-03-22 00:00:00", "2020-03-22"),
        ("21 March 2020", "2020-03-21"),
        ("05 January 2022", "2022-01-05"),
        ("9-May-20", "2020-05-09"),
        ("5-Aug-24", "2024-08-05"),
        ("05-AUG-2024", "2024-08-05"),
        ("31-12-19", "2019-12-31"),
        ("31/12/2019", "2019-12-31"),
        ("05-08-2024", "2024-08-05"),  # day first, as ACLED writes
        ("12-31-19", "2019-12-31"),  # only month first can be meant
        ("March 21, 2020", "2020-03-21"),
        ("15-Feb-97", "1997-02-15"),
    ],
)
def test_every_acled_date_form(text: str, day: str) -> None:
    assert parse_acled_date(text) == dt.date.fromisoformat(day)


def test_a_file_of_month_first_dates_is_read_month_first(tmp_path: Path) -> None:
    rows = [
        {**ROWS[0], "event_date": "12/31/2021", "year": "2021"},
        {**ROWS[1], "event_date": "01/05/2022"},
    ]
    frame = load_acled(acled_file(tmp_path / "us.csv", rows), strict=True)
    assert list(frame.date) == [pd.Timestamp("2021-12-31"), pd.Timestamp("2022-01-05")]


@pytest.mark.parametrize(
    ("text", "code"),
    [("1", 1), ("8.0", 8), ("State forces", 1), ("State Forces", 1), ("Rebel groups", 2),
     ("Political militia", 3), ("Identity Militias", 4), ("rioters", 5), ("Protesters", 6),
     ("Civilians", 7), ("External/Other forces", 8), ("", None), ("0", None)],
)  # fmt: skip
def test_inter_codes_as_numbers_or_text(text: str, code: int | None) -> None:
    assert parse_inter(text) == code


def test_interactions_as_numbers_or_text() -> None:
    assert parse_interaction("15") == (1, 5)
    assert parse_interaction("60") == (6, None)
    assert parse_interaction("Protesters only") == (6, None)
    assert parse_interaction("State forces-Protesters") == (1, 6)
    assert parse_interaction("External/Other forces-Civilians") == (8, 7)
    with pytest.raises(ValueError, match="not an ACLED actor type"):
        parse_inter("Aliens")


def test_an_unknown_actor_type_is_reported_and_the_row_kept(tmp_path: Path) -> None:
    rows = [{**ROWS[0], "inter1": "Aliens", "interaction": ""}, {**ROWS[1], "inter2": "Aliens"}]
    result = read_acled(acled_file(tmp_path / "a.csv", rows))
    assert result.skipped == () and list(result.frame.id) == ["KAZ101", "KAZ102"]
    assert list(result.frame.inter1) == ["", "5"]
    assert [(e.line, e.field) for e in result.kept] == [(2, "inter1"), (3, "inter2")]
    kept = [line for line in result.report() if line.startswith("kept: ")]
    assert len(kept) == 2 and "'Aliens' is not an ACLED actor type" in kept[0]


def test_headers_any_case_semicolons_and_an_index_column(tmp_path: Path) -> None:
    columns = ["", *(c.upper() for c in ACLED_COLUMNS)]
    path = tmp_path / "upper.csv"
    with path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle, delimiter=";")
        writer.writerow(columns)
        for i, row in enumerate(ROWS):
            row = {**row, "latitude": row["latitude"].replace(".", ",")}  # a comma locale
            writer.writerow([str(i), *(row.get(c, "") for c in ACLED_COLUMNS)])
    frame = load_acled(path, strict=True)
    assert list(frame.id) == ["KAZ101", "KAZ102", "KAZ103"]
    assert frame.geometry.iloc[0].y == 43.3412


def test_trailing_empty_cells_a_spreadsheet_added_are_ignored(tmp_path: Path) -> None:
    path = acled_file(tmp_path / "acled.csv", ROWS)
    lines = path.read_text(encoding="utf-8").splitlines()
    path.write_text("\n".join([lines[0], *(line + ",," for line in lines[1:])]), encoding="utf-8")
    assert read_acled(path).skipped == () and len(read_acled(path).frame) == 3


def test_a_workbook_or_a_windows_encoded_file(tmp_path: Path) -> None:
    book = tmp_path / "acled.csv"
    book.write_bytes(b"PK\x03\x04rest of a zip")
    with pytest.raises(DataError, match="Excel workbook"):
        read_acled(book)
    path = acled_file(tmp_path / "cp.csv", [{**ROWS[0], "notes": "Caf\u00e9 owners rallied."}])
    path.write_bytes(path.read_bytes().decode("utf-8").encode("cp1252"))
    result = read_acled(path)
    assert result.frame.description.iloc[0] == "Caf\u00e9 owners rallied."
    assert any("Windows-1252" in n for n in result.notes)


def test_countries_from_iso_number_iso3_or_acled_name() -> None:
    assert country_code(iso="417") == "KG"
    assert country_code(iso="4") == "AF" and country_code(iso="004") == "AF"
    assert country_code(iso="0", name="Kosovo") == "XK"
    assert country_code(iso3="BGD") == "BD"
    assert country_code(name="Democratic Republic of Congo") == "CD"
    assert country_code(name="Russia") == "RU" and country_code(name="Turkey") == "TR"
    assert country_code(name="Ivory Coast") == "CI" and country_code(name="eSwatini") == "SZ"
    assert country_code(name="Swaziland") == "SZ" and country_code(name="Burma") == "MM"
    assert country_code(name="Atlantis") == ""
    assert country("KZ").region == "Caucasus and Central Asia"
    assert (country("AF").numeric, country("AF").region) == ("4", "South Asia")


# --- places: ACLED's point and country, never a neighbour's polygon or a namesake ---------------


class _PolygonsEverywhere(FakeGazetteer):
    """A gazetteer whose Kazakh polygons would claim any point (the nearest-unit rule)."""

    def __init__(self) -> None:
        from geo.schema import Place

        super().__init__(
            (Place("gn:2013279", "Vostok", "city", 46.4519, 135.82774, "RU"),
             Place("gn:1528675", "Bishkek", "city", 42.87, 74.59, "KG"))
        )  # fmt: skip
        self.asked: list[tuple[float, float]] = []

    def admin1_at(self, lon: float, lat: float) -> str:
        self.asked.append((lon, lat))
        return "KZ-ZHA"


def test_a_kyrgyz_event_keeps_its_country_admin1_and_point() -> None:
    gaz = _PolygonsEverywhere()
    rows = _by_id("export_tool_2020.csv", gaz)
    bishkek, vostok = rows["KGZ9002"], rows["KGZ9003"]
    assert (bishkek.admin1, vostok.admin1) == ("KG-GB", "KG-C")  # not Zhambyl
    assert (74.74, 42.94) < (vostok.geometry.x, vostok.geometry.y) < (74.76, 42.96)
    assert vostok.place_id == ""  # the Russian Vostok, 5,000 km away, is not linked
    assert bishkek.place_id == "gn:1528675"  # a namesake at the point is
    assert (76.9115, 43.2525) in gaz.asked and len(gaz.asked) == 1  # only the Kazakh event


def test_real_gazetteer_both_paths_agree_on_admin1_and_links(gazetteer, tmp_path: Path) -> None:
    """ACLED_FILES (load_acled) and import-acled -> events.csv -> load_events place alike."""
    rows = [
        {**ROWS[0], "event_id_cnty": "KAZ1", "admin1": "Akmola", "location": "Nur-Sultan",
         "latitude": "51.1605", "longitude": "71.4704"},
        {**ROWS[0], "event_id_cnty": "KGZ1", "iso": "417", "country": "Kyrgyzstan",
         "admin1": "Chuy", "location": "Vostok", "latitude": "42.95", "longitude": "74.75"},
        {**ROWS[0], "event_id_cnty": "KGZ2", "iso": "417", "country": "Kyrgyzstan",
         "admin1": "Bishkek", "location": "Bishkek", "latitude": "42.87", "longitude": "74.59"},
    ]  # fmt: skip
    path = acled_file(tmp_path / "acled.csv", rows)
    direct = load_acled(path, gazetteer, strict=True).set_index("id")
    assert main(["import-acled", str(path), "--out", str(tmp_path / "events.csv")]) == 0
    via_csv = load_events(tmp_path / "events.csv", gazetteer)[0].set_index("id")
    for frame in (direct, via_csv):
        assert frame.admin1["KAZ1"] == "KZ-AST"  # the capital, on both paths
        assert not frame.admin1["KGZ1"].startswith("KZ-")
        assert not frame.admin1["KGZ2"].startswith("KZ-")
        assert frame.place_id["KGZ1"] == ""  # no Russian Vostok
        assert frame.place_id["KGZ2"] == "gn:1528675"
        assert (frame.geometry["KGZ1"].x, frame.geometry["KGZ1"].y) == (74.75, 42.95)


def test_admin1_by_name_without_boundaries() -> None:
    assert admin1_code("Akmola", 71.45, 51.17) == "KZ-AST"  # a point in the capital
    assert admin1_code("Akmola", 69.39, 53.28) == "KZ-AKM"  # Kokshetau
    assert admin1_code("Nur-Sultan", 71.45, 51.17) == "KZ-AST"
    assert admin1_code("Turkistan", 69.59, 42.31) == "KZ-SHY"  # Shymkent
    assert admin1_code("Chuy", 74.75, 42.95, country="KG") == "KG-C"
    assert admin1_code("Issyk-Kul", 77.1, 42.5, country="KG") == "Issyk-Kul"  # kept as given
    assert admin1_code("Ulytau", 67.7, 47.8) == "Ulytau"  # a region created after January 2022


def test_an_unknown_country_is_reported_and_the_row_kept(tmp_path: Path) -> None:
    rows = [{**ROWS[0], "iso": "", "country": "Freedonia"}]
    result = read_acled(acled_file(tmp_path / "a.csv", rows))
    assert list(result.frame.country) == [""] and result.frame.admin1.iloc[0] == "Mangystau"
    assert "'Freedonia' is not a country we know" in result.report()[0]


# --- export: each event's own country -----------------------------------------------------------


def _foreign_dataset(tmp_path: Path):  # noqa: ANN202
    ds = dataset(tmp_path / "data")
    for name in ("export_tool_2020.csv", "api_2020.csv"):
        ds = with_imported(ds, load_acled(FIXTURES / name, strict=True))
    return ds


def _all_events(ds, day: str = "2022-12-31"):  # noqa: ANN001, ANN202
    return [features_on(ds, lay, day, window=None) for lay in ("protests", "clashes", "other")]


def test_export_outside_kazakhstan_fills_iso_country_region_and_inter(tmp_path: Path) -> None:
    ds = _foreign_dataset(tmp_path)
    text = acled_csv_text(_all_events(ds), events=ds.events, now=lambda: 1.0)
    rows = {r["event_id_cnty"]: r for r in csv.DictReader(io.StringIO(text))}
    place = {rid: (r["iso"], r["country"], r["region"]) for rid, r in rows.items()}
    assert place["KGZ9002"] == ("417", "Kyrgyzstan", "Caucasus and Central Asia")
    assert place["ARM9004"] == ("51", "Armenia", "Caucasus and Central Asia")
    assert place["AFG7001"] == ("4", "Afghanistan", "South Asia")
    assert place["KAZ9001"] == place["E1"] == ("398", "Kazakhstan", "Caucasus and Central Asia")
    assert place["E4"] == ("", "", "")  # our event with nothing telling its country: no default
    assert (rows["ARM9004"]["actor1"], rows["ARM9004"]["inter1"]) == ("Protesters (Armenia)", "6")
    assert (rows["KGZ9002"]["inter1"], rows["KGZ9002"]["interaction"]) == ("6", "16")
    assert rows["KGZ9002"]["admin1"] == "Bishkek Shaary" and rows["ARM9004"]["admin1"] == "Yerevan"
    assert (rows["AFG7002"]["inter1"], rows["AFG7002"]["inter2"]) == ("1", "2")


def test_export_of_our_own_event_abroad_takes_the_country_of_its_place(tmp_path: Path) -> None:
    from geo.config import Settings
    from geo.events import load_dataset
    from geo.schema import Place

    bishkek = Place("gn:1528675", "Bishkek", "city", 42.87, 74.59, "KG")
    gaz = FakeGazetteer((*PLACES, bishkek))
    event = dict(id="B1", date="2022-01-14", layer="other", event_type="Strategic developments",
                 place="Bishkek", actor1="Military Forces of Kyrgyzstan",
                 actor2="CSTO Collective Peacekeeping Forces",
                 description="Units return home.", sources=SRC)  # fmt: skip
    folder = write_data(tmp_path / "data", events=[event], states=[], figures=[])
    ds = load_dataset(Settings(data_dir=folder), gaz)
    frames = [features_on(ds, "other", "2022-01-14")]
    assert frames[0].place_id.tolist() == ["gn:1528675"]
    row = next(csv.DictReader(io.StringIO(acled_csv_text(frames, events=ds.events, gazetteer=gaz))))
    assert (row["iso"], row["country"], row["region"]) == ("417", "Kyrgyzstan",
                                                           "Caucasus and Central Asia")  # fmt: skip
    assert (row["inter1"], row["inter2"], row["admin1"]) == ("1", "8", "")


def test_inter_codes_follow_the_actor_type_and_the_event_country() -> None:
    assert inter_code("Protesters (Armenia)") == "6"  # not external forces
    assert inter_code("Protesters (Armenia)", "KZ") == "6"
    assert inter_code("Military Forces of Russia (2000-)", "KZ") == "8"
    assert inter_code("Military Forces of Russia (2000-)", "RU") == "1"
    assert inter_code("Government of Kazakhstan", "KZ") == "1"
    assert inter_code("National Security Committee of Kazakhstan", "KZ") == "1"
    assert inter_code("Unidentified Armed Group (Kazakhstan)") == "3"
    assert inter_code("Rioters (Kazakhstan)") == "5"
    assert inter_code("Civilians (Kazakhstan)") == "7"
    assert inter_code("Karim Massimov") == ""


def test_round_trip_export_import_export_is_identical(tmp_path: Path) -> None:
    ds = _foreign_dataset(tmp_path)
    first = acled_csv_text(_all_events(ds), events=ds.events, now=lambda: 1641600000.0)
    path = tmp_path / "ours.acled.csv"
    path.write_text(first, encoding="utf-8")
    back = read_acled(path)
    assert back.skipped == () and len(back.frame) == first.count("\n") - 1
    empty = replace(ds, events=ds.events.iloc[:0])
    again_ds = with_imported(empty, back.frame)
    again = acled_csv_text(_all_events(again_ds), events=again_ds.events, now=lambda: 1641600000.0)
    assert again == first


def test_export_cli_asks_the_gazetteer_only_for_a_record_abroad(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import geo.cli
    from geo.gazetteer import Gazetteer
    from geo.schema import Place

    gaz = FakeGazetteer((*PLACES, Place("gn:1528675", "Bishkek", "city", 42.87, 74.59, "KG")))
    loads: list[object] = []
    monkeypatch.setattr(geo.cli, "load_gazetteer", lambda settings: gaz)
    monkeypatch.setattr(Gazetteer, "load", lambda settings, progress=None: loads.append(1) or gaz)
    abroad = dict(id="B1", date="2022-01-14", layer="other", place="Bishkek",
                  actor1="Military Forces of Kyrgyzstan", description="Units return.",
                  sources=SRC)  # fmt: skip
    at_home = {**abroad, "id": "A1", "place": "Almaty", "actor1": "Police Forces of Kazakhstan"}
    for events, expected, asked in (([at_home], "398", 0), ([at_home, abroad], "417", 1)):
        folder = write_data(tmp_path / f"data{len(events)}", events=events, states=[], figures=[])
        monkeypatch.setenv("CRISISMAP_DATA_DIR", str(folder))
        out = tmp_path / f"out{len(events)}.csv"
        argv = ["export", "--layer", "other", "--date", "2022-01-14", "--format", "acled-csv"]
        assert main([*argv, "--out", str(out)]) == 0
        rows = list(csv.DictReader(io.StringIO(out.read_text(encoding="utf-8"))))
        assert rows[-1]["iso"] == expected and len(loads) == asked
