"""The dashboard in a real browser: Debian chromium driven by playwright.

The app runs as a subprocess (``streamlit run``) on synthetic data; every request that is not
to localhost is recorded and refused, and the test fails if there was one. Screenshots are kept
under artifacts/ (gitignored). Without /usr/bin/chromium these tests FAIL: CI installs it.
"""

from __future__ import annotations

import os
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

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
    frame.locator(".leaflet-container").wait_for(timeout=30_000)
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
