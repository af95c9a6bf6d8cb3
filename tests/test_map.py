"""The dashboard map without Streamlit: what is on it for a date, how it looks, escaping,
aggregation, offline assets and the GeoJSON downloads."""

from __future__ import annotations

import argparse
import contextlib
import io
import json
import re
from pathlib import Path

import folium
import pytest

from dashboard import assets
from dashboard import map as cmap
from dashboard.synthetic import HOSTILE, write_dataset
from geo.config import Settings
from geo.events import load_dataset
from geo.gazetteer import admin1_boundaries
from geo.layers import Filters, as_day, features_on, national_figures
from geo.symbology import LAYER_STYLES, STATUS_COLOURS, marker_style

# Synthetic events are placed by lat/lon, so no gazetteer is needed to load them.


@pytest.fixture(scope="module")
def data_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return write_dataset(tmp_path_factory.mktemp("data"), n_events=300, hostile_text=True)


@pytest.fixture(scope="module")
def ds(data_dir: Path):
    return load_dataset(Settings(data_dir=data_dir), None)


@pytest.fixture(scope="module")
def boundaries(data_dir: Path):
    return cmap.simplified_boundaries(admin1_boundaries(Settings(data_dir=data_dir)))


def payload(element: cmap.SymbolLayer) -> list[list[object]]:
    return json.loads(element.payload)


def test_day_mode_shows_only_that_days_events(ds):
    view = cmap.MapView.of("2022-01-06", mode="day")
    frames = cmap.visible_features(ds, view)
    for layer in ("protests", "clashes"):
        assert len(frames[layer])
        assert set(frames[layer]["date"].dt.date.astype(str)) == {"2022-01-06"}
    expected = ds.events[(ds.events["date"] == "2022-01-06") & (ds.events["layer"] == "protests")]
    assert sorted(frames["protests"]["id"]) == sorted(expected["id"])


def test_window_and_cumulative_modes_widen_the_days(ds):
    day = cmap.visible_features(ds, cmap.MapView.of("2022-01-06", mode="day"))["clashes"]
    window = cmap.visible_features(ds, cmap.MapView.of("2022-01-06", mode="window", days=3))[
        "clashes"
    ]
    upto = cmap.visible_features(ds, cmap.MapView.of("2022-01-06", mode="cumulative"))["clashes"]
    assert len(day) < len(window) < len(upto)
    assert window["date"].min().date().isoformat() == "2022-01-04"
    assert upto["date"].min().date().isoformat() == "2022-01-01"
    assert cmap.window_for("day", 9) == 1 and cmap.window_for("cumulative", 9) is None


def test_states_show_while_in_force_with_their_status_colour(ds):
    def airport(day: str) -> cmap.Symbol:
        symbols = cmap.layer_symbols(
            cmap.visible_features(ds, cmap.MapView.of(day))["infrastructure"], "infrastructure"
        )
        return next(s for s in symbols if "Almaty International Airport" in s.tooltip)

    seized, closed = airport("2022-01-05"), airport("2022-01-06")
    assert seized.colour == STATUS_COLOURS["seized"] and seized.shape == "diamond"
    assert closed.colour == STATUS_COLOURS["closed"]
    assert closed.label == "Almaty International Airport"
    frames = cmap.visible_features(ds, cmap.MapView.of("2022-01-04"))
    assert "Almaty International Airport" not in set(frames["infrastructure"]["name"])


def test_troops_are_squares_sized_by_headcount(ds):
    frames = cmap.visible_features(ds, cmap.MapView.of("2022-01-08"))
    (troops,) = cmap.layer_symbols(frames["troops"], "troops")
    assert troops.shape == "square" and troops.colour == LAYER_STYLES["troops"].colour
    assert troops.radius == marker_style("troops", counts={"troops": 2030}).radius
    assert troops.label == "CSTO contingent, 2,030 troops"  # what it is and how many
    assert "2,030" in troops.tooltip


def test_events_at_one_place_share_a_symbol_listing_each(ds):
    frames = cmap.visible_features(ds, cmap.MapView.of("2022-01-20", mode="cumulative"))
    symbols = cmap.layer_symbols(frames["clashes"], "clashes")
    assert sum(s.count for s in symbols) == len(frames["clashes"])
    assert all(s.colour == LAYER_STYLES["clashes"].colour and s.shape == "circle" for s in symbols)


def test_layer_toggles_and_filters(ds):
    view = cmap.MapView.of("2022-01-10", mode="cumulative", layers=("clashes",))
    assert set(cmap.visible_features(ds, view)) == {"clashes"}
    only = Filters(certainty=("uncertain",))
    frames = cmap.visible_features(
        ds, cmap.MapView.of("2022-01-10", mode="cumulative", filters=only)
    )
    assert len(frames["protests"]) + len(frames["clashes"]) > 0
    assert set(frames["protests"]["certainty"]) <= {"uncertain"}


def test_text_from_data_is_escaped_everywhere(ds, boundaries):
    view = cmap.MapView.of("2022-01-20", mode="cumulative")
    html = cmap.standalone_html(ds, view, boundaries)
    assert "<script>alert" not in html and "<img src=x" not in html
    assert "<b>bold</b>" not in html
    # The escaped text survives decoding: a user sees the tags as text.
    fg = cmap.day_feature_group(ds, view, boundaries).group
    rows = [
        r
        for child in fg._children.values()
        if isinstance(child, cmap.SymbolLayer)
        for r in payload(child)
    ]
    popups = " ".join(str(r[6]) + str(r[5]) + str(r[7]) for r in rows)
    assert (
        "&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;&lt;img src=x onerror=alert(1)&gt;"
        in popups
    )
    assert "Almaty &lt;b&gt;bold&lt;/b&gt;" in popups
    assert "<script" not in popups and "<img" not in popups


def test_escape_also_guards_template_literals():
    assert cmap.esc("`${alert(1)}`") == "&#96;&#36;{alert(1)}&#96;"
    assert cmap.js_json("</script><!--") == '"\\u003c/script>\\u003c!--"'


def test_sources_become_links_only_for_http():
    html = cmap.sources_html('TASS <https://tass.com/a?x=1&y="2"> ; Inform <http://inform.kz/b>')
    assert '<a href="https://tass.com/a?x=1&amp;y=&quot;2&quot;"' in html
    assert 'target="_blank" rel="noopener noreferrer">TASS</a>' in html
    assert cmap.sources_html("javascript:alert(1)") == "javascript:alert(1)"  # not a link


def test_many_places_are_aggregated_into_grid_cells(tmp_path):
    big = load_dataset(
        Settings(data_dir=write_dataset(tmp_path, n_events=5000, reference=False)), None
    )
    frames = cmap.visible_features(big, cmap.MapView.of("2022-01-20", mode="cumulative"))
    protests = frames["protests"]
    symbols = cmap.layer_symbols(protests, "protests", max_points=200)
    assert len(symbols) <= 200
    assert sum(s.count for s in symbols) == len(protests)
    assert all("grid cell" in s.popup for s in symbols)
    assert max(s.radius for s in symbols) > min(s.radius for s in symbols)  # sized by count
    # Below the threshold, one symbol per place.
    singles = cmap.layer_symbols(protests, "protests", max_points=len(protests))
    assert all("grid cell" not in s.popup for s in singles)


def test_aggregated_payload_stays_small(tmp_path):
    big = load_dataset(
        Settings(data_dir=write_dataset(tmp_path, n_events=20000, reference=False)), None
    )
    view = cmap.MapView.of("2022-01-20", mode="cumulative")
    group = cmap.day_feature_group(big, view, max_points=500).group
    size = sum(len(c.payload) for c in group._children.values())
    assert size < 400_000


def test_emergency_shading_and_events_per_region(ds, boundaries):
    view = cmap.MapView.of("2022-01-06", shading="emergency")
    areas = cmap.shading_features(ds, view, cmap.visible_features(ds, view), boundaries)
    assert len(areas) == 2
    assert all(a["properties"]["c"] == LAYER_STYLES["emergency"].colour for a in areas)
    assert {"KZ-MAN", "KZ-ALA"} == set(cmap.emergency_regions(ds, view.day, boundaries))
    assert cmap.shading_features(ds, cmap.MapView.of("2022-01-02"), {}, boundaries) == []
    busy = cmap.MapView.of("2022-01-20", mode="cumulative", shading="events")
    frames = cmap.visible_features(ds, busy)
    counts = cmap.events_per_region(frames, boundaries)
    assert sum(counts.values()) == len(frames["protests"]) + len(frames["clashes"])
    assert counts["KZ-ALA"] > counts["KZ-AKT"]  # Almaty weighs 5, Aktobe 1 in the synthetic data
    colours = {a["properties"]["c"] for a in cmap.shading_features(ds, busy, frames, boundaries)}
    assert colours <= set(cmap.EVENTS_RAMP) and len(colours) > 1


def test_an_emergency_in_a_unit_without_a_polygon_is_a_circle(gazetteer):
    """Shymkent (a city unit the January-2022 polygons lack) was under emergency from 5 to
    14 January in the bundled data, and the shading drew nothing there; it is now a circle
    of the gazetteer's city-unit radius at its point, with a tooltip that says so."""
    from geo.gazetteer import CITY_UNIT_RADIUS_KM

    settings = Settings()
    bundled = load_dataset(settings, gazetteer)
    shapes = cmap.simplified_boundaries(admin1_boundaries(settings))
    assert "KZ-SHY" not in set(shapes["iso3166_2"])
    view = cmap.MapView.of("2022-01-10", shading="emergency")
    areas = cmap.shading_features(bundled, view, {}, shapes)
    (circle,) = [a for a in areas if "no boundary" in a["properties"]["t"]]
    assert "Shymkent" in circle["properties"]["t"] and "S008" in circle["properties"]["p"]
    ring = circle["geometry"]["coordinates"][0]
    shymkent = gazetteer.get("admin1:KZ-SHY")
    lats = [lat for _, lat in ring]
    assert max(lats) - shymkent.lat == pytest.approx(CITY_UNIT_RADIUS_KM / 111.32, abs=1e-3)
    assert len(areas) == len(cmap.emergency_regions(bundled, view.day, shapes))


def test_base_map_is_offline_and_the_same_every_day(boundaries):
    html = cmap.base_map(boundaries).get_root().render()
    links = re.findall(r'(?:src|href)="([^"]+)"', html)
    assert links and all(link.startswith("/app/static/vendor/") for link in links)
    assert "http://" not in html and "https://" not in html
    assert cmap.legend_html().count("cm-row") >= 10
    online = cmap.base_map(boundaries, online_tiles=True).get_root().render()
    assert "tile.openstreetmap.org" in online


def test_folium_defaults_are_untouched():
    m = assets.offline_map_class("/x/app/static")
    assert m.default_js == [("leaflet", "/x/app/static/vendor/leaflet/leaflet.js")]
    assert folium.Map.default_js[0][1].startswith("https://")
    assert assets.static_url("crisis/") == "/crisis/app/static"


def test_vendor_assets_are_copied(tmp_path):
    files = assets.install_vendor_assets(tmp_path)
    names = {p.relative_to(tmp_path).as_posix() for p in files}
    assert {"leaflet/leaflet.js", "leaflet/leaflet.css", "leaflet/images/layers.png"} <= names
    assert "leaflet.markercluster.js" in {p.name for p in files}
    assert "Leaflet" in (tmp_path / "leaflet/leaflet.js").read_text(encoding="utf-8")[:2000]
    again = assets.install_vendor_assets(tmp_path)
    assert again == files


def test_day_layers_fetched_ahead_are_files_named_by_their_content(tmp_path, monkeypatch):
    """Issue 17: the next day's layer leaves the step's message for a file the map fetches."""
    folder = tmp_path / "days"
    url = assets.day_file("window.cmDays.define(1);", "/crisis/app/static", folder)
    assert url is not None and url.startswith("/crisis/app/static/days/") and url.endswith(".js")
    (path,) = folder.iterdir()
    assert path.read_text() == "window.cmDays.define(1);" and url.endswith(path.name)
    assert assets.day_file("window.cmDays.define(1);", "/crisis/app/static", folder) == url
    monkeypatch.setattr(assets, "DAYS_KEPT", 3)
    for n in range(5):
        assert assets.day_file(f"window.cmDays.define({n + 2});", folder=folder)
    assert len(list(folder.glob("*.js"))) == 3  # the oldest went
    blocked = tmp_path / "file"
    blocked.write_text("not a folder")
    assert assets.day_file("x", folder=blocked / "days") is None  # the page sends it itself


def test_download_is_what_the_cli_writes(ds, data_dir, monkeypatch):
    from geo import cli, export

    for layer, window in (("clashes", 3), ("infrastructure", 1), ("protests", None)):
        frames = {layer: features_on(ds, layer, as_day("2022-01-06"), window=window)}
        args = argparse.Namespace(out=None, layer=layer)
        out = io.StringIO()
        with contextlib.redirect_stdout(out):
            cli._export_geojson(args, frames, as_day("2022-01-06"), window, export)
        assert cmap.layer_geojson(ds, layer, "2022-01-06", window=window) == out.getvalue()


def test_download_of_a_zoomed_map_is_what_export_bbox_writes(ds, data_dir, monkeypatch):
    from geo import cli, export
    from geo.layers import in_extent

    day = as_day("2022-01-09")
    everything = features_on(ds, "clashes", day, window=None)
    spot = everything.geometry.iloc[0]
    area = (round(spot.x - 0.5, 4), round(spot.y - 0.5, 4), spot.x + 0.5, spot.y + 0.5)
    frames = {"clashes": in_extent(everything, area)}
    assert 0 < len(frames["clashes"]) < len(everything)
    args = argparse.Namespace(out=None, layer="clashes")
    out = io.StringIO()
    with contextlib.redirect_stdout(out):
        cli._export_geojson(args, frames, day, None, export, extent=area)
    got = cmap.layer_geojson(ds, "clashes", day, window=None, extent=area)
    assert got == out.getvalue()
    assert f'"bbox":[{area[0]:g},{area[1]:g},' in got


def test_highlight_escapes_text_and_marks_mentions():
    text = f"Riot in Almaty {HOSTILE} then Aktau."
    start = text.index("Aktau")
    spans = [cmap.Span(8, 14, "gn:1", "Almaty"), cmap.Span(start, start + 5, "gn:2", "Aktau")]
    assert [(s.name, text[s.start : s.end]) for s in spans] == [
        ("Almaty", "Almaty"),
        ("Aktau", "Aktau"),
    ]
    html = cmap.highlight_html(text, spans, selected="gn:2")
    assert '<mark class="cm-mention" title="Almaty">Almaty</mark>' in html
    assert '<mark class="cm-hit" title="Aktau">Aktau</mark>' in html
    assert "<script" not in html and "&lt;script&gt;" in html


def test_national_figures_show_retracted_struck_through(ds):
    html = cmap.figure_html(national_figures(ds, "2022-01-12"))
    assert "<s>164</s>" in html and "cm-retracted" in html
    assert 'class="cm-latest"><span class="cm-value">7,939' in html
    later = cmap.figure_html(national_figures(ds, "2022-01-16"))
    assert 'class="cm-latest"><span class="cm-value">225' in later
    # the retracted 164 and older figures are folded away as history, still on the page
    assert '<details class="cm-history"><summary>' in later and "<s>164</s>" in later
    assert "No national figures" in cmap.figure_html(national_figures(ds, "2021-12-31"))


def test_table_lists_every_visible_feature_with_a_source_link(ds):
    frames = cmap.visible_features(ds, cmap.MapView.of("2022-01-06", mode="window", days=3))
    table = cmap.feature_table(frames)
    assert len(table) == sum(len(f) for f in frames.values())
    assert table["link"].str.startswith("https://").all()
    assert "2022-01-06 to 2022-01-13" in set(table["when"])


def test_a_table_page_is_the_same_rows_as_the_whole_table(ds):
    """The dashboard sends the table a page at a time (issue 17): a page is a slice of it."""
    import pandas as pd

    frames = cmap.visible_features(ds, cmap.MapView.of("2022-01-20", mode="cumulative"))
    whole = cmap.feature_table(frames)
    sizes = [len(f) for f in frames.values() if len(f)]
    assert len(sizes) >= 2, "the slices below should cross from one layer into the next"
    for start, stop in ((0, 3), (sizes[0] - 2, sizes[0] + 2), (len(whole) - 1, len(whole) + 5)):
        page = cmap.feature_table(frames, start=start, stop=stop)
        expected = whole.iloc[start:stop].reset_index(drop=True)
        pd.testing.assert_frame_equal(page.reset_index(drop=True), expected)
    assert list(cmap.feature_table(frames, start=len(whole)).columns) == list(whole.columns)


def test_playback_wraps_around():
    import datetime as dt

    first, last = dt.date(2022, 1, 1), dt.date(2022, 1, 3)
    assert cmap.next_day(dt.date(2022, 1, 2), first, last) == last
    assert cmap.next_day(last, first, last) == first


def test_retracted_counts_are_shown_but_never_added() -> None:
    """A withdrawn toll stays visible in the popup, marked, but is not summed into a symbol."""
    import geopandas as gpd
    import pandas as pd
    from shapely.geometry import Point

    from geo.layers import FEATURE_COLUMNS

    rows = []
    for rid, deaths, certainty in (("E1", 5, "reported"), ("E2", 100, "retracted")):
        row = {c: "" for c in FEATURE_COLUMNS}
        row.update(
            id=rid, layer="clashes", place="Almaty", name="Almaty", fatalities=deaths,
            date=pd.Timestamp("2022-01-05"), certainty=certainty, injured=None, detained=None,
            troops=None,
        )  # fmt: skip
        rows.append(row)
    frame = gpd.GeoDataFrame(rows, geometry=[Point(76.9, 43.25)] * 2, crs="EPSG:4326")
    (symbol,) = cmap.place_symbols(frame, "clashes")
    assert "5" in symbol.tooltip and "105" not in symbol.tooltip
    assert "100" in symbol.popup and "retracted" in symbol.popup.lower()
    (cell,) = cmap.grid_symbols(frame, "clashes", max_cells=10)
    assert "105" not in cell.tooltip and "5" in cell.tooltip


def test_article_head_is_escaped_and_links_only_http() -> None:
    import datetime as dt

    html = cmap.article_head_html(HOSTILE, dt.date(2022, 1, 5), "<b>TASS</b>", "https://tass.com/1")
    assert "<script" not in html and "&lt;b&gt;TASS" in html and 'href="https://tass.com/1"' in html
    assert "href" not in cmap.article_head_html(
        "t", dt.date(2022, 1, 5), "p", "javascript:alert(1)"
    )


def test_day_from_url_reads_iso_days_within_the_range():
    import datetime as dt

    first, last = dt.date(2022, 1, 1), dt.date(2022, 1, 31)
    assert cmap.day_from_url("2022-01-07", first, last) == dt.date(2022, 1, 7)
    assert cmap.day_from_url("2022-03-01", first, last) == last
    assert cmap.day_from_url("1641513600000000", first, last) == first  # not a day: start
    assert cmap.day_from_url(None, first, last) == first


def test_whole_force_total_is_shown_beside_the_parts_not_added(ds):
    import dataclasses

    import pandas as pd

    from geo.layers import as_day

    text = cmap.national_total_text(ds, "troops", as_day("2022-01-10"), Filters())
    assert text == ""  # the synthetic data set has no national troop record
    states = ds.states.copy()
    row = states.iloc[[0]].copy()
    row["id"], row["layer"], row["scope"], row["troops"] = "SX", "troops", "national", 2030
    row["status"], row["certainty"] = "deployed", "official claim"
    row["valid_from"], row["valid_to"] = pd.Timestamp("2022-01-09"), pd.Timestamp("2022-01-12")
    row = row.set_geometry([None], crs="EPSG:4326")
    with_total = dataclasses.replace(ds, states=pd.concat([states, row], ignore_index=True))
    text = cmap.national_total_text(with_total, "troops", as_day("2022-01-10"), Filters())
    assert text == " · whole force 2,030 (official claim)"
    mapped = cmap.visible_features(with_total, cmap.MapView.of("2022-01-10"), layers=["troops"])
    assert "SX" not in set(mapped["troops"]["id"])  # no point: never drawn, never summed


def test_headline_figure_comes_first(ds):
    import dataclasses

    import pandas as pd

    newer_partial = ds.figures[ds.figures["metric"] == "deaths"].tail(1).copy()
    newer_partial["id"], newer_partial["value"] = "FX", 16
    newer_partial["date"], newer_partial["part"] = pd.Timestamp("2022-01-16"), "police only"
    newer_partial["certainty"] = "reported"
    figures = pd.concat([ds.figures, newer_partial], ignore_index=True)
    html = cmap.figure_html(
        national_figures(dataclasses.replace(ds, figures=figures), "2022-01-17")
    )
    deaths = html.split("<b>Deaths</b>")[1].split("</ul>")[0]
    assert "police only" in deaths  # the newer partial figure is there...
    assert deaths.index("cm-latest") < deaths.index("police only")  # ...below the headline


def test_template_syntax_in_data_is_never_evaluated(ds, boundaries):
    """Jinja syntax in a description must reach the page as text, not run on the server."""
    import dataclasses

    import folium
    import pandas as pd
    from streamlit_folium import _get_feature_group_string

    probe = "probe {{ 7*7 }} {{ cycler.__init__.__globals__.os.getcwd() }} {% if x %}"
    events = ds.events.copy()
    events["description"] = probe
    hostile = dataclasses.replace(ds, events=events)
    view = cmap.MapView.of("2022-01-20", mode="cumulative")
    page = cmap.standalone_html(hostile, view, boundaries)
    group = cmap.day_feature_group(hostile, view, boundaries).group
    sent = _get_feature_group_string(group, folium.Map(tiles=None))
    for html in (page, sent):
        assert "probe {{ 7*7 }} {{ cycler" in html and "{% if x %}" in html
        assert "probe 49" not in html and str(pd.__file__)[:5] not in html.split("probe")[1][:80]


def test_a_name_in_another_script_shows_its_english_name_beside_it() -> None:
    from dashboard.markup import Span, highlight_html

    text = "Митинги в Жанаозене и <b>Актау</b>."
    start = text.index("Жанаозене")
    html = highlight_html(text, [Span(start, start + 9, "gn:607610", "Zhanaozen")])
    assert '<mark class="cm-mention" title="Zhanaozen">Жанаозене</mark>' in html
    assert '<span class="cm-en">(Zhanaozen)</span>' in html
    assert "<b>" not in html  # the article's own markup stays text
    latin = highlight_html("Rallies in Aktau.", [Span(11, 16, "gn:610612", "Aktau")])
    assert "cm-en" not in latin


def test_the_place_picker_names_each_place_once_by_what_it_is():
    from types import SimpleNamespace

    import geopandas as gpd

    frame = gpd.GeoDataFrame(
        {
            "place_id": ["airport:ALA", "airport:ALA", "gn:1", "site:hall", "", None],
            "place": ["Almaty", "Almaty", "Almaty", "Almaty", "Zhetybay", None],
        }
    )
    known = {
        "airport:ALA": SimpleNamespace(name="Almaty Airport", kind="airport", city="Almaty"),
        "gn:1": SimpleNamespace(name="Almaty", kind="city", city=""),
        "site:hall": SimpleNamespace(name="Almaty City Akimat", kind="facility", city="Almaty"),
    }
    options = cmap.places_on_map({"clashes": frame}, known.get)
    assert options == [
        ("airport:ALA", "Almaty Airport", "Almaty Airport (2 on the map)"),
        ("site:hall", "Almaty City Akimat", "Almaty City Akimat · facility (1 on the map)"),
        ("gn:1", "Almaty", "Almaty · city (1 on the map)"),
        ("Zhetybay", "Zhetybay", "Zhetybay (1 on the map)"),
    ]
    # without a gazetteer the records' own place names are used
    assert [o[1] for o in cmap.places_on_map({"clashes": frame})] == ["Almaty"] * 3 + ["Zhetybay"]


def test_the_day_feed_reads_as_news_and_escapes_everything():
    import pandas as pd

    from dashboard.feed import PANEL_PAGE, day_panel_html, feed_html, feed_items
    from geo.layers import FEED_COLUMNS

    def row(**kw):
        counts = ("fatalities", "injured", "detained", "troops")
        base = {c: None if c in counts else "" for c in FEED_COLUMNS}
        base.update(date=pd.Timestamp("2022-01-05"), lat=None, lon=None, certainty="reported")
        base.update(kw)
        return base

    feed = pd.DataFrame(
        [
            row(kind="event", layer="clashes", id="E1", place=HOSTILE, lat=43.2, lon=76.9,
                sub_event_type="Violent demonstration", fatalities=3,
                sources="Reuters <https://example.org/a> ; TASS <https://tass.com/1>"),
            row(kind="begins", layer="infrastructure", id="S1", name="Almaty Airport",
                place="Almaty", status="seized", lat=43.35, lon=77.04),
            *[row(kind="begins", layer="emergency", id=f"S{i}", place=f"Region {i}",
                  status="declared") for i in range(2, 5)],
            row(kind="event", layer="other", id="E2", event_type="Strategic developments",
                description="x " * 200),
        ]
    )  # fmt: skip
    items, total = feed_items(feed)
    assert [i.record_id for i in items] == ["E1", "S1", "S2", "E2"] and total == 4
    first, total = feed_items(feed, limit=3)
    assert [i.record_id for i in first] == ["E1", "S1", "S2"] and total == 4
    assert first[2] == items[2]  # a grouped line is built from all its records
    assert "declared in 3 places" in items[2].title and "Region 4" in items[2].detail
    assert items[1].title == "<b>Almaty Airport</b> · Seized" and items[1].colour != "#1d4e89"
    assert "National" in items[3].title and items[3].lat is None and items[3].detail.endswith("…")
    assert "+1" in items[0].source and "deaths 3" in items[0].detail
    html = feed_html(items, heading=f"5 January {HOSTILE}")
    assert "<script" not in html and "<img" not in html and 'data-lat="43.20000"' in html
    assert 'class="cf-item cf-national" data-id="E2"' in html
    assert "Nothing reported" in feed_html([], heading="x")
    panel = day_panel_html(html, f"As reported by {HOSTILE}", "<b>figures</b>")
    assert "<script" not in panel and "<b>figures</b>" in panel  # the figures come escaped
    assert "<script" not in PANEL_PAGE.replace("<script>\nfunction cfMap", "")


# --- symbols that never hide each other, labels that say what a group is (issue 15) ----------


def test_spread_offsets_move_overlapping_symbols_onto_a_ring():
    from geo.symbology import spread_offsets

    # three symbols at one spot, one far away; the infrastructure one (rank 0) goes on top
    points = [(100.0, 100.0, 8.0), (100.0, 100.0, 12.0), (101.0, 100.0, 6.0), (400.0, 50.0, 8.0)]
    offsets = spread_offsets(points, priority=[2, 2, 0, 2], gap=3.0)
    assert offsets[3] == (0.0, 0.0)  # alone: stays where it is
    moved = [(x + dx, y + dy, r) for (x, y, r), (dx, dy) in zip(points, offsets, strict=True)]
    for i in range(3):
        for j in range(i + 1, 3):
            (xi, yi, ri), (xj, yj, rj) = moved[i], moved[j]
            assert ((xi - xj) ** 2 + (yi - yj) ** 2) ** 0.5 >= ri + rj  # none hides another
    assert moved[2][1] == min(m[1] for m in moved[:3])  # the priority one sits at the top
    assert spread_offsets([(5.0, 5.0, 4.0), (50.0, 5.0, 4.0)]) == [(0.0, 0.0), (0.0, 0.0)]
    # a dense city at a far zoom: 20 event circles stay, only the two sites are lifted out
    dense = [(200.0 + i % 5, 200.0 + i // 5, 6.0) for i in range(20)] + [(202.0, 201.0, 7.0)] * 2
    offsets = spread_offsets(dense, priority=[2] * 20 + [0, 0], max_cluster=12)
    assert offsets[:20] == [(0.0, 0.0)] * 20 and all(o != (0.0, 0.0) for o in offsets[20:])


def test_touching_symbols_chain_into_one_group_across_grid_cells():
    from geo.symbology import _touching_groups

    # A touches B, B touches C (A and C do not), across cells; D alone; E and F at one spot;
    # G touches E and F from the cell diagonally below-left (a neighbour a grid walk can miss)
    points = [(0.0, 0.0, 5.0), (7.0, 0.0, 5.0), (14.0, 0.0, 5.0), (300.0, 300.0, 5.0),
              (100.0, 50.0, 2.0), (100.0, 50.0, 2.0), (96.5, 53.0, 5.0)]  # fmt: skip
    labels = _touching_groups(points, 0.75).tolist()
    assert labels[0] == labels[1] == labels[2]
    assert len({labels[0], labels[3], labels[4]}) == 3
    assert labels[4] == labels[5] == labels[6]
    assert _touching_groups([(1.0, 1.0, 3.0)], 0.75).tolist() == [0]


def test_touching_groups_are_the_components_of_every_overlapping_pair():
    """The groups (found cell by cell, most pairs never tested) are those of testing every
    pair: crowded places, scattered ones, equal and mixed sizes, symbols at one spot."""
    import numpy as np

    from geo.symbology import _touching_groups

    rng = np.random.default_rng(23)
    for trial in range(120):
        n = int(rng.integers(2, 160))
        spread = (2.0, 20.0, 80.0, 600.0)[trial % 4]
        x, y = rng.normal(0, spread, n), rng.normal(0, spread, n)
        r = (rng.uniform(0, 30, n), rng.choice([5.0, 28.0], n), np.full(n, 5.0))[trial % 3]
        if trial % 5 == 0:
            x[: n // 2], y[: n // 2] = x[0], y[0]
        overlap = (0.75, 0.5, 1.0, 0.0)[trial % 4 - (trial % 7 == 0)]
        near = np.hypot(x[:, None] - x, y[:, None] - y) < (r[:, None] + r) * overlap
        label, before = np.arange(n), None
        while before is None or (label != before).any():  # each takes its lowest neighbour's
            before, label = label, np.where(near, label, n).min(axis=1).clip(max=label)
        points = list(zip(x.tolist(), y.tolist(), r.tolist(), strict=True))
        assert _touching_groups(points, overlap).tolist() == label.tolist()


def test_candidate_pairs_hold_every_pair_within_reach():
    """_pairs_within (by whole arrays) lists every two points closer than the reach, once."""
    import numpy as np

    from geo.symbology import _pairs_within

    rng = np.random.default_rng(17)
    for n, spread, reach in ((1, 10.0, 5.0), (60, 30.0, 6.0), (300, 400.0, 25.0), (200, 5.0, 3.0)):
        x, y = rng.normal(0, spread, n).round(1), rng.normal(0, spread, n).round(1)
        i, j = _pairs_within(x, y, reach)
        pairs = list(zip(i.tolist(), j.tolist(), strict=True))
        assert len(pairs) == len(set(pairs)) and all(a < b for a, b in pairs)
        close = {(a, b) for a in range(n) for b in range(a + 1, n)
                 if np.hypot(x[a] - x[b], y[a] - y[b]) < reach}  # fmt: skip
        assert close <= set(pairs)


def test_group_labels_say_what_the_group_is():
    import numpy as np
    import pandas as pd

    from geo.symbology import group_label, place_groups, place_marker

    names = ["Armenian contingent", "Tajik contingent", "Kyrgyz contingent", "CSTO command post"]
    actors = ["Forces of Armenia (CSTO)", "Forces of Tajikistan (CSTO)"]
    actors += ["Forces of Kyrgyzstan (CSTO)", "CSTO Collective Peacekeeping Forces"]
    frame = pd.DataFrame(
        {
            "certainty": ["reported"] * 4,
            "status": [""] * 4,
            "fatalities": [None] * 4,
            "injured": [None] * 4,
            "detained": [None] * 4,
            "troops": [100, 200, 150, None],
        }
    )
    lat, lon = np.full(4, 43.25), np.full(4, 76.9)
    (group,) = place_groups(frame, lat, lon)
    label = group_label("troops", group, names, actors)
    assert label == "3 CSTO contingents and command post, 450 troops known"
    (alone,) = place_groups(frame.iloc[3:], lat[3:], lon[3:])
    assert group_label("troops", alone, names[3:], actors[3:]) == "CSTO command post, size unknown"
    style = place_marker("troops", alone)
    assert style.unknown and style.radius > marker_style("troops", counts={"troops": 1}).radius
    assert not place_marker("troops", group).unknown  # partly known: sized by what is known
    sites = frame.iloc[:2].assign(troops=None, status=["seized", "closed"])
    (two,) = place_groups(sites, lat[:2], lon[:2])
    assert group_label("infrastructure", two, ["Airport", "Terminal"]) == "Airport and 1 more site"


def test_unknown_troop_sizes_are_hollow_in_the_payload(ds):
    frames = cmap.visible_features(ds, cmap.MapView.of("2022-01-08"))
    unknown = frames["troops"].assign(troops=None)
    (symbol,) = cmap.layer_symbols(unknown, "troops")
    row = symbol.as_row()
    assert row[9] == 1 and row[10] == "troops" and "size unknown" in symbol.label


def test_a_seized_site_s_label_ranks_first(ds):
    """Where labels collide the layout keeps the higher rank first: seized, destroyed,
    damaged, closed, disrupted, operational (the map's order had let a group of damaged
    offices hide the label of Almaty's seized airport on 5 January)."""
    frames = cmap.visible_features(ds, cmap.MapView.of("2022-01-08"))
    sites = frames["infrastructure"]
    symbols = cmap.layer_symbols(sites.assign(status="seized"), "infrastructure")
    assert symbols and all(s.as_row()[11] == 5 for s in symbols)
    closed = cmap.layer_symbols(sites.assign(status="closed"), "infrastructure")
    assert all(s.as_row()[11] == 2 for s in closed)
    troops = cmap.layer_symbols(frames["troops"], "troops")
    assert all(s.as_row()[11] == 0 for s in troops)


def test_town_labels_thicken_with_zoom_and_are_escaped(boundaries):
    class Rows:
        rows = [
            ("gn:1", "Almaty", "city", 43.25, 76.9, "KZ", "KZ-ALA", 1_977_011),
            ("gn:2", "<b>Talgar</b>", "city", 43.3, 77.2, "KZ", "KZ-ALM", 45_000),
            ("gn:3", "Hamlet", "city", 43.1, 77.0, "KZ", "KZ-ALM", 300),
            ("airport:ALA", "Almaty Airport", "airport", 43.35, 77.04, "KZ", "KZ-ALA", 0),
            ("gn:4", "Bishkek", "city", 42.87, 74.6, "KG", "", 900_000),
        ]

    labels = cmap.town_labels(Rows())
    assert [(name, zoom) for _, _, name, _, zoom in labels] == [
        ("Almaty", 0.0),
        ("<b>Talgar</b>", 7.0),
        ("Hamlet", 9.0),
        ("Almaty Airport", 11.0),
    ]
    html = cmap.base_map(boundaries, place_labels=labels).get_root().render()
    assert "\\u0026lt;b\\u0026gt;Talgar" in html  # HTML-escaped, then JSON-escaped
    assert "<b>Talgar" not in html and "\\u003cb\\u003eTalgar" not in html
    assert "cmPlaceLayer" in html and "cm-place-label" in html


def test_online_tiles_say_when_they_cannot_load(boundaries):
    online = cmap.base_map(boundaries, online_tiles=True).get_root().render()
    assert "tileerror" in online and "could not load" in online
    assert "tileerror" not in cmap.base_map(boundaries).get_root().render()


def test_links_name_choices_by_stable_values_and_old_labels_still_open():
    labels = {"day": "This day only", "cumulative": "Everything up to this day"}
    assert cmap.choices_from_url(["cumulative"], labels, labels) == ["cumulative"]
    assert cmap.choices_from_url(["Everything up to this day"], labels, labels) == ["cumulative"]
    regions = {"KZ-ALA": "Almaty (city) (KZ-ALA)", "KZ-SHY": "KZ-SHY"}
    assert cmap.choices_from_url(
        ["KZ-SHY", "Almaty (city) (KZ-ALA)", "KZ-SHY", "nowhere"], regions, regions
    ) == ["KZ-SHY", "KZ-ALA"]


def test_a_links_zoom_and_centre_are_read_and_checked():
    assert cmap.map_view_from_url({"lat": "43.25", "lon": "76.95", "z": "11"}) == (43.25, 76.95, 11)
    assert cmap.map_view_from_url({"lat": "43.25", "lon": "76.95"}) is None
    assert cmap.map_view_from_url({"lat": "95", "lon": "76.95", "z": "11"}) is None
    assert cmap.map_view_from_url({"lat": "x", "lon": "76.95", "z": "11"}) is None
