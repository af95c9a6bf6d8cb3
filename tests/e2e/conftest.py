"""Browser fixtures shared by the end-to-end tests: Debian's chromium driven by playwright,
every request that does not go to this machine refused and recorded on the page."""

from __future__ import annotations

import contextlib
import os
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from dashboard.serve import CHROMIUM, CHROMIUM_ARGS, running_app
from geo.config import Settings
from geo.gazetteer import Gazetteer

LOCAL = ("http://localhost:", "http://127.0.0.1:", "ws://localhost:", "data:", "blob:", "about:")


@contextlib.contextmanager
def _serve(
    data: Path, tmp_path_factory: pytest.TempPathFactory, extra: dict[str, str] | None = None
) -> Iterator[str]:
    """The dashboard running on ``data``, by its URL; stopped on leaving.

    The gazetteer index is built before the app starts (the first start builds it, ~10 s on a
    quiet machine), so the first page does not race the build on a busy one."""
    cache = os.environ.get("CRISISMAP_CACHE_DIR", str(tmp_path_factory.mktemp("cache")))
    Gazetteer.load(Settings(data_dir=data, cache_dir=Path(cache)))
    env = {"CRISISMAP_DATA_DIR": str(data), "CRISISMAP_CACHE_DIR": cache, **(extra or {})}
    log_path = tmp_path_factory.mktemp("log") / "streamlit.log"
    with log_path.open("w") as log:
        try:
            with running_app(env, log=log) as (url, _):
                yield url
        except RuntimeError as exc:
            pytest.fail(f"{exc}; see {log_path}")


@pytest.fixture(scope="module")
def serve_dashboard(
    tmp_path_factory: pytest.TempPathFactory,
) -> Callable[..., contextlib.AbstractContextManager[str]]:
    """``with serve_dashboard(data_dir) as url``: the app on a data folder of the test's;
    ``serve_dashboard(data_dir, {"CRISISMAP_CASE_TITLE": ...})`` adds settings."""
    return lambda data, extra=None: _serve(data, tmp_path_factory, extra)


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
