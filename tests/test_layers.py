"""Layer queries: events in a window, states in force on a day, counts, national figures."""

from __future__ import annotations

import datetime as dt

import geopandas as gpd
import pandas as pd
import pytest
from shapely.geometry import Point

from geo.errors import InputError
from geo.events import Dataset, _frame
from geo.layers import (
    FEATURE_COLUMNS,
    Filters,
    day_feed,
    events_per_day,
    features_on,
    figures_as_of,
    layer_counts,
    map_features,
    national_figures,
)
from geo.schema import EVENT_COLUMNS, STATE_COLUMNS

SRC = "TASS <https://tass.com/1>"


def ev(id_: str, day: str, layer: str = "clashes", **kw: object) -> dict[str, object]:
    rec: dict[str, object] = dict(
        id=id_, date=pd.Timestamp(day), time_precision=1, layer=layer, event_type="Riots",
        sub_event_type="", scope="local", place_name="Almaty", place_id="gn:1526384",
        admin1="KZ-ALA", geo_precision=1, fatalities=None, injured=None, detained=None,
        count_note="", actor1="Rioters", actor2="", description="", certainty="reported",
        sources=SRC, geometry=Point(76.9, 43.25), _line=2,
    )  # fmt: skip
    rec.update(kw)
    return rec


def st(id_: str, start: str, end: str | None, layer: str = "infrastructure", **kw: object):
    rec: dict[str, object] = dict(
        id=id_, layer=layer, subject="Almaty airport", status="closed",
        valid_from=pd.Timestamp(start), valid_to=pd.Timestamp(end) if end else None,
        scope="local", place_name="", place_id="airport:ALA", admin1="KZ-ALA", geo_precision=1,
        troops=None, count_note="", actor="", description="", certainty="reported", sources=SRC,
        geometry=Point(77.04, 43.35), _line=2,
    )  # fmt: skip
    rec.update(kw)
    return rec


@pytest.fixture
def ds() -> Dataset:
    events = _frame(
        [
            ev("E1", "2022-01-04", fatalities=2),
            ev("E2", "2022-01-05", fatalities=5, injured=10),
            ev("E3", "2022-01-05", layer="protests", admin1="KZ-MAN", certainty="uncertain"),
            ev("E4", "2022-01-06", layer="other", scope="national", geometry=None, detained=7939),
        ],
        EVENT_COLUMNS,
    )
    states = _frame(
        [
            st("S1", "2022-01-05", "2022-01-05", status="seized"),
            st("S2", "2022-01-06", "2022-01-12", status="closed"),
            st("S3", "2022-01-13", None, status="operational"),
            st("T1", "2022-01-07", "2022-01-14", layer="troops", subject="Russian contingent",
               status="deployed", troops=1500, actor="Russia"),
        ],
        STATE_COLUMNS,
    )  # fmt: skip
    figures = pd.DataFrame(
        {
            "id": ["F1", "F2", "F3"],
            "date": pd.to_datetime(["2022-01-09", "2022-01-15", "2022-01-10"]),
            "metric": ["deaths", "deaths", "detained"],
            "value": pd.array([164, 225, 7939], dtype="Int64"),
            "qualifier": ["exact", "exact", "exact"],
            "reported_by": ["Health Ministry", "Prosecutor General", "Interior Ministry"],
            "certainty": ["retracted", "official claim", "reported"],
            "note": ["", "", ""],
            "sources": [SRC] * 3,
            "_line": [2, 3, 4],
        }
    )
    return Dataset(events=events, states=states, figures=figures)


def test_events_show_in_their_window(ds: Dataset) -> None:
    assert list(features_on(ds, "clashes", "2022-01-05").id) == ["E2"]
    assert list(features_on(ds, "clashes", "2022-01-05", window=2).id) == ["E1", "E2"]
    assert list(features_on(ds, "clashes", "2022-01-09", window=None).id) == ["E1", "E2"]
    assert features_on(ds, "clashes", "2022-01-03").empty


def test_states_show_on_the_days_they_are_in_force(ds: Dataset) -> None:
    status = {
        d: list(features_on(ds, "infrastructure", dt.date(2022, 1, d)).status)
        for d in (4, 5, 8, 12, 13, 31)
    }
    assert status == {
        4: [],
        5: ["seized"],
        8: ["closed"],
        12: ["closed"],  # valid_to is inclusive
        13: ["operational"],
        31: ["operational"],  # open-ended
    }  # keys are days of January 2022
    assert list(features_on(ds, "infrastructure", dt.date(2022, 1, 8)).status) == ["closed"]


def test_states_ignore_the_window(ds: Dataset) -> None:
    assert list(features_on(ds, "troops", "2022-01-15", window=30).id) == []
    assert list(features_on(ds, "troops", "2022-01-10", window=30).troops) == [1500]


def test_national_records_are_not_drawn_but_can_be_asked_for(ds: Dataset) -> None:
    assert features_on(ds, "other", "2022-01-06").empty
    national = features_on(ds, "other", "2022-01-06", include_national=True)
    assert list(national.detained) == [7939]


def test_every_layer_has_the_same_columns(ds: Dataset) -> None:
    layers = map_features(ds, "2022-01-07", window=7)
    for frame in layers.values():
        assert tuple(c for c in frame.columns if c != "geometry") == FEATURE_COLUMNS
        assert isinstance(frame, gpd.GeoDataFrame) and frame.crs.to_epsg() == 4326


def test_counts_sum_what_is_reported(ds: Dataset) -> None:
    counts = layer_counts(features_on(ds, "clashes", "2022-01-05", window=2))
    assert counts == {"features": 2, "fatalities": 7, "injured": 10, "detained": 0, "troops": 0}


def test_filters(ds: Dataset) -> None:
    both = map_features(ds, "2022-01-05", filters=Filters(admin1=("KZ-MAN",)))
    assert list(both["protests"].id) == ["E3"] and both["clashes"].empty
    only = features_on(ds, "protests", "2022-01-05", filters=Filters(certainty=("reported",)))
    assert only.empty
    actor = features_on(ds, "troops", "2022-01-10", filters=Filters(actor="russia"))
    assert list(actor.id) == ["T1"]


def test_national_figures_keep_retracted_and_flag_latest(ds: Dataset) -> None:
    on_10th = national_figures(ds, "2022-01-10")
    deaths = on_10th[on_10th.metric == "deaths"]
    assert list(deaths.value) == [164] and not deaths.latest.any()  # retracted is never latest
    on_16th = national_figures(ds, "2022-01-16")
    latest = on_16th[on_16th.latest].set_index("metric").value.to_dict()
    assert latest == {"deaths": 225, "detained": 7939}
    assert "retracted" in set(on_16th.certainty)  # kept side by side, never averaged


def test_figures_stay_the_same_until_the_next_report(ds: Dataset) -> None:
    """The dashboard builds the figures panel once per report day (figures_as_of)."""
    reported = sorted({d.date() for d in ds.figures["date"]})
    assert figures_as_of(ds, reported[0] - dt.timedelta(days=1)) is None
    day = reported[0]
    while day <= reported[-1] + dt.timedelta(days=2):
        as_of = figures_as_of(ds, day)
        assert as_of in reported and as_of <= day
        assert not any(as_of < r <= day for r in reported)
        pd.testing.assert_frame_equal(national_figures(ds, day), national_figures(ds, as_of))
        day += dt.timedelta(days=1)


def test_timeline_counts_events_per_day_and_layer(ds: Dataset) -> None:
    counts = events_per_day(ds, layers=("clashes", "protests"))
    assert counts.to_dict("records") == [
        {"date": pd.Timestamp("2022-01-04"), "layer": "clashes", "events": 1},
        {"date": pd.Timestamp("2022-01-05"), "layer": "clashes", "events": 1},
        {"date": pd.Timestamp("2022-01-05"), "layer": "protests", "events": 1},
    ]


@pytest.mark.parametrize(
    ("call", "needle"),
    [
        (lambda d: features_on(d, "riots", "2022-01-05"), "unknown layer 'riots'"),
        (lambda d: features_on(d, "clashes", "05/01/2022"), "not YYYY-MM-DD"),
        (lambda d: features_on(d, "clashes", "2022-01-05", window=0), "at least 1 day"),
    ],
)
def test_bad_queries_say_what_is_wrong(ds: Dataset, call, needle: str) -> None:
    with pytest.raises(InputError, match=needle):
        call(ds)


def test_layer_frames_are_shaped_once_per_data_set(ds: Dataset) -> None:
    import dataclasses

    from geo.layers import standard_layer

    first = standard_layer(ds, "clashes")
    assert standard_layer(ds, "clashes") is first  # a slider step only masks dates
    fewer = dataclasses.replace(ds, events=ds.events[ds.events["id"] != "E2"])
    assert list(features_on(fewer, "clashes", "2022-01-05").id) == []  # not the stale frame
    assert list(features_on(ds, "clashes", "2022-01-05").id) == ["E2"]


@pytest.mark.parametrize("bundled", [False, True])
def test_asking_once_gives_the_frames_of_the_kept_layers(ds: Dataset, bundled, request) -> None:
    """features_on(once=True) (a command: only the rows shown are reshaped, nothing kept)
    gives exactly the frames of the layers kept for the dashboard's steps: every layer, day,
    window, with and without national records and filters, here and on the bundled data."""
    import dataclasses

    from pandas.testing import assert_frame_equal

    from geo.events import load_dataset
    from geo.schema import LAYERS

    if bundled:
        gazetteer = request.getfixturevalue("gazetteer")
        ds = load_dataset(request.getfixturevalue("settings"), gazetteer)
    days = [pd.Timestamp(d) for d in ("2022-01-04", "2022-01-05", "2022-01-07", "2022-01-13")]
    for layer in LAYERS:
        for day in days:
            for window, national, filters in (
                (1, False, Filters()), (3, True, Filters()),
                (None, True, Filters(certainty=("reported",))),
            ):  # fmt: skip
                ask = {"window": window, "include_national": national, "filters": filters}
                fresh = dataclasses.replace(ds)  # nothing kept yet
                once = features_on(fresh, layer, day, once=True, **ask)
                assert fresh.memo == {}
                assert_frame_equal(once, features_on(ds, layer, day, **ask))
    assert map_features(ds, days[1], once=True).keys() == map_features(ds, days[1]).keys()


def test_origin_is_carried_and_filterable(ds: Dataset) -> None:
    import dataclasses

    events = ds.events.assign(origin=["crisismap", "acled", "crisismap", "crisismap"])
    mixed = dataclasses.replace(ds, events=events)
    assert set(features_on(mixed, "clashes", "2022-01-05", window=2).origin) == {
        "crisismap",
        "acled",
    }
    only = features_on(
        mixed, "clashes", "2022-01-05", window=2, filters=Filters(origins=("acled",))
    )
    assert list(only.id) == ["E2"]
    assert set(features_on(ds, "troops", "2022-01-10").origin) == {"crisismap"}


def test_date_range_covers_events_and_states(ds: Dataset) -> None:
    assert ds.date_range() == (dt.date(2022, 1, 4), dt.date(2022, 1, 14))


def test_partial_figures_are_never_the_headline(ds: Dataset) -> None:
    import dataclasses

    figures = pd.concat(
        [
            ds.figures.assign(part=""),
            pd.DataFrame(
                {
                    "id": ["F9"],
                    "date": pd.to_datetime(["2022-01-11"]),
                    "metric": ["deaths"],
                    "value": pd.array([16], dtype="Int64"),
                    "qualifier": ["exact"],
                    "part": ["police and National Guard"],
                    "reported_by": ["Interior Ministry"],
                    "certainty": ["reported"],
                    "note": [""],
                    "sources": [SRC],
                    "_line": [5],
                }
            ),
        ],
        ignore_index=True,
    )
    with_part = dataclasses.replace(ds, figures=figures)
    on_12th = national_figures(with_part, "2022-01-12")
    deaths = on_12th[on_12th.metric == "deaths"]
    assert list(deaths.value) == [16, 164]  # both shown, side by side
    assert not deaths.latest.any()  # neither a partial nor a retracted figure heads the day
    on_16th = national_figures(with_part, "2022-01-16")
    assert on_16th[on_16th.latest & (on_16th.metric == "deaths")].value.tolist() == [225]


def test_the_dashboard_opens_on_the_busiest_day(tmp_path) -> None:
    """Issue 15.1: it opened on 1 January with nothing on the map."""
    from builders import dataset

    from dashboard.view import day_from_url
    from geo.layers import busiest_day

    ds = dataset(tmp_path / "data")
    day = busiest_day(ds)
    first, last = ds.date_range()
    assert day is not None and first <= day <= last
    per_day = ds.events.groupby(ds.events.date.dt.date).size()
    assert per_day[day] == per_day.max()
    assert day_from_url(None, first, last, default=day) == day
    assert day_from_url("2022-01-02", first, last, default=day) == max(dt.date(2022, 1, 2), first)


def test_the_day_feed_lists_events_and_state_changes_newest_first(ds: Dataset) -> None:
    feed = day_feed(ds, "2022-01-06")
    assert list(zip(feed["id"], feed["kind"], strict=True)) == [
        ("S2", "begins"),  # the airport closed: its new status, not the end of "seized"
        ("E4", "event"),  # national: in the feed although it has no point
    ]
    assert feed["lat"].isna().tolist() == [False, True]
    window = day_feed(ds, "2022-01-06", window=3)
    assert window["date"].is_monotonic_decreasing
    assert set(window["id"]) == {"E1", "E2", "E3", "E4", "S1", "S2"}
    # a contingent that leaves ends in the feed; the airport reopening is a new status
    assert list(day_feed(ds, "2022-01-14")["kind"]) == ["ends"]
    assert list(zip(*[day_feed(ds, "2022-01-13")[c] for c in ("id", "kind")], strict=True)) == [
        ("S3", "begins")
    ]
    assert day_feed(ds, "2022-01-05", filters=Filters(admin1=("KZ-MAN",)))["id"].tolist() == ["E3"]
    assert day_feed(ds, "2022-02-01").empty


def test_current_figures_keep_a_days_parts_together_and_fold_the_rest(ds: Dataset) -> None:
    parts = pd.DataFrame(
        {
            "id": ["P1", "P2", "P3", "P4"],
            "date": pd.to_datetime(["2022-01-05", "2022-01-06", "2022-01-07", "2022-01-07"]),
            "metric": ["deaths"] * 4,
            "value": pd.array([8, 18, 26, 30], dtype="Int64"),
            "qualifier": ["exact"] * 4,
            "part": ["police", "security forces", "armed criminals", "armed criminals"],
            "reported_by": ["Interior Ministry", "Interior Ministry", "Interior Ministry", "TASS"],
            "certainty": ["reported"] * 4,
            "note": [""] * 4,
            "sources": [SRC] * 4,
            "_line": [5, 6, 7, 8],
        }
    )
    ds = Dataset(ds.events, ds.states, pd.concat([ds.figures, parts], ignore_index=True))
    figs = national_figures(ds, "2022-01-07")
    # no whole figure yet: each group's newest figures, the disputed 26/30 side by side
    assert set(figs.loc[figs["current"], "id"]) == {"P1", "P2", "P3", "P4"}
    later = national_figures(ds, "2022-01-15")
    # the 225 headline, its retracted predecessor and the older parts are history
    assert set(later.loc[later["current"] & (later["metric"] == "deaths"), "id"]) == {"F2"}
    assert {"F1", "P1", "P2", "P3", "P4"} <= set(later.loc[~later["current"], "id"])


def test_in_extent_keeps_what_touches_the_area() -> None:
    import geopandas as gpd
    from shapely.geometry import Point, box

    from geo.layers import extent_metadata, in_extent

    frame = gpd.GeoDataFrame(
        {"id": ["in", "edge", "out", "polygon"]},
        geometry=[Point(77.0, 43.2), Point(77.2, 43.4), Point(71.4, 51.1), box(76, 42, 78, 44)],
        crs="EPSG:4326",
    )
    area = (76.7, 43.1, 77.2, 43.4)
    assert list(in_extent(frame, area)["id"]) == ["in", "edge", "polygon"]
    assert in_extent(frame, None) is frame
    assert extent_metadata(None) == {}
    assert extent_metadata((76.70001, 43.1, 77.2, 43.4)) == {"bbox": [76.7, 43.1, 77.2, 43.4]}
