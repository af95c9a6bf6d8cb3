"""The dashboard in a real browser: Debian chromium driven by playwright.

The app runs as a subprocess (``streamlit run``) on synthetic data, and on the payload data set
of tests/payloads.py (32 kinds of injection in every text field); every request that is not
to localhost is recorded and refused, and the test fails if there was one. Screenshots are kept
under artifacts/ (gitignored). Without /usr/bin/chromium these tests FAIL: CI installs it.
"""

from __future__ import annotations

import os
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from playwright.sync_api import expect

from dashboard.serve import CHROMIUM, CHROMIUM_ARGS, running_app
from dashboard.synthetic import write_dataset
from geo.config import PROJECT_ROOT, Settings
from geo.gazetteer import Gazetteer

ARTIFACTS = PROJECT_ROOT / "artifacts"
MAP_FRAME = 'iframe[title="streamlit_folium.st_folium"]'
LOCAL = ("http://localhost:", "http://127.0.0.1:", "ws://localhost:", "data:", "blob:", "about:")


@pytest.fixture(scope="module")
def app_url(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """A running dashboard on synthetic data, stopped after the module."""
    data = write_dataset(tmp_path_factory.mktemp("data"), n_events=300)
    env = {"CRISISMAP_DATA_DIR": str(data)}
    env["CRISISMAP_CACHE_DIR"] = os.environ.get(
        "CRISISMAP_CACHE_DIR", str(tmp_path_factory.mktemp("cache"))
    )
    # the index is built before the app starts (the first start builds it, ~10 s on a quiet
    # machine), so the first page does not race the build on a busy one
    Gazetteer.load(Settings(data_dir=data, cache_dir=Path(env["CRISISMAP_CACHE_DIR"])))
    log_path = tmp_path_factory.mktemp("log") / "streamlit.log"
    with log_path.open("w") as log:
        try:
            with running_app(env, log=log) as (url, _):
                yield url
        except RuntimeError as exc:
            pytest.fail(f"{exc}; see {log_path}")


@pytest.fixture(scope="module")
def browser():
    if not CHROMIUM.exists():
        pytest.fail(
            f"{CHROMIUM} is missing: install Debian's chromium (apt-get install -y chromium). "
            "The browser tests do not skip; CI installs it."
        )
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=str(CHROMIUM), args=list(CHROMIUM_ARGS))
        yield b
        b.close()


@pytest.fixture
def page(browser):
    context = browser.new_context(viewport={"width": 1500, "height": 1100})
    page = context.new_page()
    page.outside_requests = []  # type: ignore[attr-defined]

    def route(r):  # noqa: ANN001
        if r.request.url.startswith(LOCAL):
            r.continue_()
        else:
            page.outside_requests.append(r.request.url)  # type: ignore[attr-defined]
            r.abort()

    page.route("**/*", route)
    yield page
    context.close()


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
    assert "CSTO contingent" in second["labels"]  # troops arrive on 7 January
    page.wait_for_url("**date=2022-01-07**", timeout=10_000)
    page.wait_for_timeout(1000)
    page.screenshot(path=str(ARTIFACTS / "dashboard-2022-01-07.png"), full_page=True)
    assert page.outside_requests == []  # type: ignore[attr-defined]


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


def test_png_download_is_the_briefing_snapshot(app_url, page, tmp_path):
    from PIL import Image

    page.goto(f"{app_url}/?date=2022-01-06")
    on_map(page)
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
def payload_url(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """The dashboard on the payload data set, with a payload in the case title too."""
    from payloads import MARKDOWN_PLACE, write_payload_dataset

    data = write_payload_dataset(tmp_path_factory.mktemp("payloads"))
    env = {
        "CRISISMAP_DATA_DIR": str(data),
        "CRISISMAP_CASE_TITLE": f"Case $x$ {MARKDOWN_PLACE}",
        "CRISISMAP_CACHE_DIR": os.environ.get(
            "CRISISMAP_CACHE_DIR", str(tmp_path_factory.mktemp("cache"))
        ),
    }
    log_path = tmp_path_factory.mktemp("log") / "streamlit.log"
    with log_path.open("w") as log:
        try:
            with running_app(env, log=log) as (url, _):
                yield url
        except RuntimeError as exc:
            pytest.fail(f"{exc}; see {log_path}")


def choose(page, label: str, option: str) -> None:  # noqa: ANN001
    """Pick ``option`` in the selectbox labelled ``label`` by typing it."""
    box = page.locator('[data-testid="stSelectbox"]').filter(has_text=label)
    box.click()
    page.keyboard.type(option[:40])
    page.get_by_role("option", name=option, exact=True).click()


def test_no_payload_renders_and_no_request_leaves_localhost(payload_url, page):
    from payloads import MARKDOWN_PLACE, PAYLOADS

    page.goto(
        f"{payload_url}/?date=2022-01-09&mode=Everything+up+to+this+day&other=true"
        "&shade=Events+per+region"
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
    choose(page, "Place on the map", "Almaty")  # the payload articles mention Almaty
    expect(page.locator(".cm-article")).to_have_count(len(PAYLOADS), timeout=30_000)
    assert rendered_payloads(page) == {"pwned": False, "elements": []}

    choose(page, "Place on the map", MARKDOWN_PLACE)  # issue 18.1: the image was fetched
    page.get_by_text(f"No article mentions {MARKDOWN_PLACE}.", exact=True).wait_for()
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
