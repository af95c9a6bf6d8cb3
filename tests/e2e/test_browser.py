"""The dashboard in a real browser: Debian chromium driven by playwright.

The app runs as a subprocess (``streamlit run``) on synthetic data, and on the payload data set
of tests/payloads.py (32 kinds of injection in every text field); every request that is not
to localhost is recorded and refused, and the test fails if there was one. Screenshots are kept
under artifacts/ (gitignored). Without /usr/bin/chromium these tests FAIL: CI installs it.
"""

from __future__ import annotations

import json
import os
import re
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from playwright.sync_api import expect

from dashboard.serve import running_app
from dashboard.synthetic import write_dataset
from geo.config import PROJECT_ROOT

ARTIFACTS = PROJECT_ROOT / "artifacts"
MAP_FRAME = 'iframe[title="streamlit_folium.st_folium"]'


@pytest.fixture(scope="module")
def app_url(tmp_path_factory: pytest.TempPathFactory, serve_dashboard) -> Iterator[str]:  # noqa: ANN001
    """A running dashboard on synthetic data, stopped after the module."""
    data = write_dataset(tmp_path_factory.mktemp("data"), n_events=300)
    with serve_dashboard(data) as url:
        yield url


def on_map(page) -> dict[str, object]:  # noqa: ANN001
    """What the Leaflet map inside the st_folium iframe holds right now."""
    frame = page.frame_locator(MAP_FRAME)
    # a cold start builds the gazetteer index and fills the store first: on a busy 2-core
    # machine that has taken more than 30 s
    frame.locator(".leaflet-container").wait_for(timeout=120_000)
    return frame.locator("body").evaluate(
        """() => {
          const out = {circles: 0, colours: {}, labels: [], regions: 0};
          window.map.eachLayer(l => {
            if (l instanceof L.CircleMarker) {
              out.circles += 1;
              out.colours[l.options.fillColor] = (out.colours[l.options.fillColor] || 0) + 1;
            }
          });
          document.querySelectorAll('.cm-label').forEach(e => out.labels.push(e.textContent));
          out.icons = document.querySelectorAll('.cm-icon').length;
          out.legend = !!document.querySelector('.cm-legend');
          out.mounted = window.__cm_mount = window.__cm_mount || Math.random();
          return out;
        }"""
    )


def wait_for_change(page, before: dict[str, object], timeout: float = 20.0) -> dict[str, object]:  # noqa: ANN001
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        now = on_map(page)
        if {k: now[k] for k in ("circles", "colours", "labels")} != {
            k: before[k] for k in ("circles", "colours", "labels")
        }:
            return now
        time.sleep(0.25)
    pytest.fail("the map did not change")


def test_map_shows_the_day_and_the_slider_moves_it(app_url, page):
    page.goto(f"{app_url}/?date=2022-01-06")
    first = on_map(page)
    assert first["legend"]
    assert first["circles"] > 0
    assert "Almaty International Airport" in first["labels"]  # closed from 6 January
    ARTIFACTS.mkdir(exist_ok=True)
    page.wait_for_timeout(1000)
    page.screenshot(path=str(ARTIFACTS / "dashboard-2022-01-06.png"), full_page=True)

    slider = page.locator('[data-testid="stSlider"] input[type="range"]').first
    slider.focus()
    page.keyboard.press("ArrowRight")
    second = wait_for_change(page, first)
    assert second["mounted"] == first["mounted"], "the map iframe was remounted"
    assert any(t.startswith("CSTO contingent") for t in second["labels"])  # troops on 7 Jan
    page.wait_for_url("**date=2022-01-07**", timeout=10_000)
    page.wait_for_timeout(1000)
    page.screenshot(path=str(ARTIFACTS / "dashboard-2022-01-07.png"), full_page=True)
    assert page.outside_requests == []  # type: ignore[attr-defined]


def day_panel_frame(page, timeout: float = 30):  # noqa: ANN001, ANN201
    """The frame of the day panel beside the map (the feed and the national figures)."""
    deadline = time.monotonic() + timeout
    while not (frames := [f for f in page.frames if f.locator("#cf-panel").count()]):
        assert time.monotonic() < deadline, "no day panel beside the map"
        page.wait_for_timeout(300)
    return frames[0]


def test_the_days_feed_flies_the_map_to_a_record_and_opens_its_popup(app_url, page):
    """Issue 15: the day's feed beside the map, headline first; a click on a line flies the
    map to the record and opens its popup, in the browser."""
    page.goto(f"{app_url}/?date=2022-01-05")
    on_map(page)
    deadline = time.monotonic() + 30
    while not (frames := [f for f in page.frames if f.locator(".cf-item").count()]):
        assert time.monotonic() < deadline, "no feed beside the map"
        page.wait_for_timeout(300)
    feed = frames[0]
    assert "Wed 05 January 2022" in feed.locator(".cf-head").inner_text()
    first = feed.locator(".cf-item").first
    assert "Almaty International Airport" in first.inner_text()  # the seized airport leads
    national = feed.locator(".cf-national")
    assert national.count() >= 1  # national records are in the feed, though not on the map
    map_frame = page.frame_locator(MAP_FRAME).locator("body")
    zoom_before = map_frame.evaluate("() => window.map.getZoom()")
    first.click()
    page.wait_for_timeout(2000)
    state = map_frame.evaluate(
        """() => {
          const popup = document.querySelector(".leaflet-popup-content");
          return {zoom: window.map.getZoom(), popup: popup ? popup.innerText : ""};
        }"""
    )
    assert state["zoom"] > zoom_before
    assert "Almaty International Airport" in state["popup"] and "Seized" in state["popup"]
    assert page.outside_requests == []  # type: ignore[attr-defined]


def test_zoom_and_centre_live_in_the_url_and_a_link_reopens_them(app_url, page, browser):
    """Issue 15: zoomed into Almaty, the link reopens Almaty in a new page."""
    page.goto(f"{app_url}/?date=2022-01-07")
    on_map(page)
    page.wait_for_function("() => location.search.includes('z=')", timeout=20_000)
    idle(page)  # the map's first report and its rerun are over (a move during them was lost)
    map_frame = page.frame_locator(MAP_FRAME).locator("body")
    map_frame.evaluate("() => window.map.setView([43.25, 76.95], 11)")
    page.wait_for_function("() => location.search.includes('z=11')", timeout=20_000)
    link = page.url
    assert "lat=43.25" in link and "lon=76.95" in link
    other = browser.new_page()
    try:
        other.goto(link)
        on_map(other)
        frame = other.frame_locator(MAP_FRAME).locator("body")
        deadline = time.monotonic() + 20
        while frame.evaluate("() => window.map.getZoom()") != 11:
            assert time.monotonic() < deadline, "the link's zoom was not applied"
            other.wait_for_timeout(300)
        lat, lon = frame.evaluate("() => [window.map.getCenter().lat, window.map.getCenter().lng]")
        assert abs(lat - 43.25) < 0.05 and abs(lon - 76.95) < 0.05
        open_downloads(other, "Download what is on the map (this extent)")
        other.get_by_text("Map as PNG for a slide (1600x900), this extent").first.wait_for()
        # zoomed in, a layer's GeoJSON holds only the area on screen (export --bbox)
        other.get_by_text("only what lies in the area on screen").first.wait_for()
        bounds = frame.evaluate("() => window.map.getBounds().toBBoxString()")
        west, south, east, north = (float(v) for v in bounds.split(","))
        button = other.get_by_role("button", name=re.compile(r"^Clashes and riots \(\d+\)$"))
        with other.expect_download(timeout=60_000) as download:
            button.click()
        collection = json.loads(Path(download.value.path()).read_text(encoding="utf-8"))
        w, s, e, n = collection["metadata"]["bbox"]
        assert abs(w - west) < 0.01 and abs(n - north) < 0.01
        for feature in collection["features"]:
            x, y = feature["geometry"]["coordinates"]
            assert w <= x <= e and s <= y <= n
    finally:
        other.close()


def test_a_click_on_the_timeline_moves_the_slider_to_that_day(app_url, page):
    """Issue 15: the timeline's bars are a way to move through the days."""
    page.goto(f"{app_url}/?date=2022-01-20")
    before = on_map(page)
    page.wait_for_url("**date=2022-01-20**", timeout=30_000)
    chart = page.locator('[data-testid="stVegaLiteChart"]').first
    chart.scroll_into_view_if_needed()
    page.wait_for_timeout(1000)
    box = chart.bounding_box()
    assert box is not None
    # a bar low in the plot (the axis takes the last fifth), across the story's busy days
    for x in (0.2, 0.25, 0.3, 0.35, 0.15, 0.4):
        page.mouse.click(box["x"] + box["width"] * x, box["y"] + box["height"] * 0.68)
        page.wait_for_timeout(1500)
        if "date=2022-01-20" not in page.url:
            break
    assert "date=2022-01-20" not in page.url, "no click on the timeline moved the day"
    wait_for_change(page, before)
    assert "date=2022-01-0" in page.url or "date=2022-01-1" in page.url


def test_the_maps_next_day_button_shows_the_day_at_once_and_the_page_follows(app_url, page):
    """Issue 17: a step waited for the server before the map changed. The map's own next-day
    button shows the next day's layer, feed and figures at once (the page sent them ahead:
    the task after the click, before any reply could come), then the page follows in one
    rerun of the day's fragment: the slider, the counts and the URL."""
    from streamlit.proto.ForwardMsg_pb2 import ForwardMsg

    received: list[bytes] = []
    page.on("websocket", lambda ws: ws.on("framereceived", lambda p: received.append(p)))
    page.goto(f"{app_url}/?date=2022-01-06")
    before = on_map(page)
    panel = day_panel_frame(page)
    panel.get_by_text("As reported by 06 January 2022").wait_for(timeout=30_000)
    idle(page)
    received.clear()
    body = page.frame_locator(MAP_FRAME).locator("body")
    assert body.locator(".cm-step-day").text_content() == "Thu, 6 Jan 2022"
    shown = body.evaluate(
        """async () => {
          const before = window.cmDays.shown();
          document.querySelector('.cm-step-forward').click();
          // the click tells the page first, then draws in the next task: no server reply yet
          await new Promise((resolve) => setTimeout(resolve, 0));
          const panel = [...window.parent.document.querySelectorAll('iframe')]
            .map(f => f.contentWindow).find(w => w && w.cmPanel);
          const text = panel.document.getElementById('cf-panel').innerText;
          return [before, window.cmDays.shown(), text];
        }"""
    )
    assert shown[0].endswith(":2022-01-06") and shown[1].endswith(":2022-01-07"), shown
    assert "As reported by 07 January 2022" in shown[2]  # the panel, in the same click
    assert "Fri 07 January 2022" in shown[2]  # the feed's heading
    after = on_map(page)
    assert after["mounted"] == before["mounted"], "the map iframe was remounted"
    assert any(t.startswith("CSTO contingent") for t in after["labels"])  # troops on 7 Jan
    assert body.locator(".cm-step-day").text_content() == "Fri, 7 Jan 2022"
    page.wait_for_url("**date=2022-01-07**", timeout=30_000)
    idle(page)
    assert page.locator('[data-testid="stSliderThumbValue"]').first.text_content() == (
        "Fri 7 Jan 2022"
    )
    finished = [
        msg.script_finished
        for msg in map(ForwardMsg.FromString, (r for r in received if isinstance(r, bytes)))
        if msg.WhichOneof("type") == "script_finished"
    ]
    assert finished == [ForwardMsg.FINISHED_FRAGMENT_RUN_SUCCESSFULLY], finished
    assert body.evaluate("() => window.cmDays.shown()") == shown[1]
    assert page.outside_requests == []  # type: ignore[attr-defined]


def test_a_map_that_lost_a_day_layer_asks_for_it_again(app_url, page):
    """If the map lacks the layer the page tells it to show (its frame was rebuilt), it says
    so, and the page sends its layers again, for the day shown (not the day of an earlier step
    on the map)."""
    page.goto(f"{app_url}/?date=2022-01-05")
    on_map(page)
    idle(page)
    body = page.frame_locator(MAP_FRAME).locator("body")
    body.locator(".cm-step-forward").click()  # the map's own step: to 6 January
    page.wait_for_url("**date=2022-01-06**", timeout=30_000)
    idle(page)
    slider = page.locator('[data-testid="stSlider"] input[type="range"]').first
    slider.focus()
    page.keyboard.press("ArrowRight")  # then the slider: to 7 January
    page.wait_for_url("**date=2022-01-07**", timeout=30_000)
    idle(page)
    key = body.evaluate("() => window.cmDays.shown()")
    assert key.endswith(":2022-01-07"), key
    waiting = body.evaluate(
        """() => {
          window.cmDays.show('lost:2022-01-07', {prefix: 'lost', day: '2022-01-07',
            first: '2022-01-01', last: '2022-01-20', window: 1});
          return document.querySelector('.leaflet-container').classList.contains('cm-waiting');
        }"""
    )
    assert waiting, "the old layer is not marked as waiting for the day asked for"
    page.wait_for_function(
        """([frame, key]) => {
          const w = document.querySelector(frame).contentWindow;
          return w.cmDays.shown() === key;
        }""",
        arg=[MAP_FRAME, key],
        timeout=30_000,
    )
    idle(page)
    assert on_map(page)["circles"] > 0
    assert not body.evaluate(
        "() => document.querySelector('.leaflet-container').classList.contains('cm-waiting')"
    )
    panel = day_panel_frame(page)
    assert not panel.evaluate("() => document.body.classList.contains('cf-waiting')")
    assert "As reported by 07 January 2022" in panel.locator("#cf-panel").inner_text()
    assert "date=2022-01-07" in page.url


def test_cumulative_view_and_no_request_leaves_localhost(app_url, page):
    page.goto(f"{app_url}/?date=2022-01-20&mode=Everything+up+to+this+day&shade=Events+per+region")
    state = on_map(page)
    assert state["circles"] > 50
    page.wait_for_timeout(1500)
    page.screenshot(path=str(ARTIFACTS / "dashboard-2022-01-20-cumulative.png"), full_page=True)
    assert page.outside_requests == []  # type: ignore[attr-defined]


def test_play_advances_one_day_at_a_time(app_url, page):
    page.goto(f"{app_url}/?date=2022-01-02")
    on_map(page)
    page.locator('[data-testid="stCheckbox"]').filter(has_text="Play").locator("label").click()
    page.wait_for_url("**date=2022-01-04**", timeout=30_000)  # two ticks of 1 s/day
    page.locator('[data-testid="stCheckbox"]').filter(has_text="Play").locator("label").click()
    assert page.outside_requests == []  # type: ignore[attr-defined]


def open_downloads(page, label: str) -> None:  # noqa: ANN001
    """Open the downloads menu (its label says whether it holds only the extent on screen)."""
    page.get_by_role("button", name=re.compile(re.escape(label) + "$")).click()


def test_png_download_is_the_briefing_snapshot(app_url, page, tmp_path):
    from PIL import Image

    page.goto(f"{app_url}/?date=2022-01-06")
    on_map(page)
    open_downloads(page, "Download what is on the map")
    button = page.get_by_role("button", name="Map as PNG for a slide (1600x900)")
    with page.expect_download(timeout=60_000) as download:
        button.click()
    path = tmp_path / download.value.suggested_filename
    download.value.save_as(path)
    assert path.name == "crisismap-snapshot-2022-01-06.png"
    with Image.open(path) as image:
        assert image.format == "PNG" and image.size == (1600, 900)
        colours = image.convert("RGB").getcolors(maxcolors=1 << 16)  # None: more than that
        assert colours is None or len(colours) > 20, "the snapshot is blank"
    assert page.outside_requests == []  # type: ignore[attr-defined]


# --- the payload data set (issue 18): nothing renders, nothing leaves localhost ----------------

# Elements and attributes none of our own markup has: any of them means a payload rendered.
RENDERED = (
    "[onerror], [onload], [onmouseover], [onfocus], img[srcset], object, embed, video, audio, "
    "base, meta[http-equiv='refresh'], form[action], iframe[src^='data:'], iframe[src*='evil'], "
    "img[src*='evil'], script[src*='evil'], link[href*='evil'], a[href^='javascript:'], .katex"
)


def rendered_payloads(frame) -> dict[str, object]:  # noqa: ANN001
    return frame.evaluate(
        f"""() => ({{
          pwned: window.__pwned === 1,
          elements: Array.from(document.querySelectorAll({RENDERED!r}))
            .map(e => e.outerHTML.slice(0, 120)),
        }})"""
    )


@pytest.fixture(scope="module")
def payload_url(tmp_path_factory: pytest.TempPathFactory, serve_dashboard) -> Iterator[str]:  # noqa: ANN001
    """The dashboard on the payload data set, with a payload in the case title too."""
    from payloads import MARKDOWN_PLACE, write_payload_dataset

    data = write_payload_dataset(tmp_path_factory.mktemp("payloads"))
    with serve_dashboard(data, {"CRISISMAP_CASE_TITLE": f"Case $x$ {MARKDOWN_PLACE}"}) as url:
        yield url


def choose(page, label: str, option: str) -> None:  # noqa: ANN001
    """Pick ``option`` in the selectbox labelled ``label`` by typing it (the place picker
    adds how many features a place has: "Almaty (3 on the map)")."""
    box = page.locator('[data-testid="stSelectbox"]').filter(has_text=label)
    box.click()
    page.keyboard.type(option[:40])
    escaped = re.escape(option).replace("/", r"\/")  # playwright's selector ends at a bare /
    name = re.compile("^" + escaped + r"( \(\d+ on the map\))?$")
    page.get_by_role("option", name=name).click()


def test_no_payload_renders_and_no_request_leaves_localhost(payload_url, page):
    from payloads import MARKDOWN_PLACE, PAYLOADS

    page.goto(
        f"{payload_url}/?date=2022-01-09&mode=Everything+up+to+this+day&other=true"
        "&shade=Events+per+region&table_open=true"  # the table's cells hold payloads too
    )
    state = on_map(page)
    assert state["circles"] >= 32
    map_frame = page.frame_locator(MAP_FRAME).locator("body")
    opened = map_frame.evaluate(
        """() => {
          let n = 0;
          window.map.eachLayer(l => {
            try {
              if (l.getTooltip && l.getTooltip()) { l.openTooltip(); n += 1; }
              if (l.getPopup && l.getPopup()) { l.openPopup(); n += 1; }
            } catch (e) { /* a layer without a position */ }
          });
          return n;
        }"""
    )
    assert opened >= 64  # every symbol's tooltip and popup were put into the page
    page.wait_for_timeout(500)
    assert rendered_payloads(map_frame) == {"pwned": False, "elements": []}

    page.get_by_text("Event type").first.wait_for()
    types = page.locator('[data-testid="stMultiSelect"]').filter(has_text="Event type")
    types.click()  # the options list: every event type is a payload
    page.keyboard.press("Escape")
    page.get_by_text("Articles about a place on the map").click()  # closed by default
    page.locator('[data-testid="stSelectbox"]').filter(has_text="Place on the map").wait_for()
    idle(page)  # the panel's rerun has finished: the picker takes what is typed
    choose(page, "Place on the map", "Almaty")  # the payload articles mention Almaty
    expect(page.locator(".cm-article")).to_have_count(len(PAYLOADS), timeout=30_000)
    assert rendered_payloads(page) == {"pwned": False, "elements": []}

    choose(page, "Place on the map", MARKDOWN_PLACE)  # issue 18.1: the image was fetched
    page.get_by_text(f"No article by 09 January mentions {MARKDOWN_PLACE}.", exact=True).wait_for()
    page.get_by_text(f"Case $x$ {MARKDOWN_PLACE}", exact=True).wait_for()  # shown as written
    actor = page.get_by_label("Actor contains")
    actor.fill(PAYLOADS[4][1])
    actor.press("Enter")
    page.wait_for_timeout(2000)
    ARTIFACTS.mkdir(exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / "dashboard-payloads.png"), full_page=True)
    assert rendered_payloads(page) == {"pwned": False, "elements": []}
    assert page.outside_requests == []  # type: ignore[attr-defined]


def test_a_payload_in_the_error_banner_is_shown_as_written(tmp_path, page):
    from payloads import MARKDOWN_PLACE, write_bad_layer_dataset

    env = {
        "CRISISMAP_DATA_DIR": str(write_bad_layer_dataset(tmp_path / "data")),
        "CRISISMAP_CACHE_DIR": os.environ.get("CRISISMAP_CACHE_DIR", str(tmp_path / "cache")),
    }
    with (tmp_path / "streamlit.log").open("w") as log, running_app(env, log=log) as (url, _):
        page.goto(url)
        alert = page.locator('[data-testid="stAlert"]').first
        alert.wait_for(timeout=60_000)
        assert f"field 'layer': '{MARKDOWN_PLACE}' is not one of" in alert.inner_text()
        on_map(page)  # the map is still drawn
        assert rendered_payloads(page) == {"pwned": False, "elements": []}
    assert page.outside_requests == []  # type: ignore[attr-defined]


# --- the review desk and "In the news" (issue 12) ---------------------------------------------

ARTICLE_A = """title: Rally outside the Aktau akimat
date: 2022-01-04
publisher: Caspian Wire
url: https://caspian.example/aktau-rally
---
Protesters gathered outside the akimat in Aktau on Tuesday, demanding lower fuel prices. \
Police detained 35 people near the square.
"""
ARTICLE_B = (
    "Gunfire was heard near Almaty International Airport, which was closed to flights. "
    "At least 8 people were killed in clashes in Almaty, the health ministry said."
)


@pytest.fixture(scope="module")
def desk_app(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[str, str]]:
    """(URL, store URL): the dashboard on synthetic data with a store of its own."""
    data = write_dataset(tmp_path_factory.mktemp("desk-data"), n_events=60)
    store_url = f"sqlite:///{tmp_path_factory.mktemp('desk-store') / 'desk.sqlite'}"
    env = {
        "CRISISMAP_DATA_DIR": str(data),
        "CRISISMAP_DATABASE_URL": store_url,
        "CRISISMAP_CACHE_DIR": os.environ.get(
            "CRISISMAP_CACHE_DIR", str(tmp_path_factory.mktemp("cache"))
        ),
    }
    log_path = tmp_path_factory.mktemp("log") / "streamlit.log"
    with log_path.open("w") as log:
        try:
            with running_app(env, log=log) as (url, _):
                yield url, store_url
        except RuntimeError as exc:
            pytest.fail(f"{exc}; see {log_path}")


def idle(page) -> None:  # noqa: ANN001
    """Wait until the app's rerun is over: no stale element left, no running indicator."""
    page.wait_for_timeout(300)
    page.wait_for_function(
        """() => !document.querySelector('[data-stale="true"]')
          && !document.querySelector('[data-testid^="stStatusWidgetRunning"]')""",
        timeout=60_000,
    )


def popups(page) -> list[str]:  # noqa: ANN001
    """The popup HTML of every symbol on the map, with the symbols' fill colours."""
    on_map(page)
    return (
        page.frame_locator(MAP_FRAME)
        .locator("body")
        .evaluate(
            """() => {
          const out = [];
          window.map.eachLayer(l => {
            if (l.getPopup && l.getPopup()) {
              out.push((l.options.fillColor || '') + ' ' + l.getPopup().getContent());
            }
          });
          return out;
        }"""
        )
    )


def test_review_desk_decisions_reach_the_map_and_the_news_layer(desk_app, page):
    from geo import desk
    from geo.store import Store

    url, store_url = desk_app
    page.goto(f"{url}/review")
    name = page.get_by_label("Reviewer's name")
    name.wait_for(timeout=60_000)
    name.fill("Alice")
    name.press("Enter")  # a form: Enter submits
    page.get_by_text("Reviewing as").wait_for(timeout=30_000)

    # two articles through the "Add article" box: one pasted with its header, one with the
    # form's date, publisher, URL and title
    page.get_by_text("Add article", exact=True).click()
    form = page.locator('[data-testid="stForm"]').filter(has_text="Add to the queue")
    form.get_by_label("Article text").fill(ARTICLE_A)
    form.get_by_role("button", name="Add to the queue").click()
    page.get_by_text("candidates in the queue").wait_for(timeout=120_000)
    page.get_by_text("Add article", exact=True).click()
    form.get_by_label("Article text").fill(ARTICLE_B)
    form.get_by_role("spinbutton", name="year, Date").click()
    page.keyboard.type("20220105")  # year, month, day: each segment moves on when full
    form.get_by_label("Publisher").fill("Steppe News")
    form.get_by_label("Source URL").fill("https://steppe.example/almaty-airport")
    form.get_by_label("Title").fill("Gunfire at Almaty airport")
    form.get_by_role("button", name="Add to the queue").click()
    page.get_by_text("Gunfire at Almaty airport").first.wait_for(timeout=120_000)
    expect(page.locator("mark.cm-evidence").first).to_be_visible()
    page.get_by_text("Add article", exact=True).click()  # fold the box for the screenshot
    page.set_viewport_size({"width": 1500, "height": 2400})
    page.wait_for_timeout(1500)
    ARTIFACTS.mkdir(exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / "review-desk.png"), full_page=True)
    page.set_viewport_size({"width": 1500, "height": 1100})

    with Store(store_url) as store:
        queue = [c for g in desk.queue_page(store).groups for c in g.candidates]
    assert len(queue) >= 3
    killed = next(c for c in queue if c["counts"]["fatalities"] == 8)
    rally = next(c for c in queue if c["kind"] == "event" and c["date"] == "2022-01-04")
    figure = next(c for c in queue if c["kind"] == "figure")

    def decided(text: str) -> None:
        alerts = page.locator('[data-testid="stAlert"]')
        try:
            alerts.filter(has_text=text).wait_for(timeout=30_000)
        except Exception:  # noqa: BLE001 -- say what the page showed instead
            pytest.fail(f"no {text!r}; the page shows {alerts.all_inner_texts()}")
        idle(page)

    page.locator(f".st-key-accept-{killed['id']} button").click()
    decided(f"Candidate {killed['id']} accepted")

    detained = page.locator(f".st-key-edit-{rally['id']}-detained input")
    expect(detained).to_have_count(1)  # the rerun after the last decision is done
    page.locator('[data-testid="stExpander"]').filter(has=detained).locator("summary").click()
    detained.fill("35")
    edit_form = page.locator('[data-testid="stForm"]').filter(has=detained)
    edit_form.get_by_role("button", name="Save and accept").click()
    decided(f"Candidate {rally['id']} edited and accepted")

    expect(page.locator(f".st-key-reason-{figure['id']} input")).to_have_count(1)  # rerun done
    reason = page.locator(f".st-key-reason-{figure['id']} input")
    reason.fill("a count of people, not a place")
    reason.press("Enter")  # the reason's own form: Enter rejects
    decided(f"Candidate {figure['id']} rejected")

    with Store(store_url) as store:
        history = [d for g in desk.queue_page(store, desk.QueueFilter(decision="any")).groups
                   for d in desk.decisions_of_article(store, g.id)]  # fmt: skip
    assert sorted((d["action"], d["reviewer"]) for d in history) == [
        ("accept", "Alice"), ("edit", "Alice"), ("reject", "Alice")
    ]  # fmt: skip

    # the map: the two new records, with origin and history; "In the news" on their day
    page.goto(f"{url}/?date=2022-01-05&news=true")
    day5 = popups(page)
    reviewed = [p for p in day5 if "origin: reviewed" in p]
    assert any("accepted by Alice" in p and "Steppe News" in p for p in reviewed), reviewed
    news = [p for p in day5 if p.startswith(desk_colour())]
    assert any("Gunfire at Almaty airport" in p for p in news), news
    page.frame_locator(MAP_FRAME).locator("body").evaluate(
        f"""() => window.map.eachLayer(l => {{
          if (l.options && l.options.fillColor === {desk_colour()!r} && l.getPopup()) {{
            l.openPopup();
          }}
        }})"""
    )  # the last news place's popup stays open for the screenshot
    page.wait_for_timeout(1000)
    page.screenshot(path=str(ARTIFACTS / "map-in-the-news.png"), full_page=True)

    page.goto(f"{url}/?date=2022-01-04&news=true")
    day4 = popups(page)
    edited = [p for p in day4 if "edited and accepted by Alice" in p]
    assert edited and "origin: reviewed" in edited[0] and "detained 35" in edited[0]
    assert any("Rally outside the Aktau akimat" in p for p in day4 if p.startswith(desk_colour()))
    page.goto(f"{url}/?date=2022-01-04")  # the layer off: no news symbols
    assert not [p for p in popups(page) if p.startswith(desk_colour())]
    assert page.outside_requests == []  # type: ignore[attr-defined]


def desk_colour() -> str:
    from dashboard.desk import NEWS_COLOUR

    return NEWS_COLOUR
