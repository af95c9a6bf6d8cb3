"""Dashboard benchmark: a slider step as a user meets it, in a real browser. Prints only.

    python bench/bench_dashboard.py [--sizes 1000 10000 100000] [--steps 10] [--quick]

For 1,000, 10,000 and 100,000 synthetic events (dashboard/synthetic.py) the dashboard runs as
``streamlit run dashboard/app.py`` on a free port, Debian's chromium (driven by Playwright) opens
it, and the map's next-day button is clicked ``--steps`` times in each mode (this day only, the
last 3 days, everything up to the day). Each step measures, in the browser's own clock:

- map: the click until the map shows the new day layer (at once when the map already has it:
  each step has the map fetch the next day's layer, with its feed and figures, when the page
  is idle, dashboard.leaflet.DaySteps);
- settled: the click until the page has followed: the rerun the click started has run and
  finished in the page (its "script finished" message has arrived, FINISHED_HOOK, and the
  page's script state is "not running"; the URL and the first elements change before the run
  ends, elements not yet redrawn are not always marked stale, and a run of a few milliseconds
  may never show "running"), no "running" widget, no stale element, and the map updated;
- sent: the bytes of every websocket message the browser received in that step, and of the
  day layer files the map fetched meanwhile (the next day, fetched ahead over HTTP);
- server CPU: the streamlit server's CPU time over the step (steadier than the wall clock
  when the machine is shared), the work it does ahead for the next step included (the layer,
  feed and counts of the day after next, built in a background thread once the rerun is
  done: dashboard.ahead);
- browser CPU: the page's main-thread task time over the step (Chrome's Performance
  metrics, thread time: scripts, React, style, layout and the map's day layer), where the
  rest of a step goes.

Also printed: the server's peak resident memory (VmHWM) after all steps at each size.
Targets (issue 17): step <= 150 ms at 10k; <= 1 s and <= 2 MB per step at 100k in every mode;
server <= 1 GB at 100k. Wall-clock figures are noisy on a shared machine: the median and max
of the steps are printed, never one run alone.
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from dashboard.serve import CHROMIUM, CHROMIUM_ARGS, running_app  # noqa: E402
from dashboard.synthetic import write_dataset  # noqa: E402

MAP_FRAME = 'iframe[title="streamlit_folium.st_folium"]'
START_DAY = "2022-01-08"  # ten steps end on 18 January, near the end of the 20 synthetic days
MODES = (
    ("day", "This day only", "day only"),
    ("window", "Last N days", "last 3 days"),
    ("cumulative", "Everything up to this day", "up to the day"),
)
TARGETS = {  # n events -> (settled seconds, MB sent per step), issue 17
    10_000: (0.150, None),
    100_000: (1.0, 2.0),
}
MEMORY_TARGET_MB = 1024

# In the map iframe: the click on its next-day button, and the first frame after it in which
# the map shows another day layer (dashboard.leaflet.DaySteps). In the main page: the first
# moment after that when the page is idle (no "running" widget, no stale element) and the URL
# holds the new day (written at the end of the page's rerun). Times are epoch milliseconds
# (timeOrigin + now), so the two frames' clocks agree.
WATCH_MAP = """() => {
  const now = () => performance.timeOrigin + performance.now();
  const before = window.cmDays.shown();
  window.__bench_map = {click: null, map: null};
  document.addEventListener('click', () => {
    if (window.__bench_map.click === null) window.__bench_map.click = now();
  }, {capture: true, once: true});
  const tick = () => {
    if (window.cmDays.shown() !== before) { window.__bench_map.map = now(); return; }
    requestAnimationFrame(tick);
  };
  requestAnimationFrame(tick);
}"""
# Installed before the page loads: the time of every "script finished" message, the end of a
# run: a ForwardMsg (protobuf) with a top-level field 6, script_finished (a varint).
FINISHED_HOOK = """(() => {
  if (window !== window.top) return;
  window.__finished = [];
  const fields = (b) => {  // the top-level field numbers of a protobuf message
    const out = [];
    let i = 0;
    const varint = () => {
      let v = 0, m = 1, c;
      do { c = b[i++]; v += (c & 127) * m; m *= 128; } while (c & 128 && i < b.length);
      return v;
    };
    while (i < b.length) {
      const key = varint(), type = key & 7;
      out.push(Math.floor(key / 8));
      if (type === 0) varint(); else if (type === 2) { const n = varint(); i += n; }
      else if (type === 1) i += 8; else if (type === 5) i += 4; else break;
    }
    return out;
  };
  const seen = (e) => {
    const d = e.data;
    if (d instanceof ArrayBuffer && d.byteLength < 256 && fields(new Uint8Array(d)).includes(6)) {
      window.__finished.push(performance.timeOrigin + performance.now());
    }
  };
  const add = WebSocket.prototype.addEventListener;
  WebSocket.prototype.addEventListener = function (type, f, o) {
    if (type === 'message') { add.call(this, 'message', seen); }
    return add.call(this, type, f, o);
  };
  const on = Object.getOwnPropertyDescriptor(WebSocket.prototype, 'onmessage');
  Object.defineProperty(WebSocket.prototype, 'onmessage', {
    set(f) { add.call(this, 'message', seen); on.set.call(this, f); },
    get() { return on.get.call(this); },
  });
})();"""
WATCH_PAGE = """(day) => {
  const now = () => performance.timeOrigin + performance.now();
  window.__bench = {settled: null};
  // Settled: the rerun the click started has run and finished in the page: its "script
  // finished" message has arrived (FINISHED_HOOK), and then the page says it is not running
  // and holds no stale element. (The script state alone misses a run short enough that the
  // page never shows it running; the URL and the first elements change before it ends.)
  const start = now();
  const app = document.querySelector('[data-testid="stApp"]');
  const busy = () => !window.__finished.some((t) => t > start)
    || app.getAttribute('data-test-script-state') !== 'notRunning'
    || document.querySelector('[data-testid^="stStatusWidgetRunning"]')
    || document.querySelector('[data-stale="true"]');
  const frame = document.querySelector('iframe[title="streamlit_folium.st_folium"]');
  const tick = () => {
    const m = frame.contentWindow.__bench_map;
    if (m && m.map !== null && location.search.includes('date=' + day) && !busy()) {
      window.__bench.settled = now(); return;
    }
    requestAnimationFrame(tick);
  };
  requestAnimationFrame(tick);
}"""


def _peak_rss_mb(pid: int) -> float:
    """Peak resident memory (VmHWM) of a process, in MB (Linux /proc)."""
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmHWM:"):
            return int(line.split()[1]) / 1024
    return float("nan")


def _cpu_seconds(pid: int) -> float:
    """User + system CPU time of a process so far (Linux /proc): less noisy than wall clock
    on a loaded machine."""
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def _idle(page, timeout_ms: float) -> None:  # noqa: ANN001
    page.wait_for_function(
        """() => !document.querySelector('[data-stale="true"]')
          && !document.querySelector('[data-testid^="stStatusWidgetRunning"]')""",
        timeout=timeout_ms,
    )


def _quiet(page, frames: list[tuple[float, int]], ms: float = 400) -> None:  # noqa: ANN001
    """Wait until no websocket message has arrived for ``ms`` (so a step's tail is counted)."""
    page.wait_for_timeout(ms)
    while frames and time.monotonic() - frames[-1][0] < ms / 1000:
        page.wait_for_timeout(ms)


def steps_in_mode(
    page,  # noqa: ANN001
    url: str,
    mode_label: str,
    steps: int,
    timeout_ms: float,
    server_pid: int,
) -> list[dict]:
    """Open the view at START_DAY in a mode, click the next-day button ``steps`` times."""
    frames: list[tuple[float, int]] = []

    def on_ws(ws) -> None:  # noqa: ANN001
        ws.on("framereceived", lambda payload: frames.append((time.monotonic(), len(payload))))

    files: list[tuple[float, int]] = []  # day layers the map fetched ahead (when idle)

    def on_response(response) -> None:  # noqa: ANN001
        if "/static/days/" in response.url:  # its size on disk (more than sent if gzipped)
            name = response.url.rsplit("/", 1)[1].split("?")[0]
            path = ROOT / "dashboard" / "static" / "days" / name
            files.append((time.monotonic(), path.stat().st_size if path.exists() else 0))

    page.on("websocket", on_ws)
    page.on("response", on_response)
    page.goto(f"{url}/?date={START_DAY}&mode={mode_label.replace(' ', '+')}", timeout=timeout_ms)
    iframe = page.frame_locator(MAP_FRAME)
    iframe.locator(".leaflet-container").wait_for(timeout=timeout_ms)
    map_frame = page.frame_locator(MAP_FRAME).locator("body")
    map_frame.evaluate("() => window.cmDays.shown()", timeout=timeout_ms)
    _idle(page, timeout_ms)
    _quiet(page, frames)
    button = iframe.locator(".cm-step-forward")
    cdp = page.context.new_cdp_session(page)
    cdp.send("Performance.enable", {"timeDomain": "threadTicks"})

    def browser_cpu() -> float:
        metrics = cdp.send("Performance.getMetrics")["metrics"]
        return next(m["value"] for m in metrics if m["name"] == "TaskDuration")

    out = []
    clicks: list[float] = []
    day = dt.date.fromisoformat(START_DAY)
    for _ in range(steps):
        day += dt.timedelta(days=1)
        map_frame.evaluate(WATCH_MAP)
        page.evaluate(WATCH_PAGE, day.isoformat())
        frames.clear()
        cpu, page_cpu = _cpu_seconds(server_pid), browser_cpu()
        clicks.append(time.monotonic())
        button.click()
        page.wait_for_function("() => window.__bench.settled !== null", timeout=timeout_ms)
        settled = page.evaluate("() => window.__bench.settled")
        times = map_frame.evaluate("() => window.__bench_map")
        _quiet(page, frames)
        out.append(
            {
                "map": (times["map"] - times["click"]) / 1000,
                "settled": (settled - times["click"]) / 1000,
                "sent": sum(n for _, n in frames),
                "cpu": _cpu_seconds(server_pid) - cpu,
                "browser": browser_cpu() - page_cpu,
            }
        )
    page.wait_for_timeout(1000)  # the last step's file, fetched when the page is idle
    # a step's bytes include the file its map fetched before the next click
    for when, size in files:
        for i in range(len(clicks) - 1, -1, -1):
            if when >= clicks[i]:
                out[i]["sent"] += size
                break
    page.remove_listener("websocket", on_ws)
    page.remove_listener("response", on_response)
    cdp.detach()
    return out


def _line(label: str, rows: list[dict], target: tuple[float | None, float | None]) -> str:
    med = statistics.median
    settled_t, sent_t = target
    ms = 1000
    text = (
        f"  {label:<14} map {med(r['map'] for r in rows) * ms:6.0f} ms"
        f" (max {max(r['map'] for r in rows) * ms:6.0f})"
        f"   settled {med(r['settled'] for r in rows) * ms:6.0f} ms"
        f" (max {max(r['settled'] for r in rows) * ms:6.0f})"
        f"   server CPU {med(r['cpu'] for r in rows) * ms:5.0f} ms"
        f"   browser CPU {med(r['browser'] for r in rows) * ms:5.0f} ms"
        f"   sent {med(r['sent'] for r in rows) / 1e6:6.2f} MB"
        f" (max {max(r['sent'] for r in rows) / 1e6:6.2f})"
    )
    if settled_t is not None:
        text += f"   target <= {settled_t * ms:.0f} ms"
    if sent_t is not None:
        text += f", <= {sent_t:g} MB"
    return text


def bench_size(n: int, tmp: Path, cache_dir: str, steps: int) -> None:
    from playwright.sync_api import sync_playwright

    from geo.config import Settings
    from geo.gazetteer import Gazetteer

    folder = write_dataset(tmp / f"n{n}", n_events=n)
    env = {
        "CRISISMAP_DATA_DIR": str(folder),
        "CRISISMAP_CACHE_DIR": cache_dir,
        "CRISISMAP_DATABASE_URL": f"sqlite:///{tmp / f'store{n}.sqlite'}",
    }
    Gazetteer.load(Settings(data_dir=folder, cache_dir=Path(cache_dir)))  # index built once
    timeout_ms = 600_000
    t0 = time.perf_counter()
    with (
        (tmp / f"streamlit{n}.log").open("w") as log,
        running_app(env, log=log, timeout=600) as (url, proc),
        sync_playwright() as p,
    ):
        browser = p.chromium.launch(executable_path=str(CHROMIUM), args=list(CHROMIUM_ARGS))
        page = browser.new_page(viewport={"width": 1400, "height": 1000})
        page.add_init_script(FINISHED_HOOK)
        print(f"\n{n:>7,} events, {steps} steps from {START_DAY} per mode")
        for i, (_mode, label, short) in enumerate(MODES):
            rows = steps_in_mode(page, url, label, steps, timeout_ms, proc.pid)
            if i == 0:
                print(f"  (first view and {steps} steps in {time.perf_counter() - t0:.0f} s)")
            print(_line(short, rows, TARGETS.get(n, (None, None))), flush=True)
        browser.close()
        rss = _peak_rss_mb(proc.pid)
        target = f"   target <= {MEMORY_TARGET_MB} MB" if n >= 100_000 else ""
        print(f"  server peak RSS {rss:6.0f} MB{target}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[1000, 10000, 100000])
    parser.add_argument("--steps", type=int, default=10, help="next-day clicks per mode")
    parser.add_argument("--quick", action="store_true", help="1k and 10k events, 4 steps a mode")
    args = parser.parse_args()
    if args.quick:
        args.sizes, args.steps = [1000, 10000], 4
    if not CHROMIUM.exists():
        sys.exit(f"{CHROMIUM} is missing: the dashboard bench times a real browser")
    cache_dir = os.environ.get("CRISISMAP_CACHE_DIR") or tempfile.mkdtemp(prefix="crisismap-cache-")
    print("Slider step in chromium: click on the next-day button -> map changed / page settled,")
    print(
        "bytes of every websocket message and day layer file received in the step "
        "(median, max over the steps)"
    )
    with tempfile.TemporaryDirectory() as tmp:
        for n in args.sizes:
            bench_size(n, Path(tmp), cache_dir, args.steps)


if __name__ == "__main__":
    main()
