"""The Streamlit app run headless (AppTest): widgets, modes, filters, URL state, offline map.

st_folium shows up as an unknown component; its ``json_args`` hold the base map script, the
swapped-in feature group and the JS/CSS links, so the tests read what the browser would get.
"""

from __future__ import annotations

import datetime as dt
import json
import re
import threading
from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

from dashboard import ahead, assets, synthetic
from dashboard import map as cmap
from dashboard.synthetic import write_dataset
from geo.config import PROJECT_ROOT
from geo.errors import GeoError

APP = str(PROJECT_ROOT / "dashboard" / "app.py")


@pytest.fixture(scope="session")
def cache_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """One gazetteer cache for the whole session (the first build takes a few seconds)."""
    return tmp_path_factory.mktemp("cache")


@pytest.fixture(scope="session")
def synthetic_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return write_dataset(tmp_path_factory.mktemp("data"), n_events=300, hostile_text=True)


@pytest.fixture
def env(monkeypatch: pytest.MonkeyPatch, cache_dir: Path, synthetic_dir: Path) -> Path:
    monkeypatch.setenv("CRISISMAP_CACHE_DIR", str(cache_dir))
    monkeypatch.setenv("CRISISMAP_DATA_DIR", str(synthetic_dir))
    return synthetic_dir


OPEN_PANELS = {"table_open": "true", "articles_open": "true"}  # closed by default (issue 17)


def run(params: dict[str, object] | None = None, *, panels_open: bool = True) -> AppTest:
    """The app run once; the table and the articles panel open unless ``panels_open`` is
    False (a link can open them, as here)."""
    at = AppTest.from_file(APP, default_timeout=120)
    for key, value in {**(OPEN_PANELS if panels_open else {}), **(params or {})}.items():
        at.query_params[key] = value
    at.run()
    assert not at.exception, [e.message for e in at.exception]
    return at


def open_downloads(at: AppTest) -> AppTest:
    """Open the downloads menu, as a click on it does (its content is sent only while open)."""
    at.session_state["downloads"] = True
    at.run()
    assert not at.exception, [e.message for e in at.exception]
    return at


def folium_args(at: AppTest) -> dict[str, object]:
    """The json_args of the st_folium component on the page."""
    found = []

    def walk(node: object) -> None:
        proto = getattr(node, "proto", None)
        if type(proto).__name__ == "ComponentInstance" and "st_folium" in proto.component_name:
            found.append(json.loads(proto.json_args))
        for child in getattr(node, "children", {}).values():
            walk(child)

    walk(at._tree)
    assert len(found) == 1, "expected one st_folium map on the page"
    return found[0]


DEFINED = re.compile(
    r'window\.cmDays\.define\("([^"]+)", (function \(\) \{\n.*?\nreturn feature_group_\w+;\n\}), '
    r'("(?:[^"\\]|\\.)*")\);',
    re.S,
)


LOADED = re.compile(r'window\.cmDays\.load\("([^"]+)", "([^"]+)"\);')


def defined(at: AppTest) -> list[tuple[str, str, str]]:
    """(key, layer, panel) of the day layers the last run sent the map: in its script, or in
    the files the script has the map fetch (the neighbouring days, dashboard.assets.day_file)."""
    script = str(folium_args(at)["feature_group"])
    found = DEFINED.findall(script)
    for key, url in LOADED.findall(script):
        assert url.startswith("/app/static/days/"), url
        text = (assets.DAYS_DIR / url.rsplit("/", 1)[1]).read_text()
        ((loaded_key, *rest),) = DEFINED.findall(text)
        assert loaded_key == key
        found.append((key, *rest))
    return found


def day_layer(at: AppTest) -> str:
    """The script of the day layer the map shows after the last run. The page sends each day
    layer once per session (the map keeps it, dashboard.leaflet.DaySteps), so those sent in
    earlier runs of ``at`` are remembered here: call this after every run that matters."""
    return _shown(at)[0]


def day_panel(at: AppTest) -> str:
    """The day panel (feed and national figures) sent with the day layer shown, as HTML."""
    return json.loads(_shown(at)[1])


def _shown(at: AppTest) -> tuple[str, str]:
    script = str(folium_args(at)["feature_group"])
    sent = at.__dict__.setdefault("_day_layers", {})
    sent.update((key, (layer, panel)) for key, layer, panel in defined(at))
    shown = re.search(r'window\.cmDays\.show\("([^"]+)"', script)
    assert shown, "the map's script shows no day layer"
    assert shown[1] in sent, f"the map shows {shown[1]}, which it was never sent"
    return sent[shown[1]]


def symbol_rows(layer: str) -> list[list[object]]:
    """Rows of every SymbolLayer payload in a day layer's script (``day_layer``)."""
    rows = []
    for payload in re.findall(r"var rows = (\[.*?\]);\n", layer):
        rows += json.loads(payload)
    return rows


def test_default_view_is_offline_and_starts_on_the_busiest_day(env):
    """Issue 15.1: it opened on the first day, with nothing on the map."""
    from geo.config import Settings
    from geo.events import load_dataset
    from geo.layers import busiest_day

    at = run()
    busiest = busiest_day(load_dataset(Settings(data_dir=env), None, strict=False))
    assert busiest is not None and busiest != dt.date(2022, 1, 1)
    assert at.slider(key="date").value == busiest
    args = folium_args(at)
    assert args["js_links"] == ["/app/static/vendor/leaflet/leaflet.js"]
    assert args["css_links"] == ["/app/static/vendor/leaflet/leaflet.css"]
    everything = json.dumps(args)
    assert not re.search(r"https?://(?!tass\.com|www\.reuters\.com)", everything), "CDN link"
    assert args["returned_objects"] == ["zoom", "center", "bounds"]  # for the URL, no clicks
    assert not at.error


def test_table_and_articles_are_built_only_when_open(env):
    """Issue 17: a step sent the whole table page (a third of its bytes) and the place list
    even when nobody looked; closed panels cost nothing, and a link can open them."""
    at = run({"date": "2022-01-05"}, panels_open=False)
    labels = [e.label for e in at.expander]
    assert any(label.startswith("Table of what is on the map (") for label in labels)
    assert "Articles about a place on the map" in labels
    assert not at.dataframe  # closed: nothing built, nothing sent
    assert "place" not in [s.key for s in at.selectbox]
    assert not at.get("download_button")  # the downloads menu is closed: nothing sent
    open_downloads(at)
    assert any(b.label.startswith("Table as CSV (") for b in at.get("download_button"))
    at.session_state["table_open"] = True  # what a click on the expander does
    at.run()
    assert len(at.dataframe) == 1
    table = at.dataframe[0].proto  # an unreported count is an empty cell, not "None" (issue 15)
    assert table.HasField("placeholder") and table.placeholder == ""
    linked = run({"date": "2022-01-05", "table_open": "true"}, panels_open=False)
    assert len(linked.dataframe) == 1  # a link opens it (bound to the URL)


def test_url_opens_the_same_view(env):
    at = run(
        {
            "date": "2022-01-07",
            "mode": "Last N days",
            "days": "4",
            "clashes": "false",
            "shade": "Events per region",
        }
    )
    assert at.slider(key="date").value == dt.date(2022, 1, 7)
    assert at.radio(key="mode").value == "window"
    assert at.number_input(key="days").value == 4
    assert at.toggle(key="clashes").value is False
    assert at.radio(key="shade").value == "events"
    layers = {LAYER_OF[r[3]] for r in symbol_rows(day_layer(at)) if r[4] == "circle"}
    assert "clashes" not in layers and "protests" in layers


LAYER_OF = {"#e9a100": "protests", "#c8102e": "clashes", "#6f6f6f": "other"}


def test_slider_swaps_layers_without_remounting_the_map(env):
    at = run({"date": "2022-01-05"})
    before, before_layer = folium_args(at), day_layer(at)
    at.slider(key="date").set_value(dt.date(2022, 1, 7)).run()
    after, after_layer = folium_args(at), day_layer(at)
    assert after["key"] == before["key"], "the base map changed: the iframe would remount"
    assert after["script"] == before["script"]
    assert "CSTO contingent" in after_layer and "CSTO contingent" not in before_layer


def test_each_day_layer_is_sent_once_with_the_next_day_ahead(env):
    """The map's buttons show the next day at once: each run sends the day after the one
    shown, and a step forward then sends only the one after that."""
    at = run({"date": "2022-01-05"})
    first = defined(at)
    assert [k.rsplit(":", 1)[1] for k, *_ in first] == ["2022-01-05", "2022-01-06"]
    at.slider(key="date").set_value(dt.date(2022, 1, 6)).run()
    step = defined(at)
    assert [k.rsplit(":", 1)[1] for k, *_ in step] == ["2022-01-07"]
    assert f'window.cmDays.show("{first[1][0]}"' in str(folium_args(at)["feature_group"])
    at.toggle(key="troops").set_value(False).run()  # another view: its own layers
    other = defined(at)
    assert [k.rsplit(":", 1)[1] for k, *_ in other] == ["2022-01-06", "2022-01-07"]
    assert not {k for k, *_ in other} & {k for k, *_ in first + step}


def test_a_memo_works_each_key_out_once_ahead_or_at_once():
    calls: list[str] = []
    release = threading.Event()

    def work(value: str, wait: bool = False):
        def compute() -> str:
            if wait:
                release.wait(10)
            calls.append(value)
            return value

        return compute

    memo = ahead.Memo(size=2)
    memo.ahead("a", work("a", wait=True))  # worked out in the background thread
    assert "a" in memo
    release.set()
    assert memo.get("a", work("never")) == "a"  # waits for it, then kept
    assert memo.get("a", work("never")) == "a"
    assert memo.get("b", work("b")) == "b"  # not kept: worked out here
    memo.ahead("b", work("never"))  # kept already: nothing to do
    memo.get("c", work("c"))
    assert "a" not in memo and len(memo) == 2  # the oldest went
    assert calls == ["a", "b", "c"]

    def broken() -> str:
        raise GeoError("events.csv, row 3, field date: not a date")

    memo.ahead("d", broken)
    with pytest.raises(GeoError, match="row 3"):  # the one who asks gets the error
        memo.get("d", broken)
    assert "d" not in memo  # and it is not kept: the next ask works it out again


def test_a_step_finds_the_layer_it_sends_ahead_built(env):
    """When a run is done, the layer the next step sends ahead (the day after next) is built
    in the background (map_page.work_ahead), so that step's rerun does not wait for it."""
    at = run({"date": "2022-01-05"})
    keys = [k[2].day.date() for k in list(ahead.DAY_LAYERS._entries)]
    assert dt.date(2022, 1, 7) in keys  # the day after next, built ahead
    at.slider(key="date").set_value(dt.date(2022, 1, 6)).run()
    step = defined(at)
    assert [k.rsplit(":", 1)[1] for k, *_ in step] == ["2022-01-07"]  # the one built ahead
    keys = [k[2].day.date() for k in list(ahead.DAY_LAYERS._entries)]
    assert dt.date(2022, 1, 8) in keys


def test_modes_show_more_days(env, synthetic_dir):
    def n_features(mode: str) -> int:
        at = run({"date": "2022-01-10", "mode": cmap.MODES[mode]})  # the URL holds the label
        return sum(r[8] for r in symbol_rows(day_layer(at)) if r[4] == "circle")

    assert n_features("day") < n_features("window") < n_features("cumulative")


def map_reports(at: AppTest, **report: str) -> AppTest:
    """What the map's own buttons send (dashboard.leaflet.DaySteps), then a run."""
    seen = dict(at.session_state["map"]) if "map" in at.session_state else {}
    nonce = str(at.session_state["_cm_nonce"]) + "x" if "_cm_nonce" in at.session_state else "1"
    at.session_state["map"] = {**seen, **report, "cm_nonce": nonce}
    return at.run()


def test_the_maps_step_buttons_move_the_day(env):
    at = run({"date": "2022-01-05"})
    day_layer(at)
    map_reports(at, cm_day="2022-01-06")
    assert at.slider(key="date").value == dt.date(2022, 1, 6)
    assert at.query_params["date"] == "2022-01-06"
    at.run()  # the same report again (another rerun): handled once, the day stays
    assert at.slider(key="date").value == dt.date(2022, 1, 6)
    map_reports(at, cm_day="2022-01-05")
    map_reports(at, cm_day="2022-01-04")
    assert at.slider(key="date").value == dt.date(2022, 1, 4)
    # stepping back: the day before comes too
    assert [k.rsplit(":", 1)[1] for k, *_ in defined(at)] == ["2022-01-03"]
    map_reports(at, cm_day="2030-01-01")  # beyond the data: the last day
    assert at.slider(key="date").value == dt.date(2022, 1, 20)  # the bundled data's last day


def test_a_map_that_lost_its_layers_is_sent_them_again(env):
    at = run({"date": "2022-01-05"})
    day_layer(at)
    at.run()
    assert not defined(at)  # the map has them
    map_reports(at, cm_missing="whatever:2022-01-05")
    again = defined(at)
    assert [k.rsplit(":", 1)[1] for k, *_ in again] == ["2022-01-05", "2022-01-06"]


def test_layer_counts_and_toggles(env):
    at = run({"date": "2022-01-08"})
    (row,) = [h.proto.body for h in at.html if "cm-counts" in h.proto.body]  # under the switches
    assert "2,030 troops" in row
    at.toggle(key="troops").set_value(False).run()
    assert "CSTO contingent" not in day_layer(at)


def test_filters_narrow_the_map_and_the_table(env):
    at = run({"date": "2022-01-20", "mode": cmap.MODES["cumulative"]})
    everything = len(at.dataframe[0].value)
    at.multiselect(key="admin1").set_value(["KZ-MAN"]).run()
    regional = at.dataframe[0].value
    assert 0 < len(regional) < everything
    assert set(regional["admin1"]) == {"KZ-MAN"}
    at.multiselect(key="admin1").set_value([]).run()
    at.multiselect(key="certainty").set_value(["uncertain"]).run()
    assert set(at.dataframe[0].value["certainty"]) == {"uncertain"}
    at.text_input(key="actor").set_value("police").run()
    assert at.dataframe[0].value["actor"].str.contains("Police").all()


def test_the_table_is_sent_a_page_at_a_time_and_downloaded_whole(
    monkeypatch: pytest.MonkeyPatch, cache_dir: Path, tmp_path: Path
):
    """Issue 17: the whole table (34.6 MB of Arrow at 100k events) was sent on every step."""
    folder = write_dataset(tmp_path / "data", n_events=cmap.TABLE_PAGE_ROWS * 2)
    monkeypatch.setenv("CRISISMAP_CACHE_DIR", str(cache_dir))
    monkeypatch.setenv("CRISISMAP_DATA_DIR", str(folder))
    at = run({"date": "2022-01-20", "mode": cmap.MODES["cumulative"]})
    first = at.dataframe[0].value
    assert len(first) == cmap.TABLE_PAGE_ROWS
    open_downloads(at)
    (button,) = [b for b in at.get("download_button") if "Table as CSV" in b.proto.label]
    total = int(re.search(r"\(([\d,]+) rows\)", button.proto.label)[1].replace(",", ""))
    assert total > cmap.TABLE_PAGE_ROWS
    at.number_input(key="table_page").set_value(2).run()
    second = at.dataframe[0].value
    assert 0 < len(second) <= cmap.TABLE_PAGE_ROWS
    assert not set(first["id"]) & set(second["id"])
    assert any(c.value.startswith(f"Rows {cmap.TABLE_PAGE_ROWS + 1:,}-") for c in at.caption)


def test_hostile_text_is_escaped_in_map_and_articles(env):
    at = run({"date": "2022-01-20", "mode": cmap.MODES["cumulative"]})
    fg = str(folium_args(at)["feature_group"])
    assert "<script" not in fg and "<img" not in fg
    assert "<script" not in day_layer(at) and "<img" not in day_layer(at)
    first_day = synthetic.FIRST_DAY
    for day in range(20):  # the panel's feed: escaped wherever the hostile event falls
        at.slider(key="date").set_value(first_day + dt.timedelta(days=day)).run()
        panel = day_panel(at)
        assert "<script" not in panel and "<img" not in panel
        if "Crowd gathered" in panel:
            assert "&lt;script&gt;" in panel or "&lt;img" in panel
            break
    else:
        raise AssertionError("the hostile description is in no day's feed")
    at.selectbox(key="place").set_value("gn:1526384").run()  # Almaty
    html = " ".join(m.value for m in at.markdown)
    assert "<mark" in html and ">Almaty</mark>" in html
    assert "<script>" not in html and "<img src=x" not in html
    assert "&lt;script&gt;" in html
    assert "Unrest in Almaty &lt;i&gt;&amp;&lt;/i&gt;" in html


def test_national_figures_show_retractions(env):
    at = run({"date": "2022-01-12"})
    html = day_panel(at)
    assert "<s>164</s>" in html and "retracted" in html
    assert "As reported by 12 January 2022" in html


def test_broken_data_file_names_file_and_line_and_the_map_still_shows(
    monkeypatch: pytest.MonkeyPatch, cache_dir: Path, tmp_path: Path
):
    folder = write_dataset(tmp_path, n_events=10)
    lines = (folder / "events.csv").read_text(encoding="utf-8").splitlines()
    lines[2] = lines[2].replace("2022-01-", "2022-13-", 1)
    (folder / "events.csv").write_text("\n".join(lines) + "\n", encoding="utf-8")
    monkeypatch.setenv("CRISISMAP_CACHE_DIR", str(cache_dir))
    monkeypatch.setenv("CRISISMAP_DATA_DIR", str(folder))
    at = run()
    (error,) = at.error
    assert "events.csv, line 3, field 'date'" in error.value.replace("\\", "")  # md-escaped
    args = folium_args(at)
    assert "KZ-MAN" in str(args["script"])  # the admin-1 base map is still drawn


def test_bundled_data(monkeypatch: pytest.MonkeyPatch, cache_dir: Path):
    monkeypatch.setenv("CRISISMAP_CACHE_DIR", str(cache_dir))
    monkeypatch.delenv("CRISISMAP_DATA_DIR", raising=False)
    if not (PROJECT_ROOT / "data" / "events.csv").exists():
        pytest.fail("data/events.csv is missing: the bundled data set is part of the project")
    at = run({"date": "2022-01-05"})
    assert not at.error, [e.value for e in at.error]
    assert symbol_rows(day_layer(at)), "nothing on the map on 5 January"


def test_imported_acled_events_show_together_or_apart(env, monkeypatch, tmp_path: Path):
    from test_acled import ROWS, acled_file

    path = acled_file(tmp_path / "acled.csv", ROWS)
    monkeypatch.setenv("CRISISMAP_ACLED_FILES", str(path))
    at = run({"date": "2022-01-20", "mode": cmap.MODES["cumulative"]})
    assert set(at.dataframe[0].value["origin"]) == {"crisismap", "acled"}
    at.multiselect(key="origin").set_value(["acled"]).run()
    assert set(at.dataframe[0].value["id"]) <= {"KAZ101", "KAZ102", "KAZ103"}
    linked = run({"date": "2022-01-20", "mode": cmap.MODES["cumulative"], "origin": "acled"})
    assert set(linked.dataframe[0].value["origin"]) == {"acled"}  # a copied link keeps it


def test_png_download_gives_the_snapshot_of_the_view(env):
    at = open_downloads(run({"date": "2022-01-06"}))
    buttons = [b for b in at.get("download_button") if "PNG" in b.proto.label]
    assert len(buttons) == 1


# --- markdown and payloads from data (issue 18.1) -----------------------------------------------

# Markdown that would fetch or link: an image or link whose target is not escaped.
_LIVE_MARKDOWN = re.compile(r"(?<!\\)\]\((?:https?|javascript):|(?<!\\)\$[^$]*(?<!\\)\$")


def _markdown_texts(at: AppTest) -> list[str]:
    """Every Streamlit-markdown text on the page that is not our own escaped HTML."""
    texts = [e.value for e in (*at.caption, *at.error, *at.title, *at.info, *at.warning)]
    texts += [m.value for m in at.markdown if not m.proto.allow_html]
    return texts


@pytest.fixture(scope="session")
def payload_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    from payloads import write_payload_dataset

    return write_payload_dataset(tmp_path_factory.mktemp("payloads"))


def test_a_place_name_from_data_is_not_rendered_as_markdown(
    monkeypatch: pytest.MonkeyPatch, cache_dir: Path, payload_dir: Path
):
    from payloads import MARKDOWN_PLACE

    monkeypatch.setenv("CRISISMAP_CACHE_DIR", str(cache_dir))
    monkeypatch.setenv("CRISISMAP_DATA_DIR", str(payload_dir))
    monkeypatch.setenv("CRISISMAP_CASE_TITLE", f"Case $x$ {MARKDOWN_PLACE}")
    at = run({"date": "2022-01-09", "mode": cmap.MODES["cumulative"]})
    assert f"{MARKDOWN_PLACE} (2 on the map)" in at.selectbox(key="place").options
    at.selectbox(key="place").set_value(MARKDOWN_PLACE).run()
    texts = _markdown_texts(at)
    (caption,) = [t for t in texts if t.startswith("No article by")]
    assert caption.endswith(r"mentions \!\[x\]\(http\:\/\/evil\.example\/p09\.png\).")
    assert [t for t in texts if _LIVE_MARKDOWN.search(t)] == []


def test_a_layer_cell_in_the_error_banner_is_not_rendered_as_markdown(
    monkeypatch: pytest.MonkeyPatch, cache_dir: Path, tmp_path: Path
):
    from payloads import write_bad_layer_dataset

    monkeypatch.setenv("CRISISMAP_CACHE_DIR", str(cache_dir))
    monkeypatch.setenv("CRISISMAP_DATA_DIR", str(write_bad_layer_dataset(tmp_path)))
    at = run()
    (error,) = at.error
    assert "line 2, field 'layer'" in error.value.replace("\\", "")
    assert "![x](" not in error.value and r"\!\[x\]\(http" in error.value


def test_an_unwritable_cache_folder_is_a_message_and_the_map_still_shows(
    monkeypatch: pytest.MonkeyPatch, synthetic_dir: Path, tmp_path: Path
):
    """Issue 18.5: a red traceback box and no map."""
    blocker = tmp_path / "file"
    blocker.write_text("not a folder", encoding="utf-8")
    monkeypatch.setenv("CRISISMAP_CACHE_DIR", str(blocker / "cache"))
    monkeypatch.setenv("CRISISMAP_DATA_DIR", str(synthetic_dir))
    at = run()  # asserts no exception
    (error,) = at.error
    assert "cannot write the cache folder" in error.value.replace("\\", "")
    assert "KZ-MAN" in str(folium_args(at)["script"])
    options = at.selectbox(key="place").options
    if options:  # the articles panel needs the gazetteer too: a message again, not a traceback
        at.selectbox(key="place").set_value(options[0]).run()
        assert not at.exception


def test_a_huge_article_is_cut_for_the_page_with_a_note(
    monkeypatch: pytest.MonkeyPatch, cache_dir: Path, tmp_path: Path
):
    """Issue 18.7: choosing a place with a 50 MB article sent 52 MB of HTML."""
    folder = write_dataset(tmp_path / "data", n_events=30)
    body = "Protests in Almaty went on through the night. " * 7000  # 322 kB
    (folder / "articles" / "2022-01-06-long.txt").write_text(
        "title: A very long brief\ndate: 2022-01-06\npublisher: TASS\n"
        f"url: https://tass.com/world/2\n---\n{body}\n",
        encoding="utf-8",
    )
    monkeypatch.setenv("CRISISMAP_CACHE_DIR", str(cache_dir))
    monkeypatch.setenv("CRISISMAP_DATA_DIR", str(folder))
    at = run({"date": "2022-01-20", "mode": cmap.MODES["cumulative"]})
    at.selectbox(key="place").set_value("gn:1526384").run()  # Almaty
    assert not at.exception
    sent = sum(len(m.value) for m in at.markdown)
    assert 0 < sent < 2 * cmap.ARTICLE_PAGE_CHARS < len(body)
    notes = [c.value for c in at.caption if c.value.startswith("Long article")]
    assert notes == [
        f"Long article: the first {cmap.ARTICLE_PAGE_CHARS:,} of {len(body):,} "
        "characters are shown; the whole text is in its file under the data folder's articles/."
    ]


def test_dashboard_opens_on_a_data_set_without_boundaries(
    monkeypatch: pytest.MonkeyPatch, cache_dir: Path, tmp_path: Path
):
    """No admin-1 boundaries: points only, the map fits the data, and the page says so."""
    folder = write_dataset(tmp_path / "data", n_events=40)
    (folder / "kz_admin1.geojson").unlink()
    monkeypatch.setenv("CRISISMAP_CACHE_DIR", str(cache_dir))
    monkeypatch.setenv("CRISISMAP_DATA_DIR", str(folder))
    at = run({"date": "2022-01-05", "mode": "Everything up to this day"})
    assert any("no admin-1 boundaries" in info.value for info in at.info)
    assert not at.error
    args = folium_args(at)
    assert symbol_rows(day_layer(at)), "points are drawn without boundaries"
    script = str(args["script"])
    assert "fitBounds" in script and "KZ-MAN" not in script  # no boundaries drawn


def test_the_url_carries_stable_values_and_old_links_still_open(env):
    """Issue 15: links carried labels ("mode=Everything+up+to+this+day")."""
    at = run({"date": "2022-01-07", "mode": "cumulative", "shade": "Events per region"})
    assert at.radio(key="mode").value == "cumulative"
    assert at.radio(key="shade").value == "events"  # an old link's label still opens
    assert at.query_params["mode"] == "cumulative"
    assert at.query_params["shade"] == "events"  # written back as the stable value
    at.radio(key="mode").set_value("day").run()
    assert "mode" not in at.query_params  # the default is left out of the link
