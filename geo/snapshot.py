"""Snapshots: the map of one day as a PNG for a 16:9 slide, and storyboards of several days.

Drawn with matplotlib's Agg canvas (no pyplot, no global state: safe inside a Streamlit server),
offline, in DejaVu Sans (bundled with matplotlib). Symbols follow geo.symbology, as the
dashboard's map does: one symbol per place and layer, counts summed, the worst infrastructure
status shown. The projection is lon/lat with x scaled by cos(reference latitude), so shapes and
distances are right near the middle of the country; ``MapFrame.to_pixel`` gives a point's pixel.
"""

from __future__ import annotations

import datetime as dt
import io
import math
import sys
import textwrap
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, replace
from pathlib import Path
from typing import TYPE_CHECKING, Any

import numpy as np
import pandas as pd
import shapely
from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.collections import PatchCollection
from matplotlib.figure import Figure
from matplotlib.font_manager import FontProperties
from matplotlib.patches import PathPatch, Polygon, Rectangle
from matplotlib.path import Path as MplPath
from matplotlib.patheffects import withStroke

from geo.csvrows import parse_sources
from geo.errors import InputError
from geo.events import Dataset
from geo.layers import (
    NO_FILTERS,
    Filters,
    as_day,
    check_layer,
    check_window,
    data_extent,
    figures_as_of,
    layer_counts,
    map_features,
    national_figures,
    parse_bbox,
    place_extent,
)
from geo.schema import MAP_LAYERS, METRIC_LABELS, METRICS, Place
from geo.symbology import (
    LAYER_PRIORITY,
    LAYER_STYLES,
    STATUS_LABELS,
    group_label,
    legend_entries,
    place_groups,
    place_marker,
    scaled_radius,
    spread_offsets,
)

if TYPE_CHECKING:
    import argparse

    import geopandas as gpd

    from geo.config import Settings
    from geo.gazetteer import Gazetteer

# How the snapshot commands get the data set and the gazetteer that placed it (the CLI's).
LoadInputs = Callable[["Settings"], "tuple[Dataset, Gazetteer]"]

FONT = "DejaVu Sans"
DPI = 100
DEFAULT_SIZE = (1600, 900)
KM_PER_DEGREE = 111.32
ATTRIBUTION = (
    "Boundaries: Natural Earth (public domain) · Data: {case}, every record sourced "
    "(data/README.md) · crisismap · generated {generated}"
)
# Cities labelled on the map, most important first, with the names they had in January 2022.
MAJOR_CITIES: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("Nur-Sultan", ("Nur-Sultan", "Astana")),
    ("Almaty", ("Almaty",)),
    ("Shymkent", ("Shymkent",)),
    ("Aktobe", ("Aktobe",)),
    ("Karaganda", ("Karaganda", "Karagandy")),
    ("Taraz", ("Taraz",)),
    ("Pavlodar", ("Pavlodar",)),
    ("Ust-Kamenogorsk", ("Ust-Kamenogorsk", "Oskemen")),
    ("Semey", ("Semey",)),
    ("Atyrau", ("Atyrau",)),
    ("Kostanay", ("Kostanay",)),
    ("Kyzylorda", ("Kyzylorda",)),
    ("Oral", ("Oral", "Uralsk")),
    ("Petropavl", ("Petropavl", "Petropavlovsk")),
    ("Aktau", ("Aktau",)),
    ("Taldykorgan", ("Taldykorgan",)),
    ("Turkistan", ("Turkistan",)),
    ("Kokshetau", ("Kokshetau",)),
    ("Zhanaozen", ("Zhanaozen",)),
)
# A detail map of the city where most sites are, drawn in the side panel when it holds features.
DETAIL = ("Almaty", (76.76, 43.16, 77.12, 43.40))
# Drawn bottom to top; infrastructure statuses on top so a seized airport is never hidden
# (symbols at one spot are spread around it anyway: geo.symbology.spread_offsets).
_DRAW_ORDER = ("emergency", "troops", "other", "protests", "clashes", "infrastructure")
# The legend lists layers in this order (events first, as before).
_LEGEND_ORDER = ("clashes", "protests", "other", "troops", "infrastructure", "emergency")
_COUNT_WORDS = {
    "fatalities": "killed",
    "injured": "injured",
    "detained": "detained",
    "troops": "troops",
}

_INK = "#1e2a36"
_MUTED = "#5b6470"
_LAND = "#fbfaf6"
_SEA = "#e9eef2"
_BORDER = "#9aa3ab"


# --- projection --------------------------------------------------------------------------------


@dataclass(frozen=True)
class MapFrame:
    """Where the map sits in an image and which lon/lat it shows.

    ``box`` is (left, top, width, height) in pixels from the image's top-left corner; x is lon
    times cos(ref_lat), y is lat, and the extent is widened so its shape matches the box.
    """

    size: tuple[int, int]
    box: tuple[float, float, float, float]
    extent: tuple[float, float, float, float]  # lon0, lat0, lon1, lat1
    ref_lat: float

    @property
    def k(self) -> float:
        return math.cos(math.radians(self.ref_lat))

    def to_xy(self, lon: Any, lat: Any) -> tuple[Any, Any]:
        """Projected map coordinates (what the axes are drawn in)."""
        return np.asarray(lon, dtype=float) * self.k, np.asarray(lat, dtype=float)

    def to_pixel(self, lon: float, lat: float) -> tuple[float, float]:
        """(column, row) of a lon/lat in the PNG, from its top-left corner."""
        lon0, lat0, lon1, lat1 = self.extent
        left, top, width, height = self.box
        col = left + (lon - lon0) / (lon1 - lon0) * width
        row = top + (lat1 - lat) / (lat1 - lat0) * height
        return col, row

    def km_per_pixel(self) -> float:
        return (self.extent[3] - self.extent[1]) * KM_PER_DEGREE / self.box[3]


def fit_frame(
    bounds: tuple[float, float, float, float],
    size: tuple[int, int],
    box: tuple[float, float, float, float],
    *,
    margin: float = 0.4,
) -> MapFrame:
    """A MapFrame showing ``bounds`` (lon0, lat0, lon1, lat1) plus a margin, fitted to ``box``."""
    lon0, lat0, lon1, lat1 = bounds
    lon0, lat0, lon1, lat1 = lon0 - margin, lat0 - margin, lon1 + margin, lat1 + margin
    ref = (lat0 + lat1) / 2
    k = math.cos(math.radians(ref))
    want = box[2] / box[3]
    have = (lon1 - lon0) * k / (lat1 - lat0)
    if have > want:  # too wide: show more latitude
        extra = ((lon1 - lon0) * k / want - (lat1 - lat0)) / 2
        lat0, lat1 = lat0 - extra, lat1 + extra
    else:
        extra = ((lat1 - lat0) * want / k - (lon1 - lon0)) / 2
        lon0, lon1 = lon0 - extra, lon1 + extra
    return MapFrame(size, box, (lon0, lat0, lon1, lat1), ref)


def _bounds(
    boundaries: gpd.GeoDataFrame | None,
    extent: tuple[float, float, float, float] | None = None,
) -> tuple[float, float, float, float]:
    """The boundaries' extent, else ``extent`` (the data's: geo.layers.data_extent); with
    neither there is nothing to draw, and the error says so."""
    if boundaries is not None and len(boundaries):
        lon0, lat0, lon1, lat1 = (float(v) for v in boundaries.total_bounds)
        return lon0, lat0, lon1, lat1
    if extent is not None:
        return extent
    msg = (
        "nothing to draw: the data set has no admin-1 boundaries (data/admin1.geojson; see "
        "`python -m geo boundaries --help`) and no record with a place"
    )
    raise InputError(msg)


def snapshot_frame(
    boundaries: gpd.GeoDataFrame | None,
    size: tuple[int, int] = DEFAULT_SIZE,
    *,
    extent: tuple[float, float, float, float] | None = None,
) -> MapFrame:
    """The MapFrame render_snapshot uses for an image of ``size`` (width, height) pixels;
    ``extent`` (lon0, lat0, lon1, lat1) is used when there are no boundaries."""
    return fit_frame(_bounds(boundaries, extent), size, _layout(size)["map"])


def _layout(size: tuple[int, int]) -> dict[str, tuple[float, float, float, float]]:
    """Boxes (left, top, width, height) in pixels: title, map, side panel, footer."""
    w, h = size
    pad = 0.018 * w
    title_h = 0.115 * h
    footer_h = 0.05 * h
    panel_w = 0.285 * w
    map_box = (pad, title_h, w - panel_w - 2 * pad, h - title_h - footer_h)
    panel = (w - panel_w - pad * 0.5, title_h, panel_w, h - title_h - footer_h)
    return {
        "map": map_box,
        "panel": panel,
        "title": (pad, 0, w - 2 * pad, title_h),
        "footer": (pad, h - footer_h, w - 2 * pad, footer_h),
    }


# --- drawing helpers ---------------------------------------------------------------------------


def _font(px: float, *, bold: bool = False) -> FontProperties:
    """DejaVu Sans at ``px`` pixels (the figure is 100 dpi, so 1 px = 0.72 pt)."""
    return FontProperties(family=FONT, size=px * 72 / DPI, weight="bold" if bold else "normal")


def _axes_at(fig: Figure, box: tuple[float, float, float, float], size: tuple[int, int]):
    left, top, width, height = box
    w, h = size
    return fig.add_axes((left / w, 1 - (top + height) / h, width / w, height / h))


def _map_axes(fig: Figure, frame: MapFrame):
    ax = _axes_at(fig, frame.box, frame.size)
    lon0, lat0, lon1, lat1 = frame.extent
    ax.set_xlim(lon0 * frame.k, lon1 * frame.k)
    ax.set_ylim(lat0, lat1)
    ax.set_aspect("auto")
    ax.set_xticks([])
    ax.set_yticks([])
    ax.set_facecolor(_SEA)
    for spine in ax.spines.values():
        spine.set_edgecolor(_BORDER)
    return ax


def _polygon_paths(geom: Any, frame: MapFrame) -> list[MplPath]:
    """Matplotlib paths (holes included) of a Polygon or MultiPolygon, projected."""
    if geom is None or geom.is_empty:
        return []
    polygons = list(geom.geoms) if geom.geom_type == "MultiPolygon" else [geom]
    paths = []
    for poly in polygons:
        verts, codes = [], []
        for ring in (poly.exterior, *poly.interiors):
            xs, ys = frame.to_xy(*np.asarray(ring.coords).T[:2])
            pts = np.column_stack([xs, ys])
            verts.append(pts)
            codes += [MplPath.MOVETO] + [MplPath.LINETO] * (len(pts) - 2) + [MplPath.CLOSEPOLY]
        paths.append(MplPath(np.concatenate(verts), codes))
    return paths


def _draw_boundaries(
    ax,
    boundaries: gpd.GeoDataFrame | None,
    frame: MapFrame,
    scale: float,
    emergency_codes: set[str],
) -> set[str]:
    """Admin-1 units (emergency ones filled); returns the emergency codes that had a polygon."""
    if boundaries is None or not len(boundaries):
        return set()
    if boundaries.crs is not None and boundaries.crs.to_epsg() != 4326:
        boundaries = boundaries.to_crs(4326)
    filled: set[str] = set()
    patches, colours = [], []
    emergency = LAYER_STYLES["emergency"].colour
    for code, geom in zip(boundaries["iso3166_2"], boundaries.geometry, strict=True):
        hit = code in emergency_codes
        filled |= {code} if hit else set()
        for path in _polygon_paths(geom, frame):
            patches.append(PathPatch(path))
            colours.append(emergency if hit else _LAND)
    ax.add_collection(
        PatchCollection(
            patches, facecolors=colours, edgecolors=_BORDER, linewidths=0.9 * scale, zorder=1
        )
    )
    return filled


@dataclass(frozen=True)
class _Symbol:
    lon: float
    lat: float
    colour: str
    shape: str
    radius: float
    label: str
    layer: str
    unknown: bool = False  # size never reported: hollow, dashed, with "?"
    at: tuple[float, float] | None = None  # the true lon/lat when spread off it


MAX_SYMBOLS = 2500  # per layer; beyond it places are binned into a grid, as the dashboard does
GRID_CELLS_DEG = (0.02, 0.05, 0.1, 0.25, 0.5, 1.0)


def _symbols(layer: str, frame: gpd.GeoDataFrame) -> list[_Symbol]:
    """One symbol per place (same coordinates), as the dashboard draws them; past MAX_SYMBOLS
    places, one circle per grid cell sized by its number of features, without labels."""
    keep = frame.geometry.notna() & ~frame.geometry.is_empty
    if not keep.all():  # (a copy of every column only when some row has no point)
        frame = frame[keep]
    if not len(frame):
        return []
    geoms = frame.geometry
    if not (shapely.get_type_id(np.asarray(geoms.array)) == 0).all():  # not all points
        geoms = geoms.representative_point()
    lon, lat = geoms.x.to_numpy(), geoms.y.to_numpy()
    places = pd.DataFrame({"x": np.round(lon, 5), "y": np.round(lat, 5)}).drop_duplicates()
    if len(places) > MAX_SYMBOLS:
        return _grid_symbols(layer, lon, lat)
    names = [n if isinstance(n, str) else "" for n in frame["name"].tolist()]
    actors = [a if isinstance(a, str) else "" for a in frame["actor"].tolist()]
    out = []
    for group in place_groups(frame, lat, lon):
        style = place_marker(layer, group)
        name = names[group.rows[0]]
        label = group_label(layer, group, names, actors) if style.label and name else ""
        out.append(
            _Symbol(
                group.lon,
                group.lat,
                style.colour,
                style.shape,
                style.radius,
                label,
                layer,
                style.unknown,
            )
        )
    return sorted(out, key=lambda s: -s.radius)


def _grid_symbols(layer: str, lon: np.ndarray, lat: np.ndarray) -> list[_Symbol]:
    """One circle per grid cell (the smallest cell giving at most MAX_SYMBOLS), sized by count."""
    for cell in GRID_CELLS_DEG:
        cells = pd.DataFrame({"x": np.floor(lon / cell), "y": np.floor(lat / cell)})
        if len(cells.drop_duplicates()) <= MAX_SYMBOLS:
            break
    cells["lon"], cells["lat"] = lon, lat
    agg = cells.groupby(["x", "y"], sort=False).agg(
        n=("lon", "size"), lon=("lon", "mean"), lat=("lat", "mean")
    )
    colour = LAYER_STYLES[layer].colour
    out = [
        _Symbol(
            r["lon"], r["lat"], colour, "circle", scaled_radius(r["n"], per_unit=1.2), "", layer
        )
        for r in agg.to_dict("records")
    ]
    return sorted(out, key=lambda s: -s.radius)


_MARKERS = {"circle": "o", "square": "s", "diamond": "D", "area": "s"}


def _marker_area(shape: str, radius_px: float) -> float:
    """scatter's ``s`` (points squared) for a symbol of ``radius_px``: equal areas across shapes."""
    side_px = 2 * radius_px if shape == "circle" else radius_px * math.sqrt(math.pi)
    if shape == "diamond":
        side_px /= math.sqrt(2)  # matplotlib's "D" is a square turned 45 degrees: size = diagonal
        side_px *= 1.25  # a diamond reads smaller than its area says
    return (side_px * 72 / DPI) ** 2


def _spread(symbols: list[_Symbol], frame: MapFrame, scale: float) -> list[_Symbol]:
    """The symbols moved off each other (spread_offsets), each remembering its true point."""
    points = []
    for s in symbols:
        col, row = frame.to_pixel(s.lon, s.lat)
        points.append((col, row, s.radius * scale))
    rank = [LAYER_PRIORITY.get(s.layer, 2) for s in symbols]
    offsets = spread_offsets(points, priority=rank, gap=3 * scale, min_leg=10 * scale)
    lon0, lat0, lon1, lat1 = frame.extent
    left, top, width, height = frame.box
    out = []
    for s, (col, row, _r), (dx, dy) in zip(symbols, points, offsets, strict=True):
        if dx == 0 and dy == 0:
            out.append(s)
            continue
        lon = lon0 + (col + dx - left) / width * (lon1 - lon0)
        lat = lat1 - (row + dy - top) / height * (lat1 - lat0)
        out.append(replace(s, lon=lon, lat=lat, at=(s.lon, s.lat)))
    return out


def _draw_leaders(ax, symbols: list[_Symbol], frame: MapFrame, scale: float) -> None:
    """A thin line from each spread symbol to its true point, and a dot at the point."""
    moved = [s for s in symbols if s.at is not None]
    if not moved:
        return
    from matplotlib.collections import LineCollection

    # One collection, drawn as the separate lines were (each with its alpha, in order).
    x0, y0 = frame.to_xy([s.at[0] for s in moved], [s.at[1] for s in moved])  # type: ignore[index]
    x1, y1 = frame.to_xy([s.lon for s in moved], [s.lat for s in moved])
    segments = np.stack([np.column_stack([x0, y0]), np.column_stack([x1, y1])], axis=1)
    ax.add_collection(
        LineCollection(
            segments,
            colors=_INK,
            linewidths=1.1 * scale,
            alpha=0.8,
            zorder=2.8,
            capstyle="projecting",
            joinstyle="round",
        ),  # fmt: skip
        autolim=False,
    )
    xs, ys = frame.to_xy([s.at[0] for s in moved], [s.at[1] for s in moved])  # type: ignore[index]
    ax.scatter(xs, ys, s=(2.2 * scale * 72 / DPI) ** 2 * 4, c=_INK, zorder=2.9, linewidths=0)


def _draw_symbols(ax, symbols: list[_Symbol], frame: MapFrame, scale: float, zorder: int) -> None:
    unknown = [s for s in symbols if s.unknown]
    if unknown:  # hollow and dashed with a "?": a size never reported, not the smallest
        xs, ys = frame.to_xy([s.lon for s in unknown], [s.lat for s in unknown])
        ax.scatter(
            xs,
            ys,
            s=[_marker_area(s.shape, s.radius * scale) for s in unknown],
            c="white",
            marker=_MARKERS[unknown[0].shape],
            edgecolors=[s.colour for s in unknown],
            linewidths=1.8 * scale,
            linestyles="--",
            zorder=zorder,
        )
        for x, y, s in zip(xs, ys, unknown, strict=True):
            ax.text(
                float(x),
                float(y),
                "?",
                ha="center",
                va="center",
                color=s.colour,
                fontproperties=_font(s.radius * scale * 1.3, bold=True),
                zorder=zorder + 0.1,
                clip_on=True,
                parse_math=False,
            )
    symbols = [s for s in symbols if not s.unknown]
    for shape in ("circle", "square", "diamond", "area"):
        chosen = [s for s in symbols if s.shape == shape]
        if not chosen:
            continue
        xs, ys = frame.to_xy([s.lon for s in chosen], [s.lat for s in chosen])
        ax.scatter(
            xs,
            ys,
            s=[_marker_area(shape, s.radius * scale) for s in chosen],
            c=[s.colour for s in chosen],
            marker=_MARKERS[shape],
            edgecolors="#b5656b" if shape == "area" else "white",  # an area without a polygon
            linewidths=1.3 * scale,
            zorder=zorder,
        )


class _Placer:
    """Greedy label placement: each label takes the first free spot around its point.

    A label's text is measured once (one artist at the first spot); the other seven spots are
    the same box moved by their offset and alignment, so only the chosen spot gets an artist.
    Taken areas sit in a grid of cells, so a candidate is tested against its neighbours only.
    """

    OFFSETS = (
        (1, 0, "left", "center"),
        (-1, 0, "right", "center"),
        (0, 1, "center", "bottom"),
        (0, -1, "center", "top"),
        (1, 1, "left", "bottom"),
        (1, -1, "left", "top"),
        (-1, 1, "right", "bottom"),
        (-1, -1, "right", "top"),
    )
    CELL_PX = 64.0
    # Where a box starts, in units of its width (ha) or height (va), from its anchor.
    _H_SHIFT = {"left": 0.0, "center": -0.5, "right": -1.0}
    _V_SHIFT = {"bottom": 0.0, "center": -0.5, "top": -1.0}

    def __init__(self, fig: Figure, frame: MapFrame) -> None:
        self.fig = fig
        self.frame = frame
        self.renderer = fig.canvas.get_renderer()
        self.taken: list[tuple[float, float, float, float]] = []  # x0, y0, x1, y1 display px
        self._cells: dict[tuple[int, int], list[int]] = {}
        self._line_heights: dict[tuple[float, Any], float] = {}
        left, top, width, height = frame.box
        h = frame.size[1]
        self.limits = (left + 4, h - top - height + 4, left + width - 4, h - top - 4)

    def take(self, rect: tuple[float, float, float, float]) -> None:
        """Mark an area (display px) as taken: no label is placed over it."""
        k = len(self.taken)
        self.taken.append(rect)
        for cell in self._cells_of(rect):
            self._cells.setdefault(cell, []).append(k)

    def _cells_of(self, rect: tuple[float, ...]) -> Iterator[tuple[int, int]]:
        c = self.CELL_PX
        for i in range(math.floor(rect[0] / c), math.floor(rect[2] / c) + 1):
            for j in range(math.floor(rect[1] / c), math.floor(rect[3] / c) + 1):
                yield i, j

    def free(self, rect: tuple[float, float, float, float]) -> bool:
        """Whether ``rect`` overlaps no taken area."""
        taken = self.taken
        for cell in self._cells_of(rect):
            for k in self._cells.get(cell, ()):
                if _overlap(rect, taken[k]):
                    return False
        return True

    def block_points(self, symbols: Iterable[_Symbol], scale: float) -> None:
        for s in symbols:
            col, row = self.frame.to_pixel(s.lon, s.lat)
            y = self.frame.size[1] - row
            r = s.radius * scale
            self.take((col - r, y - r, col + r, y + r))

    def _annotate(self, ax, x: float, y: float, text: str, gap: float, spot: int, style: dict):
        dx, dy, ha, va = self.OFFSETS[spot]
        return ax.annotate(
            text,
            (x, y),
            xytext=(dx * gap * 0.72, dy * gap * 0.72),
            textcoords="offset points",
            ha=ha,
            va=va,
            annotation_clip=False,
            **style,
            parse_math=False,
        )

    def _may_fit(self, ax, x: float, y: float, text: str, gap: float, style: dict) -> bool:
        """False when no spot can hold the label, decided without measuring its text: each
        spot's box holds a smaller one (the height of one line, no width), and when even
        that is taken or off the map everywhere, so is the label's own box."""
        prop = style["fontproperties"]
        key = (prop.get_size_in_points(), prop.get_weight())
        if key not in self._line_heights:  # matplotlib's own minimum line height ("lp")
            _, h, _ = self.renderer.get_text_width_height_descent("lp", prop, ismath=False)
            self._line_heights[key] = 0.95 * h
        h = self._line_heights[key]
        ax_, ay_ = ax.transData.transform((x, y))
        px = self.fig.dpi / 72 * gap * 0.72
        lim = self.limits
        for dx, dy, _ha, va in self.OFFSETS:
            x0 = ax_ + dx * px
            y0 = ay_ + dy * px + self._V_SHIFT[va] * h
            rect = (x0 - 1.99, y0 - 0.99, x0 + 1.99, y0 + h + 0.99)  # inside, by a hair
            outside = rect[0] < lim[0] or rect[1] < lim[1] or rect[2] > lim[2] or rect[3] > lim[3]
            if not outside and self.free(rect):
                return True
        return False

    def place(self, ax, lon: float, lat: float, text: str, gap: float, **style: Any) -> bool:
        x, y = (float(v) for v in self.frame.to_xy(lon, lat))
        if not self._may_fit(ax, x, y, text, gap, style):
            return False
        artist = self._annotate(ax, x, y, text, gap, 0, style)
        box = artist.get_window_extent(self.renderer)
        w, h = box.x1 - box.x0, box.y1 - box.y0
        px = self.fig.dpi / 72 * gap * 0.72  # an offset of one unit, in display pixels
        dx0, dy0, ha0, va0 = self.OFFSETS[0]
        ax0 = box.x0 - dx0 * px - self._H_SHIFT[ha0] * w  # the anchor the spots share
        ay0 = box.y0 - dy0 * px - self._V_SHIFT[va0] * h
        lim = self.limits
        for spot, (dx, dy, ha, va) in enumerate(self.OFFSETS):
            if spot == 0:
                x0, y0 = box.x0, box.y0
            else:
                x0 = ax0 + dx * px + self._H_SHIFT[ha] * w
                y0 = ay0 + dy * px + self._V_SHIFT[va] * h
            rect = (x0 - 2, y0 - 1, x0 + w + 2, y0 + h + 1)
            inside = (
                rect[0] >= lim[0] and rect[1] >= lim[1] and rect[2] <= lim[2] and rect[3] <= lim[3]
            )
            if inside and self.free(rect):
                if spot != 0:  # drawn at its spot (added last, as the label drawn on top)
                    artist.remove()
                    artist = self._annotate(ax, x, y, text, gap, spot, style)
                self.take(rect)
                return True
        artist.remove()
        return False


def _overlap(a: tuple[float, ...], b: tuple[float, ...]) -> bool:
    return a[0] < b[2] and b[0] < a[2] and a[1] < b[3] and b[1] < a[3]


def _draw_scale_bar(ax, frame: MapFrame, scale: float) -> tuple[float, float, float, float]:
    """A two-segment scale bar, true at the reference latitude, bottom left of the map.

    Returns the area it covers in display pixels (x0, y0, x1, y1), so labels avoid it."""
    width_km = frame.box[2] * frame.km_per_pixel()
    target = width_km * 0.16
    nice = (1, 2, 5, 10, 20, 25, 50, 100, 200, 250, 300, 500, 1000, 2000)
    length = max(n for n in nice if n <= max(target, 1))
    deg = length / KM_PER_DEGREE  # in projected x units (lon * k) one unit is one degree of lat
    x0, x1 = ax.get_xlim()
    y0, y1 = ax.get_ylim()
    left = x0 + (x1 - x0) * 0.03
    bottom = y0 + (y1 - y0) * 0.045
    bar_h = (y1 - y0) * 0.012
    backdrop = Rectangle(
        (left - deg * 0.06, bottom - bar_h * 1.2),
        deg * 1.3,
        bar_h * 5.2,
        facecolor="white",
        alpha=0.8,
        edgecolor="none",
        zorder=8,
    )
    ax.add_patch(backdrop)
    for i, colour in enumerate((_INK, "white")):
        ax.add_patch(
            Rectangle(
                (left + i * deg / 2, bottom),
                deg / 2,
                bar_h,
                facecolor=colour,
                edgecolor=_INK,
                linewidth=0.8 * scale,
                zorder=9,
            )
        )
    font = _font(13 * scale)
    for frac, text in ((0, "0"), (0.5, f"{length // 2:g}"), (1, f"{length:g} km")):
        ax.text(
            left + deg * frac,
            bottom + bar_h * 1.5,
            text,
            ha="center" if frac < 1 else "left",
            va="bottom",
            fontproperties=font,
            color=_INK,
            zorder=9,
            parse_math=False,
        )
    box = backdrop.get_window_extent(ax.figure.canvas.get_renderer())
    return (box.x0, box.y0, box.x1 + 30 * scale, box.y1)


def _draw_north_arrow(ax, scale: float) -> None:
    """A filled arrow with N, top left of the map (north is up in this projection)."""
    x, y, h = 0.04, 0.87, 0.075
    w = h * 0.38 * ax.bbox.height / ax.bbox.width
    tri = Polygon(
        [(x, y + h), (x - w, y), (x, y + h * 0.28)],
        closed=True,
        transform=ax.transAxes,
        facecolor=_INK,
        edgecolor=_INK,
        linewidth=0.8 * scale,
        zorder=9,
    )
    tri2 = Polygon(
        [(x, y + h), (x + w, y), (x, y + h * 0.28)],
        closed=True,
        transform=ax.transAxes,
        facecolor="white",
        edgecolor=_INK,
        linewidth=0.8 * scale,
        zorder=9,
    )
    ax.add_patch(tri)
    ax.add_patch(tri2)
    ax.text(
        x,
        y + h + 0.008,
        "N",
        transform=ax.transAxes,
        ha="center",
        va="bottom",
        fontproperties=_font(17 * scale, bold=True),
        color=_INK,
        zorder=9,
        parse_math=False,
    )


def _halo(scale: float) -> list[Any]:
    return [withStroke(linewidth=3.2 * scale, foreground="white")]


# --- cities ------------------------------------------------------------------------------------


def major_cities(gazetteer: Gazetteer, country: str = "KZ", limit: int = 20) -> tuple[Place, ...]:
    """The cities a snapshot labels: for Kazakhstan MAJOR_CITIES, named as in January 2022
    (Nur-Sultan, not Astana); for another country its ``limit`` most populous cities."""
    if country != "KZ":
        rows = [
            (row[7], i)
            for i, row in enumerate(getattr(gazetteer, "rows", ()))  # a fake may have none
            if row[2] == "city" and row[5] == country
        ]
        return tuple(gazetteer.place(i) for _, i in sorted(rows, reverse=True)[:limit])
    found = []
    for label, names in MAJOR_CITIES:
        for name in names:
            hits = gazetteer.lookup(name, kinds=("city",), country="KZ", limit=1)
            if hits:
                found.append(replace(hits[0], name=label))
                break
    return tuple(found)


def cities_in(ds: Dataset) -> tuple[Place, ...]:
    """The cities the data set's records are placed at (GeoNames ids), one each."""
    seen: dict[str, Place] = {}
    for frame in (ds.events, ds.states):
        if not len(frame):
            continue
        for pid, name, geom in zip(
            frame["place_id"], frame["place_name"], frame.geometry, strict=True
        ):
            if (
                isinstance(pid, str)
                and pid.startswith("gn:")
                and geom is not None
                and pid not in seen
            ):
                seen[pid] = Place(pid, str(name), "city", geom.y, geom.x, "")
    return tuple(seen.values())


# --- one snapshot ------------------------------------------------------------------------------


def _window_text(day: pd.Timestamp, window: int | None) -> str:
    when = f"{day.day} {day:%b}"
    if window is None:
        return f"Events up to {when}; states in force that day"
    if window == 1:
        return f"Events of {when}; states in force that day"
    return f"Events of the {window} days to {when}; states in force on {when}"


def _figure(size: tuple[int, int]) -> Figure:
    fig = Figure(figsize=(size[0] / DPI, size[1] / DPI), dpi=DPI, facecolor="white")
    FigureCanvasAgg(fig)
    return fig


def _png(fig: Figure, title: str) -> bytes:
    out = io.BytesIO()
    # zlib's fastest level: the same pixels, encoded in 0.08 s instead of 0.2-0.4 s at 100k
    # events (and a busy map even comes out smaller; a sparse one ~7% larger)
    fig.savefig(out, format="png", dpi=DPI, metadata={"Title": title, "Software": "crisismap"},
                pil_kwargs={"compress_level": 1})  # fmt: skip
    return out.getvalue()


def _draw_map(
    fig: Figure,
    frame: MapFrame,
    features: dict[str, gpd.GeoDataFrame],
    boundaries: gpd.GeoDataFrame | None,
    cities: Sequence[Place],
    scale: float,
    *,
    labels: bool = True,
    city_limit: int | None = None,
    detail: tuple[float, float, float, float] | None = None,
    bar: bool = False,
    wrap: int | None = None,
    label_px: float = 15.5,
    made: _Made | None = None,
):
    """Boundaries, symbols, labels and cities in ``frame``; labels inside ``detail`` are left
    to the detail map (an outline marks its area). ``made``: symbols already made for these
    frames (render_snapshot's). Returns the axes."""
    ax = _map_axes(fig, frame)
    emergency = features.get("emergency")
    codes = set(emergency["admin1"].dropna()) if emergency is not None and len(emergency) else set()
    filled = _draw_boundaries(ax, boundaries, frame, scale, codes)
    drawn: list[_Symbol] = []
    for layer in _DRAW_ORDER:
        frame_ = features.get(layer)
        if frame_ is None or not len(frame_):
            continue
        if layer == "emergency":  # an area where a polygon exists, else a marker at its point
            frame_ = frame_[~frame_["admin1"].isin(filled)]
        drawn += made.symbols(layer, frame_) if made is not None else _symbols(layer, frame_)
    drawn = _spread(drawn, frame, scale)
    _draw_leaders(ax, drawn, frame, scale)
    for z, layer in enumerate(_DRAW_ORDER, start=3):
        _draw_symbols(ax, [s for s in drawn if s.layer == layer], frame, scale, zorder=z)
    city_style = {
        "fontproperties": _font(15 * scale),
        "color": _MUTED,
        "zorder": 11,
        "path_effects": _halo(scale),
    }
    shown_cities = list(cities)[:city_limit] if city_limit else list(cities)
    if shown_cities:
        xs, ys = frame.to_xy([c.lon for c in shown_cities], [c.lat for c in shown_cities])
        ax.scatter(
            xs,
            ys,
            s=(3.6 * scale * 72 / DPI) ** 2 * 4,
            c=_INK,
            marker="o",
            zorder=2.5,
            edgecolors="white",
            linewidths=0.6 * scale,
        )
    placer = _Placer(fig, frame)
    placer.block_points(drawn, scale)
    if bar:
        placer.take(_draw_scale_bar(ax, frame, scale))
    if labels:
        label_style = {
            "fontproperties": _font(label_px * scale, bold=True),
            "color": _INK,
            "zorder": 12,
            "path_effects": _halo(scale),
        }
        labelled = [s for s in drawn if s.label]  # infrastructure first, then troops, by size
        for s in sorted(labelled, key=lambda s: (LAYER_PRIORITY.get(s.layer, 2), -s.radius)):
            lon, lat = s.at or (s.lon, s.lat)  # where it is, not where it was spread to
            if detail is None or not _inside(lon, lat, detail):
                text = textwrap.fill(s.label, wrap) if wrap else s.label
                placer.place(ax, s.lon, s.lat, text, s.radius * scale + 3 * scale, **label_style)
    if detail is not None:
        lon0, lat0, lon1, lat1 = detail
        (x0, x1), (y0, y1) = frame.to_xy([lon0, lon1], [lat0, lat1])
        ax.add_patch(
            Rectangle(
                (x0, y0),
                x1 - x0,
                y1 - y0,
                facecolor="none",
                edgecolor=_INK,
                linewidth=1.2 * scale,
                zorder=13,
            )
        )
    at = [frame.to_pixel(s.lon, s.lat) for s in drawn]
    cols = np.array([c for c, _ in at], dtype=float)
    rows = np.array([r for _, r in at], dtype=float)
    radii = np.array([s.radius * scale for s in drawn], dtype=float)
    for city in shown_cities:
        col, row = frame.to_pixel(city.lon, city.lat)
        near = radii[np.hypot(cols - col, rows - row) < 4 * scale].tolist()
        gap = max([5 * scale, *(r + 3 * scale for r in near)])
        placer.place(ax, city.lon, city.lat, city.name, gap, **city_style)
    return ax


def _area(extent: tuple[float, float, float, float]) -> float:
    return abs(extent[2] - extent[0]) * abs(extent[3] - extent[1])


def _visible(
    features: dict[str, gpd.GeoDataFrame],
    extent: tuple[float, float, float, float],
    boundaries: gpd.GeoDataFrame | None,
) -> dict[str, gpd.GeoDataFrame]:
    """The features the map shows: points inside ``extent``; emergencies whose admin-1 unit
    (or point) reaches into it. What the legend counts."""
    from shapely.geometry import box

    area = box(*extent)
    codes: set[str] = set()
    if boundaries is not None and len(boundaries):
        codes = set(boundaries.loc[boundaries.intersects(area), "iso3166_2"])
    out = {}
    for layer, frame in features.items():
        geoms = frame.geometry
        inside = geoms.notna() & ~geoms.is_empty & geoms.intersects(area)
        if layer == "emergency":
            inside |= frame["admin1"].isin(codes)
        out[layer] = frame[inside.fillna(False)]
    return out


def _inside(lon: float, lat: float, extent: tuple[float, float, float, float]) -> bool:
    return extent[0] <= lon <= extent[2] and extent[1] <= lat <= extent[3]


class _Made:
    """The symbols of each frame, made once per snapshot (the detail map's count and the map
    itself ask for the same layers' symbols); kept with their frame, whose id is the key."""

    def __init__(self) -> None:
        self._made: dict[tuple[str, int], tuple[gpd.GeoDataFrame, list[_Symbol]]] = {}

    def symbols(self, layer: str, frame: gpd.GeoDataFrame) -> list[_Symbol]:
        key = (layer, id(frame))
        if key not in self._made:
            self._made[key] = (frame, _symbols(layer, frame))
        return self._made[key][1]


def _detail_symbols(
    features: dict[str, gpd.GeoDataFrame],
    extent: tuple[float, float, float, float],
    made: _Made | None = None,
) -> int:
    """How many places inside ``extent`` carry a symbol."""
    made = made or _Made()
    n = 0
    for layer, frame in features.items():
        if layer == "emergency" or not len(frame):
            continue
        n += sum(1 for s in made.symbols(layer, frame) if _inside(s.lon, s.lat, extent))
    return n


def _draw_detail(
    fig: Figure, box, size, features, boundaries, scale: float, name: str, extent
) -> None:  # noqa: ANN001
    """A detail map of ``extent`` in ``box``, with a heading, labels and its own scale bar."""
    head = 26 * scale
    fig.text(
        box[0] / size[0],
        1 - box[1] / size[1],
        f"Detail: {name}",
        fontproperties=_font(17 * scale, bold=True),
        color=_INK,
        va="top",
        parse_math=False,
    )
    map_box = (box[0], box[1] + head, box[2], box[3] - head)
    frame = fit_frame(extent, size, map_box, margin=0.0)
    inner = {lay: f[f.geometry.notna()] for lay, f in features.items()}
    _draw_map(fig, frame, inner, boundaries, (), scale, bar=True, wrap=26, label_px=13)


def _legend(
    fig: Figure,
    box: tuple[float, float, float, float],
    size: tuple[int, int],
    layers: Sequence[str],
    features: dict[str, gpd.GeoDataFrame] | None,
    scale: float,
) -> float:
    """The legend in a panel box; returns the pixel row (from top) where it ends."""
    ax = _axes_at(fig, box, size)
    ax.set_axis_off()
    ax.set_xlim(0, box[2])
    ax.set_ylim(box[3], 0)  # rows grow downwards, in pixels
    row = 8 * scale
    ax.text(
        0,
        row,
        "On the map",
        fontproperties=_font(19 * scale, bold=True),
        color=_INK,
        va="top",
        parse_math=False,
    )
    row += 34 * scale
    line = 29 * scale
    statuses: dict[str, int] = {}
    if features and "infrastructure" in features and len(features["infrastructure"]):
        statuses = features["infrastructure"]["status"].value_counts().to_dict()
    for layer in [lay for lay in _LEGEND_ORDER if lay in layers]:
        style = LAYER_STYLES[layer]
        frame = features.get(layer) if features else None
        counts = layer_counts(frame) if frame is not None else None
        if layer == "infrastructure":
            ax.text(
                0,
                row,
                style.label,
                fontproperties=_font(17 * scale, bold=True),
                color=_INK,
                va="center",
                parse_math=False,
            )
            row += line
            entries = legend_entries(["infrastructure"])
            half = (len(entries) + 1) // 2
            for i, (label, colour, shape) in enumerate(entries):  # two columns
                status = next(s for s, lab in STATUS_LABELS.items() if lab == label)
                n = statuses.get(status, 0)
                x = 10 * scale + (i // half) * box[2] * 0.5
                y = row + (i % half) * line * 0.92
                _key(ax, x, y, colour, shape, scale)
                ax.text(
                    x + 18 * scale,
                    y,
                    label.split(" / ")[0] + (f" · {n}" if n else ""),
                    fontproperties=_font(16 * scale),
                    color=_INK if n else _MUTED,
                    va="center",
                    parse_math=False,
                )
            row += half * line * 0.92 + line * 0.15
            continue
        _key(ax, 10 * scale, row, style.colour, style.shape, scale)
        text = style.label
        if counts is not None:
            text += f"  ·  {counts['features']:,}"
            if style.size_by and counts.get(style.size_by):
                text += f"  ({counts[style.size_by]:,} {_COUNT_WORDS[style.size_by]}"
                if style.unknown_when_missing and frame[style.size_by].isna().any():
                    text += " known"  # some contingents have no published headcount
                text += ")"
        ax.text(
            28 * scale,
            row,
            text,
            fontproperties=_font(17 * scale, bold=True),
            color=_INK,
            va="center",
            parse_math=False,
        )
        row += line
        unsized = (
            frame is None or bool(frame[style.size_by].isna().any()) if style.size_by else False
        )
        if style.unknown_when_missing and unsized:  # the hollow "?" of a size never reported
            ax.scatter(
                [10 * scale],
                [row],
                s=_marker_area(style.shape, 8 * scale),
                c="white",
                marker=_MARKERS[style.shape],
                edgecolors=style.colour,
                linewidths=1.4 * scale,
                linestyles="--",
            )
            ax.text(
                10 * scale,
                row,
                "?",
                ha="center",
                va="center",
                color=style.colour,
                fontproperties=_font(11 * scale, bold=True),
                parse_math=False,
            )
            ax.text(
                28 * scale,
                row,
                "size not reported",
                fontproperties=_font(15 * scale),
                color=_MUTED,
                va="center",
                parse_math=False,
            )
            row += line * 0.9
    sized = [LAYER_STYLES[lay] for lay in layers if LAYER_STYLES[lay].size_by]
    if sized:
        note = "Symbol area grows with " + ", ".join(
            dict.fromkeys(_COUNT_WORDS[s.size_by] for s in sized)
        )
        ax.text(
            0,
            row,
            note,
            fontproperties=_font(14 * scale),
            color=_MUTED,
            va="center",
            parse_math=False,
        )
        row += line
    return box[1] + row


def _key(ax, x: float, y: float, colour: str, shape: str, scale: float) -> None:
    radius = 8 * scale
    ax.scatter(
        [x],
        [y],
        s=_marker_area(shape, radius),
        c=colour,
        marker=_MARKERS[shape],
        edgecolors="white" if shape != "area" else _BORDER,
        linewidths=1.0 * scale,
    )


def _figure_lines(ds: Dataset, day: pd.Timestamp) -> list[tuple[str, str, bool]]:
    """(metric line, source line, retracted) per metric: the latest whole figure, beside it any
    other whole figure of that day (the dashboard's rule: disputed figures side by side), with
    the newest retracted figure named on its line; without a whole figure, the newest partial
    one (labelled with whom it counts), else the retracted one. Made once per data set and
    report day (``figures_as_of``: the lines stay the same until the next report), so the
    panel's height and the panel, and a storyboard's days, share them."""
    key = f"snapshot_figure_lines:{figures_as_of(ds, day)}"
    if key not in ds.memo:
        ds.memo[key] = tuple(_make_figure_lines(ds, day))
    return list(ds.memo[key])


def _make_figure_lines(ds: Dataset, day: pd.Timestamp) -> list[tuple[str, str, bool]]:
    figs = national_figures(ds, day)
    out: list[tuple[str, str, bool]] = []
    for metric in METRICS:
        rows = figs[figs["metric"] == metric]
        latest = rows[rows["latest"]]
        retracted = rows[rows["certainty"] == "retracted"]
        partial = rows[(rows["certainty"] != "retracted") & (rows["part"].fillna("") != "")]
        if not len(latest) and not len(retracted) and not len(partial):
            continue
        if not len(latest) and len(partial) > 1:
            out.append(_parts_line(metric, partial))
            continue
        rec = next(f for f in (latest, partial, retracted) if len(f)).iloc[0]
        head = f"{METRIC_LABELS[metric]}: {_figure_value(rec)}"
        if not len(latest) and rec["part"]:
            head += f" ({rec['part']} only)"
        elif not len(latest):
            head += " (retracted)"
        elif rec["certainty"] not in ("reported", ""):
            head += f" ({rec['certainty']})"
        source = _source_line(rec)
        if len(latest):  # other whole figures of the headline's day: disputed, side by side
            rivals = _rivals(rows, rec)
            shown = [r for _, r in rivals.iloc[:MAX_RIVALS].iterrows()]
            for other in shown:
                head += f" · {_figure_value(other)}"
                if other["certainty"] not in ("reported", ""):
                    head += f" ({other['certainty']})"
            more = len(rivals) - len(shown)  # a slide has room for a few; the rest are counted
            if more:
                head += f" · {more:,} more"
            if len(rivals):
                day = pd.Timestamp(rec["date"])
                head += f" ({len(rivals) + 1:,} reports of {day.day} {day:%b})"
                source = "; ".join(_who_first(r) for r in (rec, *shown))
                if more:
                    source += f"; {more:,} more (the dashboard and the export list them all)"
        if len(latest) and len(retracted):
            head += f" · {_figure_value(retracted.iloc[0])} retracted"
        out.append((head, source, not len(latest)))
    return out


MAX_RIVALS = 3  # other figures of the headline's day written out on a slide's line


def _rivals(rows: pd.DataFrame, headline: pd.Series) -> pd.DataFrame:
    """Whole, unretracted figures of the same metric reported on the headline's day with
    another value (e.g. 5,800 and 5,969 detained on 9 January): never dropped, never merged."""
    part = rows["part"].fillna("")
    same_day = rows["date"] == headline["date"]
    other = rows["id"] != headline["id"]
    whole = (part == "") & (rows["certainty"] != "retracted")
    return rows[same_day & other & whole & (rows["value"] != headline["value"])]


def _who_first(rec: pd.Series) -> str:
    """Who reported a figure and its first publisher, short enough for several on one line:
    "Health Ministry: RIA Novosti +1"."""
    publishers = _publishers(rec).split(", ")
    more = f" +{len(publishers) - 1}" if len(publishers) > 1 else ""
    who = f"{rec['reported_by']}: " if rec["reported_by"] else ""
    return f"{who}{publishers[0]}{more}"


def _source_line(rec: pd.Series) -> str:
    date = pd.Timestamp(rec["date"])
    who = f"{rec['reported_by']}, " if rec["reported_by"] else ""
    return f"{who}{date.day} {date:%b} · {_publishers(rec)}"


def _parts_line(metric: str, partial: pd.DataFrame) -> tuple[str, str, bool]:
    """All parts of a figure side by side, newest part first, never added up: "Deaths:
    26 ("armed criminals") · 18 (security forces), parts not added up"."""
    rows = partial.assign(_d=pd.to_datetime(partial["date"])).sort_values("_d", ascending=False)
    rows = rows.drop_duplicates("part")
    parts = " · ".join(f"{_figure_value(r)} ({r['part']})" for _, r in rows.iterrows())
    head = f"{METRIC_LABELS[metric]}: {parts}, parts not added up"
    sources = "; ".join(
        f"{pd.Timestamp(r['date']).day} {pd.Timestamp(r['date']):%b} {_publishers(r)}"
        for _, r in rows.iterrows()
    )
    who = rows["reported_by"].iloc[0]
    same = (rows["reported_by"] == who).all() and who
    return head, (f"{who}: " if same else "") + sources, True


def _publishers(rec: pd.Series) -> str:
    try:
        return ", ".join(s.publisher for s in parse_sources(rec["sources"]))
    except ValueError:
        return str(rec["sources"])


def _figure_value(rec: pd.Series) -> str:
    qualifier = "" if rec["qualifier"] in ("", "exact") else f"{rec['qualifier']} "
    return qualifier + ("?" if pd.isna(rec["value"]) else f"{int(rec['value']):,}")


def _figures_panel(fig: Figure, box, size, ds: Dataset, day: pd.Timestamp, scale: float) -> None:
    ax = _axes_at(fig, box, size)
    ax.set_axis_off()
    ax.set_xlim(0, box[2])
    ax.set_ylim(box[3], 0)
    row = 10 * scale
    ax.plot([0, box[2]], [0, 0], color=_BORDER, linewidth=1 * scale)
    ax.text(
        0,
        row,
        f"National figures, as reported by {day.day} {day:%b}",
        fontproperties=_font(17 * scale, bold=True),
        color=_INK,
        va="top",
        parse_math=False,
    )
    row += (_FIGURES_HEADING_PX - 10) * scale
    lines = _figure_lines(ds, day)
    if not lines:
        ax.text(
            0,
            row,
            "None reported yet",
            fontproperties=_font(14.5 * scale),
            color=_MUTED,
            va="top",
            parse_math=False,
        )
        return
    for factor in FIGURE_TYPE_STEPS:  # every line, in the largest type that fits
        items, height = _figure_block(lines, box[2], scale, factor)
        if row + height <= box[3]:
            break
    for top, text, px, bold, colour in items:
        if row + top + 1.6 * px * scale > box[3]:  # even the smallest type does not fit
            break
        ax.text(
            0,
            row + top,
            text,
            fontproperties=_font(px * scale, bold=bold),
            color=colour,
            va="top",
            linespacing=1.1,
            parse_math=False,
        )


# National figure lines shrink in these steps (type size factors) until every line fits.
FIGURE_TYPE_STEPS = (1.0, 0.92, 0.84, 0.76, 0.68)
_FIGURES_HEADING_PX = 42  # the panel's heading and the space under it, at scale 1


def _figure_block(
    lines: list[tuple[str, str, bool]], width: float, scale: float, factor: float
) -> tuple[list[tuple[float, str, float, bool, str]], float]:
    """The national figure lines laid out at a type size ``factor``: (row from the block's
    top, text, px, bold, colour) per text, and the height the block takes."""
    items: list[tuple[float, str, float, bool, str]] = []
    row = 0.0
    chars = max(20, int(width / (14.5 * factor * scale * 0.56)))
    for head, source, retracted in lines:
        colour = "#b3261e" if retracted else _INK
        long = len(head) >= 48  # parts side by side: smaller, over a few lines
        px = (15 if long else 17) * factor
        head_lines = textwrap.wrap(head, max(20, int(width / (px * scale * 0.6))))
        items.append((row, "\n".join(head_lines), px, not retracted, colour))
        row += (20 if long else 24) * factor * scale * len(head_lines)
        short = textwrap.shorten(source, chars, placeholder=" …")
        items.append((row, short, 14.5 * factor, False, _MUTED))
        row += 27 * factor * scale
    return items, row


def figures_height(ds: Dataset, day: pd.Timestamp, width: float, scale: float) -> float:
    """Pixels the national figures of ``day`` need in a panel ``width`` wide, heading included,
    in the type size the panel uses when room is short (the side panel's budget)."""
    lines = _figure_lines(ds, day)
    if not lines:
        return 60 * scale
    _, height = _figure_block(lines, width, scale, FIGURE_TYPE_STEPS[2])
    return (10 + _FIGURES_HEADING_PX) * scale + height


def _texts(
    fig: Figure,
    size: tuple[int, int],
    title: str,
    subtitle: str,
    generated: dt.date,
    scale: float,
    *,
    case: str,
) -> None:
    w, h = size
    lay = _layout(size)
    left = lay["title"][0] / w
    fig.text(
        left,
        1 - 0.022 * h / h,
        title,
        fontproperties=_font(34 * scale, bold=True),
        color=_INK,
        va="top",
        parse_math=False,
    )
    fig.text(
        left,
        1 - (0.022 * h + 46 * scale) / h,
        subtitle,
        fontproperties=_font(18 * scale),
        color=_MUTED,
        va="top",
        parse_math=False,
    )
    fig.text(
        left,
        (lay["footer"][3] * 0.45) / h,
        ATTRIBUTION.format(generated=generated.isoformat(), case=case),
        fontproperties=_font(14 * scale),
        color=_MUTED,
        va="center",
        parse_math=False,
    )


def _scale_of(size: tuple[int, int]) -> float:
    return min(size[0] / 1600, size[1] / 900)


def _check_size(size: tuple[int, int]) -> tuple[int, int]:
    w, h = (int(v) for v in size)
    if not (320 <= w <= 8000 and 180 <= h <= 8000):
        msg = f"size {w}x{h} is out of range (320x180 to 8000x8000 pixels)"
        raise InputError(msg)
    return w, h


def render_snapshot(
    ds: Dataset,
    boundaries: gpd.GeoDataFrame | None,
    *,
    day: dt.date | str | pd.Timestamp,
    layers: Sequence[str] = MAP_LAYERS,
    window: int | None = 1,
    size: tuple[int, int] = DEFAULT_SIZE,
    title: str | None = None,
    filters: Filters = NO_FILTERS,
    cities: Sequence[Place] | None = None,
    generated: dt.date | None = None,
    case: str = "Crisis map",
    extent: tuple[float, float, float, float] | None = None,
) -> bytes:
    """The map of one day as PNG bytes, ``size`` = (width, height) pixels (16:9 by default).

    ``extent`` (lon0, lat0, lon1, lat1; ``parse_bbox``, ``place_extent``) zooms the map to an
    area; by default it shows the boundaries. The legend counts only what the map shows.

    Layers in geo.symbology's colours and shapes, admin-1 boundaries, city labels (``cities``;
    None = the cities the data set names), legend with counts, the national figures reported by
    that day, scale bar, north arrow and attribution. ``snapshot_frame(boundaries, size)`` gives
    the pixel position of any lon/lat in the result.
    """
    day = as_day(day)
    layers = [check_layer(lay) for lay in layers]
    check_window(window)
    size = _check_size(size)
    scale = _scale_of(size)
    features = map_features(ds, day, window=window, layers=layers, filters=filters, once=True)
    if extent is None:
        # (the data's extent is only worked out when there are no boundaries to show)
        bare = boundaries is None or not len(boundaries)
        frame = snapshot_frame(boundaries, size, extent=data_extent(ds) if bare else None)
    else:
        frame = fit_frame(extent, size, _layout(size)["map"], margin=0.0)
    features = _visible(features, frame.extent, boundaries)
    fig = _figure(size)
    if cities is None:
        cities = cities_in(ds)
    cities = [c for c in cities if _inside(c.lon, c.lat, frame.extent)]
    name, detail = DETAIL
    # no inset when the map itself is zoomed about as close as the inset would be
    zoomed = _area(frame.extent) < 6 * _area(detail)
    made = _Made()
    with_detail = not zoomed and _detail_symbols(features, detail, made) >= 2
    ax = _draw_map(
        fig,
        frame,
        features,
        boundaries,
        cities,
        scale,
        detail=detail if with_detail else None,
        bar=True,
        made=made,
    )
    _draw_north_arrow(ax, scale)
    panel = _layout(size)["panel"]
    end = _legend(fig, panel, size, layers, features, scale)
    gap = 16 * scale
    bottom = panel[1] + panel[3]
    # The national figures get the room every line needs (issue 15: the detained line was
    # dropped on 5, 7 and 13 January); the detail map takes what is left, if enough.
    figures_h = figures_height(ds, day, panel[2], scale)
    if with_detail:
        detail_h = bottom - end - figures_h - 2 * gap
        if detail_h > 150 * scale:
            _draw_detail(
                fig,
                (panel[0], end + gap, panel[2] - 8 * scale, detail_h),
                size,
                features,
                boundaries,
                scale,
                name,
                detail,
            )
            end += detail_h + gap
    rest = (panel[0], end + gap, panel[2], bottom - end - gap)
    if rest[3] > 60 * scale:
        _figures_panel(fig, rest, size, ds, day, scale)
    heading = title or f"{case} · {day.day} {day:%B %Y}"
    subtitle = _window_text(day, window)
    if title:
        subtitle = f"{day.day} {day:%B %Y} · " + subtitle
    _texts(fig, size, heading, subtitle, generated or dt.date.today(), scale, case=case)
    return _png(fig, heading)


# --- storyboard --------------------------------------------------------------------------------


def _grid(
    n: int, area: tuple[float, float, float, float], aspect: float, head: float, gap: float
) -> tuple[int, int]:
    """(columns, rows) that give the largest maps of ``aspect`` (width/height) in ``area``."""
    best, choice = -1.0, (1, n)
    for cols in range(1, n + 1):
        rows = math.ceil(n / cols)
        cell_w = (area[2] - gap * (cols - 1)) / cols
        cell_h = (area[3] - gap * (rows - 1)) / rows - head
        width = min(cell_w, cell_h * aspect)
        if width > best:
            best, choice = width, (cols, rows)
    return choice


def render_storyboard(
    ds: Dataset,
    boundaries: gpd.GeoDataFrame | None,
    *,
    days: Sequence[dt.date | str | pd.Timestamp],
    layers: Sequence[str] = MAP_LAYERS,
    window: int | None = 1,
    size: tuple[int, int] = DEFAULT_SIZE,
    title: str | None = None,
    filters: Filters = NO_FILTERS,
    cities: Sequence[Place] | None = None,
    generated: dt.date | None = None,
    case: str = "Crisis map",
) -> bytes:
    """Small multiples of several days as PNG bytes: same extent, one legend, one title."""
    if not days:
        msg = "a storyboard needs at least one date"
        raise InputError(msg)
    if len(days) > 16:
        msg = f"{len(days)} dates are too many for one storyboard (at most 16)"
        raise InputError(msg)
    parsed = [as_day(d) for d in days]
    layers = [check_layer(lay) for lay in layers]
    check_window(window)
    size = _check_size(size)
    scale = _scale_of(size)
    w, h = size
    lay = _layout(size)
    panel = lay["panel"]
    area = lay["map"]
    gap = 14 * scale
    head_h = 50 * scale  # the date, and under it what changed that day
    bare = boundaries is None or not len(boundaries)
    bounds = _bounds(boundaries, data_extent(ds) if bare else None)
    k = math.cos(math.radians((bounds[1] + bounds[3]) / 2))
    aspect = (bounds[2] - bounds[0] + 0.4) * k / (bounds[3] - bounds[1] + 0.4)
    cols, rows = _grid(len(parsed), area, aspect, head_h, gap)
    cell_w = (area[2] - gap * (cols - 1)) / cols
    cell_h = (area[3] - gap * (rows - 1)) / rows
    small = max(0.4, min(1.0, min(cell_w, (cell_h - head_h) * aspect) / area[2]) * scale * 1.3)
    fig = _figure(size)
    if cities is None:
        cities = cities_in(ds)
    map_w = min(cell_w, (cell_h - head_h) * aspect)
    map_h = map_w / aspect
    for i, d in enumerate(parsed):
        col, r = i % cols, i // cols
        left = area[0] + (area[2] - cols * map_w - (cols - 1) * gap) / 2 + col * (map_w + gap)
        top = area[1] + (area[3] - rows * (map_h + head_h) - (rows - 1) * gap) / 2
        top += r * (map_h + head_h + gap)
        frame = fit_frame(bounds, size, (left, top + head_h, map_w, map_h), margin=0.2)
        features = map_features(ds, d, window=window, layers=layers, filters=filters)
        _draw_map(
            fig, frame, features, boundaries, cities, small, labels=False, city_limit=4, bar=i == 0
        )
        fig.text(
            left / w,
            1 - top / h,
            f"{d.day} {d:%b %Y}",
            fontproperties=_font(19 * scale, bold=True),
            color=_INK,
            va="top",
            parse_math=False,
        )
        counts = _day_counts(ds, features, d)
        if counts:
            text = " · ".join(counts)
            chars = max(20, int(map_w / (14 * scale * 0.55)))
            fig.text(
                left / w,
                1 - (top + 25 * scale) / h,
                textwrap.shorten(text, chars, placeholder=" …"),
                fontproperties=_font(14 * scale),
                color=_MUTED,
                va="top",
                parse_math=False,
            )
    _legend(fig, panel, size, layers, None, scale)
    first, last = parsed[0], parsed[-1]
    heading = title or f"{case}, day by day"
    subtitle = f"{first.day} {first:%b} to {last.day} {last:%b %Y} · " + _window_text(
        last, window
    ).replace(f" {last.day} {last:%b}", " each day")
    _texts(fig, size, heading, subtitle, generated or dt.date.today(), scale, case=case)
    return _png(fig, heading)


def _day_counts(ds: Dataset, features: dict[str, gpd.GeoDataFrame], day: pd.Timestamp) -> list[str]:
    """What changed on a storyboard day: protests, clashes, troop and infrastructure changes
    (states that began or ended that day) and national events, the ones that are not zero."""
    out = [
        _plural(len(features[lay]), noun)
        for lay, noun in (("protests", "protest"), ("clashes", "clash"))
        if lay in features and len(features[lay])
    ]
    states = ds.states
    if len(states):
        start = pd.to_datetime(states["valid_from"], errors="coerce")
        end = pd.to_datetime(states["valid_to"], errors="coerce")
        changed = (start == day) | (end == day - pd.Timedelta(days=1))
        for layer, noun in (("troops", "troop change"), ("infrastructure", "site change")):
            n = int((changed & (states["layer"] == layer)).sum())
            if n:
                out.append(_plural(n, noun))
    events = ds.events
    if len(events) and "scope" in events:
        national = (events["scope"] == "national") & (pd.to_datetime(events["date"]) == day)
        if national.any():
            out.append(_plural(int(national.sum()), "national event"))
    return out or ["no change"]


def _plural(n: int, noun: str) -> str:
    return f"{n} {noun}" if n == 1 else f"{n} {noun}{'es' if noun.endswith('sh') else 's'}"


# --- command line ------------------------------------------------------------------------------


def parse_size(text: str) -> tuple[int, int]:
    """``1600x900`` -> (1600, 900); InputError otherwise."""
    parts = text.lower().replace("×", "x").split("x")
    if len(parts) != 2 or not all(p.strip().isdigit() for p in parts):
        msg = f"size {text!r} is not WIDTHxHEIGHT in pixels, e.g. 1600x900"
        raise InputError(msg)
    return _check_size((int(parts[0]), int(parts[1])))


def parse_layers(text: str) -> list[str]:
    """``protests,clashes`` -> the layer names, each checked."""
    names = [p.strip() for p in text.split(",") if p.strip()]
    if not names:
        msg = "--layers is empty; name one or more of " + ", ".join(MAP_LAYERS)
        raise InputError(msg)
    return [check_layer(n) for n in names]


def _inputs(settings: Settings, load: LoadInputs):  # -> (Dataset, boundaries, cities)
    from geo.gazetteer import admin1_boundaries

    ds, gazetteer = load(settings)
    boundaries = admin1_boundaries(settings)
    return ds, boundaries, major_cities(gazetteer, settings.area_of_interest), gazetteer


def towns_near(
    gazetteer: Gazetteer, extent: tuple[float, float, float, float], country: str
) -> list[Place]:
    """Up to 12 of the gazetteer's biggest towns inside a zoomed extent, for context."""
    rows = [
        (row[7], i)
        for i, row in enumerate(getattr(gazetteer, "rows", ()))  # a fake may have none
        if row[2] == "city" and row[5] == country and _inside(row[4], row[3], extent)
    ]
    return [gazetteer.place(i) for _, i in sorted(rows, reverse=True)[:12]]


def with_towns_near(
    cities: Sequence[Place],
    gazetteer: Gazetteer,
    extent: tuple[float, float, float, float],
    country: str,
) -> list[Place]:
    """``cities`` and the biggest towns inside a zoomed extent, each once: the labels of a
    zoomed snapshot (the command's --bbox/--place and the dashboard's zoomed PNG)."""
    near = towns_near(gazetteer, extent, country)
    return list({c.id: c for c in [*cities, *near]}.values())


def _out_path(out: str | None, name: str) -> Path:
    from geo.export import check_writable

    path = Path(out) if out else Path(".")
    check_writable(path)
    return path / name if path.is_dir() else path


def _draw_to_file(
    args: argparse.Namespace,
    settings: Settings,
    render: Callable[..., bytes],
    name: str,
    *,
    load: LoadInputs,
    **when: Any,
) -> Path:
    """Check the common arguments, draw with ``render`` (the day or days in ``when``), and
    write the PNG atomically to --out (a folder gets ``name``)."""
    from geo.export import write_atomic

    layers = parse_layers(args.layers)
    window = check_window(args.window)
    size = parse_size(args.size)
    out = _out_path(args.out, name)
    bbox = getattr(args, "bbox", None)
    place = getattr(args, "place", None)
    if bbox and place:
        msg = "give --bbox or --place, not both"
        raise InputError(msg)
    extent = parse_bbox(bbox) if bbox else None
    ds, boundaries, cities, gazetteer = _inputs(settings, load)
    if place:
        extent = place_extent(place, gazetteer, boundaries, settings.area_of_interest)
    if extent is not None:
        when["extent"] = extent
        cities = with_towns_near(cities, gazetteer, extent, settings.area_of_interest)
    png = render(
        ds,
        boundaries,
        layers=layers,
        window=window,
        size=size,
        title=args.title,
        cities=cities,
        case=settings.case_title,
        **when,
    )
    return write_atomic(out, png)


def cmd_snapshot(args: argparse.Namespace, settings: Settings, *, load: LoadInputs) -> int:
    """``snapshot --date D``; ``load`` gives the data set and the gazetteer (the CLI's)."""
    from geo.export import default_filename

    day = as_day(args.date)
    name = default_filename("snapshot", day, "png")
    out = _draw_to_file(args, settings, render_snapshot, name, load=load, day=day)
    size = parse_size(args.size)
    print(f"wrote {size[0]}x{size[1]} snapshot of {day.date()} to {out}", file=sys.stderr)
    return 0


def cmd_storyboard(args: argparse.Namespace, settings: Settings, *, load: LoadInputs) -> int:
    """``storyboard --dates D1,D2,...``; ``load`` as for cmd_snapshot."""
    days = [as_day(d.strip()) for d in args.dates.split(",") if d.strip()]
    if not days:
        msg = "--dates is empty; give dates like 2022-01-02,2022-01-05"
        raise InputError(msg)
    name = f"crisismap-storyboard-{days[0].date()}-{days[-1].date()}.png"
    out = _draw_to_file(args, settings, render_storyboard, name, load=load, days=days)
    print(f"wrote storyboard of {len(days)} days to {out}", file=sys.stderr)
    return 0
