"""The map page of the dashboard (``app.py`` runs it): a time-slider map of Kazakhstan,
January 2022, fully offline, with the records reviewers accepted and the "In the news" layer.

The day, mode, layers and filters live in the URL (widgets bound to query parameters), so a
copied link opens the same view.
"""

from __future__ import annotations

import ctypes
import ctypes.util
import dataclasses
import datetime as dt
import functools
import gc
import hashlib
import sys
import tempfile
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:  # `streamlit run dashboard/app.py` puts only dashboard/ on the path
    sys.path.insert(0, str(ROOT))

import altair as alt  # noqa: E402
import geopandas as gpd  # noqa: E402
import pandas as pd  # noqa: E402
import streamlit as st  # noqa: E402
from streamlit.delta_generator import DeltaGenerator  # noqa: E402

from dashboard import _stfolium, ahead, assets, desk, feed  # noqa: E402
from dashboard import map as cmap  # noqa: E402
from dashboard.resources import fill_store_apart, get_store  # noqa: E402
from geo import export  # noqa: E402
from geo.cli import load_data  # noqa: E402
from geo.config import Settings  # noqa: E402
from geo.desk import RecordReview, news_places, record_reviews  # noqa: E402
from geo.errors import GeoError  # noqa: E402
from geo.events import Dataset, load_dataset  # noqa: E402
from geo.layers import (  # noqa: E402
    Filters,
    busiest_day,
    data_extent,
    day_feed,
    events_per_day,
    figures_as_of,
    in_extent,
    national_figures,
)
from geo.schema import CERTAINTIES, EVENT_LAYERS  # noqa: E402
from geo.symbology import LAYER_STYLES  # noqa: E402

SPEEDS = {"slow": 2.0, "normal": 1.0, "fast": 0.5}  # seconds per day while playing

# --- cached loaders (inputs from arguments only) ----------------------------------------------


def data_signature(folder: Path) -> tuple[tuple[str, int, int], ...]:
    """(name, size, mtime) of every file in the data folder: the cache key of loaded data."""
    if not folder.is_dir():
        return ()
    files = sorted(p for p in folder.rglob("*") if p.is_file())
    return tuple(
        (str(p.relative_to(folder)), p.stat().st_size, p.stat().st_mtime_ns) for p in files
    )


@st.cache_resource(show_spinner=False)
def vendor_assets() -> int:
    """Copy Leaflet from the XStatic packages into dashboard/static/vendor (once a process)."""
    return len(assets.install_vendor_assets())


@st.cache_resource(show_spinner="Loading the gazetteer (the first run builds its index)…")
def get_gazetteer(settings: Settings, signature: tuple) -> object:
    from geo.gazetteer import Gazetteer

    return Gazetteer.load(settings)


# The data set is cache_resource, not cache_data (an exception to STYLE.md): it is immutable
# once loaded and shared read-only by every session; cache_data would
# unpickle a fresh copy on every slider step (0.2 s at 100k events) and drop the per-layer
# frames geo.layers memoizes on the Dataset.
@st.cache_resource(show_spinner="Loading the data…", max_entries=4)
def get_dataset(settings: Settings, signature: tuple, revision: str) -> Dataset:
    """The data set from the store, and any ACLED files (``revision`` changes with every
    import or decision)."""
    gazetteer = get_gazetteer(settings, signature)
    ds = load_data(settings, gazetteer, store=get_store(settings))
    ds = desk.with_review_origin(ds, get_reviews(settings, revision))
    release_freed_memory()
    return ds


def release_freed_memory() -> None:
    """Give the memory freed while loading back to the system. Reading 100k records leaves
    ~100 MB of freed heap that glibc's malloc and Arrow's pool keep for later, and the
    server holds on to it for as long as it runs (issue 17: under 1 GB at 100k events)."""
    import pyarrow as pa

    gc.collect()
    pa.default_memory_pool().release_unused()
    libc = ctypes.util.find_library("c")
    trim = getattr(ctypes.CDLL(libc), "malloc_trim", None) if libc else None
    if trim is not None:  # glibc only
        trim(0)


@st.cache_resource(show_spinner=False, max_entries=1)
def store_filled(settings: Settings, signature: tuple) -> bool:
    """The store filled from the data folder (``signature``: the folder as it is now) before
    its revision is read: filled after, the first run's data set was keyed by the revision of
    the empty store, so the first step after opening loaded it again and remounted the map."""
    fill_store_apart(settings, get_store(settings))
    return True


@st.cache_data(show_spinner=False, max_entries=4)
def get_reviews(settings: Settings, revision: str) -> dict[str, RecordReview]:
    """What reviewers decided about each record (``revision`` changes with every decision)."""
    return record_reviews(get_store(settings))


def day_news(ctx: PageContext, parts: StepParts, day: dt.date, window: int | None) -> list:
    """The places the articles of the day or window mention; none without a store (the
    banner above says why). Kept in a memo, worked out ahead for the next step."""
    if parts.store is None:
        return []
    return ahead.NEWS.get(_news_key(ctx, day, window), _news_work(parts, day, window))


def _news_key(ctx: PageContext, day: dt.date, window: int | None) -> tuple:
    return ("news", ctx.dataset_key, day, window)  # the key's revision: new articles


def _news_work(parts: StepParts, day: dt.date, window: int | None) -> Callable[[], list]:
    return functools.partial(news_places, parts.store, day, window=window)


@st.cache_resource(show_spinner=False)
def get_town_labels(settings: Settings, signature: tuple) -> list:
    """The offline map's town names (from the gazetteer), once a process; none without it
    (the data's error banner says why)."""
    try:
        return cmap.town_labels(get_gazetteer(settings, signature), settings.area_of_interest)
    except GeoError:
        return []


def gazetteer_or_none(settings: Settings, signature: tuple) -> object | None:
    """The gazetteer, or None when it cannot load (the data's error banner says why): it
    names the places and regions the records point at."""
    try:
        return get_gazetteer(settings, signature)
    except GeoError:
        return None


@st.cache_data(show_spinner=False, max_entries=4)
def get_boundaries(settings: Settings, signature: tuple):  # -> GeoDataFrame
    from geo.gazetteer import admin1_boundaries

    return cmap.simplified_boundaries(admin1_boundaries(settings))


@st.cache_data(show_spinner=False, max_entries=16)
def snapshot_png(
    settings: Settings,
    signature: tuple,
    revision: str,
    day: dt.date,
    layers: tuple[str, ...],
    window: int | None,
    filters: Filters,
    extent: tuple[float, float, float, float] | None = None,
) -> bytes:
    """The current view as the briefing PNG `python -m geo snapshot` draws (16:9, 1600x900);
    ``extent`` (lon0, lat0, lon1, lat1): the area the map is zoomed to, with its towns."""
    from geo.gazetteer import admin1_boundaries
    from geo.snapshot import major_cities, render_snapshot, with_towns_near

    gazetteer = get_gazetteer(settings, signature)
    cities = list(major_cities(gazetteer, settings.area_of_interest))
    if extent is not None:
        cities = with_towns_near(cities, gazetteer, extent, settings.area_of_interest)
    return render_snapshot(
        get_dataset(settings, signature, revision),
        admin1_boundaries(settings),
        day=day,
        layers=layers,
        window=window,
        filters=filters,
        cities=cities,
        case=settings.case_title,
        extent=extent,
    )


@st.cache_resource(show_spinner=False)
def empty_dataset() -> Dataset:
    """An empty data set (every file missing), so the page still works when loading failed."""
    with tempfile.TemporaryDirectory() as folder:
        return load_dataset(Settings(data_dir=Path(folder)), None)


@st.cache_data(show_spinner="Finding places in the articles…", max_entries=4)
def article_spans(
    settings: Settings, signature: tuple, revision: str, _ds: Dataset
) -> dict[str, list[cmap.Span]]:
    """Article id -> the place mentions the geoparser finds in its body."""
    from geo.geoparse import Geoparser

    parser = Geoparser(get_gazetteer(settings, signature), settings)
    return {
        article.id: [
            cmap.Span(m.start, m.end, m.place.id if m.place else "", m.name or m.text)
            for m in parser.parse(article.body)
        ]
        for article in _ds.articles
    }


def day_frames(
    ctx: PageContext, parts: StepParts, day: pd.Timestamp, window: int | None
) -> dict[str, gpd.GeoDataFrame]:
    """Every point layer's features for a day (with each record's review history), shared
    read-only by the sessions: a rerun on the same day (a layer switched, a table page turned)
    does not query again, and a day worked out ahead (``work_ahead``) is not worked out twice.
    No copies: nothing changes them."""
    work = _frames_work(ctx, day, window, parts.reviews)
    return ahead.FRAMES.get(_frames_key(ctx, day, window), work)


def _frames_key(ctx: PageContext, day: pd.Timestamp, window: int | None) -> tuple:
    return ("frames", ctx.dataset_key, day, window, ctx.filters)


def _frames_work(
    ctx: PageContext,
    day: pd.Timestamp,
    window: int | None,
    reviews: dict[str, RecordReview],
) -> Callable[[], dict[str, gpd.GeoDataFrame]]:
    """``day_frames``' work as a plain function (it may run in the background thread)."""
    ds, filters = ctx.ds, ctx.filters

    def work() -> dict[str, gpd.GeoDataFrame]:
        view = cmap.MapView(day, window, cmap.POINT_LAYERS, filters)
        return desk.with_history(cmap.visible_features(ds, view), reviews)

    return work


# --- page ------------------------------------------------------------------------------------
#
# A full run (arrival, or any sidebar change) loads the data and draws the sidebar and title,
# then calls day_view, a fragment: Play and its speed, and the layer switches. It calls
# day_step, a fragment inside it: the slider, the day's counts under the switches, the map and
# the day panel beside it (feed and national figures), the timeline, the table, the downloads
# and the articles. Moving the day reruns day_step only (issue 17: the whole script reran on
# every step, and then the switches were drawn again on every step); a switch reruns both.
# What the next step needs is built ahead when a run is done (work_ahead). The fragments get
# what the full run decided as one frozen PageContext; the day itself lives in
# st.session_state["date"] and is written to the URL by day_step.


@dataclass(frozen=True)
class PageContext:
    """What a full run hands to the day_view fragment (kept by Streamlit for its reruns)."""

    settings: Settings
    signature: tuple
    revision: str
    ds: Dataset
    boundaries: gpd.GeoDataFrame | None
    static_base: str  # where the vendored Leaflet is served (the map's JS and CSS links)
    first: dt.date
    last: dt.date
    mode: str
    days: int
    shading: str
    filters: Filters
    online_tiles: bool
    playing: bool
    speed: str

    @property
    def dataset_key(self) -> tuple:
        """What names ``ds`` in the caches' keys (signature, revision, identity): the cached
        functions take the data set itself unhashed (``_ds``) and this beside it."""
        return (self.signature, self.revision, id(self.ds))


@dataclass(frozen=True)
class StepParts:
    """What day_view works out for the steps after it: day_step's reruns get these same
    objects, so a step does no cache lookup for them (Streamlit's caches hash their
    arguments, and cache_data copies what it returns: about a tenth of a step's server time,
    issue 17)."""

    base: _stfolium.RenderedMap  # the base map
    bars: dict | None  # the timeline's bars (timeline_bars)
    reviews: dict[str, RecordReview]  # what reviewers decided (get_reviews)
    store: object | None  # the store (None: it did not open, the banner says why)


def step_parts(ctx: PageContext) -> StepParts:
    """The base map, the timeline's bars, the reviews and the store, for the steps."""
    # A link's zoom and centre open the map there (kept for the session, so the base map
    # stays the same); afterwards the map reports where the analyst took it, and the URL
    # follows (z, lat, lon).
    if "map_from_url" not in st.session_state:
        st.session_state["map_from_url"] = cmap.map_view_from_url(st.query_params)
    base = rendered_base_map(
        ctx.settings,
        ctx.dataset_key,
        ctx.online_tiles,
        ctx.static_base,
        st.session_state["map_from_url"],
        ctx.ds,
        ctx.boundaries,
    )
    bars = timeline_bars(ctx.settings, ctx.dataset_key, ctx.filters, ctx.ds)
    if not ctx.revision:  # the store did not open
        return StepParts(base, bars, {}, None)
    return StepParts(base, bars, get_reviews(ctx.settings, ctx.revision), get_store(ctx.settings))


def load_page() -> tuple[Settings, tuple, str, Dataset, gpd.GeoDataFrame | None]:
    """Settings, data signature, store revision, data set and boundaries; errors as banners."""
    try:
        settings = Settings.from_env()
    except GeoError as exc:
        st.error(f"Configuration error: {cmap.md_text(exc)}")
        st.stop()
    signature = data_signature(Path(settings.data_dir))
    ds: Dataset = empty_dataset()
    revision = ""
    try:
        store_filled(settings, signature)
        revision = get_store(settings).revision()
        ds = get_dataset(settings, signature, revision)
    except GeoError as exc:
        st.error(
            "The data could not be loaded, so the map shows no records.\n\n"
            f"**{cmap.md_text(exc)}**",
            icon="⚠️",
        )
    boundaries = None
    try:
        boundaries = get_boundaries(settings, signature)
    except GeoError as exc:
        st.error(f"The admin-1 boundaries could not be loaded: {cmap.md_text(exc)}", icon="⚠️")
    if boundaries is None or not len(boundaries):
        st.info(
            "This data set has no admin-1 boundaries: the map shows points only and fits the "
            "data. Bring boundaries with `python -m geo boundaries FILE` (GeoJSON, GeoPackage "
            "or shapefile).",
            icon="ℹ️",
        )
    return settings, signature, revision, ds, boundaries


# Choices shown by a label (mode, shading, regions) are kept in the URL by their stable value
# ("mode=cumulative", "admin1=KZ-ALA"), by hand: bind="query-params" writes the label.


def url_choice(key: str, labels: dict[str, str], *, many: bool = False) -> None:
    """Seed a widget from the URL on arrival (stable value, or the label of older links)."""
    if key in st.session_state or key not in st.query_params:
        return
    picked = cmap.choices_from_url(st.query_params.get_all(key), labels, labels)
    if many:
        st.session_state[key] = picked
    elif picked:
        st.session_state[key] = picked[0]


def url_keep(key: str, value: str | list[str], *, default: str | list[str]) -> None:
    """Write a widget's stable value to the URL (left out while it is the default)."""
    if value == default:
        st.query_params.pop(key, None)
    else:
        st.query_params[key] = value


def sidebar(
    settings: Settings, signature: tuple, ds: Dataset, boundaries: gpd.GeoDataFrame | None
) -> tuple[str, int, str, Filters, bool]:
    """The sidebar (mode, shading, filters, base map): (mode, days, shading, filters, tiles)."""
    with st.sidebar:
        st.header("View")
        url_choice("mode", cmap.MODES)
        mode = st.radio("Show events", list(cmap.MODES), format_func=cmap.MODES.get, key="mode")
        url_keep("mode", mode, default=next(iter(cmap.MODES)))
        days = 3
        if mode == "window":
            days = st.number_input(
                "N days", min_value=2, max_value=60, value=3, key="days", bind="query-params"
            )
        url_choice("shade", cmap.SHADINGS)
        shading = st.radio(
            "Shade regions by", list(cmap.SHADINGS), format_func=cmap.SHADINGS.get, key="shade"
        )
        url_keep("shade", shading, default=next(iter(cmap.SHADINGS)))
        st.header("Filters")
        gazetteer = gazetteer_or_none(settings, signature)
        admin_names: dict[str, str] = {}
        if boundaries is not None:
            admin_names.update(zip(boundaries["iso3166_2"], boundaries["name"], strict=True))
        for frame in (ds.events, ds.states):
            for code in frame["admin1"].dropna().unique():
                if code and str(code) not in admin_names:  # a region the boundaries lack
                    unit = gazetteer.get(f"admin1:{code}") if gazetteer else None
                    admin_names[str(code)] = unit.name if unit else str(code)
        admin_labels = {
            c: name if name == c else f"{name} ({c})" for c, name in admin_names.items()
        }
        url_choice("admin1", admin_labels, many=True)
        admin1 = st.multiselect(
            "Region (admin-1)",
            sorted(admin_names, key=lambda c: admin_names[c]),
            format_func=admin_labels.get,
            key="admin1",
        )
        url_keep("admin1", admin1, default=[])
        event_types = sorted(t for t in ds.events["event_type"].dropna().unique() if t)
        types = st.multiselect("Event type", event_types, key="types", bind="query-params")
        actor = st.text_input("Actor contains", key="actor", bind="query-params")
        certainty = st.multiselect(
            "Certainty", list(CERTAINTIES), key="certainty", bind="query-params"
        )
        origins: list[str] = []
        known_origins = cmap.origins_of(ds)
        if len(known_origins) > 1:  # imported ACLED files (setting acled_files) beside ours
            origins = st.multiselect(
                "Data set",
                known_origins,
                key="origin",
                bind="query-params",
                help="Our own records, imported ACLED events, or both (empty = all).",
            )
        st.header("Base map")
        online_tiles = st.toggle(
            "OpenStreetMap tiles (needs internet)",
            value=settings.online_tiles,
            key="tiles",
            help="Off: the map is drawn from the bundled admin-1 boundaries and makes no request "
            "outside this server.",
        )
        st.caption(
            f"Data: {cmap.md_text(settings.data_dir)} · {len(ds.events):,} events · "
            f"{len(ds.states):,} states"
        )
        if ds.unplaced:
            with st.expander(f"{len(ds.unplaced)} records not on the map"):
                for u in ds.unplaced:
                    st.text(f"{u.file}, line {u.line} ({u.record_id}): {u.reason}")
    filters = Filters(
        admin1=tuple(admin1),
        event_types=tuple(types),
        actor=actor.strip(),
        certainty=tuple(certainty),
        origins=tuple(origins),
    )
    return mode, int(days), shading, filters, online_tiles


def _go_to(day: dt.date, first: dt.date, last: dt.date) -> None:
    """Move the slider to a day from code (step buttons, playback)."""
    st.session_state["date"] = min(max(day, first), last)


def _moved() -> None:
    st.session_state["_user_step"] = True
    st.session_state["_stepped_back"] = False


def url_set(key: str, value: str) -> None:
    """Write a URL parameter only when it changes: each write is a message to the browser."""
    if st.query_params.get(key) != value:
        st.query_params[key] = value


def day_slider(ctx: PageContext) -> dt.date:
    """The day slider (the step buttons are on the map: they show the next day before the
    page follows); the day is written to the URL."""
    day_value = st.slider(
        "Day",
        min_value=ctx.first,
        max_value=ctx.last,
        step=dt.timedelta(days=1),
        format="ddd D MMM YYYY",
        key="date",
        on_change=_moved,
        help="Or step a day at a time with ◀ ▶ on the map.",
    )
    # Kept by hand, not with bind="query-params": Streamlit writes a date slider moved from
    # code (step buttons, playback) into the URL as microseconds since 1970.
    url_set("date", day_value.isoformat())
    return day_value


def play_controls(ctx: PageContext, play_col: DeltaGenerator, speed_col: DeltaGenerator) -> None:
    """Play and its speed."""
    playing = play_col.toggle("Play", key="playing", help="Advance one day at a time")
    speed = speed_col.selectbox(
        "Speed",
        list(SPEEDS),
        index=1,
        key="speed",
        label_visibility="collapsed",
        format_func=lambda s: f"{SPEEDS[s]:g} s/day",
    )
    if (playing, speed) != (ctx.playing, ctx.speed):
        st.rerun()  # the fragment's timer (run_every) is set by a full run


def layer_switches() -> tuple[list[str], bool, DeltaGenerator]:
    """The layer switches and "In the news": (layers on, news on, the row, where day_step
    writes the day's counts under the switches)."""
    row = st.container(key="layer_row")
    layer_cols = row.columns(len(cmap.POINT_LAYERS) + 1)
    layers = []
    for col, layer in zip(layer_cols, cmap.POINT_LAYERS, strict=False):
        on = col.toggle(
            LAYER_STYLES[layer].label,
            value=layer in cmap.DEFAULT_LAYERS,
            key=layer,
            bind="query-params",
            help=LAYER_STYLES[layer].description,
        )
        if on:
            layers.append(layer)
    news_on = layer_cols[-1].toggle(
        desk.NEWS_LABEL,
        value=False,
        key=desk.NEWS_LAYER,
        bind="query-params",
        help=desk.NEWS_HELP,
    )
    return layers, news_on, row


def layer_counts(
    ctx: PageContext,
    parts: StepParts,
    view: cmap.MapView,
    all_frames: dict[str, gpd.GeoDataFrame],
    row: DeltaGenerator,
) -> list:
    """The day's counts under the layer switches (in ``row``); returns the day's news."""
    counts = ahead.COUNTS.get(
        _frames_key(ctx, view.day, view.window), lambda: cmap.counts_by_layer(all_frames)
    )
    # The counts under the switches are one row of HTML, not a caption per switch: each
    # element is drawn again on every step (issue 17). The row has one fixed height (PAGE_CSS),
    # so a longer count on some day does not push the map down (issue 15: the map jumped 23 px
    # on 9-14 January).
    cells = []
    for layer in cmap.POINT_LAYERS:
        c = counts[layer]
        extra = ""
        size_by = LAYER_STYLES[layer].size_by
        if size_by and c.get(size_by):
            extra = f" · {c[size_by]:,} {'deaths' if size_by == 'fatalities' else size_by}"
        cells.append(f"<b>{c['features']:,}</b> on the map{extra}")
    news = day_news(ctx, parts, view.day.date(), view.window)
    cells.append(desk.news_caption(news))
    row.html('<div class="cm-counts">' + "".join(f"<div>{cell}</div>" for cell in cells) + "</div>")
    return news


def map_and_day_panel(
    ctx: PageContext,
    parts: StepParts,
    view: cmap.MapView,
    frames: dict[str, gpd.GeoDataFrame],
    news: list | None,
) -> None:
    """The map (the base map stays, the day's layer is swapped in) and the day panel beside
    it (the feed and the national figures, which the map fills: ``day_panel``)."""
    map_col, side_col = st.columns([3, 1.2])
    with map_col:
        base = parts.base
        day_script, aggregated, shaded = day_steps(ctx, parts, view, frames, news, base.script_hash)
        seen = _stfolium.show(
            base,
            day_script,
            key=MAP_KEY,
            height=620,
            returned_objects=MAP_REPORTS,
        )
        keep_map_view(seen)
        notes = [f"{cmap.MODES[ctx.mode]}" + (f" (N = {ctx.days})" if ctx.mode == "window" else "")]
        notes += ahead.NATIONAL.get(_national_key(ctx, view), _national_work(ctx, view))
        grids = [LAYER_STYLES[lay].label for lay, agg in aggregated.items() if agg]
        if grids:
            notes.append("aggregated into grid cells: " + ", ".join(grids))
        if view.shading == "events" and shaded:
            notes.append(f"{shaded} regions shaded by events")
        st.caption(" · ".join(notes))
    with side_col:
        # the day panel: the feed and the national figures, filled by the map (day_panel)
        st.iframe(feed.PANEL_PAGE, height=feed.PANEL_HEIGHT_PX)


def _national_key(ctx: PageContext, view: cmap.MapView) -> tuple:
    return ("national", ctx.dataset_key, view.layers, view.day, view.filters)


def _national_work(ctx: PageContext, view: cmap.MapView) -> Callable[[], list[str]]:
    """The national totals (the whole force) to show beside the mapped parts, one note per
    layer that has them, as a plain function (it may run in the background thread)."""
    ds, layers, day, filters = ctx.ds, view.layers, view.day, view.filters

    def work() -> list[str]:
        notes = []
        for layer in layers:
            total = cmap.national_total_text(ds, layer, day, filters)
            if total:
                notes.append(f"{LAYER_STYLES[layer].label}: {total.removeprefix(' · ')}")
        return notes

    return work


def figures_html(ds: Dataset, as_of: dt.date | None) -> str:
    """The national figures as reported by ``as_of`` (``figures_as_of``)."""
    if as_of is None:  # nothing reported yet
        return cmap.figure_html(ds.figures.iloc[:0])
    return cmap.figure_html(national_figures(ds, as_of))


def day_layer_script(
    ctx: PageContext,
    parts: StepParts,
    view: cmap.MapView,
    frames: dict[str, gpd.GeoDataFrame] | None,
    news: list | None,
) -> tuple[str, dict[str, bool], int]:
    """The day layer (a function that builds it, for ``DaySteps``), which layers are grid
    cells, and how many regions are shaded.

    Kept per view: a rerun on the same day (the map reporting where it was moved, a table
    page turned) sends the same script without building it again. ``frames`` (None: the
    day's, from ``day_frames``) and ``news`` (None: no news layer) follow from the view."""
    key = _layer_key(ctx, view, news is not None)
    return ahead.DAY_LAYERS.get(key, _layer_work(ctx, view, frames, news, parts.reviews))


def _layer_key(ctx: PageContext, view: cmap.MapView, news_on: bool) -> tuple:
    return ("layer", ctx.dataset_key, view, news_on)


def _layer_work(
    ctx: PageContext,
    view: cmap.MapView,
    frames: dict[str, gpd.GeoDataFrame] | None,
    news: list | None,
    reviews: dict[str, RecordReview],
) -> Callable[[], tuple[str, dict[str, bool], int]]:
    """``day_layer_script``'s work as a plain function (it may run in the background thread;
    ``reviews`` for the frames, see ``_frames_work``, unless ``frames`` are given)."""
    ds, boundaries = ctx.ds, ctx.boundaries
    frames_work = None if frames is not None else _frames_work(ctx, view.day, view.window, reviews)

    def work() -> tuple[str, dict[str, bool], int]:
        shown = frames
        if shown is None:
            day = ahead.FRAMES.get(_frames_key(ctx, view.day, view.window), frames_work)
            shown = {layer: day[layer] for layer in view.layers if layer in day}
        day_layer = cmap.day_feature_group(ds, view, boundaries, frames=shown)
        if news is not None:
            desk.add_news_layer(day_layer.group, desk.news_symbols(news))
        return cmap.day_layer_definition(day_layer.group), day_layer.aggregated, day_layer.shaded

    return work


MAP_KEY = "map"
MAP_REPORTS = ("zoom", "center", "bounds")  # what the map reports back (for the URL and PNG)


@st.cache_resource(show_spinner=False, max_entries=8)
def rendered_base_map(
    settings: Settings,
    dataset_key: tuple,
    online_tiles: bool,
    static_base: str,
    view: tuple[float, float, float] | None,
    _ds: Dataset,
    _boundaries: gpd.GeoDataFrame | None,
) -> _stfolium.RenderedMap:
    """The base map (outlines, town names, legend, layout script) rendered once and shared:
    it does not change with the day, so a step sends it as it is and swaps the day layer.
    ``dataset_key`` names ``_ds`` and ``_boundaries`` (signature, revision, identity)."""
    base = cmap.base_map(
        _boundaries,
        online_tiles=online_tiles,
        map_class=assets.offline_map_class(static_base),
        extent=data_extent(_ds),
        place_labels=get_town_labels(settings, dataset_key[0]),
        view=view,
    )
    base.add_child(cmap.DaySteps(limit=KEPT_IN_BROWSER))
    return _stfolium.render_base(base, key=MAP_KEY, returned_objects=MAP_REPORTS)


# --- day layers kept in the browser (the map's own step buttons) ------------------------------
#
# Each step's script defines the day layers the map does not have yet, the day shown and the
# next one (and the one before after a step back), then shows the day: the map's buttons show a
# neighbouring day at once, before the page's rerun (dashboard.leaflet.DaySteps). The session
# remembers which layers it sent to this map (the last SENT_REMEMBERED; the browser keeps
# KEPT_IN_BROWSER, more, so none of those is gone); a map that lost one asks again.

SENT_KEY = "_cm_sent"
SENT_REMEMBERED = 6
KEPT_IN_BROWSER = 16
STEP_KEY = "_cm_nonce"  # the last step the map reported, handled once


def view_prefix(dataset_key: tuple, view: cmap.MapView, news_on: bool) -> str:
    """What names a day layer's view in the browser, but for its day (``prefix:YYYY-MM-DD``)."""
    text = repr((dataset_key, view.window, view.layers, view.filters, view.shading, news_on))
    return hashlib.sha1(text.encode(), usedforsecurity=False).hexdigest()[:16]


def _neighbour_layer(
    ctx: PageContext, parts: StepParts, view: cmap.MapView, news_on: bool
) -> tuple[str, dict[str, bool], int]:
    """The day layer of a neighbouring day (its frames are kept for the step to it)."""
    news = day_news(ctx, parts, view.day.date(), view.window) if news_on else None
    return day_layer_script(ctx, parts, view, None, news)


def _day_after(ctx: PageContext, day: dt.date) -> dt.date:
    """The day a step forward goes to (Play goes round to the first day)."""
    return cmap.next_day(day, ctx.first, ctx.last) if ctx.playing else day + dt.timedelta(1)


def work_ahead(ctx: PageContext, parts: StepParts, view: cmap.MapView, news_on: bool) -> None:
    """When a run is done: build, in the background, the layer that the next step will send
    ahead (the day after the next one; after a step back, the day before the previous one),
    so that step's rerun finds it ready. With the news layer on, the layer needs the news of
    that day from the store, and it is built in the step, as before."""
    if news_on:
        return
    day = view.day.date()
    days = [_day_after(ctx, _day_after(ctx, day))]
    if st.session_state.get("_stepped_back"):
        days.append(day - dt.timedelta(days=2))
    views = [
        dataclasses.replace(view, day=pd.Timestamp(d)) for d in days if ctx.first <= d <= ctx.last
    ]
    views = [v for v in views if _layer_key(ctx, v, False) not in ahead.DAY_LAYERS]
    if not views:
        return
    for v in views:
        layer_work = _layer_work(ctx, v, None, None, parts.reviews)
        ahead.DAY_LAYERS.ahead(_layer_key(ctx, v, False), layer_work)
        # the step to that day shows its panel and its counts too (its frames: built above)
        ahead.PANELS.ahead(_panel_key(ctx, v), _panel_work(ctx, v))
        frames_key = _frames_key(ctx, v.day, v.window)
        frames_work = _frames_work(ctx, v.day, v.window, parts.reviews)
        ahead.COUNTS.ahead(frames_key, functools.partial(_counts, frames_key, frames_work))
        ahead.NATIONAL.ahead(_national_key(ctx, v), _national_work(ctx, v))
        if parts.store is not None:  # the news of that day (the counts show how many)
            news_key = _news_key(ctx, v.day.date(), v.window)
            ahead.NEWS.ahead(news_key, _news_work(parts, v.day.date(), v.window))


def _counts(frames_key: tuple, frames_work: Callable[[], dict]) -> dict[str, dict[str, int]]:
    return cmap.counts_by_layer(ahead.FRAMES.get(frames_key, frames_work))


def day_steps(
    ctx: PageContext,
    parts: StepParts,
    view: cmap.MapView,
    frames: dict[str, gpd.GeoDataFrame],
    news: list | None,
    map_id: str,
) -> tuple[str, dict[str, bool], int]:
    """The map's script for this run (``leaflet.day_steps_script``), which layers are grid
    cells and how many regions are shaded."""
    news_on = news is not None
    prefix = view_prefix(ctx.dataset_key, view, news_on)
    day = view.day.date()
    sent = st.session_state.get(SENT_KEY)
    if not sent or sent["map"] != map_id:
        sent = st.session_state[SENT_KEY] = {"map": map_id, "keys": []}
    shown, aggregated, shaded = day_layer_script(ctx, parts, view, frames, news)
    key = f"{prefix}:{day.isoformat()}"
    neighbours = [_day_after(ctx, day)]
    if st.session_state.get("_stepped_back"):
        neighbours.append(day - dt.timedelta(days=1))
    definitions = {} if key in sent["keys"] else {key: (shown, day_panel(ctx, view))}
    loads: dict[str, str] = {}  # the neighbours, fetched by the map when the page is idle
    for other in neighbours:
        other_key = f"{prefix}:{other.isoformat()}"
        known = other_key in sent["keys"] or other_key in definitions
        if ctx.first <= other <= ctx.last and not known:
            other_view = dataclasses.replace(view, day=pd.Timestamp(other))
            layer = _neighbour_layer(ctx, parts, other_view, news_on)[0]
            panel = day_panel(ctx, other_view)
            url = assets.day_file(cmap.define_script(other_key, layer, panel), ctx.static_base)
            if url is None:  # the file could not be written: in the step, as before
                definitions[other_key] = (layer, panel)
            else:
                loads[other_key] = url
    new = list(definitions) + list(loads)
    sent["keys"] = [k for k in sent["keys"] if k not in new] + new
    del sent["keys"][:-SENT_REMEMBERED]
    nav = {
        "prefix": prefix,
        "day": day.isoformat(),
        "first": ctx.first.isoformat(),
        "last": ctx.last.isoformat(),
        "window": view.window,
    }
    return cmap.day_steps_script(definitions, key, nav, loads), aggregated, shaded


def follow_map_step(first: dt.date, last: dt.date) -> None:
    """A day the map's own buttons moved to (or a layer it asked for again): handled once,
    before the slider is drawn."""
    report = st.session_state.get(MAP_KEY) or {}
    nonce = report.get("cm_nonce")
    if not nonce or nonce == st.session_state.get(STEP_KEY):
        return
    st.session_state[STEP_KEY] = nonce
    if report.get("cm_missing"):
        st.session_state.pop(SENT_KEY, None)  # the map lost its layers: send them again
    try:
        day = dt.date.fromisoformat(str(report.get("cm_day", "")))
    except ValueError:
        return
    st.session_state["_user_step"] = True  # not a playback tick
    st.session_state["_stepped_back"] = day < st.session_state.get("date", first)
    _go_to(day, first, last)


ZOOMED_IN = 7  # from this zoom on, the PNG download shows the map's extent, not the country


def keep_map_view(seen: dict | None) -> None:
    """Write the map's zoom and centre to the URL, and keep its extent for the PNG."""
    try:
        zoom = float(seen["zoom"])  # type: ignore[index]
        lat, lon = float(seen["center"]["lat"]), float(seen["center"]["lng"])  # type: ignore[index]
        sw, ne = seen["bounds"]["_southWest"], seen["bounds"]["_northEast"]  # type: ignore[index]
        extent = (float(sw["lng"]), float(sw["lat"]), float(ne["lng"]), float(ne["lat"]))
    except (KeyError, TypeError, ValueError):
        return  # the map has not reported yet
    st.session_state["map_extent"] = extent if zoom >= ZOOMED_IN else None
    url_set("z", f"{zoom:g}")
    url_set("lat", f"{lat:.4f}")
    url_set("lon", f"{lon:.4f}")


def day_panel(ctx: PageContext, view: cmap.MapView) -> str:
    """The day panel's content for the view's day (sent with its layer, see ``day_steps``):
    the day's feed, every event and state change of the day (or the window; the day only in
    the cumulative mode), national ones included, whatever layers are on (a click on a line
    flies the map to it in the browser); then the national figures as reported by that day."""
    return ahead.PANELS.get(_panel_key(ctx, view), _panel_work(ctx, view))


def _panel_key(ctx: PageContext, view: cmap.MapView) -> tuple:
    window = 1 if view.window is None else view.window
    return ("panel", ctx.dataset_key, view.day.date(), window, ctx.filters)


def _panel_work(ctx: PageContext, view: cmap.MapView) -> Callable[[], str]:
    """``day_panel``'s work as a plain function (it may run in the background thread)."""
    day, window = view.day.date(), 1 if view.window is None else view.window
    ds, filters, dataset_key = ctx.ds, ctx.filters, ctx.dataset_key

    def work() -> str:
        as_of = figures_as_of(ds, day)
        figures = functools.partial(figures_html, ds, as_of)
        frame = day_feed(ds, day, window=window, filters=filters)
        shown, total = feed.feed_items(frame, limit=feed.MAX_ITEMS)
        if window == 1:
            period = f"{day:%a %d %B %Y}"
        else:
            period = f"{day - dt.timedelta(days=window - 1):%d %b} to {day:%d %b %Y}"
        heading = f"{period} · {total:,} item{'' if total == 1 else 's'}"
        if total > len(shown):
            heading += f" (the first {len(shown):,}; the table has them all)"
        return feed.day_panel_html(
            feed.feed_html(shown, heading=heading, show_day=window > 1),
            f"As reported by {day:%d %B %Y}",
            ahead.FIGURES.get(("figures", dataset_key, as_of), figures),
        )

    return work


@st.cache_data(show_spinner=False, max_entries=8)
def timeline_bars(
    settings: Settings, dataset_key: tuple, filters: Filters, _ds: Dataset
) -> dict | None:
    """The Vega-Lite spec of the events-per-day bars (None without dated events): it depends
    on the filters, not on the day, so Altair builds and validates it once, not every step."""
    per_day = events_per_day(_ds, layers=EVENT_LAYERS, filters=filters)
    if not len(per_day):
        return None
    per_day = per_day.assign(
        layer=per_day["layer"].map(lambda lay: LAYER_STYLES[lay].label),
        day=pd.to_datetime(per_day["date"]).dt.strftime("%Y-%m-%d"),  # what a click picks
    )
    domain = [LAYER_STYLES[lay].label for lay in EVENT_LAYERS]
    palette = [LAYER_STYLES[lay].colour for lay in EVENT_LAYERS]
    bars = (
        alt.Chart(per_day)
        .mark_bar()
        .encode(
            x=alt.X("yearmonthdate(date):T", title=None),
            y=alt.Y("sum(events):Q", title="events"),
            color=alt.Color("layer:N", scale=alt.Scale(domain=domain, range=palette), title=None),
            tooltip=[alt.Tooltip("day:N", title="day"), "layer:N", "sum(events):Q"],
        )
        .add_params(alt.selection_point(name=TIMELINE_PICK, fields=["day"], on="click"))
    )
    return bars.to_dict()


TIMELINE_PICK = "pick"


def _picked_day(first: dt.date, last: dt.date) -> None:
    """A click on the timeline's bars moves the slider to that day (issue 15)."""
    state = st.session_state.get("timeline") or {}
    picks = (state.get("selection") or {}).get(TIMELINE_PICK) or []
    for pick in picks:
        try:
            day = dt.date.fromisoformat(str(pick.get("day", ""))[:10])
        except (AttributeError, ValueError):
            continue
        st.session_state["_user_step"] = True  # not a playback tick (see day_view)
        _go_to(day, first, last)
        return


def timeline(ctx: PageContext, parts: StepParts, view: cmap.MapView) -> None:
    """Events per day as stacked bars, the view's days marked (a band and a rule); a click on
    a bar moves the slider there."""
    st.subheader("Events per day")
    bars = parts.bars
    if bars is None:
        st.caption("No dated events.")
        return
    start = view.day - pd.Timedelta(days=(view.window or 10_000) - 1)
    start = max(start, pd.Timestamp(ctx.first))
    end = view.day + pd.Timedelta(hours=23)
    # The day's band and rule read a named data set, so the spec is the same on every step
    # and the browser swaps that data set in the chart instead of embedding a new chart.
    marks = {"name": "day_marks"}
    colour = "#1d4e89"
    band = {
        "data": marks,
        "mark": {"type": "rect", "opacity": 0.12, "color": colour},
        "encoding": {"x": {"field": "start", "type": "temporal"}, "x2": {"field": "end"}},
    }
    rule = {
        "data": marks,
        "mark": {"type": "rule", "color": colour, "strokeWidth": 2},
        "encoding": {"x": {"field": "end", "type": "temporal"}},
    }
    layer = {k: v for k, v in bars.items() if k not in ("$schema", "config", "datasets")}
    # The bars' rows are written into the spec: they are the same on every step, and a named
    # data set is converted to Arrow and sent again on every run.
    datasets = dict(bars.get("datasets", {}))
    named = (layer.get("data") or {}).get("name")
    if named in datasets:
        layer["data"] = {"values": datasets.pop(named)}
    spec = {
        "$schema": bars.get("$schema"),
        "datasets": {
            **datasets,
            "day_marks": pd.DataFrame({"start": [start.isoformat()], "end": [end.isoformat()]}),
        },
    }
    spec["layer"] = [band, layer, rule]
    st.vega_lite_chart(
        spec=spec,
        width="stretch",
        height=180,
        key="timeline",
        on_select=functools.partial(_picked_day, ctx.first, ctx.last),
        selection_mode=TIMELINE_PICK,
    )
    st.caption("Click a day's bar to go to that day.")


def _whole_table_csv(frames: dict[str, gpd.GeoDataFrame]) -> str:
    """The whole table as CSV: built only when the download is asked for."""
    return cmap.table_csv(cmap.feature_table(frames))


@st.cache_data(show_spinner=False, max_entries=8)
def table_rows(
    dataset_key: tuple, view: cmap.MapView, start: int, _frames: dict[str, gpd.GeoDataFrame]
) -> pd.DataFrame:
    """A page of the table for a view (``_frames`` follow from the view and ``dataset_key``):
    a rerun on the same day and page sends the same rows without building them again."""
    return cmap.feature_table(_frames, start=start, stop=start + cmap.TABLE_PAGE_ROWS)


TABLE_OPEN = "table_open"  # the URL keeps whether the table and the articles are open
ARTICLES_OPEN = "articles_open"


def lazy_panel(label: str, key: str, icon: str, draw: Callable[[], None]) -> None:
    """An expander whose content is built (and sent) only while it is open; the URL keeps
    whether it is open, so a copied link opens it again."""
    panel = st.expander(label, key=key, on_change="rerun", bind="query-params", icon=icon)
    with panel:
        if panel.open:
            draw()


def table(view: cmap.MapView, frames: dict[str, gpd.GeoDataFrame], dataset_key: tuple) -> None:
    """The table of what is on the map, a page at a time (the whole of it as CSV is among the
    downloads).

    It sits in an expander, closed unless opened (or opened in the link): a step builds and
    sends the table only when it is open (issue 17: the table was a third of every step's
    bytes)."""
    total = sum(len(f) for f in frames.values())
    lazy_panel(
        f"Table of what is on the map ({total:,} row{'' if total == 1 else 's'})",
        TABLE_OPEN,
        ":material/table_rows:",
        functools.partial(_table_page, view, frames, dataset_key, total),
    )


def _table_page(
    view: cmap.MapView, frames: dict[str, gpd.GeoDataFrame], dataset_key: tuple, total: int
) -> None:
    pages = max(1, -(-total // cmap.TABLE_PAGE_ROWS))
    start = 0
    if pages > 1:
        if st.session_state.get("table_page", 1) > pages:  # a narrower day has fewer pages
            st.session_state["table_page"] = pages
        page_no = st.number_input("Table page", min_value=1, max_value=pages, key="table_page")
        start = (int(page_no) - 1) * cmap.TABLE_PAGE_ROWS
        st.caption(
            f"Rows {start + 1:,}-{min(start + cmap.TABLE_PAGE_ROWS, total):,} of {total:,} "
            f"(page {int(page_no)} of {pages:,}); the whole table is in the CSV below."
        )
    rows = table_rows(dataset_key, view, start, frames)
    st.dataframe(
        rows,
        hide_index=True,
        width="stretch",
        height=min(420, 40 + 35 * max(1, len(rows))),
        placeholder="",  # a count nobody reported is an empty cell, not "None" (issue 15)
        column_config={
            "link": st.column_config.LinkColumn("first source", display_text="open"),
            "description": st.column_config.TextColumn("description", width="large"),
        },
    )


def downloads(ctx: PageContext, view: cmap.MapView, frames: dict[str, gpd.GeoDataFrame]) -> None:
    """What is on the map to take away, in one menu: each visible layer as GeoJSON, the view
    as the briefing PNG and the table as CSV (each built on click); zoomed in (zoom 7 and
    closer), the GeoJSON and the PNG hold only the area on screen.

    One menu, not a row of buttons, filled only while it is open: each element on the page is
    sent and drawn again on every step (issue 17)."""
    layers = list(frames)
    extent = st.session_state.get("map_extent")
    area = tuple(round(v, 4) for v in extent) if extent else None
    total = sum(len(f) for f in frames.values())
    menu = st.popover(
        "Download what is on the map" + (" (this extent)" if area else ""),
        icon=":material/download:",
        help="Each visible layer as GeoJSON, the map as a PNG for a slide, the table as CSV.",
        key="downloads",
        on_change="rerun",
    )
    with menu:
        if not menu.open:
            return  # a closed menu sends nothing
        if layers:
            if area is None:
                st.caption(
                    "Each visible layer as GeoJSON (the file `python -m geo export` writes):"
                )
            else:
                bbox = ",".join(f"{v:g}" for v in area)
                st.caption(
                    "Each visible layer as GeoJSON, only what lies in the area on screen (the "
                    f"file `python -m geo export --bbox {bbox}` writes):"
                )
        for layer in layers:
            shown = frames[layer] if area is None else in_extent(frames[layer], area)
            st.download_button(
                f"{LAYER_STYLES[layer].label} ({len(shown):,})",
                data=functools.partial(
                    cmap.layer_geojson,
                    ctx.ds,
                    layer,
                    view.day,
                    window=view.window,
                    filters=ctx.filters,
                    extent=area,
                ),
                file_name=export.default_filename(layer, view.day, "geojson"),
                mime="application/geo+json",
                key=f"download_{layer}",
                on_click="ignore",
                icon="⬇️",
            )
        st.download_button(
            "Map as PNG for a slide (1600x900)" + (", this extent" if area else ""),
            data=functools.partial(
                snapshot_png,
                ctx.settings,
                ctx.signature,
                ctx.revision,
                view.day,
                tuple(layers) + (("emergency",) if view.shading == "emergency" else ()),
                view.window,
                ctx.filters,
                area,
            ),
            file_name=export.default_filename("snapshot", view.day, "png"),
            mime="image/png",
            key="download_png",
            on_click="ignore",
            icon=":material/image:",
            help="The same picture `python -m geo snapshot` draws: this day, these layers and "
            "filters; zoomed in, the area on screen (`snapshot --bbox`).",
        )
        st.download_button(
            f"Table as CSV ({total:,} rows)",
            data=functools.partial(_whole_table_csv, frames),
            file_name=export.default_filename("table", view.day, "csv"),
            mime="text/csv",
            key="download_table",
            on_click="ignore",
            icon="⬇️",
            help="The whole table, every page. Cells that a spreadsheet would run as a formula "
            "start with ' (OWASP's advice).",
        )


def articles(ctx: PageContext, view: cmap.MapView, frames: dict[str, gpd.GeoDataFrame]) -> None:
    """Articles of the day or window that mention a place on the map, newest first, the
    place's mentions highlighted: in an expander that a step fills only when it is open."""
    lazy_panel(
        "Articles about a place on the map",
        ARTICLES_OPEN,
        ":material/newspaper:",
        functools.partial(_place_articles, ctx, view, frames),
    )


def _place_articles(
    ctx: PageContext, view: cmap.MapView, frames: dict[str, gpd.GeoDataFrame]
) -> None:
    gazetteer = gazetteer_or_none(ctx.settings, ctx.signature)
    place_options = cmap.places_on_map(frames, gazetteer.get if gazetteer else None)
    place_names = {key: name for key, name, _ in place_options}
    place_labels = {key: label for key, _, label in place_options}
    place = st.selectbox(
        "Place on the map",
        list(place_labels),
        index=None,
        key="place",
        format_func=lambda k: place_labels.get(k, k),
        placeholder="Choose a place…",
    )
    if not place:
        return
    try:
        spans = article_spans(ctx.settings, ctx.signature, ctx.revision, ctx.ds)
    except GeoError as exc:  # the geoparser needs the gazetteer (cache folder, data files)
        st.error(f"The articles could not be searched: {cmap.md_text(exc)}", icon="⚠️")
        spans = {}
    name = place_names.get(place, place)
    day = view.day.date()
    since = dt.date.min if view.window is None else day - dt.timedelta(days=view.window - 1)
    hits = sorted(
        (
            a
            for a in ctx.ds.articles
            if since <= a.date <= day
            and any(
                s.place_id == place or s.name.lower() == name.lower() for s in spans.get(a.id, [])
            )
        ),
        key=lambda a: (a.date, a.title),
        reverse=True,
    )
    period = (
        f"by {day:%d %B}"
        if view.window is None
        else f"on {day:%d %B}"
        if view.window == 1
        else f"from {since:%d} to {day:%d %B}"
    )
    st.caption(
        f"{len(hits)} article{'s' if len(hits) != 1 else ''} {period} mention "
        f"{cmap.md_text(name)}, newest first, its mentions highlighted."
        if hits
        else f"No article {period} mentions {cmap.md_text(name)}."
    )
    budget = cmap.ARTICLES_PAGE_CHARS
    for shown, article in enumerate(hits):
        if budget <= 0:
            st.caption(
                f"{len(hits) - shown} more articles mention {cmap.md_text(name)}: too much text "
                "for one page. Choose a narrower day or mode to see fewer places."
            )
            break
        text, note = cmap.article_excerpt(article.body, min(cmap.ARTICLE_PAGE_CHARS, budget))
        budget -= len(text)
        with st.container(border=True):
            st.markdown(
                cmap.article_head_html(article.title, article.date, article.publisher, article.url),
                unsafe_allow_html=True,
            )
            if note:
                st.caption(note)
            body = cmap.highlight_html(text, spans.get(article.id, []), selected=place)
            st.markdown(f'<div class="cm-article">{body}</div>', unsafe_allow_html=True)


def day_view(ctx: PageContext) -> None:
    """The controls that change what is drawn, not the day (Play, its speed, the layer
    switches), run as a fragment; it calls day_step, the fragment that a step reruns."""
    slider_col, play_col, speed_col = st.columns([10, 1.3, 1.4], vertical_alignment="bottom")
    play_controls(ctx, play_col, speed_col)
    layers, news_on, row = layer_switches()
    parts = step_parts(ctx)
    st.session_state["_outer_run"] = True  # day_step runs as part of this run
    st.fragment(day_step, run_every=SPEEDS[ctx.speed] if ctx.playing else None)(
        ctx, parts, slider_col, row, tuple(layers), news_on
    )


def day_step(
    ctx: PageContext,
    parts: StepParts,
    slider_col: DeltaGenerator,
    counts_row: DeltaGenerator,
    layers: tuple[str, ...],
    news_on: bool,
) -> None:
    """Everything that depends on the day: run as a fragment, so a step reruns only this. The
    slider and the counts go into ``slider_col`` and ``counts_row``, drawn by day_view."""
    part_of_run = st.session_state.pop("_outer_run", False)
    follow_map_step(ctx.first, ctx.last)
    user_step = st.session_state.pop("_user_step", False)
    if ctx.playing and not part_of_run and not user_step:  # a tick of the Play timer
        today = st.session_state.get("date", ctx.first)
        _go_to(cmap.next_day(today, ctx.first, ctx.last), ctx.first, ctx.last)
    with slider_col:
        day_value = day_slider(ctx)
    view = cmap.MapView.of(
        day_value, mode=ctx.mode, days=ctx.days, filters=ctx.filters, shading=ctx.shading
    )
    dataset_key = ctx.dataset_key
    all_frames = day_frames(ctx, parts, view.day, view.window)
    news = layer_counts(ctx, parts, view, all_frames, counts_row)
    view = cmap.MapView.of(
        day_value,
        mode=ctx.mode,
        days=ctx.days,
        layers=layers,
        filters=ctx.filters,
        shading=ctx.shading,
    )
    frames = {layer: all_frames[layer] for layer in layers}
    map_and_day_panel(ctx, parts, view, frames, news if news_on else None)
    timeline(ctx, parts, view)
    table(view, frames, dataset_key)
    downloads(ctx, view, frames)
    articles(ctx, view, frames)
    work_ahead(ctx, parts, view, news_on)


def main() -> None:
    settings, signature, revision, ds, boundaries = load_page()
    vendor_assets()
    static_base = assets.static_url(st.get_option("server.baseUrlPath") or "")
    first, last = ds.date_range()
    if last <= first:
        last = first + dt.timedelta(days=1)
    mode, days, shading, filters, online_tiles = sidebar(settings, signature, ds, boundaries)
    st.title(cmap.md_text(settings.case_title))
    # The day is read from the URL once, on arrival; the fragment writes it back.
    if "date" not in st.session_state:
        st.session_state["date"] = cmap.day_from_url(
            st.query_params.get("date"), first, last, default=busiest_day(ds)
        )
    playing = bool(st.session_state.get("playing", False))
    speed = str(st.session_state.get("speed", "normal"))
    ctx = PageContext(
        settings, signature, revision, ds, boundaries, static_base, first, last,
        mode, days, shading, filters, online_tiles, playing, speed,
    )  # fmt: skip
    st.fragment(day_view)(ctx)


main()
