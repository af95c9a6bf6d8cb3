"""Snapshots: requested size, not blank, symbols in the symbology's colours where they belong."""

from __future__ import annotations

import dataclasses
import datetime as dt
import io
from pathlib import Path

import geopandas as gpd
import numpy as np
import pytest
from builders import SRC, dataset
from fakes import FakeGazetteer
from PIL import Image
from shapely.geometry import box

from geo.cli import main
from geo.config import PROJECT_ROOT
from geo.errors import InputError
from geo.schema import Place
from geo.snapshot import (
    major_cities,
    parse_size,
    render_snapshot,
    render_storyboard,
    snapshot_frame,
)
from geo.symbology import LAYER_STYLES, STATUS_COLOURS

# Two squares standing in for admin-1 units, far apart so nothing overlaps the test symbols.
BOUNDARIES = gpd.GeoDataFrame(
    {"iso3166_2": ["KZ-MAN", "KZ-ALA"], "name": ["Mangystau Region", "Almaty"]},
    geometry=[box(50, 42, 56, 46), box(76.7, 43.0, 77.2, 43.5)],
    crs="EPSG:4326",
)
LONE_CLASH = dict(
    id="C1",
    date="2022-01-05",
    layer="clashes",
    event_type="Riots",
    lat="48.0",
    lon="66.0",
    description="A clash alone in the steppe.",
    sources=SRC,
)
LONE_SITE = dict(
    id="S9",
    layer="infrastructure",
    subject="Steppe substation",
    status="damaged",
    valid_from="2022-01-04",
    valid_to="",
    lat="44.0",
    lon="72.0",
    sources=SRC,
)


def image(png: bytes) -> np.ndarray:
    return np.asarray(Image.open(io.BytesIO(png)).convert("RGB"))


def rgb(colour: str) -> tuple[int, int, int]:
    return tuple(int(colour[i : i + 2], 16) for i in (1, 3, 5))  # type: ignore[return-value]


@pytest.fixture
def lone(tmp_path: Path):
    """A data set with one clash and one damaged site, far from everything else."""
    return dataset(tmp_path / "data", events=[LONE_CLASH], states=[LONE_SITE], figures=[])


@pytest.mark.parametrize("size", [(1600, 900), (1280, 720), (800, 450)])
def test_the_png_has_the_requested_size_and_is_not_blank(tmp_path: Path, size) -> None:
    ds = dataset(tmp_path / "data")
    png = render_snapshot(
        ds, BOUNDARIES, day="2022-01-06", window=2, size=size, generated=dt.date(2022, 1, 20)
    )
    pixels = image(png)
    assert pixels.shape == (size[1], size[0], 3)
    assert len(np.unique(pixels.reshape(-1, 3), axis=0)) > 50  # text, land, symbols
    assert (pixels < 80).all(axis=2).mean() > 0.002  # dark text is there


@pytest.mark.parametrize("size", [(1600, 900), (1000, 700)])
def test_a_symbol_has_its_colour_at_its_projected_pixel(lone, size) -> None:
    png = render_snapshot(lone, BOUNDARIES, day="2022-01-05", size=size, cities=())
    pixels = image(png)
    frame = snapshot_frame(BOUNDARIES, size)
    for (lon, lat), colour in (
        ((66.0, 48.0), LAYER_STYLES["clashes"].colour),
        ((72.0, 44.0), STATUS_COLOURS["damaged"]),
    ):
        col, row = frame.to_pixel(lon, lat)
        patch = pixels[round(row) - 1 : round(row) + 2, round(col) - 1 : round(col) + 2]
        assert (np.abs(patch.astype(int) - rgb(colour)) <= 3).all(), (colour, patch[1, 1])
    # and a pixel well away from both is not a symbol colour
    col, row = frame.to_pixel(60.0, 40.0)
    assert tuple(pixels[round(row), round(col)]) not in {rgb(LAYER_STYLES["clashes"].colour)}


def test_emergency_fills_its_admin1_area(tmp_path: Path) -> None:
    state = dict(
        id="S3",
        layer="emergency",
        subject="State of emergency",
        status="declared",
        valid_from="2022-01-05",
        valid_to="",
        site_id="admin1:KZ-MAN",
        sources=SRC,
    )
    ds = dataset(tmp_path / "data", events=[], states=[state], figures=[])
    pixels = image(render_snapshot(ds, BOUNDARIES, day="2022-01-06", cities=()))
    frame = snapshot_frame(BOUNDARIES)
    col, row = frame.to_pixel(55.0, 45.5)  # inside the Mangystau square, away from its point
    assert tuple(pixels[round(row), round(col)]) == rgb(LAYER_STYLES["emergency"].colour)


def test_layers_can_be_left_out(lone) -> None:
    pixels = image(
        render_snapshot(lone, BOUNDARIES, day="2022-01-05", layers=["protests"], cities=())
    )
    col, row = snapshot_frame(BOUNDARIES).to_pixel(66.0, 48.0)
    assert tuple(pixels[round(row), round(col)]) != rgb(LAYER_STYLES["clashes"].colour)


def test_real_boundaries_and_cities_render(tmp_path: Path) -> None:
    ds = dataset(tmp_path / "data")
    bounds = gpd.read_file(PROJECT_ROOT / "data" / "kz_admin1.geojson")
    cities = (Place("gn:1526273", "Nur-Sultan", "city", 51.18, 71.45, "KZ"),)
    png = render_snapshot(
        ds, bounds, day="2022-01-06", size=(1600, 900), cities=cities, title="Briefing"
    )
    assert image(png).shape == (900, 1600, 3)


def test_storyboard_has_the_requested_size(tmp_path: Path) -> None:
    ds = dataset(tmp_path / "data")
    days = ["2022-01-04", "2022-01-05", "2022-01-06", "2022-01-10"]
    pixels = image(render_storyboard(ds, BOUNDARIES, days=days, size=(1920, 1080)))
    assert pixels.shape == (1080, 1920, 3)
    with pytest.raises(InputError, match="at least one date"):
        render_storyboard(ds, BOUNDARIES, days=[])


def test_major_cities_use_january_2022_names() -> None:
    names = [p.name for p in major_cities(FakeGazetteer())]
    assert names == ["Almaty", "Aktau", "Zhanaozen"]  # the fake knows only these


@pytest.mark.parametrize("text", ["1600", "1600x", "axb", "10x10", "99999x900"])
def test_bad_sizes_are_refused(text: str) -> None:
    with pytest.raises(InputError):
        parse_size(text)


def test_snapshot_and_storyboard_commands(cli_data_dir: Path, tmp_path: Path) -> None:
    out = tmp_path / "brief.png"
    assert main(["snapshot", "--date", "2022-01-06", "--size", "1280x720", "--out", str(out)]) == 0
    with Image.open(out) as png:
        assert png.size == (1280, 720)
    assert main(["storyboard", "--dates", "2022-01-04,2022-01-06", "--out", str(tmp_path)]) == 0
    assert (tmp_path / "crisismap-storyboard-2022-01-04-2022-01-06.png").exists()


@pytest.mark.parametrize(
    ("argv", "needle"),
    [
        (["snapshot", "--date", "2022-02-30"], "not YYYY-MM-DD"),
        (
            ["snapshot", "--date", "2022-01-06", "--layers", "protests,riots"],
            "unknown layer 'riots'",
        ),
        (["snapshot", "--date", "2022-01-06", "--size", "big"], "WIDTHxHEIGHT"),
        (["snapshot", "--date", "2022-01-06", "--out", "/nonexistent/b.png"], "does not exist"),
        (["storyboard", "--dates", "2022-01-04,5 Jan"], "not YYYY-MM-DD"),
    ],
)
def test_bad_snapshot_arguments_exit_2_with_one_line(
    argv: list[str], needle: str, cli_data_dir: Path, capsys
) -> None:
    assert main(argv) == 2
    err = capsys.readouterr().err
    assert needle in err and len(err.strip().splitlines()) == 1, err


def test_national_figures_show_the_latest_and_mark_retractions(tmp_path: Path) -> None:
    from geo.layers import as_day
    from geo.snapshot import _figure_lines

    ds = dataset(tmp_path / "data")
    assert _figure_lines(ds, as_day("2022-01-09")) == [
        ("Deaths: 164 (retracted)", "Health Ministry, 9 Jan · TASS, Inform.kz", True)
    ]
    lines = _figure_lines(ds, as_day("2022-01-16"))
    assert [head for head, _, _ in lines] == [
        "Deaths: 225 (official claim) · 164 retracted",
        "Detained: 7,939",
    ]
    assert lines[0][1] == "Prosecutor General's Office, 15 Jan · TASS, Inform.kz"


def test_snapshot_sizes_places_as_the_dashboard_without_retracted_counts() -> None:
    import geopandas as gpd
    from shapely.geometry import Point

    from dashboard import map as cmap
    from geo.layers import FEATURE_COLUMNS
    from geo.snapshot import _symbols

    def frame(deaths: list[int], certainty: list[str]) -> gpd.GeoDataFrame:
        rows = []
        for i, (n, c) in enumerate(zip(deaths, certainty, strict=True)):
            row = {col: "" for col in FEATURE_COLUMNS}
            row.update(id=f"E{i}", layer="clashes", name="Almaty", place="Almaty")
            row.update(fatalities=n, injured=None, detained=None, troops=None, certainty=c)
            rows.append(row)
        points = [Point(76.9, 43.25)] * len(rows)
        return gpd.GeoDataFrame(rows, geometry=points, crs="EPSG:4326")

    with_retracted = frame([40, 100], ["reported", "retracted"])
    (snap,) = _symbols("clashes", with_retracted)
    (dash,) = cmap.place_symbols(with_retracted, "clashes")
    assert snap.radius == dash.radius
    (reported_only,) = _symbols("clashes", frame([40, 0], ["reported", "reported"]))
    assert snap.radius == reported_only.radius  # the withdrawn 100 adds nothing


def test_dollar_signs_in_titles_and_data_are_drawn_as_written(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Issue 18.3: matplotlib reads $...$ as maths; '$\\foo$' crashed, '$5 and $10' was maths."""
    from builders import EVENTS, FIGURES, STATES

    import geo.snapshot

    figures = [{**FIGURES[0], "reported_by": "Ministry $\\foo$ $5 and $10"}, *FIGURES[1:]]
    states = [{**s, "subject": f"{s['subject']} $\\foo$"} for s in STATES]
    ds = dataset(tmp_path / "data", events=EVENTS, states=states, figures=figures)
    drawn: list[object] = []
    real_png = geo.snapshot._png
    monkeypatch.setattr(
        geo.snapshot, "_png", lambda fig, title: drawn.append(fig) or real_png(fig, title)
    )
    render_snapshot(ds, BOUNDARIES, day="2022-01-10", title="Cost $\\foo$ $5 and $10")
    render_storyboard(ds, BOUNDARIES, days=["2022-01-06", "2022-01-10"], title="$5 and $10")
    from matplotlib.text import Text

    texts = [t for fig in drawn for t in fig.findobj(Text) if "$" in t.get_text()]
    assert any("Cost $\\foo$" in t.get_text() for t in texts)
    assert any("Ministry $\\foo$" in t.get_text() for t in texts)
    assert [t.get_text() for t in texts if t.get_parse_math()] == []


def test_snapshot_command_with_a_dollar_title(cli_data_dir: Path, tmp_path: Path) -> None:
    out = tmp_path / "brief.png"
    argv = ["snapshot", "--date", "2022-01-05", "--title", "Cost $\\foo$", "--out", str(out)]
    assert main(argv) == 0
    assert out.stat().st_size > 0


def test_the_payload_data_set_draws(tmp_path: Path) -> None:
    """Issue 18: every payload kind in every text field, drawn literally without an error."""
    from payloads import write_payload_dataset

    from geo.config import Settings
    from geo.events import load_dataset

    ds = load_dataset(Settings(data_dir=write_payload_dataset(tmp_path / "data")), FakeGazetteer())
    title = ds.events.description[22]  # the LaTeX payload
    assert "$" in title
    png = render_snapshot(ds, BOUNDARIES, day="2022-01-09", window=10, title=title)
    assert image(png).shape == (900, 1600, 3)


def test_bbox_and_place_extents() -> None:
    from geo.layers import parse_bbox, place_extent

    assert parse_bbox("76.7,43.1,77.2,43.4") == (76.7, 43.1, 77.2, 43.4)
    for bad in ("1,2", "a,b,c,d", "77,43,76,44"):
        with pytest.raises(InputError):
            parse_bbox(bad)
    # an admin-1 unit of the boundaries gives its outline (plus a margin)
    lon0, lat0, lon1, lat1 = place_extent("Almaty", FakeGazetteer(), BOUNDARIES)
    assert (lon0, lat0) == pytest.approx((76.6, 42.9)) and (lon1, lat1) == pytest.approx(
        (77.3, 43.6)
    )
    with pytest.raises(InputError, match="not in the gazetteer"):
        place_extent("Atlantis", FakeGazetteer(), None)


def test_a_zoomed_snapshot_shows_and_counts_only_its_area(lone, monkeypatch) -> None:
    """--bbox: the clash at 66E is inside, the site at 72E is not; the legend counts one."""
    import geo.snapshot

    seen: list[dict] = []
    real = geo.snapshot._legend
    monkeypatch.setattr(geo.snapshot, "_legend", lambda *a: seen.append(a[4]) or real(*a))
    png = render_snapshot(lone, BOUNDARIES, day="2022-01-05", cities=(), extent=(64, 46, 68, 50))
    assert image(png).shape == (900, 1600, 3)
    assert len(seen[0]["clashes"]) == 1 and len(seen[0]["infrastructure"]) == 0


def test_snapshot_command_takes_bbox_or_place(cli_data_dir: Path, tmp_path: Path, capsys) -> None:
    out = tmp_path / "almaty.png"
    argv = ["snapshot", "--date", "2022-01-06", "--bbox", "76.7,43.1,77.2,43.4", "--out", str(out)]
    assert main(argv) == 0 and out.stat().st_size > 0
    assert main(["snapshot", "--date", "2022-01-06", "--place", "Almaty", "--out", str(out)]) == 0
    argv = ["snapshot", "--date", "2022-01-06", "--place", "Almaty", "--bbox", "1,2,3,4"]
    assert main(argv) == 2
    assert "not both" in capsys.readouterr().err


def test_the_deaths_line_shows_every_part_side_by_side(tmp_path: Path) -> None:
    """Issue 15: on 7 January the 26 'armed criminals' and the 18 security forces, not summed."""
    from builders import FIGURES

    from geo.layers import as_day
    from geo.snapshot import _figure_lines

    base = {k: "" for k in FIGURES[0]}
    parts = [
        {**base, "id": "P1", "date": "2022-01-06", "metric": "deaths", "value": "18",
         "qualifier": "exact", "part": "security forces", "reported_by": "Interior Ministry",
         "certainty": "reported", "sources": SRC},
        {**base, "id": "P2", "date": "2022-01-07", "metric": "deaths", "value": "26",
         "qualifier": "exact", "part": '"armed criminals"', "reported_by": "Interior Ministry",
         "certainty": "reported", "sources": SRC},
    ]  # fmt: skip
    ds = dataset(tmp_path / "data", figures=parts)
    (head, source, _), *_ = _figure_lines(ds, as_day("2022-01-07"))
    assert head == 'Deaths: 26 ("armed criminals") · 18 (security forces), parts not added up'
    assert "44" not in head
    assert source.startswith("Interior Ministry: 7 Jan") and "6 Jan" in source


def test_many_disputing_figures_of_a_day_are_counted_not_all_written_out(tmp_path: Path) -> None:
    """A slide line has room for a few disputing figures: the rest are counted, never dropped
    silently and never merged (at 100k synthetic records one day had 3,311 of them)."""
    from builders import FIGURES

    from geo.layers import as_day
    from geo.snapshot import MAX_RIVALS, _figure_lines

    base = {k: "" for k in FIGURES[0]}
    rows = [
        {**base, "id": f"D{i}", "date": "2022-01-09", "metric": "deaths", "value": str(100 + i),
         "qualifier": "exact", "reported_by": f"Reporter {i}", "certainty": "reported",
         "sources": SRC}
        for i in range(10)
    ]  # fmt: skip
    ds = dataset(tmp_path / "data", figures=rows)
    (head, source, _), *_ = _figure_lines(ds, as_day("2022-01-09"))
    values = head.removeprefix("Deaths: ").split(" · ")
    assert len(values) == 1 + MAX_RIVALS + 1  # the headline, the rivals shown, "N more"
    assert values[-1] == "6 more (10 reports of 9 Jan)"
    assert source.count("Reporter") == 1 + MAX_RIVALS and source.endswith("list them all)")


def test_symbols_at_one_spot_are_spread_and_labelled_for_what_they_are() -> None:
    import geopandas as gpd
    from shapely.geometry import Point

    from geo.layers import FEATURE_COLUMNS
    from geo.snapshot import _spread, _symbols, fit_frame

    rows = []
    for i, (name, troops) in enumerate(
        [("Armenian contingent", 100), ("Tajik contingent", 200), ("Kyrgyz contingent", 150)]
    ):
        row = {col: "" for col in FEATURE_COLUMNS}
        row.update(id=f"T{i}", layer="troops", name=name, place="Almaty", certainty="reported")
        row.update(fatalities=None, injured=None, detained=None, troops=troops)
        row.update(actor="Military Forces (CSTO)")
        rows.append(row)
    troops = gpd.GeoDataFrame(rows, geometry=[Point(76.9, 43.25)] * 3, crs="EPSG:4326")
    (group,) = _symbols("troops", troops)
    assert group.label == "3 CSTO contingents, 450 troops"
    site = {col: "" for col in FEATURE_COLUMNS}
    site.update(id="S1", layer="infrastructure", name="Airport", status="seized")
    site.update(fatalities=None, injured=None, detained=None, troops=None, certainty="reported")
    sites = gpd.GeoDataFrame([site], geometry=[Point(76.9, 43.25)], crs="EPSG:4326")
    frame = fit_frame((50, 40, 87, 55), (1600, 900), (0, 0, 1100, 800))
    spread = _spread(_symbols("infrastructure", sites) + [group], frame, 1.0)
    assert all(s.at == (76.9, 43.25) for s in spread)  # both moved, leaders to the true point
    (a, b) = (frame.to_pixel(s.lon, s.lat) for s in spread)
    assert ((a[0] - b[0]) ** 2 + (a[1] - b[1]) ** 2) ** 0.5 >= spread[1].radius + spread[0].radius
    assert a[1] < b[1]  # the seized airport comes first: on top of the ring


@pytest.mark.parametrize("day", ["2022-01-05", "2022-01-07", "2022-01-13", "2022-01-15"])
def test_every_national_figure_line_fits_the_side_panel(
    day: str, gazetteer, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Issue 15: on 5, 7 and 13 January the panel ran out of room and dropped "Detained"."""
    from matplotlib.text import Text

    import geo.snapshot
    from geo.config import Settings
    from geo.events import load_dataset
    from geo.layers import as_day
    from geo.snapshot import _figure_lines

    settings = dataclasses.replace(Settings.from_env(), data_dir=PROJECT_ROOT / "data")
    ds = load_dataset(settings, gazetteer)
    bounds = gpd.read_file(PROJECT_ROOT / "data" / "kz_admin1.geojson")
    drawn: list[object] = []
    real_png = geo.snapshot._png
    monkeypatch.setattr(
        geo.snapshot, "_png", lambda fig, title: drawn.append(fig) or real_png(fig, title)
    )
    render_snapshot(ds, bounds, day=day, size=(1600, 900))
    texts = {"".join(t.get_text().split()) for t in drawn[0].findobj(Text)}  # wrapped lines
    heads = [head for head, _, _ in _figure_lines(ds, as_day(day))]
    assert any(head.startswith("Detained") for head in heads)
    for head in heads:
        assert "".join(head.split()) in texts, f"{head!r} is not drawn"


def test_figures_of_one_day_that_disagree_stand_side_by_side(gazetteer) -> None:
    """The dashboard's rule in the snapshot too: 5,969 (Interior Ministry) and about 5,800
    (Presidential office) detained on 9 January are both shown, with both reporters."""
    from geo.config import Settings
    from geo.events import load_dataset
    from geo.layers import as_day
    from geo.snapshot import _figure_lines

    settings = dataclasses.replace(Settings.from_env(), data_dir=PROJECT_ROOT / "data")
    ds = load_dataset(settings, gazetteer)
    lines = {head.split(":")[0]: (head, source) for head, source, _ in _figure_lines(
        ds, as_day("2022-01-09"))}  # fmt: skip
    head, source = lines["Detained"]
    assert head == "Detained: 5,969 · about 5,800 (2 reports of 9 Jan)"
    assert "Interior Ministry" in source and "Presidential office" in source
    head, _ = lines["Injured"]
    assert "reports of" not in head  # one whole figure that day: no rival
