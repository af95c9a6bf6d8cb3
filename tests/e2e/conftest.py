"""Browser fixtures shared by the end-to-end tests: Debian's chromium driven by playwright,
every request that does not go to this machine refused and recorded on the page."""

from __future__ import annotations

import pytest

from dashboard.serve import CHROMIUM, CHROMIUM_ARGS

LOCAL = ("http://localhost:", "http://127.0.0.1:", "ws://localhost:", "data:", "blob:", "about:")


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
