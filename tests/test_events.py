"""Loading records: validation names file, line and field; nothing is half-loaded."""

from __future__ import annotations

import textwrap
from pathlib import Path

import pandas as pd
import pytest
from fakes import FakeGazetteer

from geo.articles import read_article
from geo.config import Settings
from geo.csvrows import parse_sources
from geo.errors import DataError
from geo.events import (
    load_dataset,
    load_events,
    load_figures,
    load_states,
)

SRC = "TASS <https://tass.com/world/1> ; Inform.kz <https://inform.kz/a>"
EVENT_HEADER = (
    "id,date,time_precision,layer,event_type,sub_event_type,scope,place,site_id,lat,lon,"
    "geo_precision,fatalities,injured,detained,count_note,actor1,actor2,description,certainty,"
    "sources"
)
STATE_HEADER = (
    "id,layer,subject,status,valid_from,valid_to,scope,place,site_id,lat,lon,geo_precision,"
    "troops,count_note,actor,description,certainty,sources"
)


def write(path: Path, header: str, *rows: str) -> Path:
    path.write_text("\n".join([header, *rows]) + "\n", encoding="utf-8")
    return path


def event(**over: str) -> str:
    base = dict(
        id="E1", date="2022-01-05", time_precision="1", layer="clashes", event_type="Riots",
        sub_event_type="Violent demonstration", scope="local", place="Almaty", site_id="",
        lat="", lon="", geo_precision="", fatalities="", injured="", detained="", count_note="",
        actor1="Rioters", actor2="Police", description="A riot", certainty="reported",
        sources=f'"{SRC}"',
    )  # fmt: skip
    base.update(over)
    return ",".join(base[c] for c in EVENT_HEADER.split(","))


def state(**over: str) -> str:
    base = dict(
        id="S1", layer="infrastructure", subject="Almaty airport", status="closed",
        valid_from="2022-01-06", valid_to="2022-01-12", scope="local", place="",
        site_id="airport:ALA", lat="", lon="", geo_precision="", troops="", count_note="",
        actor="", description="closed", certainty="reported", sources=f'"{SRC}"',
    )  # fmt: skip
    base.update(over)
    return ",".join(base[c] for c in STATE_HEADER.split(","))


def test_events_are_placed_from_the_gazetteer(tmp_path: Path) -> None:
    path = write(tmp_path / "events.csv", EVENT_HEADER, event(fatalities="3"))
    frame, unplaced = load_events(path, FakeGazetteer())
    assert unplaced == []
    rec = frame.iloc[0]
    assert frame.crs.to_epsg() == 4326
    assert (rec.geometry.x, rec.geometry.y) == (76.9115, 43.25249)  # x = lon
    assert rec.admin1 == "KZ-ALA" and rec.place_id == "gn:1526384"
    assert rec.fatalities == 3 and pd.isna(rec.injured)  # empty is "not reported", not zero
    assert rec.geo_precision == 1


def test_coordinates_override_the_gazetteer_and_sites_pin_the_place(tmp_path: Path) -> None:
    path = write(
        tmp_path / "events.csv",
        EVENT_HEADER,
        event(id="E1", lat="43.3", lon="76.95", geo_precision="2"),
        event(id="E2", place="", site_id="site:almaty-city-hall"),
    )
    frame, _ = load_events(path, FakeGazetteer())
    assert (frame.geometry.iloc[0].x, frame.geometry.iloc[0].y) == (76.95, 43.3)
    assert frame.geo_precision.iloc[0] == 2
    assert frame.place_id.iloc[1] == "site:almaty-city-hall"


def test_national_records_have_no_point_but_are_kept(tmp_path: Path) -> None:
    path = write(
        tmp_path / "events.csv",
        EVENT_HEADER,
        event(scope="national", place="", layer="other", detained="7939"),
    )
    frame, unplaced = load_events(path, FakeGazetteer())
    assert len(frame) == 1 and frame.geometry.iloc[0] is None and unplaced == []
    assert frame.detained.iloc[0] == 7939


@pytest.mark.parametrize(
    ("override", "field", "needle"),
    [
        ({"date": "2022-13-05"}, "date", "not a date"),
        ({"date": "5 Jan"}, "date", "not a date"),
        ({"place": "Atlantis"}, "place", "not in the gazetteer"),
        ({"lat": "95", "lon": "10"}, "lat", "out of range"),
        ({"lat": "43", "lon": "200"}, "lon", "out of range"),
        ({"lat": "43"}, "lon", "go together"),
        ({"fatalities": "-2"}, "fatalities", "negative"),
        ({"injured": "many"}, "injured", "whole number"),
        ({"layer": "riots"}, "layer", "not one of"),
        ({"certainty": "sure"}, "certainty", "not one of"),
        ({"sources": "tass.com/world/1"}, "sources", "Publisher <https://"),
        ({"sources": ""}, "sources", "required"),
        ({"site_id": "site:nowhere"}, "site_id", "not in the gazetteer"),
    ],
)
def test_bad_event_rows_name_file_line_and_field(
    tmp_path: Path, override: dict[str, str], field: str, needle: str
) -> None:
    path = write(tmp_path / "events.csv", EVENT_HEADER, event(id="E0"), event(**override))
    with pytest.raises(DataError) as info:
        load_events(path, FakeGazetteer())
    err = info.value
    assert (err.line, err.field) == (3, field)
    assert needle in str(err) and "events.csv" in str(err) and "line 3" in str(err)


def test_line_numbers_count_multiline_cells(tmp_path: Path) -> None:
    good = event(id="E0", description='"two\nlines"')
    path = write(tmp_path / "events.csv", EVENT_HEADER, good, event(date="bad"))
    with pytest.raises(DataError, match="line 4"):
        load_events(path, FakeGazetteer())


def test_missing_column_is_reported_on_the_header(tmp_path: Path) -> None:
    path = write(tmp_path / "events.csv", "id,date,layer", "E1,2022-01-05,clashes")
    with pytest.raises(DataError, match=r"line 1, field 'sources'"):
        load_events(path, FakeGazetteer())


def test_unknown_places_can_be_listed_instead_of_failing(tmp_path: Path) -> None:
    path = write(tmp_path / "events.csv", EVENT_HEADER, event(), event(id="E2", place="Atlantis"))
    frame, unplaced = load_events(path, FakeGazetteer(), strict=False)
    assert len(frame) == 2  # nothing dropped silently
    assert [(u.line, u.record_id) for u in unplaced] == [(3, "E2")]
    assert "Atlantis" in unplaced[0].reason


def test_state_that_ends_before_it_starts_is_an_error(tmp_path: Path) -> None:
    path = write(tmp_path / "states.csv", STATE_HEADER, state(valid_to="2022-01-01"))
    with pytest.raises(DataError, match=r"line 2, field 'valid_to'.*before valid_from"):
        load_states(path, FakeGazetteer())


def test_unknown_status_is_an_error(tmp_path: Path) -> None:
    path = write(tmp_path / "states.csv", STATE_HEADER, state(status="burning"))
    with pytest.raises(DataError, match="field 'status'"):
        load_states(path, FakeGazetteer())


def test_a_facility_never_has_two_states_on_one_day(tmp_path: Path) -> None:
    path = write(
        tmp_path / "states.csv",
        STATE_HEADER,
        state(id="S1", valid_to="2022-01-12"),
        state(id="S2", status="operational", valid_from="2022-01-12", valid_to=""),
    )
    with pytest.raises(DataError, match=r"line 3.*already has state S1 in force on 2022-01-12"):
        load_states(path, FakeGazetteer())


def test_figures_keep_disputed_values_side_by_side(tmp_path: Path) -> None:
    path = write(
        tmp_path / "figures.csv",
        "id,date,metric,value,qualifier,reported_by,certainty,note,sources",
        f'F1,2022-01-09,deaths,164,exact,Health Ministry,retracted,,"{SRC}"',
        f'F2,2022-01-15,deaths,225,exact,Prosecutor General,official claim,,"{SRC}"',
    )
    frame = load_figures(path)
    assert list(frame.value) == [164, 225]
    assert list(frame.certainty) == ["retracted", "official claim"]


def test_sources_parse_publisher_and_url() -> None:
    parsed = parse_sources(SRC)
    assert [(s.publisher, s.url) for s in parsed] == [
        ("TASS", "https://tass.com/world/1"),
        ("Inform.kz", "https://inform.kz/a"),
    ]


def test_article_header_and_body(tmp_path: Path) -> None:
    path = tmp_path / "a.txt"
    path.write_text(
        textwrap.dedent(
            """\
            title: Riot in Alma-Ata
            date: 2022-01-05
            publisher: TASS
            url: https://tass.com/world/1
            records: E1, S1
            ---
            Crowds stormed the city hall in Alma-Ata.
            """
        ),
        encoding="utf-8",
    )
    art = read_article(path)
    assert art.title == "Riot in Alma-Ata" and art.records == ("E1", "S1")
    assert art.body.startswith("Crowds stormed")


def test_article_with_bad_date_names_its_line(tmp_path: Path) -> None:
    path = tmp_path / "a.txt"
    path.write_text("title: x\ndate: Jan 5\npublisher: p\nurl: https://x\n---\nbody\n")
    with pytest.raises(DataError, match=r"a.txt, line 2, field 'date'"):
        read_article(path)


def test_dataset_rejects_duplicate_ids_across_files(tmp_path: Path) -> None:
    write(tmp_path / "events.csv", EVENT_HEADER, event(id="X1"))
    write(tmp_path / "states.csv", STATE_HEADER, state(id="X1"))
    with pytest.raises(DataError, match=r"states.csv, line 2, field 'id'.*already used"):
        load_dataset(Settings(data_dir=tmp_path), FakeGazetteer())


def test_dataset_rejects_articles_citing_unknown_records(tmp_path: Path) -> None:
    write(tmp_path / "events.csv", EVENT_HEADER, event(id="E1"))
    (tmp_path / "articles").mkdir()
    (tmp_path / "articles" / "a.txt").write_text(
        "title: t\ndate: 2022-01-05\npublisher: p\nurl: https://x\nrecords: E9\n---\nbody\n"
    )
    with pytest.raises(DataError, match="E9"):
        load_dataset(Settings(data_dir=tmp_path), FakeGazetteer())


def test_a_site_known_only_approximately_gives_precision_2(tmp_path: Path) -> None:
    from dataclasses import replace

    from fakes import PLACES

    approximate = replace(PLACES[4], precision=2)  # the city hall, placed at the city centre
    gazetteer = FakeGazetteer((*PLACES[:4], approximate, *PLACES[5:]))
    path = write(tmp_path / "events.csv", EVENT_HEADER, event(place="", site_id=approximate.id))
    frame, _ = load_events(path, gazetteer)
    assert frame.geo_precision.iloc[0] == 2
    exact = load_events(path, FakeGazetteer())[0]
    assert exact.geo_precision.iloc[0] == 1


def test_spreadsheet_exports_with_a_bom_and_padded_header_load(tmp_path: Path) -> None:
    padded = ", ".join(EVENT_HEADER.split(","))
    path = tmp_path / "events.csv"
    path.write_text("\ufeff" + padded + "\n" + event() + "\n", encoding="utf-8")
    frame, _ = load_events(path, FakeGazetteer())
    assert list(frame.id) == ["E1"]
